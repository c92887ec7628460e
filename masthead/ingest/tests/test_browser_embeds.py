"""An imported Ghost story's embeds, as a reader sees them in headless Chromium: link cards,
no frames, nothing blocked by the CSP."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command
from playwright.sync_api import Page, expect

from masthead.ingest.models import ImportedItem
from masthead.testing.factories import make_publication

pytestmark = pytest.mark.browser

BODY = (
    "<p>The tide came in at noon.</p>"
    '<figure class="kg-card kg-embed-card kg-card-hascaption"><iframe width="356" height="200" '
    'src="https://www.youtube.com/embed/Xy12Ab34Cd5?feature=oembed" title="King tide at the pier"'
    " allowfullscreen></iframe><figcaption>Video by the harbour master</figcaption></figure>"
    '<blockquote class="twitter-tweet"><p lang="en">Water on Front Street again</p>&mdash; '
    'Harbour Desk (@harbourdesk) <a href="https://twitter.com/harbourdesk/status/1777">April 9, '
    '2024</a></blockquote><script async src="https://platform.twitter.com/widgets.js"></script>'
    "<p>Crews cleared the road by evening.</p>"
)


def test_ghost_embeds_render_as_link_cards(
    page: Page, live_server, transactional_db, tmp_path: Path
) -> None:
    make_publication(name="The Harbour Desk")
    export = {"db": [{"meta": {"version": "5.80.0"}, "data": {"posts": [{
        "id": "65f0c0ffee0000000000beef", "title": "King tide floods Front Street",
        "slug": "king-tide", "html": BODY, "status": "published", "visibility": "public",
        "type": "post", "published_at": "2024-04-09T18:00:00.000Z"}]}}]}  # fmt: skip
    path = tmp_path / "ghost.json"
    path.write_text(json.dumps(export))
    call_command("import", "ghost", str(path), stdout=StringIO(), stderr=StringIO())
    article = ImportedItem.objects.get(source_id="65f0c0ffee0000000000beef").article
    blocked: list[str] = []
    page.on("console", lambda m: blocked.append(m.text) if "Content Security" in m.text else 0)
    page.goto(live_server.url + article.get_absolute_url())

    body = page.locator("article.story .story-body")
    youtube = body.locator("figure.embed.embed--youtube")
    expect(youtube.get_by_role("link")).to_have_text("Watch on YouTube: King tide at the pier")
    expect(youtube.get_by_role("link")).to_have_attribute(
        "href", "https://www.youtube.com/watch?v=Xy12Ab34Cd5"
    )
    expect(youtube.locator("figcaption")).to_have_text("Video by the harbour master")
    tweet = body.locator("figure.embed.embed--twitter").get_by_role("link")
    expect(tweet).to_have_attribute("href", "https://twitter.com/harbourdesk/status/1777")
    expect(tweet).to_contain_text("Water on Front Street again")
    # The card is styled, not raw link text
    assert youtube.evaluate("f => getComputedStyle(f).borderLeftStyle") == "solid"
    expect(body.locator("iframe, script")).to_have_count(0)
    expect(page.get_by_text("<a href", exact=False)).to_have_count(0)
    assert blocked == []
    result = Axe().run(page)
    assert result.violations_count == 0, result.generate_report()
