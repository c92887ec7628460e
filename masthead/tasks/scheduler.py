"""Claiming and running periodic jobs: one worker at a time per job, failures retried later.

Every write here is one short statement in autocommit, never a transaction held across a job's
run: SQLite (the default database) has one writer at a time, and the site keeps serving.
"""

from __future__ import annotations

import logging
import os
import traceback
from datetime import datetime, timedelta

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from .models import PeriodicJob
from .schedule import JobContext, JobSpec, registered_jobs

logger = logging.getLogger(__name__)

# How much of a failure's traceback the admin shows: the end is where the cause is.
ERROR_CHARS = 4000


def retry_delay(attempts: int, every: timedelta) -> timedelta:
    """How long to wait after the ``attempts``-th failure in a row: doubling from
    MASTHEAD_WORKER_RETRY_SECONDS, capped by MASTHEAD_WORKER_RETRY_MAX_SECONDS and by the job's
    own interval (a job due every minute is never put off for an hour)."""
    base = settings.MASTHEAD_WORKER_RETRY_SECONDS
    cap = settings.MASTHEAD_WORKER_RETRY_MAX_SECONDS
    seconds = min(base * 2 ** min(max(attempts - 1, 0), 30), cap)
    return min(timedelta(seconds=seconds), every)


def schedule_sync(now: datetime | None = None) -> None:
    """Give every registered job its row (due at once when new) and keep its interval and
    description in step with the code. Rows of jobs no longer registered are left alone."""
    now = now or timezone.now()
    specs = registered_jobs()
    existing = {job.name: job for job in PeriodicJob.objects.filter(name__in=list(specs))}
    for spec in specs.values():
        job = existing.get(spec.name)
        if job is None:
            PeriodicJob.objects.get_or_create(
                name=spec.name,
                defaults={
                    "interval": spec.every,
                    "description": spec.description,
                    "next_run_at": now,
                },
            )
        elif job.interval != spec.every or job.description != spec.description:
            fields: dict = {"interval": spec.every, "description": spec.description}
            if job.last_run_at and job.last_run_at + spec.every < job.next_run_at:
                fields["next_run_at"] = job.last_run_at + spec.every  # a shorter interval
            PeriodicJob.objects.filter(pk=job.pk).update(**fields)


def _claimable(specs: dict[str, JobSpec], now: datetime) -> Q:
    """Due, enabled, registered, and either free or claimed by a run older than its timeout
    (its worker died: SIGKILL, a power cut)."""
    abandoned = Q(pk__in=[])
    for spec in specs.values():
        abandoned |= Q(name=spec.name, claimed_at__lt=now - spec.timeout)
    return Q(enabled=True, name__in=list(specs), next_run_at__lte=now) & (
        Q(claimed_by="") | (~Q(claimed_by="") & abandoned)
    )


def _claim_fields(worker_id: str, now: datetime, previous_claim: str) -> dict:
    fields = {
        "claimed_by": worker_id,
        "claimed_at": now,
        "last_run_at": now,
        "last_status": PeriodicJob.Status.RUNNING,
    }
    if previous_claim:
        fields["last_error"] = (
            f"The run started by worker {previous_claim} never finished (the worker was "
            "stopped or lost); running it again."
        )
    return fields


def job_claim(worker_id: str, now: datetime | None = None) -> PeriodicJob | None:
    """Take the job that has waited longest among those due, or None when none is free.

    PostgreSQL: ``SELECT ... FOR UPDATE SKIP LOCKED`` picks a row no other worker is looking
    at, and the claim is written before the lock is let go. SQLite (no row locks): an UPDATE
    that only matches while the row is still as it was read, so of two workers one wins.
    """
    now = now or timezone.now()
    specs = registered_jobs()
    if not specs:
        return None
    claimable = PeriodicJob.objects.filter(_claimable(specs, now)).order_by("next_run_at", "pk")
    if connection.features.has_select_for_update_skip_locked:
        with transaction.atomic():
            job = claimable.select_for_update(skip_locked=True).first()
            if job is None:
                return None
            fields = _claim_fields(worker_id, now, job.claimed_by)
            PeriodicJob.objects.filter(pk=job.pk).update(**fields)
    else:
        for pk, claimed_by, claimed_at in claimable.values_list("pk", "claimed_by", "claimed_at")[
            :10
        ]:
            fields = _claim_fields(worker_id, now, claimed_by)
            won = (
                PeriodicJob.objects.filter(_claimable(specs, now))
                .filter(pk=pk, claimed_by=claimed_by, claimed_at=claimed_at)
                .update(**fields)
            )
            if won:
                break
        else:
            return None
        job = PeriodicJob(pk=pk)
    job.refresh_from_db()
    return job


