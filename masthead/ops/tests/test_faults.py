"""Faults a small server meets: the database away, Redis away, the disk full.

Each is caused for real where the machine allows it (a private Redis server stopped, a tmpfs of
one megabyte as the media folder); the soak in bench/soak.py adds PostgreSQL stopped under load.
"""

from __future__ import annotations

import io
import os
import random
import shutil
import socket
import subprocess
import time
from pathlib import Path
from unittest import mock

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import OperationalError
from django.test import Client, override_settings
from django.urls import reverse
from PIL import Image

from masthead.newsroom.models import Article
from masthead.newsroom.roles import EDITOR
from masthead.ops.resilient_cache import ResilientRedisCache
from masthead.photos.models import Photo
from masthead.testing.factories import make_article, make_publication, make_user

# --- The database away ------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_database_outage_is_a_clean_503_not_a_500():
    make_publication()
    make_article()
    reader = Client(raise_request_exception=False)
    outage = OperationalError("connection to server at 127.0.0.1, port 5432 failed")
    with mock.patch.object(Article.objects, "live", side_effect=outage):
        response = reader.get("/")
    assert response.status_code == 503
    assert response["Retry-After"] == "10"
    assert response["Cache-Control"] == "no-store"
    page = response.content.decode()
    assert "We’ll be back in a moment" in page
    assert "Traceback" not in page and "OperationalError" not in page


@pytest.mark.django_db
def test_a_bug_is_still_a_500():
    make_publication()
    reader = Client(raise_request_exception=False)
    with mock.patch.object(Article.objects, "live", side_effect=ValueError("a bug")):
        response = reader.get("/")
    assert response.status_code == 500
    assert "Something went wrong on our side" in response.content.decode()


# --- Redis away -------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class _Redis:
    def __init__(self) -> None:
        self.port = _free_port()
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
        )  # fmt: skip
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self) -> None:
        assert self.process is not None
        self.process.terminate()
        self.process.wait(10)


@pytest.fixture
def private_redis():
    if not shutil.which("redis-server"):
        pytest.skip("redis-server is not installed on this machine")
    server = _Redis()
    server.start()
    yield server
    if server.process and server.process.poll() is None:
        server.stop()


def _cache(port: int) -> ResilientRedisCache:
    return ResilientRedisCache(f"redis://127.0.0.1:{port}/0", {"KEY_PREFIX": "faults"})


def test_an_unreachable_redis_is_an_empty_cache_not_an_error():
    cache = _cache(_free_port())  # nothing listens there
    assert cache.get("story:1", "missing") == "missing"
    cache.set("story:1", "page")  # dropped, not raised
    assert cache.get_many(["a", "b"]) == {}
    assert cache.add("rate", 0) is False
    with pytest.raises(ValueError):
        cache.incr("rate")  # as Django reports a missing key: callers already handle it
    assert cache.available is False


def test_writes_lost_while_redis_was_away_empty_the_cache_when_it_is_back(
    private_redis, monkeypatch
):
    monkeypatch.setattr("masthead.ops.resilient_cache.RETRY_SECONDS", 0.0)
    cache = _cache(private_redis.port)
    cache.set("page:/story/", "old page")
    assert cache.get("page:/story/") == "old page"

    private_redis.stop()
    cache.delete("page:/story/")  # an invalidation that cannot reach Redis
    assert cache.get("page:/story/") is None  # a miss meanwhile, never an error

    # Redis is back on the same port with what it held (as after a network cut): the lost
    # invalidation must not let the old page be served.
    private_redis.start()
    other = _cache(private_redis.port)
    other.set("page:/story/", "old page")  # the stale entry another process still sees
    assert cache.get("page:/story/") is None
    assert other.get("page:/story/") is None
    cache.set("page:/story/", "new page")
    assert cache.get("page:/story/") == "new page"


# --- The disk full ----------------------------------------------------------------------------


@pytest.fixture
def full_disk(tmp_path):
    """A one-megabyte filesystem as the media folder."""
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root (CI runs as root)")
    media = tmp_path / "media"
    media.mkdir()
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(media)])
    if result.returncode != 0:
        pytest.skip("this machine does not allow mounting a tmpfs")
    try:
        with override_settings(MEDIA_ROOT=str(media)):
            yield media
    finally:
        subprocess.run(["umount", str(media)], check=True)


def _noise_jpeg(width: int, height: int) -> bytes:
    """A JPEG that barely compresses, so its size is known to exceed the disk."""
    rng = random.Random(7)
    image = Image.frombytes("RGB", (width, height), rng.randbytes(width * height * 3))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=95)
    return buffer.getvalue()


def _files_in(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()]


@pytest.mark.django_db
def test_a_photo_upload_onto_a_full_disk_gives_a_clear_error_and_keeps_nothing(full_disk):
    make_publication()
    editor = make_user(username="desk", role=EDITOR)
    client = Client(raise_request_exception=False)
    client.force_login(editor)
    content = _noise_jpeg(1200, 1000)
    assert len(content) > 1024 * 1024
    response = client.post(
        reverse("admin:photos_photo_add"),
        {"image": SimpleUploadedFile("harbor.jpg", content, "image/jpeg"),
         "caption": "The harbor at dawn.", "alt_text": "Boats in the harbor at dawn.",
         "focal_x": "0.5", "focal_y": "0.5"},
    )  # fmt: skip
    assert response.status_code == 507
    assert "run out of disk space" in response.content.decode()
    assert "Nothing from this request was saved" in response.content.decode()
    assert not Photo.objects.exists()
    assert _files_in(full_disk) == []  # no cut-off image, no orphaned copy


@pytest.mark.django_db
def test_renditions_that_do_not_fit_take_the_photo_back_with_them(full_disk):
    """The original fits, its smaller copies do not: no row and no files are left."""
    content = _noise_jpeg(700, 500)
    assert 300 * 1024 < len(content) < 900 * 1024
    # Fill the disk so that the original fits and not much more.
    (full_disk / "ballast").write_bytes(b"\0" * (1024 * 1024 - len(content) - 64 * 1024))
    photo = Photo(caption="Pier.", alt_text="A pier.")
    photo.image = SimpleUploadedFile("pier.jpg", content, "image/jpeg")
    with pytest.raises(OSError):
        photo.save()
    assert not Photo.objects.exists()
    assert [p.name for p in _files_in(full_disk)] == ["ballast"]
