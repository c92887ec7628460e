"""``masthead import FORMAT SOURCE...``: bring stories in from another platform or a feed."""

from __future__ import annotations

import json
import sys
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from masthead.ingest.formats import FORMATS
from masthead.ingest.loader import (
    ImportReport,
    Outcome,
    PublishMode,
    has_missing_photos,
    load_records,
    missing_photos_retry,
    source_id_key,
)
from masthead.ingest.media import PhotoDownloader
from masthead.ingest.models import ImportedItem
from masthead.ingest.records import ImportFileError, StoryRecord
from masthead.ingest.sources import (
    SITE_EXPORTS,
    OpenedSource,
    open_source,
    require_migrated_database,
)
from masthead.newsroom.models import Section

# Fewer stories than this finish before a progress bar would be worth drawing.
PROGRESS_FROM = 50


class Command(BaseCommand):
    help = (
        "Import stories from files or http(s) addresses: a WordPress export (wxr), a Ghost "
        "export (ghost), a Wix posts CSV (wix-csv), an RSS/Atom feed (rss), IPTC ninjs (ninjs) "
        "or a saved article page (page). Running it again updates what changed and creates "
        "nothing twice."
    )

    failed_items = 0

    def run_from_argv(self, argv: list[str]) -> None:
        """From a shell, a run in which any item failed exits 1 (the summary says which), so
        a script or the desk never takes a partial import for a clean one."""
        super().run_from_argv(argv)
        if self.failed_items:
            sys.exit(1)

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("format", choices=sorted(FORMATS), help="The kind of file.")
        parser.add_argument("sources", nargs="+", metavar="SOURCE", help="File paths or URLs.")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Write nothing and download nothing; show what would be imported.",
        )
        parser.add_argument(
            "--format",
            dest="output",
            choices=["text", "json"],
            default="text",
            help="Output: a summary for people (text), or one JSON object per story (json).",
        )
        parser.add_argument(
            "--source-label",
            help="The name the stories are remembered under (default: from the file). "
            "Re-imports match stories by this label and their ID in the source.",
        )
        parser.add_argument(
            "--time-zone",
            help="The old site's time zone, for dates written without one "
            "(default: the publication's).",
        )
        parser.add_argument(
            "--year-hint",
            type=int,
            help="The year of dates printed without one (saved pages).",
        )
        parser.add_argument(
            "--site-url",
            default="",
            help="The old site's address (Wix CSV links, Ghost __GHOST_URL__).",
        )
        parser.add_argument(
            "--section",
            metavar="SLUG",
            help="Put every imported story in this section (default: the section each names).",
        )
        mode = parser.add_mutually_exclusive_group()
        mode.add_argument(
            "--publish",
            dest="publish_mode",
            action="store_const",
            const=PublishMode.PUBLISH,
            help="Keep each story's status: published stories go live (the default).",
        )
        mode.add_argument(
            "--review",
            dest="publish_mode",
            action="store_const",
            const=PublishMode.REVIEW,
            help="Send every story that would go live to the review queue instead.",
        )
        parser.add_argument(
            "--refetch-photos",
            action="store_true",
            help="Only try again to download the photos of this file's stories that could "
            "not be fetched before; change nothing else.",
        )
        parser.add_argument(
            "--salvage",
            action="store_true",
            help="Import what can be read of a damaged (cut short, not well-formed) file. "
            "Even then no live story is given a shorter body or loses its photo.",
        )
        parser.add_argument(
            "--no-download",
            action="store_true",
            help="Keep every photo as a reference to its original URL.",
        )
        progress = parser.add_mutually_exclusive_group()
        progress.add_argument(
            "--progress",
            dest="progress",
            action="store_true",
            default=None,
            help="Always show the progress bar (default: on a terminal, for long runs).",
        )
        progress.add_argument(
            "--no-progress", dest="progress", action="store_false", help="Never show it."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        fmt: str = options["format"]
        as_json = options["output"] == "json"
        tz = _zone(options["time_zone"]) if options["time_zone"] else None
        if not options["dry_run"]:
            require_migrated_database()
        options["section"] = _section(options["section"]) if options["section"] else None
        # Every source is read and checked before the first story is written.
        opened: list[OpenedSource] = []
        for location in options["sources"]:
            try:
                opened.append(
                    open_source(
                        fmt,
                        location,
                        source_label=options["source_label"],
                        tz=tz,
                        year_hint=options["year_hint"],
                        site_url=options["site_url"],
                    )
                )
            except ImportFileError as exc:
                for source in opened:
                    source.close()
                raise CommandError(f"Cannot import {exc}. Nothing was imported.") from None
            damage = opened[-1].result.damage
            if damage and not options["salvage"]:
                for source in opened:
                    source.close()
                raise CommandError(
                    f"Cannot import {opened[-1].name}: {damage}. Nothing was imported. "
                    "--salvage imports the items that can be read."
                )

        if options["refetch_photos"]:
            self._refetch_photos(opened)
            return
        total = ImportReport()
        for source in opened:
            report = self._load(source, fmt, options, as_json)
            report.add_parse_errors(source.result)
            total.merge(report)
            if len(opened) > 1:
                self._summary(report, source.name, options["dry_run"], as_json)
        self._summary(total, "" if len(opened) > 1 else opened[0].name, options["dry_run"], as_json)
        for error in total.errors:
            self.stderr.write(f"  failed: {error}")
        for warning in total.warnings:
            self.stderr.write(f"  note: {warning}")
        self.failed_items = total.failed
        if total.failed and total.failed == total.total:
            # Every item failed: that is a failed import, not a successful one with notes.
            raise CommandError(f"All {total.failed} item(s) failed; nothing was imported.")

    def _refetch_photos(self, opened: list[OpenedSource]) -> None:
        downloader = PhotoDownloader()
        fetched = missing = stories = 0
        for source in opened:
            try:
                for record in source.records:
                    item = (
                        ImportedItem.objects.select_related("article")
                        .filter(
                            source=record.source[:200], source_id=source_id_key(record.source_id)
                        )
                        .first()
                    )
                    if item is None or not has_missing_photos(item.article):
                        continue
                    got, still = missing_photos_retry(item.article, downloader)
                    fetched, missing, stories = fetched + got, missing + still, stories + 1
            finally:
                source.close()
        self.stdout.write(
            f"Photos: {fetched} fetched, {missing} still missing, in {stories} stories."
        )
        for reason in downloader.failed_urls.values():
            self.stderr.write(f"  note: still missing: {reason}")

    def _load(
        self, source: OpenedSource, fmt: str, options: dict[str, Any], as_json: bool
    ) -> ImportReport:
        stream = getattr(self.stderr, "_out", sys.stderr)
        show_bar = options["progress"]
        if show_bar is None:
            long_run = source.count is None or source.count >= PROGRESS_FROM
            show_bar = long_run and hasattr(stream, "isatty") and stream.isatty()
        bar = tqdm(
            total=source.count,
            unit="story",
            desc=source.name[-40:],
            file=stream,
            disable=not show_bar,
            leave=False,
            dynamic_ncols=True,
        )

        def progress(record: StoryRecord, outcome: Outcome) -> None:
            bar.update(1)
            if as_json and options["dry_run"]:
                bar.clear()
                self.stdout.write(json.dumps(record.to_json(), ensure_ascii=False))
            elif options["dry_run"] and options["verbosity"] >= 1:
                verb = {"created": "create", "updated": "update", "skipped": "unchanged"}
                bar.clear()
                self.stdout.write(f"  {verb.get(outcome, outcome):9} {record.headline[:90]}")

        try:
            return load_records(
                source.records,
                dry_run=options["dry_run"],
                publish_mode=options["publish_mode"] or PublishMode.PUBLISH,
                create_authors=fmt in SITE_EXPORTS,
                download_photos=not options["no_download"],
                progress=progress,
                section=options["section"],
                salvage=options["salvage"],
            )
        finally:
            bar.close()
            source.close()

    def _summary(self, report: ImportReport, name: str, dry_run: bool, as_json: bool) -> None:
        where = f" from {name}" if name else ""
        if dry_run:
            line = (
                f"Dry run{where}: would create {report.created}, update {report.updated}, "
                f"skip {report.skipped} unchanged; {report.failed} failed. Nothing was written."
            )
        else:
            line = f"Imported{where}: {report.summary()}."
        # JSON output keeps stdout to one story per line; the counts go to stderr.
        (self.stderr if as_json else self.stdout).write(line)


def _section(slug: str) -> Section:
    section = Section.objects.filter(slug=slug).first()
    if section is None:
        known = ", ".join(Section.objects.order_by("slug").values_list("slug", flat=True))
        raise CommandError(
            f"No section with the slug {slug!r} (known: {known or 'none yet'}). "
            "Nothing was imported."
        )
    return section


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise CommandError(f"Unknown time zone {name!r}; use a name such as Europe/Oslo.") from None
