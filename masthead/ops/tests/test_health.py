"""/healthz says the process is up; /readyz checks the database, the cache and the worker."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone

from masthead.ops.health import record_worker_heartbeat, worker_heartbeat_age
from masthead.ops.models import WorkerHeartbeat

ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.django_db
def test_healthz_answers_without_touching_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_readyz_is_ready_when_database_and_cache_answer(client, settings):
    settings.MASTHEAD_READYZ_REQUIRE_WORKER = False
    response = client.get("/readyz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["database"]["ok"] and body["cache"]["ok"]
    # No worker has ever beaten: reported, but not required here.
    assert body["worker"] == {"ok": False, "required": False, "state": "unknown"}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_readyz_fails_without_a_worker_heartbeat_when_one_is_required(client, settings):
    settings.MASTHEAD_READYZ_REQUIRE_WORKER = True
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["failed"] == ["worker"]
    assert response.json()["worker"]["state"] == "unknown"

    record_worker_heartbeat()
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json()["worker"]["state"] == "alive"


@pytest.mark.django_db
def test_a_stale_heartbeat_is_not_ready(client, settings):
    settings.MASTHEAD_READYZ_REQUIRE_WORKER = True
    settings.MASTHEAD_WORKER_HEARTBEAT_MAX_AGE = 60
    record_worker_heartbeat()
    WorkerHeartbeat.objects.update(beat_at=timezone.now() - timedelta(seconds=300))
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["worker"]["state"] == "stale"
    assert response.json()["worker"]["age_seconds"] >= 300


@pytest.mark.django_db
def test_heartbeat_keeps_one_row_per_host_and_reports_the_freshest_age():
    assert worker_heartbeat_age() is None
    record_worker_heartbeat()
    record_worker_heartbeat()
    assert WorkerHeartbeat.objects.count() == 1
    WorkerHeartbeat.objects.create(
        host="other-host", beat_at=timezone.now() - timedelta(hours=1), pid=1
    )
    assert worker_heartbeat_age() < 5


@pytest.mark.django_db
def test_readyz_names_a_cache_that_does_not_answer(client, settings):
    settings.MASTHEAD_READYZ_REQUIRE_WORKER = False
    # A Redis cache on a port where nothing listens.
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
        }
    }
    response = client.get("/readyz")
    assert response.status_code == 503
    body = response.json()
    assert body["failed"] == ["cache"]
    assert "ConnectionError" in body["cache"]["error"]


def test_readyz_names_a_database_that_does_not_answer(tmp_path):
    """In a fresh process whose database is a PostgreSQL where nothing listens."""
    code = (
        "import django; django.setup(); from django.test import Client; "
        "r = Client().get('/readyz'); print(r.status_code); print(r.content.decode())"
    )
    ours = ("MASTHEAD_", "DATABASE_URL", "REDIS_URL")
    env = {k: v for k, v in os.environ.items() if not k.startswith(ours)}
    env.update(
        {
            "MASTHEAD_ENV": "test",
            "MASTHEAD_DATA_DIR": str(tmp_path),
            "DATABASE_URL": "postgres://postgres@127.0.0.1:1/nothing",
            "DJANGO_SETTINGS_MODULE": "masthead.settings",
        }
    )
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    status, body = result.stdout.split("\n", 1)
    assert status == "503"
    body = json.loads(body)
    assert "database" in body["failed"]
    assert body["database"]["ok"] is False
    assert body["worker"]["state"] == "unknown"
    assert "postgres@" not in body["database"]["error"]


@pytest.mark.django_db
def test_the_newsroom_shows_the_running_version(admin_client):
    import masthead

    page = admin_client.get("/newsroom/").content.decode()
    assert f'<p class="masthead-version">Masthead {masthead.__version__}</p>' in page
