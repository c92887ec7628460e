from __future__ import annotations

from functools import lru_cache

from django import template
from django.urls import reverse
from django.utils.translation import get_language

from masthead.newsroom.models import Article

from .. import structured_data

register = template.Library()


@register.inclusion_tag("distribution/feed_links.html", takes_context=True)
def feed_links(context, kind: str = "site", slug: str = "", title: str = "") -> dict:
    """``<link rel="alternate">`` to the RSS, Atom and JSON feeds of the site or of a section,
    tag or author page."""

    publication = context.get("publication")
    name = publication.name if publication else ""
    return {
        "feed_title": f"{title} · {name}" if title else name,
        **_feed_urls(kind, slug, get_language()),
    }


@register.inclusion_tag("distribution/follow_links.html")
def follow_links(kind: str, slug: str, title: str) -> dict:
    """Visible links to a section's, tag's or author's feeds, for readers who follow by feed
    (the ``<link rel="alternate">`` in the head is for their feed readers)."""
    return {"title": title, **_feed_urls(kind, slug, get_language())}


@lru_cache(maxsize=4096)
def _feed_urls(kind: str, slug: str, language: str | None) -> dict[str, str]:
    """The three feed addresses of a page (every page shows them; reversing costs more than
    the rest of the tag). Kept per language: a Spanish page's feeds are under /es/."""

    def url(fmt: str) -> str:
        if kind == "site":
            return reverse("distribution:site_feed", kwargs={"fmt": fmt})
        return reverse("distribution:feed", kwargs={"kind": kind, "slug": slug, "fmt": fmt})

    return {"rss": url("rss"), "atom": url("atom"), "json": url("json")}


@register.inclusion_tag("distribution/story_head.html", takes_context=True)
def story_head(context, article: Article) -> dict:
    """OpenGraph and Twitter card tags, and the NewsArticle and BreadcrumbList JSON-LD."""
    request = context["request"]
    return {
        "open_graph": structured_data.open_graph(request, article),
        "twitter_card": structured_data.twitter_card(request, article),
        "news_article": structured_data.news_article(request, article),
        "breadcrumbs": structured_data.breadcrumb_list(request, article),
    }
