from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from masthead.ingest.formats import rss
from masthead.ingest.markup import original_image_url
from masthead.ingest.records import ImportFileError
from masthead.ingest.tests.conftest import sample_files, sample_id

FEEDPARSER_SAMPLES = sample_files("rss", "feedparser", "tests")


@pytest.fixture
def hosted(fixtures: Path) -> rss.ParseResult:
    return rss.parse(fixtures / "hosted-blog.rss.xml")


def test_excerpt_only_item_from_a_hosted_blog(hosted) -> None:
    story = hosted.records[0]
    assert story.source == "rss:www.harborcourier.example"
    assert story.source_id == "64f0c2a1e5b0a1001a2b3c4d"
    assert story.headline == "Council votes to rebuild the old pier before summer"
    assert story.slug == "council-votes-to-rebuild-the-old-pier"
    assert story.excerpt_only is True
    assert story.writer == "Harbor Town Courier"
    assert story.tags == ["Local", "Waterfront"]
    assert story.source_name == "Harbor Town Courier"
    assert story.old_urls == ["/post/council-votes-to-rebuild-the-old-pier"]


def test_pubdate_offset_is_kept(hosted) -> None:
    published = hosted.records[0].published
    assert published == datetime(2026, 2, 26, 9, 15, tzinfo=timezone(timedelta(hours=-5)))
    assert published.utcoffset() == timedelta(hours=-5)
    assert hosted.records[1].published.utcoffset() == timedelta(hours=1)


def test_wix_resized_image_becomes_the_original(hosted) -> None:
    assert hosted.records[0].photos[0].url == (
        "https://static.wixstatic.com/media/a1b2c3_d4e5f6~mv2.jpg"
    )


def test_full_content_media_caption_and_credit(hosted) -> None:
    story = hosted.records[1]
    assert story.excerpt_only is False
    assert story.bylines == ["Lena Moss"]
    assert (
        story.original_url == "https://www.harborcourier.example/post/library-extends-weekend-hours"
    )
    assert "<p>The library will open on Sundays.</p>" in story.body_html
    # relative URLs resolved against the item link
    assert 'src="https://www.harborcourier.example/media/shelves.jpg"' in story.body_html
    assert 'href="https://www.harborcourier.example/post/hours.html"' in story.body_html
    # media:description is the caption, not the body
    assert "reading room" not in story.body_html
    (photo,) = story.photos
    assert photo.url == (
        "https://www.harborcourier.example/wp-content/uploads/2026/02/reading-room.jpg"
    )
    assert photo.caption == "Readers in the renovated reading room on Saturday."
    assert photo.credit == "Tom Ibarra"
    assert photo.photographer == "Tom Ibarra"


def test_complete_summary_is_not_excerpt_only(hosted) -> None:
    note = hosted.records[2]
    assert note.body_html == "<p>A complete short note with no cut-off.</p>"
    assert note.excerpt_only is False


def test_empty_item_is_reported(hosted) -> None:
    assert [(e.position, e.message) for e in hosted.errors] == [
        (4, "item has no title, no text and no link")
    ]


def test_atom_with_xml_base_and_several_authors(fixtures: Path) -> None:
    (story,) = rss.parse(fixtures / "wire.atom.xml").records
    assert story.headline == "Rail line reopens after flood repairs"
    assert story.bylines == ["Hana Sato", "Luis Ferrer"]
    assert story.original_url == "https://wire.example.net/stories/rail-line-reopens"
    assert story.published == datetime(2026, 1, 14, 22, 30, tzinfo=UTC)
    assert story.published.utcoffset() == timedelta(hours=9)
    assert story.updated.utcoffset() == timedelta(hours=9)
    assert 'href="https://wire.example.net/stories/2026/map.html"' in story.body_html
    assert story.tags == ["Transport"]
    assert story.source_name == "Example Wire Service"
    assert story.dek == "Trains run again on the coastal line."


