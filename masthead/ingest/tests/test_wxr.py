from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from lxml import etree

from masthead.ingest.formats import wxr
from masthead.ingest.records import ImportFileError
from masthead.ingest.tests.conftest import sample_files, sample_id

WXR_SAMPLES = sample_files("wxr", pattern="*.xml")


@pytest.fixture
def ledger(fixtures: Path) -> wxr.ParseResult:
    return wxr.parse(fixtures / "newsroom.wxr.xml", tz="America/New_York")


def by_id(result: wxr.ParseResult) -> dict[str, wxr.StoryRecord]:
    return {record.source_id: record for record in result.records}


def test_posts_and_pages_become_records_and_other_types_are_skipped(ledger) -> None:
    assert sorted(by_id(ledger)) == ["101", "102", "103", "104", "105", "106"]
    assert by_id(ledger)["106"].kind == "page"
    assert by_id(ledger)["101"].kind == "post"


def test_item_without_id_is_reported_not_fatal(ledger) -> None:
    assert len(ledger.errors) == 1
    assert ledger.errors[0].position == 9
    assert "No id here" in ledger.errors[0].message


def test_story_fields(ledger) -> None:
    story = by_id(ledger)["101"]
    assert story.source == "wxr:ledger.example.org"
    assert story.headline == "Ferry service returns to the east landing after two winters"
    assert story.slug == "ferry-service-returns"
    assert story.dek == "The east landing reopens after repairs."
    assert story.writer == "Marta Kowalski"
    assert story.bylines == ["Marta Kowalski", "Jo Ortega"]
    assert story.section == "Local"  # "Uncategorized" is not a section
    assert story.tags == ["ferries", "transport"]
    assert story.published == datetime(2024, 3, 12, 14, 5, tzinfo=UTC)
    assert story.updated == datetime(2024, 3, 13, 13, 0, tzinfo=UTC)
    assert story.original_url == "https://ledger.example.org/2024/03/ferry-service-returns/"
    assert story.old_urls == ["/2024/03/ferry-service-returns/"]


def test_featured_image_from_an_attachment_later_in_the_file(ledger) -> None:
    (photo,) = by_id(ledger)["101"].photos
    assert photo.url == "https://ledger.example.org/wp-content/uploads/2024/03/ferry.jpg"
    assert photo.caption == "The ferry docks at the rebuilt east landing on Tuesday."
    assert photo.credit == "Ana Lind/Ledger"
    assert photo.alt == "The ferry at the east landing"


def test_body_paragraphs_captions_and_shortcodes(ledger) -> None:
    body = by_id(ledger)["101"].body_html
    assert body.startswith("<p>The first crossing left at 6:40 a.m. with eleven cars aboard.</p>")
    assert "<figure>" in body and "<figcaption>The ferry docks" in body
    # relative image URLs now point at the old site
    assert 'src="https://ledger.example.org/wp-content/uploads/2024/03/ferry-800x533.jpg"' in body
    assert "said a commuter.<br>" in body
    assert "[caption" not in body and "[gallery" not in body and "[embed" not in body
    # [embed]URL[/embed] is kept as a link card, never as shortcode text
    assert '<figure class="embed embed--other"><a href="https://video.example.org/ferry"' in body
    assert "[sic]" in body  # ordinary brackets survive
    assert "<script" not in body and "alert" not in body


def test_block_comments_removed_without_extra_paragraphs(ledger) -> None:
    assert by_id(ledger)["102"].body_html == "<p>Notes from the hearing.</p>"


def test_statuses(ledger) -> None:
    statuses = {key: record.status for key, record in by_id(ledger).items()}
    assert statuses == {
        "101": "published",
        "102": "draft",
        "103": "scheduled",
        "104": "review",
        "105": "private",
        "106": "published",
    }


def test_local_date_uses_site_zone_when_gmt_is_zero(ledger) -> None:
    published = by_id(ledger)["102"].published
    assert published is not None
    assert published.utcoffset() == timedelta(hours=-4)  # New York, summer time
    assert published.astimezone(UTC) == datetime(2024, 7, 1, 13, 30, tzinfo=UTC)


def test_default_zone_is_utc(fixtures: Path) -> None:
    result = wxr.parse(fixtures / "newsroom.wxr.xml")
    assert by_id(result)["102"].published == datetime(2024, 7, 1, 9, 30, tzinfo=UTC)


