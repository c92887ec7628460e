"""Every reader address answers GET and HEAD alike and refuses the methods it has no use for
without sending a page back. The walk covers each URL pattern of the site, so a new one must be
given an address here before the test passes."""

from __future__ import annotations

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from masthead.newsroom import preview
from masthead.pages.models import Page
from masthead.testing.factories import make_article, make_author, make_photo, make_section, make_tag

REFUSED = ("PUT", "PATCH", "DELETE", "TRACE", "CONNECT", "PROPFIND")


def _body(response) -> bytes:
    if response.streaming:
        # Read to the end: the test client then closes it, without closing the database.
        return b"".join(response.streaming_content)
    return response.content


def _route_names(patterns, prefix: str = "") -> set[str]:
    """Every pattern of the urlconf outside the newsroom (the staff area under /newsroom/:
    the admin, the wire desk, sign-in pages), by name (or its route)."""
    names = set()
    for entry in patterns:
        if not prefix and str(entry.pattern).startswith("newsroom/"):
            continue
        if isinstance(entry, URLResolver):
            if entry.app_name == "admin":
                continue
            ns = f"{entry.namespace}:" if entry.namespace else ""
            names |= _route_names(entry.url_patterns, prefix + ns)
        elif isinstance(entry, URLPattern):
            names.add(prefix + (entry.name or str(entry.pattern)))
    return names


@pytest.fixture
def reader_urls(db) -> dict[str, list[str]]:
    section = make_section(name="City", slug="city")
    author = make_author(name="Ana Ruiz", slug="ana-ruiz")
    tag = make_tag(name="Harbor", slug="harbor")
    photo = make_photo()
    story = make_article(section=section, authors=[author], tags=[tag], hero_photo=photo)
    draft = make_article(section=section, status="draft")
    return {
        "healthz": ["/healthz"],
        "readyz": ["/readyz"],
        "robots_txt": ["/robots.txt"],
        "favicon": ["/favicon.ico"],
        "media": [photo.image.url],
        "search:search": ["/search/", "/search/?q=harbor"],
        "distribution:site_feed": ["/feeds/rss/", "/feeds/atom/", "/feeds/json/"],
        "distribution:feed": [
            "/feeds/section/city/rss/",
            "/feeds/tag/harbor/atom/",
            "/feeds/author/ana-ruiz/json/",
        ],
        "distribution:feed/": ["/feed/"],
        "distribution:sitemap_index": ["/sitemap.xml"],
        "distribution:sitemap": ["/sitemap-news.xml"],
        "newsroom:home": ["/"],
        "newsroom:archive": ["/archive/"],
        "newsroom:corrections": ["/corrections/"],
        "newsroom:preview": [preview.preview_url(preview.preview_link_make(draft))],
        "newsroom:tag": [tag.get_absolute_url()],
        "newsroom:author": [author.get_absolute_url()],
        "newsroom:article": [story.get_absolute_url()],
        "newsroom:section": [section.get_absolute_url()],
        "comments:comment_post": [f"/comments/{story.pk}/"],
        "pages:about": [
            Page.objects.create(slug="about", title="About", body="Us.").get_absolute_url()
        ],
        "pages:page": [
            Page.objects.create(slug="ethics", title="Ethics", body="Rules.").get_absolute_url()
        ],
    }


def test_the_walk_covers_every_reader_url_pattern(reader_urls):
    names = _route_names(get_resolver().url_patterns)
    names = {"comments:comment_post" if n == "comments:post" else n for n in names}
    assert names - reader_urls.keys() == set()


def test_head_answers_wherever_get_does(client, reader_urls):
    for url in (u for urls in reader_urls.values() for u in urls):
        get = client.get(url)
        _body(get)
        head = client.head(url)
        assert get.status_code < 400, url
        assert head.status_code == get.status_code, url
        assert _body(head) == b"", url
        assert head["Content-Type"] == get["Content-Type"], url


def test_options_trace_and_writes_never_send_a_page(client, reader_urls):
    for url in (u for urls in reader_urls.values() for u in urls):
        for method in ("OPTIONS", *REFUSED):
            response = client.generic(method, url)
            assert response.status_code in (200, 204, 405), (method, url)
            assert _body(response) == b"", (method, url)
            assert "GET" in response["Allow"], (method, url)
            assert "Set-Cookie" not in response, (method, url)
        for method in ("PUT", "PATCH", "DELETE", "TRACE"):
            assert client.generic(method, url).status_code == 405, (method, url)


def test_head_from_a_real_server_sends_headers_only(rf):
    """The test client drops HEAD bodies itself; the middleware must too, for any server."""
    from django.http import HttpResponse

    from masthead.http_methods import HttpMethodsMiddleware

    page = HttpResponse(b"<html>a page</html>")
    response = HttpMethodsMiddleware(lambda request: page)(rf.head("/"))
    assert response.content == b""
    assert response["Content-Length"] == str(len(b"<html>a page</html>"))


def test_the_newsroom_admin_refuses_trace_too(client):
    response = client.generic("TRACE", "/newsroom/login/")
    assert response.status_code == 405
    assert response.content == b""