def job_run(job: PeriodicJob, worker_id: str) -> PeriodicJob:
    """Run a job this worker has claimed, record how it went, and let it go.

    A success schedules the next run one interval after this one started; a failure keeps the
    error for the admin and retries after :func:`retry_delay`.
    """
    spec = registered_jobs().get(job.name)
    started = job.claimed_at or timezone.now()
    error = ""
    result: object = None
    if spec is None:
        error = f"No job named {job.name!r} is registered in this version of Masthead."
    else:
        try:
            if spec.takes_context:
                result = spec.function(JobContext(job.name, started, job.last_success_at))
            else:
                result = spec.function()
        except Exception as exc:  # a job's failure is recorded, never the worker's end
            logger.exception("periodic job %s failed", job.name)
            trace = "".join(traceback.format_exception(exc))
            error = f"{type(exc).__name__}: {exc}\n\n{trace[-ERROR_CHARS:]}"
    finished = timezone.now()
    every = spec.every if spec else job.interval
    fields: dict = {"last_finished_at": finished, "claimed_by": "", "claimed_at": None}
    if error:
        attempts = job.attempts + 1
        fields |= {
            "last_status": PeriodicJob.Status.FAILED,
            "last_error": error,
            "attempts": attempts,
            "next_run_at": finished + retry_delay(attempts, every),
        }
    else:
        fields |= {
            "last_status": PeriodicJob.Status.SUCCEEDED,
            "last_success_at": started,
            "last_result": "" if result is None else str(result)[:2000],
            "last_error": "",
            "attempts": 0,
            "next_run_at": max(started + every, finished),
        }
    # Only while still ours: after a timeout another worker may have taken the job over.
    PeriodicJob.objects.filter(pk=job.pk, claimed_by=worker_id).update(**fields)
    job.refresh_from_db()
    return job


def claims_of_dead_workers_release(hostname: str, now: datetime | None = None) -> list[str]:
    """Free the jobs claimed by workers of this machine whose process is gone (SIGKILL, a
    crash), so a restarted worker need not wait out their timeout. Worker ids are
    ``host:pid:random`` (worker.new_worker_id); claims from other machines are left to their
    timeout. Returns the names of the jobs freed."""
    now = now or timezone.now()
    freed = []
    claimed = PeriodicJob.objects.filter(claimed_by__startswith=f"{hostname}:")
    for pk, name, claimed_by in claimed.values_list("pk", "name", "claimed_by"):
        pid = claimed_by.split(":")[1]
        if not pid.isdigit() or _process_alive(int(pid)):
            continue
        released = PeriodicJob.objects.filter(pk=pk, claimed_by=claimed_by).update(
            claimed_by="",
            claimed_at=None,
            next_run_at=now,
            last_status=PeriodicJob.Status.FAILED,
            last_error=f"The run started by worker {claimed_by} never finished: its process "
            "ended (killed or crashed). Running it again.",
        )
        if released:
            freed.append(name)
    return freed


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process: alive
    return True


def job_run_now(job_ids: list[int], now: datetime | None = None) -> int:
    """The admin's "run now": due at once. A job running at that moment is not run twice:
    its next run is set when it finishes."""
    return PeriodicJob.objects.filter(pk__in=job_ids).update(next_run_at=now or timezone.now())
