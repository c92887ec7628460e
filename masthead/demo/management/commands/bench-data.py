"""``masthead bench-data --stories N``: an invented archive of N stories, for measuring."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from tqdm import tqdm

from masthead.demo.bench import BenchDataRefused, fill


class Command(BaseCommand):
    help = (
        "Fill an empty database with N invented live stories, with bylines, tags, photos and "
        "comments, by bulk inserts (for benchmarks; refuses a database that has stories)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--stories", type=int, required=True, help="How many stories.")
        parser.add_argument("--seed", type=int, default=1, help="The same seed, the same data.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Add invented stories even to a database that already has stories.",
        )

    def handle(self, *args, stories: int, seed: int, force: bool, **options) -> None:
        if stories < 1:
            raise CommandError("--stories must be at least 1.")
        started = time.monotonic()
        try:
            with tqdm(total=stories, desc="Stories", unit="story", unit_scale=True) as bar:
                written = fill(stories, seed=seed, force=force, progress=bar.update)
        except BenchDataRefused as refusal:
            raise CommandError(str(refusal)) from None
        elapsed = time.monotonic() - started
        rows = ", ".join(f"{count:,} {name} rows" for name, count in written.items())
        self.stdout.write(
            f"{stories:,} stories on {connection.vendor} in {elapsed:.1f} s ({rows}), "
            "search index included."
        )
