"""Corrections and updates: on the story with their times, in its JSON-LD, on /corrections/."""

import json
import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from masthead.newsroom.corrections import correction_add
from masthead.newsroom.models import Article, Correction
from masthead.newsroom.roles import CONTRIBUTOR, EDITOR
from masthead.newsroom.workflow import WorkflowError, WorkflowPermissionError
from masthead.testing.clock import frozen_clock
from masthead.testing.factories import make_article, make_publication, make_user

# Query counts are of pages being made, not served from the page cache.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_off")]


@pytest.fixture(autouse=True)
def _publication():
    make_publication()


@pytest.fixture
def editor():
    return make_user(role=EDITOR)


def _json_ld(html: str) -> dict:
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(block.group(1))


def test_a_correction_shows_on_the_story_with_its_time_and_moves_the_updated_time(client, editor):
    article = make_article(published_at=timezone.now() - timedelta(days=1))
    moment = timezone.now().replace(microsecond=0)
    with frozen_clock(moment):
        note = correction_add(
            article=article, user=editor, text="An earlier version gave the wrong date."
        )
    article.refresh_from_db()
    assert article.updated_at == moment == note.created_at
    page = client.get(article.get_absolute_url()).content.decode()
    assert '<aside class="story-notes" id="corrections"' in page
    assert f'id="correction-{note.pk}"' in page
    assert "Correction</span>, <time datetime=" in page
    assert "An earlier version gave the wrong date." in page
    assert '<span class="updated">Updated <time' in page
    data = _json_ld(page)
    assert data["dateModified"] == moment.isoformat()
    assert data["correction"] == [
        {
            "@type": "CorrectionComment",
            "text": "An earlier version gave the wrong date.",
            "datePublished": moment.isoformat(),
            "url": f"http://testserver{article.get_absolute_url()}#correction-{note.pk}",
        }
    ]


def test_an_update_note_shows_on_the_story_but_is_not_a_correction(client, editor):
    article = make_article()
    correction_add(article=article, user=editor, kind="update", text="Police named the driver.")
    page = client.get(article.get_absolute_url()).content.decode()
    assert "Update</span>" in page and "Police named the driver." in page
    assert "correction" not in _json_ld(page)
    assert "Police named the driver." not in client.get("/corrections/").content.decode()


def test_notes_are_escaped(client, editor):
    article = make_article()
    correction_add(article=article, user=editor, text="<script>alert(1)</script> fixed")
    page = client.get(article.get_absolute_url()).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt; fixed" in page
    assert "<script>alert(1)" not in page


def test_only_editors_correct_and_only_stories_readers_have_seen(editor):
    article = make_article()
    with pytest.raises(WorkflowPermissionError):
        correction_add(article=article, user=make_user(role=CONTRIBUTOR), text="Nope.")
    draft = make_article(status=Article.Status.DRAFT)
    with pytest.raises(WorkflowError, match="readers have seen"):
        correction_add(article=draft, user=editor, text="Too early.")
    with pytest.raises(WorkflowError, match="Write what"):
        correction_add(article=article, user=editor, text="   ")
    assert not Correction.objects.exists()


def test_the_corrections_page_lists_every_correction_newest_first(client, editor, settings):
    settings.MASTHEAD_PAGE_SIZE = 2
    stories = [make_article(headline=f"Story number {i}") for i in range(3)]
    start = timezone.now()
    for i, article in enumerate(stories):
        with frozen_clock(start + timedelta(minutes=i)):
            correction_add(article=article, user=editor, text=f"Fix number {i}.")
    hidden = make_article(headline="Later taken down")
    correction_add(article=hidden, user=editor, text="Fix on a removed story.")
    Article.objects.filter(pk=hidden.pk).update(status=Article.Status.UNPUBLISHED)

    first = client.get("/corrections/").content.decode()
    assert first.index("Fix number 2.") < first.index("Fix number 1.")
    assert "Fix number 0." not in first
    assert f'href="{stories[2].get_absolute_url()}#correction-' in first
    second = client.get("/corrections/?page=2").content.decode()
    assert "Fix number 0." in second
    assert "removed story" not in first + second
    assert client.get("/corrections/?page=9").status_code == 404
    assert client.get("/corrections/?page=x").status_code == 404


def test_the_updated_time_cannot_be_cleared_while_a_story_has_notes(client, editor):
    from django.urls import reverse

    from masthead.newsroom.tests.test_article_admin import form_data

    article = make_article()
    correction_add(article=article, user=editor, text="A fix.")
    article.refresh_from_db()
    client.force_login(editor)
    response = client.post(
        reverse("admin:newsroom_article_change", args=[article.pk]), form_data(article)
    )
    assert response.status_code == 200
    assert "keeps an updated time" in response.content.decode()


def test_corrections_cost_the_story_page_one_query_however_many(client, editor):
    plain, one, ten = make_article(), make_article(), make_article()
    for article, notes in ((one, 1), (ten, 10)):
        for i in range(notes):
            correction_add(article=article, user=editor, text=f"Fix {i}.")
    client.get("/")  # warm the navigation and publication caches
    counts = []
    for article in (plain, one, ten):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(article.get_absolute_url()).status_code == 200
        counts.append(len(captured.captured_queries))
    assert counts[1] == counts[2] == counts[0] + 1
