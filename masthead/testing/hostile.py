"""Text an attacker would put in a story, for tests of every place story text comes out.

Each entry tries one way to turn text into live markup or to break the document around it:
raw tags, markup hidden behind one or two layers of entities, links to scripts, breakouts from
``<script>`` blocks and CDATA sections, SVG, characters XML cannot carry, and bidirectional
overrides. Use :data:`HOSTILE` in full; no single entry proves anything."""

from __future__ import annotations

from xml.sax.saxutils import escape

HOSTILE: dict[str, str] = {
    "script": "<script>alert('script')</script>Harbor",
    "img_onerror": '<img src="x" onerror="alert(\'img\')">Pier',
    "entity_encoded": "&lt;script&gt;alert('entity')&lt;/script&gt;Ferry",
    "entity_img": "&lt;img src=x onerror=alert('entity-img')&gt;Dock",
    "double_encoded": "&amp;lt;img src=x onerror=alert('double')&amp;gt;Boat",
    "numeric_entities": "&#60;svg onload=alert('numeric')&#62;Tide",
    "javascript_link": "<a href=\"javascript:alert('link')\">Timetable</a>",
    "script_breakout": "</script><script>alert('breakout')</script>Council",
    "cdata_breakout": "]]><script>alert('cdata')</script><![CDATA[Mayor",
    "svg": '<svg><script>alert("svg")</script><circle onload="alert(1)"/></svg>Budget',
    # No NUL: PostgreSQL refuses it in text, so it cannot reach a page from the database.
    "control_chars": "Night\x01 shift\x08 at the\x0b port\x1f",
    "invalid_xml": "Fish market \ufffe\uffff reopens",
    "rtl_override": "Invoice \u202egpj.exe\u202c for the pier",
    "style_attr": '<p style="background:url(javascript:alert(1))">Rates</p>',
}

# What must never appear, in any case, in text a reader's browser or feed reader will parse.
LIVE_MARKUP = ("<script", "onerror", "onload", "javascript:", "<svg", '<img src="x"')


def _text(value: str) -> str:
    # XML 1.0 cannot carry these at all; a real export would not parse with them.
    kept = "".join(ch for ch in value if ch in "\t\n\r" or (ch >= " " and ch not in "\ufffe\uffff"))
    return escape(kept)


def hostile_rss(inputs: list[str], *, link: str = "https://hostile.example") -> bytes:
    """An RSS 2.0 feed whose every field is hostile text (one story per input, and one story
    with all of them in its body), for the real importer."""
    items = []
    everything = " ".join(inputs)
    for number, hostile in enumerate([*inputs, everything], start=1):
        body = f"<p>{hostile}</p><p>{everything}</p>"
        items.append(
            f"""<item>
  <title>{_text(hostile[:180])} {number}</title>
  <link>{link}/story-{number}</link>
  <guid isPermaLink="false">hostile-rss-{number}</guid>
  <pubDate>Tue, 12 Mar 2024 14:05:00 +0000</pubDate>
  <dc:creator>{_text(hostile[:80])}</dc:creator>
  <category>{_text(hostile[:60])}</category>
  <description>{_text(hostile)}</description>
  <content:encoded>{_text(body)}</content:encoded>
</item>"""
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>'
        f"<title>Hostile feed</title><link>{link}</link><description>x</description>"
        + "".join(items)
        + "</channel></rss>"
    ).encode()


def hostile_wxr(inputs: list[str], *, link: str = "https://hostile.example") -> bytes:
    """A WordPress export (WXR 1.2) with hostile text in the author, titles, excerpts,
    bodies, categories, tags and readers' comments."""
    everything = " ".join(inputs)
    items = []
    for number, hostile in enumerate([*inputs, everything], start=1):
        items.append(
            f"""<item>
  <title>{_text(hostile[:180])} {number}</title>
  <link>{link}/2024/03/story-{number}/</link>
  <pubDate>Tue, 12 Mar 2024 14:05:00 +0000</pubDate>
  <dc:creator>hostile</dc:creator>
  <guid isPermaLink="false">{link}/?p={number}</guid>
  <description></description>
  <content:encoded>{_text("<p>" + hostile + "</p><p>" + everything + "</p>")}</content:encoded>
  <excerpt:encoded>{_text(hostile)}</excerpt:encoded>
  <wp:post_id>{number}</wp:post_id>
  <wp:post_date>2024-03-12 14:05:00</wp:post_date>
  <wp:post_date_gmt>2024-03-12 14:05:00</wp:post_date_gmt>
  <wp:post_name>hostile-{number}</wp:post_name>
  <wp:status>publish</wp:status>
  <wp:post_type>post</wp:post_type>
  <category domain="category" nicename="hostile-{number}">{_text(hostile[:60])}</category>
  <category domain="post_tag" nicename="tag-{number}">{_text(hostile[:60])}</category>
  <wp:comment>
    <wp:comment_id>{number}</wp:comment_id>
    <wp:comment_author>{_text(hostile[:80])}</wp:comment_author>
    <wp:comment_author_email>{_text(hostile[:80])}</wp:comment_author_email>
    <wp:comment_author_url>{_text(hostile[:80])}</wp:comment_author_url>
    <wp:comment_date_gmt>2024-03-12 15:00:00</wp:comment_date_gmt>
    <wp:comment_content>{_text(hostile)}</wp:comment_content>
    <wp:comment_approved>1</wp:comment_approved>
  </wp:comment>
</item>"""
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:wp="http://wordpress.org/export/1.2/"><channel>'
        f"<title>Hostile export</title><link>{link}</link>"
        "<wp:wxr_version>1.2</wp:wxr_version>"
        f"<wp:base_site_url>{link}</wp:base_site_url>"
        "<wp:author><wp:author_id>1</wp:author_id><wp:author_login>hostile</wp:author_login>"
        f"<wp:author_display_name>{_text(inputs[1][:80])}</wp:author_display_name></wp:author>"
        + "".join(items)
        + "</channel></rss>"
    ).encode()
