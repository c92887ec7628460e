"""Story lists paged by keyset: Older/Newer links walk every story once, stay valid as stories
are published, old ?page=N links still answer, and nothing counts the whole archive."""

import re
from datetime import timedelta
from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from masthead.newsroom.models import LIVE_STATUS_VALUES, Article
from masthead.newsroom.pagination import PAGE_SEEK_LIMIT, Cursor
from masthead.testing.factories import (
    make_article,
    make_author,
    make_publication,
    make_section,
    make_tag,
)

pytestmark = pytest.mark.django_db

PAGE_SIZE = 3


@pytest.fixture(autouse=True)
def small_pages(settings):
    settings.MASTHEAD_PAGE_SIZE = PAGE_SIZE
    make_publication()


def _stories(count: int, **fields) -> list[Article]:
    """``count`` live stories, newest first; two share a publication time (ties by id)."""
    base = timezone.now() - timedelta(days=1)
    stories = [
        make_article(
            headline=f"Story number {i:03d}",
            published_at=base - timedelta(minutes=i // 2 * 2),
            **fields,
        )
        for i in range(count)
    ]
    return sorted(stories, key=lambda a: (a.published_at, a.pk), reverse=True)


def _link(html: str, rel: str) -> str | None:
    found = re.search(rf'<a rel="{rel}" href="([^"]+)"', html)
    return unescape(found.group(1)) if found else None


def _headlines(html: str) -> list[str]:
    return re.findall(r"Story number \d{3}", html)


def _walk(client, path: str, rel: str, start: str = "") -> tuple[list[list[str]], list[str]]:
    """Follow ``rel`` links from ``path + start``; the headlines of each page and the URLs."""
    pages, urls, url = [], [], path + start
    while url:
        response = client.get(url, follow=True)
        assert response.status_code == 200, url
        html = response.content.decode()
        pages.append(_headlines(html))
        urls.append(url)
        link = _link(html, rel)
        url = path + link if link else None
        assert len(pages) < 50, "the links go round in circles"
    return pages, urls


def test_older_links_walk_every_story_once_newest_first(client):
    section = make_section()
    stories = _stories(10, section=section)
    pages, urls = _walk(client, "/archive/", "next")
    assert [len(page) for page in pages] == [3, 3, 3, 1]
    assert [h for page in pages for h in page] == [s.headline for s in stories]
    assert all("before=" in url for url in urls[1:])


def test_the_navigation_is_a_labelled_landmark_with_rel_links(client):
    _stories(7, section=make_section())
    first = client.get("/archive/").content.decode()
    assert '<nav class="pagination" aria-label="Pages">' in first
    assert _link(first, "prev") is None
    second = client.get("/archive/" + _link(first, "next")).content.decode()
    assert _link(second, "prev") and _link(second, "next")
    assert '<span aria-current="page">From ' in second
    # Each page has a title of its own.
    title = re.search(r"<title>(.*?)</title>", second).group(1)
    assert title.startswith("All stories, from ")


def test_newer_links_walk_back_to_the_first_page(client):
    stories = _stories(10, section=make_section())
    order = [s.headline for s in stories]
    _, urls = _walk(client, "/archive/", "next")
    back, _ = _walk(client, "/archive/", "prev", urls[-1].removeprefix("/archive/"))
    # Going back up, every page is a run of consecutive stories, each newer than the last,
    # until the list's own first page.
    for page in back:
        positions = [order.index(h) for h in page]
        assert positions == list(range(positions[0], positions[0] + len(positions)))
    assert back[-1] == order[:PAGE_SIZE]
    assert set(order) == {h for page in back for h in page}
    # The link that reaches the newest stories sends the reader to the list itself.
    second = client.get(urls[1]).content.decode()
    response = client.get("/archive/" + _link(second, "prev"))
    assert response.status_code == 302 and response["Location"] == "/archive/"


def test_an_older_link_shows_the_same_stories_after_more_are_published(client):
    section = make_section()
    _stories(8, section=section)
    first = client.get("/archive/").content.decode()
    older = "/archive/" + _link(first, "next")
    before = _headlines(client.get(older).content.decode())
    for i in range(5):
        make_article(section=section, headline=f"Story number {900 + i}")
    assert _headlines(client.get(older).content.decode()) == before


def test_old_numbered_links_are_served_as_offset_pages_were(client):
    stories = _stories(10, section=make_section())
    for number in (1, 2, 3, 4):
        html = client.get(f"/archive/?page={number}").content.decode()
        expected = stories[(number - 1) * PAGE_SIZE : number * PAGE_SIZE]
        assert _headlines(html) == [s.headline for s in expected], number
        assert f"Page {number}" in html
    assert client.get("/archive/?page=5").status_code == 404
    assert client.get("/archive/?page=0").status_code == 404
    assert client.get(f"/archive/?page={PAGE_SEEK_LIMIT + 1}").status_code == 404


@pytest.mark.parametrize(
    "query",
    ["before=yesterday,3", "before=2026-01-01T00:00:00Z", "after=2026-01-01T00:00:00,3",
     "before=2026-01-01T00:00:00Z,-4", "after=,"],
)  # fmt: skip
def test_a_malformed_position_is_a_bad_request(client, query):
    _stories(4, section=make_section())
    response = client.get(f"/archive/?{query}")
    assert response.status_code == 400


def test_a_position_past_the_oldest_story_is_not_found(client):
    stories = _stories(4, section=make_section())
    first = client.get("/archive/").content.decode()
    last_page = client.get("/archive/" + _link(first, "next")).content.decode()
    assert _link(last_page, "next") is None
    oldest = stories[-1]
    assert client.get(f"/archive/?before={Cursor.of(oldest)}").status_code == 404


def test_drafts_never_appear_between_pages(client):
    section = make_section()
    stories = _stories(6, section=section)
    make_article(section=section, headline="Story number 777", status="draft",
                 published_at=stories[2].published_at)  # fmt: skip
    pages, _ = _walk(client, "/archive/", "next")
    assert [h for page in pages for h in page] == [s.headline for s in stories]


@pytest.mark.parametrize("kind", ["section", "tag", "author"])
def test_section_tag_and_author_lists_page_by_keyset(client, kind):
    section, tag, author = make_section(), make_tag(), make_author()
    mine = _stories(7, section=section, tags=[tag], authors=[author])
    _stories(4, section=make_section(), tags=[make_tag()], authors=[make_author()])
    path = {"section": section, "tag": tag, "author": author}[kind].get_absolute_url()
    pages, _ = _walk(client, path, "next")
    assert [h for page in pages for h in page] == [s.headline for s in mine]


def test_an_authors_list_has_their_bylined_stories_not_those_they_only_posted(client):
    section, author, colleague = make_section(), make_author(), make_author()
    signed = make_article(section=section, headline="Story number 001", authors=[author])
    make_article(section=section, headline="Story number 002", writer=author)
    make_article(section=section, headline="Story number 003", writer=author,
                 authors=[colleague])  # fmt: skip
    html = client.get(author.get_absolute_url()).content.decode()
    assert _headlines(html) == [signed.headline]


def test_no_list_page_counts_the_archive(client):
    stories = _stories(10, section=make_section())
    tag = make_tag()
    stories[0].tags.add(tag)
    for path in ["/", "/archive/", "/archive/?page=3", stories[0].section.get_absolute_url(),
                 tag.get_absolute_url()]:  # fmt: skip
        with CaptureQueriesContext(connection) as captured:
            assert client.get(path).status_code == 200
        counting = [q["sql"] for q in captured.captured_queries if "COUNT(*)" in q["sql"].upper()]
        assert counting == [], path


def test_the_partial_indexes_name_the_live_statuses():
    assert tuple(str(status) for status in Article.LIVE_STATUSES) == LIVE_STATUS_VALUES
