"""``masthead import``: counts, dry runs, progress, and clear failures that write nothing."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from masthead.comments.models import Comment
from masthead.ingest.models import ImportedItem
from masthead.ingest.tests.conftest import wxr_with_images
from masthead.ingest.tests.test_formats import BAD_INPUTS
from masthead.newsroom.models import Article, Author, Section, Tag
from masthead.photos.models import Photo
from masthead.testing.factories import make_publication

pytestmark = pytest.mark.django_db

DRY_RUN_KEYS = {
    "headline", "slug", "writer", "bylines", "published", "updated", "reading_minutes",
    "section", "tags", "photos", "body_html", "source", "original_url", "status", "comments",
}  # fmt: skip
FIXTURE_OF = {
    "wxr": "newsroom.wxr.xml",
    "rss": "hosted-blog.rss.xml",
    "ghost": "ghost-export.json",
    "wix-csv": "wix-posts.csv",
    "ninjs": "wire-3x.ninjs.json",
    "page": "saved-article.html",
}


@pytest.fixture(autouse=True)
def publication():
    return make_publication(name="The Harbor Gazette", time_zone="America/New_York")


def run(*args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("import", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def nothing_written() -> bool:
    return not any(
        model.objects.exists()
        for model in (Article, Author, Section, Tag, Photo, Comment, ImportedItem)
    )


@pytest.mark.parametrize("fmt", sorted(FIXTURE_OF))
def test_every_format_imports_and_prints_its_counts(fmt: str, fixtures: Path) -> None:
    out, _err = run(fmt, str(fixtures / FIXTURE_OF[fmt]))
    match = re.search(
        r"(\d+) created, 0 updated, 0 skipped, (\d+) failed(?: \(\d+ held for review\))?\.", out
    )
    assert match, out
    assert int(match.group(1)) == Article.objects.count() > 0
    again, _ = run(fmt, str(fixtures / FIXTURE_OF[fmt]))
    assert f"0 created, 0 updated, {match.group(1)} skipped" in again


def test_failed_items_are_listed_with_their_position(fixtures: Path) -> None:
    out, err = run("wxr", str(fixtures / "newsroom.wxr.xml"))
    assert "6 created, 0 updated, 0 skipped, 1 failed." in out
    assert "failed: item #9: item 'No id here' has no wp:post_id" in err


def test_dry_run_json_prints_one_object_per_story_and_writes_nothing(fixtures: Path) -> None:
    out, err = run("wxr", str(fixtures / "newsroom.wxr.xml"), "--dry-run", "--format", "json")
    lines = out.splitlines()
    stories = [json.loads(line) for line in lines]
    assert len(stories) == 6
    assert all(set(story) == DRY_RUN_KEYS for story in stories)
    ferry = next(s for s in stories if s["slug"] == "ferry-service-returns")
    assert ferry["published"] == "2024-03-12T14:05:00+00:00"
    assert ferry["bylines"] == ["Marta Kowalski", "Jo Ortega"]
    assert ferry["photos"][0] == {
        "url": "https://ledger.example.org/wp-content/uploads/2024/03/ferry.jpg",
        "caption": "The ferry docks at the rebuilt east landing on Tuesday.",
        "credit": "Ana Lind/Ledger",
        "alt": "The ferry at the east landing",
    }
    assert ferry["comments"] == 2 and ferry["status"] == "published"
    assert "pat.reader@example.net" not in out + err  # a commenter's email is never printed
    assert "would create 6" in err and "Nothing was written." in err
    assert nothing_written()


def test_dry_run_text_lists_what_would_happen(fixtures: Path) -> None:
    run("ninjs", str(fixtures / "wire-1x.ninjs.json"))
    out, _ = run("ninjs", str(fixtures / "wire-1x.ninjs.json"), "--dry-run")
    assert "unchanged Bridge inspection finds no structural damage" in out
    assert "would create 0, update 0, skip 1 unchanged" in out


def test_review_mode_and_wire_bylines(fixtures: Path) -> None:
    run("ninjs", str(fixtures / "wire-1x.ninjs.json"), "--review")
    article = Article.objects.get()
    assert article.status == Article.Status.IN_REVIEW
    assert article.byline_text == "Ines Duarte" and not Author.objects.exists()


def test_progress_bar_on_stderr(fixtures: Path) -> None:
    _, err = run("rss", str(fixtures / "hosted-blog.rss.xml"), "--progress")
    assert re.search(r"\d+/\d+ \[", err), err
    _, quiet = run("rss", str(fixtures / "hosted-blog.rss.xml"))
    assert not re.search(r"\d+/\d+ \[", quiet)


def test_time_zone_option(fixtures: Path) -> None:
    out, _ = run("wxr", str(fixtures / "newsroom.wxr.xml"), "--dry-run", "--format", "json",
                 "--time-zone", "Europe/Oslo")  # fmt: skip
    draft = next(json.loads(line) for line in out.splitlines() if "budget hearing" in line)
    assert draft["published"] == "2024-07-01T09:30:00+02:00"
    with pytest.raises(CommandError, match="Unknown time zone 'Mars/Olympus'"):
        run("wxr", str(fixtures / "newsroom.wxr.xml"), "--time-zone", "Mars/Olympus")


def test_year_hint_for_a_copied_page(fixtures: Path) -> None:
    out, _ = run("page", str(fixtures / "saved-article.txt"), "--dry-run", "--format", "json",
                 "--year-hint", "2025")  # fmt: skip
    (story,) = [json.loads(line) for line in out.splitlines()]
    assert story["published"].startswith("2025-")


# -- what must fail, and write nothing ---------------------------------------------------------


def test_unreadable_file_fails_clearly_and_writes_nothing(fixtures: Path, tmp_path: Path) -> None:
    missing = tmp_path / "gone.xml"
    with pytest.raises(CommandError, match=r"gone\.xml: no such file\. Nothing was imported"):
        run("wxr", str(fixtures / "newsroom.wxr.xml"), str(missing))
    assert nothing_written()  # the good file before it was not imported either


def test_a_directory_is_not_a_file(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="is a directory"):
        run("ninjs", str(tmp_path))


def test_exit_code_and_message_from_the_console_script(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", "from masthead.cli import main; main(['migrate', '-v0']); main()",
         "import", "ghost", str(tmp_path / "none.json")],
        capture_output=True, text=True, check=False,
        env={"MASTHEAD_ENV": "test", "MASTHEAD_DATA_DIR": str(tmp_path), "PATH": ""},
    )  # fmt: skip
    assert result.returncode != 0
    assert "none.json: no such file" in result.stderr


BAD_FOR = {
    "wxr": ["empty", "blank", "truncated xml", "external entity", "billion laughs", "binary",
            "utf-16 without bom", "json of the wrong shape", "wrong encoding"],
    "rss": ["empty", "external entity", "billion laughs", "binary", "json of the wrong shape",
            "wrong encoding"],
    "ghost": ["empty", "json of the wrong shape", "json scalar", "truncated xml", "binary"],
    "ninjs": ["empty", "json of the wrong shape", "json scalar", "truncated json", "binary"],
    "wix-csv": ["empty", "json of the wrong shape", "truncated xml", "broken csv"],
    "page": ["empty", "blank", "binary"],
}  # fmt: skip
EXTRA_BAD = {
    # Declared UTF-8, written in Latin-1: the parser must not guess.
    "wrong encoding": (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" '
        'xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>Caf\xe9</title>'
        "<wp:wxr_version>1.2</wp:wxr_version></channel></rss>"
    ).encode("latin-1"),
    "truncated json": b'{"uri": "urn:x", "headlines": [{"value": "Cut',
    "broken csv": b'Title,Slug\n"Never closed,slug\n',
}


@pytest.mark.parametrize(
    "fmt,name", [(fmt, name) for fmt, names in BAD_FOR.items() for name in names]
)
def test_bad_inputs_end_in_a_clear_error_with_nothing_written(
    fmt: str, name: str, tmp_path: Path
) -> None:
    path = tmp_path / f"bad-{fmt}.in"
    path.write_bytes(BAD_INPUTS[name] if name in BAD_INPUTS else EXTRA_BAD[name])
    with pytest.raises(CommandError) as caught:
        run(fmt, str(path))
    message = str(caught.value)
    assert message.startswith(f"Cannot import {path}: ") and "Nothing was imported" in message
    assert "root:" not in message  # never the contents of an entity's target
    assert nothing_written()


def test_external_entity_never_reads_the_file(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE")
    for fmt in ("wxr", "rss", "page"):
        path = tmp_path / f"xxe-{fmt}.xml"
        path.write_text(
            f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file://{secret}">]>'
            '<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/"><channel>'
            "<wp:wxr_version>1.2</wp:wxr_version><item><title>&x;</title>"
            "<wp:post_id>1</wp:post_id><wp:post_type>post</wp:post_type>"
            "<description>&x;</description></item></channel></rss>"
        )
        try:
            out, err = run(fmt, str(path), "--dry-run", "--format", "json")
        except CommandError as exc:
            out, err = str(exc), ""
        assert "TOP-SECRET-VALUE" not in out + err, fmt
    assert nothing_written()


# -- sources on the web -----------------------------------------------------------------------


def test_import_from_a_url(image_server) -> None:
    out, _ = run("rss", f"{image_server.url}/feed.xml")
    assert re.search(r"[1-9]\d* created", out)
    article = Article.objects.get(slug="library-extends-weekend-hours")
    assert article.original_url == (
        "https://www.harborcourier.example/post/library-extends-weekend-hours"
    )


def test_a_url_that_fails_is_a_clear_error(image_server) -> None:
    with pytest.raises(CommandError, match=r"/missing\.xml: the server answered 404"):
        run("rss", f"{image_server.url}/missing.xml")
    with pytest.raises(CommandError, match="only files and http"):
        run("rss", "ftp://127.0.0.1/feed.xml")
    with pytest.raises(CommandError, match="tests never use the network"):
        run("rss", "https://feeds.example.org/news.xml")
    assert nothing_written()


def test_photos_from_the_local_server_through_the_command(image_server, tmp_path) -> None:
    path = wxr_with_images("gazette.wxr.xml", image_server, tmp_path)
    out, err = run("wxr", str(path))
    assert "6 created" in out
    assert Photo.objects.filter(source_url__endswith="harbor-crane.jpg").exists()
    assert "note: photo kept as a reference" in err and "not-an-image.jpg" in err
    again, _ = run("wxr", str(path), "--no-download")
    assert Article.objects.count() == 6 and "6 skipped" in again  # a re-run is a no-op


@pytest.mark.django_db(transaction=True)
def test_import_into_an_unmigrated_database_stops_with_the_fix(tmp_path):
    from django.db import connection

    feed = tmp_path / "feed.xml"
    feed.write_text("<rss version='2.0'><channel><title>x</title></channel></rss>")
    call_command("migrate", "ingest", "zero", verbosity=0)
    try:
        with pytest.raises(CommandError, match="run `masthead migrate` first"):
            call_command("import", "rss", str(feed))
        assert "ingest_importeditem" not in connection.introspection.table_names()
    finally:
        call_command("migrate", verbosity=0)


def test_section_option_puts_every_story_there(fixtures: Path) -> None:
    Section.objects.create(name="Wire", slug="wire")
    run("wxr", str(fixtures / "newsroom.wxr.xml"), "--section", "wire")
    assert set(Article.objects.values_list("section__slug", flat=True)) == {"wire"}
    assert Section.objects.count() == 1  # the export's own categories made no sections


def test_unknown_section_is_a_clear_error_and_writes_nothing(fixtures: Path) -> None:
    with pytest.raises(CommandError, match="No section with the slug 'nowhere'"):
        run("wxr", str(fixtures / "newsroom.wxr.xml"), "--section", "nowhere")
    assert nothing_written()
