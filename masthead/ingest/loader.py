"""The one loader: :class:`~masthead.ingest.records.StoryRecord` in, stories in the database out.

Every format's parser produces records; only this module writes them. It upserts on the
record's ``(source, source_id)`` (falling back to the original URL, so the same story met
through a feed and then a full export is one story), and each story is written in its own
transaction: one bad item is reported with its position and the rest carry on.

Choices made here, for every format alike:

* **Statuses**: published → published, scheduled → scheduled, draft → draft, review → in
  review, and private → *unpublished*: a private post was never for readers, and
  "unpublished" keeps it out of every reader page while keeping its dates, without putting
  it back into the editors' draft queue. A published record whose time is still ahead (an
  embargo) becomes scheduled. With ``publish_mode="review"`` everything that would go live
  lands in the review queue instead, and a second run leaves the desk's decision alone.
* **People**: a byline name that is an existing author (same name, any case) becomes a
  Byline row, in order. Other names become new authors only when ``create_authors`` is on
  (site exports: the newsroom's own staff need author pages); otherwise (wire and feeds) they
  go to the free-text byline, which is what it is for. Agencies and publications become
  authors of the *organization* kind.
* **Photos**: the first photo is the hero: downloaded, checked to be a real image, and saved
  with caption, alt text, photographer and agency kept in their own fields. Images inside
  the body are downloaded too and pointed at the local copy. A photo that cannot be
  downloaded stays a reference to its original URL: in the body as a ``<figure>`` whose
  credit sits in its own ``<small>`` after the caption, and in ``ImportedItem
  .photo_references`` with caption and credit as separate values. (``Photo.image`` is
  required, and every page, card and feed relies on a Photo having a file and renditions,
  so a file-less Photo is not invented here.)
* **Old addresses** of stories that were public become redirects (:mod:`masthead.redirects`)
  that follow the story: a 301 to its URL of the day, 410 once it is gone. The record's slug
  is kept when it is free.
* **History**: every import that writes a story adds a revision ("Imported from …" or
  "Updated from …"), so the desk can compare and undo what an update from the source changed,
  and a status change by no one when the import set or changed the status.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from html import unescape
from typing import Any, Literal
from urllib.parse import unquote, urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import slugify

from masthead.comments.models import Comment
from masthead.comments.signals import comments_changed
from masthead.comments.spam import body_digest
from masthead.ingest.fetch import is_web_url
from masthead.ingest.media import Download, PhotoDownloader, existing_photo, save_photo
from masthead.ingest.models import ImportedItem, WireSource
from masthead.ingest.records import ItemError, ParseResult, PhotoRecord, StoryRecord
from masthead.languages.codes import (
    default_language,
    known_language,
    language_name,
    publication_languages,
)
from masthead.newsroom.bylines import bylines_set
from masthead.newsroom.models import (
    RESERVED_SLUGS,
    Article,
    Author,
    Publication,
    Section,
    StatusChange,
    Tag,
    unique_slug,
)
from masthead.newsroom.revisions import revision_create, snapshot
from masthead.photos.models import Photo
from masthead.redirects.models import Redirect, validate_old_path
from masthead.text import parse_fragment, plain_text, serialize_fragment, summarize
from masthead.web_urls import is_web_url as is_http_url

logger = logging.getLogger(__name__)

Outcome = Literal["created", "updated", "skipped", "failed"]
PublishMode = WireSource.PublishMode
Progress = Callable[[StoryRecord, Outcome], None]

DEFAULT_SECTION = "News"
PAGES_SECTION = "Pages"
STATUSES = {
    "published": Article.Status.PUBLISHED,
    "scheduled": Article.Status.SCHEDULED,
    "draft": Article.Status.DRAFT,
    "review": Article.Status.IN_REVIEW,
    "private": Article.Status.UNPUBLISHED,
}
MAX_INLINE_IMAGES = 40
_ORGANIZATION_RE = re.compile(
    r"\b(?:news|press|agency|service|services|wire|staff|desk|media|bureau|newsroom|associated"
    r"|reuters|afp|dpa|ntb|aap|sipa|ap|tt|upi|ansa|efe|pa|bloomberg)\b",
    re.IGNORECASE,
)
_IMG_SRC_RE = re.compile(r"<img\b[^>]*\bsrc=\"(https?://[^\"]+)\"", re.IGNORECASE)


@dataclass
class ImportReport:
    """What an import did: counts, and a line for every story that failed."""

    created: int = 0
    updated: int = 0
    skipped: int = 0
    failed: int = 0
    held: int = 0  # of those created or updated: kept from readers, in the review queue
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.created + self.updated + self.skipped + self.failed

    def count(self, outcome: Outcome) -> None:
        setattr(self, outcome, getattr(self, outcome) + 1)

    def add_parse_errors(self, result: ParseResult, *, name: str = "") -> None:
        """Items the parser had to skip count as failed, with their position in the file."""
        prefix = f"{name} " if name else ""
        for error in result.errors:
            self.failed += 1
            self.errors.append(f"{prefix}item {error}")
        self.warnings.extend(f"{prefix}{warning}".strip() for warning in result.warnings)
        self.skipped += len(result.skipped_items)
        self.warnings.extend(f"{prefix}{line}" for line in result.skipped_items)

    def merge(self, other: ImportReport) -> None:
        for name in ("created", "updated", "skipped", "failed", "held"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.errors.extend(other.errors)
        self.warnings.extend(other.warnings)

    def summary(self) -> str:
        held = f" ({self.held} held for review)" if self.held else ""
        return (
            f"{self.created} created, {self.updated} updated, "
            f"{self.skipped} skipped, {self.failed} failed{held}"
        )

    def to_json(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


def load_records(
    records: Iterable[StoryRecord],
    *,
    dry_run: bool = False,
    source: WireSource | None = None,
    publish_mode: str | None = None,
    create_authors: bool = True,
    download_photos: bool = True,
    progress: Progress | None = None,
    section: Section | None = None,
    salvage: bool = False,
) -> ImportReport:
    """Write ``records`` as stories; returns the counts and the failures.

    ``source`` is the wire source the records came from (its section, credit line, publish
    mode, hold and rights apply). ``section`` puts every story there (the desk's choice wins
    over the source's and the item's). ``dry_run`` writes nothing and downloads nothing: it only
    says what would be created, updated or skipped. ``progress`` is called after each story.
    ``salvage`` is set when the records are what could be read of a damaged file: then no
    live story is given a shorter body than it has.
    ``records`` may be a generator (``wxr.stream``): nothing is kept per story but failures.
    """
    mode = publish_mode or (source.publish_mode if source else PublishMode.PUBLISH)
    if mode not in PublishMode.values:
        raise ValueError(f"unknown publish mode {mode!r}")
    loader = _Loader(
        source=source,
        mode=mode,
        create_authors=create_authors,
        downloader=PhotoDownloader(enabled=download_photos and not dry_run),
        section=section,
        salvage=salvage,
    )
    report = ImportReport()
    for position, record in enumerate(records, start=1):
        try:
            outcome = loader.load(record, dry_run=dry_run, report=report)
        except Exception as exc:  # one bad story must not stop the others
            logger.debug("story %s failed", position, exc_info=True)
            outcome = "failed"
            report.errors.append(f"story #{position} ({_describe(record)}): {_reason(exc)}")
        report.count(outcome)
        if progress is not None:
            progress(record, outcome)
    report.warnings.extend(
        f"photo kept as a reference: {reason}" for reason in loader.downloader.failed_urls.values()
    )
    return report


@dataclass
class _Media:
    hero: Download | None = None
    inline: dict[str, Download] = field(default_factory=dict)


@dataclass
class _Loader:
    source: WireSource | None
    mode: str
    create_authors: bool
    downloader: PhotoDownloader
    section: Section | None = None
    salvage: bool = False
    held_reason: str = ""  # why the story being written is kept from readers, if it is

    def _language(self, record: StoryRecord, report: ImportReport) -> str:
        """The item's language, else the wire source's, else the paper's default."""
        source_language = getattr(self.source, "language", "") if self.source else ""
        own = known_language(record.language)
        language = own or known_language(source_language) or default_language()
        note = ""
        if record.language and not own:
            note = (
                f"stories in “{record.language}” were imported as {language_name(language)}: "
                "Masthead has no catalogues for that language"
            )
        elif language not in publication_languages():
            note = (
                f"stories in {language_name(language)} were imported; add “{language}” to the "
                "publication's other languages for readers to see them"
            )
        if note and note not in report.warnings:
            report.warnings.append(note)
        return language

    def load(self, record: StoryRecord, *, dry_run: bool, report: ImportReport) -> Outcome:
        source_id = source_id_key(record.source_id)
        digest = self.digest(record)
        item = (
            ImportedItem.objects.select_related("article")
            .filter(source=record.source[:200], source_id=source_id)
            .first()
        )
        article = item.article if item else self._match_by_url(record)
        if item is not None and item.content_hash == digest:
            # Unchanged at the source; photos that could not be fetched last time are tried
            # again (a re-run is how a newsroom recovers them once the old host answers).
            if not dry_run and self.downloader.enabled and _retryable(item):
                fetched, _still = missing_photos_retry(item.article, self.downloader)
                if fetched:
                    return "updated"
            return "skipped"
        if article is not None and (loss := self._would_lose(article, record)):
            report.warnings.append(
                f"{_describe(record)}: not updated, the live story would lose {loss}"
            )
            return "skipped"
        if dry_run:
            return "created" if article is None else "updated"
        # Downloads first, outside the transaction, so no slow host holds the write lock.
        media = self._download(record, article)
        propose = (
            article is not None
            and self.mode == PublishMode.REVIEW
            and article.status in Article.LIVE_STATUSES
        )
        with transaction.atomic():
            created = article is None
            if propose:
                self._propose(record, item, article, media, digest, report)
            else:
                self._write(record, item, article, media, digest, report)
        return "created" if created else "updated"

    def _would_lose(self, article: Article, record: StoryRecord) -> str:
        """What an update would take away from a live story that it must keep: its whole
        body or its photo always; any of its body when the file was damaged (``salvage``)."""
        if article.status not in Article.LIVE_STATUSES:
            return ""
        new_words = len(plain_text(record.body_html).split())
        if article.word_count and not new_words:
            return "its body"
        if self.salvage and new_words < len(plain_text(article.body_html).split()):
            return "part of its body"
        if article.hero_photo_id and _hero(record) is None:
            return "its photo"
        if self.salvage and article.dek and not record.dek:
            return "its dek"
        return ""

    def _propose(
        self,
        record: StoryRecord,
        item: ImportedItem | None,
        article: Article,
        media: _Media,
        digest: str,
        report: ImportReport,
    ) -> None:
        """A review source's change to a live story waits as a revision an editor restores
        to accept it; the live page keeps what it has until then."""
        point = transaction.savepoint()
        self._write(record, item, article, media, digest, report)
        proposed = snapshot(article)
        transaction.savepoint_rollback(point)
        current = Article.objects.get(pk=article.pk)
        if (
            proposed.get("hero_photo")
            and not Photo.objects.filter(pk=proposed["hero_photo"]["id"]).exists()
        ):
            proposed["hero_photo"] = snapshot(current)["hero_photo"]  # a file not yet kept
        revision_create(
            article=current,
            user=None,
            note=f"Proposed by {record.source}: restore this revision to accept it",
            content=proposed,
        )
        item = item or ImportedItem(
            source=record.source[:200],
            source_id=source_id_key(record.source_id),
            article=current,
            original_url=current.original_url,
        )
        item.wire_source = self.source
        item.content_hash = digest
        item.last_imported_at = timezone.now()
        item.save()
        report.held += 1
        report.warnings.append(
            f"{_describe(record)}: the change to the live story waits for an editor "
            "(a proposed revision)"
        )

    def digest(self, record: StoryRecord) -> str:
        options = [self.mode, self.create_authors]
        if self.section is not None:
            options.append(f"section:{self.section.pk}")  # a new section is a change to write
        if self.source is not None:
            options += [
                self.source.pk,
                self.source.section_id,
                self.source.credit_line,
                self.source.embargo_minutes,
                self.source.rights_days,
            ]
        payload = json.dumps(
            [dataclasses.asdict(record), options], default=str, sort_keys=True, ensure_ascii=False
        )
        return hashlib.sha256(payload.encode()).hexdigest()

    def _match_by_url(self, record: StoryRecord) -> Article | None:
        url = record.original_url.strip()
        if not url or len(url) > 500:
            return None
        # The original URL is public (feeds, JSON-LD): only a story this same source brought
        # in may be matched by it, never one of another source or the newsroom's own.
        same_source = ImportedItem.objects.filter(source=record.source[:200])
        if self.source is not None:
            same_source = ImportedItem.objects.filter(
                Q(source=record.source[:200]) | Q(wire_source=self.source)
            )
        return (
            Article.objects.filter(original_url=url, pk__in=same_source.values("article_id"))
            .order_by("pk")
            .first()
        )

    # -- photos --------------------------------------------------------------------------

    def _download(self, record: StoryRecord, article: Article | None) -> _Media:
        media = _Media()
        hero = _hero(record)
        if hero and existing_photo(hero.url) is None:
            media.hero = self.downloader.download(hero.url)
        for url in _image_urls(record.body_html)[:MAX_INLINE_IMAGES]:
            if url not in media.inline and existing_photo(url) is None:
                download = self.downloader.download(url)
                if download:
                    media.inline[url] = download
        return media

    def _hero_photo(
        self, record: StoryRecord, media: _Media, article: Article | None
    ) -> Photo | None:
        """The story's hero Photo. A file already downloaded is never fetched again, but the
        caption and credit belong to this story: another story's use of the same picture
        keeps its own (a new Photo row sharing the file)."""
        hero = _hero(record)
        if hero is None:
            return None
        photographer, agency = self._credit_parts(hero, record)
        # What the source says; where it says nothing, what the photo file itself carries
        # (IPTC/XMP, read at download) stays.
        given = {
            "caption": hero.caption,
            "alt_text": hero.alt[:300],
            "photographer": photographer[:200],
            "agency": agency[:200],
        }
        fields = {name: value for name, value in given.items() if value}
        current = article.hero_photo if article is not None and article.hero_photo_id else None
        if current is not None and current.source_url == hero.url and current.image:
            changed = [name for name, value in fields.items() if getattr(current, name) != value]
            for name in changed:
                setattr(current, name, fields[name])
            if changed:
                current.save(update_fields=changed)
            return current
        photo = existing_photo(hero.url)
        if photo is not None:
            if all(getattr(photo, name) == value for name, value in fields.items()):
                return photo
            copy = Photo(
                image=photo.image.name,
                width=photo.width,
                height=photo.height,
                renditions=photo.renditions,
                source_url=photo.source_url,
                **{name: getattr(photo, name) for name in given} | fields,
            )
            copy.save()
            return copy
        if media.hero is None:
            return None
        return save_photo(
            media.hero,
            caption=hero.caption,
            alt=hero.alt,
            photographer=photographer,
            agency=agency,
        )

    def _credit_parts(self, photo: PhotoRecord, record: StoryRecord) -> tuple[str, str]:
        """(photographer, agency): as the source split them, else from "Name/Agency"."""
        if photo.photographer or photo.agency:
            return photo.photographer, photo.agency
        credit = photo.credit.strip().strip("()").strip()
        if "/" in credit:
            name, _, agency = credit.partition("/")
            return name.strip(), agency.strip()
        if credit and (_ORGANIZATION_RE.search(credit) or credit == record.source_name):
            return "", credit
        return credit, ""

    def _reference(self, photo: PhotoRecord, record: StoryRecord) -> dict[str, str]:
        """A photo kept at its original URL, with caption and credit as separate values."""
        photographer, agency = self._credit_parts(photo, record)
        credit = photo.credit or "/".join(part for part in (photographer, agency) if part)
        return {
            "url": photo.url,
            "caption": photo.caption,
            "credit": credit,
            "alt": photo.alt or photo.caption,
            "photographer": photographer,
            "agency": agency,
            # Why it is not stored yet: a re-run tries again unless it was not a picture.
            "reason": self.downloader.failed_urls.get(photo.url, "")[:300],
        }

    def _inline_photos(self, body: str, media: _Media) -> str:
        """Point the body's images at local copies where there are some."""
        urls = _image_urls(body)
        if not urls:
            return body
        local: dict[str, Photo] = {}
        for url in urls:
            photo = existing_photo(url)
            if photo is None and url in media.inline:
                photo = save_photo(media.inline[url])
            if photo is not None:
                local[url] = photo
        return _rewrite_images(body, local) if local else body

    # -- writing -------------------------------------------------------------------------

    def _write(
        self,
        record: StoryRecord,
        item: ImportedItem | None,
        article: Article | None,
        media: _Media,
        digest: str,
        report: ImportReport,
    ) -> Article:
        now = timezone.now()
        self.held_reason = ""
        created = article is None
        article = article or Article()
        previous_status = article.status
        publication = Publication.current()

        hero = self._hero_photo(record, media, None if created else article)
        hero_record = _hero(record)
        references = (
            []
            if hero is not None or hero_record is None
            else [self._reference(hero_record, record)]
        )
        body = record.body_html
        if record.excerpt_only and not created and _longer(article.body_html, body):
            body = article.body  # a feed's cut-off excerpt never replaces a full story
        body = self._inline_photos(body, media)
        for ref in references:
            if ref["url"] not in body:
                body = _reference_figure(ref) + body

        source_name = record.source_name.strip()
        if self.source is not None and not source_name:
            source_name = self.source.name
        if source_name.casefold() == publication.name.casefold():
            source_name = ""  # the paper's own stories are not syndicated

        article.headline = _headline(record)
        article.dek = summarize(record.dek, 300) if record.dek else ""
        if created:
            article.slug = _free_slug(record)
            article.language = self._language(record, report)
        article.body = body
        article.body_format = Article.BodyFormat.HTML
        article.section = self._section(record)
        house = _is_house(record, publication)
        article.writer = self._author(
            record.writer,
            record,
            publication,
            create=self.create_authors or house,
            organization=house,
        )
        authors, free_text = self._bylines(record, publication)
        if not authors and not free_text:
            # One byline, as the paper prints it: the posting author signs a story that came
            # without a byline of its own.
            if article.writer is not None:
                authors = [article.writer]
            elif plain_text(record.writer).strip():
                free_text = [plain_text(record.writer).strip()]
        article.byline_text = " and ".join(free_text)[:200]
        article.source_name = source_name[:200]
        if self.source is not None:
            article.source_credit = self.source.credit_line
        article.original_url = _original_url(record, report)
        article.hero_photo = hero
        self._set_status_and_dates(article, record, item, created, now)
        article.save()

        bylines_set(article=article, authors=authors)
        article.tags.set(self._tags(record))
        comment_ids = self._comments(article, record, item.comment_ids if item else {})
        self._redirects(article, record, report)

        if item is None:
            item = ImportedItem(
                source=record.source[:200],
                source_id=source_id_key(record.source_id),
                first_imported_at=now,
            )
        item.article = article
        item.wire_source = self.source
        item.content_hash = digest
        item.original_url = article.original_url
        item.photo_references = references
        item.comment_ids = comment_ids
        item.last_imported_at = now
        item.save()
        self._history(article, record, previous_status, created)
        if self.held_reason:
            report.held += 1
            report.warnings.append(f"{_describe(record)}: held for review, {self.held_reason}")
        return article

    def _desk_status(self, article: Article) -> str:
        """The story's status when a person set it last (an editor unpublished or held it):
        an import never overrules the desk. Empty when the last word was an import's."""
        last = article.status_changes.order_by("-changed_at", "-pk").first()
        if last is not None and last.changed_by_id is not None:
            return article.status
        return ""

    def _history(
        self, article: Article, record: StoryRecord, previous_status: str, created: bool
    ) -> None:
        """The desk's history of the story: a revision per import (so an update from the
        source can be compared and undone) and the status change, by no one: by the import."""
        verb = "Imported" if created else "Updated"
        note = f"{verb} from {record.source}"
        if self.held_reason:
            note += f"; held for review: {self.held_reason}"
        note = note[:200]
        revision_create(article=article, user=None, note=note)
        if created or previous_status != article.status:
            StatusChange.objects.create(
                article=article,
                from_status="" if created else previous_status,
                to_status=article.status,
                published_at=article.published_at,
                note=note,
            )

    def _set_status_and_dates(
        self,
        article: Article,
        record: StoryRecord,
        item: ImportedItem | None,
        created: bool,
        now: datetime,
    ) -> None:
        status = STATUSES[record.status]
        if not created and (decided := self._desk_status(article)):
            status = decided
        published = record.published
        embargo = record.embargoed_until
        if embargo is None and self.source is not None and self.source.embargo_minutes:
            arrived = item.first_imported_at if item else now
            embargo = arrived + timedelta(minutes=self.source.embargo_minutes)
        if embargo is not None and (published is None or embargo > published):
            published = embargo
        held = ""
        if status in Article.LIVE_STATUSES and not plain_text(record.body_html).strip():
            held = "it has no body"
        if status == Article.Status.PUBLISHED and published is None:
            published = record.updated  # never "now": an undated story must not lead the page
            if published is None:
                held = held or "no publication date could be read"
        if held:
            status = Article.Status.IN_REVIEW
            self.held_reason = held
        if status == Article.Status.PUBLISHED and published is not None and published > now:
            status = Article.Status.SCHEDULED  # embargoed: goes live at its time
        if self.mode == PublishMode.REVIEW and status in Article.LIVE_STATUSES:
            status = Article.Status.IN_REVIEW
        if self.mode == PublishMode.REVIEW and not created and not held:
            status = article.status  # the desk has already decided what to do with it
        article.status = status
        article.published_at = published
        article.updated_at = record.updated
        rights_days = self.source.rights_days if self.source is not None else None
        ends = [record.expires] if record.expires else []
        if rights_days:
            ends.append((published or now) + timedelta(days=rights_days))
        article.expires_at = min(ends) if ends else None

    def _section(self, record: StoryRecord) -> Section:
        if self.section is not None:
            return self.section
        if self.source is not None and self.source.section_id:
            return self.source.section
        name = plain_text(record.section).strip()[:80]
        if not name:
            name = PAGES_SECTION if record.kind == "page" else DEFAULT_SECTION
        section = Section.objects.filter(name__iexact=name).order_by("pk").first()
        if section is not None:
            return section
        base = slugify(name)[:70].strip("-") or "section"
        if base in RESERVED_SLUGS:
            base = f"{base}-section"
        slug, n = base, 1
        while slug in RESERVED_SLUGS or Section.objects.filter(slug=slug).exists():
            n += 1
            slug = f"{base}-{n}"
        return Section.objects.create(name=name, slug=slug)

    def _author(
        self,
        name: str,
        record: StoryRecord,
        publication: Publication,
        *,
        create: bool,
        organization: bool = False,
    ) -> Author | None:
        name = plain_text(name).strip()[:120]
        if not name:
            return None
        author = Author.objects.filter(name__iexact=name).order_by("pk").first()
        if author is not None or not create:
            return author
        is_organization = (
            organization
            or name.casefold() in {record.source_name.casefold(), publication.name.casefold()}
            or bool(_ORGANIZATION_RE.search(name))
        )
        return Author.objects.create(
            name=name,
            slug=unique_slug(Author, slugify(name) or "author"),
            kind=Author.Kind.ORGANIZATION if is_organization else Author.Kind.PERSON,
        )

    def _bylines(
        self, record: StoryRecord, publication: Publication
    ) -> tuple[list[Author], list[str]]:
        authors: list[Author] = []
        free_text: list[str] = []
        for name in dict.fromkeys(plain_text(n).strip() for n in record.bylines):
            if not name:
                continue
            author = self._author(name, record, publication, create=self.create_authors)
            if author is None:
                free_text.append(name)
            elif author not in authors:
                authors.append(author)
        return authors, free_text

    def _tags(self, record: StoryRecord) -> list[Tag]:
        tags: list[Tag] = []
        for name in dict.fromkeys(plain_text(t).strip()[:80] for t in record.tags):
            if not name:
                continue
            tag = Tag.objects.filter(name__iexact=name).order_by("pk").first()
            if tag is None:
                tag = Tag.objects.create(name=name, slug=unique_slug(Tag, slugify(name) or "topic"))
            if tag not in tags:
                tags.append(tag)
        return tags

    def _comments(
        self, article: Article, record: StoryRecord, known: dict[str, int]
    ) -> dict[str, int]:
        ids: dict[str, int] = {}
        for index, raw in enumerate(record.comments, start=1):
            key = raw.source_id or f"#{index}"
            body = comment_text(raw.body_html)
            fields = {
                "author_name": (raw.author_name or "Anonymous")[:80],
                "body": body,
                "body_digest": body_digest(body),
                "email": _valid_email(raw.author_email),
                "created_at": raw.published or timezone.now(),
            }
            comment = None
            if key in known:
                comment = Comment.objects.filter(pk=known[key], article=article).first()
            if comment is None:
                status = Comment.Status.APPROVED if raw.approved else Comment.Status.PENDING
                comment = Comment.objects.create(article=article, status=status, **fields)
            else:
                # Moderation done here since the last import stands; the text follows the source.
                for name, value in fields.items():
                    setattr(comment, name, value)
                comment.save(update_fields=list(fields))
            ids[key] = comment.pk
        # Masthead's replies are one level deep: a reply to a reply joins its thread's root.
        parents = {
            raw.source_id or f"#{index}": raw.parent_source_id or ""
            for index, raw in enumerate(record.comments, start=1)
        }
        for key, own in ids.items():
            root, seen = parents.get(key, ""), {key}
            while parents.get(root) and root not in seen:
                seen.add(root)
                root = parents[root]
            parent = ids.get(root)
            if parent is not None and parent != own:
                Comment.objects.filter(pk=own).update(parent_id=parent)
        # .update() sends no signal: the story page shows the threads as they are now.
        comments_changed.send(sender=Comment, article_ids={article.pk})
        return ids

    def _redirects(self, article: Article, record: StoryRecord, report: ImportReport) -> None:
        """The story's addresses on the old site answer with a 301 to its new one.

        Only for stories readers could see there: a draft never had a public address.
        """
        if record.status != "published":
            return
        new_path = article.get_absolute_url()
        for raw in record.old_urls:
            path = old_path(raw)
            if not path or path == new_path:
                continue
            existing = Redirect.objects.filter(old_path=path).first()
            if existing is None:
                Redirect.objects.create(old_path=path, article=article, is_automatic=True)
            elif existing.article_id != article.pk:
                report.warnings.append(f"{path} already redirects elsewhere; left as it was")


