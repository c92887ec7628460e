"""Health of a running site: the checks behind ``/readyz`` and the worker's heartbeat.

The contract with the background worker (``masthead worker``): it calls
``record_worker_heartbeat()`` at start and then at least every
``MASTHEAD_WORKER_HEARTBEAT_MAX_AGE / 4`` seconds (every 30 s with the default 120) while it
is able to take jobs. ``worker_heartbeat_age()`` is the age in seconds of the freshest
heartbeat of any host, or ``None`` when no worker has ever written one.
"""

from __future__ import annotations

import os
import secrets
import socket
from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.db import connections
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from masthead.ops.models import WorkerHeartbeat


def record_worker_heartbeat() -> None:
    """Say that the worker on this host is alive now."""
    WorkerHeartbeat.objects.update_or_create(
        host=socket.gethostname()[:255],
        defaults={"beat_at": timezone.now(), "pid": os.getpid()},
    )


def worker_heartbeat_age() -> float | None:
    """Seconds since the freshest worker heartbeat, or None when there has never been one."""
    latest = (
        WorkerHeartbeat.objects.using("default")
        .order_by("-beat_at")
        .values_list("beat_at", flat=True)
        .first()
    )
    if latest is None:
        return None
    return max(0.0, (timezone.now() - latest).total_seconds())


@dataclass
class Readiness:
    """What /readyz found: each check's outcome, and whether the site can take traffic."""

    checks: dict[str, dict[str, object]] = field(default_factory=dict)

    @property
    def ready(self) -> bool:
        return all(check["ok"] or not check["required"] for check in self.checks.values())

    @property
    def failed(self) -> list[str]:
        return [n for n, c in self.checks.items() if c["required"] and not c["ok"]]

    def as_json(self) -> dict[str, object]:
        return {"status": "ok" if self.ready else "fail", "failed": self.failed, **self.checks}


def check_readiness() -> Readiness:
    readiness = Readiness()
    for alias in connections:
        readiness.checks[f"database:{alias}" if alias != "default" else "database"] = (
            _check_database(alias)
        )
    readiness.checks["cache"] = _check_cache()
    readiness.checks["worker"] = _check_worker(database_ok=readiness.checks["database"]["ok"])
    return readiness


def _failure(exc: Exception) -> str:
    # The kind of failure and its first line; never a connection string with a password.
    first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {first_line}"[:200]


def _check_database(alias: str) -> dict[str, object]:
    try:
        with connections[alias].cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # any failure of the database means not ready
        return {"ok": False, "required": True, "error": _failure(exc)}
    return {"ok": True, "required": True}


def _check_cache() -> dict[str, object]:
    key = "masthead:readyz:" + secrets.token_hex(8)
    value = secrets.token_hex(8)
    try:
        cache.set(key, value, timeout=30)
        answered = cache.get(key)
        cache.delete(key)
    except Exception as exc:  # a cache server down or refusing
        return {"ok": False, "required": True, "error": _failure(exc)}
    if answered != value:
        return {"ok": False, "required": True, "error": "the cache did not give back what was set"}
    return {"ok": True, "required": True}


def _check_worker(*, database_ok: bool) -> dict[str, object]:
    required = settings.MASTHEAD_READYZ_REQUIRE_WORKER
    if not database_ok:
        return {"ok": False, "required": required, "state": "unknown"}
    try:
        age = worker_heartbeat_age()
    except Exception as exc:  # the table is missing (migrations not run) or unreadable
        return {"ok": False, "required": required, "state": "unknown", "error": _failure(exc)}
    if age is None:
        return {"ok": False, "required": required, "state": "unknown"}
    fresh = age <= settings.MASTHEAD_WORKER_HEARTBEAT_MAX_AGE
    return {
        "ok": fresh,
        "required": required,
        "state": "alive" if fresh else "stale",
        "age_seconds": round(age, 1),
    }


class HealthCheckMiddleware:
    """Answers /healthz and /readyz before the session, the publication's time zone and the
    rest of the stack run: those read the database and the cache, and a health check must
    report a failed cache or database as a 503 of its own, not fail with it as a 500."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        from masthead import views

        if request.path == "/healthz":
            return views.healthz(request)
        if request.path == "/readyz":
            return views.readyz(request)
        return self.get_response(request)
