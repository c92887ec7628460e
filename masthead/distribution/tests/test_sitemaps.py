"""Sitemaps read back as XML and checked against what the sitemap, news and image schemas
require of every entry; robots.txt names them."""

import re
from datetime import datetime, timedelta
from urllib.parse import urlsplit

import pytest
from defusedxml import ElementTree
from django.utils import timezone

from masthead.distribution.sitemaps import StorySitemap, indexable_stories, news_language
from masthead.newsroom.models import Article
from masthead.testing.factories import make_article, make_photo, make_section

pytestmark = pytest.mark.django_db

SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"
IMAGE = "{http://www.google.com/schemas/sitemap-image/1.1}"
# W3C Datetime as the sitemap protocol asks: a date, or a date and time with a zone.
W3C_DATETIME = re.compile(r"^\d{4}-\d\d-\d\d(T\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d))?$")


def _absolute(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.netloc) and len(url) <= 2048


def _fetch(client, path: str):
    response = client.get(path)
    assert response.status_code == 200, path
    assert response["Content-Type"].startswith("application/xml")
    root = ElementTree.fromstring(response.content)
    return response, root


def _check_urlset(root) -> list[dict]:
    """Every entry as the schemas require it; returns what each entry says."""
    assert root.tag == f"{SM}urlset"
    entries = []
    for url in root:
        assert url.tag == f"{SM}url"
        [loc] = url.findall(f"{SM}loc")
        assert _absolute(loc.text), loc.text
        entry = {"loc": loc.text, "images": [], "news": None}
        lastmods = url.findall(f"{SM}lastmod")
        assert len(lastmods) <= 1
        if lastmods:
            assert W3C_DATETIME.match(lastmods[0].text), lastmods[0].text
            entry["lastmod"] = lastmods[0].text
        for image in url.findall(f"{IMAGE}image"):
            [image_loc] = image.findall(f"{IMAGE}loc")
            assert _absolute(image_loc.text)
            entry["images"].append(image_loc.text)
        news_elements = url.findall(f"{NEWS}news")
        assert len(news_elements) <= 1
        if news_elements:
            news = news_elements[0]
            [publication] = news.findall(f"{NEWS}publication")
            [name] = publication.findall(f"{NEWS}name")
            [language] = publication.findall(f"{NEWS}language")
            [date] = news.findall(f"{NEWS}publication_date")
            [title] = news.findall(f"{NEWS}title")
            assert name.text and title.text
            assert re.fullmatch(r"[a-z]{2,3}|zh-cn|zh-tw", language.text)
            assert W3C_DATETIME.match(date.text)
            entry["news"] = {
                "name": name.text, "language": language.text, "date": date.text,
                "title": title.text,
            }  # fmt: skip
        entries.append(entry)
    return entries


def _locs(entries) -> list[str]:
    return [entry["loc"] for entry in entries]


def test_index_lists_every_sitemap_with_absolute_urls(client, newsroom):
    _, root = _fetch(client, "/sitemap.xml")
    assert root.tag == f"{SM}sitemapindex"
    sitemaps = root.findall(f"{SM}sitemap")
    locs = [sitemap.find(f"{SM}loc").text for sitemap in sitemaps]
    assert locs == [
        f"http://testserver/sitemap-{name}.xml"
        for name in ("home", "news", "stories", "sections", "tags", "authors")
    ]
    for sitemap in sitemaps:
        lastmod = sitemap.find(f"{SM}lastmod")
        assert lastmod is not None and W3C_DATETIME.match(lastmod.text)
    for loc in locs:
        _fetch(client, urlsplit(loc).path)


def test_story_sitemap_lists_live_stories_with_their_photos(client, newsroom):
    _, root = _fetch(client, "/sitemap-stories.xml")
    entries = _check_urlset(root)
    expected = [newsroom.local, newsroom.wire, newsroom.old]
    assert _locs(entries) == [f"http://testserver{s.get_absolute_url()}" for s in expected]
    local = entries[0]
    assert local["images"] == [f"http://testserver{newsroom.local.hero_photo.image.url}"]
    assert entries[1]["images"] == []
    # lastmod is the publication time, or the update time when there is one.
    assert datetime.fromisoformat(local["lastmod"]) == newsroom.local.published_at.replace(
        microsecond=0
    )


def test_updated_story_lastmod_is_its_update_time(client, newsroom):
    story = newsroom.local
    story.updated_at = story.published_at + timedelta(minutes=30)
    story.save()
    entries = _check_urlset(_fetch(client, "/sitemap-stories.xml")[1])
    assert datetime.fromisoformat(entries[0]["lastmod"]) == story.updated_at.replace(microsecond=0)


def test_nothing_unpublished_scheduled_or_noindex_appears_anywhere(client, newsroom):
    newsroom.old.noindex = True
    newsroom.old.save()
    everything = b"".join(
        client.get(path).content
        for path in ["/sitemap.xml", "/sitemap-home.xml", "/sitemap-news.xml",
                     "/sitemap-stories.xml", "/sitemap-sections.xml", "/sitemap-tags.xml",
                     "/sitemap-authors.xml"]
    ).decode()  # fmt: skip
    for story in [*newsroom.hidden, newsroom.old]:
        assert story.slug not in everything, story.headline