# -- small helpers ----------------------------------------------------------------------------


def old_path(value: str) -> str:
    """An old address as a redirect keeps it: the path decoded, as ``request.path_info`` is.

    Addresses with a query (``/?p=17``) are left out: a redirect matches the path alone, so
    every such address would land on the same story.
    """
    parts = urlsplit((value or "").strip())
    if parts.query or not parts.path.startswith("/"):
        return ""
    path = unquote(parts.path)
    try:
        validate_old_path(path)
    except ValidationError:
        return ""
    return path if len(path) <= 500 else ""


def comment_text(html: str) -> str:
    """A comment body as the plain text the comments app stores: paragraphs kept apart."""
    html = re.sub(r"<br\s*/?>", "\n", html or "", flags=re.IGNORECASE)
    blocks = re.split(r"</p\s*>|</blockquote\s*>|</li\s*>", html, flags=re.IGNORECASE)
    paragraphs = []
    for block in blocks:
        lines = [plain_text(line) for line in block.split("\n")]
        text = "\n".join(line for line in lines if line)
        if text:
            paragraphs.append(text)
    return "\n\n".join(paragraphs)[:5000]


def _valid_email(value: str) -> str:
    value = (value or "").strip()
    if not value or len(value) > 254:
        return ""
    try:
        validate_email(value)
    except ValidationError:
        return ""
    return value


