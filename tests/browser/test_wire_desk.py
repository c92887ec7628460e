"""The wire desk in a real browser: an editor finds it, uploads an export, reads the dry run,
confirms, and reads the kept report; every page is accessible."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from masthead.ingest.models import ImportRun
from masthead.newsroom.models import Article
from masthead.newsroom.roles import CONTRIBUTOR, EDITOR
from masthead.testing.factories import PASSWORD, make_user

pytestmark = pytest.mark.browser

WXR = Path(__file__).resolve().parents[2] / "masthead/ingest/tests/fixtures/newsroom.wxr.xml"


def _axe_clean(page: Page) -> None:
    result = Axe().run(page)
    serious = [v for v in result.response["violations"] if v["impact"] in {"serious", "critical"}]
    assert not serious, result.generate_report()


def _log_in(page: Page, base: str, user) -> None:
    page.goto(base + "/newsroom/login/")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(re.compile(r"/newsroom/$"))


def test_an_editor_imports_an_export_through_the_wire_desk(
    page: Page, live_server, newsroom, settings, tmp_path, artifacts_dir
):
    settings.IMPORT_UPLOAD_DIR = tmp_path / "uploads"
    _log_in(page, live_server.url, make_user(role=EDITOR, username="wendy"))

    page.get_by_role("link", name="Wire desk / Import").click()
    expect(page.get_by_role("heading", name="Wire desk: import a file")).to_be_visible()
    _axe_clean(page)
    page.get_by_label("Export file").set_input_files(WXR)
    page.get_by_label("Section").select_option(label="Sports")
    page.get_by_label("Send to the review queue").check()
    page.get_by_role("button", name="Check the file (dry run)").click()

    expect(
        page.get_by_role("heading", name="Dry run: nothing has been written yet")
    ).to_be_visible()
    run = ImportRun.objects.get()
    expect(page.locator("#planned")).to_contain_text(
        f"Would create {run.planned['created']}, update 0"
    )
    expect(page.locator(".import-errors li")).to_have_count(len(run.errors))
    before = Article.objects.count()
    _axe_clean(page)
    page.screenshot(path=artifacts_dir / "wire-desk-dry-run.png", full_page=True)

    page.get_by_role("button", name="Confirm the import").click()
    expect(page.locator("#import-status")).to_have_text("Imported")
    expect(page.locator("#result")).to_contain_text(f"{run.planned['created']} created")
    assert Article.objects.count() == before + run.planned["created"]
    imported = Article.objects.filter(imported_items__isnull=False)
    assert set(imported.values_list("section__name", flat=True)) == {"Sports"}
    assert Article.Status.PUBLISHED not in set(imported.values_list("status", flat=True))
    _axe_clean(page)

    page.get_by_role("link", name="Import another file").click()
    expect(page.get_by_role("link", name="newsroom.wxr.xml")).to_be_visible()


def test_a_contributor_is_told_which_role_importing_needs(page: Page, live_server, newsroom):
    contributor = make_user(role=CONTRIBUTOR, username="carl")
    _log_in(page, live_server.url, contributor)
    expect(page.get_by_role("link", name="Wire desk / Import")).to_have_count(0)
    response = page.goto(live_server.url + "/newsroom/wire-desk/")
    assert response.status == 403
    expect(page.get_by_role("heading", level=1)).to_have_text("You need the Editor role")
    _axe_clean(page)