@pytest.mark.parametrize(
    "url,original",
    [
        (
            "https://static.wixstatic.com/media/ab_c~mv2.png/v1/fit/w_300,h_200/ab_c~mv2.png",
            "https://static.wixstatic.com/media/ab_c~mv2.png",
        ),
        (
            "https://example.org/wp-content/uploads/2020/01/photo-300x200.jpg",
            "https://example.org/wp-content/uploads/2020/01/photo.jpg",
        ),
        (
            "https://example.files.wordpress.com/a.jpg?w=604",
            "https://example.files.wordpress.com/a.jpg",
        ),
        ("https://images.example.com/a.jpg?format=500w", "https://images.example.com/a.jpg"),
        ("https://example.org/img.php?id=4", "https://example.org/img.php?id=4"),
        ("https://example.org/photo-300x200.jpg", "https://example.org/photo-300x200.jpg"),
    ],
)
def test_original_image_url(url: str, original: str) -> None:
    assert original_image_url(url) == original


BAD = {
    "empty": (b"", "empty"),
    "not a feed": (b"<html><body><p>Hello</p></body></html>", "not"),
    "json": (b'{"items": []}', "not"),
    "truncated": (b'<rss version="2.0"><channel><title>x</title><item><title>y', "no readable"),
    "cut in the prolog": (b'<?xml version="1.0"?><rss version="2.0"><chan', "not a readable"),
    "xxe": (
        b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        b'<rss version="2.0"><channel><item><title>&xxe;</title></item></channel></rss>',
        "entity declarations are not allowed",
    ),
    "xxe utf-16": (
        '<?xml version="1.0" encoding="utf-16"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///">]>'
        '<rss version="2.0"/>'.encode("utf-16"),
        "entity declarations are not allowed",
    ),
    "billion laughs": (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
        b'<rss version="2.0"><channel><title>&lol1;</title></channel></rss>',
        "entity declarations are not allowed",
    ),
}


@pytest.mark.parametrize("data,message", BAD.values(), ids=list(BAD))
def test_bad_feeds_fail_clearly(data: bytes, message: str) -> None:
    with pytest.raises(ImportFileError, match=message):
        rss.parse(data)


def test_a_path_string_is_never_fetched_as_a_url() -> None:
    with pytest.raises(ImportFileError, match="no such file"):
        rss.parse("https://example.org/feed.xml")


def test_bozo_feed_reads_the_items_but_says_the_file_is_damaged() -> None:
    data = (
        b'<rss version="2.0"><channel><title>x</title>'
        b"<item><title>Good one</title><link>https://x.org/a</link></item>"
        b"<item><title>Broken &amp ampersand</title></item></channel></rss>"
    )
    result = rss.parse(data)
    assert [r.headline for r in result.records][:1] == ["Good one"]
    # The import refuses such a file unless asked to salvage it (test_import_safety).
    assert "not well-formed" in result.damage


@pytest.mark.parametrize("path", FEEDPARSER_SAMPLES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_feedparser_tricky_feeds_parse_or_fail_clearly(path: Path) -> None:
    try:
        result = rss.parse(path)
    except ImportFileError as exc:
        assert str(path) in str(exc)
        return
    for record in result.records:
        assert record.source_id
        assert record.published is None or record.published.utcoffset() is not None


def test_feedparser_xml_base_samples_resolve_links(samples: Path) -> None:
    folder = samples / "rss/feedparser/tests/wellformed/base"
    (story,) = rss.parse(folder / "entry_content_xml_base.xml").records
    assert 'href="http://example.com/test/test.html"' in story.body_html


def test_feedparser_encoding_samples_decode(samples: Path) -> None:
    folder = samples / "rss/feedparser/tests/encoding"
    for name in ("utf-16le-bom.xml", "utf-32be-autodetect.xml", "utf-8-bom.xml", "big5.xml"):
        result = rss.parse(folder / name)
        assert result.records == [] and result.warnings == ["the feed has no items"]


@pytest.mark.parametrize("path", sample_files("rss", "trafilatura"), ids=sample_id)
def test_trafilatura_feeds(path: Path) -> None:
    result = rss.parse(path)
    assert result.records and not result.errors
    assert any(r.original_url.startswith("http") for r in result.records)
    assert all(r.original_url[:4] in {"", "http"} for r in result.records)
