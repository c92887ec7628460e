"""Reads from a PostgreSQL read replica, only where a slightly old answer is harmless.

With ``DATABASE_REPLICA_URL`` set, the settings add a ``replica`` database and this router.
A read goes to the replica only when all of these hold:

- the request is a reader's page: GET or HEAD, outside the staff area (``/newsroom/``), from a
  browser with no session cookie (no signed-in editor, who must see what they just saved);
- no write has happened yet in this request (after one, its own reads must see it);
- the primary is not inside a transaction (``atomic``), whose reads belong with its writes.

Everything else (writes, staff pages, comment posts, management commands, the worker) reads
and writes the primary. Migrations run on the primary only; the replica follows by replication.
"""

from __future__ import annotations

import contextvars
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.db import connections
from django.db.models import Model
from django.http import HttpRequest, HttpResponse

PRIMARY = "default"
REPLICA = "replica"
_READER_METHODS = frozenset({"GET", "HEAD"})
_STAFF_PREFIX = "/newsroom/"


@dataclass
class _RequestRouting:
    replica_allowed: bool
    wrote: bool = False


# None outside a request: then every query goes to the primary.
_routing: contextvars.ContextVar[_RequestRouting | None] = contextvars.ContextVar(
    "masthead_db_routing", default=None
)


def is_reader_request(request: HttpRequest) -> bool:
    return (
        request.method in _READER_METHODS
        and not request.path.startswith(_STAFF_PREFIX)
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
    )


class ReplicaRoutingMiddleware:
    """Marks the request as one whose reads may go to the replica (see the module docstring)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = _routing.set(_RequestRouting(replica_allowed=is_reader_request(request)))
        try:
            return self.get_response(request)
        finally:
            _routing.reset(token)


class ReplicaRouter:
    def db_for_read(self, model: type[Model], **hints: object) -> str:
        routing = _routing.get()
        if (
            routing is None
            or not routing.replica_allowed
            or routing.wrote
            or REPLICA not in connections
            or connections[PRIMARY].in_atomic_block
        ):
            return PRIMARY
        return REPLICA

    def db_for_write(self, model: type[Model], **hints: object) -> str:
        routing = _routing.get()
        if routing is not None:
            routing.wrote = True
        return PRIMARY

    def allow_relation(self, obj1: Model, obj2: Model, **hints: object) -> bool:
        # Both aliases hold the same data: an object read from one may point to the other's.
        return True

    def allow_migrate(self, db: str, app_label: str, **hints: object) -> bool:
        return db == PRIMARY
