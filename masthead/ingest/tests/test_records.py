from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from masthead.ingest.records import (
    CommentRecord,
    ImportFileError,
    ItemError,
    PhotoRecord,
    StoryRecord,
)

TO_JSON_KEYS = {
    "headline", "slug", "writer", "bylines", "published", "updated", "reading_minutes",
    "section", "tags", "photos", "body_html", "source", "original_url", "status", "comments",
}  # fmt: skip


def story(**overrides: object) -> StoryRecord:
    values: dict[str, object] = {"source": "test:site", "source_id": "1", "headline": "A story"}
    values.update(overrides)
    return StoryRecord(**values)  # type: ignore[arg-type]


def test_to_json_has_exactly_the_documented_keys() -> None:
    assert set(story().to_json()) == TO_JSON_KEYS


def test_to_json_keeps_the_offset_and_counts_comments() -> None:
    comment = CommentRecord("c1", "Pat", "<p>Hi</p>", None, True, None, author_email="p@x.org")
    record = story(
        published=datetime(2024, 2, 26, 9, 0, tzinfo=timezone(timedelta(hours=-5))),
        photos=[PhotoRecord("https://x.org/a.jpg", caption="A", credit="B/C", alt="A")],
        comments=[comment, comment],
        source_name="Wire Service",
    )
    data = record.to_json()
    assert data["published"] == "2024-02-26T09:00:00-05:00"
    assert data["updated"] is None
    assert data["comments"] == 2
    assert data["source"] == "Wire Service"
    assert data["photos"] == [
        {"url": "https://x.org/a.jpg", "caption": "A", "credit": "B/C", "alt": "A"}
    ]


def test_reading_minutes_follow_the_body_word_count() -> None:
    body = "<p>" + "word " * 640 + "</p>"
    assert story(body_html=body).to_json()["reading_minutes"] == 3
    assert story(body_html="").to_json()["reading_minutes"] == 1


def test_commenter_email_is_never_shown() -> None:
    comment = CommentRecord("c1", "Pat", "<p>Hi</p>", None, True, None, author_email="p@x.org")
    record = story(comments=[comment])
    assert "p@x.org" not in repr(comment)
    assert "p@x.org" not in repr(record)
    assert "author_email" not in comment.to_json()
    assert comment.author_email == "p@x.org"


def test_naive_datetimes_and_unknown_statuses_are_rejected() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        story(published=datetime(2024, 1, 1))
    with pytest.raises(ValueError, match="status"):
        story(status="live")


def test_records_are_frozen() -> None:
    record = story()
    with pytest.raises(AttributeError):
        record.headline = "changed"  # type: ignore[misc]
    assert story(published=datetime(2024, 1, 1, tzinfo=UTC)).published is not None


def test_errors_name_the_file_and_position() -> None:
    assert str(ImportFileError("feed.xml", "the file is empty")) == "feed.xml: the file is empty"
    assert str(ItemError(4, "no title")) == "#4: no title"
