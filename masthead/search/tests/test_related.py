"""Related stories on the story page: shared tags first, then similar words, then the section,
live stories only, within the page's query budget."""

from datetime import timedelta

import pytest
from django.utils import timezone

from masthead.newsroom.models import Article
from masthead.search.related import related_stories
from masthead.testing.factories import make_article, make_publication, make_section, make_tag

pytestmark = pytest.mark.django_db


def _related(article) -> list[int]:
    article = Article.objects.for_story_page().get(pk=article.pk)
    return [story.pk for story in related_stories(article)]


@pytest.fixture
def newsroom():
    make_publication()
    return {"city": make_section(name="City"), "sports": make_section(name="Sports")}


def test_more_shared_tags_rank_higher_than_fewer(newsroom):
    harbor, ferries, budget = make_tag(name="Harbor"), make_tag(name="Ferries"), make_tag()
    story = make_article(section=newsroom["city"], headline="Ferry returns", tags=[harbor, ferries])
    two_tags = make_article(section=newsroom["sports"], headline="Rowing", tags=[harbor, ferries],
                            published_at=timezone.now() - timedelta(days=5))  # fmt: skip
    one_tag = make_article(section=newsroom["sports"], headline="Sailing", tags=[harbor, budget])
    assert _related(story)[:2] == [two_tags.pk, one_tag.pk]


def test_similar_headlines_are_related_without_shared_tags_or_section(newsroom):
    story = make_article(section=newsroom["city"], headline="Lighthouse keeper retires")
    similar = make_article(section=newsroom["sports"], headline="New keeper for the lighthouse")
    unrelated = make_article(section=newsroom["sports"], headline="Cup final tonight")
    one_word = make_article(section=newsroom["sports"], headline="Lighthouse run on Sunday")
    related = _related(story)
    assert similar.pk in related
    assert unrelated.pk not in related
    assert one_word.pk not in related  # one shared word says little


def test_tags_outrank_words_which_outrank_the_section(newsroom):
    tag = make_tag(name="Waterfront")
    story = make_article(section=newsroom["city"], headline="Lighthouse keeper retires", tags=[tag])
    same_section = make_article(section=newsroom["city"], headline="Council meets")
    similar_words = make_article(section=newsroom["sports"], headline="Lighthouse keeper run")
    shared_tag = make_article(section=newsroom["sports"], headline="Pier market", tags=[tag])
    assert _related(story) == [shared_tag.pk, similar_words.pk, same_section.pk]


def test_only_live_stories_and_never_the_story_itself(newsroom):
    tag = make_tag()
    story = make_article(section=newsroom["city"], tags=[tag])
    live = make_article(section=newsroom["city"], tags=[tag])
    make_article(section=newsroom["city"], tags=[tag], status="draft")
    make_article(section=newsroom["city"], tags=[tag], status="unpublished")
    make_article(section=newsroom["city"], tags=[tag], status="scheduled",
                 published_at=timezone.now() + timedelta(hours=1))  # fmt: skip
    assert _related(story) == [live.pk]


def test_at_most_four_and_none_from_years_away(newsroom):
    tag = make_tag()
    story = make_article(section=newsroom["city"], tags=[tag])
    make_article(section=newsroom["city"], tags=[tag],
                 published_at=timezone.now() - timedelta(days=800))  # fmt: skip
    recent = [make_article(section=newsroom["city"], tags=[tag]) for _ in range(6)]
    related = _related(story)
    assert len(related) == 4
    assert set(related) <= {story.pk for story in recent}


def test_story_page_shows_related_stories(client, newsroom):
    tag = make_tag(name="Harbor")
    story = make_article(section=newsroom["city"], headline="Ferry returns", tags=[tag])
    other = make_article(section=newsroom["sports"], headline="Harbor regatta", tags=[tag])
    html = client.get(story.get_absolute_url()).content.decode()
    block = html[html.index('class="related-stories"') : html.index('class="recent-posts"')]
    assert "Related stories" in block
    assert f'<a href="{other.get_absolute_url()}">Harbor regatta</a>' in block


def test_story_page_without_related_stories_has_no_empty_heading(client, newsroom):
    story = make_article(section=newsroom["city"], headline="Only story")
    html = client.get(story.get_absolute_url()).content.decode()
    assert "Related stories" not in html
