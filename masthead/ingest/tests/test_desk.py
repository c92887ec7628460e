"""The wire desk in the newsroom admin: upload, dry run, confirm or cancel, kept reports."""

from __future__ import annotations

import os
import stat
import threading
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from masthead.ingest.desk import format_detect, upload_folder, uploads_expire
from masthead.ingest.formats import FORMATS
from masthead.ingest.models import ImportedItem, ImportRun
from masthead.ingest.tests.test_import_command import FIXTURE_OF
from masthead.newsroom.models import Article
from masthead.newsroom.roles import CONTRIBUTOR, EDITOR
from masthead.testing.factories import make_publication, make_section, make_user

pytestmark = pytest.mark.django_db

START = "/newsroom/wire-desk/"


@pytest.fixture(autouse=True)
def desk_setup(settings, tmp_path):
    settings.IMPORT_UPLOAD_DIR = tmp_path / "uploads"
    make_publication(name="The Harbor Gazette")


def client_for(role: str) -> Client:
    client = Client()
    client.force_login(make_user(role=role))
    return client


def upload(client: Client, path: Path | None = None, *, content: bytes | None = None,
           name: str = "", **fields: str):  # fmt: skip
    data = content if content is not None else path.read_bytes()
    file = SimpleUploadedFile(name or (path.name if path else "upload.bin"), data)
    return client.post(START, {"file": file, "publish_mode": "publish", **fields})


def kept_uploads() -> list[Path]:
    folder = upload_folder()
    return list(folder.iterdir())


def test_the_editor_checks_confirms_and_the_report_is_kept(settings, fixtures: Path) -> None:
    editor = client_for(EDITOR)
    city = make_section(name="City", slug="city")
    response = upload(editor, fixtures / "newsroom.wxr.xml", section=str(city.pk))
    assert response.status_code == 302
    run = ImportRun.objects.get()
    assert run.format == "wxr"  # recognised from the file
    assert not Article.objects.exists()  # the dry run wrote nothing
    assert not ImportedItem.objects.exists()
    [kept] = kept_uploads()
    assert stat.S_IMODE(os.stat(kept).st_mode) == 0o600
    assert not kept.is_relative_to(Path(settings.MEDIA_ROOT))

    page = editor.get(response["Location"])
    text = page.content.decode()
    planned = run.planned
    assert planned["created"] > 0 and planned["failed"] > 0
    assert f"Would create {planned['created']}, update 0" in text
    assert f"{planned['failed']} failed" in text
    for error in run.errors:
        assert error.split(":")[0] in text

    confirmed = editor.post(reverse("wire_desk:import_confirm", args=[run.pk]))
    assert confirmed.status_code == 302
    run.refresh_from_db()
    assert run.status == ImportRun.Status.DONE
    assert (run.created, run.failed) == (planned["created"], planned["failed"])
    assert Article.objects.count() == planned["created"]
    assert set(Article.objects.values_list("section__slug", flat=True)) == {"city"}
    assert kept_uploads() == []
    report = editor.get(reverse("wire_desk:import_report", args=[run.pk])).content.decode()
    assert f"{run.created} created, 0 updated" in report
    listing = editor.get(reverse("admin:ingest_importrun_changelist")).content.decode()
    assert "newsroom.wxr.xml" in listing
    assert f'href="{reverse("wire_desk:import_report", args=[run.pk])}"' in listing

    # A second confirm of the same run does nothing; a re-run of the file creates nothing.
    editor.post(reverse("wire_desk:import_confirm", args=[run.pk]))
    assert Article.objects.count() == run.created
    upload(editor, fixtures / "newsroom.wxr.xml", section=str(city.pk))
    again = ImportRun.objects.latest("pk")
    assert again.planned["created"] == 0 and again.planned["skipped"] == run.created
    editor.post(reverse("wire_desk:import_confirm", args=[again.pk]))
    again.refresh_from_db()
    assert (again.created, again.updated, again.skipped) == (0, 0, run.created)
    assert Article.objects.count() == run.created