def test_comments_threading_approval_and_skips(ledger) -> None:
    comments = by_id(ledger)["101"].comments
    assert [(c.source_id, c.approved, c.parent_source_id) for c in comments] == [
        ("7", True, None),
        ("8", False, "7"),
    ]
    assert comments[0].author_name == "Pat from Millbrook"
    assert comments[0].body_html == "<p>Finally!</p>\n<p>Two winters is too long.</p>"
    assert comments[0].published == datetime(2024, 3, 12, 16, 0, tzinfo=UTC)
    assert comments[0].author_email == "pat.reader@example.net"


def test_bytes_and_paths_give_the_same_records(fixtures: Path) -> None:
    path = fixtures / "newsroom.wxr.xml"
    assert wxr.parse(path.read_bytes()).records == wxr.parse(path).records


def test_unknown_time_zone_is_a_clear_error(fixtures: Path) -> None:
    with pytest.raises(ImportFileError, match="unknown time zone"):
        wxr.parse(fixtures / "newsroom.wxr.xml", tz="Mars/Olympus")


def test_streaming_frees_items(fixtures: Path) -> None:
    result = wxr.ParseResult()
    records = wxr.stream(fixtures / "newsroom.wxr.xml", result=result)
    first = next(records)
    assert first.source_id == "101"
    assert len(list(records)) == 5


def test_namespace_versions_are_matched_by_pattern() -> None:
    data = (
        b'<rss xmlns:wp="https://wordpress.org/export/1.1/" '
        b'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        b"<item><title>T</title><wp:post_id>5</wp:post_id><wp:post_type>post</wp:post_type>"
        b"<wp:status>publish</wp:status><content:encoded>Body</content:encoded></item>"
        b"</channel></rss>"
    )
    (record,) = wxr.parse(data).records
    assert record.body_html == "<p>Body</p>"


def test_old_style_caption_attribute() -> None:
    body = wxr.wordpress_body('[caption caption="Old caption"]<img src="x.jpg" />[/caption]')
    assert body.replace("\n", "") == (
        '<figure><img src="x.jpg" /><figcaption>Old caption</figcaption></figure>'
    )


def test_escaped_shortcode_is_literal_text() -> None:
    assert wxr.wordpress_body("Type [[gallery]] to add one.") == "<p>Type [gallery] to add one.</p>"


# -- bad input ------------------------------------------------------------------------------

BAD_INPUTS = {
    "empty": (b"", "empty"),
    "whitespace": (b"  \n ", "empty"),
    "truncated": (
        b'<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><wp:wxr_version>1.2'
        b"</wp:wxr_version><item><title>Cut",
        "not well-formed",
    ),
    "external entity": (
        b'<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
        b"<rss><channel><item><title>&xxe;</title></item></channel></rss>",
        "entity declarations are not allowed",
    ),
    "billion laughs": (
        b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
        b"<rss><channel><title>&lol2;</title></channel></rss>",
        "entity declarations are not allowed",
    ),
    "doctype": (b'<!DOCTYPE rss SYSTEM "http://x/rss.dtd"><rss/>', "DOCTYPE"),
    "plain rss": (
        b"<rss><channel><title>Just a feed</title><item><title>x</title></item></channel></rss>",
        "not a WordPress export",
    ),
    "json": (b'{"db": []}', "not well-formed"),
    "wrong root": (b"<feed><entry/></feed>", "not a WordPress export"),
    "bad encoding": (
        b'<?xml version="1.0" encoding="UTF-8"?><rss xmlns:wp="http://wordpress.org/export/1.2/">'
        b"<channel><title>Caf\xe9</title><wp:wxr_version>1.2</wp:wxr_version></channel></rss>",
        "not well-formed",
    ),
}


@pytest.mark.parametrize("data,message", BAD_INPUTS.values(), ids=list(BAD_INPUTS))
def test_bad_input_is_an_import_file_error(data: bytes, message: str) -> None:
    with pytest.raises(ImportFileError, match=message) as info:
        wxr.parse(data)
    assert "passwd" not in str(info.value)


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(ImportFileError, match="no such file"):
        wxr.parse(tmp_path / "nope.xml")
    with pytest.raises(ImportFileError, match="directory"):
        wxr.parse(tmp_path)


def test_external_entity_in_a_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "xxe.xml"
    path.write_bytes(BAD_INPUTS["external entity"][0])
    with pytest.raises(ImportFileError, match=r"xxe\.xml: entity declarations"):
        wxr.parse(path)


# -- the real samples -------------------------------------------------------------------------


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname


