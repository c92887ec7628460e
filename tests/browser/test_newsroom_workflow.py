"""The newsroom workflow in a real browser: an editor writes with a live word count and preview,
is warned before leaving unsaved work, publishes; readers see corrections, the corrections
page, a removed story's notice and a preview link, all accessible."""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from masthead.newsroom import preview, revisions, workflow
from masthead.newsroom.corrections import correction_add
from masthead.newsroom.models import Article
from masthead.newsroom.roles import EDITOR
from masthead.testing.factories import PASSWORD, make_article, make_user

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1280, "height": 900}


def _axe_clean(page: Page) -> None:
    result = Axe().run(page)
    assert result.violations_count == 0, result.generate_report()


def _log_in(page: Page, base: str, user) -> None:
    page.goto(base + "/newsroom/login/")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(re.compile(r"/newsroom/$"))


def test_an_editor_writes_previews_is_warned_and_publishes(
    page: Page, live_server, newsroom, artifacts_dir
):
    editor = make_user(role=EDITOR, username="eddie", first_name="Eddie", last_name="Desk")
    draft = make_article(
        section=newsroom.section,
        headline="Night ferry schedule to change in spring",
        body="The night ferry will leave later.",
        status=Article.Status.DRAFT,
    )
    page.set_viewport_size(DESKTOP)
    _log_in(page, live_server.url, editor)
    page.goto(f"{live_server.url}/newsroom/newsroom/article/{draft.pk}/change/")

    stats = page.locator(".editor-stats")
    expect(stats).to_have_text("6 words · 1 min read")
    body = page.locator("#id_body")
    body.fill("The night ferry will leave **later**, the harbor board said on Tuesday.")
    expect(stats).to_have_text("12 words · 1 min read")
    page.get_by_role("button", name="Show preview").click()
    preview_pane = page.locator("#body-preview")
    expect(preview_pane.locator("strong")).to_have_text("later")
    page.screenshot(path=artifacts_dir / "admin-story-editor.png", full_page=True)

    # Leaving with unsaved changes asks first; staying keeps the text.
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.type), dialog.dismiss()))
    page.locator("#site-name a").click()
    page.wait_for_timeout(500)
    assert dialogs == ["beforeunload"]
    expect(body).to_have_value(re.compile("harbor board"))

    page.get_by_role("button", name="Save and publish now").first.click()
    expect(page.locator(".messagelist")).to_contain_text("is now published")
    assert dialogs == ["beforeunload"]  # saving is not leaving
    expect(page.locator(".workflow-history")).to_contain_text("Draft → Published")
    page.screenshot(path=artifacts_dir / "admin-story-published.png", full_page=True)
    draft.refresh_from_db()
    assert draft.is_live
    assert "harbor board" in draft.body


def test_an_editor_compares_two_revisions(page: Page, live_server, newsroom, artifacts_dir):
    editor = make_user(role=EDITOR, username="eddie")
    first = revisions.revision_create(article=newsroom, user=editor)
    newsroom.headline = "Ferry service returns to the north pier on Monday"
    newsroom.body = newsroom.body.replace("Paragraph 3 of", "Paragraph three, rewritten, of")
    newsroom.save()
    second = revisions.revision_create(article=newsroom, user=editor)
    page.set_viewport_size(DESKTOP)
    _log_in(page, live_server.url, editor)
    page.goto(
        f"{live_server.url}/newsroom/newsroom/article/{newsroom.pk}/revisions/compare/"
        f"?from={first.number}&to={second.number}"
    )
    expect(page.locator(".diff-field h3").first).to_have_text("Headline")
    expect(page.locator(".diff-lines ins").first).to_be_visible()
    page.screenshot(path=artifacts_dir / "admin-revision-compare.png", full_page=True)


