"""The registry of periodic jobs: what ``masthead worker`` runs, and how often.

A job is a function with no arguments, registered once at start-up (an app's ``ready()`` or a
module it imports). The worker keeps one :class:`~masthead.tasks.models.PeriodicJob` row per
registered job, with its last run, last error and next run, shown in the admin.

To add a job::

    from datetime import timedelta
    from masthead.tasks.schedule import periodic_job

    @periodic_job("backup", every=timedelta(days=1), timeout=timedelta(hours=2),
                  description="Write a backup archive and drop the old ones.")
    def backup_scheduled() -> str:
        ...
        return "wrote var/backups/2026-12-02.tar"  # shown in the admin as the last result

With ``takes_context=True`` the function is called with a :class:`JobContext` (its start time
and the start of its last successful run), for jobs that work through "what changed since".

A job must be idempotent (running it twice does no harm): a failed job is retried with backoff,
and a worker stopped by SIGKILL mid-job leaves it to be run again after its ``timeout``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

JobFunction = Callable[..., object]


@dataclass(frozen=True)
class JobContext:
    """What a job registered with ``takes_context=True`` is called with."""

    name: str
    now: datetime  # when this run started
    previous_success: datetime | None  # when the last successful run started, if any


_NAME = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")


@dataclass(frozen=True)
class JobSpec:
    """A registered periodic job: its function, interval and how long a run may take."""

    name: str
    function: JobFunction
    every: timedelta
    description: str = ""
    # A run claimed longer ago than this is taken to have died with its worker (SIGKILL, a
    # power cut) and may be claimed again.
    timeout: timedelta = timedelta(minutes=30)
    takes_context: bool = False


_registry: dict[str, JobSpec] = {}


def periodic_job_add(
    name: str,
    function: JobFunction,
    *,
    every: timedelta,
    description: str = "",
    timeout: timedelta = timedelta(minutes=30),
    takes_context: bool = False,
) -> JobSpec:
    """Register ``function`` to run every ``every``; registering a name again replaces it."""
    if not _NAME.match(name):
        raise ValueError(
            f"A periodic job's name must be lower-case letters, digits and dashes: {name!r}"
        )
    if every <= timedelta(0):
        raise ValueError(f"Periodic job {name!r} needs a positive interval, not {every}.")
    if timeout <= timedelta(0):
        raise ValueError(f"Periodic job {name!r} needs a positive timeout, not {timeout}.")
    summary = description or (function.__doc__ or "").strip().split("\n\n")[0]
    spec = JobSpec(name, function, every, " ".join(summary.split())[:300], timeout, takes_context)
    _registry[name] = spec
    return spec


def periodic_job(
    name: str,
    *,
    every: timedelta,
    description: str = "",
    timeout: timedelta = timedelta(minutes=30),
    takes_context: bool = False,
) -> Callable[[JobFunction], JobFunction]:
    """Decorator form of :func:`periodic_job_add`."""

    def register(function: JobFunction) -> JobFunction:
        periodic_job_add(
            name,
            function,
            every=every,
            description=description,
            timeout=timeout,
            takes_context=takes_context,
        )
        return function

    return register


def periodic_job_remove(name: str) -> None:
    _registry.pop(name, None)


def registered_jobs() -> dict[str, JobSpec]:
    return dict(_registry)


def registered_job(name: str) -> JobSpec | None:
    return _registry.get(name)
