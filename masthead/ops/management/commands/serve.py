from __future__ import annotations

import os
import sys

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser


class Command(BaseCommand):
    help = "Serve Masthead with gunicorn on HOST:PORT (127.0.0.1:8000 by default)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default=os.environ.get("MASTHEAD_HOST", "127.0.0.1"))
        parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
        parser.add_argument(
            "--workers",
            type=int,
            default=None,
            help="Worker processes. Default: 2 with a shared (Redis) cache, else 1, so that a "
            "process-local cache is never stale in another process.",
        )
        parser.add_argument("--threads", type=int, default=4)

    def handle(self, *args, host: str, port: int, workers: int | None, threads: int, **options):
        if not 0 < port < 65536:
            raise CommandError(f"--port must be between 1 and 65535, not {port}.")
        shared_cache = "locmem" not in settings.CACHES["default"]["BACKEND"]
        if workers is None:
            workers = 2 if shared_cache else 1
        elif workers > 1 and not shared_cache:
            raise CommandError(
                "Several workers need a shared cache: set REDIS_URL, or use --workers 1."
            )
        self.stdout.write(f"Masthead is serving on http://{host}:{port}/ (Ctrl+C stops it)")
        sys.stdout.flush()
        argv = [
            sys.executable, "-m", "gunicorn", "masthead.wsgi:application",
            "--bind", f"{host}:{port}",
            "--workers", str(workers), "--threads", str(threads),
            "--worker-class", "gthread",
            "--access-logfile", "-",
            "--forwarded-allow-ips", os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1"),
        ]  # fmt: skip
        os.execv(sys.executable, argv)  # noqa: S606 - replaces this process with gunicorn
