"""The front page set at the desk, in a real browser: an editor makes a photo-less story the
lead from the story list and runs a breaking-news banner; a reader sees both, with the lead
spread across the page, and the desk's screen passes axe."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import timezone
from playwright.sync_api import Page, expect

from masthead.newsroom.roles import EDITOR
from masthead.testing.factories import PASSWORD, make_article, make_user

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1280, "height": 900}


def _log_in(page: Page, base: str, user) -> None:
    page.goto(base + "/newsroom/login/")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()


def _serious(page: Page) -> list[str]:
    found = Axe().run(page).response["violations"]
    return [
        (v["id"], [node["target"] for node in v["nodes"]])
        for v in found
        if v["impact"] in ("critical", "serious")
    ]


def test_an_editor_sets_the_lead_and_a_banner_and_readers_see_them(
    page: Page, live_server, newsroom, artifacts_dir
):
    analysis = make_article(
        section=newsroom.section,
        headline="What the ferry repairs cost, and who paid",
        dek="The harbor board's accounts, line by line.",
        published_at=timezone.now() - timedelta(hours=6),
    )
    editor = make_user(role=EDITOR, username="eddie", first_name="Eddie")
    page.set_viewport_size(DESKTOP)
    _log_in(page, live_server.url, editor)

    # The desk's first page: the day's work, and the review badge in the header.
    expect(page.locator("#desk-dashboard")).to_be_visible()
    expect(page.locator(".review-queue")).to_have_text("No stories in review")
    expect(page.locator("#desk-today").locator("xpath=..")).to_contain_text(newsroom.headline)
    page.screenshot(path=artifacts_dir / "desk-dashboard.png", full_page=True)
    found = _serious(page)
    assert found == [], found

    # From the story list: the older analysis leads instead of the newest story.
    page.goto(live_server.url + "/newsroom/newsroom/article/?q=ferry+repairs")
    page.locator(f"input[name=_selected_action][value='{analysis.pk}']").check()
    page.locator("select[name=action]").select_option("place_as_lead")
    page.get_by_role("button", name="Go").click()
    expect(page.locator(".messagelist")).to_contain_text("now leads the front page")

    # The front page screen: the lead is listed first; a banner goes up for an hour.
    page.goto(live_server.url + "/newsroom/frontpage/frontpage/")
    expect(page.get_by_role("heading", name="Breaking news banner")).to_be_visible()
    expect(page.locator("#placed-group")).to_contain_text("On the front page")
    page.get_by_role("textbox", name="Breaking news:").fill(
        "Ferry service suspended for the evening"
    )
    later = timezone.localtime() + timedelta(hours=1)
    page.locator("#id_breaking_ends_at_0").fill(later.strftime("%Y-%m-%d"))
    page.locator("#id_breaking_ends_at_1").fill(later.strftime("%H:%M:%S"))
    page.screenshot(path=artifacts_dir / "desk-front-page.png", full_page=True)
    found = _serious(page)
    assert found == [], found
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("changed successfully")

    reader = page.context.browser.new_page(viewport=DESKTOP)
    reader.goto(live_server.url + "/")
    banner = reader.locator("p.breaking")
    expect(banner).to_contain_text("Ferry service suspended for the evening")
    lead = reader.locator("section.lead")
    expect(lead.locator(".card-headline")).to_have_text(analysis.headline)
    # Without a photo, the lead's text takes the whole width of the page's column.
    text_width = lead.locator(".card-text").evaluate("e => e.getBoundingClientRect().width")
    lead_width = lead.evaluate("e => e.getBoundingClientRect().width")
    assert text_width > 0.95 * lead_width
    # The story that led before is still on the page, once, in its section.
    expect(reader.get_by_role("link", name=newsroom.headline, exact=True)).to_have_count(1)
    reader.screenshot(path=artifacts_dir / "home-desk-lead-and-banner.png", full_page=True)
    assert reader.context.cookies() == []  # the reader's front page stays cacheable
    reader.close()


def test_the_story_list_keeps_headlines_readable_at_1366_pixels(
    page: Page, live_server, newsroom, artifacts_dir
):
    editor = make_user(role=EDITOR, username="eddie", first_name="Eddie", last_name="Desk")
    page.set_viewport_size({"width": 1366, "height": 768})
    _log_in(page, live_server.url, editor)
    expect(page.locator("#user-tools")).to_contain_text("Welcome, Eddie Desk (Editor).")
    page.goto(live_server.url + "/newsroom/newsroom/article/")
    cell = page.locator("#result_list .field-headline").first
    assert cell.evaluate("e => e.getBoundingClientRect().width") >= 250
    page.screenshot(path=artifacts_dir / "desk-story-list-1366.png", full_page=True)


@pytest.mark.parametrize(
    "path",
    [
        "/newsroom/newsroom/article/",
        "/newsroom/newsroom/article/add/",
        "/newsroom/newsroom/article/{story}/change/",
        "/newsroom/photos/photo/",
        "/newsroom/photos/photo/add/",
        "/newsroom/comments/comment/",
        "/newsroom/frontpage/frontpage/",
        "/newsroom/pages/page/add/",
    ],
)
def test_desk_screens_have_no_serious_accessibility_violations(
    page: Page, live_server, newsroom, path
):
    editor = make_user(role=EDITOR, username="eddie", first_name="Eddie", last_name="Desk")
    page.set_viewport_size(DESKTOP)
    _log_in(page, live_server.url, editor)
    page.goto(live_server.url + path.format(story=newsroom.pk))
    page.wait_for_load_state("load")
    found = _serious(page)
    assert found == [], found


def test_a_long_headline_gives_a_trimmed_slug_and_a_full_width_field(
    page: Page, live_server, newsroom
):
    editor = make_user(role=EDITOR, username="eddie")
    page.set_viewport_size(DESKTOP)
    _log_in(page, live_server.url, editor)
    page.goto(live_server.url + "/newsroom/newsroom/article/add/")
    headline = page.locator("#id_headline")
    headline.press_sequentially(
        "County board approves the long-delayed plan to rebuild the north pier "
        "and its ferry landing"
    )
    # The slug is trimmed just after the admin writes it: wait for that, as a reader's eye would.
    expect(page.locator("#id_slug")).to_have_value(re.compile(r"^[a-z0-9-]{21,60}$"))
    slug = page.locator("#id_slug").input_value()
    assert not slug.endswith("-")
    assert "county-board-approves" in slug
    assert headline.evaluate("e => e.getBoundingClientRect().width") >= 600


def test_the_preview_looks_like_the_reader_page_not_the_admin(page: Page, live_server, newsroom):
    editor = make_user(role=EDITOR, username="eddie")
    page.set_viewport_size(DESKTOP)
    _log_in(page, live_server.url, editor)
    page.goto(live_server.url + "/newsroom/newsroom/article/add/")
    page.locator("#id_body").fill('## The vote\n\n- first\n- second\n\n> "A quote," she said.')
    page.get_by_role("button", name="Show preview").click()
    pane = page.locator("#body-preview")
    expect(pane.locator("h2")).to_have_text("The vote")
    heading = pane.locator("h2").evaluate(
        "e => [getComputedStyle(e).backgroundColor, getComputedStyle(e).color]"
    )
    assert heading == ["rgba(0, 0, 0, 0)", "rgb(26, 26, 26)"]  # no admin bar
    assert pane.locator("li").first.evaluate("e => getComputedStyle(e).listStyleType") == "disc"
    assert "Georgia" in pane.evaluate("e => getComputedStyle(e).fontFamily")
    expect(pane.locator("blockquote")).to_contain_text("“A quote,” she said.")
