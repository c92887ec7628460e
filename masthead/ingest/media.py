"""Photos of imported stories: downloaded when reachable, else kept as references.

A download is accepted only if it passes the same checks as an editor's upload
(:func:`masthead.photos.uploads.check_photo_upload`: a real JPEG, PNG, GIF or WebP within the
site's size and pixel limits); anything else leaves the photo as a reference to its original
URL. Downloads happen before a story's transaction opens, so a slow photo host never
holds the database's write lock.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile

from masthead.ingest.fetch import FetchError, fetch, is_web_url
from masthead.photos import uploads
from masthead.photos.metadata import EmbeddedMetadata
from masthead.photos.models import Photo

logger = logging.getLogger(__name__)

PHOTO_TIMEOUT = 5.0
IMAGE_FORMATS = {"JPEG": "jpg", "PNG": "png", "GIF": "gif", "WEBP": "webp"}
# Photo.source_url's length: a longer URL is kept as a reference only.
MAX_URL_LENGTH = 500


def max_photo_bytes() -> int:
    """The same limit as an editor's upload (MASTHEAD_PHOTO_MAX_MB)."""
    return uploads.max_bytes()


@dataclass(frozen=True, slots=True)
class Download:
    url: str
    data: bytes
    extension: str
    # Caption and credit written into the file (IPTC, XMP, EXIF): used where the source has none.
    embedded: EmbeddedMetadata = field(default_factory=EmbeddedMetadata)


class NotAnImage(Exception):
    pass


def verify_image(data: bytes) -> tuple[str, EmbeddedMetadata]:
    """The file extension and embedded metadata of ``data``, checked exactly as an editor's
    upload is (a real JPEG, PNG, GIF or WebP within the size and pixel limits); else raise."""
    try:
        checked = uploads.check_photo_upload(ContentFile(data, name="download"))
    except ValidationError as exc:
        raise NotAnImage(" ".join(exc.messages)) from None
    return IMAGE_FORMATS[checked.format], checked.metadata


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
            fetched = fetch(url, timeout=PHOTO_TIMEOUT, max_bytes=max_photo_bytes())
            extension, embedded = verify_image(fetched.data)
        except FetchError as exc:
            self.failed_urls[url] = str(exc)
            if exc.reason.startswith(("cannot connect", "no answer", "unknown host")):
                self.dead_hosts.add(host)
            logger.debug("photo kept as a reference: %s", exc)
            return None
        except NotAnImage as exc:
            self.failed_urls[url] = f"{url}: not used as a photo: {exc}"
            logger.debug("photo kept as a reference: %s: %s", url, exc)
            return None
        return Download(url, fetched.data, extension, embedded)


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
    embedded = download.embedded
    photo = Photo(
        source_url=download.url,
        caption=caption or embedded.caption,
        alt_text=(alt or embedded.alt_text)[:300],
        photographer=(photographer or embedded.photographer)[:200],
        agency=(agency or embedded.agency)[:200],
    )
    photo.image.save(_file_name(download), ContentFile(download.data), save=False)
    photo.save()
    return photo


def _file_name(download: Download) -> str:
    stem = PurePosixPath(unquote(urlsplit(download.url).path)).stem
    stem = re.sub(r"[^A-Za-z0-9_-]+", "-", stem).strip("-_")[:60]
    return f"{stem or 'imported'}.{download.extension}"
