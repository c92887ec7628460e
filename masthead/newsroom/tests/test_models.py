from datetime import UTC, datetime, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from masthead.newsroom.models import Article, Section
from masthead.testing.factories import make_article, make_author, make_section

pytestmark = pytest.mark.django_db


def test_slug_comes_from_the_headline_and_stays_unique():
    first = make_article(headline="Budget Passes, 5–2!")
    second = make_article(headline="Budget passes 5-2")
    assert first.slug == "budget-passes-52"
    assert second.slug == "budget-passes-5-2"
    third = make_article(headline="Budget Passes, 5–2!")
    assert third.slug == "budget-passes-52-2"


def test_word_count_and_reading_time_are_computed_from_the_body():
    article = make_article(body=" ".join(["word"] * 640))
    assert article.word_count == 640
    assert article.reading_minutes == 3
    article.body = "Short."
    article.save()
    assert (article.word_count, article.reading_minutes) == (1, 1)


def test_body_html_is_sanitized_when_saved():
    article = make_article(body='Hi <script>alert(1)</script><img src=x onerror="alert(2)">')
    assert "<script" not in article.body_html
    assert "onerror" not in article.body_html


def test_html_body_format_is_sanitized_not_rendered_as_markdown():
    article = make_article(body="<p>*kept*</p><a href='javascript:x'>y</a>", body_format="html")
    assert "<p>*kept*</p>" in article.body_html
    assert "javascript" not in article.body_html


def test_live_hides_drafts_future_and_unpublished_stories():
    now = timezone.now()
    live = make_article()
    make_article(status=Article.Status.DRAFT)
    make_article(status=Article.Status.UNPUBLISHED)
    future = make_article(status=Article.Status.SCHEDULED, published_at=now + timedelta(hours=1))
    assert list(Article.objects.live()) == [live]
    assert set(Article.objects.live(at=now + timedelta(hours=2))) == {live, future}


def test_byline_joins_authors_in_order_and_adds_the_free_text_byline():
    ana, tom = make_author(name="Ana Ruiz"), make_author(name="Tom Bell")
    assert make_article(authors=[tom, ana]).byline == "Tom Bell and Ana Ruiz"
    wire = make_article(authors=[], byline_text="Dana Whitfield, Lakeshore News Service")
    assert wire.byline == "Dana Whitfield, Lakeshore News Service"
    three = make_article(authors=[ana, tom], byline_text="Lee Park")
    assert three.byline == "Ana Ruiz, Tom Bell and Lee Park"


def test_section_slugs_cannot_shadow_site_paths():
    section = Section(name="Archive", slug="archive")
    with pytest.raises(ValidationError):
        section.full_clean()
    make_section(slug="news").full_clean()


def test_story_url_carries_section_and_local_publication_date(settings):
    from masthead.testing.factories import make_publication

    make_publication(time_zone="America/Los_Angeles")
    section = make_section(slug="city")
    when = datetime(2026, 3, 1, 5, 0, tzinfo=UTC)  # Feb 28 in Los Angeles
    article = make_article(section=section, headline="Ferry returns", published_at=when)
    assert article.get_absolute_url() == "/city/2026/02/28/ferry-returns/"
