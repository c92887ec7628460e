from datetime import timedelta

from django.core.management.base import BaseCommand

from masthead.comments.services import comments_purge_spam


class Command(BaseCommand):
    help = "Delete comments marked as spam more than --days days ago (default 30). Run it daily."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--days", type=int, default=30, help="Keep spam this many days.")

    def handle(self, *args, days: int, **options) -> None:
        if days < 1:
            self.stderr.write("--days must be at least 1.")
            raise SystemExit(2)
        deleted = comments_purge_spam(older_than=timedelta(days=days))
        self.stdout.write(f"Deleted {deleted} spam comment{'s' if deleted != 1 else ''}.")
