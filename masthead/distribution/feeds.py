"""RSS 2.0 and Atom feeds, on Django's syndication framework, with Media RSS photos.

A feed covers a scope: the whole site, a section, a tag or an author. Every item carries its
stable GUID, dates with the publication's UTC offset, each author, the section and tags as
categories, the hero photo as ``media:content`` (with ``media:description`` and
``media:credit``) and, when the publication chooses full text, the whole story.
"""

from __future__ import annotations

import mimetypes
import re
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

from django.contrib.syndication.views import Feed
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed, SyndicationFeed
from django.utils.html import escape, format_html_join
from django.utils.translation import gettext

from masthead import text
from masthead.languages.codes import current_language
from masthead.newsroom.dates import long_date
from masthead.newsroom.models import Article, Author, Publication, Section, Tag

from .structured_data import absolute_url

MEDIA_NS = "http://search.yahoo.com/mrss/"
CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
DC_NS = "http://purl.org/dc/elements/1.1/"

FEED_FORMATS = ("rss", "atom", "json")
FEED_KINDS = ("section", "tag", "author")
# How many of the latest stories a feed carries.
FEED_ITEMS = 50

_ROOT_RELATIVE_RE = re.compile(r'(\s(?:href|src)=")(/(?!/)[^"]*)"')


@dataclass
class FeedScope:
    """What one feed covers: its title, the page it mirrors, and the stories in it."""

    kind: str
    slug: str
    title: str
    description: str
    page_path: str
    stories: QuerySet
    # The page cache's name for what this feed shows (masthead/pagecache/versions.py).
    dependency: str = "feed:site"

    def feed_path(self, fmt: str) -> str:
        if self.kind == "site":
            return reverse("distribution:site_feed", kwargs={"fmt": fmt})
        return reverse(
            "distribution:feed", kwargs={"kind": self.kind, "slug": self.slug, "fmt": fmt}
        )


def feed_scope(kind: str = "site", slug: str = "") -> FeedScope:
    """The scope of a feed; raises Http404 for a section, tag or author that does not exist."""
    publication = Publication.current()
    live = Article.objects.live().in_language()
    paper = publication.name
    if kind == "site":
        about = publication.tagline or gettext("Latest from %(paper)s") % {"paper": paper}
        return FeedScope(
            kind, "", publication.name, about,
            reverse("newsroom:home"), live,
        )  # fmt: skip
    if kind == "section":
        section = _get(Section, slug)
        about = section.local_description or gettext("%(section)s stories from %(paper)s") % {
            "section": section.local_name,
            "paper": paper,
        }
        return FeedScope(
            kind, slug, f"{section.local_name} · {publication.name}", about,
            section.get_absolute_url(), live.filter(section=section), f"feed:section:{section.pk}",
        )  # fmt: skip
    if kind == "tag":
        tag = _get(Tag, slug, Tag.objects.on_live_stories())
        about = gettext("Stories about %(tag)s from %(paper)s") % {
            "tag": tag.local_name,
            "paper": paper,
        }
        return FeedScope(
            kind, slug, f"{tag.local_name} · {publication.name}", about,
            tag.get_absolute_url(), live.filter(tags=tag), f"feed:tag:{tag.pk}",
        )  # fmt: skip
    if kind == "author":
        author = _get(Author, slug)
        # The author page's rule: stories with this author on the byline, or posted by this
        # account with no byline at all.
        credited = Q(bylines__author=author) | Q(writer=author, bylines__isnull=True)
        about = gettext("Stories by %(author)s in %(paper)s") % {
            "author": author.name,
            "paper": paper,
        }
        return FeedScope(
            kind, slug, f"{author.name} · {publication.name}", about,
            author.get_absolute_url(), live.filter(credited).distinct(), f"feed:author:{author.pk}",
        )  # fmt: skip
    raise Http404("No such feed.")


def _get(model, slug: str, queryset: QuerySet | None = None):
    rows = queryset if queryset is not None else model.objects
    # Sections and tags have a slug per language; a feed's address uses the page's.
    lookup = model.local_slug_lookup(slug) if hasattr(model, "local_slug_lookup") else None
    found = (rows.filter(lookup) if lookup is not None else rows.filter(slug=slug)).first()
    if found is None:
        raise Http404(f"No {model._meta.verbose_name} “{slug}”.")
    return found


def feed_items(scope: FeedScope) -> QuerySet:
    """The latest stories of a scope, with what an item needs, in a fixed number of queries."""
    return (
        scope.stories.for_listing()
        .defer(None)
        .defer("body")
        .select_related("writer")
        .prefetch_related("tags", "corrections")
        .latest_first()[:FEED_ITEMS]
    )