def test_news_sitemap_has_the_last_two_days_with_publication_and_title(client, newsroom):
    make_article(section=newsroom.city, headline="Three days old",
                 published_at=timezone.now() - timedelta(days=3))  # fmt: skip
    _, root = _fetch(client, "/sitemap-news.xml")
    entries = _check_urlset(root)
    assert _locs(entries) == [
        f"http://testserver{s.get_absolute_url()}" for s in (newsroom.local, newsroom.wire)
    ]
    news = entries[0]["news"]
    assert news["name"] == "The Test Gazette"
    assert news["language"] == "en"
    assert news["title"] == newsroom.local.headline
    assert datetime.fromisoformat(news["date"]) == newsroom.local.published_at.replace(
        microsecond=0
    )
    assert news["date"].endswith(("-04:00", "-05:00"))  # the publication's zone
    assert entries[0]["images"]


def test_news_language_codes():
    assert news_language("en-us") == "en"
    assert news_language("fr") == "fr"
    assert news_language("zh-TW") == "zh-tw"


def test_section_tag_and_author_sitemaps_list_only_pages_with_live_stories(client, newsroom):
    empty = make_section(name="Empty", slug="empty")
    make_article(section=empty, status="draft")
    sections = _locs(_check_urlset(_fetch(client, "/sitemap-sections.xml")[1]))
    assert sections == ["http://testserver/city/", "http://testserver/sports/"]
    tags = _locs(_check_urlset(_fetch(client, "/sitemap-tags.xml")[1]))
    assert tags == ["http://testserver/tag/harbor/"]
    authors = _locs(_check_urlset(_fetch(client, "/sitemap-authors.xml")[1]))
    # Tom Bell's only other story is scheduled for later; the desk posted the wire story.
    assert authors == [
        "http://testserver/author/ana-ruiz/",
        "http://testserver/author/gazette/",
        "http://testserver/author/tom-bell/",
    ]
    home = _check_urlset(_fetch(client, "/sitemap-home.xml")[1])
    assert _locs(home) == ["http://testserver/"]
    assert "lastmod" in home[0]


def test_listing_lastmod_is_the_latest_live_story(client, newsroom):
    entries = _check_urlset(_fetch(client, "/sitemap-sections.xml")[1])
    city = entries[0]
    assert datetime.fromisoformat(city["lastmod"]) == newsroom.local.published_at.replace(
        microsecond=0
    )


def test_story_sitemaps_are_split_into_files_by_blocks_of_ids(client, newsroom, monkeypatch):
    monkeypatch.setattr(StorySitemap, "limit", 2)
    section = make_section()
    for _ in range(3):
        make_article(section=section, hero_photo=make_photo())
    highest = Article.objects.order_by("-pk").first().pk
    files = -(-highest // 2)
    _, index = _fetch(client, "/sitemap.xml")
    locs = [loc.text for loc in index.iter(f"{SM}loc")]
    assert "http://testserver/sitemap-stories.xml" in locs
    for p in range(2, files + 1):
        assert f"http://testserver/sitemap-stories.xml?p={p}" in locs
    assert f"http://testserver/sitemap-stories.xml?p={files + 1}" not in locs
    pages = [
        _locs(_check_urlset(_fetch(client, f"/sitemap-stories.xml?p={p}")[1]))
        for p in range(1, files + 1)
    ]
    assert all(len(page) <= 2 for page in pages)
    listed = [loc for page in pages for loc in page]
    expected = [
        f"http://testserver{story.get_absolute_url()}"
        for story in indexable_stories().select_related("section")
    ]
    assert sorted(listed) == sorted(expected)
    assert client.get(f"/sitemap-stories.xml?p={files + 1}").status_code == 404
    assert client.get("/sitemap-stories.xml?p=x").status_code == 404
    assert client.get("/sitemap-nope.xml").status_code == 404


def test_a_story_sitemap_file_never_counts_or_offsets(client, newsroom):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for path in ("/sitemap.xml", "/sitemap-stories.xml"):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(path).status_code == 200
        for query in captured.captured_queries:
            sql = query["sql"].upper()
            assert "OFFSET" not in sql, path
            # Only bounded counts: the news file's (at most NEWS_LIMIT recent stories) and
            # those of the small section, tag and author tables.
            if "COUNT(" in sql:
                assert (
                    "LIMIT 1000" in sql
                    or 'FROM "NEWSROOM_ARTICLE"' not in sql.split("COUNT(")[1].split("WHERE")[0]
                ), sql


def test_default_split_is_below_googles_limit():
    assert StorySitemap.limit < 50_000


def test_sitemaps_use_the_publication_site_address(client, newsroom):
    newsroom.publication.site_url = "https://news.example"
    newsroom.publication.save()
    _, index = _fetch(client, "/sitemap.xml")
    assert all(loc.text.startswith("https://news.example/") for loc in index.iter(f"{SM}loc"))
    entries = _check_urlset(_fetch(client, "/sitemap-stories.xml")[1])
    assert all(entry["loc"].startswith("https://news.example/") for entry in entries)
    assert entries[0]["images"][0].startswith("https://news.example/media/")


def test_hostile_headlines_are_escaped_in_the_news_sitemap(client, newsroom):
    make_article(section=newsroom.city, headline="Cats & dogs <b>rule</b> ]]>",
                 published_at=timezone.now())  # fmt: skip
    entries = _check_urlset(_fetch(client, "/sitemap-news.xml")[1])
    assert entries[0]["news"]["title"] == "Cats & dogs rule ]]>"  # plain text: no tags


def test_robots_txt_names_the_sitemaps_and_keeps_crawlers_out_of_search(client, newsroom):
    robots = client.get("/robots.txt").content.decode().splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in robots
    assert "Sitemap: http://testserver/sitemap-news.xml" in robots
    assert "Disallow: /search/" in robots
    assert "Disallow: /newsroom/" in robots
    newsroom.publication.site_url = "https://news.example"
    newsroom.publication.save()
    assert "Sitemap: https://news.example/sitemap.xml" in client.get("/robots.txt").content.decode()
