"""Reader pages are the same for every anonymous reader: no cookie, no Vary: Cookie, public
caching headers with validators, 304 answers; staff pages are private and never shared."""

from __future__ import annotations

import pytest
from django.test import Client

from masthead.testing.factories import make_user
from masthead.tests.test_http_methods import _body, reader_urls  # noqa: F401 (a fixture)

from .conftest import pages_of

pytestmark = pytest.mark.django_db

# Addresses in the walk that are no reader page: a health check, redirects, a signed preview,
# uploaded media (its own day-long caching), the comment form's address.
NOT_PAGES = {"healthz", "readyz", "favicon", "media", "newsroom:preview", "comments:comment_post"}
NOT_PAGES |= {"distribution:feed/"}


def _reader_pages(reader_urls) -> list[str]:  # noqa: F811
    return [url for name, urls in reader_urls.items() if name not in NOT_PAGES for url in urls]


def test_no_anonymous_reader_get_sets_a_cookie_or_varies_on_it(reader_urls):  # noqa: F811
    reader = Client()
    for url in (u for urls in reader_urls.values() for u in urls):
        for _ in range(2):  # made, then (for reader pages) served from the page cache
            response = reader.get(url)
            _body(response)
            assert not response.cookies, url
            assert "Set-Cookie" not in response, url
            assert "cookie" not in response.get("Vary", "").lower(), url
    assert not reader.cookies


def test_reader_pages_carry_public_caching_headers_and_validators(reader_urls):  # noqa: F811
    for url in _reader_pages(reader_urls):
        response = Client().get(url)
        assert response.status_code == 200, url
        control = response["Cache-Control"]
        assert control.startswith("public, max-age="), url
        assert "s-maxage=" in control and "stale-while-revalidate=" in control, url
        assert response["ETag"].startswith('"'), url  # strong
        assert response["Last-Modified"].endswith(" GMT"), url


def test_settings_change_the_ages(client, newsroom, settings):
    settings.MASTHEAD_CACHE_MAX_AGE = 5
    settings.MASTHEAD_CACHE_S_MAXAGE = 120
    settings.MASTHEAD_CACHE_STALE_WHILE_REVALIDATE = 7
    control = client.get("/")["Cache-Control"]
    assert control == "public, max-age=5, s-maxage=120, stale-while-revalidate=7"


@pytest.mark.parametrize("name", ["story", "home", "city", "site feed", "news sitemap"])
def test_conditional_requests_get_304(client, newsroom, name):
    url = pages_of(newsroom)[name]
    first = client.get(url)
    etag, modified = first["ETag"], first["Last-Modified"]
    for _ in range(2):  # on the miss that stored the page, and on a hit
        again = client.get(url, HTTP_IF_NONE_MATCH=etag)
        assert again.status_code == 304
        assert again.content == b""
        assert again["ETag"] == etag
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=modified).status_code == 304
    assert client.get(url, HTTP_IF_NONE_MATCH='"something-else"').status_code == 200


def test_a_change_changes_the_validators(client, newsroom):
    url = newsroom.story.get_absolute_url()
    first = client.get(url)
    newsroom.story.body = "A new paragraph.\n\nAnd another."
    newsroom.story.save()
    response = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert response.status_code == 200
    assert response["ETag"] != first["ETag"]


def test_the_story_last_modified_is_its_updated_time_or_later(client, newsroom):
    from django.utils.http import parse_http_date

    story = newsroom.story
    modified = parse_http_date(client.get(story.get_absolute_url())["Last-Modified"])
    assert modified >= int(story.published_at.timestamp())


def test_staff_never_get_or_store_a_shared_page(newsroom):
    url = newsroom.story.get_absolute_url()
    reader = Client()
    assert reader.get(url)["X-Cache"] == "miss"
    assert reader.get(url)["X-Cache"] == "hit"
    staff = Client()
    staff.force_login(make_user(role="Editor"))
    for _ in range(2):
        response = staff.get(url)
        assert response["X-Cache"] == "off"
        assert response["Cache-Control"] == "private, no-store"
        assert 'name="csrfmiddlewaretoken"' in response.content.decode()
    # What staff were shown (their CSRF token) never reached the shared cache.
    assert 'name="csrfmiddlewaretoken"' not in reader.get(url).content.decode()
    assert reader.get(url)["X-Cache"] == "hit"


