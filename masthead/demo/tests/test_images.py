"""Tests for the generated demo photos, portraits and logos."""

import io

import pytest
from PIL import Image

from masthead.demo.images import MOTIFS, make_logo, make_photo, make_portrait


def _open(data: bytes) -> Image.Image:
    img = Image.open(io.BytesIO(data))
    img.load()
    return img


@pytest.mark.parametrize("motif", MOTIFS)
def test_each_motif_is_a_jpeg_of_the_requested_size(motif):
    data = make_photo(motif, seed=7)
    img = _open(data)
    assert img.format == "JPEG"
    assert img.size == (1600, 900)
    assert img.mode == "RGB"
    assert len(data) < 250 * 1024


@pytest.mark.parametrize("motif", MOTIFS)
def test_each_motif_is_a_picture_not_a_flat_fill(motif):
    img = _open(make_photo(motif, seed=3, size=(320, 180)))
    extrema = img.convert("L").getextrema()
    assert extrema[1] - extrema[0] > 60
    assert len(img.getcolors(maxcolors=320 * 180)) > 500


@pytest.mark.parametrize("size", [(320, 180), (900, 1200), (64, 64)])
def test_other_sizes(size):
    img = _open(make_photo("harbor", seed=1, size=size))
    assert img.size == size


@pytest.mark.parametrize("motif", MOTIFS)
def test_same_seed_gives_same_bytes(motif):
    assert make_photo(motif, 11, (480, 270)) == make_photo(motif, 11, (480, 270))


@pytest.mark.parametrize("motif", MOTIFS)
def test_different_seeds_give_different_pictures(motif):
    assert make_photo(motif, 1, (480, 270)) != make_photo(motif, 2, (480, 270))


def test_motifs_differ_from_each_other():
    photos = {make_photo(motif, 5, (320, 180)) for motif in MOTIFS}
    assert len(photos) == len(MOTIFS)


def test_unknown_motif_raises_value_error():
    with pytest.raises(ValueError, match="Unknown motif 'volcano'"):
        make_photo("volcano", 1)


@pytest.mark.parametrize("size", [(0, 900), (1600, -1), (10, 10), (100000, 900), "big"])
def test_bad_size_raises_value_error(size):
    with pytest.raises(ValueError, match="size"):
        make_photo("field", 1, size)


def test_full_size_photos_are_compact():
    for motif in MOTIFS:
        for seed in (1, 2):
            assert len(make_photo(motif, seed)) < 250 * 1024, (motif, seed)


def test_portrait_is_a_square_jpeg():
    data = make_portrait(4)
    img = _open(data)
    assert img.format == "JPEG"
    assert img.size == (400, 400)
    assert make_portrait(4) == data
    assert make_portrait(5) != data
    assert _open(make_portrait(4, size=96)).size == (96, 96)


def test_logo_is_a_png_of_the_requested_size():
    data = make_logo("The Riverside Gazette")
    img = _open(data)
    assert img.format == "PNG"
    assert img.size == (600, 120)
    assert make_logo("The Riverside Gazette") == data
    assert make_logo("Harbor City Courier") != data
    assert _open(make_logo("Valley Post", size=(300, 60))).size == (300, 60)


def test_logo_draws_something_on_the_paper():
    img = _open(make_logo("Valley Post")).convert("L")
    low, high = img.getextrema()
    assert high - low > 150


def test_logo_needs_a_name():
    with pytest.raises(ValueError):
        make_logo("   ")
