"""The hosted builder's posts CSV: a byline is never a member id."""

from __future__ import annotations

import csv
import io

from masthead.ingest.formats import wix_csv

HEADER = [
    "Author", "Main Category", "Title", "Excerpt", "ID", "Tags", "Featured", "Slug",
    "Plain Content", "Cover Image", "Published Date", "Categories", "Rich Content",
    "Post Page URL", "Last Published Date", "Internal ID",
]  # fmt: skip
MEMBER = "38606e21-7c4b-4d1e-9a55-0f3b2c1d9e8a"


def export(*rows: dict[str, str], extra: tuple[str, ...] = ()) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=[*HEADER, *extra])
    writer.writeheader()
    for n, row in enumerate(rows, start=1):
        base = {
            "Title": f"Council story {n}",
            "ID": f"post-{n}",
            "Slug": f"council-story-{n}",
            "Plain Content": "The council met on Monday and voted on the budget.",
            "Published Date": "2025-10-01T10:00:00Z",
        }
        writer.writerow(base | row)
    return out.getvalue().encode()


def test_a_member_id_in_author_is_never_a_byline() -> None:
    result = wix_csv.parse(export({"Author": MEMBER}, {"Author": MEMBER.upper()}))
    assert [r.bylines for r in result.records] == [[], []]
    assert [r.writer for r in result.records] == ["", ""]
    assert sum("holds a member id" in w for w in result.warnings) == 2


def test_a_name_column_gives_the_byline_when_author_is_an_id() -> None:
    data = export({"Author": MEMBER, "Author Name": "Dana Whitfield"}, extra=("Author Name",))
    (story,) = wix_csv.parse(data).records
    assert story.bylines == ["Dana Whitfield"] and story.writer == "Dana Whitfield"


def test_a_real_name_in_author_stays() -> None:
    (story,) = wix_csv.parse(export({"Author": "Jane Writer"})).records
    assert story.bylines == ["Jane Writer"]
