"""The intermediate records every format parser produces and the one loader consumes.

The protocol is deliberately small:

* ``parse(source, *, source_label=None, ...) -> ParseResult`` reads a whole file (a path or the
  file's bytes). A file that cannot be read at all raises :class:`ImportFileError`; nothing
  else escapes a parser.
* A single malformed item (one bad CSV row, one post without a usable body) does not sink the
  file: it is recorded as an :class:`ItemError` in ``ParseResult.errors`` and skipped, and the
  good records are still returned.
* Things worth telling a human that are not errors (a date whose year had to be guessed or was
  left empty, a feed that was only partly readable) go to ``ParseResult.warnings``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

from masthead.text import count_words, plain_text, reading_minutes

Status = Literal["published", "draft", "scheduled", "private", "review"]
Kind = Literal["post", "page"]
STATUSES: frozenset[str] = frozenset({"published", "draft", "scheduled", "private", "review"})


class ImportFileError(Exception):
    """The whole source is unreadable: not the format, not well-formed, unsafe, or empty.

    The message always names the file and the reason, and never quotes secrets from it.
    """

    def __init__(self, name: str, reason: str) -> None:
        self.name = name
        self.reason = reason
        super().__init__(f"{name}: {reason}")


@dataclass(frozen=True, slots=True)
class ItemError:
    """One item of a readable file that was skipped; ``position`` is 1-based (item or row)."""

    position: int
    message: str

    def __str__(self) -> str:
        return f"#{self.position}: {self.message}"


@dataclass(frozen=True, slots=True)
class PhotoRecord:
    url: str
    caption: str = ""
    # The full credit line as printed; photographer/agency only when the source splits them.
    credit: str = ""
    alt: str = ""
    photographer: str = ""
    agency: str = ""

    def to_json(self) -> dict[str, str]:
        return {"url": self.url, "caption": self.caption, "credit": self.credit, "alt": self.alt}


@dataclass(frozen=True, slots=True)
class CommentRecord:
    source_id: str
    author_name: str
    body_html: str
    published: datetime | None
    approved: bool
    parent_source_id: str | None = None
    # Kept for the loader (moderation, gravatars) but never shown: repr=False keeps it out of
    # logs and test failure output, and to_json() leaves it out.
    author_email: str = field(default="", repr=False)

    def to_json(self) -> dict[str, Any]:
        return {
            "source_id": self.source_id,
            "author_name": self.author_name,
            "body_html": self.body_html,
            "published": _iso(self.published),
            "approved": self.approved,
            "parent_source_id": self.parent_source_id,
        }


@dataclass(frozen=True, slots=True)
class StoryRecord:
    """One story or page, as found in the foreign source, ready for the loader.

    ``(source, source_id)`` is the idempotency key: importing the same file twice must update,
    not duplicate. ``body_html`` is already sanitized. Datetimes are timezone-aware or None.
    """

    source: str
    source_id: str
    headline: str
    slug: str = ""
    dek: str = ""
    writer: str = ""
    bylines: list[str] = field(default_factory=list)
    published: datetime | None = None
    updated: datetime | None = None
    section: str = ""
    tags: list[str] = field(default_factory=list)
    photos: list[PhotoRecord] = field(default_factory=list)
    body_html: str = ""
    source_name: str = ""
    original_url: str = ""
    status: Status = "published"
    comments: list[CommentRecord] = field(default_factory=list)
    kind: Kind = "post"
    old_urls: list[str] = field(default_factory=list)
    excerpt_only: bool = False
    embargoed_until: datetime | None = None
    # When the provider says the story must no longer be used (ninjs ``expires``).
    expires: datetime | None = None
    # The source's language tag as written ("en-US", "es"): the item's own, else its file's
    # or feed's; blank when it says none (the loader then uses the wire source's or the
    # paper's default).
    language: str = ""

    def __post_init__(self) -> None:
        # Catch parser bugs early: the loader relies on both of these.
        if self.status not in STATUSES:
            raise ValueError(f"unknown status {self.status!r}")
        for name in ("published", "updated", "embargoed_until", "expires"):
            value = getattr(self, name)
            if value is not None and value.utcoffset() is None:
                raise ValueError(f"{name} must be timezone-aware")

    @property
    def reading_minutes(self) -> int:
        return reading_minutes(count_words(plain_text(self.body_html)))

    def to_json(self) -> dict[str, Any]:
        """The record as plain JSON types, for previews and ``--dry-run`` output."""
        return {
            "headline": self.headline,
            "slug": self.slug,
            "writer": self.writer,
            "bylines": list(self.bylines),
            "published": _iso(self.published),
            "updated": _iso(self.updated),
            "reading_minutes": self.reading_minutes,
            "section": self.section,
            "tags": list(self.tags),
            "photos": [photo.to_json() for photo in self.photos],
            "body_html": self.body_html,
            "source": self.source_name,
            "original_url": self.original_url,
            "status": self.status,
            "comments": len(self.comments),
        }


@dataclass(slots=True)
class ParseResult:
    """What a parser returns: the good records, the skipped items, and notes for a human."""

    records: list[StoryRecord] = field(default_factory=list)
    errors: list[ItemError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # Set when the file is damaged (cut short, not well-formed) but some items could still be
    # read: the import refuses it unless asked to salvage those items.
    damage: str = ""
    # Items deliberately left out (advertising), each with its position and why.
    skipped_items: list[str] = field(default_factory=list)

    def __iter__(self) -> Iterator[StoryRecord]:
        return iter(self.records)

    def __len__(self) -> int:
        return len(self.records)


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None
