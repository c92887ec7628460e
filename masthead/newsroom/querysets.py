"""Reads: chainable querysets named for what the newsroom asks of its stories."""

from __future__ import annotations

from datetime import datetime

from django.db import models
from django.db.models import Prefetch, Q
from django.utils import timezone


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

    def for_listing(self) -> ArticleQuerySet:
        """What a story card needs: section, photo and bylines, in a fixed number of queries."""
        return (
            self.select_related("section", "hero_photo").with_bylines().defer("body", "body_html")
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