@pytest.mark.parametrize("fmt", sorted(FIXTURE_OF))
def test_every_format_is_recognised(fmt: str, fixtures: Path) -> None:
    assert format_detect(fixtures / FIXTURE_OF[fmt]) == fmt


def test_review_mode_sends_live_stories_to_review(fixtures: Path) -> None:
    editor = client_for(EDITOR)
    upload(editor, fixtures / "wire-1x.ninjs.json", format="ninjs",
           publish_mode="review")  # fmt: skip
    run = ImportRun.objects.get()
    editor.post(reverse("wire_desk:import_confirm", args=[run.pk]))
    statuses = set(Article.objects.values_list("status", flat=True))
    assert statuses and Article.Status.PUBLISHED not in statuses


def test_cancel_deletes_the_upload_and_imports_nothing(fixtures: Path) -> None:
    editor = client_for(EDITOR)
    upload(editor, fixtures / "hosted-blog.rss.xml")
    run = ImportRun.objects.get()
    assert len(kept_uploads()) == 1
    editor.post(reverse("wire_desk:import_cancel", args=[run.pk]))
    run.refresh_from_db()
    assert run.status == ImportRun.Status.CANCELLED
    assert kept_uploads() == []
    editor.post(reverse("wire_desk:import_confirm", args=[run.pk]))
    assert not Article.objects.exists()


def test_a_contributor_is_told_the_role_they_need(fixtures: Path) -> None:
    contributor = client_for(CONTRIBUTOR)
    page = contributor.get(START)
    assert page.status_code == 403
    assert "You need the Editor role" in page.content.decode()
    refused = upload(contributor, fixtures / "hosted-blog.rss.xml")
    assert refused.status_code == 403
    assert not ImportRun.objects.exists()


def test_a_crafted_confirm_by_a_contributor_is_refused(fixtures: Path) -> None:
    upload(client_for(EDITOR), fixtures / "hosted-blog.rss.xml")
    run = ImportRun.objects.get()
    page = client_for(CONTRIBUTOR).post(reverse("wire_desk:import_confirm", args=[run.pk]))
    assert page.status_code == 403
    run.refresh_from_db()
    assert run.status == ImportRun.Status.CHECKED
    assert not Article.objects.exists()


def test_anonymous_readers_go_to_the_login_page() -> None:
    response = Client().get(START)
    assert response.status_code == 302
    assert response["Location"].startswith("/newsroom/login/?next=")


def test_confirm_needs_the_csrf_token(fixtures: Path) -> None:
    user = make_user(role=EDITOR)
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    upload(client_for(EDITOR), fixtures / "hosted-blog.rss.xml")
    run = ImportRun.objects.get()
    assert client.post(reverse("wire_desk:import_confirm", args=[run.pk])).status_code == 403
    assert not Article.objects.exists()


@pytest.mark.parametrize(
    ("content", "fields", "message"),
    [
        (b"", {}, "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00binary", {}, "could not be recognised"),
        (b'{"db": [{"data": {"posts": [', {"format": "ghost"}, "not valid JSON"),
        (b"<rss><channel><item><title>cut", {"format": "rss"}, "Nothing was imported"),
        (b'<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>', {}, "no stories"),
    ],
    ids=["empty", "unknown", "corrupt-json", "truncated-xml", "no-stories"],
)
def test_bad_files_get_a_clear_error_and_nothing_is_kept(content, fields, message) -> None:
    editor = client_for(EDITOR)
    page = upload(editor, content=content, name="export.dat", **fields)
    assert page.status_code == 400
    assert message in page.content.decode()
    assert not ImportRun.objects.exists()
    assert not Article.objects.exists()
    assert kept_uploads() == []


def test_the_wrong_format_is_refused(fixtures: Path) -> None:
    page = upload(client_for(EDITOR), fixtures / "ghost-export.json", format="wxr")
    assert page.status_code == 400
    assert "Nothing was imported" in page.content.decode()
    assert not Article.objects.exists()


