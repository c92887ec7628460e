"""Fetching for imports: http(s) only, bounded, and never the server's own networks."""

from __future__ import annotations

import socket

import pytest

from masthead.ingest import fetch
from masthead.ingest.media import NotAnImage, verify_image
from masthead.ingest.tests.conftest import REAL_CHECK_URL, image_bytes


def test_private_and_local_addresses_are_refused_by_default(settings, monkeypatch) -> None:
    monkeypatch.setattr(fetch, "_check_url", REAL_CHECK_URL)
    settings.MASTHEAD_IMPORT_ALLOW_PRIVATE_HOSTS = False
    for url in ("http://127.0.0.1/feed.xml", "http://[::1]/x", "http://169.254.169.254/latest/"):
        with pytest.raises(fetch.FetchError, match="private or local address"):
            fetch.fetch(url, timeout=1, max_bytes=100)
    settings.MASTHEAD_IMPORT_ALLOW_PRIVATE_HOSTS = True
    with socket.socket() as probe:  # a closed port: allowed, so it tries and cannot connect
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(fetch.FetchError, match="cannot connect"):
        fetch.fetch(f"http://127.0.0.1:{port}/feed.xml", timeout=1, max_bytes=100)


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "ftp://example.org/x", "data:text/plain,hi", "gopher://x"]
)
def test_only_http_and_https(url: str) -> None:
    with pytest.raises(fetch.FetchError, match="only http and https"):
        fetch.fetch(url, timeout=1, max_bytes=100)


def test_size_limit_and_errors(image_server) -> None:
    got = fetch.fetch(f"{image_server.url}/span.png", timeout=5, max_bytes=10**6)
    assert got.data.startswith(b"\x89PNG") and got.content_type == "image/png"
    with pytest.raises(fetch.FetchError, match="larger than"):
        fetch.fetch(f"{image_server.url}/harbor-crane.jpg", timeout=5, max_bytes=1000)
    with pytest.raises(fetch.FetchError, match="answered 404"):
        fetch.fetch(f"{image_server.url}/nothing.jpg", timeout=5, max_bytes=1000)


def test_a_silent_server_times_out() -> None:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)
        port = listener.getsockname()[1]
        with pytest.raises(fetch.FetchError, match=r"no answer within 0\.3 seconds"):
            fetch.fetch(f"http://127.0.0.1:{port}/slow.xml", timeout=0.3, max_bytes=1000)


def test_a_closed_port_cannot_connect() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(fetch.FetchError, match="cannot connect"):
        fetch.fetch(f"http://127.0.0.1:{port}/", timeout=1, max_bytes=1000)


def test_real_images_pass_and_others_do_not() -> None:
    assert verify_image(image_bytes("JPEG"))[0] == "jpg"
    assert verify_image(image_bytes("PNG"))[0] == "png"
    assert verify_image(image_bytes("WEBP"))[0] == "webp"
    for data in (b"<html>", image_bytes("JPEG")[:200], image_bytes("BMP"), b""):
        with pytest.raises(NotAnImage):
            verify_image(data)


def test_decompression_bomb_is_refused() -> None:
    bomb = image_bytes("PNG", size=(12000, 12000), color="#000000")
    with pytest.raises(NotAnImage, match=r"too many pixels|not an image"):
        verify_image(bomb)
