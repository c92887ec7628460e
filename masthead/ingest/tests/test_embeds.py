"""Embeds, headings and caption credits in imported bodies (shared by every format)."""

from __future__ import annotations

import pytest

from masthead.ingest.credits import split_caption_credit, split_credit
from masthead.ingest.markup import clean_html
from masthead.text import sanitize_html

EMBEDS = [
    ('<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ" title="Harbour tour"></iframe>',
     "youtube", "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "Watch on YouTube: Harbour tour"),
    ('<iframe src="https://player.vimeo.com/video/76979871?h=8272103f6e"></iframe>',
     "vimeo", "https://vimeo.com/76979871", "Watch on Vimeo"),
    ('<blockquote class="twitter-tweet"><p lang="en">Ferry is back</p>&mdash; Desk (@desk) '
     '<a href="https://twitter.com/desk/status/1234567890">March 4, 2024</a></blockquote>'
     '<script async src="https://platform.twitter.com/widgets.js"></script>',
     "twitter", "https://twitter.com/desk/status/1234567890", "View the post on X: Ferry is back"),
    ('<blockquote class="instagram-media" data-instgrm-permalink="https://www.instagram.com/p/C4x'
     'yz/"><div><a href="https://www.instagram.com/p/C4xyz/">A post shared by Desk</a></div>'
     "</blockquote>", "instagram", "https://www.instagram.com/p/C4xyz/", "View on Instagram"),
    ('<blockquote class="tiktok-embed" cite="https://www.tiktok.com/@desk/video/7312"><section>'
     '<a href="https://www.tiktok.com/@desk">@desk</a></section></blockquote>',
     "tiktok", "https://www.tiktok.com/@desk/video/7312", "Watch on TikTok"),
    ('<iframe src="https://www.facebook.com/plugins/post.php?href=https%3A%2F%2Fwww.facebook.com'
     '%2Fdesk%2Fposts%2F42&width=500"></iframe>',
     "facebook", "https://www.facebook.com/desk/posts/42", "View on Facebook"),
    ('<iframe src="https://w.soundcloud.com/player/?url=https%3A//api.soundcloud.com/tracks/99">'
     "</iframe>", "soundcloud", "https://api.soundcloud.com/tracks/99", "Listen on SoundCloud"),
    ('<iframe src="https://open.spotify.com/embed/episode/5abc"></iframe>',
     "spotify", "https://open.spotify.com/episode/5abc", "Listen on Spotify"),
    ('<iframe src="https://www.google.com/maps/embed?pb=!1m18"></iframe>',
     "map", "https://www.google.com/maps/embed?pb=!1m18", "View the map"),
    ('<iframe src="https://embed.documentcloud.org/documents/2036-budget/"></iframe>',
     "documentcloud", "https://embed.documentcloud.org/documents/2036-budget/",
     "Read the document on DocumentCloud"),
    ('<iframe src="https://datawrapper.dwcdn.net/AbC12/1/" title="Turnout chart"></iframe>',
     "other", "https://datawrapper.dwcdn.net/AbC12/1/", "Open the embedded content: Turnout"),
    # Ghost's embed card and WordPress's embed block
    ('<figure class="kg-card kg-embed-card"><iframe width="200" src="https://www.youtube.com/embed/'
     'abcDEF12345?feature=oembed"></iframe><figcaption>The crossing</figcaption></figure>',
     "youtube", "https://www.youtube.com/watch?v=abcDEF12345", "<figcaption>The crossing"),
    ('<figure class="wp-block-embed is-type-video is-provider-vimeo"><div class="wp-block-embed__'
     'wrapper">\nhttps://vimeo.com/12345\n</div></figure>',
     "vimeo", "https://vimeo.com/12345", "Watch on Vimeo"),
    ('<iframe src="about:blank" data-src="https://player.vimeo.com/video/555"></iframe>',
     "vimeo", "https://vimeo.com/555", "Watch on Vimeo"),
    ('<video controls poster="https://cdn.example/p.jpg"><source src="https://cdn.example/c.mp4" '
     'type="video/mp4"></video>', "other", "https://cdn.example/c.mp4", "Open the embedded"),
    ('<audio controls src="https://cdn.example/interview.mp3"></audio>',
     "other", "https://cdn.example/interview.mp3", "Open the embedded content"),
    ("<p>https://www.youtube.com/watch?v=zzz111</p>",
     "youtube", "https://www.youtube.com/watch?v=zzz111", "Watch on YouTube"),
]  # fmt: skip


@pytest.mark.parametrize(("markup", "provider", "url", "text"), EMBEDS)
def test_every_embed_becomes_a_link_card_that_survives_sanitizing(
    markup: str, provider: str, url: str, text: str
) -> None:
    body = clean_html(f"<p>Before.</p>{markup}<p>After.</p>")
    card = f'<figure class="embed embed--{provider}"><a href="{url.replace("&", "&amp;")}"'
    assert card in body
    assert text in body
    # stored form is stable: sanitizing again (as the story page does) changes nothing
    assert sanitize_html(body) == body
    assert "<iframe" not in body and "<script" not in body and "&lt;a href" not in body
    assert body.startswith("<p>Before.</p>") and body.endswith("<p>After.</p>")


@pytest.mark.parametrize(
    "src", ["javascript:alert(1)", "data:text/html,hi", "vbscript:x", "/relative/widget"]
)
def test_non_http_embed_urls_are_never_emitted(src: str) -> None:
    body = clean_html(f'<p>a</p><iframe src="{src}"></iframe><p>b</p>')
    assert "embed--" not in body and src not in body
    assert body == "<p>a</p><p>b</p>"


def test_an_embed_inside_a_paragraph_moves_out_of_it_and_keeps_the_words() -> None:
    frame = '<iframe src="https://www.youtube.com/embed/abcdefg"></iframe>'
    card = '<figure class="embed embed--youtube"><a href="https://www.youtube.com/watch?v=abcdefg"'
    body = clean_html(f"<p>Intro {frame} tail.</p><p>{frame}</p><p>End.</p>")
    assert body.count(card) == 2
    assert body.startswith(f"<p>Intro  tail.</p>{card}")
    assert "<p></p>" not in body and body.endswith("</figure><p>End.</p>")


def test_a_forged_embed_class_does_not_smuggle_other_classes() -> None:
    body = clean_html('<figure class="embed evil"><p>x</p></figure><p class="embed">y</p>')
    assert "evil" not in body and "<p class" not in body


def test_headings_are_demoted_below_the_page_h1_not_flattened() -> None:
    body = clean_html("<h1>Part one</h1><p>x</p><h2>Detail</h2><h6>Small</h6>")
    assert body == "<h2>Part one</h2><p>x</p><h3>Detail</h3><h6>Small</h6>"
    assert clean_html("<h2>Already fine</h2>") == "<h2>Already fine</h2>"


@pytest.mark.parametrize(
    ("caption", "expected"),
    [
        ("Boats in fog. Photo by Jane Roe on Unsplash", ("Boats in fog.", "Jane Roe/Unsplash")),
        ("Photo by Jane Roe / Unsplash", ("", "Jane Roe/Unsplash")),
        ("The pier at dawn. Image: Harbour Trust", ("The pier at dawn.", "Harbour Trust")),
        ("Photograph: Ann Lee/Reuters", ("", "Ann Lee/Reuters")),
        ("The mayor speaks. Credit: City Hall", ("The mayor speaks.", "City Hall")),
        ("The mayor speaks (Ann Lee/Reuters)", ("The mayor speaks", "Ann Lee/Reuters")),
        ("Flood waters recede (Photo: Ann Lee/AP)", ("Flood waters recede", "Ann Lee/AP")),
        # not credits
        ("The mayor in 2019 (File)", ("The mayor in 2019 (File)", "")),
        ("What the image: a crowd shows", ("What the image: a crowd shows", "")),
        ("Photos of the week", ("Photos of the week", "")),
    ],
)
def test_caption_credit_splitter(caption: str, expected: tuple[str, str]) -> None:
    assert split_caption_credit(caption) == expected


def test_split_credit_names_photographer_and_agency() -> None:
    assert split_credit("Jane Roe/Unsplash") == ("Jane Roe", "Unsplash")
    assert split_credit("City Hall") == ("", "")
