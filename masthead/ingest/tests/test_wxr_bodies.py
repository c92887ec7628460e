"""WordPress bodies: shortcodes against bracketed prose, captions with credits, embeds,
headings, wpautop, and old WordPress.com exports with undeclared namespace prefixes."""

from __future__ import annotations

from masthead.ingest.formats import wxr
from masthead.ingest.formats.wxr import wordpress_body
from masthead.ingest.markup import clean_html


def body(raw: str) -> str:
    return clean_html(wordpress_body(raw))


def test_bracketed_prose_stays() -> None:
    raw = (
        "[Updated at 5 p.m.] The council voted 5-2.\n\n"
        'He said the plan "was [sic] unworkable" in [Version 7] of the draft.\n\n'
        "See note [1] and [Editor's note: this story was corrected.]"
    )
    out = body(raw)
    for prose in ("[Updated at 5 p.m.]", "[sic]", "[Version 7]", "[1]", "[Editor's note: this"):
        assert prose in out
    assert out.count("<p>") == 3


def test_known_shortcodes_go_and_their_content_is_handled() -> None:
    out = body(
        'Before.\n\n[gallery ids="1,2,3" columns="3"]\n\n'
        '[contact-form-7 id="9" title="Tips"]\n\n'
        '[sourcecode language="python"]print(a[0])[/sourcecode]\n\nAfter.'
    )
    assert "gallery" not in out and "contact-form" not in out
    assert "<pre><code>print(a[0])</code></pre>" in out
    assert out.startswith("<p>Before.</p>") and out.endswith("<p>After.</p>")


def test_unknown_plugin_shortcodes_go_by_their_shape_not_by_name() -> None:
    out = body(
        '[su_button url="https://x.example" style="flat"]Donate[/su_button] now.\n\n'
        "[gallery]\n\n[Gallery] of readers' photos, [Video 2] and [note to self]."
    )
    assert out == (
        "<p>Donate now.</p>\n<p>[Gallery] of readers' photos, [Video 2] and [note to self].</p>"
    )


def test_caption_becomes_a_figure_with_the_credit_split() -> None:
    out = body(
        '[caption id="attachment_7" align="alignnone" width="800"]<img src="https://x.example/'
        'a.jpg" alt="Pier"> The pier at dawn. Photo by Ann Lee on Unsplash[/caption]'
    )
    assert out.replace("\n", "") == (
        '<figure><img src="https://x.example/a.jpg" alt="Pier"><figcaption>The pier at dawn.'
        " <cite>Ann Lee/Unsplash</cite></figcaption></figure>"
    )


def test_embed_shortcodes_and_bare_provider_urls_become_cards() -> None:
    out = body(
        "Watch:\n\n[embed]https://www.youtube.com/watch?v=aaa111[/embed]\n\n"
        "https://twitter.com/desk/status/42\n\n"
        '[video src="https://media.example/clip.mp4"][/video]\n\n'
        "See https://vimeo.com/1 inline, and this line:\n\nhttps://unknown.example/page\n\n"
        "[embed]javascript:alert(1)[/embed]"
    )
    assert (
        '<figure class="embed embed--youtube"><a href="https://www.youtube.com/watch?v=aaa111"'
        in out
    )
    assert (
        '<figure class="embed embed--twitter"><a href="https://twitter.com/desk/status/42"' in out
    )
    assert '<figure class="embed embed--other"><a href="https://media.example/clip.mp4"' in out
    # an inline URL and a URL of no embed provider stay text; never a non-http(s) card
    assert "See https://vimeo.com/1 inline" in out and "<p>https://unknown.example/page</p>" in out
    assert "javascript" not in out and "[embed" not in out


def test_headings_stay_headings_below_the_page_title() -> None:
    out = body("<h1>Timeline</h1>\nFirst.\n\n<h2>1990s</h2>\nSecond.")
    assert out == "<h2>Timeline</h2>\n<p>First.</p>\n<h3>1990s</h3>\n<p>Second.</p>"


WPCOM = b"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.0/excerpt/"
  xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.0/">
<channel>
  <title>Old desk</title><link>https://olddesk.wordpress.com</link>
  <atom:link rel="search" type="application/opensearchdescription+xml"
    href="https://olddesk.wordpress.com/osd.xml" title="Old desk" />
  <atom:link rel='hub' href='https://olddesk.wordpress.com/?pushpress=hub'/>
  <wp:wxr_version>1.0</wp:wxr_version>
  <item>
    <title>Storm night</title><link>https://olddesk.wordpress.com/2009/01/02/storm/</link>
    <dc:creator>editor</dc:creator>
    <content:encoded><![CDATA[Wind [gusts to 90 km/h] hit the coast.

Power was out for hours.]]></content:encoded>
    <wp:post_id>11</wp:post_id><wp:post_date_gmt>2009-01-02 03:00:00</wp:post_date_gmt>
    <wp:post_name>storm</wp:post_name><wp:status>publish</wp:status>
    <wp:post_type>post</wp:post_type>
    <georss:point>45.5 -73.6</georss:point>
  </item>
</channel>
</rss>
"""


def test_wordpress_com_export_with_undeclared_prefixes_imports_with_a_note(tmp_path) -> None:
    for source in (WPCOM, tmp_path / "old.xml"):
        if not isinstance(source, bytes):
            source.write_bytes(WPCOM)
        result = wxr.parse(source)
        assert result.errors == []
        (story,) = result.records
        assert story.headline == "Storm night"
        assert story.body_html == (
            "<p>Wind [gusts to 90 km/h] hit the coast.</p>\n<p>Power was out for hours.</p>"
        )
        assert any("atom" in w and "georss" in w and "never declares" in w for w in result.warnings)
