"""The smaller copies of a photo that pages show: one crop per shape the pages use, each cut
around the photo's focal point, at a few widths, in AVIF (where this Pillow can write it),
WebP and JPEG.

They are made once, when a photo is saved or by ``masthead worker`` after an upload, and never
while a reader waits. A page names them in a ``<picture>``: browsers take the first format they
know and the width that fits, and an old browser gets the JPEG.

A photo's ``renditions`` field records them::

    {"of": <the original's storage name>, "scheme": 2, "focus": [0.5, 0.4],
     "copies": [[shape, format, width, height, storage name], ...],
     "retired": [[storage name, unix time], ...]}   # old copies, deleted a day later

``of`` and ``focus`` say which file and focal point the copies were cut from: a new file or
a moved focal point makes them again. Retired copies are kept a day because a CDN or a
reader's browser may still hold a page that names them.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Iterable
from dataclasses import dataclass
from io import BytesIO

from django.core.files.base import ContentFile
from PIL import Image, ImageOps, features

SCHEME = 2

# The shapes the pages use, and the widths each is made at. "original" keeps the photo's own
# shape (the story's hero). The widths cover the largest place a shape is shown at twice the
# pixel density: a 46rem hero, a 42rem lead card at 16:9, a 17rem card at 3:2 (6.5rem on a
# phone), a 96 px author portrait and a 36 px avatar at 1:1. The 720 px square is
# for search engines, which ask for square, 4:3 or 16:9 images of 50,000 pixels or more.
SHAPES: dict[str, tuple[int, int] | None] = {
    "original": None,
    "16x9": (16, 9),
    "3x2": (3, 2),
    "1x1": (1, 1),
}
WIDTHS: dict[str, tuple[int, ...]] = {
    "original": (480, 960, 1600),
    "16x9": (480, 960, 1600),
    "3x2": (320, 640),
    "1x1": (96, 192, 720),
}

# Best first: a <picture> lists its sources in this order and the <img> is the last (JPEG).
MIME_TYPES = {"avif": "image/avif", "webp": "image/webp", "jpeg": "image/jpeg"}
ENCODERS = {
    # AVIF at speed 8 is four times quicker to write than the default and about 2 % larger;
    # quality 50 in AVIF looks about like 80 in JPEG at well under half the bytes.
    "avif": ("AVIF", {"quality": 50, "speed": 8}),
    "webp": ("WEBP", {"quality": 75, "method": 4}),
    "jpeg": ("JPEG", {"quality": 80, "optimize": True, "progressive": True}),
}
EXTENSIONS = {"avif": "avif", "webp": "webp", "jpeg": "jpg"}

# Old copies stay this long after new ones replace them (pages held by a CDN still name them).
RETIRED_KEEP_SECONDS = 24 * 3600


def formats() -> tuple[str, ...]:
    """The formats copies are written in: AVIF only when this Pillow was built with it."""
    return tuple(name for name in MIME_TYPES if name != "avif" or features.check("avif"))


@dataclass(frozen=True)
class Copy:
    shape: str
    format: str
    width: int
    height: int
    name: str


def crop_box(
    width: int, height: int, shape: tuple[int, int] | None, focus: tuple[float, float]
) -> tuple[int, int, int, int]:
    """The largest box of ``shape`` inside a ``width`` × ``height`` image, centred on the focal
    point as far as the edges allow: ``(left, top, right, bottom)``."""
    if shape is None:
        return (0, 0, width, height)
    across, down = shape
    if width * down > height * across:  # wider than the shape: cut the sides
        box_w, box_h = max(1, round(height * across / down)), height
    else:  # taller: cut the top and bottom
        box_w, box_h = width, max(1, round(width * down / across))
    left = round(focus[0] * width - box_w / 2)
    top = round(focus[1] * height - box_h / 2)
    left = min(max(left, 0), width - box_w)
    top = min(max(top, 0), height - box_h)
    return (left, top, left + box_w, top + box_h)


def copy_widths(shape: str, box_width: int) -> list[int]:
    """The widths a shape is made at for a crop ``box_width`` pixels wide: never wider than
    the crop itself, and at least one copy however small the photo is."""
    return sorted({min(width, box_width) for width in WIDTHS[shape]})


def _encode(image: Image.Image, format_name: str) -> bytes:
    pillow_format, options = ENCODERS[format_name]
    buffer = BytesIO()
    image.save(buffer, pillow_format, **options)
    return buffer.getvalue()


def _flattened(image: Image.Image) -> Image.Image:
    """RGB, with a transparent background made white (JPEG has no transparency, and a logo or
    chart drawn on transparency would otherwise turn black)."""
    if image.mode in ("RGBA", "LA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(white, rgba).convert("RGB")
    return image.convert("RGB")


def make_copies(image_file, focus: tuple[float, float], save) -> tuple[tuple[int, int], list]:
    """Cut and write every copy of the open image file; ``save(file name, bytes)`` stores one
    and returns its storage name. Returns the original's size and the copies as recorded.

    A shape whose cut is the whole photo (16:9 of a 16:9 photo) shares the original shape's
    files. A format is left out of a shape when its widest copy is no smaller than the next
    format's (flat graphics can come out larger in AVIF than in WebP): a browser takes the
    first format it knows, so a larger one would only cost the reader.

    When a save fails, the copies written so far are attached to the exception as
    ``made_so_far`` for the caller, which knows the storage, to delete.
    """
    made: list[list] = []
    written: dict[tuple, list[list]] = {}  # (crop box, width) -> its entries, to share
    try:
        with Image.open(image_file) as opened:
            original = _flattened(ImageOps.exif_transpose(opened))
        size = original.size
        for shape, ratio in SHAPES.items():
            box = crop_box(*size, ratio, focus)
            crop = original.crop(box)
            kept = list(formats())
            for width in reversed(copy_widths(shape, crop.width)):  # widest first
                height = max(1, round(crop.height * width / crop.width))
                shared = written.get((box, width))
                if shared is not None:
                    made += [[shape, *entry[1:]] for entry in shared]
                    continue
                resized = (
                    crop
                    if (width, height) == crop.size
                    else crop.resize((width, height), Image.Resampling.LANCZOS, reducing_gap=3.0)
                )
                encoded = {name: _encode(resized, name) for name in kept}
                if not any(entry[0] == shape for entry in made):
                    # The widest copy decides which formats this shape is worth having in.
                    kept = [
                        name
                        for name, following in zip(kept, [*kept[1:], None], strict=True)
                        if following is None or len(encoded[name]) < len(encoded[following])
                    ]
                entries = []
                for format_name in kept:
                    # Random like the original's name, so neither can be guessed from the other.
                    file_name = (
                        f"renditions/{secrets.token_urlsafe(16)}-{shape}-w{width}"
                        f".{EXTENSIONS[format_name]}"
                    )
                    stored = save(file_name, ContentFile(encoded[format_name]))
                    entries.append([shape, format_name, width, height, stored])
                written[(box, width)] = entries
                made += entries
    except Exception as exc:
        exc.made_so_far = made  # type: ignore[attr-defined]
        raise
    return size, made


def copies_of(renditions: dict) -> list[Copy]:
    """The copies recorded in a photo's ``renditions`` field (none for the first scheme's)."""
    if renditions.get("scheme") != SCHEME:
        return []
    return [Copy(*entry) for entry in renditions.get("copies", ())]


def stored_names(renditions: dict) -> list[str]:
    """Every file the field names besides the original: copies of both schemes, retired ones."""
    names = [name for key, name in renditions.items() if key.isdigit()]  # the first scheme
    names += [entry[4] for entry in renditions.get("copies", ())]
    names += [entry[0] for entry in renditions.get("retired", ())]
    return list(dict.fromkeys(names))  # shapes can share a file


def retire(previous: dict, current: dict, now: float | None = None) -> dict:
    """``current`` with the copies ``previous`` named and ``current`` does not added to its
    retired list, to be deleted once no held page can name them."""
    now = time.time() if now is None else now
    keep = {entry[4] for entry in current.get("copies", ())}
    retired = [list(entry) for entry in previous.get("retired", ())]
    retired += [[name, now] for name in stored_names({**previous, "retired": []})]
    retired = [entry for entry in retired if entry[0] not in keep]
    return {**current, "retired": retired} if retired else current


def due_for_deletion(renditions: dict, now: float | None = None) -> tuple[list[str], dict]:
    """Retired copies old enough to delete, and the field without them."""
    now = time.time() if now is None else now
    retired = renditions.get("retired", ())
    due = [name for name, since in retired if now - since >= RETIRED_KEEP_SECONDS]
    left = [[name, since] for name, since in retired if now - since < RETIRED_KEEP_SECONDS]
    kept = {key: value for key, value in renditions.items() if key != "retired"}
    return due, ({**kept, "retired": left} if left else kept)


def best_first(copies: Iterable[Copy], shape: str) -> dict[str, list[Copy]]:
    """A shape's copies by format, in the order a <picture> lists them, narrowest first."""
    by_format: dict[str, list[Copy]] = {}
    for copy in sorted(copies, key=lambda c: c.width):
        if copy.shape == shape:
            by_format.setdefault(copy.format, []).append(copy)
    return {name: by_format[name] for name in MIME_TYPES if name in by_format}
