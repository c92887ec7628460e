"""The search page, as a reader without JavaScript uses it: a GET form, filters, pages."""

import re
from datetime import UTC, datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from masthead.testing.factories import (
    make_article,
    make_author,
    make_photo,
    make_publication,
    make_section,
    make_tag,
)

from .test_search import HOSTILE_QUERIES

# Query counts are of pages being made, not served from the page cache.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_off")]


@pytest.fixture
def stories():
    make_publication(name="The Test Gazette", time_zone="America/New_York")
    city, sports = (
        make_section(name="City", slug="city"),
        make_section(name="Sports", slug="sports"),
    )
    return {
        "city": make_article(
            section=city,
            headline="Harbor ferry returns to the north pier",
            body="The ferry is back after repairs.",
            published_at=datetime(2026, 3, 10, 15, tzinfo=UTC),
        ),
        "sports": make_article(
            section=sports,
            headline="Ferry crew wins the rowing cup",
            body="A close race.",
            published_at=datetime(2026, 2, 1, 15, tzinfo=UTC),
        ),
    }


def test_every_page_has_a_search_box_that_submits_to_the_search_page(client, stories):
    html = client.get("/").content.decode()
    form = re.search(r'<form class="site-search" action="/search/" method="get"[^>]*>', html)
    assert form, "no search form in the header"
    assert '<label for="site-search-q" class="visually-hidden">Search stories</label>' in html
    assert 'name="q"' in html


def test_search_page_lists_highlighted_results(client, stories):
    response = client.get("/search/", {"q": "ferry"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "2 stories found" in html
    assert "Harbor <mark>ferry</mark> returns to the north pier" in html
    assert f'href="{stories["city"].get_absolute_url()}"' in html
    assert '<meta name="robots" content="noindex">' in html
    assert response["X-Robots-Tag"] == "noindex"


def test_search_page_without_a_query_shows_the_form_only(client, stories):
    html = client.get("/search/").content.decode()
    assert '<form class="search-form"' in html
    assert "found" not in html


def test_section_and_date_filters_narrow_the_results(client, stories):
    html = client.get("/search/", {"q": "ferry", "section": "sports"}).content.decode()
    assert "1 story found" in html
    assert stories["sports"].headline.split()[0] in html
    assert "north pier" not in html
    html = client.get(
        "/search/", {"q": "ferry", "date_from": "2026-03-01", "date_to": "2026-03-31"}
    ).content.decode()
    assert "1 story found" in html
    assert "north pier" in html
    assert "rowing cup" not in html


def test_filters_are_kept_in_the_form(client, stories):
    html = client.get(
        "/search/", {"q": "ferry", "section": "city", "date_from": "2026-03-01"}
    ).content.decode()
    assert '<option value="city" selected>City</option>' in html
    assert 'value="2026-03-01"' in html
    assert re.search(r'<input type="search" name="q" value="ferry"', html)


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"date_from": "2026-13-45"}, "From: Enter a valid date."),
        ({"date_to": "yesterday"}, "To: Enter a valid date."),
        ({"date_from": "2026-03-10", "date_to": "2026-03-01"}, "The end date is before the start"),
        ({"section": "no-such-section"}, "Select a valid choice."),
    ],
)
def test_bad_filters_get_a_clear_message_not_an_error(client, stories, params, message):
    response = client.get("/search/", {"q": "ferry", **params})
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert 'role="alert"' in html


@pytest.mark.parametrize("query", HOSTILE_QUERIES)
def test_hostile_queries_answer_a_page_never_an_error(client, stories, query):
    response = client.get("/search/", {"q": query, "page": "2"})
    assert response.status_code == 200
    assert b"<mark><script" not in response.content


def test_a_query_of_symbols_only_finds_nothing_politely(client, stories):
    html = client.get("/search/", {"q": "*** !!!"}).content.decode()
    assert "No stories found" in html
    assert "Try fewer or different words" in html


def test_a_very_long_query_says_only_its_first_words_were_used(client, stories):
    html = client.get("/search/", {"q": "ferry " * 300}).content.decode()
    assert "only its first words were used" in html
    assert "2 stories found" in html


def test_pages_link_to_each_other_keeping_the_query_and_filters(client, settings):
    settings.MASTHEAD_PAGE_SIZE = 2
    make_publication()
    section = make_section(slug="city")
    for i in range(5):
        make_article(section=section, headline=f"Kayak race heat {i}")
    first = client.get("/search/", {"q": "kayak", "section": "city"}).content.decode()
    assert "Page 1 of 3" in first
    assert 'href="?q=kayak&amp;section=city&amp;page=2"' in first
    last = client.get("/search/", {"q": "kayak", "section": "city", "page": "3"}).content.decode()
    assert "Page 3 of 3" in last
    assert last.count('class="hit"') == 1
    # A page past the end or not a number shows a real page instead of an error.
    assert "Page 3 of 3" in client.get("/search/", {"q": "kayak", "page": "99"}).content.decode()
    assert "Page 1 of 3" in client.get("/search/", {"q": "kayak", "page": "x"}).content.decode()


def test_search_page_query_count_does_not_grow_with_results(client):
    make_publication()
    counts = []
    for size in (2, 15):
        section, tag = make_section(), make_tag()
        word = f"zebra{size}"
        for _ in range(size):
            make_article(
                section=section,
                headline=f"{word} crossing",
                tags=[tag],
                authors=[make_author(), make_author()],
                hero_photo=make_photo(),
            )
        client.get("/search/", {"q": word})  # warm the publication and navigation caches
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/search/", {"q": word}).status_code == 200
        counts.append(len(captured.captured_queries))
    assert counts[0] == counts[1], counts
    assert counts[0] <= 4, counts  # count, page of hits (+ stories on SQLite), bylines


def test_post_is_not_allowed(client, stories):
    assert client.post("/search/", {"q": "ferry"}).status_code == 405