def is_full_text(article: Article) -> bool:
    """Whole stories go out only when the publication chose so, and never agency copy."""
    return Publication.current().feed_full_text and not article.source_name


def story_html(request: HttpRequest, article: Article) -> str:
    """The story's sanitized HTML with its site-relative links made absolute, for readers,
    followed by its corrections and update notes."""
    html = text.sanitize_html(article.body_html)
    html = _ROOT_RELATIVE_RE.sub(
        lambda m: f'{m.group(1)}{absolute_url(request, m.group(2))}"', html
    )
    notes = format_html_join(
        "",
        '<p class="correction"><strong>{}</strong> (<time datetime="{}">{}</time>): {}</p>',
        (
            (note.get_kind_display(), note.created_at.isoformat(), long_date(note.created_at),
             note.text)
            for note in article.corrections.all()
        ),
    )  # fmt: skip
    return html + notes


def story_summary(article: Article) -> str:
    """The story's description, followed by its corrections and update notes in plain text, so
    feed readers that show only summaries learn of them too."""
    notes = [
        f"{note.get_kind_display()} ({long_date(note.created_at)}): {note.text}"
        for note in article.corrections.all()
    ]
    return text.plain_text(" ".join([article.description, *notes]))


def story_guid(request: HttpRequest, article: Article) -> str:
    """A tag: URI (RFC 4151) that stays the same when the headline, slug or section changes."""
    host = urlsplit(absolute_url(request, "/")).hostname or "localhost"
    return f"tag:{host},{article.created_at:%Y-%m-%d}:story-{article.pk}"


def local(moment: datetime | None) -> datetime | None:
    """A time in the publication's zone, so feeds show the newsroom's own UTC offset."""
    return timezone.localtime(moment, Publication.current().zone) if moment else None


def story_authors(request: HttpRequest, article: Article) -> list[dict]:
    """``{"name", "url"}`` for each byline author, then the free-text byline."""
    people = [
        {
            "name": text.plain_text(author.name),
            "url": absolute_url(request, author.get_absolute_url()),
        }
        for author in article.byline_authors
    ]
    if article.byline_text:
        people.append({"name": text.plain_text(article.byline_text), "url": None})
    if not people and article.writer_id and article.writer:
        writer = article.writer
        people.append(
            {
                "name": text.plain_text(writer.name),
                "url": absolute_url(request, writer.get_absolute_url()),
            }
        )
    return people


def story_photo(request: HttpRequest, article: Article) -> dict | None:
    photo = article.hero_photo
    if not photo or not photo.image:
        return None
    return {
        "url": absolute_url(request, photo.image.url),
        "type": mimetypes.guess_type(photo.image.name)[0] or "image/jpeg",
        "width": photo.width,
        "height": photo.height,
        "description": text.plain_text(photo.caption or photo.alt_text),
        "photographer": text.plain_text(photo.photographer),
        "agency": text.plain_text(photo.agency),
        "thumbnail": absolute_url(request, photo.small_url),
    }


# --- Feed generators: Django's RSS and Atom writers plus the elements news readers use ------


def _xml_safe(value):
    """Every string of a feed without XML-forbidden characters: one control character in a
    caption would otherwise make Django refuse to write the whole feed."""
    if isinstance(value, str):
        return text.xml_safe(value)
    if isinstance(value, list | tuple):
        return type(value)(_xml_safe(v) for v in value)
    if isinstance(value, dict):
        return {k: _xml_safe(v) for k, v in value.items()}
    return value


class XmlSafeFeed(SyndicationFeed):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*_xml_safe(args), **_xml_safe(kwargs))

    def add_item(self, *args, **kwargs) -> None:
        super().add_item(*_xml_safe(args), **_xml_safe(kwargs))


def _add_media(handler, photo: dict | None) -> None:
    if not photo:
        return
    handler.startElement(
        "media:content",
        {
            "url": photo["url"],
            "type": photo["type"],
            "medium": "image",
            "width": str(photo["width"]),
            "height": str(photo["height"]),
        },
    )
    if photo["description"]:
        handler.addQuickElement("media:description", photo["description"], {"type": "plain"})
    if photo["photographer"]:
        handler.addQuickElement(
            "media:credit", photo["photographer"], {"role": "photographer", "scheme": "urn:ebu"}
        )
    if photo["agency"]:
        handler.addQuickElement(
            "media:credit", photo["agency"], {"role": "distributor", "scheme": "urn:ebu"}
        )
    handler.addQuickElement("media:thumbnail", "", {"url": photo["thumbnail"]})
    handler.endElement("media:content")


