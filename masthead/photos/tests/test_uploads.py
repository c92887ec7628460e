"""Photo uploads: metadata fills caption and credit, and bad files get clear errors."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from masthead.newsroom.roles import CONTRIBUTOR, EDITOR
from masthead.photos.forms import PhotoForm
from masthead.photos.metadata import read_embedded_metadata, read_xmp
from masthead.photos.models import Photo
from masthead.testing.factories import make_photo, make_publication, make_user

from . import images

pytestmark = pytest.mark.django_db


def upload(content: bytes, name: str = "photo.jpg", kind: str = "image/jpeg"):
    return SimpleUploadedFile(name, content, content_type=kind)


def submit(content: bytes, **fields) -> PhotoForm:
    return PhotoForm(data=fields, files={"image": upload(content)})


# --- Metadata ------------------------------------------------------------------------------


def test_xmp_fills_caption_credit_and_alt_text():
    form = submit(
        images.jpeg_with_xmp(
            caption="The ferry docks at the north pier on Monday.",
            creator="Lou Chen",
            credit="Lakeshore News Service",
            alt="A white ferry at a wooden pier.",
        )
    )
    assert form.is_valid(), form.errors
    photo = form.save()
    assert photo.caption == "The ferry docks at the north pier on Monday."
    assert (photo.photographer, photo.agency) == ("Lou Chen", "Lakeshore News Service")
    assert photo.credit == "Lou Chen/Lakeshore News Service"
    assert photo.alt_text == "A white ferry at a wooden pier."
    assert (photo.width, photo.height) == (640, 400)


def test_iptc_fills_caption_and_credit():
    content = images.jpeg_with_iptc(
        {(2, 120): "Crews repair the pier in Dún Laoghaire.", (2, 80): "Siobhán Ó Briain",
         (2, 110): "Harbour Press"}
    )  # fmt: skip
    form = submit(content)
    assert form.is_valid(), form.errors
    photo = form.save()
    assert photo.caption == "Crews repair the pier in Dún Laoghaire."
    assert photo.credit == "Siobhán Ó Briain/Harbour Press"


def test_latin1_iptc_without_a_character_set_is_read_too():
    content = images.jpeg_with_iptc({(2, 120): "Café reopens.", (2, 115): "Agence"}, utf8=False)
    with Image.open(upload(content)) as image:
        found = read_embedded_metadata(image)
    assert (found.caption, found.agency) == ("Café reopens.", "Agence")


def test_exif_is_the_last_resort_and_camera_placeholders_are_ignored():
    with Image.open(upload(images.jpeg_with_exif("Sunset over the bay", "Pat Lens"))) as image:
        found = read_embedded_metadata(image)
    assert (found.caption, found.photographer) == ("Sunset over the bay", "Pat Lens")
    with Image.open(upload(images.jpeg_with_exif("OLYMPUS DIGITAL CAMERA"))) as image:
        assert read_embedded_metadata(image).caption == ""


def test_what_the_editor_typed_wins_over_the_metadata():
    form = submit(
        images.jpeg_with_xmp(caption="Embedded caption", creator="Embedded Name"),
        caption="Typed caption",
    )
    assert form.is_valid(), form.errors
    photo = form.save()
    assert (photo.caption, photo.photographer) == ("Typed caption", "Embedded Name")
    assert [str(name) for name in form.filled_from_metadata] == ["Photographer"]


def test_a_photo_without_metadata_leaves_the_fields_empty():
    form = submit(images.jpeg())
    assert form.is_valid(), form.errors
    photo = form.save()
    assert (photo.caption, photo.photographer, photo.agency) == ("", "", "")


@pytest.mark.parametrize("kind", ["PNG", "GIF", "WEBP", "JPEG"])
def test_every_web_format_is_accepted(kind):
    # A PNG used to fail with "verify must be called directly after open" (a 500 in the admin).
    buffer = io.BytesIO()
    Image.new("RGB", (64, 40), "#336699").save(buffer, kind)
    form = PhotoForm(data={}, files={"image": upload(buffer.getvalue(), f"p.{kind.lower()}")})
    assert form.is_valid(), form.errors


@pytest.mark.parametrize(
    "packet",
    [
        b"<not xml",
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><x>&b;</x>',
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
    ],
)
def test_hostile_or_broken_xmp_is_ignored(packet):
    assert not read_xmp(packet)


def test_the_admin_says_what_it_filled(client):
    make_publication()
    client.force_login(make_user(role=CONTRIBUTOR))
    response = client.post(
        reverse("admin:photos_photo_add"),
        {"image": upload(images.jpeg_with_xmp(caption="Pier at dawn.", creator="Lou Chen")),
         "focal_x": "0.5", "focal_y": "0.5"},
        follow=True,
    )  # fmt: skip
    assert response.status_code == 200
    assert "Filled from the photo’s embedded metadata: caption, photographer" in (
        response.content.decode()
    )
    assert Photo.objects.get().caption == "Pier at dawn."


# --- Upload checks -------------------------------------------------------------------------


def _errors(content: bytes, name: str = "photo.jpg") -> str:
    form = PhotoForm(data={}, files={"image": upload(content, name)})
    assert not form.is_valid()
    return " ".join(form.errors["image"])


def test_a_file_that_is_not_an_image_is_refused():
    assert "isn’t an image Masthead can read" in _errors(b"%PDF-1.7 not a photo", "doc.jpg")
    assert "isn’t an image Masthead can read" in _errors(b"<svg xmlns='x'/>", "logo.svg")


def test_an_image_format_browsers_do_not_show_is_refused():
    from io import BytesIO

    buffer = BytesIO()
    Image.new("RGB", (20, 20)).save(buffer, "TIFF")
    assert "TIFF images can’t be shown" in _errors(buffer.getvalue(), "scan.tif")


def test_a_truncated_image_is_refused():
    content = images.jpeg(1200, 800, quality=95)
    assert "damaged or incomplete" in _errors(content[: len(content) // 2])


def test_a_file_over_the_size_limit_is_refused(settings):
    settings.MASTHEAD_PHOTO_MAX_MB = 1
    big = images.jpeg() + b"\x00" * (1024 * 1024)
    assert "a photo can be at most 1 MB" in _errors(big)


def test_an_image_over_the_pixel_limit_is_refused_before_decoding(settings):
    settings.MASTHEAD_PHOTO_MAX_MEGAPIXELS = 60
    message = _errors(images.png_claiming(10_000, 10_000), "huge.png")
    assert "too many pixels: the limit is 60 megapixels" in message


def test_a_decompression_bomb_is_refused_even_under_a_generous_limit(settings):
    settings.MASTHEAD_PHOTO_MAX_MEGAPIXELS = 10_000
    # Past Pillow's own guard (twice Image.MAX_IMAGE_PIXELS raises, once warns).
    side = int((Image.MAX_IMAGE_PIXELS * 2) ** 0.5) + 10
    assert "too many pixels" in _errors(images.png_claiming(side, side), "bomb.png")
    side = int((Image.MAX_IMAGE_PIXELS * 1.5) ** 0.5)
    assert "too many pixels" in _errors(images.png_claiming(side, side), "bomb.png")


def test_the_admin_shows_upload_errors_instead_of_failing(client):
    client.force_login(make_user(role=EDITOR))
    response = client.post(
        reverse("admin:photos_photo_add"),
        {"image": upload(b"GIF89a broken", "x.gif"), "focal_x": "0.5", "focal_y": "0.5"},
    )
    assert response.status_code == 200
    assert "isn’t an image Masthead can read" in response.content.decode()
    assert not Photo.objects.exists()


# --- Focal point ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("x", "y", "classes"),
    [(0.5, 0.5, "fx-5 fy-5"), (0.0, 1.0, "fx-0 fy-10"), (0.33, 0.76, "fx-3 fy-8")],
)
def test_the_focal_point_becomes_crop_classes(x, y, classes):
    assert Photo(focal_x=x, focal_y=y).focal_class == classes


def test_the_focal_point_must_be_inside_the_photo():
    form = PhotoForm(
        data={"focal_x": "1.5", "focal_y": "-0.1"}, files={"image": upload(images.jpeg())}
    )
    assert not form.is_valid()
    assert set(form.errors) == {"focal_x", "focal_y"}


def test_cropped_story_cards_use_the_focal_point(client):
    from masthead.testing.factories import make_article

    make_publication()
    make_article(hero_photo=make_photo(focal_x=0.2, focal_y=0.9))
    make_article(hero_photo=make_photo())  # the lead story, shown uncropped at the top
    page = client.get("/archive/").content.decode()
    assert '<img class="fx-2 fy-9" src=' in page


def test_the_stylesheet_defines_every_focal_class(client):
    from pathlib import Path

    from django.contrib.staticfiles import finders

    css = Path(finders.find("masthead/site.css")).read_text()
    for step in range(11):
        assert f".fx-{step} {{ --fx: {step * 10}%; }}" in css
        assert f".fy-{step} {{ --fy: {step * 10}%; }}" in css
    assert "object-position: var(--fx, 50%) var(--fy, 50%)" in css


def test_a_photo_leading_a_live_story_keeps_its_alt_text():
    from masthead.testing.factories import make_article

    make_publication()
    photo = make_photo(alt_text="A ferry at the pier.")
    make_article(hero_photo=photo)
    form = PhotoForm(
        instance=photo,
        data={"alt_text": "", "caption": photo.caption, "focal_x": "0.5", "focal_y": "0.5"},
    )
    assert not form.is_valid()
    assert "leads 1 published or scheduled story" in form.errors["alt_text"][0]


# --- Renditions off the request path -------------------------------------------------------


def test_an_admin_upload_leaves_its_renditions_to_the_worker(client, settings):
    from django_tasks_db.models import DBTaskResult

    from masthead.tasks.worker import Worker

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    make_publication()
    client.force_login(make_user(role=EDITOR))
    big = io.BytesIO()
    Image.new("RGB", (2400, 1600), "#336699").save(big, "JPEG")
    response = client.post(
        reverse("admin:photos_photo_add"),
        {"image": upload(big.getvalue()), "alt_text": "Harbor", "focal_x": "0.5", "focal_y": "0.5"},
    )
    assert response.status_code == 302
    photo = Photo.objects.get()
    assert photo.renditions == {} and (photo.width, photo.height) == (2400, 1600)
    assert DBTaskResult.objects.get().task_name == "photo_renditions_make"
    Worker(sleep=1).tasks_run()
    photo.refresh_from_db()
    assert [width for width, _name in photo.sized_renditions()] == [480, 960, 1600]
