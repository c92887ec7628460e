from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from masthead.ops.backup import RestoreRefused, restore


class Command(BaseCommand):
    help = (
        "Bring a `masthead backup` archive into this (migrated, empty) install, after checking "
        "every checksum (docs/backups.md)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("archive", type=Path)
        parser.add_argument(
            "--force",
            action="store_true",
            help="Restore even though this install holds stories, users or media: everything "
            "in its database is replaced.",
        )

    def handle(self, *args, archive: Path, force: bool, **options) -> None:
        try:
            result = restore(archive, force=force)
        except RestoreRefused as exc:
            raise CommandError(f"Not restored: {exc}") from exc
        manifest = result.manifest
        self.stdout.write(
            f"Restored {result.rows} rows and {result.media_files} media files from {archive} "
            f"(made {manifest['created_at']} by Masthead {manifest['masthead_version']} on "
            f"{manifest['database_engine']})."
        )
