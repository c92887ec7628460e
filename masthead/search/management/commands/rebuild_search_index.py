from __future__ import annotations

import time

from django.core.management.base import BaseCommand

from masthead.search.services import search_index_rebuild


class Command(BaseCommand):
    help = (
        "Index every story for search again: after an import that bypassed the usual saves, "
        "after restoring a backup, or after changing the publication's language."
    )

    def handle(self, *args, **options) -> None:
        started = time.monotonic()
        count = search_index_rebuild()
        self.stdout.write(
            self.style.SUCCESS(f"Indexed {count} stories in {time.monotonic() - started:.1f} s.")
        )
