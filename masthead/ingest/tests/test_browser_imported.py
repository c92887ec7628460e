"""Imported stories as a reader sees them, in headless Chromium: a WordPress story with a
[caption] shortcode, and an agency's ninjs story with its photo credit."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command
from playwright.sync_api import Page, expect

from masthead.ingest.models import ImportedItem
from masthead.ingest.tests.conftest import wxr_with_images
from masthead.testing.factories import make_publication

pytestmark = pytest.mark.browser


def ninjs_story(image_url: str) -> dict:
    return {
        "uri": "urn:example:wire:browser:1",
        "type": "text",
        "firstCreated": "2024-05-14T08:00:00Z",
        "versionCreated": "2024-05-14T09:30:00Z",
        "pubStatus": "usable",
        "copyrightHolder": "Lakeshore News Service",
        "by": "Dana Whitfield",
        "headlines": [{"role": "main", "value": "Ferry fares hold steady for the summer season"}],
        "descriptions": [
            {"role": "summary", "value": "Operators kept prices at last year's level."}
        ],
        "bodies": [
            {
                "contentType": "text/html",
                "value": "<p>Fares stay at four dollars.</p>"
                "<p>“We heard riders,” a director said.</p>",
            }
        ],
        "subjects": [{"name": "Transport"}],
        "associations": [
            {
                "name": "mainpic",
                "type": "picture",
                "descriptions": [
                    {"role": "caption", "value": "Riders board the morning ferry on Tuesday."},
                    {"role": "creditline", "value": "Lou Chen/Lakeshore News Service"},
                ],
                "renditions": [
                    {"name": "original", "href": image_url, "contentType": "image/jpeg"}
                ],
            }
        ],
    }


def _axe_clean(page: Page) -> None:
    result = Axe().run(page)
    assert result.violations_count == 0, result.generate_report()


def test_imported_stories_render(
    page: Page, live_server, transactional_db, image_server, tmp_path: Path, artifacts_dir
) -> None:
    make_publication(name="The Harbor Gazette", time_zone="America/New_York")
    quiet = {"stdout": StringIO(), "stderr": StringIO()}
    call_command("import", "wxr", str(wxr_with_images("gazette.wxr.xml", image_server, tmp_path)),
                 **quiet)  # fmt: skip
    wire = tmp_path / "wire.json"
    wire.write_text(json.dumps(ninjs_story(f"{image_server.url}/harbor-crane.jpg")))
    call_command("import", "ninjs", str(wire), **quiet)
    page.set_viewport_size({"width": 390, "height": 844})

    wordpress = ImportedItem.objects.get(source_id="401").article
    page.goto(live_server.url + "/2024/05/harbor-bridge-opens/")  # the old address
    expect(page).to_have_url(live_server.url + wordpress.get_absolute_url())
    story = page.locator("article.story")
    expect(page.get_by_role("heading", level=1)).to_have_text(wordpress.headline)
    expect(story.locator("figure.hero figcaption")).to_have_text(
        "A crane lifts the last span into place on Monday. (Omar Haddad/Gazette)"
    )
    body_figure = story.locator(".story-body figure").first
    expect(body_figure.locator("figcaption")).to_have_text(
        "The last span, lowered into place in March."
    )
    assert body_figure.locator("img").evaluate("img => img.complete && img.naturalWidth > 0")
    assert story.locator("figure.hero img").evaluate("img => img.naturalWidth > 0")
    expect(story.locator("p.byline")).to_have_text("By Lina North and Ravi Menon")
    expect(page.get_by_text("My commute is finally short.")).to_be_visible()
    page.screenshot(path=artifacts_dir / "imported-wxr-story-phone.png", full_page=True)
    _axe_clean(page)

    agency = ImportedItem.objects.get(source_id="urn:example:wire:browser:1").article
    page.goto(live_server.url + agency.get_absolute_url())
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Ferry fares hold steady for the summer season"
    )
    story = page.locator("article.story")
    expect(story.locator("figure.hero figcaption")).to_have_text(
        "Riders board the morning ferry on Tuesday. (Lou Chen/Lakeshore News Service)"
    )
    expect(story.locator("p.byline")).to_have_text("By Dana Whitfield")
    expect(story.get_by_text("Distributed by Lakeshore News Service.")).to_be_visible()
    expect(story.locator(".story-body p")).to_have_count(2)
    page.screenshot(path=artifacts_dir / "imported-ninjs-story-phone.png", full_page=True)
    _axe_clean(page)
