"""JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/) for the same scopes as the RSS and
Atom feeds, with the same items."""

from __future__ import annotations

from django.http import HttpRequest, JsonResponse

from masthead import text
from masthead.languages.codes import current_language
from masthead.newsroom.models import Publication

from .feeds import (
    FeedScope,
    feed_items,
    is_full_text,
    local,
    story_authors,
    story_guid,
    story_html,
    story_photo,
    story_summary,
)
from .structured_data import absolute_url

VERSION = "https://jsonfeed.org/version/1.1"
CONTENT_TYPE = "application/feed+json; charset=utf-8"


def _item(request: HttpRequest, article) -> dict:
    item: dict = {
        "id": story_guid(request, article),
        "url": absolute_url(request, article.get_absolute_url()),
        "title": text.plain_text(article.headline),
        "summary": story_summary(article),
        "date_published": local(article.published_at).isoformat(),
        "date_modified": local(article.updated_at or article.published_at).isoformat(),
        "authors": [
            {key: value for key, value in author.items() if value}
            for author in story_authors(request, article)
        ],
        "tags": [
            text.plain_text(name)
            for name in [
                article.section.local_name,
                *(tag.local_name for tag in article.tags.all()),
            ]
        ],
        "language": article.language,
    }
    if is_full_text(article):
        item["content_html"] = story_html(request, article)
    else:
        item["content_text"] = story_summary(article)
    photo = story_photo(request, article)
    if photo:
        item["image"] = photo["url"]
    if article.safe_original_url:
        item["external_url"] = article.safe_original_url
    return item


def json_feed(request: HttpRequest, scope: FeedScope) -> JsonResponse:
    publication = Publication.current()
    feed: dict = {
        "version": VERSION,
        "title": scope.title,
        "home_page_url": absolute_url(request, scope.page_path),
        "feed_url": absolute_url(request, scope.feed_path("json")),
        "description": scope.description,
        "language": current_language(),
        "authors": [{"name": publication.name, "url": absolute_url(request, "/")}],
        "items": [_item(request, article) for article in feed_items(scope)],
    }
    if publication.logo:
        feed["icon"] = absolute_url(request, publication.logo.url)
    return JsonResponse(
        feed, content_type=CONTENT_TYPE, json_dumps_params={"ensure_ascii": False, "indent": 1}
    )
