"""A reader searches from the header box, narrows the results, pages through them and follows
one to its story, where related stories wait; in a real Chromium, with and without
JavaScript, checked by axe-core."""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

from masthead.testing.factories import make_article, make_section

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def _axe_clean(page: Page) -> None:
    result = Axe().run(page)
    assert result.violations_count == 0, result.generate_report()


@pytest.fixture
def harbor_stories(newsroom, settings):
    settings.MASTHEAD_PAGE_SIZE = 5
    marina = make_section(name="Marina", slug="marina", position=2)
    for i in range(7):
        make_article(
            section=marina,
            headline=f"Harbor dredging, week {i + 1}: the channel deepens",
            dek="Crews keep the channel open for the ferry.",
            body="The dredger worked through the night near the north pier.",
        )
    return newsroom


def test_reader_searches_filters_and_pages_through_results(
    page: Page, live_server, harbor_stories, artifacts_dir
):
    page.set_viewport_size(DESKTOP)
    page.goto(live_server.url + "/")
    box = page.get_by_role("searchbox", name="Search stories")
    box.fill("harbor")
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"/search/\?q=harbor$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Search")
    expect(page.get_by_role("heading", name=re.compile(r"\d+ stories found"))).to_be_visible()
    expect(page.locator(".search-hits mark").first).to_be_visible()
    page.screenshot(path=artifacts_dir / "search-desktop.png", full_page=True)
    _axe_clean(page)

    page.get_by_label("Section", exact=True).select_option("marina")
    page.get_by_role("button", name="Search", exact=True).last.click()
    expect(page.get_by_role("heading", name="7 stories found")).to_be_visible()
    expect(page.get_by_text("Page 1 of 2")).to_be_visible()
    page.get_by_role("link", name="More results →").click()
    expect(page.get_by_text("Page 2 of 2")).to_be_visible()
    expect(page.locator(".search-hits > li")).to_have_count(2)
    expect(page.get_by_label("Section", exact=True)).to_have_value("marina")

    page.locator(".search-hits h3 a").first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Harbor dredging")
    related = page.locator(".related-stories")
    expect(related.get_by_role("heading", name="Related stories")).to_be_visible()
    expect(related.locator("li")).to_have_count(4)
    page.screenshot(path=artifacts_dir / "story-related-desktop.png", full_page=True)
    _axe_clean(page)

    # The form's error message, checked by axe (which needs JavaScript to run).
    page.goto(live_server.url + "/search/?q=harbor&date_from=2026-02-02&date_to=2026-01-01")
    expect(page.get_by_role("alert")).to_be_visible()
    _axe_clean(page)


def test_search_works_with_javascript_off_on_a_phone(
    browser: Browser, live_server, harbor_stories, artifacts_dir
):
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    page.goto(live_server.url + "/search/?q=%22north+pier%22+-dredger&date_from=2000-01-01")
    expect(page.get_by_role("heading", name=re.compile("stor(y|ies) found"))).to_be_visible()
    page.screenshot(path=artifacts_dir / "search-phone-nojs.png", full_page=True)
    page.get_by_label("To", exact=True).fill("1999-01-01")
    page.get_by_role("button", name="Search", exact=True).last.click()
    expect(page.get_by_role("alert")).to_contain_text("The end date is before the start date.")
    page.screenshot(path=artifacts_dir / "search-phone-error.png", full_page=True)
    context.close()


def test_feed_links_are_discoverable(page: Page, live_server, harbor_stories):
    page.goto(live_server.url + "/marina/")
    hrefs = page.locator('link[rel="alternate"]').evaluate_all("links => links.map(l => l.href)")
    assert live_server.url + "/feeds/section/marina/rss/" in hrefs
    response = page.request.get(live_server.url + "/feeds/section/marina/rss/")
    assert response.ok
    assert "Harbor dredging" in response.text()
