"""In headless Chromium: a story whose imported photos could not be downloaded shows no
broken image, and shows them once a retry has fetched them."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from playwright.sync_api import Page, expect

from masthead.ingest.tests.conftest import image_bytes
from masthead.ingest.tests.test_missing_photos import feed
from masthead.newsroom.models import Article
from masthead.testing.factories import make_publication

pytestmark = pytest.mark.browser

BROKEN_IMAGES = "() => [...document.images].filter(i => !i.complete || i.naturalWidth === 0).length"


def test_no_broken_image_before_and_the_photos_after_a_retry(
    page: Page, live_server, transactional_db, image_server, tmp_path: Path
) -> None:
    make_publication(name="The Harbor Gazette")
    path = tmp_path / "feed.xml"
    path.write_bytes(feed(image_server.url, "browser"))
    quiet = {"stdout": StringIO(), "stderr": StringIO()}
    call_command("import", "rss", str(path), **quiet)
    article = Article.objects.get()
    page.goto(live_server.url + article.get_absolute_url())
    expect(page.get_by_text("Then the lamp went automatic.")).to_be_visible()
    page.wait_for_load_state("load")
    assert page.evaluate(BROKEN_IMAGES) == 0
    assert page.locator(".story-body img").count() == 0

    for suffix in ("hero", "inline"):
        (image_server.root / f"browser-{suffix}.jpg").write_bytes(image_bytes())
    call_command("import", "rss", str(path), "--refetch-photos", **quiet)
    # A reload, as a reader would: the browser may keep the page a minute (max-age=60), and a
    # reload asks the site again (a fresh page, as the photos changed its ETag).
    page.reload()
    page.wait_for_load_state("load")
    expect(page.locator("article.story figure.hero img")).to_have_count(1)
    expect(page.locator(".story-body figure img")).to_have_count(1)
    assert page.evaluate(BROKEN_IMAGES) == 0
