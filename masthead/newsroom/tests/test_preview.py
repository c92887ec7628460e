"""Preview links: signed, expiring, no login, never indexed or cached."""

from datetime import timedelta

import pytest
from django.utils import timezone

from masthead.newsroom import preview
from masthead.newsroom.models import Article
from masthead.testing.clock import frozen_clock
from masthead.testing.factories import make_article, make_photo, make_publication

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft():
    make_publication(name="The Test Gazette")
    article = make_article(
        headline="Budget talks stall at city hall",
        body="The council could not agree.",
        status=Article.Status.DRAFT,
        hero_photo=make_photo(caption="The council chamber."),
    )
    Article.objects.filter(pk=article.pk).update(published_at=None)
    article.refresh_from_db()
    return article


def test_a_preview_link_shows_the_draft_as_readers_will_see_it_without_login(client, draft):
    response = client.get(preview.preview_url(preview.preview_link_make(draft)))
    assert response.status_code == 200
    page = response.content.decode()
    assert '<h1 id="story-headline" class="story-headline">Budget talks stall' in page
    assert "The council could not agree." in page
    assert "The council chamber." in page
    assert "Preview: draft, not published" in page
    assert '<meta name="robots" content="noindex, nofollow">' in page
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-store" in response["Cache-Control"]
    assert response["Referrer-Policy"] == "no-referrer"
    # The story itself stays unpublished.
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_a_preview_shows_the_latest_saved_text(client, draft):
    url = preview.preview_url(preview.preview_link_make(draft))
    draft.body = "They agreed after all."
    draft.save()
    assert "They agreed after all." in client.get(url).content.decode()


@pytest.mark.parametrize(
    "tamper",
    [
        lambda token: token[:-1] + ("A" if token[-1] != "A" else "B"),  # signature
        lambda token: "9999" + token[token.index(":") :],  # another story's id
        lambda token: "not-a-token",
    ],
)
def test_a_tampered_preview_link_is_not_found(client, draft, tamper):
    token = preview.preview_token(preview.preview_link_make(draft))
    assert client.get(f"/preview/{tamper(token)}/").status_code == 404


def test_a_preview_link_expires(client, draft, settings):
    settings.MASTHEAD_PREVIEW_HOURS = 48
    start = timezone.now()
    with frozen_clock(start) as clock:
        url = preview.preview_url(preview.preview_link_make(draft))
        clock.advance(hours=47, minutes=59)
        assert client.get(url).status_code == 200
        clock.advance(minutes=2)
        response = client.get(url)
    assert response.status_code == 403
    assert "This preview link has expired" in response.content.decode()
    assert response["X-Robots-Tag"] == "noindex, nofollow"


def test_a_preview_of_a_deleted_story_is_not_found(client, draft):
    url = preview.preview_url(preview.preview_link_make(draft))
    draft.delete()
    assert client.get(url).status_code == 404


def test_a_scheduled_story_preview_says_when_it_goes_live(client, draft):
    Article.objects.filter(pk=draft.pk).update(
        status=Article.Status.SCHEDULED, published_at=timezone.now() + timedelta(days=1)
    )
    page = client.get(preview.preview_url(preview.preview_link_make(draft))).content.decode()
    assert "Preview: scheduled, not published until <time" in page
