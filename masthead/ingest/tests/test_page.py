from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from masthead.ingest.formats import page
from masthead.ingest.records import ImportFileError


@pytest.fixture
def html_story(fixtures: Path) -> page.StoryRecord:
    result = page.parse(fixtures / "saved-article.html")
    (record,) = result.records
    return record


def test_html_fields_come_from_json_ld_and_open_graph(html_story) -> None:
    story = html_story
    assert story.source == "page:www.harborcourier.example"
    assert story.source_id == "https://www.harborcourier.example/post/dam-repairs-finish-early"
    assert story.headline == "Dam repairs finish early as spring floods loom"
    assert story.slug == "dam-repairs-finish-early"
    assert story.writer == "Harbor Town Courier"
    assert story.bylines == ["Selma Okafor"]
    assert story.published.utcoffset() == timedelta(hours=-5)
    assert story.published == datetime(2026, 2, 26, 9, 15, tzinfo=UTC)
    assert story.updated == datetime(2026, 2, 27, 11, 0, tzinfo=UTC)
    assert story.section == "Local"
    assert story.tags == ["Floods", "Infrastructure", "dams"]
    assert story.source_name == "Valley News Service"
    assert story.old_urls == ["/post/dam-repairs-finish-early"]


def test_html_photo_caption_and_credit_are_separate(html_story) -> None:
    (photo,) = html_story.photos
    assert photo.url == "https://static.wixstatic.com/media/9f8e7d_c0ffee~mv2.jpg"
    assert photo.caption == "Workers pour concrete at the spillway on Tuesday."
    assert photo.credit == "Rui Costa/Valley News Service"
    assert (photo.photographer, photo.agency) == ("Rui Costa", "Valley News Service")


def test_html_body_is_the_story_only(html_story) -> None:
    body = html_story.body_html
    assert body.startswith("<p>Crews finished repairing the Millbrook dam spillway")
    assert body.count("<p>") == 4
    for chrome in ("top of page", "Recent Posts", "See All", "Comments", "bottom of page",
                   "By Selma", "<h1", "<img", "tracking", "Writer:"):  # fmt: skip
        assert chrome not in body
    assert 'href="https://www.harborcourier.example/post/dam-budget"' in body


def test_html_reading_time_matches_the_body(html_story) -> None:
    assert html_story.to_json()["reading_minutes"] == 1


def test_text_copy_recognises_each_element(fixtures: Path) -> None:
    result = page.parse(fixtures / "saved-article.txt", year_hint=2026)
    (story,) = result.records
    assert story.headline == "Dam repairs finish early as spring floods loom"
    assert story.writer == "Harbor Town Courier"
    assert story.bylines == ["Selma Okafor"]
    assert story.published == datetime(2026, 2, 26, tzinfo=UTC)
    (photo,) = story.photos
    assert photo.caption.startswith("Workers pour concrete at the spillway")
    assert photo.credit == "Rui Costa/Valley News Service"
    assert photo.alt == photo.caption
    assert story.body_html.count("<p>") == 4
    for chrome in ("top of page", "3 min read", "Recent Posts", "See All", "Comments",
                   "Write a comment", "bottom of page", "Library extends"):  # fmt: skip
        assert chrome not in story.body_html


def test_short_date_year_from_the_save_date(fixtures: Path) -> None:
    path = fixtures / "saved-article.txt"
    (story,) = page.parse(path, reference_date=date(2027, 1, 5)).records
    # "Feb 26" seen on 5 Jan 2027 can only be last year's.
    assert story.published == datetime(2026, 2, 26, tzinfo=UTC)
    (story,) = page.parse(path, reference_date=date(2026, 3, 1)).records
    assert story.published == datetime(2026, 2, 26, tzinfo=UTC)


def test_short_date_year_from_a_full_date_in_the_text(fixtures: Path) -> None:
    result = page.parse(fixtures / "saved-article.txt")
    assert result.records[0].published == datetime(2026, 2, 26, tzinfo=UTC)
    assert any("taken from a date in the text" in w for w in result.warnings)


def test_short_date_without_any_year_is_left_empty_not_this_year(fixtures: Path) -> None:
    text = (fixtures / "saved-article.txt").read_bytes().replace(b"Feb. 24, 2026", b"Tuesday")
    result = page.parse(text)
    assert result.records[0].published is None
    assert any("no year" in w for w in result.warnings)


def test_text_with_only_a_headline_and_no_story_fails() -> None:
    with pytest.raises(ImportFileError, match="no article text"):
        page.parse(b"top of page\nbottom of page\n")


@pytest.mark.parametrize(
    "line,expected",
    [
        ("Feb 26", (None, 2, 26)),
        ("February 26, 2025", (2025, 2, 26)),
        ("26 Feb", (None, 2, 26)),
        ("Sept. 3", (None, 9, 3)),
        ("2024-11-05", (2024, 11, 5)),
        ("Updated: Mar 1", (None, 3, 1)),
        ("Feb 26 is a date", None),
    ],
)
def test_short_dates(line: str, expected) -> None:
    assert page._short_date(line) == expected


def test_html_without_json_ld_uses_open_graph() -> None:
    html = b"""<!doctype html><html><head>
    <meta property="og:title" content="Market hall reopens">
    <meta property="og:url" content="https://news.example.org/market-hall">
    <meta property="article:published_time" content="2025-06-01T08:00:00+02:00">
    <meta name="author" content="Dana Wu">
    <meta property="og:image" content="/img/hall.jpg">
    </head><body><article><h1>Market hall reopens</h1>
    <p>The market hall opened its doors again on Saturday after a two-year renovation that
    replaced the roof, the floor and all of the stalls.</p>
    <p>Traders said the first morning was busier than any day before the works began.</p>
    </article></body></html>"""
    (story,) = page.parse(html).records
    assert story.headline == "Market hall reopens"
    assert story.bylines == ["Dana Wu"]
    assert story.published == datetime(2025, 6, 1, 6, 0, tzinfo=UTC)
    assert story.photos[0].url == "https://news.example.org/img/hall.jpg"
    assert "renovation" in story.body_html


def test_broken_json_ld_is_a_warning(html_story, fixtures: Path) -> None:
    html = (
        (fixtures / "saved-article.html").read_bytes().replace(b'"@graph": [', b'"@graph": [[', 1)
    )
    result = page.parse(html)
    assert result.records[0].headline == html_story.headline  # from og:title
    assert any("JSON-LD" in w for w in result.warnings)


def test_empty_page_fails_clearly() -> None:
    with pytest.raises(ImportFileError, match="empty"):
        page.parse(b"")
    with pytest.raises(ImportFileError, match="no article"):
        page.parse(b"<html><head></head><body></body></html>")


def test_reading_the_same_page_again_gives_the_same_story(fixtures: Path) -> None:
    # A re-import or a polling loop reads a page many times in one process.
    records = [page.parse(fixtures / "saved-article.html").records[0] for _ in range(8)]
    assert all(r.body_html.startswith("<p>Crews finished repairing") for r in records)
    assert all(record == records[0] for record in records)
