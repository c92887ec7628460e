"""The one way to search stories: :func:`search_stories`."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from masthead.languages.codes import current_language
from masthead.newsroom.models import Article, Publication, Section

from . import backends
from .query import parse_query
from .results import NoResults, SearchResults


def _start_of(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=Publication.current().zone)


def search_stories(
    query: str,
    *,
    section: Section | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    languages: list[str] | None = None,
) -> SearchResults:
    """Live stories matching ``query``, best match first, with highlighted snippets.

    Searches headlines, deks, bylines, bodies and tags (weighted in that order of importance)
    on PostgreSQL's full-text search or SQLite's FTS5, whichever database is in use. Dates are
    whole days in the publication's time zone, both ends included. Any text is a valid query:
    one with nothing to search for finds nothing. The result is lazy; page it with Django's
    Paginator.
    """
    parsed = parse_query(query)
    if parsed.is_empty:
        return NoResults(parsed)
    stories = Article.objects.live()
    # The page's language unless the reader asks for others (or every one of the paper's).
    languages = languages or [current_language()]
    stories = stories.filter(language__in=languages)
    if section is not None:
        stories = stories.filter(section=section)
    if date_from is not None:
        stories = stories.filter(published_at__gte=_start_of(date_from))
    if date_to is not None and date_to < date.max:
        stories = stories.filter(published_at__lt=_start_of(date_to + timedelta(days=1)))
    return backends.current().Results(parsed, stories, languages)