def source_id_key(value: str) -> str:
    """The key an item's source ID is stored under (long ones hashed)."""
    value = value.strip()
    # A key longer than the column (some feeds use whole URLs with tracking) is hashed.
    return value if len(value) <= 500 else "sha256:" + hashlib.sha256(value.encode()).hexdigest()


def _headline(record: StoryRecord) -> str:
    headline = plain_text(record.headline)
    if not headline:
        headline = summarize(plain_text(record.body_html), 100) or "Untitled story"
    return summarize(headline, 200)


def _original_url(record: StoryRecord, report: ImportReport) -> str:
    """The record's original URL when it is an http(s) address that fits; else dropped, noted."""
    url = record.original_url.strip()
    if not url:
        return ""
    if not is_http_url(url):
        report.warnings.append(
            f"{record.headline[:80]!r}: original URL dropped, not an http(s) address"
        )
        return ""
    return url if len(url) <= 500 else ""


def _free_slug(record: StoryRecord) -> str:
    candidate = slugify(unquote(record.slug or ""))[:120].strip("-")
    if candidate and not Article.objects.filter(slug=candidate).exists():
        return candidate
    return unique_slug(Article, candidate or _headline(record))


def _hero(record: StoryRecord) -> PhotoRecord | None:
    """The first photo with a web address; others (file:, data:) are never fetched or kept."""
    return next((photo for photo in record.photos if is_web_url(photo.url)), None)


