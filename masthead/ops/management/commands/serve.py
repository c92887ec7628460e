"""``masthead serve``: the site in production, gunicorn and the background worker beside it.

gunicorn reads masthead/ops/gunicorn_conf.py (the systemd unit and the bench harness use the
same file); ``--host/--port/--workers/--threads`` set that file's environment variables.

With the worker (the default on a single server), this command stays as a small supervisor of
two children: gunicorn, and ``masthead worker``, restarted with a growing pause if it dies.
HUP is passed to gunicorn (graceful reload onto newly installed code) and restarts the worker
the same way; TERM or INT stops both gracefully. If gunicorn itself exits, the worker is stopped
and this command exits with gunicorn's code, so systemd (or the operator) sees the failure.
With ``--no-worker`` or ``MASTHEAD_WORKER=off`` there is nothing to supervise, and the command
becomes gunicorn (exec): signals and the process id are gunicorn's own, as systemd expects.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Sequence

from django.core.management.base import BaseCommand, CommandError, CommandParser

GUNICORN_ARGV = [sys.executable, "-m", "gunicorn", "-c", "python:masthead.ops.gunicorn_conf"]
WORKER_ARGV = [sys.executable, "-m", "masthead.cli", "worker"]
_ON = {"1", "true", "yes", "on"}
_OFF = {"0", "false", "no", "off"}


class Command(BaseCommand):
    help = (
        "Serve Masthead with gunicorn on HOST:PORT (127.0.0.1:8000 by default), with the "
        "background worker beside it unless --no-worker."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default=None, help="Default: MASTHEAD_HOST or 127.0.0.1.")
        parser.add_argument("--port", type=int, default=None, help="Default: PORT or 8000.")
        parser.add_argument(
            "--workers",
            type=int,
            default=None,
            help="gunicorn worker processes. Default: MASTHEAD_WORKERS, else one per core "
            "(at most 8).",
        )
        parser.add_argument(
            "--threads",
            type=int,
            default=None,
            help="Threads per worker process. Default: MASTHEAD_THREADS, else 4.",
        )
        parser.add_argument(
            "--no-worker",
            action="store_true",
            help="Do not start the background worker (run `masthead worker` elsewhere).",
        )

    def handle(
        self,
        *args: object,
        host: str | None,
        port: int | None,
        workers: int | None,
        threads: int | None,
        no_worker: bool,
        **options: object,
    ) -> None:
        env = dict(os.environ)
        if host is not None:
            env["MASTHEAD_HOST"] = host
        if port is not None:
            if not 0 < port < 65536:
                raise CommandError(f"--port must be between 1 and 65535, not {port}.")
            env["PORT"] = str(port)
        for flag, value, name in (
            ("--workers", workers, "MASTHEAD_WORKERS"),
            ("--threads", threads, "MASTHEAD_THREADS"),
        ):
            if value is not None:
                if value < 1:
                    raise CommandError(f"{flag} must be at least 1, not {value}.")
                env[name] = str(value)
        with_worker = not no_worker and _worker_wanted(env)
        shown_host = env.get("MASTHEAD_HOST", "127.0.0.1") or "127.0.0.1"
        self.stdout.write(
            f"Masthead is serving on http://{shown_host}:{env.get('PORT', '8000')}/ "
            f"({'with' if with_worker else 'without'} the background worker; Ctrl+C stops it)"
        )
        sys.stdout.flush()
        sys.stderr.flush()
        if not with_worker:
            os.execve(sys.executable, GUNICORN_ARGV, env)  # noqa: S606 - becomes gunicorn
        sys.exit(Supervisor(GUNICORN_ARGV, WORKER_ARGV, env).run())


def _worker_wanted(env: dict[str, str]) -> bool:
    raw = env.get("MASTHEAD_WORKER", "on").strip().lower()
    if raw in _ON or raw == "":
        return True
    if raw in _OFF:
        return False
    raise CommandError(f"MASTHEAD_WORKER must be on or off, not {raw!r}.")


class Supervisor:
    """Runs the web server and the worker as children; see the module docstring."""

    # A worker that lived this long before dying is restarted at once; one that keeps dying
    # soon after its start waits 1, 2, 4 ... up to MAX_PAUSE seconds between restarts.
    STEADY_SECONDS = 60.0
    MAX_PAUSE = 30.0
    # gunicorn's graceful_timeout (30 s) and a margin, before children are killed.
    STOP_SECONDS = 40.0

    def __init__(self, web_argv: Sequence[str], worker_argv: Sequence[str], env: dict[str, str]):
        self.web_argv = list(web_argv)
        self.worker_argv = list(worker_argv)
        self.env = env
        self.web: subprocess.Popen | None = None
        self.worker: subprocess.Popen | None = None
        self.worker_started = 0.0
        self.quick_failures = 0
        self.restart_at: float | None = None
        self.stopping = False
        self.reload = False

    def say(self, message: str) -> None:
        print(f"masthead serve: {message}", file=sys.stderr, flush=True)

    def _on_stop(self, signum: int, frame: object) -> None:
        self.stopping = True

    def _on_reload(self, signum: int, frame: object) -> None:
        self.reload = True

    def start_worker(self) -> None:
        self.worker = subprocess.Popen(self.worker_argv, env=self.env)  # noqa: S603 - our argv
        self.worker_started = time.monotonic()
        self.restart_at = None

    def run(self) -> int:
        signal.signal(signal.SIGTERM, self._on_stop)
        signal.signal(signal.SIGINT, self._on_stop)
        signal.signal(signal.SIGHUP, self._on_reload)
        self.web = subprocess.Popen(self.web_argv, env=self.env)  # noqa: S603 - our argv
        self.start_worker()
        while not self.stopping:
            if self.reload:
                self.reload = False
                self.say("reloading: gunicorn gets HUP, the worker is restarted")
                self.web.send_signal(signal.SIGHUP)
                self._stop_child(self.worker)
                self.start_worker()
            web_code = self.web.poll()
            if web_code is not None:
                self.say(f"gunicorn exited with code {web_code}; stopping the worker")
                self._stop_child(self.worker)
                return web_code or 1
            self._keep_worker_running()
            time.sleep(0.2)
        for child in (self.web, self.worker):
            if child is not None and child.poll() is None:
                child.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + self.STOP_SECONDS
        for child in (self.web, self.worker):
            if child is not None:
                self._wait_or_kill(child, deadline)
        return 0

    def _keep_worker_running(self) -> None:
        now = time.monotonic()
        if self.worker is not None and self.worker.poll() is not None:
            code = self.worker.returncode
            lived = now - self.worker_started
            self.quick_failures = 0 if lived >= self.STEADY_SECONDS else self.quick_failures + 1
            pause = (
                0.0
                if not self.quick_failures
                else min(self.MAX_PAUSE, 2.0 ** (self.quick_failures - 1))
            )
            self.say(f"the worker exited with code {code}; starting it again in {pause:.0f} s")
            self.worker = None
            self.restart_at = now + pause
        if self.worker is None and self.restart_at is not None and now >= self.restart_at:
            self.start_worker()

    def _stop_child(self, child: subprocess.Popen | None) -> None:
        if child is not None and child.poll() is None:
            child.send_signal(signal.SIGTERM)
            self._wait_or_kill(child, time.monotonic() + self.STOP_SECONDS)

    def _wait_or_kill(self, child: subprocess.Popen, deadline: float) -> None:
        try:
            child.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            self.say(f"process {child.pid} did not stop in time; killing it")
            child.kill()
            child.wait()
