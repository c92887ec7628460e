"""What readers see when a part the site stands on is down.

A database that stops answering (PostgreSQL restarted, a full disk, a network cut) is not a bug
in the page: readers get a plain "back shortly" page with 503 and Retry-After, so browsers,
crawlers and load balancers know to come back, and the site recovers by itself once the
database answers again (connections are health-checked at the start of each request)."""

from __future__ import annotations

from django.db import DatabaseError, InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader

# Seconds a client is asked to wait before trying again.
RETRY_AFTER = 10


def is_database_outage(exc: BaseException | None) -> bool:
    """An error that says the database could not be reached or used, not a bad query."""
    if isinstance(exc, (OperationalError, InterfaceError)):
        return True
    # psycopg and sqlite3 errors that Django did not wrap (raised while connecting).
    cause = exc.__cause__ if isinstance(exc, DatabaseError) else None
    return isinstance(cause, (OperationalError, InterfaceError))


def outage_response() -> HttpResponse:
    # Rendered without context processors: they would ask the database again.
    response = HttpResponse(loader.get_template("503.html").render(), status=503)
    response["Retry-After"] = str(RETRY_AFTER)
    response["Cache-Control"] = "no-store"
    return response
