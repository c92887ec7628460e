"""The hostile corpus through reader and contributor fields, in headless Chromium: no dialog
opens and no injected element is in the DOM on any reader page that shows them."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from playwright.sync_api import Page

from masthead.testing.factories import (
    make_article,
    make_author,
    make_comment,
    make_photo,
    make_publication,
    make_section,
    make_tag,
)
from masthead.testing.hostile_inputs import HOSTILE_INPUTS

pytestmark = pytest.mark.browser

INJECTED = (
    "img[onerror], svg[onload], [onload], [onmouseover], iframe, body script:not([src]), "
    "a[href^='javascript:' i], script[src*='alert']"
)


@pytest.fixture
def hostile_newsroom(transactional_db):
    make_publication(name="The Test Gazette")
    text = " ".join(HOSTILE_INPUTS)
    section = make_section(name=HOSTILE_INPUTS[1][:60], slug="hostile")
    tag = make_tag(name=HOSTILE_INPUTS[2][:60])
    author = make_author(name=HOSTILE_INPUTS[0][:60], slug="hostile-author", bio=text)
    story = make_article(
        section=section,
        headline=HOSTILE_INPUTS[7][:200],
        dek=text[:300],
        body="\n\n".join(HOSTILE_INPUTS),
        authors=[author],
        tags=[tag],
        byline_text=HOSTILE_INPUTS[3][:100],
        hero_photo=make_photo(alt_text=text[:250], caption=text[:250], photographer=text[:60]),
    )
    for hostile in HOSTILE_INPUTS:
        make_comment(story, author_name=hostile[:80], body=hostile)
    return story


def _assert_clean(page: Page, url: str) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    response = page.goto(url)
    assert response is not None and response.status < 500, url
    page.wait_for_load_state("load")
    assert dialogs == [], f"{url} opened a dialog: {dialogs}"
    injected = page.locator(INJECTED)
    assert injected.count() == 0, f"{url}: {injected.first.evaluate('e => e.outerHTML')}"


def test_the_check_catches_an_injected_element_and_a_dialog(page: Page):
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.set_content("<p>story</p><img src=x onerror=\"alert('hit')\">")
    page.wait_for_function("document.querySelector('img').complete")
    assert page.locator(INJECTED).count() == 1
    assert dialogs == ["hit"]


def test_hostile_fields_render_inert_on_every_reader_page(
    page: Page, live_server, hostile_newsroom
):
    story = hostile_newsroom
    base = live_server.url
    urls = [
        base + story.get_absolute_url(),
        base + "/",
        base + story.section.get_absolute_url(),
        base + story.tags.first().get_absolute_url(),
        base + story.authors.first().get_absolute_url(),
    ]
    urls += [base + "/search/?q=" + quote(hostile) for hostile in HOSTILE_INPUTS]
    for url in urls:
        _assert_clean(page, url)
