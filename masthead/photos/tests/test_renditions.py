"""The copies pages show: each shape cut around the focal point, at widths no larger than
the photo, in the formats worth having, named in a <picture> with a JPEG fallback."""

from __future__ import annotations

import re
from io import BytesIO

import pytest
from django.core.files.base import ContentFile
from django.template import Context, Template
from PIL import Image, ImageFilter, features

from masthead.photos import renditions
from masthead.photos.models import Photo
from masthead.testing.factories import make_article, make_photo, make_publication

pytestmark = pytest.mark.django_db


def _two_halves(width: int = 1600, height: int = 800) -> bytes:
    """Left half red, right half blue: a crop's colour shows where it was cut."""
    image = Image.new("RGB", (width, height), (200, 20, 20))
    image.paste((20, 20, 200), (width // 2, 0, width, height))
    buffer = BytesIO()
    image.save(buffer, "JPEG", quality=95)
    return buffer.getvalue()


def _photo_like(width: int = 1800, height: int = 1200) -> bytes:
    """Grain and soft edges, like a photograph: the kind of picture AVIF is best at."""
    bands = [
        Image.effect_noise((width // 4, height // 4), sigma)
        .resize((width, height), Image.Resampling.BICUBIC)
        .filter(ImageFilter.GaussianBlur(2))
        for sigma in (30, 50, 70)
    ]
    image = Image.blend(
        Image.merge("RGB", bands),
        Image.linear_gradient("L").resize((width, height)).convert("RGB"),
        0.4,
    )
    buffer = BytesIO()
    image.save(buffer, "JPEG", quality=92)
    return buffer.getvalue()


def _saved(data: bytes, **fields) -> Photo:
    photo = Photo(alt_text="A test picture", **fields)
    photo.image.save("picture.jpg", ContentFile(data), save=False)
    photo.save()
    return photo


def _opened(photo: Photo, copy: renditions.Copy) -> Image.Image:
    with photo.image.storage.open(copy.name) as file:
        image = Image.open(BytesIO(file.read()))
        image.load()
    return image


@pytest.mark.parametrize(
    ("size", "shape", "focus", "box"),
    [
        ((1600, 800), (1, 1), (0.5, 0.5), (400, 0, 1200, 800)),
        ((1600, 800), (1, 1), (0.0, 0.5), (0, 0, 800, 800)),  # pushed back inside the edge
        ((1600, 800), (1, 1), (1.0, 0.5), (800, 0, 1600, 800)),
        ((800, 1600), (16, 9), (0.5, 0.1), (0, 0, 800, 450)),  # a tall photo: top and bottom
        ((800, 1600), (16, 9), (0.5, 0.9), (0, 1150, 800, 1600)),
        ((1600, 900), (16, 9), (0.2, 0.2), (0, 0, 1600, 900)),  # already the shape
        ((1600, 900), None, (0.2, 0.2), (0, 0, 1600, 900)),
    ],
)
def test_the_crop_box_is_the_largest_of_its_shape_around_the_focal_point(
    size, shape, focus, box
) -> None:
    assert renditions.crop_box(*size, shape, focus) == box


def test_widths_never_exceed_the_cut_and_a_small_photo_still_gets_one_copy() -> None:
    assert renditions.copy_widths("original", 2400) == [480, 960, 1600]
    assert renditions.copy_widths("original", 1000) == [480, 960, 1000]
    assert renditions.copy_widths("1x1", 150) == [96, 150]
    assert renditions.copy_widths("3x2", 200) == [200]


@pytest.mark.parametrize(("focal_x", "colour"), [(0.05, "red"), (0.95, "blue")])
def test_each_shape_is_cut_around_the_focal_point(focal_x: float, colour: str) -> None:
    photo = _saved(_two_halves(), focal_x=focal_x)
    square = [copy for copy in photo.copies if copy.shape == "1x1"]
    assert {copy.width for copy in square} == {96, 192, 720}
    for copy in square:
        image = _opened(photo, copy).convert("RGB")
        assert image.size == (copy.width, copy.height) == (copy.width, copy.width)
        red, _, blue = image.resize((1, 1), Image.Resampling.BOX).getpixel((0, 0))
        assert (red > blue) == (colour == "red"), (copy, red, blue)


def test_every_copy_is_the_shape_format_and_size_it_is_recorded_as() -> None:
    photo = _saved(_photo_like())
    seen = set()
    for copy in photo.copies:
        image = _opened(photo, copy)
        assert image.format == {"avif": "AVIF", "webp": "WEBP", "jpeg": "JPEG"}[copy.format]
        assert image.size == (copy.width, copy.height)
        ratio = renditions.SHAPES[copy.shape] or (photo.width, photo.height)
        assert abs(copy.width / copy.height - ratio[0] / ratio[1]) < 0.01, copy
        seen.add((copy.shape, copy.format))
    for shape in renditions.SHAPES:
        assert (shape, "jpeg") in seen and (shape, "webp") in seen  # the fallback, always
        if features.check("avif"):
            assert (shape, "avif") in seen  # a photograph is smaller in AVIF than in WebP


def test_a_format_is_kept_only_where_it_is_smaller_than_the_next() -> None:
    for data in (_photo_like(), _two_halves()):
        photo = _saved(data)
        for shape in renditions.SHAPES:
            widest = {name: found[-1] for name, found in photo.shaped(shape).items()}
            sizes = [photo.image.storage.size(copy.name) for copy in widest.values()]
            assert sizes == sorted(sizes) and len(set(sizes)) == len(sizes), (shape, widest)
            assert list(widest)[-1] == "jpeg"


def test_a_transparent_background_comes_out_white_not_black() -> None:
    chart = Image.new("RGBA", (800, 600), (0, 0, 0, 0))
    chart.paste((30, 90, 160, 255), (350, 250, 450, 350))
    buffer = BytesIO()
    chart.save(buffer, "PNG")
    photo = _saved(buffer.getvalue())
    for copy in photo.copies:
        corner = _opened(photo, copy).convert("RGB").getpixel((0, 0))
        assert min(corner) > 240, (copy, corner)


def _render(source: str, **context) -> str:
    return Template("{% load photos %}" + source).render(Context(context))


def test_picture_lists_the_best_format_first_and_falls_back_to_jpeg() -> None:
    photo = _saved(_photo_like())
    html = _render('{% picture photo "3x2" sizes="33vw" %}', photo=photo)
    types = re.findall(r'<source type="([^"]+)"', html)
    assert types == [
        f"image/{name}" for name in ("avif", "webp") if (name != "avif" or features.check(name))
    ]
    img = re.search(r"<img [^>]+>", html).group(0)
    assert re.search(r'src="[^"]+-3x2-w640\.jpg"', img)  # the smallest at least 480 wide
    assert 'width="640" height="427"' in img and 'loading="lazy"' in img
    assert "fetchpriority" not in img and 'alt=""' in img
    # Every source names only 3:2 copies, with their true widths.
    for srcset in re.findall(r'srcset="([^"]+)"', html):
        assert all("-3x2-w" in entry for entry in srcset.split(", "))


def test_the_first_photo_on_a_page_is_fetched_first_and_carries_its_alt_text() -> None:
    photo = _saved(_photo_like())
    html = _render('{% picture photo "original" alt=photo.alt_text first_view=True %}', photo=photo)
    assert 'fetchpriority="high"' in html and "loading=" not in html
    assert 'alt="A test picture"' in html and 'width="1600" height="1067"' in html


def test_before_the_copies_are_made_the_original_is_shown() -> None:
    photo = _saved(_photo_like())
    Photo.objects.filter(pk=photo.pk).update(renditions={})
    photo.refresh_from_db()
    html = _render('{% picture photo "16x9" %}', photo=photo)
    assert "<picture>" not in html and f'src="{photo.image.url}"' in html
    assert 'width="1800" height="1200"' in html  # the stylesheet crops it meanwhile


def test_alt_text_is_escaped_in_the_picture() -> None:
    photo = _saved(_photo_like())
    html = _render("{% picture photo alt=text %}", photo=photo, text='"><script>x</script>')
    assert "<script>" not in html and "&quot;&gt;&lt;script&gt;" in html


def test_an_old_photos_copies_are_made_again_in_shapes(settings) -> None:
    """Photos saved before shapes (first scheme: JPEG widths only) are found by the worker's
    sweep and cut again; their pages keep the old copies until then."""
    from masthead.photos.models import photo_renditions_fill, photos_without_renditions

    photo = make_photo()
    old = {"of": photo.image.name, "480": photo.renditions["copies"][0][4]}
    Photo.objects.filter(pk=photo.pk).update(renditions=old)
    photo.refresh_from_db()
    assert photo.sized_renditions() == [(480, old["480"])]
    assert list(photos_without_renditions()) == [photo]
    assert photo_renditions_fill(photo.pk)
    photo.refresh_from_db()
    assert photo.renditions["scheme"] == renditions.SCHEME
    assert [name for name, _ in photo.renditions["retired"]] == [old["480"]]


def test_a_story_page_names_its_copies_in_pictures(client) -> None:
    make_publication()
    hero = _saved(_photo_like(), caption="Boats at the pier.")
    article = make_article(hero_photo=hero)
    page = client.get(article.get_absolute_url()).content.decode()
    figure = re.search(r'<figure class="hero">(.+?)</figure>', page, re.S).group(1)
    assert "<picture>" in figure and 'fetchpriority="high"' in figure
    assert 'type="image/webp"' in figure
    home = client.get("/").content.decode()
    lead = re.search(r'<article class="card card-lead">(.+?)</article>', home, re.S).group(1)
    assert "-16x9-w" in lead and 'fetchpriority="high"' in lead
