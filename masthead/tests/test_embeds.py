"""Embeds that respect readers: a provider's URL pasted on its own line is stored as an embed
card, the page offers the provider's player on a click, and only that page's CSP lets the
player's frame in."""

from __future__ import annotations

import pytest

from masthead.embeds import player_url, players_in
from masthead.newsroom.models import Article
from masthead.testing.factories import make_article, make_publication


@pytest.mark.parametrize(
    "url, player",
    [
        ("https://www.youtube.com/watch?v=Xy12Ab34Cd5", "https://www.youtube-nocookie.com/embed/Xy12Ab34Cd5"),
        ("https://youtu.be/Xy12Ab34Cd5", "https://www.youtube-nocookie.com/embed/Xy12Ab34Cd5"),
        ("https://www.youtube.com/shorts/Xy12Ab34Cd5", "https://www.youtube-nocookie.com/embed/Xy12Ab34Cd5"),
        ("https://vimeo.com/76979871", "https://player.vimeo.com/video/76979871?dnt=1"),
        ("https://open.spotify.com/episode/4rOoJ6Egrf8K2IrywzwOMk", "https://open.spotify.com/embed/episode/4rOoJ6Egrf8K2IrywzwOMk"),
        ("https://soundcloud.com/harbor-radio/tide-report", "https://w.soundcloud.com/player/?url=https%3A%2F%2Fsoundcloud.com%2Fharbor-radio%2Ftide-report"),
        ("https://x.com/harbordesk/status/1777000000000000000", "https://platform.twitter.com/embed/Tweet.html?id=1777000000000000000"),
        ("https://www.instagram.com/p/C5abcDEF123/", "https://www.instagram.com/p/C5abcDEF123/embed/"),
        ("https://www.tiktok.com/@harbor/video/7350000000000000000", "https://www.tiktok.com/embed/v2/7350000000000000000"),
        ("https://www.facebook.com/harbordesk/posts/12345", "https://www.facebook.com/plugins/post.php?href=https%3A%2F%2Fwww.facebook.com%2Fharbordesk%2Fposts%2F12345"),
        ("https://www.documentcloud.org/documents/2467-budget-2026", "https://embed.documentcloud.org/documents/2467-budget-2026/"),
        ("https://www.openstreetmap.org/#map=15/41.3800/-71.9000", "https://www.openstreetmap.org/export/embed.html?bbox="),
        ("https://maps.google.com/?q=pier", ""),
        ("https://news.example/story", ""),
        ("javascript:alert(1)", ""),
        ("https://www.youtube.com/watch?v=%22%3E%3Cscript%3E", ""),
    ],
)  # fmt: skip
def test_each_provider_has_its_player_or_none(url, player):
    found = player_url(url)
    assert found.startswith(player) if player else found == ""


pytestmark = pytest.mark.django_db


@pytest.fixture
def story_with_video():
    make_publication(name="The Test Gazette")
    return make_article(
        headline="King tide floods Front Street",
        body="The tide came in at noon.\n\nhttps://www.youtube.com/watch?v=Xy12Ab34Cd5\n\n"
        "Crews cleared the road by evening.",
    )


def test_a_url_on_its_own_line_is_stored_as_an_embed_card(story_with_video):
    html = story_with_video.body_html
    assert (
        '<figure class="embed embed--youtube"><a href="https://www.youtube.com/watch?v=Xy12Ab34Cd5"'
        in html
    )
    assert story_with_video.players == "youtube"
    assert "<iframe" not in html
    # A URL inside a sentence stays a sentence.
    other = make_article(body="See https://www.youtube.com/watch?v=Xy12Ab34Cd5 for more.")
    assert "embed" not in other.body_html and other.players == ""


def test_a_pasted_player_in_an_html_body_becomes_the_same_card():
    make_publication()
    story = make_article(
        body_format=Article.BodyFormat.HTML,
        body='<p>Listen:</p><iframe src="https://open.spotify.com/embed/episode/4rOoJ6Egrf8K2IrywzwOMk"></iframe>',
    )
    assert 'class="embed embed--spotify"' in story.body_html
    assert players_in(story.body_html) == ["spotify"]


def test_the_story_page_offers_the_player_and_opens_its_csp_to_it_alone(client, story_with_video):
    plain = make_article(headline="No video here")
    response = client.get(story_with_video.get_absolute_url())
    html = response.content.decode()
    assert 'data-player="https://www.youtube-nocookie.com/embed/Xy12Ab34Cd5"' in html
    assert 'data-provider="YouTube"' in html
    assert "<iframe" not in html  # nothing is fetched from YouTube before the reader asks
    assert "/static/masthead/embeds" in html
    csp = response["Content-Security-Policy"]
    assert "frame-src 'self' https://www.youtube-nocookie.com" in csp
    assert "vimeo" not in csp
    # The stored copy keeps the same policy; other pages open no frames.
    again = client.get(story_with_video.get_absolute_url())
    assert again["X-Cache"] == "hit" and again["Content-Security-Policy"] == csp
    for url in (plain.get_absolute_url(), "/"):
        other = client.get(url)
        assert "youtube" not in other["Content-Security-Policy"]
        assert "embeds" not in other.content.decode()
