"""A tag only on stories readers cannot see answers 404: its name would leak the story."""

from __future__ import annotations

import pytest

from masthead.newsroom.models import Article
from masthead.testing.factories import make_article, make_publication, make_tag

pytestmark = pytest.mark.django_db


@pytest.fixture
def hidden_tag():
    make_publication()
    tag = make_tag(name="Acme merger")
    make_article(tags=[tag], status=Article.Status.DRAFT)
    make_article(tags=[tag], status=Article.Status.UNPUBLISHED)
    return tag


def test_tag_page_and_feeds_answer_404_for_a_tag_on_hidden_stories_only(client, hidden_tag):
    urls = [f"/tag/{hidden_tag.slug}/"] + [
        f"/feeds/tag/{hidden_tag.slug}/{fmt}/" for fmt in ("rss", "atom", "json")
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 404, url
        assert "Acme merger" not in response.content.decode(), url


def test_tag_page_and_feeds_work_once_a_story_with_the_tag_is_live(client, hidden_tag):
    make_article(tags=[hidden_tag], headline="Acme and Bolt agree to merge")
    assert client.get(f"/tag/{hidden_tag.slug}/").status_code == 200
    for fmt in ("rss", "atom", "json"):
        response = client.get(f"/feeds/tag/{hidden_tag.slug}/{fmt}/")
        assert response.status_code == 200
        assert "Acme and Bolt agree to merge" in response.content.decode()
