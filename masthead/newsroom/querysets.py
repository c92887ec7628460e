"""Reads: chainable querysets named for what the newsroom asks of its stories."""

from __future__ import annotations

from datetime import datetime

from django.db import models
from django.db.models import Exists, Min, OuterRef, Prefetch, Q
from django.utils import timezone

# What a link to a story needs (Article.get_absolute_url): its address is in its language's
# part of the site, under its section's slug in that language.
LINK_FIELDS = (
    "headline", "slug", "language", "published_at", "created_at",
    "section__slug", "section__translations",
)  # fmt: skip


class ArticleQuerySet(models.QuerySet):
    def live(self, at: datetime | None = None) -> ArticleQuerySet:
        """Stories a reader may see now.

        Visibility is decided at query time from the status, the publication time and the end of
        the usage rights, so a story scheduled for 6 a.m. appears at 6 a.m., and a wire story
        whose rights expire at noon disappears at noon, with no background job.
        """
        from .models import Article

        moment = at or timezone.now()
        return self.filter(
            Q(expires_at__isnull=True) | Q(expires_at__gt=moment),
            status__in=Article.LIVE_STATUSES,
            published_at__lte=moment,
        )

    def next_going_live(self, after: datetime | None = None) -> datetime | None:
        """When what readers may see next changes: a scheduled story goes live, or a live
        story's usage rights expire; None if nothing is due.

        Anything that caches a reader page must not keep it past this moment, or the page
        would go on hiding a story whose time has come, or showing one whose rights ended.
        """
        from .models import Article

        moment = after or timezone.now()
        upcoming = self.filter(status__in=Article.LIVE_STATUSES, published_at__gt=moment)
        expiring = self.live(at=moment).filter(expires_at__isnull=False)
        times = [
            upcoming.aggregate(first=Min("published_at"))["first"],
            expiring.aggregate(first=Min("expires_at"))["first"],
        ]
        return min((t for t in times if t is not None), default=None)

    def in_language(self, language: str | None = None) -> ArticleQuerySet:
        """Stories in ``language``, by default the page's: every reader list (home, archive,
        sections, tags, authors, feeds, search, related and recent stories) shows one."""
        from masthead.languages.codes import current_language

        return self.filter(language=language or current_language())

    def by_author(self, author) -> ArticleQuerySet:
        """The author page's stories: those with the author on the byline (who posted a story is
        a newsroom fact, not a credit). Selected through one id subquery on the byline index, so
        the cost follows the author's own stories, not the whole archive."""
        from .models import Byline

        return self.filter(
            pk__in=Byline.objects.filter(author=author).order_by().values("article_id")
        )

    def latest_first(self) -> ArticleQuerySet:
        return self.order_by("-published_at", "-pk")

    def with_bylines(self) -> ArticleQuerySet:
        from .models import Byline

        return self.prefetch_related(
            Prefetch(
                "bylines",
                queryset=Byline.objects.select_related("author").order_by("position", "pk"),
            )
        )

    def with_comment_count(self) -> ArticleQuerySet:
        from masthead.comments.selectors import approved_comment_count

        return self.annotate(comment_count=approved_comment_count())

    def for_listing(self) -> ArticleQuerySet:
        """What a story card needs: section, photo, bylines and comment count, in a fixed number
        of queries."""
        return (
            self.select_related("section", "hero_photo")
            .with_bylines()
            .with_comment_count()
            .defer("body", "body_html")
        )

    def recent_posts(self, *, besides: int | None, limit: int) -> ArticleQuerySet:
        """The "Recent Posts" list under a story: the latest others, with what a link needs."""
        return (
            self.exclude(pk=besides)
            .select_related("section")
            .only(*LINK_FIELDS)
            .latest_first()[:limit]
        )

    def for_story_page(self) -> ArticleQuerySet:
        return (
            self.select_related("section", "hero_photo", "writer", "writer__photo")
            .with_bylines()
            .prefetch_related("tags")
        )


class TagQuerySet(models.QuerySet):
    def on_live_stories(self) -> TagQuerySet:
        """Tags readers may see: those on at least one live story."""
        from .models import Article

        # EXISTS per tag: one index lookup through the tag's stories, stopping at the first
        # live one, rather than the tags of every live story in the archive.
        return self.filter(Exists(Article.objects.live().filter(tags=OuterRef("pk"))))
