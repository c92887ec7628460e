"""Wire sources: polled when due, with their section, credit, publish mode, hold and rights."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime, timedelta
from io import StringIO
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone

from masthead.ingest.models import ImportedItem, WireSource
from masthead.ingest.sources import wire_source_poll, wire_sources_due
from masthead.newsroom.models import Article, Author
from masthead.testing.factories import make_publication, make_section

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def publication():
    return make_publication(name="The Harbor Gazette")


@pytest.fixture(autouse=True)
def import_dir(settings, tmp_path: Path) -> Path:
    settings.MASTHEAD_IMPORT_DIR = tmp_path
    return tmp_path


@pytest.fixture
def wire_file(fixtures: Path, tmp_path: Path) -> Path:
    path = tmp_path / "wire.json"
    shutil.copy(fixtures / "wire-1x.ninjs.json", path)
    return path


def make_source(location: Path | str, **fields) -> WireSource:
    fields.setdefault("name", "Example Wire")
    fields.setdefault("format", "ninjs")
    fields.setdefault("credit_line", "Distributed by Example Wire.")
    return WireSource.objects.create(location=str(location), **fields)


def ingest(*args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("ingest", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_a_due_source_is_polled_with_its_settings(wire_file: Path) -> None:
    section = make_section(name="Wire", slug="wire")
    source = make_source(wire_file, section=section, publish_mode="publish")
    out, _ = ingest()
    assert "Example Wire: 1 created, 0 updated, 0 skipped, 0 failed" in out
    article = Article.objects.get()
    assert article.section == section
    assert article.source_credit == "Distributed by Example Wire."
    assert article.source_name == "Example Wire"
    assert article.status == Article.Status.PUBLISHED and article.is_live
    assert article.byline_text == "Ines Duarte" and not Author.objects.exists()
    assert ImportedItem.objects.get().wire_source == source
    source.refresh_from_db()
    assert source.last_polled_at is not None and source.last_error == ""


def test_review_queue_is_the_default(wire_file: Path) -> None:
    make_source(wire_file)
    ingest("--once")
    assert Article.objects.get().status == Article.Status.IN_REVIEW


def test_a_source_is_not_polled_again_before_its_interval(wire_file: Path) -> None:
    source = make_source(wire_file, poll_minutes=15)
    ingest()
    assert wire_sources_due() == []
    out, _ = ingest()
    assert "No wire source is due (1 active)." in out
    source.refresh_from_db()
    later = source.last_polled_at + timedelta(minutes=15)
    assert wire_sources_due(later) == [WireSource.objects.get()]
    inactive = make_source(wire_file, name="Paused", active=False)
    assert inactive not in wire_sources_due(later)


def test_polling_again_updates_only_what_changed(wire_file: Path) -> None:
    source = make_source(wire_file, publish_mode="publish")
    first = wire_source_poll(source=source)
    assert first.created == 1
    assert wire_source_poll(source=source).skipped == 1
    wire_file.write_text(wire_file.read_text().replace("no structural damage", "minor rust"))
    report = wire_source_poll(source=source)
    assert (report.created, report.updated) == (0, 1)
    assert Article.objects.get().headline == "Bridge inspection finds minor rust"


def test_usage_rights_expire_without_a_cron(wire_file: Path, client) -> None:
    source = make_source(wire_file, publish_mode="publish", rights_days=2)
    wire_source_poll(source=source)
    article = Article.objects.get()
    assert article.published_at == datetime(2024, 5, 3, 7, 0, tzinfo=UTC)
    assert article.expires_at == article.published_at + timedelta(days=2)
    # Published in 2024 with two days of rights: long gone from the site.
    assert not Article.objects.live().exists()
    assert client.get(article.get_absolute_url()).status_code == 404
    assert Article.objects.live(at=article.published_at + timedelta(days=1)).get() == article


def test_hold_minutes_embargo_new_stories(wire_file: Path) -> None:
    source = make_source(wire_file, publish_mode="publish", embargo_minutes=90)
    before = timezone.now()
    wire_source_poll(source=source)
    article = Article.objects.get()
    assert article.status == Article.Status.SCHEDULED and not article.is_live
    assert (
        before + timedelta(minutes=89)
        < article.published_at
        < timezone.now() + timedelta(minutes=91)
    )


def test_a_broken_source_records_its_error_and_others_still_run(
    wire_file: Path, tmp_path: Path
) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text("{not json")
    bad = make_source(broken, name="Broken Wire")
    make_source(wire_file, name="Good Wire")
    _out, err = ingest()
    bad.refresh_from_db()
    assert "broken.json: not valid JSON (line 1" in bad.last_error
    assert "Broken Wire: " in err
    assert Article.objects.count() == 1
    assert bad.last_polled_at is not None  # tried again at its next interval, not in a tight loop


def test_a_source_on_the_web(image_server) -> None:
    source = make_source(f"{image_server.url}/feed.xml", format="rss", publish_mode="publish")
    report = wire_source_poll(source=source)
    assert report.created >= 2 and source.last_error.startswith("1 item(s) failed: ")
    unreachable = make_source(f"{image_server.url}/gone.xml", name="Gone", format="rss")
    wire_source_poll(source=unreachable)
    assert unreachable.last_error.endswith("/gone.xml: the server answered 404 File not found")


def test_loop_keeps_polling_until_interrupted(wire_file: Path, monkeypatch) -> None:
    make_source(wire_file, poll_minutes=1)
    sleeps: list[float] = []

    def fake_sleep(seconds: float) -> None:
        sleeps.append(seconds)
        if len(sleeps) == 3:
            raise KeyboardInterrupt
        # The next round is a minute later: the source is due again.
        WireSource.objects.update(last_polled_at=timezone.now() - timedelta(minutes=2))

    monkeypatch.setattr("masthead.ingest.management.commands.ingest.time.sleep", fake_sleep)
    out, _ = ingest("--loop", "--sleep", "5")
    assert sleeps == [5.0, 5.0, 5.0]
    assert out.count("Example Wire: ") == 3 and out.rstrip().endswith("Stopped.")
    assert Article.objects.count() == 1


def test_location_must_be_a_web_address_or_an_absolute_path(import_dir: Path) -> None:
    for good in ("https://wire.example/feed.json", f"{import_dir}/today.json"):
        WireSource(name="x", format="ninjs", location=good).full_clean()
    for bad in ("file:///etc/passwd", "relative/path.json", "ftp://wire.example/x", "/etc/passwd"):
        with pytest.raises(ValidationError):
            WireSource(name="x", format="ninjs", location=bad).full_clean()


def test_admin_lists_and_polls_sources(wire_file: Path, admin_client) -> None:
    source = make_source(wire_file)
    page = admin_client.get("/newsroom/ingest/wiresource/").content.decode()
    assert "Example Wire" in page and "Poll the selected sources now" in page
    form = admin_client.get(f"/newsroom/ingest/wiresource/{source.pk}/change/").content.decode()
    for field in ("poll_minutes", "credit_line", "publish_mode", "embargo_minutes", "rights_days"):
        assert f'name="{field}"' in form
    response = admin_client.post(
        "/newsroom/ingest/wiresource/",
        {"action": "poll_now", "_selected_action": [source.pk]},
        follow=True,
    )
    assert "Example Wire: 1 created" in response.content.decode()
    assert admin_client.get("/newsroom/ingest/importeditem/").status_code == 200


def test_a_wire_source_cannot_read_server_files_outside_the_import_folder(
    import_dir: Path, tmp_path_factory, wire_file: Path
) -> None:
    """An admin could otherwise point a source at the site's .env and read it as a story."""
    secrets = tmp_path_factory.mktemp("app") / ".env"
    secrets.write_text('{"headline": "SECRET_KEY=do-not-leak"}')
    (import_dir / "link.json").symlink_to(secrets)
    for location in (
        secrets,
        import_dir / "link.json",
        f"{import_dir}/../{secrets.parent.name}/.env",
    ):
        with pytest.raises(ValidationError, match="inside"):
            WireSource(name="x", format="ninjs", location=str(location)).full_clean()
        source = make_source(location, name=f"Leak {location}")  # saved past the form
        wire_source_poll(source=source)
        source.refresh_from_db()
        assert "inside" in source.last_error
    assert not Article.objects.exists()
    wire_source_poll(source=make_source(wire_file))  # a file in the folder is read
    assert Article.objects.count() == 1


def test_the_import_command_still_reads_any_path_the_operator_gives(tmp_path_factory, fixtures):
    from masthead.ingest.sources import open_source

    elsewhere = tmp_path_factory.mktemp("operator") / "wire.json"
    shutil.copy(fixtures / "wire-1x.ninjs.json", elsewhere)
    assert open_source("ninjs", str(elsewhere)).count == 1
