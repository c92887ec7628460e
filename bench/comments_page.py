"""How the story page and the comment form cost as comments grow: SQL queries and time per
request, through Django's test client on a throwaway database.

    .venv/bin/python bench/comments_page.py            # SQLite in a temporary folder
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/masthead_bench .venv/bin/python bench/...

Prints one line per comment count: queries and the median and 90th-percentile milliseconds of
the story page (warm caches), then the cost of one comment sent through the form.
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("MASTHEAD_ENV", "test")
os.environ.setdefault("MASTHEAD_DATA_DIR", tempfile.mkdtemp(prefix="masthead-bench-"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "masthead.settings")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.runner import DiscoverRunner  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

REQUESTS = 30


def main() -> None:
    setup_test_environment()
    runner = DiscoverRunner(verbosity=0, interactive=False)
    old = runner.setup_databases()
    settings.MEDIA_ROOT = tempfile.mkdtemp(prefix="masthead-bench-media-")
    settings.MASTHEAD_COMMENTS_RATE_LIMIT = 10_000
    try:
        run()
    finally:
        runner.teardown_databases(old)
        shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)
        if settings.DATA_DIR.name.startswith("masthead-bench-"):
            shutil.rmtree(settings.DATA_DIR, ignore_errors=True)


def _queries(send, *args) -> int:
    """SQL queries of one request (the log is emptied when a request starts)."""
    connection.force_debug_cursor = True
    try:
        send(*args)
        return len(connection.queries_log)
    finally:
        connection.force_debug_cursor = False


def run() -> None:
    from django.test import Client

    from masthead.comments import spam
    from masthead.comments.models import Comment
    from masthead.testing.factories import make_article, make_comment, make_publication

    make_publication(comment_moderation="none")
    client = Client()
    client.get("/")
    print(f"database: {connection.vendor}; {REQUESTS} requests per line")
    print(f"{'comments':>8} {'queries':>7} {'median ms':>9} {'p90 ms':>7}")
    for size in (0, 10, 100, 500):
        article = make_article()
        for i in range(size // 2):
            top = make_comment(article, body=f"Comment {i}: see https://example.org/{i}\nok")
            make_comment(article, parent=top, body=f"Reply {i}")
        url = article.get_absolute_url()
        client.get(url)
        queries = _queries(client.get, url)
        times = []
        for _ in range(REQUESTS):
            start = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200
        times.sort()
        p90 = times[int(len(times) * 0.9) - 1]
        print(f"{size:>8} {queries:>7} {statistics.median(times):>9.1f} {p90:>7.1f}")

    article = make_article()
    posts = []
    for i in range(REQUESTS):
        data = {
            "name": "Bench Reader",
            "email": f"bench{i}@example.com",
            "body": f"A comment number {i} about the harbor plan.",
            "stamp": spam.issue_stamp(now=time.time() - 60),
        }
        start = time.perf_counter()
        response = client.post(f"/comments/{article.pk}/", data)
        posts.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 302, response.status_code
    last = {
        "name": "Bench Reader",
        "email": "last@example.com",
        "body": "The last one.",
        "stamp": spam.issue_stamp(now=time.time() - 60),
    }
    queries = _queries(client.post, f"/comments/{article.pk}/", last)
    assert Comment.objects.filter(article=article).count() == REQUESTS + 1
    print(f"send a comment: {queries} queries, median {statistics.median(posts):.1f} ms")


if __name__ == "__main__":
    main()
