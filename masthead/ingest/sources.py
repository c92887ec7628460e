"""Where stories come from: a file, a web address, or a wire source polled on a schedule.

:func:`open_source` reads and checks a whole source before anything is written, so a source
that cannot be read fails alone and cleanly; :func:`wire_source_poll` is the one service the
``masthead ingest`` command and the admin's "poll now" action call.
"""

from __future__ import annotations

import inspect
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, tzinfo
from pathlib import Path
from typing import Any

from django.conf import settings
from django.utils import timezone

from masthead.ingest.fetch import FetchError, fetch, is_web_url
from masthead.ingest.formats import get_parser, wxr
from masthead.ingest.loader import ImportReport, load_records
from masthead.ingest.models import WireSource
from masthead.ingest.records import ImportFileError, ParseResult, StoryRecord
from masthead.newsroom.models import Publication

logger = logging.getLogger(__name__)

# A whole site's export fetched from a URL is held in memory: keep it bounded.
MAX_DOWNLOAD_BYTES = 100 * 2**20
FETCH_TIMEOUT = 30.0
# Site exports bring the newsroom's own staff, who get author pages; wire and feed bylines
# are other organizations' reporters and go to the free-text byline.
SITE_EXPORTS = frozenset({"wxr", "ghost", "wix-csv"})


@dataclass
class OpenedSource:
    """A source that has been read in full and found readable, ready for the loader."""

    name: str
    records: Iterator[StoryRecord]
    result: ParseResult  # the parser's item errors and warnings (a stream fills it as it goes)
    count: int | None  # number of records, when known before loading

    def close(self) -> None:
        """Release the file a stream still holds open (when an import stops early)."""
        close = getattr(self.records, "close", None)
        if close is not None:
            close()


def file_in_import_dir(location: str, folder: Path | None = None) -> Path:
    """The real path of ``location`` when it names a file inside the import folder
    (``MASTHEAD_IMPORT_DIR``); :class:`ImportFileError` for anything else, a symlink that
    leads out, or a path with ``..`` in it."""
    folder = Path(folder or settings.MASTHEAD_IMPORT_DIR).resolve()
    given = Path(location)
    if not given.is_absolute() or ".." in given.parts:
        raise ImportFileError(location, f"give an absolute path inside {folder}")
    try:
        real = given.resolve(strict=True)
    except (OSError, RuntimeError):
        raise ImportFileError(location, "no such file") from None
    if not real.is_relative_to(folder) or not real.is_file():
        raise ImportFileError(location, f"wire sources can only read files inside {folder}")
    return real


def open_source(
    fmt: str,
    location: str,
    *,
    files_from_import_dir: bool = False,
    source_label: str | None = None,
    tz: tzinfo | None = None,
    year_hint: int | None = None,
    site_url: str = "",
) -> OpenedSource:
    """Read ``location`` (a path, or an http(s) URL) with the ``fmt`` parser.

    Raises :class:`ImportFileError` naming the location when it cannot be fetched or read;
    WordPress exports are streamed, but only after a first pass has checked the whole file.
    With ``files_from_import_dir`` (wire sources) a path must lead into the import folder.
    """
    parser = get_parser(fmt)
    data: Any
    url = ""
    if is_web_url(location):
        try:
            fetched = fetch(location, timeout=FETCH_TIMEOUT, max_bytes=MAX_DOWNLOAD_BYTES)
        except FetchError as exc:
            raise ImportFileError(location, exc.reason) from None
        data, url = fetched.data, fetched.url
    elif "://" in location:
        raise ImportFileError(location, "only files and http(s) addresses can be imported")
    elif files_from_import_dir:
        data = file_in_import_dir(location)
    else:
        data = Path(location)
    options: dict[str, Any] = {
        "source_label": source_label,
        "tz": tz or Publication.current().zone,
        "year_hint": year_hint,
        "site_url": site_url,
        "url": url,
    }
    accepted = inspect.signature(parser).parameters
    options = {key: value for key, value in options.items() if key in accepted and value}
    try:
        if fmt == "wxr":
            result = ParseResult()
            stream = wxr.stream(data, result=result, **options)
            first = next(stream, None)  # the first pass reads the whole file: bad XML fails here
            return OpenedSource(location, _prepend(first, stream), result, None)
        result = parser(data, **options)
    except ImportFileError as exc:
        raise ImportFileError(location, exc.reason) from None
    return OpenedSource(location, iter(result.records), result, len(result.records))


def _prepend(first: StoryRecord | None, rest: Iterator[StoryRecord]) -> Iterator[StoryRecord]:
    """``first`` then ``rest``, as a generator whose ``close()`` also closes ``rest``."""
    try:
        if first is not None:
            yield first
            yield from rest
    finally:
        close = getattr(rest, "close", None)
        if close is not None:
            close()


def wire_source_poll(*, source: WireSource, now: datetime | None = None) -> ImportReport:
    """Fetch one wire source and import what is new or changed; remember when and how it went.

    Never raises for a bad feed: the problem is kept in ``source.last_error`` for the desk.
    """
    now = now or timezone.now()
    report = ImportReport()
    try:
        opened = open_source(
            source.format, source.location, source_label=source.label, files_from_import_dir=True
        )
        if opened.result.damage:  # a feed cut off mid-poll: try again next time
            opened.close()
            raise ImportFileError(source.location, f"{opened.result.damage}; nothing was imported")
        report = load_records(opened.records, source=source, create_authors=False)
        report.add_parse_errors(opened.result)
        error = ""
        if report.errors:
            shown = "; ".join(report.errors[:3])
            error = f"{len(report.errors)} item(s) failed: {shown}"
    except ImportFileError as exc:
        error = str(exc)
    except Exception as exc:  # a poll loop must outlive one broken source
        logger.exception("polling wire source %s failed", source.pk)
        error = f"unexpected error: {type(exc).__name__}: {exc}"
    source.last_polled_at = now
    source.last_error = error
    source.save(update_fields=["last_polled_at", "last_error"])
    return report


def wire_sources_due(now: datetime | None = None) -> list[WireSource]:
    now = now or timezone.now()
    sources = WireSource.objects.filter(active=True).select_related("section")
    return [source for source in sources if source.is_due(now)]


def wire_sources_poll_due(*, now: datetime | None = None) -> list[tuple[WireSource, ImportReport]]:
    """Poll every active source whose interval has passed since its last poll."""
    now = now or timezone.now()
    return [(source, wire_source_poll(source=source, now=now)) for source in wire_sources_due(now)]


def require_migrated_database() -> None:
    """Stop before writing when the database lacks tables the import needs, with the fix."""
    from django.core.management.base import CommandError
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        raise CommandError(
            "The database is not up to date: run `masthead migrate` first. Nothing was imported."
        )