def _is_house(record: StoryRecord, publication: Publication) -> bool:
    """Whether the writer is the publication or agency itself, not a person."""
    writer = record.writer.strip().casefold()
    return bool(writer) and writer in {publication.name.casefold(), record.source_name.casefold()}


def _longer(existing_html: str, new_html: str) -> bool:
    return len(plain_text(existing_html)) > len(plain_text(new_html))


def _image_urls(body: str) -> list[str]:
    return list(dict.fromkeys(unescape(url) for url in _IMG_SRC_RE.findall(body or "")))


def _rewrite_images(body: str, local: dict[str, Photo]) -> str:
    if (root := parse_fragment(body)) is None:
        return body
    for image in root.iter("img"):
        photo = local.get(image.get("src", ""))
        if photo is None:
            continue
        image.set("src", photo.url_for_width(960))
        if photo.width and photo.height:
            shown = min(photo.width, 960)
            image.set("width", str(shown))
            image.set("height", str(round(photo.height * shown / photo.width)))
        if not image.get("alt") and photo.alt_text:
            image.set("alt", photo.alt_text)
    return serialize_fragment(root)


def _remote_image_urls(article: Article) -> list[str]:
    return [url for url in _image_urls(article.body) if is_web_url(url)]


def _retryable(item: ImportedItem) -> bool:
    """A photo of the item's story that failed for a reason that may pass (a host that did
    not answer), not one that was fetched and found not to be a picture."""
    return any("not used as a photo" not in ref.get("reason", "") for ref in item.photo_references)


