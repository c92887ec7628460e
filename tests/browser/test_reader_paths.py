"""A reader's path through the site in a real headless Chromium: the front page, a story, the
archive, with screenshots to look at and axe-core accessibility checks."""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def _axe_clean(page: Page) -> None:
    result = Axe().run(page)
    assert result.violations_count == 0, result.generate_report()


def test_reader_follows_the_lead_story_and_sees_every_reference_element(
    page: Page, live_server, newsroom, artifacts_dir
):
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + "/")
    expect(page).to_have_title(re.compile("The Test Gazette"))
    page.screenshot(path=artifacts_dir / "home-phone.png", full_page=True)

    page.get_by_role("link", name=newsroom.headline).first.click()
    expect(page).to_have_url(re.compile(re.escape(newsroom.get_absolute_url()) + "$"))

    story = page.locator("article.story")
    expect(page.get_by_role("heading", level=1)).to_have_text(newsroom.headline)
    # One byline, printed once; who posted the story is the newsroom's business.
    expect(story.get_by_text("By Dana Whitfield, Lakeshore News Service")).to_have_count(1)
    expect(story.get_by_text("By Dana Whitfield, Lakeshore News Service")).to_be_visible()
    expect(story.get_by_text("Writer", exact=False)).to_have_count(0)
    published = story.locator("p.dateline time").first
    expect(published).to_be_visible()
    assert published.get_attribute("datetime").startswith(str(newsroom.published_at.year))
    expect(story.get_by_text("1 min read")).to_be_visible()
    hero = story.locator("figure.hero img")
    expect(hero).to_be_visible()
    expect(hero).to_have_attribute("alt", "A white ferry docks at a wooden pier under a grey sky.")
    assert hero.evaluate("img => img.complete && img.naturalWidth > 0")
    expect(story.locator("figure.hero figcaption")).to_contain_text(
        "The ferry docks at the north pier on Monday morning. (Lou Chen/Lakeshore News Service)"
    )
    expect(story.locator("p.byline")).to_have_text("By Dana Whitfield, Lakeshore News Service")
    expect(story.locator(".story-body p")).to_have_count(17)
    expect(story.get_by_text("Distributed by Lakeshore News Service.")).to_be_visible()
    expect(story.get_by_role("link", name="Harbor")).to_be_visible()
    expect(page.get_by_role("heading", name="Recent Posts")).to_be_visible()
    expect(page.locator(".recent-posts li")).to_have_count(5)
    expect(page.get_by_role("heading", name="Comments")).to_be_visible()
    expect(page.get_by_text("Glad to see the ferry back.")).to_be_visible()
    page.screenshot(path=artifacts_dir / "story-phone.png", full_page=True)

    page.set_viewport_size(DESKTOP)
    page.screenshot(path=artifacts_dir / "story-desktop.png", full_page=True)

    page.get_by_role("link", name="See All stories").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("All stories")
    expect(page.locator(".pagination [aria-current=page]")).to_have_text("Page 1")
    page.screenshot(path=artifacts_dir / "archive-desktop.png", full_page=True)
    page.get_by_role("link", name="Older stories →").click()
    # Keyset pages say where they start, not a number that shifts as stories are added.
    expect(page.locator(".pagination [aria-current=page]")).to_have_text(re.compile(r"^From "))
    expect(page.get_by_role("link", name="← Newer stories")).to_be_visible()
    assert "before=" in page.url


def test_skip_link_and_back_to_top_work_from_the_keyboard(page: Page, live_server, newsroom):
    page.goto(live_server.url + newsroom.get_absolute_url())
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile("#main$"))
    back = page.get_by_role("link", name="Back to top")
    expect(back).to_have_attribute("href", "#top")


@pytest.mark.parametrize(
    "path", ["/", "story", "/archive/", "/city/", "/tag/harbor/", "/author/ana-ruiz/"]
)
def test_pages_have_no_accessibility_violations(page: Page, live_server, newsroom, path):
    page.set_viewport_size(PHONE)
    url = newsroom.get_absolute_url() if path == "story" else path
    page.goto(live_server.url + url)
    _axe_clean(page)
    page.set_viewport_size(DESKTOP)
    _axe_clean(page)


def test_story_reads_with_javascript_off(browser, live_server, newsroom, artifacts_dir):
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    page.goto(live_server.url + newsroom.get_absolute_url())
    expect(page.get_by_role("heading", level=1)).to_have_text(newsroom.headline)
    expect(page.locator(".story-body p").first).to_be_visible()
    context.close()


def test_pages_report_no_console_errors_or_csp_violations(page: Page, live_server, newsroom):
    problems: list[str] = []
    page.on("console", lambda message: message.type == "error" and problems.append(message.text))
    page.on("pageerror", lambda error: problems.append(str(error)))
    for url in ["/", newsroom.get_absolute_url(), "/archive/", "/no-such-page/"]:
        page.goto(live_server.url + url)
    # The 404 page answers 404 on purpose; its console line is the only one allowed.
    assert [p for p in problems if "404" not in p] == []


def test_not_found_page_is_styled_and_leads_home(page: Page, live_server, newsroom, artifacts_dir):
    response = page.goto(live_server.url + "/no-such-section/")
    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("We couldn’t find that page")
    page.screenshot(path=artifacts_dir / "not-found-phone.png")
    page.get_by_role("link", name="Go to the front page").click()
    expect(page.get_by_role("link", name=newsroom.headline).first).to_be_visible()


def test_on_a_short_page_the_footer_reaches_the_bottom_and_reading_time_stays_whole(
    page: Page, live_server, newsroom
):
    page.set_viewport_size(DESKTOP)
    page.goto(live_server.url + "/search/?q=nothing-matches-this")
    footer_bottom = page.locator(".site-footer").evaluate("e => e.getBoundingClientRect().bottom")
    assert footer_bottom >= DESKTOP["height"] - 1
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(live_server.url + "/archive/")
    for reading in page.locator(".card-meta .nowrap").all()[:10]:
        # One line: its height is a single line's, whatever the width of the card.
        lines = reading.evaluate("e => e.getClientRects().length")
        assert lines == 1
