"""PostgreSQL's plans for the reader lists use indexes, on a filled and analysed archive: no
list reads the whole story table, however deep the page.

These run in ``make test``'s PostgreSQL pass; SQLite has no comparable planner to check.
"""

import re

import pytest
from django.db import connection

from masthead.demo import bench
from masthead.distribution.sitemaps import StorySitemap
from masthead.newsroom.models import Article, Author, Section, Tag
from masthead.newsroom.pagination import Cursor

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="query plans are checked on PostgreSQL only (make test's PostgreSQL pass)",
    ),
]

STORIES = 4000
PAGE = 21  # a page and one more, as pagination.py reads


@pytest.fixture
def archive(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    bench.fill(STORIES, seed=7)  # ends with ANALYZE
    return Article.objects.live().for_listing().latest_first()


def _plan(queryset) -> str:
    return queryset.explain()


def _reads_the_story_table(plan: str) -> bool:
    return "Seq Scan on newsroom_article " in plan + " "


def _list_queries(archive, monkeypatch) -> dict:
    live = Article.objects.live()
    section = Section.objects.order_by("pk").first()
    tag = Tag.objects.filter(slug__startswith="bench-").order_by("pk").first()
    author = Author.objects.filter(slug__startswith="bench-").order_by("pk").first()
    deep = Cursor(*live.latest_first().values_list("published_at", "pk")[STORIES - 100])
    in_section = live.filter(section=section).latest_first()
    section_deep = Cursor(*in_section.values_list("published_at", "pk")[300])
    monkeypatch.setattr(StorySitemap, "limit", 500)  # blocks smaller than this archive
    stories = StorySitemap()
    return {
        "archive page 1": archive[:PAGE],
        "archive deep page (keyset)": archive.filter(deep.older())[:PAGE],
        "archive ?page=N seek": live.latest_first().values_list("published_at", "pk")[2000:2001],
        "section page 1": in_section.for_listing()[:PAGE],
        "section deep page": in_section.for_listing().filter(section_deep.older())[:PAGE],
        "tag page": tag.articles.live().for_listing().latest_first()[:PAGE],
        "author page": live.by_author(author).for_listing().latest_first()[:PAGE],
        "home lead": archive[:1],
        "home section cut-off": live.filter(section=section)
        .latest_first()
        .values("published_at")[4:5],
        "sitemap story file": stories.paginator.page(3).object_list,
        "sitemap newest story": Article.objects.live()
        .filter(noindex=False)
        .order_by("-published_at")[:1],
    }


def test_the_reader_list_queries_use_indexes(archive, monkeypatch):
    with connection.cursor() as cursor:
        cursor.execute("SHOW enable_hashjoin")
        assert cursor.fetchone()[0] == "on"  # bench-data left the planner as it found it
    failures = {}
    for name, queryset in _list_queries(archive, monkeypatch).items():
        plan = _plan(queryset)
        if _reads_the_story_table(plan) or "Index" not in plan:
            failures[name] = plan
    assert not failures, "\n\n".join(f"{name}:\n{plan}" for name, plan in failures.items())


def test_the_archive_is_read_in_order_from_an_index(archive):
    plan = _plan(archive[:PAGE])
    # Newest first straight off an index (the live list's, or publication times' with an
    # incremental sort of equal times by id): never a sort of every live story.
    assert "Index Scan Backward using" in plan or "article_live_latest" in plan, plan
    assert not re.search(r"(^|->)\s*Sort\s+\(", plan, re.MULTILINE), plan


def test_a_section_page_is_read_through_the_section_index(archive):
    section = Section.objects.order_by("pk").first()
    plan = _plan(Article.objects.live().filter(section=section).for_listing().latest_first()[:PAGE])
    assert "article_live_section_latest" in plan, plan


def test_the_sitemap_index_reads_the_highest_id_and_the_newest_times_by_index(archive):
    stories = StorySitemap()
    highest = Article.objects.order_by("-pk").values_list("pk", flat=True)[:1]
    assert "Index" in _plan(highest)
    assert stories.paginator.num_pages == -(-Article.objects.order_by("-pk").first().pk // 10_000)
    latest = Article.objects.live().filter(noindex=False).order_by("-updated_at")
    plan = _plan(latest.exclude(updated_at=None).values("updated_at")[:1])
    assert not _reads_the_story_table(plan), plan
