"""Several server processes share one page cache: on the SQLite file and the file cache in the
data dir (no Redis), on Redis when REDIS_URL is set, and as app servers are scaled out: one
PostgreSQL database and one Redis. A change made through one process is served fresh by the
other on its next request, and the pages either had stored are refreshed on both."""

from __future__ import annotations

import http.client
import os
import re
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import urlencode

import pytest

# Two server processes on databases of their own, whatever database the suite is on.
pytestmark = pytest.mark.own_databases

MASTHEAD = str(Path(sys.executable).parent / "masthead")
# This branch's share of the machine's ports (two servers per test).
PORTS = {"files": (8241, 8242), "redis": (8243, 8244), "postgres+redis": (8245, 8246)}
REDIS_TEST_URL = os.environ.get("MASTHEAD_TEST_REDIS_URL", "redis://127.0.0.1:6379/2")
PG_SERVER = "postgres://postgres@127.0.0.1:5432"

SETUP = """
from masthead.newsroom.models import Article, Publication
from masthead.testing.factories import make_article, make_section
Publication.objects.create(name="Two Process Gazette", comment_moderation="none")
city = make_section(name="City", slug="city")
make_article(section=city, headline="Ferry returns to the north pier", slug="ferry")
make_article(section=city, headline="Crane arrives at the harbor", slug="crane", status="draft")
"""
PUBLISH = """
from django.contrib.auth import get_user_model
from masthead.newsroom import workflow
from masthead.newsroom.models import Article
editor = get_user_model().objects.create_superuser("boss", "boss@example.com", "x" * 20)
workflow.article_publish(article=Article.objects.get(slug="crane"), user=editor)
"""


def _environment(data_dir: Path, redis_url: str | None, database_url: str = "") -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("MASTHEAD_", "DJANGO_", "PYTEST_")) and key != "REDIS_URL"
    }
    env.update(MASTHEAD_ENV="demo", MASTHEAD_DATA_DIR=str(data_dir), DATABASE_URL=database_url)
    if redis_url:
        env.update(REDIS_URL=redis_url, MASTHEAD_CACHE_PREFIX=f"test-{uuid.uuid4().hex[:12]}")
    return env


def _run(env: dict[str, str], *args: str) -> None:
    subprocess.run([MASTHEAD, *args], env=env, check=True, capture_output=True, timeout=300)


def _fetch(port: int, path: str, *, method: str = "GET", form=None, headers=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    body = urlencode(form) if form is not None else None
    sent = {"Content-Type": "application/x-www-form-urlencoded"} if form is not None else {}
    connection.request(method, path, body=body, headers={**sent, **(headers or {})})
    response = connection.getresponse()
    answer = (response.status, response.headers, response.read().decode())
    connection.close()
    return answer


def _wait_for(port: int, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(server.stderr.read().decode())
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"The server on port {port} did not start.")


def _fresh_postgres_database() -> tuple[object, str]:
    psycopg = pytest.importorskip("psycopg")
    try:
        admin = psycopg.connect(f"{PG_SERVER}/postgres", connect_timeout=3, autocommit=True)
    except psycopg.OperationalError:
        pytest.skip(f"PostgreSQL is not reachable at {PG_SERVER}")
    name = f"masthead_two_servers_{uuid.uuid4().hex[:8]}"
    admin.execute(f'CREATE DATABASE "{name}"')
    return admin, name


@pytest.fixture(params=["files", "redis", "postgres+redis"])
def two_servers(request, tmp_path):
    redis_url = None
    if "redis" in request.param:
        import redis

        try:
            redis.Redis.from_url(REDIS_TEST_URL, socket_timeout=2).ping()
        except redis.exceptions.ConnectionError:
            pytest.skip(f"Redis is not reachable at {REDIS_TEST_URL}")
        redis_url = REDIS_TEST_URL
    admin = database = None
    if request.param == "postgres+redis":
        admin, database = _fresh_postgres_database()
    env = _environment(tmp_path / "var", redis_url, f"{PG_SERVER}/{database}" if database else "")
    try:
        yield from _serving(request.param, env, redis_url)
    finally:
        if admin is not None:
            admin.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
            admin.close()


def _serving(kind: str, env: dict[str, str], redis_url: str | None):
    _run(env, "migrate", "--noinput")
    _run(env, "shell", "-c", SETUP)
    servers = []
    try:
        for port in PORTS[kind]:
            server = subprocess.Popen(
                [MASTHEAD, "runserver", "--noreload", "--nothreading", f"127.0.0.1:{port}"],
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
            )
            servers.append(server)
            _wait_for(port, server)
        yield env, PORTS[kind], kind
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=10)
            server.stderr.close()
        if redis_url:
            import redis

            client = redis.Redis.from_url(redis_url)
            for key in client.scan_iter(f"{env['MASTHEAD_CACHE_PREFIX']}*"):
                client.delete(key)


def test_a_change_through_one_process_is_served_fresh_by_the_other(two_servers):
    env, (first, second), _kind = two_servers
    story = _fetch(first, "/city/")[2]
    story_path = re.search(r'href="(/city/\d{4}/\d\d/\d\d/ferry/)"', story).group(1)
    for port in (first, second):
        for path in ("/", story_path):
            _fetch(port, path)
    # The second process serves what the first one stored.
    status, headers, home = _fetch(second, "/")
    assert status == 200 and headers["X-Cache"] == "hit"
    assert "Crane arrives" not in home

    _run(env, "shell", "-c", PUBLISH)  # a third process: the newsroom publishing
    for port in (first, second):
        status, headers, home = _fetch(port, "/")
        assert headers["X-Cache"] == "miss" and "Crane arrives at the harbor" in home, port
        # The story page each had stored lists it in Recent Posts now (its parts too).
        status, headers, page = _fetch(port, story_path)
        assert headers["X-Cache"] == "miss" and "Crane arrives at the harbor" in page, port

    # A reader comments through the first process; the second shows it at its next request.
    page = _fetch(second, story_path)[2]
    stamp = re.search(r'name="stamp" value="([^"]+)"', page).group(1)
    time.sleep(3)  # the stamp refuses forms sent sooner than a person could (spam rule)
    form = {"name": "Ana Reader", "email": "ana@example.com", "body": "Glad it is back.",
            "website": "", "stamp": stamp, "parent": ""}  # fmt: skip
    origin = {"Origin": f"http://127.0.0.1:{first}", "Sec-Fetch-Site": "same-origin"}
    status, headers, _ = _fetch(
        first, f"/comments/{_story_id(page)}/", method="POST", form=form, headers=origin
    )
    assert status == 302, headers
    assert "Set-Cookie" in headers  # the "published" message, for this reader alone
    status, headers, page = _fetch(second, story_path)
    assert headers["X-Cache"] == "miss" and "Glad it is back." in page

    # A forged post from another site is refused, and the reader's text is given back.
    forged = {"Origin": "https://evil.example", "Sec-Fetch-Site": "cross-site"}
    status, _, page = _fetch(
        first, f"/comments/{_story_id(page)}/", method="POST",
        form={**form, "body": "Forged words"}, headers=forged,
    )  # fmt: skip
    assert status == 403 and "Forged words" in page
    assert "Forged words" not in _fetch(second, story_path)[2]


def _story_id(page: str) -> str:
    return re.search(r'action="/comments/(\d+)/#respond"', page).group(1)
