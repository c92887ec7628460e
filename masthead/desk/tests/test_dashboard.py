"""The desk's first page: what waits for whom, the review badge on every desk page, and a
contributor's submission in both at once."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from masthead.comments.models import Comment
from masthead.ingest.models import ImportedItem, WireSource
from masthead.newsroom import workflow
from masthead.newsroom.corrections import correction_add
from masthead.newsroom.models import Article
from masthead.newsroom.roles import CONTRIBUTOR, EDITOR
from masthead.testing.factories import make_article, make_comment, make_publication, make_user

pytestmark = pytest.mark.django_db

DESK = "/newsroom/"


@pytest.fixture
def people():
    make_publication(name="The Test Gazette", time_zone="America/Chicago")
    return make_user(role=EDITOR, first_name="Eddie"), make_user(role=CONTRIBUTOR)


def _panel(html: str, heading_id: str) -> str:
    start = html.index(f'id="{heading_id}"')
    return html[start : html.index("</section>", start)]


def test_a_contributors_submission_shows_on_the_editors_desk_and_badge_at_once(client, people):
    editor, contributor = people
    draft = make_article(headline="Pier lights to be replaced", status=Article.Status.DRAFT,
                         created_by=contributor, published_at=None)  # fmt: skip
    client.force_login(editor)
    before = client.get(DESK).content.decode()
    assert "No stories in review" in before
    workflow.article_submit_for_review(article=draft, user=contributor)
    page = client.get(DESK).content.decode()
    assert "<strong>1</strong> story in review" in page
    review = _panel(page, "desk-review")
    assert "Pier lights to be replaced" in review
    assert reverse("admin:newsroom_article_change", args=[draft.pk]) in review
    # The badge is on every desk page, not only the first.
    other = client.get(reverse("admin:newsroom_article_changelist")).content.decode()
    assert "<strong>1</strong> story in review" in other


def test_the_editors_desk_shows_the_day(client, people):
    editor, contributor = people
    now = timezone.now()
    make_article(headline="Budget vote tomorrow", status=Article.Status.SCHEDULED,
                 published_at=now + timedelta(days=1))  # fmt: skip
    make_article(headline="Far-off feature", status=Article.Status.SCHEDULED,
                 published_at=now + timedelta(days=30))  # fmt: skip
    live = make_article(headline="Ferry back on time", published_at=now - timedelta(minutes=1))
    make_article(headline="My own draft", status=Article.Status.DRAFT, created_by=editor,
                 published_at=None)  # fmt: skip
    make_article(headline="Someone else's draft", status=Article.Status.DRAFT,
                 created_by=contributor, published_at=None)  # fmt: skip
    make_comment(live, status=Comment.Status.PENDING)
    correction_add(article=live, user=editor, text="The ferry left at 7, not 8.")
    wire_story = make_article(headline="Wire: storm moves east", status=Article.Status.IN_REVIEW)
    source = WireSource.objects.create(name="Lakeshore wire", format="ninjs",
                                       location="https://wire.example/feed.json")  # fmt: skip
    ImportedItem.objects.create(source="ninjs:wire", source_id="1", article=wire_story,
                                wire_source=source, content_hash="x")  # fmt: skip
    client.force_login(editor)
    page = client.get(DESK).content.decode()
    assert "Budget vote tomorrow" in _panel(page, "desk-scheduled")
    assert "Far-off feature" not in page  # the coming week, not the whole calendar
    assert "Ferry back on time" in _panel(page, "desk-today")
    drafts = _panel(page, "desk-drafts")
    assert "My own draft" in drafts and "Someone else" not in drafts
    assert 'class="desk-count">1</span>' in _panel(page, "desk-comments")
    assert "Wire: storm moves east" in _panel(page, "desk-wire")
    assert "Ferry back on time" in _panel(page, "desk-corrections")


def test_a_contributors_desk_holds_only_their_own_work(client, people):
    editor, contributor = people
    mine = make_article(headline="My submitted piece", status=Article.Status.IN_REVIEW,
                        created_by=contributor)  # fmt: skip
    make_article(headline="An editor's piece in review", status=Article.Status.IN_REVIEW,
                 created_by=editor)  # fmt: skip
    client.force_login(contributor)
    page = client.get(DESK).content.decode()
    review = _panel(page, "desk-review")
    assert mine.headline in review and "An editor's piece" not in review
    assert "<strong>1</strong> story in review" in page
    assert 'id="desk-comments"' not in page and 'id="desk-wire"' not in page


def test_the_desk_page_costs_the_same_queries_with_more_stories(client, people):
    editor, _ = people
    client.force_login(editor)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(DESK).status_code == 200
        return len(queries)

    make_article(status=Article.Status.IN_REVIEW)
    count()
    few = count()
    for n in range(12):
        story = make_article(status=Article.Status.IN_REVIEW, headline=f"Queued story {n}")
        make_article(created_by=editor, status=Article.Status.DRAFT, published_at=None)
        correction_add(article=make_article(), user=editor, text=f"Fixed a name, {n}.")
        make_comment(story, status=Comment.Status.PENDING)
    assert count() == few


def test_a_bilingual_desk_filters_by_language(client, people):
    from masthead.newsroom.models import Publication

    editor, _ = people
    Publication.objects.update(other_languages="es")
    Publication.objects.get().save()  # the cached publication is refreshed
    now = timezone.now()
    make_article(headline="Ferry fares rise", published_at=now - timedelta(minutes=5))
    make_article(headline="Suben las tarifas del ferry", language="es",
                 published_at=now - timedelta(minutes=4))  # fmt: skip
    client.force_login(editor)
    every = _panel(client.get(DESK).content.decode(), "desk-today")
    assert "Ferry fares rise" in every and "Suben las tarifas del ferry" in every
    page = client.get(DESK, {"language": "es"}).content.decode()
    spanish = _panel(page, "desk-today")
    assert "Suben las tarifas del ferry" in spanish and "Ferry fares rise" not in spanish
    assert '<span aria-current="true" lang="es">Español</span>' in page
    assert "?state=live&amp;language=es" in page
    # The story list the panel links to takes the same filter.
    listed = client.get(reverse("admin:newsroom_article_changelist"), {"language": "es"})
    assert "Suben las tarifas del ferry" in listed.content.decode()
    assert "Ferry fares rise" not in listed.content.decode()
    # A language the paper does not publish in is ignored, not an error.
    assert client.get(DESK, {"language": "xx"}).status_code == 200


def test_a_one_language_desk_shows_no_language_filter(client, people):
    editor, _ = people
    client.force_login(editor)
    assert "desk-languages" not in client.get(DESK).content.decode()
