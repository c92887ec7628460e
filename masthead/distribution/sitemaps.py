"""Sitemaps on Django's sitemaps framework: an index, story sitemaps split into files of
STORIES_PER_FILE URLs with their hero photos as image entries, a Google News sitemap of the
last two days, and sitemaps of the section, tag and author pages.

Only what a reader may see now is listed (``Article.objects.live()``), and never a story the
newsroom marked noindex.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from urllib.parse import urlsplit

from django.contrib.sitemaps import Sitemap
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Max, OuterRef, Q, QuerySet, Subquery
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.functional import cached_property

from masthead import text
from masthead.languages.alternates import Alternate, hreflang_pairs, page_alternates
from masthead.languages.codes import publication_languages
from masthead.newsroom.models import Article, Author, Publication, Section, Tag
from masthead.newsroom.querysets import LINK_FIELDS

from .structured_data import absolute_url

# Google reads at most 50,000 URLs a file; smaller files are quicker to make and to fetch.
# Story files are blocks of this many story ids (see StoryBlocks), so at most this many URLs.
STORIES_PER_FILE = 10_000
# A news sitemap lists the stories of the last two days, at most 1,000 of them.
NEWS_WINDOW = timedelta(hours=48)
NEWS_LIMIT = 1_000


def indexable_stories() -> QuerySet:
    """Stories search engines may list: live, and not marked noindex."""
    return Article.objects.live().filter(noindex=False)


def news_language(code: str) -> str:
    """The ISO 639 code Google News expects: "en" for "en-us", but "zh-cn" and "zh-tw"."""
    code = (code or "en").lower()
    if code in ("zh-cn", "zh-tw"):
        return code
    return code.split("-")[0]


def _whole_seconds(moment: datetime | None) -> datetime | None:
    return moment.replace(microsecond=0) if moment else None


def _latest_story_subquery(stories: QuerySet) -> Subquery:
    return Subquery(stories.order_by("-published_at").values("published_at")[:1])


class NewsroomSitemap(Sitemap):
    """Absolute URLs on the publication's site address when set, else the request's."""

    limit = STORIES_PER_FILE

    def get_protocol(self, protocol: str | None = None) -> str:
        site_url = Publication.current().site_url
        return urlsplit(site_url).scheme if site_url else super().get_protocol(protocol)

    def get_domain(self, site=None) -> str:
        site_url = Publication.current().site_url
        return urlsplit(site_url).netloc if site_url else super().get_domain(site)

    def get_urls(self, page=1, site=None, protocol=None) -> list[dict]:
        protocol, domain = self.get_protocol(protocol), self.get_domain(site)
        urls = self._urls(page, protocol, domain)
        origin = f"{protocol}://{domain}"
        versions = self.versions_of([url["item"] for url in urls])
        for url in urls:
            url.update(self.entry_details(url["item"], origin))
            versions_here = versions.get(self.version_key(url["item"]), [])
            url["alternates"] = hreflang_pairs(versions_here, lambda path: origin + path)
        return urls

    def entry_details(self, item, origin: str) -> dict:
        """More to say about an entry (images, news) for the sitemap template."""
        return {}

    def versions_of(self, items: list) -> dict:
        """The entries' versions in every language, as {key: [Alternate, ...]}, for their
        hreflang links; at most one query for a whole file."""
        return {}

    def version_key(self, item):
        return item

    def lastmod(self, item) -> datetime | None:
        return _whole_seconds(getattr(item, "latest", None))


class StoryBlock:
    """One story sitemap file: the indexable stories with ids in one block of ids."""

    def __init__(self, stories: QuerySet) -> None:
        self.object_list = stories


class StoryBlocks:
    """The story sitemap files, in place of Django's Paginator (which counts every story and
    pages by OFFSET): file N lists the stories with ids from (N-1)×limit+1 to N×limit.

    How many files there are is the highest story id over the limit: one primary key lookup
    whatever the size of the archive. Each file is one range scan of the primary key, and a
    story stays in the same file for good, so a crawler re-reads only the files that change.
    """

    def __init__(self, stories: QuerySet, limit: int) -> None:
        self.stories = stories
        self.limit = limit

    @cached_property
    def num_pages(self) -> int:
        highest = Article.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        return max(1, -(-highest // self.limit))

    def page(self, number) -> StoryBlock:
        try:
            number = int(number)
        except (TypeError, ValueError):
            raise PageNotAnInteger("That sitemap page is not a number.") from None
        if number < 1 or number > self.num_pages:
            raise EmptyPage("There is no such sitemap page.")
        first = (number - 1) * self.limit + 1
        block = self.stories.filter(pk__range=(first, first + self.limit - 1)).order_by("pk")
        return StoryBlock(block)


class StorySitemap(NewsroomSitemap):
    @property
    def paginator(self) -> StoryBlocks:
        return StoryBlocks(self.items(), self.limit)

    def items(self) -> QuerySet:
        return (
            indexable_stories()
            .select_related("section", "hero_photo")
            .only(
                "slug",
                "published_at",
                "updated_at",
                "created_at",
                "headline",
                "section__slug",
                "section__translations",
                "language",
                "translation_group",
                "hero_photo__image",
                # An ImageField reads its width and height fields when loaded: deferred, each
                # would cost two queries per photo.
                "hero_photo__width",
                "hero_photo__height",
                "hero_photo__renditions",
            )
            .order_by("-published_at", "-pk")
        )

    def lastmod(self, article: Article) -> datetime | None:
        moments = [m for m in (article.published_at, article.updated_at) if m]
        return _whole_seconds(max(moments)) if moments else None

    def get_latest_lastmod(self) -> datetime | None:
        latest = indexable_stories().aggregate(
            published=Max("published_at"), updated=Max("updated_at")
        )
        moments = [m for m in latest.values() if m]
        return _whole_seconds(max(moments)) if moments else None

    def version_key(self, article: Article):
        return article.translation_group

    def versions_of(self, articles: list[Article]) -> dict:
        languages = publication_languages()
        if len(languages) < 2 or not articles:
            return {}
        groups = {article.translation_group for article in articles}
        found: dict = {}
        for story in (
            indexable_stories()
            .filter(translation_group__in=groups, language__in=languages)
            .select_related("section")
            .only(*LINK_FIELDS, "translation_group")
        ):
            found.setdefault(story.translation_group, {})[story.language] = story
        return {
            group: [
                Alternate(code, by[code].get_absolute_url()) for code in languages if code in by
            ]
            for group, by in found.items()
            if len(by) > 1
        }

    def entry_details(self, article: Article, origin: str) -> dict:
        photo = article.hero_photo
        if not photo or not photo.image:
            return {"images": []}
        url = photo.image.url
        return {"images": [url if url.startswith(("http://", "https://")) else origin + url]}


class NewsSitemap(StorySitemap):
    """Google News: the stories published in the last 48 hours."""

    limit = NEWS_LIMIT

    @property
    def paginator(self) -> Paginator:
        # One file of at most NEWS_LIMIT recent stories: Django's paginator counts only those.
        return Paginator(self.items(), self.limit)

    def recent(self) -> QuerySet:
        return super().items().filter(published_at__gte=timezone.now() - NEWS_WINDOW)

    def items(self) -> QuerySet:
        # One file only: Google reads no more than 1,000 news entries.
        return self.recent()[:NEWS_LIMIT]

    def get_latest_lastmod(self) -> datetime | None:
        return _whole_seconds(self.recent().aggregate(latest=Max("published_at"))["latest"])

    def entry_details(self, article: Article, origin: str) -> dict:
        publication = Publication.current()
        return {
            **super().entry_details(article, origin),
            "news": {
                "name": text.plain_text(publication.name),
                "language": news_language(article.language),
                "date": _whole_seconds(article.published_at),
                "title": text.plain_text(article.headline),
            },
        }


class HomeSitemap(NewsroomSitemap):
    """The front page in each of the paper's languages."""

    def items(self) -> list[str]:
        return publication_languages()

    def location(self, language: str) -> str:
        with translation.override(language):
            return reverse("newsroom:home")

    def versions_of(self, languages: list[str]) -> dict:
        alternates = page_alternates(lambda: reverse("newsroom:home"))
        return {language: alternates for language in languages}

    def lastmod(self, name: str) -> datetime | None:
        return self.get_latest_lastmod()

    def get_latest_lastmod(self) -> datetime | None:
        return _whole_seconds(indexable_stories().aggregate(latest=Max("published_at"))["latest"])


