"""Search results as both engines return them: a lazy, sliceable list that Django's Paginator
pages through, of hits that carry the story and its highlighted headline and snippet."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from masthead.newsroom.models import Article

from .query import ParsedQuery

# Relevance ranks the newest RANK_WINDOW matches; any older matches follow them by date. Ranking
# reads every ranked story's index entry, so a word found in half the archive would otherwise
# cost a read of half the archive; and on a news site the newest good matches are what
# readers look for.
RANK_WINDOW = 1000

# The engines mark matches with these private-use characters; the marks become <mark> only
# after the text around them has been escaped, so stored text can never inject HTML.
MARK_START = "\ue000"
MARK_END = "\ue001"
_MARKS_RE = re.compile(f"([{MARK_START}{MARK_END}])")


def marked_html(raw: str) -> SafeString:
    """Escape ``raw`` and turn the engine's match marks into balanced ``<mark>`` elements."""
    out: list[str] = []
    inside = False
    for part in _MARKS_RE.split(raw or ""):
        if part == MARK_START:
            if not inside:
                out.append("<mark>")
                inside = True
        elif part == MARK_END:
            if inside:
                out.append("</mark>")
                inside = False
        else:
            out.append(escape(part))
    if inside:
        out.append("</mark>")
    return mark_safe("".join(out))  # every text part above is escaped


@dataclass
class Hit:
    article: Article
    headline_html: SafeString
    snippet_html: SafeString


class SearchResults:
    """Hits ranked best first. ``count()`` and slicing each run one query, on demand."""

    def __init__(self, query: ParsedQuery) -> None:
        self.query = query
        self._count: int | None = None

    def count(self) -> int:
        if self._count is None:
            self._count = 0 if self.query.is_empty else self._count_hits()
        return self._count

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index: slice) -> list[Hit]:
        if not isinstance(index, slice):
            raise TypeError("Search results are read a page at a time, by slice.")
        start, stop, _ = index.indices(self.count())
        if self.query.is_empty or stop <= start:
            return []
        return self._fetch(start, stop - start)

    def _count_hits(self) -> int:  # pragma: no cover - each engine has its own
        raise NotImplementedError

    def _fetch(self, offset: int, limit: int) -> list[Hit]:  # pragma: no cover
        raise NotImplementedError


class NoResults(SearchResults):
    """What an empty query (nothing but symbols, say) finds: nothing, without asking anyone."""

    def _count_hits(self) -> int:
        return 0

    def _fetch(self, offset: int, limit: int) -> list[Hit]:
        return []
