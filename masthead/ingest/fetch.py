"""Fetching over the network for imports: http(s) only, a timeout, a size limit.

Everything an importer downloads (a feed, an export at a URL, a story's photos) comes through
:func:`fetch`. Import files and wire feeds are someone else's data, so their URLs are not
trusted: only ``http``/``https`` is ever opened (also after a redirect: urllib's default
opener would follow one to ``ftp:`` and open ``file:``), and addresses on the server's own
networks (loopback, private, link-local, such as a cloud metadata service) are refused unless
``MASTHEAD_IMPORT_ALLOW_PRIVATE_HOSTS`` is on. A host name is resolved once per connection,
every redirect hop included, and the connection goes to an address that was checked.
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
    """Scheme and host name; the host's addresses are checked as the connection is made."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in SCHEMES:
        raise FetchError(url, "only http and https addresses can be fetched")
    if not parts.hostname:
        raise FetchError(url, "the address has no host name")


def is_public_address(value: str) -> bool:
    """Whether an IP address is on the public internet, not on the server's own networks."""
    address = ipaddress.ip_address(value.split("%", 1)[0])
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped  # ::ffff:127.0.0.1 is 127.0.0.1
    return address.is_global and not (
        address.is_multicast
        or address.is_reserved
        or address.is_link_local
        or address.is_loopback
        or address.is_unspecified
        or address.is_private
    )


def _connect_checked(host: str, port: int, timeout: float | None) -> socket.socket:
    """Resolve ``host`` once, refuse it if any address is local, and connect to an address
    that was checked: resolving again to connect would let DNS rebinding reach the server."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, ValueError) as exc:
        raise FetchError(host, f"unknown host ({exc})") from None
    if not getattr(settings, "MASTHEAD_IMPORT_ALLOW_PRIVATE_HOSTS", False):
        for info in infos:
            if not is_public_address(info[4][0]):
                raise FetchError(
                    host,
                    f"{host} is a private or local address; "
                    "set MASTHEAD_IMPORT_ALLOW_PRIVATE_HOSTS=true to allow it",
                )
    error: OSError = OSError(f"no address for {host}")
    for family, kind, proto, _, address in infos:
        sock = socket.socket(family, kind, proto)
        try:
            if timeout is not None:
                sock.settimeout(timeout)
            sock.connect(address)
            return sock
        except OSError as exc:
            sock.close()
            error = exc
    raise error


class _CheckedHTTPConnection(http.client.HTTPConnection):
    def connect(self) -> None:
        self.sock = _connect_checked(self.host, self.port, self.timeout)


class _CheckedHTTPSConnection(http.client.HTTPSConnection):
    def connect(self) -> None:
        sock = _connect_checked(self.host, self.port, self.timeout)
        # Connected by address, verified by name: SNI and the certificate check use the host.
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)


class _CheckedHTTPHandler(urllib.request.HTTPHandler):
    def http_open(self, req):  # type: ignore[no-untyped-def]
        return self.do_open(_CheckedHTTPConnection, req)


class _CheckedHTTPSHandler(urllib.request.HTTPSHandler):
    def https_open(self, req):  # type: ignore[no-untyped-def]
        return self.do_open(_CheckedHTTPSConnection, req, context=self._context)


class _SafeRedirects(urllib.request.HTTPRedirectHandler):
    max_redirections = _MAX_REDIRECTS

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        # Each hop opens a new connection, whose addresses are checked again.
        _check_url(iri_to_uri(newurl))
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _opener() -> urllib.request.OpenerDirector:
    # Built by hand: build_opener() would also add the file:, ftp: and data: handlers, and a
    # proxy handler that would connect somewhere other than the checked address.
    opener = urllib.request.OpenerDirector()
    for handler in (
        _CheckedHTTPHandler(),
        _CheckedHTTPSHandler(context=ssl.create_default_context()),
        _SafeRedirects(),
        urllib.request.HTTPDefaultErrorHandler(),
        urllib.request.HTTPErrorProcessor(),
    ):
        opener.add_handler(handler)
    return opener


def _size(count: int) -> str:
    return f"{count / 2**20:g} MB"
