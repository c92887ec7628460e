"""``masthead ingest``: poll the wire sources that are due, once or (``--loop``) until stopped.

``masthead worker`` polls them on its own (masthead/tasks/jobs.py, the same service function);
``--loop`` stays for a site that runs no worker, and is not needed beside one."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from masthead.ingest.models import WireSource
from masthead.ingest.sources import require_migrated_database, wire_sources_poll_due


class Command(BaseCommand):
    help = (
        "Poll the wire sources whose interval has passed, importing new and changed stories "
        "with each source's section, credit line, publish mode, hold and usage rights."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        mode = parser.add_mutually_exclusive_group()
        mode.add_argument("--once", action="store_true", help="Poll once and stop (the default).")
        mode.add_argument(
            "--loop",
            action="store_true",
            help="Keep polling until interrupted (Ctrl-C). Not needed where `masthead worker` "
            "runs: it polls every source at its interval.",
        )
        parser.add_argument(
            "--sleep",
            type=float,
            default=30.0,
            help="With --loop: seconds between looks for due sources (default 30).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        require_migrated_database()
        if not options["loop"]:
            self._poll()
            return
        self.stdout.write(f"Polling wire sources every {options['sleep']:g} s; Ctrl-C to stop.")
        try:
            while True:
                self._poll()
                time.sleep(max(options["sleep"], 0.0))
        except KeyboardInterrupt:
            self.stdout.write("Stopped.")

    def _poll(self) -> None:
        polled = wire_sources_poll_due()
        if not polled:
            waiting = WireSource.objects.filter(active=True).count()
            self.stdout.write(f"No wire source is due ({waiting} active).")
            return
        stamp = timezone.localtime().strftime("%H:%M:%S")
        for source, report in polled:
            if source.last_error:
                self.stderr.write(f"{stamp} {source.name}: {source.last_error}")
                if report.total:
                    self.stdout.write(f"{stamp} {source.name}: {report.summary()}")
            else:
                self.stdout.write(f"{stamp} {source.name}: {report.summary()}")
