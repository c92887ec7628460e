from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from masthead.ingest.formats import ghost
from masthead.ingest.records import ImportFileError

SECRETS = (
    "SECRETHASH", "ANOTHERHASH", "SETTING-DB-HASH", "SECRETSTRIPE", "APIKEYSECRET",
    "INTEGRATIONSECRET", "WEBHOOKSECRET", "SESSIONSECRET", "hooks.example",
    "iris.secret@example.org", "$2a$10$",
)  # fmt: skip
GHOST_SAMPLES = "ghost/tryghost-migrate/packages/mg-assetscraper-db/src/test/fixtures"


@pytest.fixture
def export(fixtures: Path) -> ghost.ParseResult:
    return ghost.parse(fixtures / "ghost-export.json")


def test_posts_pages_and_bad_items(export) -> None:
    assert [r.source_id for r in export.records] == ["p1", "p2", "p3"]
    assert [e.position for e in export.errors] == [4, 5]
    assert "unreadable body" in export.errors[1].message


def test_lexical_post_fields(export) -> None:
    story = export.records[0]
    assert story.headline == "Lexical story"
    assert story.dek == "A short dek."
    assert story.bylines == ["Iris Novak", "Tom Reyes"]  # sort_order, not file order
    assert story.writer == "Iris Novak"
    assert story.section == "Harbour"
    assert story.tags == ["Harbour", "Weather"]  # the #internal tag is dropped
    assert story.published == datetime(2024, 4, 2, 8, 30, tzinfo=UTC)
    assert story.updated == datetime(2024, 4, 3, 9, 0, tzinfo=UTC)
    assert story.old_urls == ["/lexical-story/"]
    (photo,) = story.photos
    assert photo.url == "https://img.example.org/hero.jpg"
    assert photo.caption == "The harbour at dawn on Monday."
    assert photo.credit == "Iris Novak/Ledger Photo"
    assert photo.alt == "Harbour at dawn"


def test_lexical_to_html(export) -> None:
    body = export.records[0].body_html
    assert "<h2>Overview</h2>" in body
    assert "<p><strong>Bold</strong> and <em>italic</em><br>" in body
    assert '<a href="https://example.org/report" rel="noopener noreferrer">the report</a>' in body
    assert "<ol><li>One</li><li>Two</li></ol>" in body
    assert "<blockquote>A quote.</blockquote>" in body
    assert '<img src="https://img.example.org/a.jpg" alt="Alt">' in body
    assert "<figcaption>Caption <b>here</b></figcaption>" in body
    assert "<p>Raw</p>" in body and "script" not in body and "bad()" not in body


def test_mobiledoc_to_html(export) -> None:
    story = export.records[1]
    assert story.status == "draft"
    assert story.published is None
    assert story.body_html == (
        "<h2>Heading</h2>"
        '<p>See <a href="https://example.org/x" rel="noopener noreferrer">this link</a>'
        " and <strong>this</strong></p>"
        "<ul><li>first</li><li>second</li></ul>"
        '<figure><img src="https://img.example.org/m.jpg" alt="">'
        "<figcaption>Mobile caption</figcaption></figure><hr>"
    )


def test_old_style_page_flag_and_scheduled_status(export) -> None:
    page = export.records[2]
    assert (page.kind, page.status) == ("page", "scheduled")


def test_secrets_never_reach_records_warnings_or_errors(fixtures: Path, export) -> None:
    everything = json.dumps(
        [r.to_json() for r in export.records]
        + [repr(r) for r in export.records]
        + [str(e) for e in export.errors]
        + export.warnings
    )
    for secret in SECRETS:
        assert secret not in everything


def test_secrets_never_reach_error_messages(fixtures: Path) -> None:
    data = json.loads((fixtures / "ghost-export.json").read_text())
    broken = dict(data["db"][0]["data"], posts="SECRETHASH-not-a-list")
    for variant in (
        {"db": [{"meta": {}, "data": broken}]},
        {"users": data["db"][0]["data"]["users"]},
        data["db"][0]["data"]["settings"],
    ):
        with pytest.raises(ImportFileError) as info:
            ghost.parse(json.dumps(variant).encode())
        for secret in SECRETS:
            assert secret not in str(info.value)
    truncated = (fixtures / "ghost-export.json").read_bytes()[:-200]
    with pytest.raises(ImportFileError, match="not valid JSON") as info:
        ghost.parse(truncated)
    assert not any(secret in str(info.value) for secret in SECRETS)


@pytest.mark.parametrize(
    "data,message",
    [
        (b"", "empty"),
        (b"[1, 2]", "not a Ghost export"),
        (b'{"db": []}', "not a Ghost export"),
        (b'{"meta": {}, "data": {"posts": {}}}', "data.posts is not a list"),
        (b"<rss/>", "not valid JSON"),
    ],
)
def test_bad_files(data: bytes, message: str) -> None:
    with pytest.raises(ImportFileError, match=message):
        ghost.parse(data)


def test_wrapped_sample_with_lexical_only_post(samples: Path) -> None:
    result = ghost.parse(samples / GHOST_SAMPLES / "ghost.json")
    raw = json.loads((samples / GHOST_SAMPLES / "ghost.json").read_text())
    assert len(result.records) == len(raw["db"][0]["data"]["posts"]) and not result.errors
    lexical = next(r for r in result.records if r.headline == "Post 3 - Lexical")
    assert '<img src="https://example.com/images/lexical-image.jpg"' in lexical.body_html
    post1 = next(r for r in result.records if r.headline == "Post 1")
    assert post1.bylines == ["Alice Johnson"] and post1.tags == ["News"]
    assert post1.photos[0].url == "https://example.com/images/feature-1.jpg"
    text = json.dumps([r.to_json() for r in result.records])
    assert "alice@example.com" not in text and "site-logo" not in text


def test_unwrapped_sample(samples: Path) -> None:
    (story,) = ghost.parse(samples / GHOST_SAMPLES / "ghost-flat.json").records
    assert story.headline == "Flat Format Post"
    assert story.photos[0].url == "https://example.com/images/flat-feature.jpg"


def test_ghost_url_placeholders_become_the_old_sites_address() -> None:
    export = {
        "db": [{"meta": {}, "data": {"posts": [{
            "id": "g1", "title": "Placeholder", "status": "published",
            "html": '<p><img src="__GHOST_URL__/content/images/a.jpg"></p>',
            "feature_image": "__GHOST_URL__/content/images/hero.jpg",
            "canonical_url": "__GHOST_URL__/placeholder/",
        }]}}]
    }  # fmt: skip
    data = json.dumps(export).encode()
    (story,) = ghost.parse(data, site_url="https://old.example/").records
    assert 'src="https://old.example/content/images/a.jpg"' in story.body_html
    assert story.photos[0].url == "https://old.example/content/images/hero.jpg"
    assert story.original_url == "https://old.example/placeholder/"
    result = ghost.parse(data)
    assert any("--site-url" in warning for warning in result.warnings)
