from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from masthead.ingest.formats import ninjs
from masthead.ingest.records import ImportFileError
from masthead.ingest.tests.conftest import SAMPLES, sample_files

NINJS_SAMPLES = [
    p
    for p in sample_files("ninjs", pattern="*.json")
    if "specification" not in p.parts and not p.name.endswith("schema.json")
]


def test_ninjs_1x_item(fixtures: Path) -> None:
    (story,) = ninjs.parse(fixtures / "wire-1x.ninjs.json").records
    assert story.source == "ninjs"
    assert story.source_id == "urn:example:wire:1x:0001"
    assert story.headline == "Bridge inspection finds no structural damage"
    assert story.slug == "bridge-inspection"
    assert story.bylines == ["Ines Duarte"]
    assert story.published == datetime(2024, 5, 3, 7, 0, tzinfo=UTC)
    assert story.published.utcoffset() == timedelta(hours=2)
    assert story.updated == datetime(2024, 5, 3, 8, 15, tzinfo=UTC)
    assert story.body_html == (
        "<p>Engineers finished the inspection on Friday.</p><p>Traffic resumes Monday.</p>"
    )
    assert story.dek == "Engineers finished the inspection on Friday."
    assert story.tags == ["Infrastructure", "Transport"]
    assert story.source_name == "Example Wire"
    assert story.original_url == ""  # a urn is not a web page
    (photo,) = story.photos
    assert photo.url == "https://img.example.net/1x-full.jpg"
    assert photo.caption == "An engineer checks a cable anchor."
    assert photo.credit == "Kai Berg/Example Wire"
    assert (photo.photographer, photo.agency) == ("Kai Berg", "Example Wire")


def test_ninjs_3x_items_with_embargo_and_statuses(fixtures: Path) -> None:
    result = ninjs.parse(fixtures / "wire-3x.ninjs.json")
    first, held = result.records
    assert first.headline == "City budget adds two hundred teaching posts"
    assert first.body_html == "<p>The plan adds <b>two hundred</b> posts.</p>"
    assert first.embargoed_until == datetime(2030, 1, 10, 11, 0, tzinfo=UTC)
    assert first.status == "scheduled"  # usable, but embargoed until later
    assert first.dek == "The plan goes to a vote next week."
    (photo,) = first.photos  # the video association is not a photo
    assert photo.url == "https://img.example.net/3x-full.jpg"
    assert photo.caption == "Pupils in a classroom on Tuesday."
    assert photo.credit == "Lee Park/Example Wire"
    assert photo.photographer == "Lee Park"
    assert held.status == "draft"
    assert held.body_html == "<p>First paragraph.</p><p>Second paragraph.</p>"
    assert [(e.position, e.message) for e in result.errors] == [
        (3, "item urn:example:wire:3x:0003 has neither a headline nor a body"),
        (4, "item is not a JSON object"),
    ]


def test_version_detection() -> None:
    assert ninjs.detect_version({"uri": "x", "headline": "h", "body_text": "b"}) == 1
    assert ninjs.detect_version({"uri": "x", "headlines": [{"value": "h"}]}) == 2
    assert ninjs.detect_version({"uri": "x", "versionCreated": "2020-01-01T00:00:00Z"}) == 3
    assert ninjs.detect_version({"uri": "x", "standard": {"version": "2.1"}}) == 2


@pytest.mark.parametrize(
    "data,message",
    [
        (b"", "empty"),
        (b"[]", "no ninjs items"),
        (b"42", "expected an object or a list"),
        (b'{"hello": "world"}', "no item has a uri"),
        (b'{"uri": "x", "headline": ', "not valid JSON"),
        (b"\xff\xfe\x00\x00garbage", "not valid"),
        (b"[" * 100000 + b"]" * 100000, "JSON"),
    ],
)
def test_bad_files(data: bytes, message: str) -> None:
    with pytest.raises(ImportFileError, match=message):
        ninjs.parse(data)


# -- the real samples -------------------------------------------------------------------------