def test_the_page_cache_can_be_turned_off(client, newsroom, settings):
    settings.MASTHEAD_PAGE_CACHE = False
    for _ in range(2):
        response = client.get("/")
        assert "X-Cache" not in response
        assert response["Cache-Control"].startswith("public")  # the headers stay


def test_head_is_served_from_the_cache_with_headers_only(client, newsroom):
    url = newsroom.story.get_absolute_url()
    get = client.get(url)
    head = client.head(url)
    assert head["X-Cache"] == "hit"
    assert head.content == b""
    assert head["ETag"] == get["ETag"]
    assert head["Content-Length"] == str(len(get.content))


def test_the_key_has_host_scheme_and_page_but_not_tracking(client, newsroom, settings):
    settings.ALLOWED_HOSTS = ["testserver", "news.example"]
    assert client.get("/")["X-Cache"] == "miss"
    assert client.get("/", HTTP_HOST="news.example")["X-Cache"] == "miss"
    assert client.get("/", secure=True)["X-Cache"] == "miss"
    assert client.get("/?utm_source=social&fbclid=x")["X-Cache"] == "hit"
    assert client.get("/archive/?page=1")["X-Cache"] == "miss"
    assert client.get("/archive/?page=1")["X-Cache"] == "hit"
    # Any other parameter: made afresh every time, never stored.
    assert client.get("/?reply_to=3")["X-Cache"] == "bypass"
    assert client.get("/?reply_to=3")["X-Cache"] == "bypass"
    assert client.get("/search/?q=ferry")["X-Cache"] == "bypass"  # searches are not stored


def test_errors_and_redirects_are_never_stored(client, newsroom):
    for url in ("/no-such-section/", "/archive/?page=99", "/feed/"):
        first = client.get(url)
        assert first.status_code in (301, 404), url
        assert client.get(url).get("X-Cache") is None, url


def test_a_comment_posted_shows_at_once_with_its_message(client, newsroom):
    from masthead.comments.tests.conftest import form_data

    url = newsroom.story.get_absolute_url()
    client.get(url)
    assert client.get(url)["X-Cache"] == "hit"
    posted = client.post(f"/comments/{newsroom.story.pk}/", form_data(body="Hello, pier."))
    landing = client.get(url)  # the redirect's target, carrying the message cookie
    assert posted.status_code == 302
    html = landing.content.decode()
    assert "Hello, pier." in html and "your comment is published" in html
    assert landing["X-Cache"] == "off" and landing["Cache-Control"] == "private, no-cache"
    # The message was the reader's alone; the next reader gets the comment without it.
    fresh = Client().get(url)
    assert "Hello, pier." in fresh.content.decode()
    assert "your comment is published" not in fresh.content.decode()


def test_a_held_comment_shows_its_message_at_once(client, newsroom):
    from masthead.comments.tests.conftest import form_data

    newsroom.publication.comment_moderation = "all"
    newsroom.publication.save()
    url = newsroom.story.get_absolute_url()
    client.get(url)
    client.post(f"/comments/{newsroom.story.pk}/", form_data(body="Please hold me."))
    html = client.get(url).content.decode()
    assert "waiting for a moderator" in html
    assert "Please hold me." not in Client().get(url).content.decode()


def test_each_keyset_position_of_a_list_is_a_page_of_its_own(settings):
    """?before=/?after= name other stories: never the first page's stored copy."""
    from masthead.testing.factories import make_article, make_publication

    make_publication()
    settings.MASTHEAD_PAGE_SIZE = 2
    for n in range(5):
        make_article(headline=f"Harbor story {n}")
    reader = Client()
    first = reader.get("/archive/")
    older = first.content.decode().split('href="?before=')[1].split('"')[0]
    deeper = reader.get(f"/archive/?before={older.replace('&amp;', '&')}")
    assert deeper.status_code == 200
    assert deeper["X-Cache"] == "miss"
    assert deeper.content != first.content
    assert reader.get(f"/archive/?before={older.replace('&amp;', '&')}")["X-Cache"] == "hit"
    assert reader.get("/archive/")["X-Cache"] == "hit"
