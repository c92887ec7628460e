"""Reads: chainable querysets named for what the newsroom asks of its stories."""

from __future__ import annotations

from datetime import datetime

from django.db import models
from django.db.models import Min, Prefetch
from django.utils import timezone


class ArticleQuerySet(models.QuerySet):
    def live(self, at: datetime | None = None) -> ArticleQuerySet:
        """Stories a reader may see now.

        Visibility is decided at query time from the status and the publication time, so a story
        scheduled for 6 a.m. appears at 6 a.m. with no background job.
        """
        from .models import Article

        return self.filter(status__in=Article.LIVE_STATUSES, published_at__lte=at or timezone.now())

    def next_going_live(self, after: datetime | None = None) -> datetime | None:
        """When the next scheduled story goes live, or None.

        Anything that caches a reader page must not keep it past this moment, or the page
        would go on hiding a story whose time has come.
        """
        from .models import Article

        upcoming = self.filter(
            status__in=Article.LIVE_STATUSES, published_at__gt=after or timezone.now()
        )
        return upcoming.aggregate(first=Min("published_at"))["first"]

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

    def for_story_page(self) -> ArticleQuerySet:
        return (
            self.select_related("section", "hero_photo", "writer", "writer__photo")
            .with_bylines()
            .prefetch_related("tags")
        )


class AuthorQuerySet(models.QuerySet):
    def people(self) -> AuthorQuerySet:
        return self.filter(kind="person")
