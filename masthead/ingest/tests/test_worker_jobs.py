"""The worker's ingest jobs (masthead/tasks/jobs.py): wire sources polled at their own
intervals from a file in MASTHEAD_IMPORT_DIR, and missing photos fetched once they appear."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from masthead.ingest.models import ImportedItem, WireSource
from masthead.ingest.tests.test_missing_photos import late_photos  # noqa: F401 - a fixture
from masthead.ingest.tests.test_missing_photos import run as import_run
from masthead.newsroom.models import Article
from masthead.photos.models import Photo
from masthead.tasks.jobs import missing_photos_fetch, wire_sources_poll
from masthead.testing.clock import frozen_clock
from masthead.testing.factories import make_publication

pytestmark = pytest.mark.django_db

T0 = datetime(2026, 3, 3, 9, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def publication():
    return make_publication(name="The Harbor Gazette")


@pytest.fixture
def wire_file(fixtures: Path, settings, tmp_path: Path) -> Path:
    settings.MASTHEAD_IMPORT_DIR = tmp_path
    path = tmp_path / "wire.json"
    shutil.copy(fixtures / "wire-1x.ninjs.json", path)
    return path


def test_the_wire_job_polls_each_source_at_its_interval(wire_file: Path) -> None:
    with frozen_clock(T0) as clock:
        source = WireSource.objects.create(
            name="Example Wire", format="ninjs", location=str(wire_file), poll_minutes=15
        )
        assert wire_sources_poll() == "Example Wire: 1 created, 0 updated, 0 skipped, 0 failed"
        assert Article.objects.count() == 1 and ImportedItem.objects.get().wire_source == source
        clock.advance(minutes=14)
        assert wire_sources_poll() == "no source was due"
        clock.advance(minutes=1)
        # Due again: the same feed brings nothing twice.
        assert wire_sources_poll() == "Example Wire: 0 created, 0 updated, 1 skipped, 0 failed"
        assert Article.objects.count() == 1
        source.refresh_from_db()
        assert source.last_polled_at == clock.now and source.last_error == ""


def test_a_broken_source_does_not_stop_the_others(wire_file: Path, tmp_path: Path) -> None:
    (tmp_path / "broken.json").write_text("{not json")
    WireSource.objects.create(
        name="Broken Wire", format="ninjs", location=str(tmp_path / "broken.json")
    )
    WireSource.objects.create(name="Example Wire", format="ninjs", location=str(wire_file))
    summary = wire_sources_poll()
    assert "Broken Wire: " in summary and "Example Wire: 1 created" in summary
    assert WireSource.objects.get(name="Broken Wire").last_error
    assert Article.objects.count() == 1


def test_the_missing_photos_job_fetches_them_once_they_appear(late_photos) -> None:  # noqa: F811
    path, arrive, base = late_photos
    import_run("rss", str(path))
    assert missing_photos_fetch() == "1 story(ies) with missing photos: 0 fetched, 2 still missing"
    arrive()
    assert missing_photos_fetch() == "1 story(ies) with missing photos: 2 fetched, 0 still missing"
    article = Article.objects.get()
    assert (
        article.hero_photo is not None
        and article.hero_photo.caption == "The keeper on the gallery."
    )
    assert base not in article.body and ImportedItem.objects.get().photo_references == []
    photos = Photo.objects.count()
    assert missing_photos_fetch() == "0 story(ies) with missing photos: 0 fetched, 0 still missing"
    assert Photo.objects.count() == photos
