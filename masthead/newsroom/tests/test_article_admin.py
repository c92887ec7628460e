"""The story desk in the admin: permissions hold against crafted POSTs, buttons go through the
workflow, every save keeps a revision, and two editors never silently overwrite each other."""

import re
from datetime import datetime, time, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from masthead.newsroom.models import Article, Correction, Publication, Revision, StatusChange
from masthead.newsroom.roles import CONTRIBUTOR, EDITOR
from masthead.testing.factories import (
    make_article,
    make_photo,
    make_publication,
    make_section,
    make_user,
)

pytestmark = pytest.mark.django_db

Status = Article.Status


@pytest.fixture(autouse=True)
def _publication():
    make_publication()


@pytest.fixture
def contributor():
    return make_user(role=CONTRIBUTOR)


@pytest.fixture
def editor():
    return make_user(role=EDITOR, first_name="Eddie", last_name="Desk")


def draft_of(user, **fields) -> Article:
    fields.setdefault("status", Status.DRAFT)
    article = make_article(created_by=user, **fields)
    if fields["status"] in (Status.DRAFT, Status.IN_REVIEW):
        Article.objects.filter(pk=article.pk).update(published_at=None)
        article.refresh_from_db()
    return article


def change_url(article: Article) -> str:
    return reverse("admin:newsroom_article_change", args=[article.pk])


def form_data(article: Article | None = None, **overrides) -> dict:
    """What the story form posts, for a story without bylines."""
    data = {
        "headline": article.headline if article else "A new story",
        "slug": article.slug if article else "a-new-story",
        "dek": article.dek if article else "",
        "section": article.section_id if article else make_section().pk,
        "body": article.body if article else "Words of the story.",
        "body_format": "markdown",
        "hero_photo": (article.hero_photo_id or "") if article else "",
        "writer": "",
        "byline_text": "",
        "source_name": "",
        "source_credit": "",
        "original_url": "",
        "updated_at_0": "",
        "updated_at_1": "",
        "publish_at_0": "",
        "publish_at_1": "",
        "comments_enabled": "on",
        "base_version": article.version if article else "",
        "bylines-TOTAL_FORMS": "0",
        "bylines-INITIAL_FORMS": "0",
        "bylines-MIN_NUM_FORMS": "0",
        "bylines-MAX_NUM_FORMS": "1000",
    }
    if article is not None and article.has_been_public:
        count = article.corrections.count()
        data.update(
            {
                "corrections-TOTAL_FORMS": str(count),
                "corrections-INITIAL_FORMS": str(count),
                "corrections-MIN_NUM_FORMS": "0",
                "corrections-MAX_NUM_FORMS": "1000",
            }
        )
        for index, note in enumerate(article.corrections.all()):
            data[f"corrections-{index}-id"] = note.pk
            data[f"corrections-{index}-article"] = article.pk
    data.update(overrides)
    return data


def nothing_is_live_later() -> bool:
    return not Article.objects.live(at=timezone.now() + timedelta(days=365)).exists()


# --- A contributor cannot publish by any path ----------------------------------------------


