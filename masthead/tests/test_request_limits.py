"""Request bodies are capped before they are written anywhere, and uploaded files are served
as what they are, never as a page."""

from __future__ import annotations

from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from masthead.testing.factories import jpeg_bytes, make_article, make_photo


@pytest.fixture
def story(db):
    return make_article()


def test_a_declared_oversized_comment_is_refused_before_reading(client, story, settings):
    class Unreadable(BytesIO):
        def read(self, *args):  # the body must never be read
            raise AssertionError("the body was read")

    response = client.generic(
        "POST",
        f"/comments/{story.pk}/",
        data=b"",
        content_type="application/x-www-form-urlencoded",
        CONTENT_LENGTH=str(60 * 1024 * 1024),
        **{"wsgi.input": Unreadable()},
    )
    assert response.status_code == 413
    assert b"too large" in response.content


def test_a_comment_post_takes_no_file_part(client, story, tmp_path, settings):
    settings.FILE_UPLOAD_TEMP_DIR = str(tmp_path)
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 0  # any file part would land on disk at once
    upload = SimpleUploadedFile("big.bin", b"x" * 30_000)
    response = client.post(f"/comments/{story.pk}/", {"body": "Hi", "attachment": upload})
    assert response.status_code == 413
    assert list(tmp_path.iterdir()) == []


def test_a_file_part_is_counted_as_it_streams(rf):
    """A body longer than its Content-Length said, or chunked, is stopped by the byte count."""
    from masthead import request_limits

    request = rf.post("/newsroom/photos/photo/add/")
    limit = request_limits.BodyLimit(100_000, True)
    handler = request_limits.LimitedUploadHandler(limit, request)
    handler.handle_raw_input(None, request.META, 1000, "b")  # the declared length was small
    handler.new_file("image", "a.jpg", "image/jpeg", None)
    with pytest.raises(request_limits.RequestTooLarge):
        for start in range(0, 200_000, 64 * 1024):
            handler.receive_data_chunk(b"y" * 64 * 1024, start)
    assert handler.received <= 100_000 + 64 * 1024


def test_reader_addresses_take_small_bodies_only(client, db):
    response = client.post("/search/", {"q": "x" * (300 * 1024)})
    assert response.status_code == 413


def test_the_admin_takes_a_photo_up_to_the_setting(admin_client, settings):
    settings.MASTHEAD_PHOTO_MAX_MB = 1
    big = SimpleUploadedFile("big.jpg", b"\xff\xd8\xff" + b"0" * (3 * 1024 * 1024))
    response = admin_client.post("/newsroom/photos/photo/add/", {"image": big, "alt_text": "x"})
    assert response.status_code == 413
    small = SimpleUploadedFile("small.jpg", jpeg_bytes(200, 100))
    response = admin_client.post("/newsroom/photos/photo/add/", {"image": small, "alt_text": "x"})
    assert response.status_code != 413


def test_media_is_served_as_its_real_type(client, db, settings):
    photo = make_photo()
    disguised = settings.MEDIA_ROOT / "photos" / "report.pdf"
    disguised.write_bytes(jpeg_bytes(20, 20))
    page = settings.MEDIA_ROOT / "photos" / "page.html"
    page.write_bytes(b"<html><script>alert(1)</script></html>")
    svg = settings.MEDIA_ROOT / "photos" / "logo.svg"
    svg.write_bytes(b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')

    response = client.get(photo.image.url)
    assert response["Content-Type"] == "image/jpeg"
    assert response["X-Content-Type-Options"] == "nosniff"
    b"".join(response.streaming_content)  # read to the end, which closes it
    response = client.get("/media/photos/report.pdf")
    assert response["Content-Type"] == "image/jpeg"
    b"".join(response.streaming_content)  # read to the end, which closes it
    for name in ("page.html", "logo.svg"):
        response = client.get(f"/media/photos/{name}")
        assert response["Content-Type"] == "application/octet-stream"
        assert response["Content-Disposition"] == "attachment"
        assert "sandbox" in response["Content-Security-Policy"]
        b"".join(response.streaming_content)  # read to the end, which closes it


def test_a_photo_is_stored_under_a_random_name_with_its_real_extension(db):
    from io import BytesIO as Buffer

    from django.core.files.base import ContentFile
    from PIL import Image

    from masthead.photos.models import Photo

    buffer = Buffer()
    Image.new("RGB", (2000, 1000), "#336699").save(buffer, "PNG")
    stored: list[set[str]] = []
    for _ in range(2):
        # As the admin form does: an upload assigned, saved with the photo.
        photo = Photo(alt_text="Plan")
        photo.image = ContentFile(buffer.getvalue(), name="mayor-resigns-exclusive.pdf")
        photo.save()
        assert photo.image.name.endswith(".png")
        files = {photo.image.name, *(copy.name for copy in photo.copies)}
        assert len(files) > 4  # the original and its copies in every shape and format
        assert not any("mayor" in name or "exclusive" in name for name in files)
        stored.append(files)
    assert not stored[0] & stored[1]  # no name repeats or follows from another