def _expected(path: Path) -> tuple[int, int]:
    """(stories, comments) counted straight from the XML, independently of the parser."""
    tree = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True))
    stories = comments = 0
    for item in tree.iter("item"):
        fields = {_local(c): (c.text or "").strip() for c in item if isinstance(c.tag, str)}
        if fields.get("post_type", "post") not in {"post", "page"}:
            continue
        if fields.get("status", "publish") not in {"publish", "draft", "future", "private",
                                                    "pending"}:  # fmt: skip
            continue
        stories += 1
        for comment in (c for c in item if isinstance(c.tag, str) and _local(c) == "comment"):
            values = {_local(c): (c.text or "").strip() for c in comment}
            if values.get("comment_approved") in {"0", "1"} and values.get("comment_type") not in {
                "pingback",
                "trackback",
            }:
                comments += 1
    return stories, comments


def _well_formed(path: Path) -> bool:
    try:
        etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError:
        return False
    return True


@pytest.mark.parametrize("path", WXR_SAMPLES, ids=sample_id)
def test_every_wxr_sample_parses_with_the_right_counts_or_fails_clearly(path: Path) -> None:
    if not _well_formed(path):
        with pytest.raises(ImportFileError, match="not well-formed XML at line"):
            wxr.parse(path)
        return
    result = wxr.parse(path)
    stories, comments = _expected(path)
    assert len(result.records) + len(result.errors) == stories
    assert sum(len(r.comments) for r in result.records) == comments
    for record in result.records:
        assert record.headline or record.body_html
        assert "<script" not in record.body_html


def test_theme_unit_test_data(samples: Path) -> None:
    path = samples / "wxr/wordpress-importer/phpunit/data/theme-unit-test-data.xml"
    result = wxr.parse(path)
    statuses = {r.status for r in result.records}
    assert {"published", "draft", "scheduled", "private"} <= statuses
    assert {r.kind for r in result.records} == {"post", "page"}
    with_photo = [r for r in result.records if r.photos]
    assert with_photo and all(p.url.startswith("https://") for r in with_photo for p in r.photos)
    assert any("<figcaption>" in r.body_html for r in result.records)
    assert not any("[caption" in r.body_html or "<!-- wp:" in r.body_html for r in result.records)
    threaded = [c for r in result.records for c in r.comments if c.parent_source_id]
    assert threaded


def test_co_authors_are_bylines(samples: Path) -> None:
    path = samples / "wxr/tryghost-migrate/packages/mg-wp-xml/test/fixtures/co-authors-plus.xml"
    bylines = [r.bylines for r in wxr.parse(path).records]
    assert bylines == [
        ["Alice Smith", "Bob Jones"],
        ["Alice Smith", "Bob Jones", "Carol White"],
        ["Bob Jones"],
        ["Alice Smith", "Bob Jones"],
    ]


def test_featured_image_caption_from_attachment_description(samples: Path) -> None:
    path = samples / "wxr/tryghost-migrate/packages/mg-wp-xml/test/fixtures/"
    records = wxr.parse(path / "feature-image-captions.xml").records
    assert records[0].photos[0].caption == "The caption from the attachment description."
    assert records[1].photos[0].caption == ""
    assert records[2].photos == []
    assert records[0].original_url == "https://example.com/blog/post-with-described-image.html"


def test_wxr_1_0_tags_and_dates(samples: Path) -> None:
    path = samples / "wxr/wordpress-importer/phpunit/data/valid-wxr-1.0.xml"
    records = {r.headline: r for r in wxr.parse(path).records}
    assert records["Hello world!"].published == datetime(2010, 10, 20, 14, 8, 20, tzinfo=UTC)
    assert any(r.tags for r in records.values())


def test_utf8_challenges_survive(samples: Path) -> None:
    path = samples / "wxr/wordpress-importer/phpunit/data/wxr-utf-8-challenges.xml"
    (record,) = wxr.parse(path).records
    raw = path.read_text(encoding="utf-8")
    assert record.headline and record.headline in raw.replace("&amp;", "&")


def test_offsets_other_than_utc_are_kept() -> None:
    data = (
        b'<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><item><title>T</title>'
        b"<pubDate>Tue, 12 Mar 2024 10:05:00 -0400</pubDate>"
        b"<wp:post_id>5</wp:post_id><wp:post_type>post</wp:post_type></item></channel></rss>"
    )
    (record,) = wxr.parse(data).records
    assert record.published == datetime(2024, 3, 12, 10, 5, tzinfo=timezone(timedelta(hours=-4)))
