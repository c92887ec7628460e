"""``masthead worker``'s loop: periodic jobs when due, one-off tasks as they arrive, a
heartbeat, and a clean stop on SIGTERM or SIGINT after the job in hand."""

from __future__ import annotations

import logging
import os
import secrets
import signal
import socket
import time
from collections.abc import Callable
from types import FrameType

from django.db import DatabaseError, InterfaceError, close_old_connections, connection
from django.utils import timezone
from django_tasks import task_backends
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.management.commands.db_worker import Worker as TaskRunner
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction, is_locked_database_exception

from .scheduler import claims_of_dead_workers_release, job_claim, job_run, schedule_sync

logger = logging.getLogger("masthead.worker")

HEARTBEAT_SECONDS = 30
# Re-read the registry into the table this often, so a new interval takes effect.
SYNC_SECONDS = 300


def heartbeat_record() -> None:
    """Say the worker is alive, for /readyz (a row per host: masthead/ops/health.py)."""
    from masthead.ops.health import record_worker_heartbeat

    try:
        record_worker_heartbeat()
    except DatabaseError:  # a database that is away must not stop the loop; it retries
        logger.warning("could not write the worker heartbeat", exc_info=True)


def _connections_refresh() -> None:
    """Drop broken or expired database connections between passes, as Django does between
    requests; never inside a transaction (a test's), which would lose it."""
    if not connection.in_atomic_block:
        close_old_connections()


def _hostname() -> str:
    return socket.gethostname()[:40].replace(":", "-")


def new_worker_id() -> str:
    """``host:pid:random``: unique, and tells a restarted worker whose claims it may free."""
    return f"{_hostname()}:{os.getpid()}:{secrets.token_hex(3)}"


class Worker:
    def __init__(
        self,
        *,
        worker_id: str | None = None,
        sleep: float = 5.0,
        say: Callable[[str], None] | None = None,
    ) -> None:
        self.worker_id = (worker_id or new_worker_id())[:64]
        self.hostname = _hostname()
        self.sleep = sleep
        self.say = say or logger.info
        self.stopping = False
        self._last_heartbeat = 0.0
        self._last_sync = 0.0

    # -- stopping ---------------------------------------------------------------------------

    def stop(self, signum: int | None = None, frame: FrameType | None = None) -> None:
        """Stop after the job or task in hand (a signal handler: it only sets a flag)."""
        if not self.stopping and signum is not None:
            self.say(f"{signal.strsignal(signum)}: stopping after the job in hand.")
        self.stopping = True

    def signals_install(self) -> None:
        signal.signal(signal.SIGTERM, self.stop)
        signal.signal(signal.SIGINT, self.stop)

    # -- one pass ---------------------------------------------------------------------------

    def periodic_jobs_run(self) -> int:
        """Run the periodic jobs that are due and free, one after another."""
        ran = 0
        while not self.stopping:
            job = job_claim(self.worker_id)
            if job is None:
                break
            self._heartbeat_if_due()  # between jobs too: a pass of long jobs is not silence
            self.say(f"Running {job.name}")
            job = job_run(job, self.worker_id)
            if job.last_status == job.Status.FAILED:
                first_line = job.last_error.splitlines()[0] if job.last_error else ""
                self.say(
                    f"{job.name} failed ({first_line}); retrying at "
                    f"{timezone.localtime(job.next_run_at):%H:%M:%S}"
                )
            else:
                self.say(f"{job.name}: {job.last_result or 'done'}")
            ran += 1
        return ran

    def tasks_run(self, limit: int = 100) -> int:
        """Run one-off tasks waiting in django-tasks' database backend (photo renditions...)."""
        backend = task_backends["default"]
        if not isinstance(backend, DatabaseBackend):
            return 0  # tasks already ran when they were enqueued (the test settings)
        runner = TaskRunner(
            queue_names=sorted(backend.queues) or ["default"],
            interval=0,
            batch=True,
            backend_name=backend.alias,
            startup_delay=False,
            max_tasks=None,
            worker_id=self.worker_id,
            excluded_queue_names=[],
        )
        ran = 0
        while ran < limit and not self.stopping:
            tasks = DBTaskResult.objects.ready().filter(
                backend_name=backend.alias, queue_name__in=runner.queue_names
            )
            try:
                with exclusive_transaction(tasks.db):
                    task_result = tasks.get_locked()
                    if task_result is not None:
                        task_result.claim(self.worker_id)
            except DatabaseError as exc:
                if is_locked_database_exception(exc):
                    break  # the site is writing: try on the next pass
                raise
            if task_result is None:
                break
            runner.run_task(task_result)
            ran += 1
        return ran

    def _heartbeat_if_due(self) -> None:
        now = time.monotonic()
        if now - self._last_heartbeat >= HEARTBEAT_SECONDS:
            heartbeat_record()
            self._last_heartbeat = now

    def tick(self) -> int:
        """One pass: heartbeat, due periodic jobs, waiting tasks. Returns how much ran."""
        _connections_refresh()
        self._heartbeat_if_due()
        now = time.monotonic()
        if now - self._last_sync >= SYNC_SECONDS or not self._last_sync:
            schedule_sync()
            for name in claims_of_dead_workers_release(self.hostname):
                self.say(f"{name}: its last run died with its worker; running it again.")
            self._last_sync = now
        ran = self.periodic_jobs_run()
        ran += self.tasks_run()
        _connections_refresh()
        return ran

    # -- the loop ---------------------------------------------------------------------------

    def run(self, *, once: bool = False) -> None:
        """Pass after pass until stopped; ``once``: a single pass. A database that is down
        (PostgreSQL restarting) is waited for, not a reason to exit."""
        self.say(f"Worker {self.worker_id} started.")
        while not self.stopping:
            try:
                ran = self.tick()
            except (DatabaseError, InterfaceError) as exc:
                logger.warning("worker pass failed, retrying in %s s: %s", self.sleep, exc)
                _connections_refresh()
                ran = 0
                if once:
                    raise
            if once:
                break
            if not ran:
                self._nap(self.sleep)
        self.say(f"Worker {self.worker_id} stopped.")

    def _nap(self, seconds: float) -> None:
        """Sleep in short slices so a stop signal ends the wait at once."""
        deadline = time.monotonic() + seconds
        while not self.stopping and (left := deadline - time.monotonic()) > 0:
            time.sleep(min(left, 0.2))
