"""URLs from outside (imports, the wire, forms) are web addresses: http or https, nothing else.

``javascript:``, ``data:``, ``vbscript:`` and friends are dropped wherever such a URL enters or
leaves Masthead: model validation, the import loader, the body sanitizer (its own scheme list in
``masthead/text.py``) and, as a last guard, the story page, feeds and structured data.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

WEB_SCHEMES = ("http", "https")
_shape = URLValidator(schemes=list(WEB_SCHEMES))


def is_web_url(url: str) -> bool:
    """True for an absolute http(s) URL with a host; browsers strip tabs and newlines, so do we."""
    cleaned = "".join(ch for ch in (url or "") if ch not in "\t\r\n").strip()
    if not cleaned or cleaned != (url or "").strip():
        return False
    try:
        parts = urlsplit(cleaned)
        _shape(cleaned)
    except (ValueError, ValidationError):
        return False
    return parts.scheme.lower() in WEB_SCHEMES and bool(parts.hostname)


def web_url_or_blank(url: str) -> str:
    """``url`` when it is a web address, else an empty string (for output)."""
    return url.strip() if is_web_url(url) else ""


def validate_web_url(url: str) -> None:
    """Model and form validator: http(s) only."""
    if url and not is_web_url(url):
        raise ValidationError(
            "Enter a web address starting with http:// or https://.", code="invalid_scheme"
        )