def test_a_file_over_the_limit_is_refused(settings, fixtures: Path) -> None:
    settings.IMPORT_UPLOAD_MAX_BYTES = 1024
    page = upload(client_for(EDITOR), fixtures / "newsroom.wxr.xml")
    assert page.status_code == 400
    assert "larger than 1.0\xa0KB" in page.content.decode()
    assert kept_uploads() == []


def test_the_admin_shows_the_wire_desk_to_editors_only() -> None:
    assert "Wire desk / Import" in client_for(EDITOR).get("/newsroom/").content.decode()
    assert "Wire desk / Import" not in client_for(CONTRIBUTOR).get("/newsroom/").content.decode()


def test_a_running_import_shows_its_progress_and_reloads_itself(fixtures: Path) -> None:
    editor = client_for(EDITOR)
    upload(editor, fixtures / "hosted-blog.rss.xml")
    run = ImportRun.objects.get()
    ImportRun.objects.filter(pk=run.pk).update(status=ImportRun.Status.RUNNING, done=3)
    page = editor.get(reverse("wire_desk:import_report", args=[run.pk])).content.decode()
    assert f"Running… 3 of {run.total} stories" in page
    assert 'http-equiv="refresh"' in page


def test_a_dry_run_nobody_confirmed_expires_after_a_day(fixtures: Path) -> None:
    editor = client_for(EDITOR)
    upload(editor, fixtures / "hosted-blog.rss.xml")
    old = ImportRun.objects.get()
    ImportRun.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=2))
    assert uploads_expire() == 1
    old.refresh_from_db()
    assert old.status == ImportRun.Status.CANCELLED
    assert kept_uploads() == []


def test_a_parser_crash_is_a_clear_error_not_a_server_error(monkeypatch, fixtures: Path) -> None:
    def broken(*args, **kwargs):
        raise ValueError("unforeseen")

    monkeypatch.setitem(FORMATS, "rss", broken)
    page = upload(client_for(EDITOR), fixtures / "hosted-blog.rss.xml")
    assert page.status_code == 400
    assert "cannot be read (ValueError)" in page.content.decode()
    assert kept_uploads() == []


SAMPLE_FORMATS = {"rss": "rss", "wxr": "wxr", "ghost": "ghost", "wix-csv": "wix-csv"}


def test_real_exports_are_recognised(samples: Path) -> None:
    checked = 0
    for folder, fmt in SAMPLE_FORMATS.items():
        for path in sorted((samples / folder).rglob("*")):
            if not path.is_file() or path.suffix not in {".xml", ".json", ".csv", ".rss"}:
                continue
            if "empty" in path.name:
                continue  # an empty document has no format to recognise
            assert format_detect(path) == fmt, path
            checked += 1
    for path in sorted((samples / "ninjs").rglob("*.json")):
        assert format_detect(path) == "ninjs", path
        checked += 1
    assert checked > 50


@pytest.mark.django_db(transaction=True)
def test_a_confirmed_import_runs_in_the_background(settings, fixtures: Path) -> None:
    settings.IMPORT_IN_BACKGROUND = True
    editor = client_for(EDITOR)
    upload(editor, fixtures / "hosted-blog.rss.xml")
    run = ImportRun.objects.get()
    before = {thread for thread in threading.enumerate() if thread.name.startswith("import-")}
    editor.post(reverse("wire_desk:import_confirm", args=[run.pk]))
    [worker] = {t for t in threading.enumerate() if t.name.startswith("import-")} - before
    worker.join(timeout=30)
    run.refresh_from_db()
    assert run.status == ImportRun.Status.DONE
    assert Article.objects.count() == run.created == run.planned["created"]
    assert kept_uploads() == []
    editor.post(reverse("wire_desk:import_confirm", args=[run.pk]))  # confirmed again: no-op
    assert Article.objects.count() == run.created
