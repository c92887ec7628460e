"""``masthead bench-data``: what it writes, that a seed repeats it, that it refuses a newsroom's
database, and that every reader page costs the same number of queries at 30 and 300 stories."""

import re
from html import unescape

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from masthead.comments.models import Comment
from masthead.demo import bench
from masthead.newsroom.models import Article, Byline, Tag
from masthead.photos.models import Photo
from masthead.search.stories import search_stories
from masthead.testing.factories import make_article, make_publication

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_it_writes_live_stories_with_everything_hanging_off_them():
    written = bench.fill(120, seed=3)
    assert Article.objects.live().count() == 120
    assert written["article"] == 120
    assert Byline.objects.count() == written["byline"] >= 120
    assert Article.tags.through.objects.count() == 120 * bench.TAGS_PER_STORY
    assert Photo.objects.count() == written["photo"] + bench.PHOTO_FILES
    # Rows point at the few generated files, with their renditions: no file per story.
    assert Photo.objects.values("image").distinct().count() == bench.PHOTO_FILES
    assert all(p.renditions.get("of") == p.image.name for p in Photo.objects.all())
    assert Comment.objects.approved().count() == written["comment"] > 0
    # Ids given by bench-data leave the sequences past them: the newsroom can add a story.
    assert make_article().pk > Article.objects.exclude(slug__startswith="bench-").count()


def test_the_search_index_has_the_new_stories():
    bench.fill(40, seed=5)
    story = Article.objects.order_by("pk").first()
    results = search_stories(story.headline)
    assert results.count() > 0
    assert story.pk in [hit.article.pk for hit in results[0:20]]


def test_the_same_seed_gives_the_same_archive(django_db_blocker):
    def snapshot():
        return [
            (a.headline, a.section.slug, a.body_html, sorted(t.slug for t in a.tags.all()))
            for a in Article.objects.select_related("section").prefetch_related("tags")
        ]

    bench.fill(25, seed=9)
    first = snapshot()
    Article.objects.all().delete()
    Byline.objects.all().delete()
    Tag.objects.all().delete()
    from masthead.newsroom.models import Author

    Author.objects.all().delete()
    bench.fill(25, seed=9)
    assert snapshot() == first


def test_it_refuses_a_database_that_holds_a_newsroom():
    make_article(headline="A real story")
    with pytest.raises(CommandError, match="already holds stories"):
        call_command("bench-data", "--stories", "10")
    assert Article.objects.count() == 1
    call_command("bench-data", "--stories", "10", "--force")
    assert Article.objects.count() == 11


def test_a_number_of_stories_below_one_is_refused():
    with pytest.raises(CommandError, match="at least 1"):
        call_command("bench-data", "--stories", "0")


READER_PAGES = [
    "/",
    "{story}",
    "/archive/",
    "/archive/?page=5",
    "{older}",
    "{section}",
    "{tag}",
    "{author}",
    "/feeds/rss/",
    "/feeds/atom/",
    "/feeds/json/",
    "/feeds/tag/{tag_slug}/rss/",
    "/feeds/author/{author_slug}/rss/",
    "/sitemap.xml",
    "/sitemap-stories.xml",
    "/sitemap-news.xml",
    "/sitemap-tags.xml",
    "/search/?q=council",
]


def _query_counts(client) -> dict[str, int]:
    story = Article.objects.order_by("pk").first()  # the same story at both sizes
    tag = story.tags.order_by("pk").first()
    author = story.bylines.order_by("position").first().author
    archive = client.get("/archive/").content.decode()
    older = unescape(re.search(r'<a rel="next" href="([^"]+)"', archive).group(1))
    paths = {
        "story": story.get_absolute_url(),
        "older": "/archive/" + older,
        "section": story.section.get_absolute_url(),
        "tag": tag.get_absolute_url(),
        "author": author.get_absolute_url(),
        "tag_slug": tag.slug,
        "author_slug": author.slug,
    }
    counts = {}
    for template in READER_PAGES:
        path = template.format(**paths)
        client.get(path)  # warm the publication and navigation caches, as on a running site
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path)
        assert response.status_code == 200, path
        counts[template] = len(captured.captured_queries)
    return counts


def test_every_reader_page_costs_the_same_queries_at_30_and_300_stories(client, settings):
    settings.MASTHEAD_PAGE_SIZE = 5
    make_publication()
    bench.fill(30, seed=2)
    small = _query_counts(client)
    bench.fill(270, seed=4, force=True)
    assert Article.objects.live().count() == 300
    large = _query_counts(client)
    assert small == large
