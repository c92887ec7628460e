"""RSS, Atom and JSON feeds, read back the way feed readers read them (feedparser)."""

import json
import re
from datetime import timedelta
from zoneinfo import ZoneInfo

import feedparser
import pytest
from defusedxml import ElementTree
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from masthead.distribution.feeds import FEED_ITEMS
from masthead.newsroom.models import Publication
from masthead.testing.factories import make_article, make_author, make_photo, make_section, make_tag

# Query counts are of pages being made, not served from the page cache.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_off")]

MEDIA = "{http://search.yahoo.com/mrss/}"


def _parse(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    return response, parsed


def _entry(parsed, headline):
    return next(entry for entry in parsed.entries if entry.title == headline)


@pytest.mark.parametrize(("url", "version"), [("/feeds/rss/", "rss20"), ("/feeds/atom/", "atom10")])
def test_site_feed_has_the_channel_elements(client, newsroom, url, version):
    response, parsed = _parse(client, url)
    assert parsed.version == version
    assert parsed.feed.title == "The Test Gazette"
    assert parsed.feed.link == "http://testserver/"
    assert parsed.feed.language == "en"
    # Feed readers poll: the page cache's public ages (docs/caching.md), and a validator.
    assert response["Cache-Control"].startswith("public, max-age=60, s-maxage=600")
    assert response["ETag"].startswith('"')
    assert response["Content-Type"].startswith(
        "application/rss+xml" if version == "rss20" else "application/atom+xml"
    )


@pytest.mark.parametrize("url", ["/feeds/rss/", "/feeds/atom/"])
def test_items_carry_title_link_guid_dates_authors_and_categories(client, newsroom, url):
    _, parsed = _parse(client, url)
    story = newsroom.local
    entry = _entry(parsed, story.headline)
    assert entry.link == f"http://testserver{story.get_absolute_url()}"
    assert entry.id == f"tag:testserver,{story.created_at:%Y-%m-%d}:story-{story.pk}"
    assert [author.name for author in entry.authors] == ["Ana Ruiz", "Tom Bell"]
    assert {tag.term for tag in entry.tags} == {"City", "Harbor"}
    assert entry.summary == "Boats resume Monday after a two-month repair."
    # Dates carry the UTC offset of the publication's zone (New York), and the right moment.
    offset = story.published_at.astimezone(ZoneInfo("America/New_York")).strftime("%z")
    if url.endswith("/rss/"):
        assert entry.published.endswith(" " + offset)
    else:
        assert entry.published.endswith(offset[:3] + ":" + offset[3:])
    assert entry.published_parsed[:6] == story.published_at.utctimetuple()[:6]


def test_rss_guid_is_not_a_permalink_and_is_stable_across_edits(client, newsroom):
    story = newsroom.local
    before = _entry(_parse(client, "/feeds/rss/")[1], story.headline).id
    story.headline = "Ferry service is back at the north pier"
    story.slug = "ferry-back"
    story.section = newsroom.sports
    story.save()
    response, parsed = _parse(client, "/feeds/rss/")
    assert _entry(parsed, story.headline).id == before
    assert re.search(rb'<guid isPermaLink="false">tag:testserver,', response.content)


@pytest.mark.parametrize("url", ["/feeds/rss/", "/feeds/atom/"])
def test_hero_photo_is_media_content_with_credit_and_description(client, newsroom, url):
    response, parsed = _parse(client, url)
    entry = _entry(parsed, newsroom.local.headline)
    photo = newsroom.local.hero_photo
    [content] = entry.media_content
    assert content["url"] == f"http://testserver{photo.image.url}"
    assert content["medium"] == "image"
    assert content["type"] == "image/jpeg"
    assert (content["width"], content["height"]) == (str(photo.width), str(photo.height))
    # feedparser folds media:description into the summary; read it from the XML itself.
    descriptions = [
        element.text
        for element in ElementTree.fromstring(response.content).iter(f"{MEDIA}description")
    ]
    assert descriptions == ["The ferry docks on Monday."]
    credits = {credit["role"]: credit["content"] for credit in entry.media_credit}
    assert credits == {"photographer": "Lou Chen", "distributor": "Gazette Photo"}
    assert entry.media_thumbnail[0]["url"].startswith("http://testserver/media/")
    wire = _entry(parsed, newsroom.wire.headline)
    assert "media_content" not in wire


def test_media_elements_are_in_the_media_rss_namespace(client, newsroom):
    root = ElementTree.fromstring(client.get("/feeds/rss/").content)
    content = root.find(f"channel/item/{MEDIA}content")
    assert content is not None
    assert content.find(f"{MEDIA}credit").get("scheme") == "urn:ebu"
    assert content.find(f"{MEDIA}description").get("type") == "plain"


@pytest.mark.parametrize("url", ["/feeds/rss/", "/feeds/atom/", "/feeds/json/"])
def test_summary_only_by_default(client, newsroom, url):
    body = client.get(url).content.decode()
    assert "The ferry is back." not in body
    assert "Boats resume Monday" in body


@pytest.mark.parametrize("url", ["/feeds/rss/", "/feeds/atom/"])
def test_full_text_when_the_publication_says_so_but_never_for_agency_copy(client, newsroom, url):
    newsroom.publication.feed_full_text = True
    newsroom.publication.save()
    _, parsed = _parse(client, url)
    local = _entry(parsed, newsroom.local.headline)
    html = local.content[0].value
    assert "<p>The ferry is back.</p>" in html
    # Site-relative links and images are made absolute for readers elsewhere.
    assert 'src="http://testserver/media/ramp.jpg"' in html
    assert 'href="http://testserver/city/"' in html
    assert local.summary == "Boats resume Monday after a two-month repair."
    wire = _entry(parsed, newsroom.wire.headline)
    assert "content" not in wire
    assert "A close race" in wire.summary


def test_feeds_list_only_live_stories_newest_first(client, newsroom):
    for url in ["/feeds/rss/", "/feeds/atom/"]:
        _, parsed = _parse(client, url)
        titles = [entry.title for entry in parsed.entries]
        assert titles == [newsroom.local.headline, newsroom.wire.headline, newsroom.old.headline]
    body = client.get("/feeds/json/").content.decode()
    for story in newsroom.hidden:
        assert story.headline not in body


@pytest.mark.parametrize(
    ("path", "title", "expected"),
    [
        ("section/city", "City · The Test Gazette", ["local", "old"]),
        ("section/sports", "Sports · The Test Gazette", ["wire"]),
        ("tag/harbor", "Harbor · The Test Gazette", ["local", "wire"]),
        ("author/ana-ruiz", "Ana Ruiz · The Test Gazette", ["local", "old"]),
        ("author/tom-bell", "Tom Bell · The Test Gazette", ["local"]),
    ],
)
@pytest.mark.parametrize("fmt", ["rss", "atom"])
def test_section_tag_and_author_feeds(client, newsroom, path, title, expected, fmt):
    _, parsed = _parse(client, f"/feeds/{path}/{fmt}/")
    assert parsed.feed.title == title
    assert [entry.title for entry in parsed.entries] == [
        getattr(newsroom, name).headline for name in expected
    ]


@pytest.mark.parametrize(
    "url", ["/feeds/section/nope/rss/", "/feeds/tag/nope/atom/", "/feeds/author/nope/json/",
            "/feeds/xml/", "/feeds/section/city/xml/"],
)  # fmt: skip
def test_unknown_feeds_are_not_found(client, newsroom, url):
    assert client.get(url).status_code == 404


def test_feed_slash_redirects_to_the_site_feed(client, newsroom):
    response = client.get("/feed/")
    assert response.status_code == 301
    assert response["Location"] == "/feeds/rss/"


def test_json_feed_1_1(client, newsroom):
    response = client.get("/feeds/json/")
    assert response["Content-Type"] == "application/feed+json; charset=utf-8"
    feed = json.loads(response.content)
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["title"] == "The Test Gazette"
    assert feed["home_page_url"] == "http://testserver/"
    assert feed["feed_url"] == "http://testserver/feeds/json/"
    assert feed["language"] == "en"
    [local, wire, old] = feed["items"]
    story = newsroom.local
    assert local["id"] == f"tag:testserver,{story.created_at:%Y-%m-%d}:story-{story.pk}"
    assert local["url"] == f"http://testserver{story.get_absolute_url()}"
    assert local["title"] == story.headline
    assert local["content_text"] == local["summary"] == story.dek
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?-0[45]:00", local["date_published"])
    assert local["authors"] == [
        {"name": "Ana Ruiz", "url": "http://testserver/author/ana-ruiz/"},
        {"name": "Tom Bell", "url": "http://testserver/author/tom-bell/"},
    ]
    assert local["image"].startswith("http://testserver/media/")
    assert local["tags"] == ["City", "Harbor"]
    assert wire["authors"] == [{"name": "Dana Whitfield, Lakeshore News Service"}]
    assert wire["external_url"] == "https://courier.example/sports/rowing"
    assert old["title"] == newsroom.old.headline
    for item in feed["items"]:
        assert "content_html" in item or "content_text" in item


def test_json_feed_full_text(client, newsroom):
    newsroom.publication.feed_full_text = True
    newsroom.publication.save()
    local, wire, _ = json.loads(client.get("/feeds/json/").content)["items"]
    assert "<p>The ferry is back.</p>" in local["content_html"]
    assert "content_html" not in wire


def test_unsigned_story_is_credited_to_the_account_that_posted_it(client, newsroom):
    make_article(section=newsroom.city, headline="Notice to readers", writer=newsroom.desk)
    _, parsed = _parse(client, "/feeds/atom/")
    entry = _entry(parsed, "Notice to readers")
    assert entry.author_detail.name == "The Test Gazette"
    assert entry.author_detail.href == "http://testserver/author/gazette/"


def test_feeds_use_the_publication_site_address(client, newsroom):
    newsroom.publication.site_url = "https://news.example"
    newsroom.publication.save()
    _, parsed = _parse(client, "/feeds/rss/")
    entry = _entry(parsed, newsroom.local.headline)
    assert entry.link.startswith("https://news.example/city/")
    assert entry.id.startswith("tag:news.example,")
    assert parsed.feed.link == "https://news.example/"


def test_feed_items_are_capped(client, newsroom, monkeypatch):
    monkeypatch.setattr("masthead.distribution.feeds.FEED_ITEMS", 2)
    assert FEED_ITEMS == 50
    _, parsed = _parse(client, "/feeds/rss/")
    assert len(parsed.entries) == 2


def test_hostile_text_is_escaped_in_every_feed(client, newsroom):
    make_article(
        section=newsroom.city,
        headline="<script>alert(1)</script> & ]]> done",
        dek="A <b>dek</b> & more",
        body="<script>alert(2)</script>Hello",
        body_format="html",
        published_at=timezone.now(),
    )
    Publication.objects.update(feed_full_text=True)
    for url in ["/feeds/rss/", "/feeds/atom/"]:
        _, parsed = _parse(client, url)
        entry = parsed.entries[0]
        # Titles are plain text: a tag in one is dropped, never passed on to be decoded.
        assert entry.title == "alert(1) & ]]> done"
        assert "alert(2)" not in client.get(url).content.decode()
    feed = json.loads(client.get("/feeds/json/").content)
    assert feed["items"][0]["title"] == "alert(1) & ]]> done"


@pytest.mark.parametrize(
    "url", ["/feeds/rss/", "/feeds/atom/", "/feeds/json/", "/feeds/tag/t/rss/"]
)
def test_feed_query_count_does_not_grow_with_items(client, url):
    from masthead.testing.factories import make_publication

    make_publication()
    tag = make_tag(name="T", slug="t")
    counts = []
    for size in (2, 12):
        section = make_section()
        for _ in range(size):
            make_article(section=section, tags=[tag, make_tag()], hero_photo=make_photo(),
                         authors=[make_author(), make_author()])  # fmt: skip
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        counts.append(len(captured.captured_queries))
    assert counts[0] == counts[1], counts


@pytest.mark.parametrize(
    ("path", "feeds"),
    [
        ("/", ["/feeds/rss/", "/feeds/atom/", "/feeds/json/"]),
        ("/archive/", ["/feeds/rss/"]),
        ("/city/", ["/feeds/rss/", "/feeds/section/city/rss/", "/feeds/section/city/atom/",
                    "/feeds/section/city/json/"]),
        ("/tag/harbor/", ["/feeds/rss/", "/feeds/tag/harbor/rss/", "/feeds/tag/harbor/json/"]),
        ("/author/ana-ruiz/", ["/feeds/rss/", "/feeds/author/ana-ruiz/atom/"]),
        ("/search/?q=ferry", ["/feeds/rss/"]),
    ],
)  # fmt: skip
def test_every_page_links_its_feeds(client, newsroom, path, feeds):
    html = client.get(path).content.decode()
    links = re.findall(
        r'<link rel="alternate" type="application/([a-z+]+)" title="[^"]+" href="([^"]+)">', html
    )
    hrefs = [href for _, href in links]
    for feed in feeds:
        assert feed in hrefs, (path, feed, hrefs)
    for kind, href in links:
        expected = {"rss+xml": "/rss/", "atom+xml": "/atom/", "feed+json": "/json/"}[kind]
        assert href.endswith(expected)
        assert client.get(href).status_code == 200


def test_story_page_links_the_site_and_section_feeds(client, newsroom):
    html = client.get(newsroom.local.get_absolute_url()).content.decode()
    assert 'title="City · The Test Gazette (RSS)" href="/feeds/section/city/rss/"' in html
    assert 'title="The Test Gazette (Atom)" href="/feeds/atom/"' in html


def test_updated_story_has_its_update_time_in_atom(client, newsroom):
    story = newsroom.local
    story.updated_at = story.published_at + timedelta(hours=1)
    story.save()
    _, parsed = _parse(client, "/feeds/atom/")
    entry = _entry(parsed, story.headline)
    assert entry.updated_parsed[:5] == story.updated_at.utctimetuple()[:5]
    assert entry.published_parsed[:5] == story.published_at.utctimetuple()[:5]


def test_corrections_reach_every_feed(client, newsroom):
    from masthead.newsroom.corrections import correction_add
    from masthead.newsroom.roles import EDITOR
    from masthead.testing.factories import make_user

    story = newsroom.local
    correction_add(
        article=story, user=make_user(role=EDITOR), text="The ferry resumes Tuesday, not Monday."
    )
    _, rss = _parse(client, "/feeds/rss/")
    assert "Correction (" in _entry(rss, story.headline).summary
    assert "The ferry resumes Tuesday, not Monday." in _entry(rss, story.headline).summary
    newsroom.publication.feed_full_text = True
    newsroom.publication.save()
    _, atom = _parse(client, "/feeds/atom/")
    html = _entry(atom, story.headline).content[0].value
    assert "<strong>Correction</strong>" in html
    assert "The ferry resumes Tuesday, not Monday." in html
    item = next(
        i for i in client.get("/feeds/json/").json()["items"] if i["title"] == story.headline
    )
    assert "The ferry resumes Tuesday, not Monday." in item["content_html"]
