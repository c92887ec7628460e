"""Fetching over the network for imports: http(s) only, a timeout, a size limit.

Everything an importer downloads (a feed, an export at a URL, a story's photos) comes through
:func:`fetch`. Import files and wire feeds are someone else's data, so their URLs are not
trusted: only ``http``/``https`` is ever opened (also after a redirect: urllib's default
opener would follow one to ``ftp:`` and open ``file:``), and addresses on the server's own
networks (loopback, private, link-local, such as a cloud metadata service) are refused unless
``MASTHEAD_IMPORT_ALLOW_PRIVATE_HOSTS`` is on.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.encoding import iri_to_uri

SCHEMES = frozenset({"http", "https"})
USER_AGENT = "Masthead-importer/1 (+https://masthead.invalid/importer)"
_CHUNK = 64 * 1024
_MAX_REDIRECTS = 5


class FetchError(Exception):
    """The URL could not be fetched; ``reason`` says why, for a person to read."""

    def __init__(self, url: str, reason: str) -> None:
        self.url = url
        self.reason = reason
        super().__init__(f"{url}: {reason}")


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str
    data: bytes
    content_type: str


def is_web_url(value: str) -> bool:
    return urlsplit((value or "").strip()).scheme.lower() in SCHEMES


def fetch(url: str, *, timeout: float, max_bytes: int) -> Fetched:
    """GET ``url`` and return its body; :class:`FetchError` for anything that goes wrong."""
    url = iri_to_uri((url or "").strip())
    _check_url(url)
    # The scheme was checked just above, and the opener has no handler but http(s).
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})  # noqa: S310
    try:
        with _opener().open(request, timeout=timeout) as response:
            length = response.headers.get("Content-Length", "")
            if length.isdigit() and int(length) > max_bytes:
                raise FetchError(url, f"larger than the {_size(max_bytes)} limit")
            chunks, total = [], 0
            while chunk := response.read(_CHUNK):
                total += len(chunk)
                if total > max_bytes:
                    raise FetchError(url, f"larger than the {_size(max_bytes)} limit")
                chunks.append(chunk)
            return Fetched(response.geturl(), b"".join(chunks), response.headers.get_content_type())
    except urllib.error.HTTPError as exc:
        raise FetchError(url, f"the server answered {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, FetchError):
            raise reason from None
        raise FetchError(url, f"cannot connect ({reason})") from None
    except TimeoutError:
        raise FetchError(url, f"no answer within {timeout:g} seconds") from None
    except (OSError, http.client.HTTPException, ValueError) as exc:
        raise FetchError(url, f"{exc or type(exc).__name__}") from None


def _check_url(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme.lower() not in SCHEMES:
        raise FetchError(url, "only http and https addresses can be fetched")
    if not parts.hostname:
        raise FetchError(url, "the address has no host name")
    if getattr(settings, "MASTHEAD_IMPORT_ALLOW_PRIVATE_HOSTS", False):
        return
    try:
        port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
        infos = socket.getaddrinfo(parts.hostname, port, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError, ValueError) as exc:
        raise FetchError(url, f"unknown host ({exc})") from None
    for info in infos:
        address = ipaddress.ip_address(info[4][0].split("%", 1)[0])
        if not address.is_global:
            raise FetchError(
                url,
                f"{parts.hostname} is a private or local address; "
                "set MASTHEAD_IMPORT_ALLOW_PRIVATE_HOSTS=true to allow it",
            )


class _SafeRedirects(urllib.request.HTTPRedirectHandler):
    max_redirections = _MAX_REDIRECTS

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        _check_url(iri_to_uri(newurl))
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _opener() -> urllib.request.OpenerDirector:
    # Built by hand: build_opener() would also add the file:, ftp: and data: handlers.
    opener = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.HTTPHandler(),
        urllib.request.HTTPSHandler(context=ssl.create_default_context()),
        _SafeRedirects(),
        urllib.request.HTTPDefaultErrorHandler(),
        urllib.request.HTTPErrorProcessor(),
    ):
        opener.add_handler(handler)
    return opener


def _size(count: int) -> str:
    return f"{count / 2**20:g} MB"
