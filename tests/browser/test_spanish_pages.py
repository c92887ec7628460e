"""A reader of the Spanish edition in a real headless Chromium: the Spanish front page, a story
and its translation through the switcher, a section, search and the comment form's answer to a
mistake, each checked with axe-core; screenshots go to test-artifacts/spanish-*.png."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from masthead.testing.factories import (
    make_article,
    make_author,
    make_publication,
    make_section,
    make_tag,
)

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def _axe_clean(page: Page) -> None:
    result = Axe().run(page)
    assert result.violations_count == 0, result.generate_report()


@pytest.fixture
def bilingual(transactional_db):
    make_publication(
        name="El Faro", other_languages="es", comment_moderation="none",
        comments_close_after_days=0,
    )  # fmt: skip
    city = make_section(
        name="City", slug="city", translations={"es": {"name": "Ciudad", "slug": "ciudad"}}
    )
    harbor = make_tag(
        name="Harbor", slug="harbor", translations={"es": {"name": "Puerto", "slug": "puerto"}}
    )
    ana = make_author(name="Ana Ruiz", slug="ana-ruiz")
    for i in range(3):
        make_article(section=city, authors=[ana], tags=[harbor], language="es",
                     headline=f"Noticia anterior número {i} sobre el puerto")  # fmt: skip
    english = make_article(
        section=city, authors=[ana], tags=[harbor], headline="Ferry returns to the north pier",
        body="The ferry returned on Monday.\n\nRiders cheered.",
    )  # fmt: skip
    spanish = make_article(
        section=city, authors=[ana], tags=[harbor], language="es",
        translation_group=english.translation_group,
        headline="El transbordador vuelve al muelle norte",
        body="El transbordador volvió el lunes.\n\nLos pasajeros aplaudieron.",
    )  # fmt: skip
    return english, spanish


@pytest.mark.parametrize("path", ["/es/", "story", "/es/ciudad/", "/es/tag/puerto/", "/es/archive/",
                                  "/es/search/?q=puerto", "/es/no-existe/"])  # fmt: skip
def test_spanish_pages_have_no_accessibility_violations(page: Page, live_server, bilingual, path):
    url = bilingual[1].get_absolute_url() if path == "story" else path
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + url)
    expect(page.locator("html")).to_have_attribute("lang", "es")
    _axe_clean(page)
    page.set_viewport_size(DESKTOP)
    _axe_clean(page)


def test_a_reader_switches_to_the_translation_and_back(
    page: Page, live_server, bilingual, artifacts_dir
):
    english, spanish = bilingual
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + english.get_absolute_url(), wait_until="networkidle")
    switcher = page.get_by_role("navigation", name="Read in another language")
    switcher.get_by_role("link", name="Español").click()
    expect(page).to_have_url(live_server.url + spanish.get_absolute_url())
    expect(page.get_by_role("heading", level=1)).to_have_text(spanish.headline)
    expect(page.get_by_text("min de lectura")).to_be_visible()
    expect(page.get_by_role("heading", name="Publicaciones recientes")).to_be_visible()
    page.screenshot(path=str(artifacts_dir / "spanish-story.png"), full_page=True)
    page.get_by_role("navigation", name="Leer en otro idioma").get_by_role(
        "link", name="English"
    ).click()
    expect(page).to_have_url(live_server.url + english.get_absolute_url())


def test_the_comment_form_answers_a_mistake_in_spanish(
    page: Page, live_server, bilingual, artifacts_dir, settings, monkeypatch
):
    from masthead.comments import spam

    settings.MASTHEAD_COMMENTS_RATE_LIMIT = 100
    monkeypatch.setattr(spam, "MIN_SECONDS_TO_SUBMIT", 0)
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + bilingual[1].get_absolute_url())
    form = page.locator("#respond")
    form.get_by_label("Nombre", exact=True).fill("Lectora Larga")
    form.get_by_label("Correo electrónico", exact=True).fill("lectora@example.com")
    form.get_by_label("Comentario", exact=True).fill("Una carta muy larga. " * 300)
    form.get_by_role("button", name="Enviar comentario").click()
    page.wait_for_load_state()
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("Su comentario no se envió.")
    expect(page.locator("html")).to_have_attribute("lang", "es")
    _axe_clean(page)
    page.screenshot(path=str(artifacts_dir / "spanish-comment-errors.png"), full_page=True)
