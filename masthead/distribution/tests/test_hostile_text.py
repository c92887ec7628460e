"""Hostile headlines, deks, bodies, captions, credits and bylines through every feed, the
sitemaps and the story page: the raw documents stay well-formed and carry no live markup."""

from __future__ import annotations

import json
import re
from datetime import timedelta

import pytest
from django.utils import timezone
from django.utils.html import escape
from lxml import etree
from lxml import html as lxml_html

from masthead import text
from masthead.testing.factories import (
    make_article,
    make_author,
    make_photo,
    make_publication,
    make_section,
)
from masthead.testing.hostile import HOSTILE

ATOM = "{http://www.w3.org/2005/Atom}"
MEDIA = "{http://search.yahoo.com/mrss/}"
DANGEROUS_TAGS = {"script", "svg", "iframe", "object", "embed", "style", "math"}


def _assert_no_live_html(fragment: str, where: str) -> None:
    """``fragment`` is what a reader treats as HTML: parse it and look at every element."""
    if not fragment.strip():
        return
    for element in lxml_html.fragments_fromstring(f"<div>{fragment}</div>")[0].iter():
        if not isinstance(element.tag, str):
            continue
        assert element.tag.lower() not in DANGEROUS_TAGS, (where, fragment)
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on"), (where, fragment)
            assert "javascript:" not in value.lower(), (where, fragment)
            assert name.lower() != "style", (where, fragment)


def _assert_plain(value: str, where: str) -> None:
    """A plain-text field holds no tag, decoded or not, and nothing XML forbids."""
    assert not re.search(r"<[a-zA-Z/!?]", value), (where, value)
    assert "javascript:" not in value.lower() or "<" not in value, (where, value)
    assert not any(c in value for c in "\x00\x01\x08\x0b\x1f\ufffe"), (where, value)


@pytest.fixture
def hostile_stories(db, settings):
    publication = make_publication(feed_full_text=True)
    section = make_section(name="City", slug="city")
    stories = []
    for minutes, (key, value) in enumerate(HOSTILE.items(), start=1):
        author = make_author(name=f"Ana {value}", slug=f"ana-{key.replace('_', '-')}")
        photo = make_photo(caption=value, photographer=value, agency=value, alt_text=value)
        stories.append(
            make_article(
                section=section,
                headline=f"Headline {value}",
                dek=f"Dek {value}",
                body=f"Body {value}\n\n{value}",
                byline_text=f"By {value}",
                authors=[author],
                hero_photo=photo,
                source_credit=value,
                published_at=timezone.now() - timedelta(minutes=minutes),
            )
        )
    return publication, stories


@pytest.mark.parametrize("path", ["/feeds/rss/", "/feeds/section/city/rss/"])
def test_rss_is_well_formed_and_carries_no_live_markup(client, hostile_stories, path):
    response = client.get(path)
    assert response.status_code == 200
    root = etree.fromstring(response.content)  # raises on anything not well-formed
    items = root.findall("./channel/item")
    assert len(items) == len(HOSTILE)
    for item in items:
        _assert_plain(item.findtext("title"), "rss title")
        _assert_no_live_html(item.findtext("description"), "rss description")
        _assert_plain(text.plain_text(item.findtext("description")), "rss description")
        _assert_no_live_html(
            item.findtext("{http://purl.org/rss/1.0/modules/content/}encoded"), "content:encoded"
        )
        for creator in item.findall("{http://purl.org/dc/elements/1.1/}creator"):
            _assert_plain(creator.text, "dc:creator")
        for element in item.iter(f"{MEDIA}description", f"{MEDIA}credit", "category"):
            _assert_plain(element.text or "", element.tag)


def test_atom_is_well_formed_and_carries_no_live_markup(client, hostile_stories):
    root = etree.fromstring(client.get("/feeds/atom/").content)
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == len(HOSTILE)
    for entry in entries:
        _assert_plain(entry.findtext(f"{ATOM}title"), "atom title")
        assert entry.find(f"{ATOM}summary").get("type") == "html"
        _assert_no_live_html(entry.findtext(f"{ATOM}summary"), "atom summary")
        _assert_plain(text.plain_text(entry.findtext(f"{ATOM}summary")), "atom summary")
        _assert_no_live_html(entry.findtext(f"{ATOM}content") or "", "atom content")
        for name in entry.iter(f"{ATOM}name"):
            _assert_plain(name.text, "atom author")


def test_json_feed_sanitizes_html_and_keeps_text_plain(client, hostile_stories):
    feed = json.loads(client.get("/feeds/json/").content)
    assert len(feed["items"]) == len(HOSTILE)
    for item in feed["items"]:
        _assert_plain(item["title"], "json title")
        _assert_plain(item["summary"], "json summary")
        _assert_no_live_html(item["content_html"], "json content_html")
        for author in item["authors"]:
            _assert_plain(author["name"], "json author")


def test_json_feed_text_only_items_are_plain(client, hostile_stories):
    publication, _ = hostile_stories
    publication.feed_full_text = False
    publication.save()
    for item in json.loads(client.get("/feeds/json/").content)["items"]:
        _assert_plain(item["content_text"], "json content_text")


def test_news_sitemap_is_well_formed_with_plain_titles(client, hostile_stories):
    root = etree.fromstring(client.get("/sitemap-news.xml").content)
    titles = root.findall(".//{http://www.google.com/schemas/sitemap-news/0.9}title")
    assert len(titles) == len(HOSTILE)
    for title in titles:
        _assert_plain(title.text, "news:title")


def test_story_page_head_keeps_hostile_text_inert(client, hostile_stories):
    _, stories = hostile_stories
    for story in stories:
        page = client.get(story.get_absolute_url()).content.decode()
        document = lxml_html.fromstring(page)
        scripts = document.findall(".//script")
        # Only our own files and JSON-LD blocks, valid JSON whatever the headline holds.
        for script in scripts:
            if (script.get("src") or "").startswith("/static/"):
                continue  # the site's own scripts
            assert script.get("type") == "application/ld+json", script.text
            json.loads(script.text)
        for meta in document.findall(".//meta"):
            for value in meta.attrib.values():
                assert "<script" not in value.lower() or meta.get("content") == value
        _assert_no_live_html(
            "".join(
                lxml_html.tostring(e, encoding="unicode") for e in document.find_class("story-body")
            ),
            "story body",
        )


@pytest.mark.parametrize("key", sorted(HOSTILE))
def test_plain_text_never_decodes_into_markup(key):
    result = text.plain_text(HOSTILE[key])
    _assert_plain(result, key)
    assert "onerror" not in result or "<" not in result
    etree.fromstring(f"<t>{escape(result)}</t>")  # escaped as templates do, it is valid XML
