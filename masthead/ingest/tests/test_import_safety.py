"""An import never damages what is live: a damaged file writes nothing (unless salvaged, and
then nothing live gets less), an undated or empty item never goes live, the desk's decisions
stand, and from a shell a run with failed items exits non-zero."""

from __future__ import annotations

import contextlib
import importlib
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from masthead.ingest.loader import load_records
from masthead.ingest.records import StoryRecord
from masthead.newsroom.models import Article, StatusChange
from masthead.newsroom.workflow import article_unpublish
from masthead.testing.factories import make_publication, make_user

pytestmark = pytest.mark.django_db
ImportCommand = importlib.import_module("masthead.ingest.management.commands.import").Command

PARAGRAPH = (
    "The harbor board met late into the evening and heard from fishers, ferry crews and "
    "people who live along the shore about the plan to deepen the channel. "
)


def item(number: int, *, photo: str, paragraphs: int = 6, date: bool = True) -> str:
    body = "".join(f"<p>{PARAGRAPH}Paragraph {n} of story {number}.</p>" for n in range(paragraphs))
    pub = f"<pubDate>Tue, 0{number} Mar 2026 09:30:00 -0500</pubDate>" if date else ""
    return f"""
    <item>
      <title>Harbor board story number {number}</title>
      <link>https://gazette.example/2026/03/story-{number}</link>
      <guid isPermaLink="false">gazette-{number}</guid>
      <description>A short summary of story {number} for the feed.</description>
      <dc:creator>Rosa Marsh</dc:creator>
      {pub}
      <content:encoded><![CDATA[{body}]]></content:encoded>
      <media:content url="{photo}" medium="image" width="1600" height="1000">
        <media:description>The harbor at dawn, story {number}.</media:description>
        <media:credit>Lee Park/Gazette</media:credit>
      </media:content>
    </item>"""


def feed(photo: str, *items: str) -> bytes:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">
  <channel>
    <title>The Harbor Gazette</title>
    <link>https://gazette.example/</link>
    <description>News from the harbor</description>
    {"".join(items)}
  </channel>