def test_readers_see_corrections_the_corrections_page_and_removed_stories(
    page: Page, live_server, newsroom, artifacts_dir
):
    editor = make_user(role=EDITOR)
    correction_add(
        article=newsroom,
        user=editor,
        text="An earlier version of this story gave the wrong day for the ferry's return.",
    )
    correction_add(
        article=newsroom, user=editor, kind="update", text="Adds the harbor board's timetable."
    )
    page.goto(live_server.url + newsroom.get_absolute_url())
    notes = page.get_by_role("complementary", name="Corrections and updates")
    expect(notes.locator("li")).to_have_count(2)
    expect(notes).to_contain_text("Correction")
    expect(page.locator(".dateline .updated")).to_be_visible()
    _axe_clean(page)
    notes.screenshot(path=artifacts_dir / "story-corrections.png")

    page.goto(live_server.url + "/corrections/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Corrections")
    expect(page.locator(".correction-list li")).to_have_count(1)
    _axe_clean(page)
    page.screenshot(path=artifacts_dir / "corrections-page.png", full_page=True)

    workflow.article_unpublish(article=newsroom, user=editor)
    # A reader arriving now (a browser that had the page may keep it max-age, 60 s).
    page = page.context.browser.new_context().new_page()
    response = page.goto(live_server.url + newsroom.get_absolute_url())
    assert response.status == 410
    expect(page.get_by_role("heading", level=1)).to_have_text("This page was removed")
    _axe_clean(page)
    page.screenshot(path=artifacts_dir / "story-gone-410.png", full_page=True)


def test_a_preview_link_shows_a_draft_without_login(
    page: Page, live_server, newsroom, artifacts_dir
):
    draft = make_article(
        section=newsroom.section,
        headline="Council to vote on the harbor budget next week",
        body="A draft about the budget.",
        status=Article.Status.DRAFT,
    )
    response = page.goto(live_server.url + preview.preview_url(preview.preview_link_make(draft)))
    assert response.status == 200
    assert response.headers["x-robots-tag"] == "noindex, nofollow"
    expect(page.get_by_role("note")).to_contain_text("Preview: draft, not published")
    expect(page.get_by_role("heading", level=1)).to_have_text(draft.headline)
    _axe_clean(page)
    page.screenshot(path=artifacts_dir / "story-preview.png", full_page=True)


def test_an_editor_makes_and_revokes_preview_links_on_the_story_form(
    page: Page, live_server, newsroom, artifacts_dir
):
    editor = make_user(role=EDITOR, is_staff=True, first_name="Eda", last_name="Moreno")
    draft = make_article(
        section=newsroom.section,
        headline="Harbor budget: the council's draft figures",
        status=Article.Status.DRAFT,
    )
    page.set_viewport_size(DESKTOP)
    _log_in(page, live_server.url, editor)
    page.goto(f"{live_server.url}/newsroom/newsroom/article/{draft.pk}/change/")
    links = page.locator("fieldset.preview-links")
    for _ in range(2):
        links.get_by_role("button", name="Make a preview link").click()
        expect(page.locator(".messagelist")).to_contain_text("Preview link made")
    rows = links.locator("tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.first).to_contain_text("Eda Moreno")
    first_url = rows.first.get_by_role("link", name="Open the preview").get_attribute("href")
    second_url = rows.nth(1).get_by_role("link", name="Open the preview").get_attribute("href")
    page.screenshot(path=artifacts_dir / "preview-links.png", full_page=True)
    rows.first.get_by_role("button", name="Revoke").click()
    expect(page.locator(".messagelist")).to_contain_text("That preview link is revoked")
    expect(rows).to_have_count(1)
    draft.refresh_from_db()
    assert draft.headline == "Harbor budget: the council's draft figures"  # the story unsaved
    reader = page.context.browser.new_page()
    assert reader.goto(live_server.url + first_url).status == 410
    assert reader.goto(live_server.url + second_url).status == 200
    links.get_by_role("button", name="Revoke all preview links").click()
    expect(links).to_contain_text("No working preview links.")
    assert reader.goto(live_server.url + second_url).status == 410
    reader.close()
