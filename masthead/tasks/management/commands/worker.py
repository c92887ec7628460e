"""``masthead worker``: the newsroom's background work, with no cron and no extra server."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from masthead.ingest.sources import require_migrated_database
from masthead.tasks.schedule import registered_jobs
from masthead.tasks.worker import Worker


class Command(BaseCommand):
    help = (
        "Run the background work: wire polls, photo renditions and retries, the spam purge, "
        "search index upkeep, scheduled backups and one-off tasks. Stops cleanly on SIGTERM or "
        "Ctrl-C after the job in hand. See docs/worker.md."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--once", action="store_true", help="One pass over what is due, then stop."
        )
        parser.add_argument(
            "--sleep",
            type=float,
            default=None,
            help="Seconds to wait when nothing is due (default MASTHEAD_WORKER_SLEEP, 5).",
        )
        parser.add_argument(
            "--list", action="store_true", help="List the periodic jobs and their intervals."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["list"]:
            for spec in registered_jobs().values():
                self.stdout.write(f"{spec.name:<22} every {spec.every}  {spec.description}")
            return
        sleep = settings.MASTHEAD_WORKER_SLEEP if options["sleep"] is None else options["sleep"]
        if sleep <= 0:
            raise CommandError("--sleep must be more than 0 seconds.")
        require_migrated_database()
        worker = Worker(sleep=sleep, say=self._say)
        worker.signals_install()
        worker.run(once=options["once"])

    def _say(self, message: str) -> None:
        self.stdout.write(f"{timezone.localtime():%Y-%m-%d %H:%M:%S} {message}")
        self.stdout.flush()