class MediaRssFeed(XmlSafeFeed, Rss201rev2Feed):
    """RSS 2.0 with Media RSS photos, ``content:encoded`` full text and one ``dc:creator`` per
    author."""

    def rss_attributes(self) -> dict:
        return {
            **super().rss_attributes(),
            "xmlns:media": MEDIA_NS,
            "xmlns:content": CONTENT_NS,
            "xmlns:dc": DC_NS,
        }

    def add_root_elements(self, handler) -> None:
        super().add_root_elements(handler)
        if self.feed.get("logo"):
            handler.startElement("image", {})
            handler.addQuickElement("url", self.feed["logo"])
            handler.addQuickElement("title", self.feed["title"])
            handler.addQuickElement("link", self.feed["link"])
            handler.endElement("image")

    def add_item_elements(self, handler, item: dict) -> None:
        super().add_item_elements(handler, item)
        for author in item["authors"]:
            handler.addQuickElement("dc:creator", author["name"])
        if item["content_html"]:
            handler.addQuickElement("content:encoded", item["content_html"])
        _add_media(handler, item["photo"])


class MediaAtomFeed(XmlSafeFeed, Atom1Feed):
    """Atom 1.0 with Media RSS photos, full ``content`` and every author with their page."""

    def root_attributes(self) -> dict:
        return {**super().root_attributes(), "xmlns:media": MEDIA_NS}

    def add_root_elements(self, handler) -> None:
        super().add_root_elements(handler)
        if self.feed.get("logo"):
            handler.addQuickElement("logo", self.feed["logo"])

    def add_item_elements(self, handler, item: dict) -> None:
        super().add_item_elements(handler, item)
        for author in item["authors"]:
            handler.startElement("author", {})
            handler.addQuickElement("name", author["name"])
            if author["url"]:
                handler.addQuickElement("uri", author["url"])
            handler.endElement("author")
        if item["content_html"]:
            handler.addQuickElement("content", item["content_html"], {"type": "html"})
        _add_media(handler, item["photo"])


class StoryFeed(Feed):
    """The RSS feed of one scope; made afresh for each request (it keeps the request)."""

    feed_type: type[SyndicationFeed] = MediaRssFeed

    def __init__(self, scope: FeedScope) -> None:
        self.scope = scope
        self.language = current_language()  # the feed's own: /es/feeds/ is Spanish

    def get_object(self, request: HttpRequest, *args, **kwargs) -> FeedScope:
        self.request = request
        return self.scope

    def title(self, scope: FeedScope) -> str:
        return scope.title

    def link(self, scope: FeedScope) -> str:
        return absolute_url(self.request, scope.page_path)

    def feed_url(self, scope: FeedScope) -> str:
        fmt = "atom" if self.feed_type is MediaAtomFeed else "rss"
        return absolute_url(self.request, scope.feed_path(fmt))

    def description(self, scope: FeedScope) -> str:
        return scope.description

    subtitle = description

    def author_name(self, scope: FeedScope) -> str:
        return Publication.current().name

    def feed_copyright(self, scope: FeedScope) -> str:
        return f"© {timezone.localdate().year} {Publication.current().name}"

    def feed_extra_kwargs(self, scope: FeedScope) -> dict:
        logo = Publication.current().logo
        return {"logo": absolute_url(self.request, logo.url) if logo else None}

    def items(self, scope: FeedScope) -> QuerySet:
        return feed_items(scope)

    def item_title(self, article: Article) -> str:
        return text.plain_text(article.headline)

    def item_description(self, article: Article) -> str:
        # Readers take RSS descriptions and Atom summaries as HTML: plain text, escaped.
        return escape(story_summary(article))

    def item_link(self, article: Article) -> str:
        return absolute_url(self.request, article.get_absolute_url())

    def item_guid(self, article: Article) -> str:
        return story_guid(self.request, article)

    item_guid_is_permalink = False

    def item_pubdate(self, article: Article) -> datetime | None:
        return local(article.published_at)

    def item_updateddate(self, article: Article) -> datetime | None:
        return local(article.updated_at or article.published_at)

    def item_categories(self, article: Article) -> list[str]:
        names = [article.section.local_name, *(tag.local_name for tag in article.tags.all())]
        return [text.plain_text(name) for name in names]

    def item_copyright(self, article: Article) -> str | None:
        return text.plain_text(article.source_credit) or None

    def item_extra_kwargs(self, article: Article) -> dict:
        return {
            "authors": story_authors(self.request, article),
            "content_html": story_html(self.request, article) if is_full_text(article) else "",
            "photo": story_photo(self.request, article),
        }


class StoryAtomFeed(StoryFeed):
    feed_type = MediaAtomFeed
