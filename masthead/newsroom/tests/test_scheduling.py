"""A scheduled story appears on every reader page exactly when its time comes, with no job."""

from datetime import timedelta

import pytest
from django.utils import timezone

from masthead.newsroom import workflow
from masthead.newsroom.models import Article
from masthead.newsroom.roles import EDITOR
from masthead.testing.clock import frozen_clock
from masthead.testing.factories import (
    make_article,
    make_author,
    make_publication,
    make_section,
    make_tag,
    make_user,
)

pytestmark = pytest.mark.django_db

HEADLINE = "Harbor bridge opens to traffic at dawn"


@pytest.fixture
def scheduled():
    make_publication()
    section = make_section(name="City", slug="city")
    tag = make_tag(name="Bridges")
    author = make_author(name="Ana Ruiz", slug="ana-ruiz")
    make_article(section=section, headline="An older story already out")
    article = make_article(
        section=section, headline=HEADLINE, tags=[tag], authors=[author],
        status=Article.Status.DRAFT,
    )  # fmt: skip
    go_live = timezone.now() + timedelta(hours=6)
    workflow.article_schedule(article=article, user=make_user(role=EDITOR), publish_at=go_live)
    article.refresh_from_db()
    return article


def _pages(article):
    return {
        "/": 200,
        "/archive/": 200,
        "/city/": 200,
        "/tag/bridges/": 200,
        "/author/ana-ruiz/": 200,
        article.get_absolute_url(): None,
    }


def test_a_scheduled_story_appears_everywhere_exactly_at_its_time(client, scheduled):
    go_live = scheduled.published_at
    with frozen_clock(go_live - timedelta(seconds=1)) as clock:
        for url in _pages(scheduled):
            response = client.get(url)
            if url == scheduled.get_absolute_url():
                assert response.status_code == 404
            else:
                assert HEADLINE not in response.content.decode(), url
        clock.advance(seconds=1)
        for url in _pages(scheduled):
            response = client.get(url)
            assert response.status_code == 200, url
            assert HEADLINE in response.content.decode(), url
    # Nothing was written to make it so: visibility is decided when the page is asked for.
    assert Article.objects.get(pk=scheduled.pk).status == Article.Status.SCHEDULED


def _ages(cache_control: str) -> dict[str, int]:
    return {
        name: int(value)
        for name, _, value in (part.strip().partition("=") for part in cache_control.split(","))
        if value
    }


def test_no_reader_page_sends_caching_headers_that_would_hide_it(client, scheduled):
    # A page cached before the time must not outlive it: neither a browser (max-age) nor a CDN
    # (s-maxage, then stale-while-revalidate) may keep it past the story's minute.
    with frozen_clock(scheduled.published_at - timedelta(seconds=30)):
        for url in list(_pages(scheduled))[:-1]:
            response = client.get(url)
            ages = _ages(response.get("Cache-Control", ""))
            if response.status_code == 200:  # the tag page is a 404 until the story is out
                assert {"max-age", "s-maxage", "stale-while-revalidate"} <= set(ages), url
            assert ages.get("max-age", 0) <= 30, url
            assert ages.get("s-maxage", 0) + ages.get("stale-while-revalidate", 0) <= 30, url
    # Far from any story's time, the configured ages apply.
    with frozen_clock(scheduled.published_at - timedelta(hours=2)):
        ages = _ages(client.get("/city/")["Cache-Control"])
        assert ages["max-age"] == 60 and ages["s-maxage"] == 600


def test_live_is_the_single_rule(scheduled):
    assert not Article.objects.live().filter(pk=scheduled.pk).exists()
    assert Article.objects.live(at=scheduled.published_at).filter(pk=scheduled.pk).exists()
    assert not scheduled.is_live


def test_caches_can_ask_when_the_next_story_goes_live(scheduled):
    assert Article.objects.next_going_live() == scheduled.published_at
    assert Article.objects.next_going_live(after=scheduled.published_at) is None
