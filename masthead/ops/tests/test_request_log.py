"""Each request gets an id, answers with it, and writes one log line; JSON when asked."""

from __future__ import annotations

import json
import logging
from sys import exc_info

import pytest

from masthead.ops.logging import JsonFormatter, RequestIdFilter, current_request_id


@pytest.fixture
def request_lines(settings, caplog):
    settings.MASTHEAD_ACCESS_LOG = True
    caplog.set_level(logging.INFO, logger="masthead.request")
    return caplog


def test_a_request_gets_a_new_id_and_answers_with_it(client, request_lines):
    first = client.get("/healthz")["X-Request-ID"]
    second = client.get("/healthz")["X-Request-ID"]
    assert len(first) == 32 and first != second
    (record, _) = request_lines.records
    assert record.request_id == first
    assert record.http == {
        "method": "GET",
        "path": "/healthz",
        "status": 200,
        "duration_ms": record.http["duration_ms"],
        "user": "anonymous",
        "bytes": 3,
    }


def test_a_sane_incoming_request_id_is_kept_and_a_forged_one_replaced(client):
    kept = client.get("/healthz", headers={"X-Request-ID": "nginx-4f2a9c01b3"})
    assert kept["X-Request-ID"] == "nginx-4f2a9c01b3"
    for forged in ("short", "a" * 200, "abc def\r\nX-Admin: 1", "<script>alert(1)</script>"):
        answered = client.get("/healthz", headers={"X-Request-ID": forged})["X-Request-ID"]
        assert answered != forged
        assert len(answered) == 32


@pytest.mark.django_db
def test_the_request_line_names_the_signed_in_user(client, request_lines, django_user_model):
    user = django_user_model.objects.create_user("desk", password="pw-for-the-desk-1")
    client.force_login(user)
    client.get("/robots.txt")
    assert request_lines.records[-1].http["path"] == "/robots.txt"
    assert request_lines.records[-1].http["user"] == "desk"


def test_no_request_lines_when_the_access_log_is_off(client, settings, caplog):
    settings.MASTHEAD_ACCESS_LOG = False
    caplog.set_level(logging.INFO, logger="masthead.request")
    client.get("/healthz")
    assert caplog.records == []


def test_json_lines_carry_the_request_fields_and_the_traceback():
    formatter, with_id = JsonFormatter(), RequestIdFilter()
    record = logging.LogRecord("masthead.request", logging.INFO, "", 0, "GET / 200", (), None)
    record.http = {"method": "GET", "path": "/", "status": 200, "duration_ms": 1.5}
    with_id.filter(record)
    line = formatter.format(record)
    assert "\n" not in line
    entry = json.loads(line)
    assert entry["level"] == "info" and entry["status"] == 200 and entry["request_id"] == "-"
    try:
        raise ValueError("a broken story")
    except ValueError:
        error = logging.LogRecord("django.request", logging.ERROR, "", 0, "boom", (), exc_info())
    entry = json.loads(formatter.format(error))
    assert "ValueError: a broken story" in entry["exception"]


@pytest.mark.django_db
def test_an_error_is_logged_with_the_id_of_its_request(client, caplog, monkeypatch, settings):
    """A view that raises: Django's error record carries the same id as the response."""
    from masthead.newsroom.models import Article

    def broken(*args, **kwargs):
        raise RuntimeError("the front page broke")

    monkeypatch.setattr(Article.objects, "live", broken)
    client.raise_request_exception = False
    caplog.set_level(logging.ERROR)
    # The id filter sits on the console handler; caplog sees records before it, so add it here.
    caplog.handler.addFilter(RequestIdFilter())
    response = client.get("/")
    assert response.status_code == 500
    errors = [r for r in caplog.records if r.name == "django.request"]
    assert errors and errors[0].request_id == response["X-Request-ID"]
    assert errors[0].exc_info[0] is RuntimeError
    assert current_request_id() == "-"
