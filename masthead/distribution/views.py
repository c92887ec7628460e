"""Feeds and sitemaps: thin views over feeds.py, jsonfeed.py and sitemaps.py. Their caching
headers come from the page cache middleware (docs/caching.md), like every reader page's."""

from __future__ import annotations

from django.contrib.sitemaps.views import sitemap as django_sitemap
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from masthead.languages.codes import current_language, default_language
from masthead.pagecache.dependencies import depends

from .feeds import StoryAtomFeed, StoryFeed, feed_scope
from .jsonfeed import json_feed
from .sitemaps import SITEMAPS, sitemap_files


@require_safe
def feed(request: HttpRequest, fmt: str, kind: str = "site", slug: str = "") -> HttpResponse:
    scope = feed_scope(kind, slug)
    depends(request, scope.dependency)
    if fmt == "json":
        return json_feed(request, scope)
    feed_class = StoryAtomFeed if fmt == "atom" else StoryFeed
    return feed_class(scope)(request)


def _at_the_root(request: HttpRequest) -> None:
    """The sitemaps list every language's pages (with their hreflang alternates) at the root
    only: /es/sitemap.xml is not a second copy."""
    if current_language() != default_language():
        raise Http404("The sitemaps are at the site's root.")


@require_safe
def sitemap_index(request: HttpRequest) -> HttpResponse:
    _at_the_root(request)
    depends(request, "sitemaps")
    response = render(
        request,
        "distribution/sitemap_index.xml",
        {"files": sitemap_files(request)},
        content_type="application/xml; charset=utf-8",
    )
    response["X-Robots-Tag"] = "noindex"
    return response


@require_safe
def sitemap(request: HttpRequest, section: str) -> HttpResponse:
    _at_the_root(request)
    depends(request, "sitemaps")
    return django_sitemap(
        request,
        sitemaps=SITEMAPS,
        section=section,
        template_name="distribution/sitemap.xml",
        content_type="application/xml; charset=utf-8",
    )