class _ListingSitemap(NewsroomSitemap):
    """Pages that list stories: only those with a story to list, dated by their latest one."""

    model: type = Section

    def stories_of(self) -> QuerySet:  # pragma: no cover - each listing says
        raise NotImplementedError

    def items(self) -> QuerySet:
        return (
            self.model.objects.annotate(latest=_latest_story_subquery(self.stories_of()))
            .filter(latest__isnull=False)
            .only("slug")
            .order_by("slug")
        )

    def get_latest_lastmod(self) -> datetime | None:
        return _whole_seconds(self.items().aggregate(newest=Max("latest"))["newest"])


class SectionSitemap(_ListingSitemap):
    model = Section

    def versions_of(self, sections: list[Section]) -> dict:
        return {section: page_alternates(section.get_absolute_url) for section in sections}

    def stories_of(self) -> QuerySet:
        return indexable_stories().filter(section=OuterRef("pk"))


class TagSitemap(_ListingSitemap):
    model = Tag

    def stories_of(self) -> QuerySet:
        return indexable_stories().filter(tags=OuterRef("pk"))


class AuthorSitemap(_ListingSitemap):
    model = Author

    def stories_of(self) -> QuerySet:
        # The author page's rule: on the byline, or the posting account of an unsigned story.
        return indexable_stories().filter(
            Q(bylines__author=OuterRef("pk")) | Q(writer=OuterRef("pk"), bylines__isnull=True)
        )


SITEMAPS: dict[str, type[NewsroomSitemap]] = {
    "home": HomeSitemap,
    "news": NewsSitemap,
    "stories": StorySitemap,
    "sections": SectionSitemap,
    "tags": TagSitemap,
    "authors": AuthorSitemap,
}


def sitemap_files(request) -> list[tuple[str, datetime | None]]:
    """``(absolute URL, lastmod)`` of every sitemap file, for the index."""
    files = []
    for name, sitemap_class in SITEMAPS.items():
        sitemap = sitemap_class()
        url = absolute_url(request, reverse("distribution:sitemap", kwargs={"section": name}))
        lastmod = sitemap.get_latest_lastmod()
        files.append((url, lastmod))
        files += [
            (f"{url}?p={page}", lastmod) for page in range(2, sitemap.paginator.num_pages + 1)
        ]
    return files