</rss>
""".encode()


@pytest.fixture(autouse=True)
def publication():
    return make_publication(name="The Harbor Gazette", time_zone="America/New_York")


@pytest.fixture
def full_feed(image_server) -> bytes:
    photo = f"{image_server.url}/harbor-crane.jpg"
    return feed(photo, *(item(n, photo=photo) for n in (1, 2, 3)))


def run(path: Path, *args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("import", "rss", str(path), "--no-progress", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def live_state() -> dict[str, tuple]:
    return {
        a.slug: (a.status, a.dek, a.body_html, a.hero_photo_id, a.headline)
        for a in Article.objects.order_by("pk")
    }


def test_a_feed_cut_short_writes_nothing(full_feed: bytes, tmp_path: Path) -> None:
    path = tmp_path / "feed.xml"
    path.write_bytes(full_feed)
    run(path)
    before = live_state()
    assert len(before) == 3 and all(hero for _s, _d, _b, hero, _h in before.values())
    # The way a download cut off mid-transfer looks: the first 1,900 bytes, then nothing.
    path.write_bytes(full_feed[:1900])
    with pytest.raises(CommandError, match=r"not well-formed.*Nothing was imported.*--salvage"):
        run(path)
    assert live_state() == before


def test_salvage_imports_what_can_be_read_but_never_gives_a_live_story_less(
    full_feed: bytes, tmp_path: Path, image_server
) -> None:
    path = tmp_path / "feed.xml"
    path.write_bytes(full_feed)
    run(path)
    before = live_state()
    photo = f"{image_server.url}/harbor-crane.jpg"
    # Story 1 edited at the source (a new headline), story 2 cut in the middle of its body.
    edited = item(1, photo=photo).replace("number 1<", "number 1, revised<")
    cut = feed(photo, edited, item(2, photo=photo))
    cut = cut[: cut.index(b"Paragraph 3 of story 2")]
    path.write_bytes(cut)
    out, err = run(path, "--salvage")
    after = live_state()
    first, second = (a.slug for a in Article.objects.order_by("pk")[:2])
    assert after[first][4] == "Harbor board story number 1, revised"
    assert after[second] == before[second]
    assert "not updated, the live story would lose part of its body" in err
    assert "1 updated" in out


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(cut=st.integers(min_value=1, max_value=10_000), salvage=st.booleans())
def test_no_cut_of_a_feed_shortens_a_live_story(
    full_feed: bytes, tmp_path: Path, cut: int, salvage: bool
) -> None:
    path = tmp_path / "feed.xml"
    if not Article.objects.exists():
        path.write_bytes(full_feed)
        run(path)
    live = Article.objects.filter(imported_items__source_id__startswith="gazette-")
    words = {a.pk: a.word_count for a in live}
    heroes = {a.pk: a.hero_photo_id for a in live}
    path.write_bytes(full_feed[: cut % len(full_feed)])
    with contextlib.suppress(CommandError):  # refused whole: one of the right answers
        run(path, *(["--salvage"] if salvage else []))
    for article in Article.objects.filter(pk__in=words):
        assert article.word_count >= words[article.pk]
        assert article.hero_photo_id == heroes[article.pk]
        assert article.status == Article.Status.PUBLISHED
    # What a salvage made of a cut item (its id or date lost) never went live.
    for article in Article.objects.exclude(pk__in=words):
        assert article.status not in Article.LIVE_STATUSES or article.word_count > 0


def record(**fields) -> StoryRecord:
    fields.setdefault("source", "feed")
    fields.setdefault("source_id", "1")
    fields.setdefault("headline", "Ferry timetable changes on Monday")
    fields.setdefault("body_html", "<p>" + PARAGRAPH * 3 + "</p>")
    return StoryRecord(**fields)


def test_an_undated_item_is_held_for_review_never_dated_now() -> None:
    report = load_records([record()])
    article = Article.objects.get()
    assert article.status == Article.Status.IN_REVIEW
    assert article.published_at is None
    assert report.held == 1 and "1 held for review" in report.summary()
    assert any("no publication date could be read" in w for w in report.warnings)
    change = StatusChange.objects.get(article=article)
    assert "held for review: no publication date could be read" in change.note
    assert not Article.objects.live().exists()


def test_a_title_only_item_never_becomes_the_home_page_lead(client) -> None:
    from datetime import UTC, datetime

    load_records([record(body_html="", published=datetime(2026, 3, 2, 9, tzinfo=UTC))])
    article = Article.objects.get()
    assert article.status == Article.Status.IN_REVIEW
    assert article.headline.encode() not in client.get("/").content


def test_an_import_never_republishes_a_story_an_editor_unpublished() -> None:
    from datetime import UTC, datetime

    when = datetime(2026, 3, 2, 9, tzinfo=UTC)
    load_records([record(published=when)])
    article = Article.objects.get()
    assert article.status == Article.Status.PUBLISHED
    article_unpublish(article=article, user=make_user(role="Editor", is_staff=True))
    load_records([record(published=when, headline="Ferry timetable changes again")])
    article.refresh_from_db()
    assert article.status == Article.Status.UNPUBLISHED
    assert article.headline == "Ferry timetable changes again"  # the text still follows


def test_an_update_with_no_body_leaves_the_live_story_alone() -> None:
    from datetime import UTC, datetime

    when = datetime(2026, 3, 2, 9, tzinfo=UTC)
    load_records([record(published=when)])
    before = Article.objects.get().body_html
    report = load_records([record(published=when, body_html="")])
    article = Article.objects.get()
    assert article.body_html == before and article.status == Article.Status.PUBLISHED
    assert report.skipped == 1
    assert any("would lose its body" in w for w in report.warnings)


@pytest.mark.django_db(transaction=True)
def test_from_a_shell_a_run_with_a_failed_item_exits_non_zero(tmp_path: Path, capsys) -> None:
    make_publication(name="The Harbor Gazette")
    path = tmp_path / "feed.xml"
    path.write_bytes(feed("", item(1, photo="https://img.example/a.jpg"), "<item></item>"))
    command = ImportCommand()
    with pytest.raises(SystemExit) as exited:
        command.run_from_argv(["masthead", "import", "rss", str(path), "--no-download"])
    assert exited.value.code == 1
    assert "1 created, 0 updated, 0 skipped, 1 failed" in capsys.readouterr().out
    assert Article.objects.count() == 1  # the good item is in; the exit code says not all
