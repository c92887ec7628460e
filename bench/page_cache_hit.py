"""What a page-cache hit costs next to a Django view that returns constant bytes, both through
the whole middleware stack of the WSGI handler, in one process, interleaved.

    .venv/bin/python bench/page_cache_hit.py                  # the file cache in a temp dir
    REDIS_URL=redis://127.0.0.1:6379/2 .venv/bin/python bench/page_cache_hit.py

Prints the median microseconds per request of: the constant-bytes view, a story page served
from the page cache, and the same story made afresh (MASTHEAD_PAGE_CACHE off), and the ratio
of hit throughput to constant-bytes throughput (the issue's target: at least 0.8).
"""

from __future__ import annotations

import io
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["MASTHEAD_ENV"] = "demo"
os.environ.setdefault("MASTHEAD_DATA_DIR", tempfile.mkdtemp(prefix="masthead-hit-"))
os.environ["DATABASE_URL"] = ""
os.environ.setdefault("MASTHEAD_CACHE_PREFIX", f"bench-hit-{os.getpid()}")
os.environ["DJANGO_SETTINGS_MODULE"] = "masthead.settings"

ROUNDS, PER_ROUND = 20, 200
CONSTANT = b"<!doctype html><title>constant</title><p>The same bytes every time.</p>\n"

SETUP = """
from masthead.newsroom.models import Publication
from masthead.testing.factories import (
    make_article, make_comment, make_photo, make_section, make_tag)
Publication.objects.create(name="Bench Gazette", comment_moderation="none")
story = make_article(section=make_section(name="City", slug="city"), slug="storm-surge",
    headline="Storm surge floods the harbor road",
    body=("A paragraph of the story. " * 30 + "\\n\\n") * 17,
    tags=[make_tag(name=n) for n in ("Storm", "Harbor", "Weather")], hero_photo=make_photo())
for n in range(14):
    make_comment(story, body=f"Comment number {n} on the storm.")
for n in range(5):
    make_article(section=story.section)
"""


def main() -> None:
    masthead = str(Path(sys.executable).parent / "masthead")
    env = dict(os.environ)
    for command in (["migrate", "--noinput"], ["shell", "-c", SETUP]):
        subprocess.run([masthead, *command], env=env, check=True, capture_output=True)

    import django

    django.setup()
    from django.conf import settings
    from django.http import HttpResponse
    from django.urls import clear_url_caches, include, path

    from masthead.newsroom.models import Article

    def constant(request):
        return HttpResponse(CONSTANT)

    module = type(sys)("bench_urls")
    module.urlpatterns = [path("bench/constant/", constant), path("", include("masthead.urls"))]
    sys.modules["bench_urls"] = module
    settings.ROOT_URLCONF = "bench_urls"
    clear_url_caches()

    from django.core.handlers.wsgi import WSGIHandler

    handler = WSGIHandler()
    story = Article.objects.get(slug="storm-surge").get_absolute_url()

    def request(url: str) -> tuple[str, dict]:
        environ = {
            "REQUEST_METHOD": "GET", "PATH_INFO": url, "QUERY_STRING": "",
            "SERVER_NAME": "127.0.0.1",
            "SERVER_PORT": "8000", "HTTP_HOST": "127.0.0.1", "wsgi.url_scheme": "http",
            "wsgi.input": io.BytesIO(), "wsgi.errors": sys.stderr, "SERVER_PROTOCOL": "HTTP/1.1",
            "REMOTE_ADDR": "127.0.0.1",
        }  # fmt: skip
        seen = {}

        def start_response(status, headers):
            seen["status"], seen["headers"] = status, dict(headers)

        body = b"".join(handler(environ, start_response))
        return seen["status"], {**seen["headers"], "length": len(body)}

    status, headers = request(story)
    assert status.startswith("200"), status
    assert request(story)[1].get("X-Cache") == "hit", "the story is not served from the cache"

    def timed(url: str) -> float:
        started = time.perf_counter()
        for _ in range(PER_ROUND):
            request(url)
        return (time.perf_counter() - started) / PER_ROUND * 1e6

    results: dict[str, list[float]] = {"constant": [], "hit": [], "made": []}
    for _ in range(ROUNDS):
        results["constant"].append(timed("/bench/constant/"))
        results["hit"].append(timed(story))
        settings.MASTHEAD_PAGE_CACHE = False
        started = time.perf_counter()
        for _ in range(10):
            request(story)
        results["made"].append((time.perf_counter() - started) / 10 * 1e6)
        settings.MASTHEAD_PAGE_CACHE = True
    medians = {name: statistics.median(values) for name, values in results.items()}
    cache = settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]
    print(f"default cache: {cache}; story page {headers['length']} bytes")
    for name, label in (("constant", "constant-bytes view"), ("hit", "page-cache hit"),
                        ("made", "story made afresh")):  # fmt: skip
        print(f"{label:22} {medians[name]:9.1f} µs/request  {1e6 / medians[name]:8.0f} req/s")
    print(f"hit / constant throughput: {medians['constant'] / medians['hit']:.2f} (target 0.8)")
    if os.environ.get("REDIS_URL"):
        import redis

        client = redis.Redis.from_url(os.environ["REDIS_URL"])
        for key in client.scan_iter(f"{settings.CACHES['default']['KEY_PREFIX']}*"):
            client.delete(key)  # this run's keys only: never flush a shared database


if __name__ == "__main__":
    main()
