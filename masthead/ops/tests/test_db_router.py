"""The read-replica router with two real databases: a "primary" and a "replica" that hold the
same story under different headlines, so each answer shows which database it came from.

Each case runs in fresh processes, as a server would start with DATABASE_REPLICA_URL set."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import uuid
from pathlib import Path

import pytest

# A primary and a replica of its own on each engine, whatever database the suite is on.
pytestmark = pytest.mark.own_databases

ROOT = Path(__file__).resolve().parents[3]
PG_SERVER = "postgres://postgres@127.0.0.1:5432"

SEED = textwrap.dedent(
    """
    import sys, django; django.setup()
    from datetime import datetime, UTC
    from django.core.management import call_command
    call_command("migrate", verbosity=0)
    from masthead.testing.factories import make_article, make_section, make_publication
    from django.contrib.auth import get_user_model
    make_publication()
    make_article(section=make_section(name="City", slug="city"), headline=sys.argv[1],
                 slug="harbor-story", published_at=datetime(2025, 3, 4, 12, tzinfo=UTC))
    get_user_model().objects.create_user("desk", password="a-long-test-password-42",
                                         is_staff=True)
    """
)

PROBE = textwrap.dedent(
    """
    import django; django.setup()
    from django.db import transaction
    from django.test import Client, RequestFactory
    from masthead.newsroom.models import Article, Section
    from masthead.ops.db_router import ReplicaRoutingMiddleware

    url = Article.objects.get(slug="harbor-story").get_absolute_url()
    def headline_on(client):
        page = client.get(url).content.decode()
        return "replica" if "Replica headline" in page else (
            "primary" if "Primary headline" in page else "neither")

    print("anonymous", headline_on(Client()))
    editor = Client()
    from django.contrib.auth import get_user_model
    editor.force_login(get_user_model().objects.get(username="desk"))
    print("signed-in", headline_on(editor))

    seen = {}
    def view(request):
        def note(what):
            db = Article.objects.get(slug="harbor-story")._state.db
            seen[f"{request.method}-{what}"] = db
        note("first-read")
        with transaction.atomic():
            note("read-in-a-transaction")
        note("read-after-the-transaction")
        Section.objects.get_or_create(name="Late", slug="late")
        note("read-after-a-write")
        return None
    ReplicaRoutingMiddleware(view)(RequestFactory().get("/news/"))
    ReplicaRoutingMiddleware(view)(RequestFactory().post("/comments/1/"))
    for what, db in seen.items():
        print(what, db)
    print("outside-a-request", Article.objects.get(slug="harbor-story")._state.db)
    """
)


def _run(code: str, env: dict[str, str], tmp_path: Path, *args: str) -> str:
    ours = ("MASTHEAD_", "DATABASE_", "REDIS_URL", "DJANGO_")
    clean = {k: v for k, v in os.environ.items() if not k.startswith(ours)}
    clean.update(
        {
            "MASTHEAD_ENV": "test",
            "MASTHEAD_DATA_DIR": str(tmp_path),
            "DJANGO_SETTINGS_MODULE": "masthead.settings",
            **env,
        }
    )
    result = subprocess.run(
        [sys.executable, "-c", code, *args],
        env=clean,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def _postgres_databases():
    psycopg = pytest.importorskip("psycopg")
    try:
        admin = psycopg.connect(f"{PG_SERVER}/postgres", connect_timeout=3, autocommit=True)
    except psycopg.OperationalError:
        pytest.skip(f"PostgreSQL is not reachable at {PG_SERVER}")
    suffix = uuid.uuid4().hex[:8]
    names = [f"masthead_prod_router_primary_{suffix}", f"masthead_prod_router_replica_{suffix}"]
    for name in names:
        admin.execute(f'CREATE DATABASE "{name}"')
    return admin, names


@pytest.fixture(params=["sqlite", "postgresql"])
def two_databases(request, tmp_path):
    if request.param == "sqlite":
        yield (
            f"sqlite:///{tmp_path / 'primary.sqlite3'}",
            f"sqlite:///{tmp_path / 'replica.sqlite3'}",
        )
        return
    admin, names = _postgres_databases()
    try:
        yield tuple(f"{PG_SERVER}/{name}" for name in names)
    finally:
        for name in names:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


def test_anonymous_reads_go_to_the_replica_and_everything_else_to_the_primary(
    two_databases, tmp_path
):
    primary, replica = two_databases
    _run(SEED, {"DATABASE_URL": primary}, tmp_path, "Primary headline")
    _run(SEED, {"DATABASE_URL": replica}, tmp_path, "Replica headline")
    out = _run(PROBE, {"DATABASE_URL": primary, "DATABASE_REPLICA_URL": replica}, tmp_path)
    lines = out.strip().splitlines()
    # The GET request reads the replica until it writes or opens a transaction; the POST and
    # anything outside a request read the primary.
    assert lines == [
        "anonymous replica",
        "signed-in primary",
        "GET-first-read replica",
        "GET-read-in-a-transaction default",
        "GET-read-after-the-transaction replica",
        "GET-read-after-a-write default",
        "POST-first-read default",
        "POST-read-in-a-transaction default",
        "POST-read-after-the-transaction default",
        "POST-read-after-a-write default",
        "outside-a-request default",
    ]
