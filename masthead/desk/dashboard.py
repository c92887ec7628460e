"""What the desk's first page shows: what waits for whom, today. Reads only, each list bounded,
each a query or two on an indexed column whatever the archive's size."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone

from masthead.newsroom import workflow
from masthead.newsroom.models import Article, Correction, Publication

SHOWN = 8  # per list: the desk page is a glance, each list links to the whole of it
SCHEDULE_DAYS = 7


@dataclass
class Dashboard:
    in_review: list[Article]
    in_review_count: int
    scheduled_days: list[tuple[date, list[Article]]]
    published_today: list[Article]
    published_today_count: int
    my_drafts: list[Article]
    comments_waiting: int | None = None  # None: not this account's work
    wire_waiting: list[Article] = field(default_factory=list)
    wire_waiting_count: int | None = None
    corrections: list[Correction] = field(default_factory=list)
    # A paper in several languages: the one the desk narrowed to ("" for all), the choices,
    # and the story list's matching filter.
    language: str = ""
    languages: list[tuple[str, str]] = field(default_factory=list)
    list_filter: str = ""


def sees_every_story(user) -> bool:
    return workflow.edits_any_story(user)


def own_stories(user) -> QuerySet:
    """Stories the account wrote or is bylined on (as the story list shows a contributor)."""
    return Article.objects.filter(
        pk__in=Article.objects.filter(workflow.own_stories(user)).values("pk")
    )


def stories_in_review(user) -> QuerySet:
    """The review queue this account works: all of it for an Editor, their own for others."""
    stories = Article.objects.all() if sees_every_story(user) else own_stories(user)
    return stories.filter(status=Article.Status.IN_REVIEW)


def _start_of_today(zone) -> datetime:
    today = timezone.localdate(timezone=zone)
    return datetime.combine(today, datetime.min.time(), zone)


def _scheduled_days(stories: QuerySet, zone, now: datetime) -> list[tuple[date, list[Article]]]:
    until = _start_of_today(zone) + timedelta(days=SCHEDULE_DAYS + 1)
    upcoming = (
        stories.filter(status__in=Article.LIVE_STATUSES, published_at__gt=now)
        .filter(published_at__lt=until)
        .select_related("section")
        .order_by("published_at", "pk")[: SHOWN * 3]
    )
    days: dict[date, list[Article]] = {}
    for story in upcoming:
        days.setdefault(timezone.localdate(story.published_at, timezone=zone), []).append(story)
    return list(days.items())


def dashboard_for(user, language: str = "") -> Dashboard:
    """The desk's page; ``language`` ("es") narrows every list to stories in that language."""
    zone = Publication.current().zone
    now = timezone.now()
    in_language = {"language": language} if language else {}
    mine = own_stories(user).filter(**in_language)
    stories = (Article.objects.all() if sees_every_story(user) else mine).filter(**in_language)
    review = (
        stories_in_review(user)
        .filter(**in_language)
        .select_related("section")
        .order_by("modified_at", "pk")
    )
    today = (
        Article.objects.live(at=now)
        .filter(published_at__gte=_start_of_today(zone))
        .filter(**in_language)
    )
    drafts = mine.filter(status=Article.Status.DRAFT).order_by("-modified_at", "-pk")
    board = Dashboard(
        in_review=list(review[:SHOWN]),
        in_review_count=review.count(),
        scheduled_days=_scheduled_days(stories, zone, now),
        published_today=list(today.select_related("section").latest_first()[:SHOWN]),
        published_today_count=today.count(),
        my_drafts=list(drafts.select_related("section")[:SHOWN]),
    )
    if user.has_perm("comments.change_comment"):
        from masthead.comments.models import Comment

        board.comments_waiting = Comment.objects.waiting().count()
    if sees_every_story(user):
        from masthead.ingest.models import ImportedItem

        wire = (
            Article.objects.filter(status__in=(Article.Status.DRAFT, Article.Status.IN_REVIEW))
            .filter(**in_language)
            .filter(
                Exists(
                    ImportedItem.objects.filter(article=OuterRef("pk"), wire_source__isnull=False)
                )
            )
            .order_by("-created_at", "-pk")
        )
        board.wire_waiting = list(wire.select_related("section")[:SHOWN])
        board.wire_waiting_count = wire.count()
        corrections = Correction.objects.select_related("article").order_by("-created_at", "-pk")
        if language:
            corrections = corrections.filter(article__language=language)
        board.corrections = list(corrections[:SHOWN])
    return board
