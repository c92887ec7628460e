"""Photos of imported stories: downloaded when reachable, else kept as references.

A download is accepted only if it is a real image (Pillow opens and verifies it, in a format a
browser shows) within a size limit; anything else leaves the photo as a reference to its
original URL. Downloads happen before a story's transaction opens, so a slow photo host never
holds the database's write lock.
"""

from __future__ import annotations

import logging
import re
import warnings
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit

from django.core.files.base import ContentFile
from PIL import Image, UnidentifiedImageError

from masthead.ingest.fetch import FetchError, fetch, is_web_url
from masthead.photos.models import Photo

logger = logging.getLogger(__name__)

PHOTO_TIMEOUT = 5.0
MAX_PHOTO_BYTES = 20 * 2**20
MAX_PHOTO_PIXELS = 60_000_000
IMAGE_FORMATS = {"JPEG": "jpg", "PNG": "png", "GIF": "gif", "WEBP": "webp"}
# Photo.source_url's length: a longer URL is kept as a reference only.
MAX_URL_LENGTH = 500


@dataclass(frozen=True, slots=True)
class Download:
    url: str
    data: bytes
    extension: str


class NotAnImage(Exception):
    pass


def verify_image(data: bytes) -> str:
    """The file extension for ``data`` if it is a whole image in a web format; else raise."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(BytesIO(data)) as image:
                kind = image.format or ""
                width, height = image.size
                image.verify()
    except (UnidentifiedImageError, Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise NotAnImage("not an image Masthead can read") from None
    except (OSError, SyntaxError, ValueError, EOFError) as exc:
        raise NotAnImage(f"a broken image ({exc})") from None
    if kind not in IMAGE_FORMATS:
        raise NotAnImage(f"an image in {kind or 'an unknown format'}, not JPEG, PNG, GIF or WebP")
    if width * height > MAX_PHOTO_PIXELS:
        raise NotAnImage(f"too many pixels ({width} × {height})")
    return IMAGE_FORMATS[kind]


@dataclass
class PhotoDownloader:
    """Downloads for one import run. A URL, or a whole host, that failed once is not tried
    again in the same run: an old site that is gone costs one timeout, not one per photo."""

    enabled: bool = True
    failed_urls: dict[str, str] = field(default_factory=dict)
    dead_hosts: set[str] = field(default_factory=set)

    def download(self, url: str) -> Download | None:
        url = (url or "").strip()
        if not self.enabled or not is_web_url(url) or len(url) > MAX_URL_LENGTH:
            return None
        host = (urlsplit(url).hostname or "").lower()
        if url in self.failed_urls or host in self.dead_hosts:
            return None
        try:
            fetched = fetch(url, timeout=PHOTO_TIMEOUT, max_bytes=MAX_PHOTO_BYTES)
            extension = verify_image(fetched.data)
        except FetchError as exc:
            self.failed_urls[url] = str(exc)
            if exc.reason.startswith(("cannot connect", "no answer", "unknown host")):
                self.dead_hosts.add(host)
            logger.debug("photo kept as a reference: %s", exc)
            return None
        except NotAnImage as exc:
            self.failed_urls[url] = f"{url}: {exc}"
            logger.debug("photo kept as a reference: %s is %s", url, exc)
            return None
        return Download(url, fetched.data, extension)


def existing_photo(url: str) -> Photo | None:
    if not url or len(url) > MAX_URL_LENGTH:
        return None
    return Photo.objects.filter(source_url=url).exclude(image="").order_by("pk").first()


def save_photo(
    download: Download,
    *,
    caption: str = "",
    alt: str = "",
    photographer: str = "",
    agency: str = "",
) -> Photo:
    photo = Photo(
        source_url=download.url,
        caption=caption,
        alt_text=alt[:300],
        photographer=photographer[:200],
        agency=agency[:200],
    )
    photo.image.save(_file_name(download), ContentFile(download.data), save=False)
    photo.save()
    return photo


def _file_name(download: Download) -> str:
    stem = PurePosixPath(unquote(urlsplit(download.url).path)).stem
    stem = re.sub(r"[^A-Za-z0-9_-]+", "-", stem).strip("-_")[:60]
    return f"{stem or 'imported'}.{download.extension}"
