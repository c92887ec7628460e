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


def test_the_player_loads_only_when_the_reader_asks(
    page: Page, live_server, transactional_db
) -> None:
    from masthead.testing.factories import make_article

    make_publication(name="The Harbour Desk")
    story = make_article(
        headline="King tide floods Front Street",
        body="The tide came in at noon.\n\nhttps://www.youtube.com/watch?v=Xy12Ab34Cd5\n\nDone.",
    )
    elsewhere: list[str] = []
    page.route(
        "**/*",
        lambda route: (
            route.continue_()
            if route.request.url.startswith(live_server.url)
            else (
                elsewhere.append(route.request.url),
                route.fulfill(status=200, content_type="text/html", body="<p>player</p>"),
            )
        ),
    )
    blocked: list[str] = []
    page.on("console", lambda m: blocked.append(m.text) if "Content Security" in m.text else 0)
    page.goto(live_server.url + story.get_absolute_url())
    card = page.locator("figure.embed.embed--youtube")
    button = card.get_by_role("button", name="Load the YouTube player")
    expect(button).to_be_visible()
    page.wait_for_timeout(300)
    assert elsewhere == []  # no third party contacted before the click
    button.click()
    frame = card.locator("iframe")
    expect(frame).to_have_attribute("src", "https://www.youtube-nocookie.com/embed/Xy12Ab34Cd5")
    expect(frame).to_have_attribute(
        "title", "YouTube: Watch on YouTube: https://www.youtube.com/watch?v=Xy12Ab34Cd5"
    )
    page.wait_for_timeout(500)
    assert any(url.startswith("https://www.youtube-nocookie.com/") for url in elsewhere)
    assert blocked == []  # the page's CSP lets this player in
    result = Axe().run(page)
    assert result.violations_count == 0, result.generate_report()
