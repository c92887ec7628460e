from __future__ import annotations

import csv
from datetime import UTC, datetime
from pathlib import Path

import pytest

from masthead.ingest.formats import wix_csv
from masthead.ingest.records import ImportFileError

WIX_SAMPLE = "wix-csv/tryghost-migrate/packages/mg-wix-csv/src/test/fixtures/posts.csv"


@pytest.fixture
def posts(fixtures: Path) -> wix_csv.ParseResult:
    return wix_csv.parse(fixtures / "wix-posts.csv")


def test_row_fields(posts) -> None:
    story = posts.records[0]
    assert story.source == "wix-csv"
    assert story.source_id == "6a1b2c3d4e5f60718293a4b5"
    assert story.headline == "Bus routes change next week"
    assert story.slug == "bus-routes-change"
    assert story.dek == "Four routes get more buses."
    assert story.writer == "Harbor Town Courier"
    assert story.section == "Transport"
    assert story.tags == ["buses", "City"]  # ids and the main category dropped
    assert story.published == datetime(2026, 2, 20, 15, 30, tzinfo=UTC)
    assert story.updated == datetime(2026, 2, 21, 8, 0, tzinfo=UTC)
    assert story.photos[0].url == "https://static.wixstatic.com/media/aa11bb_22cc~mv2.jpg"
    assert story.original_url == "https://www.harborcourier.example/post/bus-routes-change"
    assert story.old_urls == ["/post/bus-routes-change"]
    assert story.status == "published"


def test_ricos_to_html(posts) -> None:
    body = posts.records[0].body_html
    assert body.startswith("<h2>What changed</h2>")
    assert (
        '<p>The <a href="https://transit.example.org/schedule" rel="noopener noreferrer">'
        "<strong>new schedule</strong></a><em> starts Monday.</em></p>"
    ) in body
    assert "<ul><li>Route 4</li><li>Route 9</li></ul>" in body
    assert "<blockquote><p>It is about time.</p></blockquote>" in body
    assert '<img src="https://static.wixstatic.com/media/aa11bb_22cc~mv2.jpg" alt="A bus">' in body
    assert "<figcaption>The new buses. (Mo Chen/Courier)</figcaption>" in body
    assert "<hr>" in body
    assert "<script>" not in body and "&lt;script&gt;" in body


def test_multiline_quoted_cells_and_plain_content(posts) -> None:
    story = posts.records[1]
    assert story.headline == 'Line one of a "quoted" title'
    assert story.body_html == "<p>First paragraph.</p><p>Second paragraph, with a comma.</p>"
    assert story.status == "draft" and story.published is None
    assert story.original_url == "" and story.old_urls == ["/post/multi"]


def test_bad_rows_are_reported_with_spreadsheet_row_numbers(posts) -> None:
    assert [(e.position, e.message) for e in posts.errors] == [
        (4, "row has no title and no content"),
        (5, "unreadable Published Date 'next Tuesday'"),
    ]


def test_site_url_makes_relative_post_urls_absolute(fixtures: Path) -> None:
    result = wix_csv.parse(fixtures / "wix-posts.csv", site_url="https://www.harborcourier.example")
    assert result.records[1].original_url == "https://www.harborcourier.example/post/multi"


def test_bom_and_windows_1252(fixtures: Path) -> None:
    data = (fixtures / "wix-posts.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    legacy = "Title,Plain Content,ID\r\nCaf\u00e9 opens,Body,x1\r\n".encode("cp1252")
    (story,) = wix_csv.parse(legacy).records
    assert story.headline == "Café opens"


def test_extra_cells_are_a_row_error() -> None:
    result = wix_csv.parse(b"Title,ID\r\nOne,1,unexpected\r\nTwo,2\r\n")
    assert [r.headline for r in result.records] == ["Two"]
    assert result.errors[0].position == 2


@pytest.mark.parametrize(
    "data,message",
    [
        (b"", "empty"),
        (b'{"posts": []}', "not a CSV"),
        (b"Name,Email\r\nA,b@example.org\r\n", "missing column: Title"),
        (b'Title,ID\r\n"unterminated,1\r\n', "CSV"),
        (b"\x00\x01\x02\xff\xfe binary", "binary"),
    ],
)
def test_bad_files(data: bytes, message: str) -> None:
    with pytest.raises(ImportFileError, match=message):
        wix_csv.parse(data)


def test_real_sample(samples: Path) -> None:
    path = samples / WIX_SAMPLE
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    result = wix_csv.parse(path, site_url="https://www.example.com")
    assert len(result.records) + len(result.errors) == len(rows)
    first, second = result.records
    assert first.headline == "Hello Wix"
    assert first.body_html == "<p>Hello <strong>world</strong></p>"
    assert first.photos[0].url == "https://static.wixstatic.com/media/example_media_image~mv2.jpg"
    assert first.section == "Market News"
    assert first.original_url == "https://www.example.com/post/hello-wix"
    # The second row's Rich Content is not JSON: the plain text is used, with a warning.
    assert second.body_html == "<p>Draft plain</p>" and second.status == "draft"
    assert any("row 3" in w for w in result.warnings)