def _fold(value: Any) -> Any:
    if isinstance(value, dict):
        return {k.lower(): _fold(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_fold(v) for v in value]
    return value


def _expectations(item: dict[str, Any]) -> dict[str, bool]:
    """What a sample item carries, read straight from its JSON."""
    headline = bool(
        any(h.get("value") for h in item.get("headlines", []) if isinstance(h, dict))
        or any(v for k, v in item.items() if k.startswith("headline") and isinstance(v, str))
    )
    pictures = [item] if item.get("type") == "picture" else []
    associations = item.get("associations") or []
    if isinstance(associations, dict):
        associations = list(associations.values())
    pictures += [a for a in associations if a.get("type") == "picture" and a.get("renditions")]
    credit = any(
        p.get("by")
        or p.get("byline")
        or any(d.get("role") == "creditline" for d in p.get("descriptions", []))
        for p in pictures
    )
    return {
        "headline": headline,
        "byline": bool(item.get("by") or item.get("byline")),
        "date": any(item.get(k) for k in ("firstcreated", "contentcreated", "versioncreated")),
        "credit": credit,
    }


@pytest.mark.parametrize("path", NINJS_SAMPLES, ids=lambda p: "/".join(p.parts[-2:]))
def test_every_ninjs_example_parses_with_what_it_carries(path: Path) -> None:
    raw = json.loads(path.read_text(encoding="utf-8"))
    items = raw if isinstance(raw, list) else [raw]
    result = ninjs.parse(path)
    assert len(result.records) + len(result.errors) == len(items)
    records = {r.source_id: r for r in result.records}
    for item in map(_fold, items):
        expected = _expectations(item)
        record = records.get(item.get("uri", ""))
        if record is None:
            assert not expected["headline"], f"{item.get('uri')} was skipped"
            continue
        if expected["headline"]:
            assert record.headline
        if expected["byline"]:
            assert record.bylines and record.bylines[0]
        if expected["date"]:
            assert record.published is not None and record.published.utcoffset() is not None
        if expected["credit"]:
            assert record.photos and record.photos[0].credit


def test_the_guide_examples_agree_across_versions(samples: Path) -> None:
    folder = samples / "ninjs/documentation/includes/examples"
    for name in sorted(p.name for p in (folder / "1.6").glob("*.json")):
        versions = [ninjs.parse(folder / v / name).records for v in ("1.6", "2.2", "3.1")]
        heads = [[(r.headline, r.bylines, r.published) for r in rs] for rs in versions]
        assert heads[0] == heads[1] == heads[2], name
        photos = [[(p.url, p.credit) for r in rs for p in r.photos] for rs in versions]
        assert photos[0] == photos[1] == photos[2], name


def test_agency_photo_credit_line(samples: Path) -> None:
    (story,) = ninjs.parse(samples / "ninjs/examples/3.0/ap_image.json").records
    assert story.photos[0].credit == "ASSOCIATED PRESS"
    assert story.photos[0].caption.startswith("FILE - In this Monday")
    (tt,) = ninjs.parse(samples / "ninjs/examples/2.1/tt_text_image_2.json").records
    assert tt.source_name == "TT"
    assert tt.published.utcoffset() == timedelta(hours=2)


def test_negative_example_is_reported(samples: Path) -> None:
    result = ninjs.parse(
        samples / "ninjs/documentation/includes/examples/not-valid/008_extension.json"
    )
    assert result.records == [] and len(result.errors) == 1


def _schema_validator(version: str) -> Any:
    jsonschema = pytest.importorskip("jsonschema")
    referencing = pytest.importorskip("referencing")
    schema = json.loads((SAMPLES / f"ninjs/specification/ninjs-schema_{version}.json").read_text())
    # 2.x/3.x schemas point at geojson.org; an empty local stand-in keeps the test offline.
    offline = referencing.Resource.from_contents(
        {}, default_specification=referencing.jsonschema.DRAFT7
    )
    registry = referencing.Registry(retrieve=lambda uri: offline)
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema, registry=registry)


@pytest.mark.parametrize("folder,version", [("1.6", "1.6"), ("2.2", "2.2"), ("3.1", "3.1")])
def test_the_guide_examples_are_valid_against_their_schema(samples, folder, version) -> None:
    validator = _schema_validator(version)
    for path in sorted((samples / "ninjs/documentation/includes/examples" / folder).glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        assert not list(validator.iter_errors(data)), path.name
        result = ninjs.parse(path)
        assert len(result.records) == 1, path.name