def test_a_crafted_status_in_a_contributors_post_is_ignored(client, contributor):
    article = draft_of(contributor)
    client.force_login(contributor)
    response = client.post(
        change_url(article),
        form_data(
            article,
            headline="Edited by the contributor",
            status="published",
            published_at="2020-01-01 10:00",
            published_at_0="2020-01-01",
            published_at_1="10:00",
            version="1",
        ),
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.headline == "Edited by the contributor"  # the edit itself was saved
    assert article.status == Status.DRAFT
    assert article.published_at is None
    assert nothing_is_live_later()
    assert not StatusChange.objects.exists()


@pytest.mark.parametrize("move", ["publish", "schedule", "unpublish"])
def test_a_contributor_pressing_a_publishing_button_by_hand_saves_nothing(
    client, contributor, move
):
    article = draft_of(contributor)
    client.force_login(contributor)
    response = client.post(
        change_url(article),
        form_data(
            article,
            headline="Sneaky edit",
            _workflow=move,
            publish_at_0=(timezone.now() + timedelta(days=1)).strftime("%Y-%m-%d"),
            publish_at_1="10:00",
        ),
    )
    assert response.status_code == 200
    assert "Not saved." in response.content.decode()
    article.refresh_from_db()
    assert (article.headline, article.status) != ("Sneaky edit", Status.PUBLISHED)
    assert article.status == Status.DRAFT
    assert nothing_is_live_later()


def test_a_contributor_cannot_add_a_published_story(client, contributor):
    client.force_login(contributor)
    section = make_section()
    response = client.post(
        reverse("admin:newsroom_article_add"),
        form_data(section=section.pk, status="published", _workflow="publish"),
    )
    assert response.status_code == 200
    assert not Article.objects.exists()
    response = client.post(
        reverse("admin:newsroom_article_add"),
        form_data(section=section.pk, status="published", published_at_0="2020-01-01"),
    )
    assert response.status_code == 302
    article = Article.objects.get()
    assert (article.status, article.published_at, article.created_by) == (
        Status.DRAFT,
        None,
        contributor,
    )


def test_a_contributor_cannot_publish_through_the_move_page_or_bulk_actions(client, contributor):
    article = draft_of(contributor, status=Status.IN_REVIEW)
    client.force_login(contributor)
    move_url = reverse("admin:newsroom_article_move", args=[article.pk])
    client.post(move_url, {"_workflow": "publish"})
    client.post(
        reverse("admin:newsroom_article_changelist"),
        {"action": "publish_selected", "_selected_action": [article.pk]},
    )
    article.refresh_from_db()
    assert article.status == Status.IN_REVIEW
    assert nothing_is_live_later()


def test_a_contributor_cannot_post_to_a_story_in_review_even_their_own(client, contributor):
    article = draft_of(contributor, status=Status.IN_REVIEW)
    client.force_login(contributor)
    page = client.get(change_url(article))
    assert page.status_code == 200  # they may read it
    assert 'name="_save"' not in page.content.decode()
    response = client.post(change_url(article), form_data(article, headline="Changed"))
    assert response.status_code == 403
    assert Article.objects.get(pk=article.pk).headline != "Changed"


def test_a_contributor_sees_only_their_own_stories(client, contributor):
    mine = draft_of(contributor, headline="My own draft")
    theirs = draft_of(make_user(role=CONTRIBUTOR), headline="Somebody else's draft")
    live = make_article(headline="A live story by the desk")
    client.force_login(contributor)
    listing = client.get(reverse("admin:newsroom_article_changelist")).content.decode()
    assert mine.headline in listing
    assert "Somebody else" not in listing
    assert live.headline not in listing
    response = client.post(change_url(theirs), form_data(theirs, headline="Hijacked"))
    assert response.status_code in (302, 403, 404)
    assert Article.objects.get(pk=theirs.pk).headline == "Somebody else's draft"


def test_a_contributor_submits_a_draft_with_the_button(client, contributor):
    article = draft_of(contributor)
    client.force_login(contributor)
    page = client.get(change_url(article)).content.decode()
    assert "Save and submit for review" in page
    assert "Save and publish now" not in page
    assert 'value="schedule"' not in page
    response = client.post(
        change_url(article), form_data(article, body="Finished words.", _workflow="submit")
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert (article.status, article.body) == (Status.IN_REVIEW, "Finished words.")
    change = StatusChange.objects.get(article=article)
    assert change.changed_by == contributor
    assert article.revisions.get().created_by == contributor


# --- Editors' buttons ----------------------------------------------------------------------


def test_an_editor_saves_and_publishes(client, editor, contributor):
    article = draft_of(contributor, status=Status.IN_REVIEW)
    client.force_login(editor)
    page = client.get(change_url(article)).content.decode()
    assert "Save and publish now" in page
    response = client.post(
        change_url(article),
        form_data(article, headline="Edited then published", _workflow="publish"),
    )
    assert response.status_code == 302
    assert response["Location"] == change_url(article)
    article.refresh_from_db()
    assert article.headline == "Edited then published"
    assert article.is_live
    state = client.get(change_url(article)).content.decode()
    assert "In review → Published" in state
    assert "Eddie Desk" in state


def test_an_editor_schedules_with_a_time(client, editor):
    article = draft_of(editor)
    client.force_login(editor)
    # The form reads times in the publication's zone (America/New_York here), not UTC.
    zone = Publication.current().zone
    at = datetime.combine(timezone.localdate(timezone=zone) + timedelta(days=2), time(6, 30), zone)
    response = client.post(
        change_url(article),
        form_data(
            article,
            _workflow="schedule",
            publish_at_0=at.strftime("%Y-%m-%d"),
            publish_at_1=at.strftime("%H:%M"),
        ),
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.status == Status.SCHEDULED
    assert article.published_at == at
    assert not article.is_live


def test_scheduling_without_a_time_is_refused_with_a_message(client, editor):
    article = draft_of(editor)
    client.force_login(editor)
    response = client.post(change_url(article), form_data(article, _workflow="schedule"))
    assert response.status_code == 200
    assert "Choose the date and time" in response.content.decode()
    assert Article.objects.get(pk=article.pk).status == Status.DRAFT


def test_publishing_a_story_whose_photo_lacks_alt_text_is_refused_clearly(client, editor):
    article = draft_of(editor, hero_photo=make_photo(alt_text=""))
    client.force_login(editor)
    response = client.post(change_url(article), form_data(article, _workflow="publish"))
    assert response.status_code == 200
    assert "The hero photo has no alt text" in response.content.decode()
    assert not Article.objects.get(pk=article.pk).is_live


def test_editors_bulk_publish_and_unpublish(client, editor):
    drafts = [draft_of(editor) for _ in range(2)]
    blocked = draft_of(editor, hero_photo=make_photo(alt_text=""))
    client.force_login(editor)
    changelist = reverse("admin:newsroom_article_changelist")
    response = client.post(
        changelist,
        {"action": "publish_selected", "_selected_action": [a.pk for a in [*drafts, blocked]]},
        follow=True,
    )
    page = response.content.decode()
    assert "Publish now: done for 2 stories." in page
    assert "no alt text" in page
    assert Article.objects.live().count() == 2
    client.post(
        changelist,
        {"action": "unpublish_selected", "_selected_action": [a.pk for a in drafts]},
    )
    assert not Article.objects.live().exists()


# --- Revisions and the edit lock -----------------------------------------------------------


def test_every_save_keeps_a_revision(client, editor):
    article = draft_of(editor, headline="First headline")
    client.force_login(editor)
    client.post(change_url(article), form_data(article, headline="Second headline"))
    article.refresh_from_db()
    client.post(change_url(article), form_data(article, headline="Third headline"))
    revisions = list(Revision.objects.filter(article=article).order_by("number"))
    assert [r.number for r in revisions] == [1, 2]
    assert [r.content["headline"] for r in revisions] == ["Second headline", "Third headline"]
    assert {r.created_by for r in revisions} == {editor}


def test_two_editors_on_one_story_are_warned_not_overwritten(client, editor):
    other = make_user(role=EDITOR, first_name="Olga", last_name="Other")
    article = draft_of(editor, body="The original text.")
    opened = form_data(article)  # editor opens the form at this version
    other_client = type(client)()
    other_client.force_login(other)
    response = other_client.post(
        change_url(article), form_data(article, body="Olga's better text.")
    )
    assert response.status_code == 302
    client.force_login(editor)
    response = client.post(change_url(article), {**opened, "body": "Eddie's text."})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Olga Other saved this story" in page
    assert "Your changes were NOT saved" in page
    assert "Eddie&#x27;s text." in page  # still in the form, nothing lost
    assert Article.objects.get(pk=article.pk).body == "Olga's better text."
    # Saving again from the warned form is a deliberate choice and goes through.
    version = re.search(r'name="base_version" value="(\d+)"', page).group(1)
    response = client.post(
        change_url(article), {**opened, "body": "Eddie's text.", "base_version": version}
    )
    assert response.status_code == 302
    assert Article.objects.get(pk=article.pk).body == "Eddie's text."


# --- Corrections ---------------------------------------------------------------------------


def test_an_editor_appends_a_correction_in_the_form(client, editor):
    article = make_article(published_at=timezone.now() - timedelta(hours=2))
    client.force_login(editor)
    data = form_data(article)
    data.update(
        {
            "corrections-TOTAL_FORMS": "1",
            "corrections-0-kind": "correction",
            "corrections-0-text": "An earlier version misspelled the mayor's name.",
        }
    )
    response = client.post(change_url(article), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    note = Correction.objects.get(article=article)
    assert note.created_by == editor
    article.refresh_from_db()
    assert article.updated_at == note.created_at


def test_contributors_cannot_add_corrections(client, contributor):
    article = make_article(created_by=contributor)
    client.force_login(contributor)
    page = client.get(change_url(article)).content.decode()
    assert 'name="corrections-MAX_NUM_FORMS" value="0"' in page
    data = form_data(article)
    data.update(
        {"corrections-TOTAL_FORMS": "1", "corrections-0-kind": "correction",
         "corrections-0-text": "Not mine to add."}
    )  # fmt: skip
    assert client.post(change_url(article), data).status_code == 403
    assert not Correction.objects.exists()


# --- The editor's page ---------------------------------------------------------------------


def test_the_story_form_loads_its_script_and_has_no_inline_script(client, editor):
    article = draft_of(editor)
    client.force_login(editor)
    page = client.get(change_url(article)).content.decode()
    assert "newsroom/admin/article-editor.js" in page
    assert 'name="base_version"' in page
    assert "data-preview-url=" in page
    # The CSP forbids inline scripts: every <script> has a src (or holds JSON data).
    inline = [s for s in re.findall(r"<script\b[^>]*>", page) if "src=" not in s]
    assert all("application/json" in s for s in inline), inline


def test_markdown_preview_renders_sanitized_html_and_counts_words(client, contributor):
    client.force_login(contributor)
    url = reverse("admin:newsroom_article_markdown_preview")
    response = client.post(
        url, {"body": "Hello **world**, again.\n\n<script>alert(1)</script>", "body_format": ""}
    )
    assert response.status_code == 200
    result = response.json()
    assert "<strong>world</strong>" in result["html"]
    assert "<script" not in result["html"]
    assert (result["words"], result["minutes"]) == (3, 1)
    assert client.get(url).status_code == 405
    assert client.post(url, {"body": "x" * 500_001}).status_code == 400


def test_markdown_preview_needs_a_newsroom_login(client):
    url = reverse("admin:newsroom_article_markdown_preview")
    response = client.post(url, {"body": "Hello"})
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_an_editor_writes_and_publishes_a_new_story_in_one_go(client, editor):
    client.force_login(editor)
    response = client.post(
        reverse("admin:newsroom_article_add"), form_data(headline="Fresh news", _workflow="publish")
    )
    assert response.status_code == 302
    article = Article.objects.get()
    assert article.is_live and article.created_by == editor
    assert article.revisions.count() == 1


def test_view_on_site_opens_a_draft_as_its_preview(client, editor):
    draft = draft_of(editor)
    client.force_login(editor)
    page = client.get(change_url(draft)).content.decode()
    # It opens the editor's own preview link (made on first use, then reused).
    found = re.search(r'<a href="([^"]+/preview-links/open/)" class="viewsitelink">', page)
    assert found
    assert client.get(found.group(1))["Location"].startswith("/preview/")
    live = make_article()
    page = client.get(change_url(live)).content.decode()
    assert f'<a href="{live.get_absolute_url()}" class="viewsitelink">' in page


# --- What a new editor ran into (issue 13, item 8) ---------------------------------------------


def test_existing_corrections_show_in_the_story_form(client, editor):
    from masthead.newsroom.corrections import correction_add

    story = make_article()
    correction_add(article=story, user=editor, text="An earlier version misspelled the pier.")
    client.force_login(editor)
    page = client.get(change_url(story)).content.decode()
    assert "An earlier version misspelled the pier." in page
    assert 'name="corrections-INITIAL_FORMS" value="1"' in page


def test_the_scheduled_filter_lists_only_stories_not_live_yet(client, editor):
    now = timezone.now()
    waiting = make_article(headline="Waits for noon", status=Status.SCHEDULED,
                           published_at=now + timedelta(hours=3))  # fmt: skip
    gone_live = make_article(headline="Went live at dawn", status=Status.SCHEDULED,
                             published_at=now - timedelta(hours=3))  # fmt: skip
    client.force_login(editor)
    url = reverse("admin:newsroom_article_changelist")
    scheduled = client.get(url, {"state": "scheduled"}).context["cl"].result_list
    assert list(scheduled) == [waiting]
    live = client.get(url, {"state": "live"}).context["cl"].result_list
    assert gone_live in live and waiting not in live


def test_messages_end_with_one_full_stop(client, editor):
    article = draft_of(editor)
    client.force_login(editor)
    zone = Publication.current().zone
    at = datetime.combine(timezone.localdate(timezone=zone) + timedelta(days=2), time(15, 0), zone)
    response = client.post(
        change_url(article),
        form_data(article, _workflow="schedule", publish_at_0=at.strftime("%Y-%m-%d"),
                  publish_at_1=at.strftime("%H:%M")),
        follow=True,
    )  # fmt: skip
    text = response.content.decode()
    assert "is scheduled for" in text
    assert "p.m.." not in text and "a.m.." not in text
    made = client.post(reverse("admin:newsroom_article_preview_links", args=[article.pk]),
                       {"preview_action": "make"}, follow=True)  # fmt: skip
    assert "Preview link made" in made.content.decode()
    assert "m.." not in made.content.decode()


def test_a_drafts_preview_does_not_say_comments_are_closed(client, editor):
    from masthead.newsroom import preview

    article = draft_of(editor)
    link = preview.preview_link_make(article, made_by=editor)
    page = client.get(preview.preview_url(link)).content.decode()
    assert "Readers can comment once the story is published." in page
    assert "Comments on this story are closed." not in page
    assert "m.." not in page


def test_the_desk_welcomes_each_account_by_its_own_name_and_role(client, editor):
    client.force_login(editor)
    page = client.get(reverse("admin:index")).content.decode()
    assert "Welcome, <strong>Eddie Desk</strong> (Editor)." in page


def test_an_editor_at_an_admins_page_is_told_why_and_whom_to_ask(client, editor):
    make_user(role="Admin", first_name="Ada", last_name="Chief")
    client.force_login(editor)
    response = client.get(reverse("admin:newsroom_publication_changelist"))
    assert response.status_code == 403
    page = response.content.decode()
    assert "This page is for Admins" in page
    assert "Ada Chief" in page
    assert 'id="user-tools"' in page  # in the desk's frame, not the readers'


def test_the_story_form_takes_a_time_as_the_newsroom_writes_it(client, editor):
    article = draft_of(editor)
    client.force_login(editor)
    zone = Publication.current().zone
    day = timezone.localdate(timezone=zone) + timedelta(days=1)
    response = client.post(
        change_url(article),
        form_data(article, _workflow="schedule", publish_at_0=day.strftime("%Y-%m-%d"),
                  publish_at_1="6:30 p.m."),
    )  # fmt: skip
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.published_at == datetime.combine(day, time(18, 30), zone)


def test_revision_compare_preselects_the_previous_and_the_current_revision(client, editor):
    article = draft_of(editor, headline="First headline")
    client.force_login(editor)
    for headline in ("Second headline", "Third headline", "Fourth headline"):
        client.post(change_url(article), form_data(article, headline=headline))
        article.refresh_from_db()
    page = client.get(reverse("admin:newsroom_article_revisions", args=[article.pk]))
    html = page.content.decode()
    chosen_from = re.findall(r'name="from" value="(\d+)"[^>]*checked', html)
    chosen_to = re.findall(r'name="to" value="(\d+)"[^>]*checked', html)
    assert chosen_to == ["3"] and chosen_from == ["2"]  # the current one once, against the last
