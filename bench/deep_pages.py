"""Page 1 against page 500 of the reader lists, in-process, on a database already filled by
``masthead bench-data`` (nothing is written to it):

    createdb -h 127.0.0.1 -U postgres masthead_scale_bench
    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/masthead_scale_bench
    MASTHEAD_ENV=development .venv/bin/masthead migrate
    MASTHEAD_ENV=development .venv/bin/masthead bench-data --stories 1000000
    MASTHEAD_ENV=development MASTHEAD_PAGE_CACHE=off .venv/bin/python bench/deep_pages.py

Prints, for each page, its SQL queries and the median and 90th-percentile milliseconds of
REQUESTS requests through Django's test client (warm caches, no page cache). Page 500 is asked
for both ways a reader reaches it: an old ``?page=500`` link and the "Older stories" link that
page 499 shows (``?before=<time>,<id>``).
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("MASTHEAD_ENV", "development")
os.environ.setdefault("MASTHEAD_PAGE_CACHE", "off")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "masthead.settings")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

from masthead.newsroom.models import Article, Author, Section, Tag  # noqa: E402
from masthead.newsroom.pagination import Cursor  # noqa: E402

REQUESTS = int(os.environ.get("BENCH_REQUESTS", "20"))
DEEP = 500


def _older_link(stories, page: int) -> str:
    """The "Older stories" link on page ``page - 1``: the last story of that page."""
    offset = (page - 1) * settings.MASTHEAD_PAGE_SIZE - 1
    last = stories.order_by("-published_at", "-pk").values_list("published_at", "pk")[offset]
    return "?" + urlencode({"before": str(Cursor(*last))})


def _measure(client: Client, path: str) -> tuple[int, float, float, int]:
    client.get(path)  # warm
    # DEBUG keeps the last 9,000 queries: once full, counting by its length would give 0.
    connection.queries_log.clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    timings = []
    for _ in range(REQUESTS):
        started = time.perf_counter()
        client.get(path)
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    p90 = timings[min(len(timings) - 1, int(len(timings) * 0.9))]
    return len(captured.captured_queries), statistics.median(timings), p90, response.status_code


def main() -> None:
    setup_test_environment()
    client = Client()
    live = Article.objects.live()
    total = live.count()
    section = max(Section.objects.all(), key=lambda s: s.pk)  # one of the bench sections
    tag = Tag.objects.filter(slug__startswith="bench-").order_by("pk").first()
    author = Author.objects.filter(slug__startswith="bench-").order_by("pk").first()
    tag_stories = tag.articles.live()
    author_stories = live.by_author(author)
    size = settings.MASTHEAD_PAGE_SIZE
    tag_deep = min(DEEP, max(2, tag_stories.count() // size))
    author_deep = min(DEEP, max(2, author_stories.count() // size))
    story = live.order_by("-published_at").first()
    pages = [
        ("home", "/"),
        ("story", story.get_absolute_url()),
        ("archive page 1", "/archive/"),
        (f"archive ?page={DEEP}", f"/archive/?page={DEEP}"),
        (f"archive page {DEEP} (Older link)", "/archive/" + _older_link(live, DEEP)),
        ("section page 1", section.get_absolute_url()),
        (
            f"section page {DEEP} (Older link)",
            section.get_absolute_url() + _older_link(live.filter(section=section), DEEP),
        ),
        ("tag page 1", tag.get_absolute_url()),
        (
            f"tag page {tag_deep} (Older link)",
            tag.get_absolute_url() + _older_link(tag_stories, tag_deep),
        ),
        ("author page 1", author.get_absolute_url()),
        (
            f"author page {author_deep} (Older link)",
            author.get_absolute_url() + _older_link(author_stories, author_deep),
        ),
        ("feed (RSS)", "/feeds/rss/"),
        ("sitemap index", "/sitemap.xml"),
        ("sitemap stories file 50", "/sitemap-stories.xml?p=50"),
        ("search", "/search/?q=council"),
    ]
    print(f"{total:,} live stories on {connection.vendor}; {REQUESTS} requests each")
    print(f"{'page':38} {'status':>6} {'queries':>7} {'median ms':>10} {'p90 ms':>8}")
    for name, path in pages:
        queries, median, p90, status = _measure(client, path)
        print(f"{name:38} {status:>6} {queries:>7} {median:>10.1f} {p90:>8.1f}")


if __name__ == "__main__":
    main()
