from __future__ import annotations

import signal
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from masthead.ops.backup import BackupError, backup_write, default_backup_dir


def _stop_on_sigterm(signum, frame) -> None:
    # A `kill` (systemd stopping the service) unwinds like Ctrl+C, so the partial file goes.
    raise KeyboardInterrupt


class Command(BaseCommand):
    help = (
        "Write one archive of the database, the media files and a manifest with checksums "
        "(docs/backups.md)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--output",
            type=Path,
            default=None,
            help="A folder (the archive gets a dated name in it) or a file name ending in "
            f".tar.gz. Default: MASTHEAD_BACKUP_DIR ({default_backup_dir()}).",
        )

    def handle(self, *args, output: Path | None, **options) -> None:
        signal.signal(signal.SIGTERM, _stop_on_sigterm)
        with tqdm(desc="Backing up", unit=" files", leave=False, disable=None) as bar:
            try:
                result = backup_write(output, on_member=lambda name: bar.update(1))
            except BackupError as exc:
                raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"Backup written: {result.path} ({result.size / 2**20:.1f} MB, {result.rows} rows, "
            f"{result.members} members)"
        )
