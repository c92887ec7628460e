"""Imports keep a source's language: WXR's channel <language> and Polylang's per-post language,
Ghost's locale, ninjs's language or lang, a feed's <language> or xml:lang, a page's
<html lang>; a wire source's language when an item says none; the paper's default otherwise."""

from __future__ import annotations

import json

import pytest

from masthead.ingest.formats import ghost, ninjs, page, rss, wxr
from masthead.ingest.loader import load_records
from masthead.ingest.models import WireSource
from masthead.ingest.records import ImportFileError
from masthead.ingest.tests.conftest import sample_files
from masthead.newsroom.models import Article
from masthead.testing.factories import make_publication

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def publication():
    return make_publication(name="El Faro", other_languages="es")


def _wxr(channel_language: str, item_category: str = "") -> bytes:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/"
  xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/">
<channel>
  <title>El Faro</title><link>https://elfaro.example</link>
  <language>{channel_language}</language>
  <wp:wxr_version>1.2</wp:wxr_version>
  <item>
    <title>Las lluvias cierran la carretera</title>
    <link>https://elfaro.example/2026/02/lluvias/</link>
    <dc:creator><![CDATA[ana]]></dc:creator>
    <content:encoded><![CDATA[<p>La carretera quedó cerrada.</p>]]></content:encoded>
    <excerpt:encoded><![CDATA[]]></excerpt:encoded>
    <wp:post_id>7</wp:post_id>
    <wp:post_date_gmt>2026-02-26 14:40:00</wp:post_date_gmt>
    <wp:post_name>lluvias</wp:post_name>
    <wp:status>publish</wp:status>
    <wp:post_type>post</wp:post_type>
    {item_category}
  </item>
</channel></rss>""".encode()


def _imported(records, **options) -> tuple[Article, object]:
    report = load_records(list(records), download_photos=False, **options)
    assert not report.failed, report.errors
    return Article.objects.order_by("-pk").first(), report


def test_wxr_channel_language_is_kept():
    result = wxr.parse(_wxr("es-PR"))
    assert result.records[0].language == "es-PR"
    story, _ = _imported(result)
    assert story.language == "es"
    assert story.get_absolute_url().startswith("/es/")


def test_polylang_post_language_beats_the_channel():
    category = '<category domain="language" nicename="es"><![CDATA[Español]]></category>'
    result = wxr.parse(_wxr("en-US", category))
    assert result.records[0].language == "es"


def test_ghost_locale_setting_is_kept():
    export = {
        "db": [
            {
                "meta": {"version": "5.80.0"},
                "data": {
                    "posts": [
                        {
                            "id": "1", "title": "Nuevo muelle", "slug": "nuevo-muelle",
                            "html": "<p>El muelle abrió.</p>", "status": "published",
                            "published_at": "2026-02-26T14:40:00.000Z", "type": "post",
                        }
                    ],
                    "settings": [{"key": "locale", "value": "es"}],
                },
            }
        ]
    }  # fmt: skip
    result = ghost.parse(json.dumps(export).encode())
    assert result.records[0].language == "es"
    story, _ = _imported(result)
    assert story.language == "es"


@pytest.mark.parametrize("key", ["language", "lang"])
def test_ninjs_language_in_both_spellings(key):
    item = {
        "uri": "urn:example:1", "type": "text", "headline": "Cierra el puerto",
        "versioncreated": "2026-02-26T14:40:00Z", key: "es",
        "body_html": "<p>El puerto cerró por el viento.</p>",
    }  # fmt: skip
    result = ninjs.parse(json.dumps(item).encode())
    assert result.records[0].language == "es"


def test_a_feed_language_and_an_atom_entry_xml_lang():
    feed = """<?xml version="1.0"?><rss version="2.0"><channel><title>Cable</title>
      <link>https://cable.example/</link><language>es</language>
      <item><title>Sube el río</title><link>https://cable.example/rio</link>
      <description>El río subió.</description><guid>1</guid></item></channel></rss>"""
    assert rss.parse(feed.encode()).records[0].language == "es"
    atom = """<?xml version="1.0" encoding="utf-8"?>
      <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en"><title>Wire</title>
      <id>urn:wire</id><updated>2026-02-26T14:40:00Z</updated>
      <entry xml:lang="es"><title>Sube el río</title><id>urn:wire:1</id>
      <updated>2026-02-26T14:40:00Z</updated>
      <content type="html">&lt;p&gt;El río subió.&lt;/p&gt;</content></entry></feed>"""
    assert rss.parse(atom.encode()).records[0].language == "es"


def test_a_saved_page_html_lang():
    html = """<!doctype html><html lang="es-PR"><head><title>Abre la biblioteca</title>
      <meta property="og:title" content="Abre la biblioteca"></head><body><article>
      <h1>Abre la biblioteca</h1><p>La biblioteca del barrio abre de nuevo sus puertas tras
      dos años de obras, con salas nuevas y un patio para leer.</p></article></body></html>"""
    records = page.parse(html.encode(), url="https://elfaro.example/biblioteca").records
    assert records[0].language == "es-PR"


def test_a_wire_source_language_serves_items_that_say_none():
    source = WireSource.objects.create(
        name="Cable en español", format="rss", location="https://cable.example/feed",
        language="es",
    )  # fmt: skip
    feed = """<?xml version="1.0"?><rss version="2.0"><channel><title>Cable</title>
      <link>https://cable.example/</link>
      <item><title>Sube el río</title><link>https://cable.example/rio</link>
      <description>El río subió.</description><guid>1</guid></item></channel></rss>"""
    story, _ = _imported(rss.parse(feed.encode()), source=source)
    assert story.language == "es"


def test_a_language_without_catalogues_is_imported_as_the_default_and_said():
    item = {
        "uri": "urn:example:sv", "type": "text", "headline": "Hamnen stänger",
        "versioncreated": "2026-02-26T14:40:00Z", "language": "sv",
        "body_html": "<p>Hamnen stängde i natt.</p>",
    }  # fmt: skip
    story, report = _imported(ninjs.parse(json.dumps(item).encode()))
    assert story.language == "en"
    assert any("“sv”" in warning for warning in report.warnings)


def test_the_real_samples_keep_their_languages():
    """Every ninjs sample that names a language, and the WXR exports' channels."""
    seen = set()
    for path in sample_files("ninjs", "examples", "2.1", pattern="*.json"):
        data = json.loads(path.read_text())
        named = data.get("language") or data.get("lang")
        if not named or "schema-extension" in path.parts:
            continue
        try:
            records = ninjs.parse(path.read_bytes()).records
        except ImportFileError:  # a sample the parser refuses as a whole says nothing here
            continue
        for record in records:
            assert record.language == named, path.name
            seen.add(named)
    for path in sample_files("wxr", pattern="*.xml"):
        text = path.read_text(errors="replace")
        if "<language>en-US</language>" not in text:
            continue
        try:
            records = wxr.parse(path.read_bytes()).records
        except ImportFileError:
            continue
        assert all(record.language == "en-US" for record in records), path.name
        seen.add("en-US")
    if not seen:
        pytest.skip("the shared samples folder is not on this machine")
