"""A non-http(s) original URL stored before validation never reaches a page, feed or JSON-LD."""

from __future__ import annotations

import json

import pytest

from masthead.newsroom.models import Article
from masthead.testing.factories import make_article, make_publication, make_section

pytestmark = pytest.mark.django_db


def test_story_page_json_feed_and_json_ld_leave_out_a_javascript_original_url(client):
    make_publication()
    article = make_article(section=make_section(slug="city"), source_name="Wire")
    # Stored as an old import did, past model validation.
    Article.objects.filter(pk=article.pk).update(original_url="javascript:alert(1)")
    page = client.get(article.get_absolute_url()).content.decode()
    assert "javascript:" not in page
    assert "Read the original story" not in page
    feed = json.loads(client.get("/feeds/json/").content)
    assert all("external_url" not in item for item in feed["items"])
    assert "isBasedOn" not in page


def test_an_https_original_url_is_still_linked(client):
    make_publication()
    article = make_article(original_url="https://wire.example/tide", source_name="Wire")
    page = client.get(article.get_absolute_url()).content.decode()
    assert 'href="https://wire.example/tide"' in page
    assert "isBasedOn" in page
    feed = json.loads(client.get("/feeds/json/").content)
    assert feed["items"][0]["external_url"] == "https://wire.example/tide"