def has_missing_photos(article: Article) -> bool:
    """True when an imported story still points at photos kept only at their old address."""
    items = article.imported_items.exclude(photo_references=[])
    return items.exists() or bool(_remote_image_urls(article))


def missing_photos_retry(
    article: Article, downloader: PhotoDownloader | None = None
) -> tuple[int, int]:
    """Try again to download the photos of ``article`` that are still only references: the
    hero (then shown as the hero, its placeholder figure taken out of the body) and images
    in the body (pointed at the local copy). Returns (fetched, still missing)."""
    downloader = downloader or PhotoDownloader()
    fetched = missing = 0
    body = article.body
    hero_url = ""
    references: set[str] = set()  # counted here, not again as images of the body
    with transaction.atomic():
        for item in article.imported_items.select_for_update().exclude(photo_references=[]):
            remaining = []
            for ref in item.photo_references:
                references.add(ref.get("url", ""))
                photo = existing_photo(ref.get("url", ""))
                download = None if photo else downloader.download(ref.get("url", ""))
                if photo is None and download is not None:
                    photo = save_photo(
                        download,
                        caption=ref.get("caption", ""),
                        alt=ref.get("alt", ""),
                        photographer=ref.get("photographer", ""),
                        agency=ref.get("agency", ""),
                    )
                if photo is None:
                    remaining.append(ref)
                    missing += 1
                    continue
                fetched += 1
                if article.hero_photo_id is None:
                    article.hero_photo = photo
                    hero_url = ref["url"]
            item.photo_references = remaining
            item.save(update_fields=["photo_references"])
        if hero_url:
            body = _drop_figure_of(body, hero_url)
        local: dict[str, Photo] = {}
        for url in _image_urls(body)[:MAX_INLINE_IMAGES]:
            if not is_web_url(url) or url in references:
                continue
            photo = existing_photo(url)
            if photo is None and (download := downloader.download(url)) is not None:
                photo = save_photo(download)
            if photo is None:
                missing += 1
            else:
                local[url] = photo
                fetched += 1
        if local:
            body = _rewrite_images(body, local)
        if fetched:
            article.body = body
            article.save()
            revision_create(article=article, user=None, note="Missing photos fetched")
    return fetched, missing


def _drop_figure_of(body: str, url: str) -> str:
    """``body`` without the placeholder figure of a photo now shown as the hero."""
    if (root := parse_fragment(body)) is None:
        return body
    for image in list(root.iter("img")):
        if unescape(image.get("src", "")) == url:
            figure = next(image.iterancestors("figure"), None)
            (figure if figure is not None else image).drop_tree()
    return serialize_fragment(root)


def _reference_figure(ref: dict[str, str]) -> str:
    caption = escape(ref["caption"])
    if ref["credit"]:
        caption = f"{caption} <small>({escape(ref['credit'])})</small>".strip()
    figcaption = f"<figcaption>{caption}</figcaption>" if caption else ""
    return (
        f'<figure><img src="{escape(ref["url"])}" alt="{escape(ref["alt"])}">{figcaption}</figure>'
    )


def _describe(record: StoryRecord) -> str:
    headline = plain_text(record.headline)[:60] or "untitled"
    return f"{record.source_id[:80]} {headline!r}"


def _reason(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        return "; ".join(exc.messages)
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


__all__ = [
    "ImportReport",
    "ItemError",
    "Outcome",
    "PublishMode",
    "has_missing_photos",
    "load_records",
    "missing_photos_retry",
]
