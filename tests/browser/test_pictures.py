"""In headless Chromium: the browser takes the cut and the format a page offers, at the
shape the page lays it out in, and loads only the photos a reader can see."""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile
from playwright.sync_api import Page

from masthead.photos.models import Photo
from masthead.testing.factories import jpeg_bytes, make_article, make_publication

pytestmark = pytest.mark.browser

SHOWN = """(selector) => [...document.querySelectorAll(selector)].map(i => ({
  src: i.currentSrc, w: i.naturalWidth, h: i.naturalHeight, complete: i.complete,
  boxW: i.getBoundingClientRect().width, boxH: i.getBoundingClientRect().height}))"""


def _four_by_three() -> Photo:
    """A 4:3 photo: neither cut the cards use is the photo's own shape."""
    photo = Photo(alt_text="Boats at the pier", caption="Boats at the pier.")
    photo.image.save("boats.jpg", ContentFile(jpeg_bytes(1600, 1200)), save=False)
    photo.save()
    return photo


def test_cards_and_hero_show_their_own_cut_in_a_modern_format(
    page: Page, live_server, transactional_db
) -> None:
    make_publication(name="The Test Gazette")
    stories = [
        make_article(headline=f"Story {n} about the harbor", hero_photo=_four_by_three())
        for n in range(12)
    ]
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(live_server.url + "/")
    page.wait_for_load_state("load")
    lead = page.evaluate(SHOWN, ".card-lead .card-photo img")[0]
    assert lead["complete"] and lead["src"].rsplit(".", 1)[-1] in ("avif", "webp")
    assert "-16x9-w" in lead["src"] and abs(lead["w"] / lead["h"] - 16 / 9) < 0.01
    cards = page.evaluate(SHOWN, ".card:not(.card-lead) .card-photo img")
    shown = [card for card in cards if card["src"]]
    assert shown and all("-3x2-w" in card["src"] for card in shown)
    assert all(abs(card["boxW"] / card["boxH"] - 1.5) < 0.02 for card in shown)
    assert all(abs(card["w"] / card["h"] - 1.5) < 0.02 for card in shown)
    # Lazy: the cards far below the first screen are not fetched until scrolled to.
    assert any(not card["src"] for card in cards) or len(cards) < 6

    page.goto(live_server.url + stories[-1].get_absolute_url())
    page.wait_for_load_state("load")
    hero = page.evaluate(SHOWN, "figure.hero img")[0]
    assert hero["complete"] and "-original-w" in hero["src"]
    assert abs(hero["w"] / hero["h"] - 4 / 3) < 0.01
    assert hero["src"].rsplit(".", 1)[-1] in ("avif", "webp")
    broken = "[...document.images].filter(i => i.complete && !i.naturalWidth).length"
    assert page.evaluate(broken) == 0
