"""Checks on an uploaded photo before Masthead keeps it: a real image in a format browsers show,
within the size and pixel limits, and not damaged.

The pixel limit is checked from the image header, before any pixel is decoded, so a small file
that claims to be 100,000 × 100,000 pixels (a decompression bomb) costs nothing. Pillow's own
guard (``DecompressionBombWarning``/``Error``) is turned into the same clear error.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from PIL import Image, UnidentifiedImageError

from .metadata import EmbeddedMetadata, read_embedded_metadata

FORMATS = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp", "GIF": "image/gif"}
MAX_SIDE = 30_000


@dataclass(frozen=True)
class CheckedImage:
    format: str
    width: int
    height: int
    content_type: str
    metadata: EmbeddedMetadata


def max_bytes() -> int:
    return settings.MASTHEAD_PHOTO_MAX_MB * 1024 * 1024


def max_pixels() -> int:
    return settings.MASTHEAD_PHOTO_MAX_MEGAPIXELS * 1_000_000


def _too_many_pixels() -> ValidationError:
    return ValidationError(
        f"This image has too many pixels: the limit is {settings.MASTHEAD_PHOTO_MAX_MEGAPIXELS} "
        "megapixels. Resize it and upload it again.",
        code="too_many_pixels",
    )


def check_photo_upload(upload) -> CheckedImage:
    """Check an uploaded file; raise ValidationError with a message for the editor."""
    size = getattr(upload, "size", None)
    if size is not None and size > max_bytes():
        raise ValidationError(
            f"This file is {size / 1024 / 1024:.1f} MB; a photo can be at most "
            f"{settings.MASTHEAD_PHOTO_MAX_MB} MB.",
            code="file_too_large",
        )
    if size == 0:
        raise ValidationError("This file is empty.", code="empty")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            upload.seek(0)
            with Image.open(upload) as image:
                kind = image.format
                width, height = image.size
                if kind not in FORMATS:
                    raise ValidationError(
                        f"{kind or 'This'} images can’t be shown on the site: upload a JPEG, "
                        "PNG, WebP or GIF.",
                        code="format",
                    )
                if width * height > max_pixels() or max(width, height) > MAX_SIDE:
                    raise _too_many_pixels()
                # Before reading anything else: for a PNG, reading its metadata first makes
                # verify() refuse to run (a RuntimeError).
                image.verify()
            # verify() checks the structure; decoding the pixels finds a truncated file.
            upload.seek(0)
            with Image.open(upload) as image:
                metadata = read_embedded_metadata(image)
                image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise _too_many_pixels() from None
    except UnidentifiedImageError:
        raise ValidationError(
            "This file isn’t an image Masthead can read: upload a JPEG, PNG, WebP or GIF.",
            code="not_an_image",
        ) from None
    except (OSError, SyntaxError, ValueError) as exc:
        raise ValidationError(
            "The image is damaged or incomplete (%(reason)s). Export it again and upload it.",
            code="damaged",
            params={"reason": str(exc) or type(exc).__name__},
        ) from None
    finally:
        upload.seek(0)
    return CheckedImage(kind, width, height, FORMATS[kind], metadata)
