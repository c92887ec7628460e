"""Story lists paged by keyset: "Older stories" asks for the stories published before the last one
on the page (``?before=<published_at>,<id>``), "Newer stories" for those after the first one
(``?after=...``).

Unlike OFFSET pagination, page 500 costs what page 1 costs (an index seek to the cursor, then
PAGE_SIZE rows), nothing counts every story, and a link keeps showing the same stories however
many are published after it was made. Old ``?page=N`` links are still served, through one bounded
seek on the list's index (at most PAGE_SEEK_LIMIT pages deep).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urlencode

from django.conf import settings
from django.core.exceptions import BadRequest
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest
from django.utils import formats, timezone
from django.utils.translation import gettext, pgettext

# The deepest ``?page=N`` still answered: links made before keyset pagination, or typed by hand.
# Deeper pages are reached by "Older stories" links, which cost the same at any depth.
PAGE_SEEK_LIMIT = 1000


@dataclass(frozen=True)
class Cursor:
    """A story's place in a newest-first list: its publication time, then its id for ties."""

    published_at: datetime
    pk: int

    @classmethod
    def of(cls, story) -> Cursor:
        return cls(story.published_at, story.pk)

    @classmethod
    def parse(cls, value: str) -> Cursor:
        """``2026-03-01T09:30:00.000000Z,1234``; raises BadRequest (400) for anything else."""
        moment, _, pk = value.partition(",")
        try:
            published_at = datetime.fromisoformat(moment)
            number = int(pk)
        except ValueError:
            raise BadRequest("That list position is not a date and a story number.") from None
        if timezone.is_naive(published_at) or number < 1:
            raise BadRequest("That list position is not a date and a story number.")
        return cls(published_at, number)

    def __str__(self) -> str:
        # UTC with a Z: no "+" to escape in a URL, and one spelling per moment.
        moment = self.published_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        return f"{moment},{self.pk}"

    def older(self) -> Q:
        """Stories after this one in a newest-first list. The redundant ``published_at <=``
        bounds the index range, so the scan starts at the cursor and not at the newest story."""
        return Q(published_at__lte=self.published_at) & (
            Q(published_at__lt=self.published_at)
            | Q(published_at=self.published_at, pk__lt=self.pk)
        )

    def newer(self) -> Q:
        return Q(published_at__gte=self.published_at) & (
            Q(published_at__gt=self.published_at)
            | Q(published_at=self.published_at, pk__gt=self.pk)
        )


class FirstPage(Exception):
    """An ``?after=`` link that reaches the newest stories: the list's first page answers it."""


@dataclass
class StoryPage:
    """One page of a story list, with what the pagination template needs."""

    object_list: list
    has_previous: bool
    has_next: bool
    # Known for the first page and for ``?page=N`` links; None on a keyset page.
    number: int | None = None

    def __iter__(self):
        return iter(self.object_list)

    def __len__(self) -> int:
        return len(self.object_list)

    def has_other_pages(self) -> bool:
        return self.has_previous or self.has_next

    @property
    def newer_query(self) -> str:
        if not self.object_list:
            return ""
        return "?" + urlencode({"after": str(Cursor.of(self.object_list[0]))})

    @property
    def older_query(self) -> str:
        if not self.object_list:
            return ""
        return "?" + urlencode({"before": str(Cursor.of(self.object_list[-1]))})

    @property
    def label(self) -> str:
        """Where this page is, for its title and its navigation: "page 3" or "from 2 March
        2026" (a keyset page has no number that would stay true as stories are added)."""
        if self.number is not None:
            return gettext("page %(number)s") % {"number": self.number}
        if not self.object_list:
            return ""
        from .models import Publication

        newest = timezone.localtime(self.object_list[0].published_at, Publication.current().zone)
        # Translators: a date format (Django's date filter); "2 March 2026" in English.
        day = formats.date_format(newest, pgettext("day in a story list's page label", "j F Y"))
        return gettext("from %(day)s") % {"day": day}

    @property
    def title_suffix(self) -> str:
        """ ", page 3" or ", from 2 March 2026"; nothing on the first page."""
        return "" if self.number == 1 else f", {self.label}"


def story_page(request: HttpRequest, stories: QuerySet, *, size: int | None = None) -> StoryPage:
    """The page of ``stories`` (a newest-first list) that the request asks for.

    Raises Http404 for a page past the end, BadRequest for a malformed position, and FirstPage
    for a "Newer stories" link that reaches the top (the caller redirects to the list itself).
    """
    size = size or settings.MASTHEAD_PAGE_SIZE
    stories = stories.order_by("-published_at", "-pk")
    if "before" in request.GET:
        cursor = Cursor.parse(request.GET["before"])
        rows = list(stories.filter(cursor.older())[: size + 1])
        if not rows:
            raise Http404("There are no stories before that one.")
        return StoryPage(rows[:size], has_previous=True, has_next=len(rows) > size)
    if "after" in request.GET:
        cursor = Cursor.parse(request.GET["after"])
        # The nearest newer stories, read upwards, then shown newest first.
        rows = list(stories.filter(cursor.newer()).order_by("published_at", "pk")[: size + 1])
        if len(rows) <= size:
            raise FirstPage
        return StoryPage(rows[:size][::-1], has_previous=True, has_next=True)
    number = _page_number(request)
    if number > 1:
        # An old numbered link: find the story that ends the page before, by the list's own
        # index (reading only publication times and ids), then page from it by keyset.
        offset = (number - 1) * size - 1
        bound = stories.values_list("published_at", "pk")[offset : offset + 1]
        found = list(bound)
        if not found:
            raise Http404("There is no such page.")
        stories = stories.filter(Cursor(*found[0]).older())
    rows = list(stories[: size + 1])
    if not rows and number > 1:
        raise Http404("There is no such page.")
    return StoryPage(rows[:size], has_previous=number > 1, has_next=len(rows) > size, number=number)


def _page_number(request: HttpRequest) -> int:
    try:
        number = int(request.GET.get("page", 1))
    except ValueError:
        raise Http404("That page number is not a number.") from None
    if number < 1:
        raise Http404("There is no such page.")
    if number > PAGE_SEEK_LIMIT:
        raise Http404(
            f"Pages deeper than {PAGE_SEEK_LIMIT} are reached by the “Older stories” links."
        )
    return number
