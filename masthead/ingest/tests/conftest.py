from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from io import BytesIO
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from PIL import Image

from masthead.ingest import fetch

FIXTURES = Path(__file__).parent / "fixtures"
# The shared real-world samples live next to the repository, never inside it.
SAMPLES = Path(__file__).resolve().parents[3].parent / "shared" / "samples"


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture
def samples() -> Path:
    if not SAMPLES.is_dir():
        pytest.skip(f"shared samples not found at {SAMPLES}")
    return SAMPLES


def sample_files(*parts: str, pattern: str = "*") -> list[Path]:
    """Sample files for parametrize; empty when the samples folder is absent."""
    folder = SAMPLES.joinpath(*parts)
    return sorted(p for p in folder.rglob(pattern) if p.is_file()) if folder.is_dir() else []


def sample_id(path: Path) -> str:
    return path.name


# -- network: tests never leave the machine ---------------------------------------------------

LOCAL_HOSTS = {"127.0.0.1", "localhost"}


REAL_CHECK_URL = fetch._check_url


@pytest.fixture(autouse=True)
def _no_internet(monkeypatch, settings):
    """Every fetch to a host other than this machine fails as an unreachable host would, so
    no test touches the internet (the real samples point at real sites). The local image
    server is let through, past the private-address refusal that ``test_fetch`` checks with
    :data:`REAL_CHECK_URL`."""

    def local_only(url: str) -> None:
        parts = urlsplit(url)
        if parts.scheme not in fetch.SCHEMES:
            REAL_CHECK_URL(url)
        elif (parts.hostname or "") not in LOCAL_HOSTS:
            raise fetch.FetchError(url, "cannot connect (tests never use the network)")

    monkeypatch.setattr(fetch, "_check_url", local_only)
    # Only local hosts get this far, and the image server is one of them.
    settings.MASTHEAD_IMPORT_ALLOW_PRIVATE_HOSTS = True


def image_bytes(
    kind: str = "JPEG", size: tuple[int, int] = (1200, 800), color: str = "#2f6690"
) -> bytes:
    buffer = BytesIO()
    Image.new("RGB", size, color).save(buffer, kind)
    return buffer.getvalue()


class _Handler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args) -> None:
        pass  # keep test output clean

    def do_GET(self) -> None:
        redirects = {
            "/to-file": "file:///etc/passwd",
            "/to-ftp": "ftp://127.0.0.1/x.jpg",
            "/to-photo": "/harbor-crane.jpg",
        }
        if self.path in redirects:
            self.send_response(302)
            self.send_header("Location", redirects[self.path])
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        super().do_GET()


@dataclass
class ImageServer:
    root: Path
    url: str
    hits: list[str]


@pytest.fixture(scope="session")
def image_server(tmp_path_factory) -> Iterator[ImageServer]:
    """A web server on 127.0.0.1 with a few photos, a fake photo and some redirects."""
    root = tmp_path_factory.mktemp("image-server")
    (root / "harbor-crane.jpg").write_bytes(image_bytes("JPEG", (1600, 1000), "#d9a21b"))
    (root / "span.png").write_bytes(image_bytes("PNG", (640, 360), "#3a7d44"))
    (root / "not-an-image.jpg").write_bytes(b"<html>this is not a photo</html>")
    (root / "feed.xml").write_bytes((FIXTURES / "hosted-blog.rss.xml").read_bytes())
    hits: list[str] = []

    class Handler(_Handler):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, directory=str(root), **kwargs)

        def do_GET(self) -> None:
            hits.append(self.path)
            super().do_GET()

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield ImageServer(root, f"http://127.0.0.1:{server.server_address[1]}", hits)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def wxr_with_images(name: str, server: ImageServer, tmp_path: Path) -> Path:
    """A copy of a loader fixture with IMAGES pointing at the local image server."""
    text = (FIXTURES / "loader" / name).read_text(encoding="utf-8")
    path = tmp_path / name
    path.write_text(text.replace("IMAGES/", f"{server.url}/"), encoding="utf-8")
    return path
