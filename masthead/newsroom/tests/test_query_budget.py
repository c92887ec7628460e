"""The story page costs the same number of queries however many bylines, tags, recent posts and
comments it shows."""

import pytest

from masthead.testing.factories import (
    make_article,
    make_author,
    make_comment,
    make_photo,
    make_publication,
    make_section,
    make_tag,
)

# Query counts are of pages being made, not served from the page cache.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_off")]

STORY_PAGE_BUDGET = 8
# A cold process also reads the header's sections and the footer's standing pages, once each
# until the site changes (newsroom/chrome.py keeps them).
COLD_CACHE_BUDGET = STORY_PAGE_BUDGET + 1


def _story_with(count: int):
    section = make_section()
    writer = make_author(photo=make_photo())
    article = make_article(
        section=section,
        writer=writer,
        hero_photo=make_photo(),
        authors=[make_author() for _ in range(count)],
        tags=[make_tag() for _ in range(count)],
    )
    for _ in range(count):
        make_article(section=section)
        make_comment(article)
    return article


def _queries_for(client, django_assert_max_num_queries, article) -> int:
    client.get("/")  # warm the publication and navigation caches, as on a running site
    with django_assert_max_num_queries(STORY_PAGE_BUDGET) as captured:
        response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    return len(captured.captured_queries)


def test_story_page_query_count_does_not_grow(client, django_assert_max_num_queries):
    make_publication()
    one = _queries_for(client, django_assert_max_num_queries, _story_with(1))
    twenty = _queries_for(client, django_assert_max_num_queries, _story_with(20))
    assert one == twenty


def test_story_page_with_a_cold_cache_stays_within_budget(client, django_assert_max_num_queries):
    make_publication()
    article = _story_with(20)
    with django_assert_max_num_queries(COLD_CACHE_BUDGET):
        assert client.get(article.get_absolute_url()).status_code == 200


@pytest.mark.parametrize(
    "url", ["/", "/archive/", "/{section}/", "/tag/{tag}/", "/author/{author}/"]
)
def test_list_pages_query_count_does_not_grow(client, django_assert_num_queries, url):
    make_publication()
    counts = []
    for size in (2, 25):
        section, tag, author = make_section(), make_tag(), make_author()
        for _ in range(size):
            make_article(section=section, tags=[tag, make_tag()], authors=[author, make_author()],
                         hero_photo=make_photo())  # fmt: skip
        path = url.format(section=section.slug, tag=tag.slug, author=author.slug)
        client.get(path)
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as captured:
            assert client.get(path).status_code == 200
        counts.append(len(captured.captured_queries))
    assert counts[0] == counts[1], counts


def test_the_publication_is_read_from_the_cache_once_per_page(client):
    """Every story URL on a list needs the publication's time zone; with Redis each cache read
    is a round trip, so a page reads it once however many stories it lists."""
    from unittest import mock

    from django.core.cache import cache

    from masthead.newsroom.models import Publication

    make_publication()
    section = make_section()
    for _ in range(20):
        make_article(section=section)
    client.get("/archive/")
    with mock.patch.object(cache, "get", wraps=cache.get) as cache_get:
        assert client.get("/archive/").status_code == 200
    keys = [call.args[0] for call in cache_get.call_args_list]
    assert keys.count(Publication.CACHE_KEY) == 1


def test_a_publication_saved_during_a_request_is_what_the_rest_of_it_sees():
    from masthead.newsroom.models import Publication

    publication = make_publication(name="Before")
    with Publication.held_for_request():
        publication.name = "After"
        publication.save()
        assert Publication.current().name == "After"
    assert Publication.current().name == "After"
