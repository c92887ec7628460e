"""What a reader typed, turned into a query both search engines accept.

Readers type anything: quotes, operators, symbols, other scripts, pasted paragraphs, NUL bytes.
Neither engine sees that text. It is read here into a small structure, the way web search
boxes read it:

* words are runs of letters and digits (any script); everything else separates them;
* ``"north pier"`` is a phrase, and so is a hyphenated chunk such as ``covid-19``;
* ``-bus`` or ``-"night bus"`` leaves out stories that have it;
* ``or`` between words or phrases means either;
* every other word must be present.

Then the structure is written out again in each engine's syntax (PostgreSQL's
``websearch_to_tsquery`` and SQLite FTS5's query language) from words made only of letters and
digits, each one quoted for FTS5, so no input can produce a syntax error in either engine.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# Enough for any real query; a pasted paragraph is cut here instead of costing a slow search.
MAX_WORDS = 16
# Longer "words" are noise (base64, URLs run together) and PostgreSQL refuses very long ones.
MAX_WORD_LENGTH = 60
MAX_QUERY_CHARS = 2000

_CHUNK_RE = re.compile(r'(-?)"([^"]*)"?|(\S+)')
_WORD_RE = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Clause:
    """One word, or a phrase of several words in order; ``negated`` leaves it out."""

    words: tuple[str, ...]
    negated: bool = False


@dataclass
class ParsedQuery:
    """Groups of clauses: a story matches when it matches every clause of any one group."""

    text: str
    groups: list[list[Clause]] = field(default_factory=list)
    truncated: bool = False

    @property
    def is_empty(self) -> bool:
        """True when nothing could be searched for: no word outside a ``-`` exclusion."""
        return not self._searchable_groups()

    @property
    def words(self) -> list[str]:
        """The words that must or may appear (not the excluded ones), in order."""
        return [
            word
            for group in self._searchable_groups()
            for clause in group
            if not clause.negated
            for word in clause.words
        ]

    def _searchable_groups(self) -> list[list[Clause]]:
        # A group of exclusions only would match nearly every story; neither engine is asked.
        return [group for group in self.groups if any(not c.negated for c in group)]

    def to_websearch(self) -> str:
        """The query in the syntax of PostgreSQL's ``websearch_to_tsquery``."""

        def clause(c: Clause) -> str:
            # A lone "or" in quotes is the word, not the operator.
            if len(c.words) == 1 and c.words[0] != "or":
                body = c.words[0]
            else:
                body = '"' + " ".join(c.words) + '"'
            return ("-" if c.negated else "") + body

        return " or ".join(
            " ".join(clause(c) for c in group) for group in self._searchable_groups()
        )

    def to_fts5(self) -> str:
        """The query in SQLite FTS5's syntax, every word or phrase in double quotes."""

        def quoted(c: Clause) -> str:
            return '"' + " ".join(c.words) + '"'

        parts = []
        for group in self._searchable_groups():
            wanted = " ".join(quoted(c) for c in group if not c.negated)
            unwanted = "".join(f" NOT {quoted(c)}" for c in group if c.negated)
            parts.append(f"({wanted}){unwanted}")
        return " OR ".join(parts)


def parse_query(text: str) -> ParsedQuery:
    """Read a reader's query; never raises, whatever the text."""
    text = (text or "")[:MAX_QUERY_CHARS]
    parsed = ParsedQuery(text=text)
    group: list[Clause] = []
    word_count = 0
    for match in _CHUNK_RE.finditer(text):
        minus, phrase, bare = match.groups()
        negated = bool(minus)
        if phrase is None:
            if bare.lower() == "or":
                if group:
                    parsed.groups.append(group)
                    group = []
                continue
            negated = bare.startswith("-") and len(bare) > 1
            phrase = bare
        words = tuple(
            word.lower() for word in _WORD_RE.findall(phrase) if len(word) <= MAX_WORD_LENGTH
        )
        if not words:
            continue
        if word_count + len(words) > MAX_WORDS:
            parsed.truncated = True
            break
        word_count += len(words)
        group.append(Clause(words=words, negated=negated))
    if group:
        parsed.groups.append(group)
    return parsed


def keywords(text: str, *, limit: int = 8, stop_words: frozenset[str] = frozenset()) -> list[str]:
    """Distinctive words of a text (for related stories): longer words, no stop words."""
    seen: list[str] = []
    for word in _WORD_RE.findall(text or ""):
        word = word.lower()
        if len(word) < 4 or word in stop_words or word in seen or word.isdigit():
            continue
        if len(word) > MAX_WORD_LENGTH:
            continue
        seen.append(word)
        if len(seen) == limit:
            break
    return seen


def any_two_of(words: list[str]) -> ParsedQuery:
    """A query matching stories that have at least two of ``words`` (or the one word given).

    Two shared distinctive words say far more about two stories than one does, and the
    query stays selective enough to be cheap on a large archive.
    """
    words = [word for word in dict.fromkeys(words) if word]
    if len(words) < 2:
        groups = [[Clause(words=(word,))] for word in words]
    else:
        groups = [
            [Clause(words=(first,)), Clause(words=(second,))]
            for i, first in enumerate(words)
            for second in words[i + 1 :]
        ]
    return ParsedQuery(text=" ".join(words), groups=groups)
