"""Request ids and request log lines.

Every request gets an id: the proxy's ``X-Request-ID`` when it sends a sane one (nginx's
``$request_id``), else a new random one. The id goes back in the response's ``X-Request-ID``
header and onto every log record written while the request runs, so an error in the log can be
matched to the request line and to the proxy's log. With ``MASTHEAD_LOG_FORMAT=json`` each log
record is one JSON object on one line; with ``MASTHEAD_ACCESS_LOG`` on, each request writes one
record to the ``masthead.request`` logger.
"""

from __future__ import annotations

import contextvars
import json
import logging
import re
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime

from django.conf import settings
from django.http import HttpRequest, HttpResponse

REQUEST_ID_HEADER = "X-Request-ID"
# What we accept from a proxy: short, and nothing that could forge a log line or a header.
_SANE_REQUEST_ID = re.compile(r"[A-Za-z0-9._:@/+=-]{8,128}")

request_id_var: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="-")
request_logger = logging.getLogger("masthead.request")


def current_request_id() -> str:
    """The id of the request this thread is serving, or ``-`` outside a request."""
    return request_id_var.get()


def _request_id_from(request: HttpRequest) -> str:
    incoming = request.headers.get(REQUEST_ID_HEADER, "")
    if _SANE_REQUEST_ID.fullmatch(incoming):
        return incoming
    return uuid.uuid4().hex


class RequestIdFilter(logging.Filter):
    """Puts the current request's id on every record (``-`` outside a request)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "request_id"):
            record.request_id = request_id_var.get()
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per record, on one line: time, level, logger, message, request id, the
    request fields of a request line, and the traceback of an error."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, object] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", request_id_var.get()),
        }
        entry.update(getattr(record, "http", {}))
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, default=str, ensure_ascii=False)


class RequestLogMiddleware:
    """Gives the request its id, answers with it, and writes the request's log line."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request_id = _request_id_from(request)
        request.request_id = request_id
        token = request_id_var.set(request_id)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            response[REQUEST_ID_HEADER] = request_id
            if settings.MASTHEAD_ACCESS_LOG:
                self._log(request, response, (time.perf_counter() - started) * 1000)
            return response
        finally:
            request_id_var.reset(token)

    def _log(self, request: HttpRequest, response: HttpResponse, duration_ms: float) -> None:
        # The path without its query string: preview and reset links carry tokens there.
        fields = {
            "method": request.method,
            "path": request.path,
            "status": response.status_code,
            "duration_ms": round(duration_ms, 1),
            "user": _user_name(request),
            "bytes": _body_size(response),
        }
        level = logging.ERROR if response.status_code >= 500 else logging.INFO
        request_logger.log(
            level,
            "%s %s %s %.1fms %s",
            fields["method"],
            fields["path"],
            fields["status"],
            fields["duration_ms"],
            fields["user"],
            extra={"http": fields},
        )


def _user_name(request: HttpRequest) -> str:
    user = getattr(request, "user", None)
    try:
        if user is not None and user.is_authenticated:
            return user.get_username()
    except Exception:  # the session store is down: the request line still gets written
        return "unknown"
    return "anonymous"


def _body_size(response: HttpResponse) -> int | None:
    if response.has_header("Content-Length"):
        return int(response["Content-Length"])
    if getattr(response, "streaming", False):
        return None  # a file or a feed streamed out: its size is known only once sent
    return len(response.content)
