"""The loader: invented stories through the real parsers into the database."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from django.utils import timezone

from masthead.comments.models import Comment
from masthead.ingest.formats import ninjs, wxr
from masthead.ingest.loader import ImportReport, comment_text, load_records
from masthead.ingest.models import ImportedItem
from masthead.ingest.records import CommentRecord, PhotoRecord, StoryRecord
from masthead.ingest.tests.conftest import wxr_with_images
from masthead.newsroom.models import Article, Author, Byline, Section, StatusChange, Tag
from masthead.newsroom.revisions import revision_restore
from masthead.photos.models import Photo
from masthead.photos.tests.images import jpeg_with_xmp
from masthead.redirects.models import Redirect
from masthead.testing.factories import make_article, make_author, make_publication, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def publication():
    return make_publication(name="The Harbor Gazette", time_zone="America/New_York")


@pytest.fixture
def gazette(image_server, tmp_path) -> Path:
    return wxr_with_images("gazette.wxr.xml", image_server, tmp_path)


def import_wxr(path: Path, **options) -> ImportReport:
    result = wxr.parse(path)
    report = load_records(result.records, **options)
    report.add_parse_errors(result)
    return report


def story(source_id: str) -> Article:
    return ImportedItem.objects.select_related("article").get(source_id=source_id).article


def counts() -> dict[str, int]:
    models = (Article, Author, Byline, Section, Tag, Photo, Comment, Redirect, ImportedItem)
    return {model.__name__: model.objects.count() for model in models}


def record(**fields) -> StoryRecord:
    fields.setdefault("source", "test")
    fields.setdefault("source_id", "1")
    fields.setdefault("headline", "Tide gauge shows record high water")
    fields.setdefault("body_html", "<p>The gauge read 3.2 metres.</p>")
    fields.setdefault("published", datetime(2024, 4, 2, 9, 0, tzinfo=UTC))
    return StoryRecord(**fields)


# -- a whole WordPress export -----------------------------------------------------------------


def test_counts_and_the_malformed_item_with_its_position(gazette, publication) -> None:
    report = import_wxr(gazette)
    assert (report.created, report.updated, report.skipped, report.failed) == (6, 0, 0, 1), (
        report.errors
    )
    assert report.errors == ["item #8: item 'A broken item' has no wp:post_id"]
    assert Article.objects.count() == 6


def test_story_fields(gazette, publication) -> None:
    import_wxr(gazette)
    article = story("401")
    assert article.headline == "Harbor bridge opens to traffic after three years"
    assert article.slug == "harbor-bridge-opens"
    assert article.dek == "Commuters save twenty minutes each way."
    assert article.section.name == "Local" and article.section.slug == "local"
    assert sorted(t.name for t in article.tags.all()) == ["bridges", "traffic"]
    assert article.status == Article.Status.PUBLISHED
    assert article.published_at == datetime(2024, 5, 14, 10, 30, tzinfo=UTC)
    assert article.updated_at == datetime(2024, 5, 14, 15, 0, tzinfo=UTC)
    assert article.body_format == Article.BodyFormat.HTML
    assert article.original_url == "https://gazette.example.org/2024/05/harbor-bridge-opens/"
    assert article.source_name == ""  # the paper's own story, not syndicated
    assert article.is_live


def test_writer_and_bylines_in_order(gazette, publication) -> None:
    import_wxr(gazette)
    article = story("401")
    assert article.writer.name == "Lina North"
    assert article.writer.kind == Author.Kind.PERSON
    assert [a.name for a in article.byline_authors] == ["Lina North", "Ravi Menon"]
    assert article.byline == "Lina North and Ravi Menon"
    desk = story("402").writer
    assert desk.name == "Gazette News Desk" and desk.kind == Author.Kind.ORGANIZATION
    assert len({a.slug for a in Author.objects.all()}) == Author.objects.count()


def test_hero_photo_downloaded_with_caption_and_credit_apart(gazette, publication) -> None:
    import_wxr(gazette)
    photo = story("401").hero_photo
    assert photo is not None and photo.image and photo.width == 1600
    assert photo.caption == "A crane lifts the last span into place on Monday."
    assert (photo.photographer, photo.agency) == ("Omar Haddad", "Gazette")
    assert photo.credit == "Omar Haddad/Gazette"
    assert photo.alt_text == "A yellow crane over the harbor"
    assert photo.source_url.endswith("/harbor-crane.jpg")
    assert dict(photo.sized_renditions()).get(960)  # a real image, made into renditions


def test_body_caption_shortcode_and_images(gazette, publication, image_server) -> None:
    import_wxr(gazette)
    body = story("401").body_html
    assert "[caption" not in body
    assert "<figure>" in body and "<figcaption>The last span, lowered into place" in body
    # The reachable image now points at a local copy; the unreachable one stays a reference.
    span = Photo.objects.get(source_url=f"{image_server.url}/span.png")
    assert f'src="{span.url_for_width(960)}"' in body and image_server.url not in body
    assert 'src="http://gone.invalid/wp-content/uploads/old-map.jpg"' in body


def test_a_photo_that_is_not_an_image_stays_a_reference(gazette, publication) -> None:
    report = import_wxr(gazette)
    article = story("402")
    assert article.hero_photo is None
    assert article.body_html.startswith("<figure><img src=")
    assert "not-an-image.jpg" in article.body_html
    (reference,) = ImportedItem.objects.get(source_id="402").photo_references
    assert reference["url"].endswith("/not-an-image.jpg")
    assert reference["caption"].startswith("The press room after the storm.")
    assert any("not-an-image.jpg: not used as a photo" in w for w in report.warnings)
    assert not Photo.objects.filter(source_url__endswith="not-an-image.jpg").exists()


def test_statuses_and_sections(gazette, publication) -> None:
    import_wxr(gazette)
    assert story("403").status == Article.Status.DRAFT
    scheduled = story("404")
    assert scheduled.status == Article.Status.SCHEDULED and not scheduled.is_live
    assert scheduled.published_at == datetime(2099, 7, 1, 7, 0, tzinfo=UTC)
    assert story("405").status == Article.Status.UNPUBLISHED  # private
    assert story("406").section.name == "Pages"
    # A category whose slug the site itself uses gets another one.
    assert story("402").section.slug == "search-section"


def test_draft_without_gmt_date_uses_the_site_zone(gazette, publication) -> None:
    result = wxr.parse(gazette, tz="America/New_York")
    load_records(result.records)
    assert story("403").published_at == datetime(2024, 7, 1, 13, 30, tzinfo=UTC)


def test_comments_threaded_and_moderated(gazette, publication) -> None:
    import_wxr(gazette)
    article = story("401")
    comments = {c.author_name: c for c in Comment.objects.filter(article=article)}
    assert set(comments) == {"Dora from Eastside", "Gus", "Unsure Reader"}  # spam dropped
    assert comments["Gus"].parent == comments["Dora from Eastside"]
    assert comments["Dora from Eastside"].status == Comment.Status.APPROVED
    assert comments["Unsure Reader"].status == Comment.Status.PENDING
    assert comments["Dora from Eastside"].body == "About time!\n\nMy commute is finally short."
    assert comments["Gus"].created_at == datetime(2024, 5, 14, 13, 0, tzinfo=UTC)


def test_story_page_shows_approved_comments_and_never_an_email(
    gazette, publication, client
) -> None:
    import_wxr(gazette)
    page = client.get(story("401").get_absolute_url()).content.decode()
    assert "My commute is finally short." in page and "Mine too." in page
    assert "Waiting for moderation." not in page
    assert "@example.net" not in page
    assert "(Omar Haddad/Gazette)" in page


def test_dry_run_writes_and_downloads_nothing(gazette, publication, image_server) -> None:
    hits = len(image_server.hits)
    report = import_wxr(gazette, dry_run=True)
    assert (report.created, report.failed) == (6, 1)
    assert counts() == {name: 0 for name in counts()}
    assert len(image_server.hits) == hits


# -- running it again -------------------------------------------------------------------------


def test_running_again_creates_nothing_and_downloads_nothing(
    gazette, publication, image_server
) -> None:
    import_wxr(gazette)
    before, hits = counts(), len(image_server.hits)
    report = import_wxr(gazette)
    assert (report.created, report.updated, report.skipped, report.failed) == (0, 0, 6, 1)
    assert counts() == before
    assert len(image_server.hits) == hits


def test_running_again_updates_what_changed_and_keeps_moderation(gazette, publication) -> None:
    import_wxr(gazette)
    article = story("401")
    pending = Comment.objects.get(author_name="Unsure Reader")
    pending.status = Comment.Status.APPROVED  # moderated in Masthead since the import
    pending.save()
    before = counts()
    text = gazette.read_text()
    gazette.write_text(
        text.replace("after three years", "after three long years").replace(
            "Mine too.", "Mine too, by ten minutes."
        )
    )
    report = import_wxr(gazette)
    assert (report.created, report.updated, report.skipped) == (0, 1, 5)
    assert counts() == before
    updated = story("401")
    assert updated.pk == article.pk and updated.slug == article.slug
    assert updated.headline == "Harbor bridge opens to traffic after three long years"
    assert Comment.objects.get(author_name="Gus").body == "Mine too, by ten minutes."
    assert Comment.objects.get(author_name="Unsure Reader").status == Comment.Status.APPROVED


def test_matched_by_original_url_only_within_the_same_source(publication) -> None:
    load_records([record(source="feed", source_id="guid-1", original_url="https://x.example/a")])
    # The same source met again under another id: the same story.
    report = load_records(
        [record(source="feed", source_id="guid-2", original_url="https://x.example/a")]
    )
    assert (report.created, report.updated) == (0, 1)
    assert Article.objects.count() == 1 and ImportedItem.objects.count() == 2


def test_another_source_never_takes_over_a_story_by_its_public_original_url(publication):
    load_records([record(source="feed", source_id="guid-1", original_url="https://x.example/a")])
    story = Article.objects.get()
    hijack = record(
        source="someone-else",
        source_id="9",
        original_url="https://x.example/a",
        headline="Not what the paper wrote",
    )
    report = load_records([hijack])
    story.refresh_from_db()
    assert story.headline == "Tide gauge shows record high water"
    assert report.created == 1 and Article.objects.count() == 2


def test_a_story_written_in_the_newsroom_is_never_rewritten_by_an_import(publication):
    own = make_article(headline="Our own reporting", original_url="https://x.example/own")
    load_records([record(source="feed", original_url="https://x.example/own", headline="X")])
    own.refresh_from_db()
    assert own.headline == "Our own reporting" and not own.imported_items.exists()


def test_a_cut_off_excerpt_never_replaces_a_full_story(publication) -> None:
    full = "<p>" + "The whole story, paragraph after paragraph. " * 40 + "</p>"
    load_records([record(source="feed", original_url="https://x.example/a", body_html=full)])
    excerpt = record(
        source="feed",
        source_id="2",
        original_url="https://x.example/a",
        body_html="<p>The whole story…</p>",
        excerpt_only=True,
        headline="A corrected headline",
    )
    load_records([excerpt])
    article = Article.objects.get()
    assert article.headline == "A corrected headline"
    assert article.word_count > 200


# -- one bad story among good ones ------------------------------------------------------------


def test_a_story_that_fails_is_rolled_back_and_the_others_proceed(monkeypatch, publication):
    real_create = Tag.objects.create

    def create(**fields):
        if fields["name"] == "boom":
            raise RuntimeError("the tag table is on fire")
        return real_create(**fields)

    monkeypatch.setattr(Tag.objects, "create", create)
    records = [
        record(source_id="1", headline="First story", section="Weather"),
        record(source_id="2", headline="Second story", section="Harbor", tags=["boom"]),
        record(source_id="3", headline="Third story", section="Weather"),
    ]
    report = load_records(records)
    assert (report.created, report.failed) == (2, 1)
    assert report.errors == ["story #2 (2 'Second story'): RuntimeError: the tag table is on fire"]
    assert sorted(Article.objects.values_list("headline", flat=True)) == [
        "First story",
        "Third story",
    ]
    # Everything the failed story wrote went with it.
    assert not Section.objects.filter(name="Harbor").exists()
    assert not ImportedItem.objects.filter(source_id="2").exists()


# -- choices the loader makes -----------------------------------------------------------------


def test_record_slug_kept_when_free_else_made_unique(publication) -> None:
    make_article(slug="tide-gauge")
    load_records([record(source_id="1", slug="tide-gauge"), record(source_id="2", slug="fresh")])
    assert story("1").slug == "tide-gauge-2"
    assert story("2").slug == "fresh"


def test_wire_bylines_are_free_text_unless_the_author_exists(fixtures, publication) -> None:
    result = ninjs.parse(fixtures / "wire-1x.ninjs.json")
    load_records(result.records, create_authors=False)
    article = Article.objects.get()
    assert article.byline_text == "Ines Duarte" and not article.byline_authors
    assert not Author.objects.exists()
    assert article.source_name == "Example Wire"

    Article.objects.all().delete()
    ImportedItem.objects.all().delete()
    ines = make_author(name="Ines Duarte")
    load_records(result.records, create_authors=False)
    article = Article.objects.get()
    assert article.byline_authors == [ines] and article.byline_text == ""


def test_embargo_schedules_the_story_for_its_time(publication) -> None:
    embargo = timezone.now() + timedelta(hours=3)
    load_records([record(embargoed_until=embargo)])
    article = Article.objects.get()
    assert article.status == Article.Status.SCHEDULED
    assert article.published_at == embargo
    assert not Article.objects.live().exists()
    assert Article.objects.live(at=embargo + timedelta(seconds=1)).get() == article


def test_review_mode_sends_live_stories_to_the_queue_and_respects_the_desk(publication):
    load_records([record()], publish_mode="review")
    article = Article.objects.get()
    assert article.status == Article.Status.IN_REVIEW
    article.status = Article.Status.PUBLISHED
    article.save()
    report = load_records([record(headline="Tide gauge shows a new record")], publish_mode="review")
    article.refresh_from_db()
    # The live page keeps what it had; the change waits as a revision an editor accepts.
    assert article.status == Article.Status.PUBLISHED
    assert article.headline == "Tide gauge shows record high water"
    assert report.updated == 1 and report.held == 1
    proposal = article.revisions.order_by("-number").first()
    assert proposal.note.startswith("Proposed by test")
    assert proposal.content["headline"] == "Tide gauge shows a new record"
    editor = make_user(role="Editor", is_staff=True)
    revision_restore(revision=proposal, user=editor)
    article.refresh_from_db()
    assert article.headline == "Tide gauge shows a new record"
    # The same item again proposes nothing new.
    again = load_records([record(headline="Tide gauge shows a new record")], publish_mode="review")
    assert again.skipped == 1


def test_agency_writer_is_an_organization_and_own_paper_is_not_a_source(publication) -> None:
    load_records([record(writer="Lakeshore News Service", source_name="The Harbor Gazette")])
    article = Article.objects.get()
    assert article.writer.kind == Author.Kind.ORGANIZATION
    assert article.source_name == ""


def test_only_web_photos_are_ever_fetched(publication, image_server) -> None:
    hits = len(image_server.hits)
    photos = [PhotoRecord(url="file:///etc/passwd", caption="Not a photo")]
    body = '<p>Text</p><img src="ftp://127.0.0.1/a.jpg">'
    load_records([record(photos=photos, body_html=body)])
    article = Article.objects.get()
    assert article.hero_photo is None and not Photo.objects.exists()
    assert "passwd" not in article.body_html and "ftp:" not in article.body_html
    assert len(image_server.hits) == hits


def test_photo_redirected_away_from_the_web_is_refused(publication, image_server) -> None:
    photos = [
        PhotoRecord(url=f"{image_server.url}/to-file", caption="Moved"),
        PhotoRecord(url=f"{image_server.url}/to-ftp", caption="Moved"),
    ]
    body = f'<img src="{image_server.url}/to-ftp">'
    report = load_records([record(photos=photos, body_html=body)])
    assert Article.objects.get().hero_photo is None and not Photo.objects.exists()
    assert any("/to-file" in w and "not allowed" in w for w in report.warnings)
    assert any("ftp://127.0.0.1/x.jpg: only http and https" in w for w in report.warnings)
    photos = [PhotoRecord(url=f"{image_server.url}/to-photo", caption="Moved")]
    load_records([record(source_id="2", photos=photos)])
    assert story("2").hero_photo.width == 1600


def test_a_photo_over_the_size_limit_stays_a_reference(monkeypatch, publication, image_server):
    monkeypatch.setattr("masthead.ingest.media.max_photo_bytes", lambda: 1000)
    photos = [PhotoRecord(url=f"{image_server.url}/harbor-crane.jpg", credit="Omar Haddad/Gazette")]
    report = load_records([record(photos=photos)])
    assert Article.objects.get().hero_photo is None
    assert any("limit" in warning for warning in report.warnings)
    assert "<small>(Omar Haddad/Gazette)</small>" in Article.objects.get().body_html


def test_unsafe_html_in_a_record_is_sanitized_again(publication) -> None:
    load_records([record(body_html='<p onclick="x()">Hi</p><script>alert(1)</script>')])
    assert Article.objects.get().body_html == "<p>Hi</p>"


def test_comment_text_keeps_paragraphs() -> None:
    assert comment_text("<p>One<br>two</p><p>Three &amp; four</p>") == "One\ntwo\n\nThree & four"


def test_the_items_own_expiry_takes_the_story_down(publication) -> None:
    ends = timezone.now() + timedelta(days=1)
    load_records([record(expires=ends)])
    article = Article.objects.get()
    assert article.expires_at == ends and article.is_live
    assert not Article.objects.live(at=ends).exists()


def test_one_picture_in_two_stories_keeps_each_storys_caption(publication, image_server):
    url = f"{image_server.url}/harbor-crane.jpg"
    load_records(
        [
            record(source_id="1", photos=[PhotoRecord(url, "The crane on Monday.", "A/Gazette")]),
            record(source_id="2", photos=[PhotoRecord(url, "The crane, a year on.", "B/Wire")]),
        ]
    )
    first, second = story("1").hero_photo, story("2").hero_photo
    assert (first.caption, first.credit) == ("The crane on Monday.", "A/Gazette")
    assert (second.caption, second.credit) == ("The crane, a year on.", "B/Wire")
    assert first.image.name == second.image.name  # downloaded once
    assert image_server.hits.count("/harbor-crane.jpg") >= 1
    # A corrected caption at the source changes that story's photo in place.
    load_records(
        [
            record(
                source_id="1",
                photos=[PhotoRecord(url, "The crane on Monday morning.", "A/Gazette")],
            )
        ]
    )
    assert story("1").hero_photo.pk == first.pk
    assert story("1").hero_photo.caption == "The crane on Monday morning."
    assert story("2").hero_photo.caption == "The crane, a year on."


def test_wire_writer_is_created_only_for_the_house_or_the_agency(publication) -> None:
    load_records(
        [
            record(source_id="1", writer="Lena Moss", source_name="Harbor Town Courier"),
            record(source_id="2", writer="Harbor Town Courier", source_name="Harbor Town Courier"),
        ],
        create_authors=False,
    )
    assert story("1").writer is None
    courier = story("2").writer
    assert courier.name == "Harbor Town Courier" and courier.kind == Author.Kind.ORGANIZATION
    # A story that came without a byline is signed by its writer, as text when no author page.
    assert story("1").byline == "Lena Moss" and story("2").byline == "Harbor Town Courier"


def test_replies_to_replies_join_their_threads_root(publication) -> None:
    def comment(source_id: str, parent: str | None = None) -> CommentRecord:
        return CommentRecord(source_id, f"Reader {source_id}", "<p>Hi</p>", None, True, parent)

    load_records([record(comments=[comment("1"), comment("2", "1"), comment("3", "2")])])
    by_name = {c.author_name: c for c in Comment.objects.all()}
    assert by_name["Reader 1"].parent is None
    assert by_name["Reader 2"].parent == by_name["Reader 1"]
    assert by_name["Reader 3"].parent == by_name["Reader 1"]  # replies are one level deep
    assert by_name["Reader 1"].body_digest  # the spam rules can recognise it posted again


def test_every_import_leaves_a_revision_and_the_status_change(publication) -> None:
    load_records([record()])
    article = Article.objects.get()
    (revision,) = article.revisions.all()
    assert revision.note == "Imported from test" and revision.created_by is None
    (change,) = StatusChange.objects.filter(article=article)
    assert (change.from_status, change.to_status) == ("", "published")
    load_records([record(headline="Tide gauge shows a new record", status="draft")])
    assert [r.note for r in article.revisions.order_by("number")] == [
        "Imported from test",
        "Updated from test",
    ]
    latest = StatusChange.objects.filter(article=article).first()
    assert (latest.from_status, latest.to_status) == ("published", "draft")
    # The desk can see what the update from the source changed, and undo it.
    first, second = article.revisions.order_by("number")
    assert first.content["headline"] != second.content["headline"]


def test_caption_and_credit_written_into_the_photo_file_fill_in(publication, image_server):
    (image_server.root / "with-iptc.jpg").write_bytes(
        jpeg_with_xmp(caption="Gulls over the breakwater.", creator="Ines Vale", credit="Wire")
    )
    url = f"{image_server.url}/with-iptc.jpg"
    load_records([record(photos=[PhotoRecord(url, alt="Gulls")])])
    photo = story("1").hero_photo
    assert photo.caption == "Gulls over the breakwater."
    assert (photo.photographer, photo.agency, photo.alt_text) == ("Ines Vale", "Wire", "Gulls")
    # Imported again after a change elsewhere in the story: the file's caption stays.
    load_records([record(headline="Gulls return", photos=[PhotoRecord(url, alt="Gulls")])])
    assert story("1").hero_photo.caption == "Gulls over the breakwater."
