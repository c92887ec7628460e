"""Writes at the desk: placing stories on the front page."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from django.db import transaction
from django.db.models import F, Max

from masthead.newsroom.models import Article

from .models import FrontPage, PlacedStory


@transaction.atomic
def place_as_lead(article: Article, *, ends_at: datetime | None = None) -> PlacedStory:
    """Put ``article`` first on the front page; the stories placed before move down one."""
    page = FrontPage.current()
    PlacedStory.objects.filter(front_page=page).exclude(article=article).update(
        position=F("position") + 1
    )
    lowest = PlacedStory.objects.filter(front_page=page).exclude(article=article)
    first = lowest.order_by("position").values_list("position", flat=True).first()
    placed, _ = PlacedStory.objects.update_or_create(
        front_page=page,
        article=article,
        defaults={"position": 1 if first is None else first - 1, "ends_at": ends_at},
    )
    return placed


@transaction.atomic
def add_to_top_stories(articles: Iterable[Article]) -> int:
    """Add ``articles`` after the stories already placed (those already there stay put)."""
    page = FrontPage.current()
    placed = PlacedStory.objects.filter(front_page=page)
    last = placed.aggregate(last=Max("position"))["last"] or 0
    there = set(placed.values_list("article_id", flat=True))
    added = 0
    for article in articles:
        if article.pk in there:
            continue
        last += 1
        PlacedStory.objects.create(front_page=page, article=article, position=last)
        added += 1
    return added
