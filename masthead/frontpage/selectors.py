"""What the front page shows now, in a fixed number of queries whatever the archive's size."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Q
from django.utils import timezone

from masthead.languages.codes import current_language, default_language
from masthead.newsroom.models import Article

from .models import FrontPage, PlacedStory, SectionBlock

# The lead and the top stories under it: a front page shows a handful, not a list.
MOST_PLACED = 7


@dataclass(frozen=True)
class Banner:
    text: str
    story: Article | None
    ends_at: datetime


@dataclass
class FrontPagePlan:
    placed: list[Article] = field(default_factory=list)  # live, in the desk's order
    banner: Banner | None = None
    block_order: dict[int, int] = field(default_factory=dict)  # section id: position
    hidden_sections: set[int] = field(default_factory=set)


def _still_on(moment: datetime) -> Q:
    return Q(ends_at__isnull=True) | Q(ends_at__gt=moment)


def front_page_plan(moment: datetime | None = None) -> FrontPagePlan:
    moment = moment or timezone.now()
    page = FrontPage.objects.select_related("breaking_story__section").order_by("pk").first()
    if page is None:
        return FrontPagePlan()
    # The live placed stories in the desk's order, in one query through the placements.
    placements = PlacedStory.objects.filter(_still_on(moment), front_page=page)
    placed = (
        Article.objects.live(at=moment)
        .in_language()
        .filter(front_page_places__in=placements)
        .for_listing()
        .order_by("front_page_places__position", "front_page_places__pk")[:MOST_PLACED]
    )
    plan = FrontPagePlan(placed=list(placed))
    story = page.breaking_story
    if (
        page.breaking_text
        and page.breaking_ends_at is not None
        and page.breaking_ends_at > moment
        and (story is None or story.is_live)
        # In the story's language; a banner without a story is written in the default one.
        and (story.language if story else default_language()) == current_language()
    ):
        plan.banner = Banner(page.breaking_text, story, page.breaking_ends_at)
    for section_id, position, shown in SectionBlock.objects.filter(front_page=page).values_list(
        "section_id", "position", "shown"
    ):
        plan.block_order[section_id] = position
        if not shown:
            plan.hidden_sections.add(section_id)
    return plan


def next_front_page_change(after: datetime | None = None) -> datetime | None:
    """When a placed story or the banner comes down next (None: nothing is due): no stored
    copy of the front page may outlive it."""
    moment = after or timezone.now()
    # One query (a reader's request pays for it when the stored moment has passed).
    placed = PlacedStory.objects.filter(ends_at__gt=moment).values_list("ends_at", flat=True)
    banner = FrontPage.objects.filter(breaking_ends_at__gt=moment).values_list(
        "breaking_ends_at", flat=True
    )
    return placed.order_by().union(banner.order_by()).order_by("ends_at").first()
