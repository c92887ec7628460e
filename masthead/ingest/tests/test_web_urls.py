"""URLs from outside are http(s) only: the validator, model validation and the import loader."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.core.exceptions import ValidationError

from masthead.ingest.loader import load_records
from masthead.ingest.records import StoryRecord
from masthead.newsroom.models import Article
from masthead.testing.factories import make_article, make_publication
from masthead.text import sanitize_html
from masthead.web_urls import is_web_url

BAD = [
    "javascript:alert(document.cookie)",
    "JavaScript:alert(1)",
    "  javascript:alert(1)",
    "java\tscript:alert(1)",
    "javascript://x.example/%0aalert(1)",
    "data:text/html;base64,PHNjcmlwdD4=",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "ftp://files.example/story.txt",
    "//x.example/story",
    "/2024/04/story/",
    "http://",
    "https:///nohost",
]
GOOD = ["https://news.example/2024/04/tide/", "http://news.example/?p=12", "HTTPS://News.Example/a"]


@pytest.mark.parametrize("url", BAD)
def test_anything_but_an_http_address_is_refused(url):
    assert not is_web_url(url)


@pytest.mark.parametrize("url", GOOD)
def test_http_and_https_addresses_pass(url):
    assert is_web_url(url)


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["javascript:alert(1)", "ftp://files.example/a"])
def test_story_form_validation_refuses_a_non_web_original_url(url):
    make_publication()
    article = make_article(original_url="")
    article.original_url = url
    with pytest.raises(ValidationError) as caught:
        article.full_clean()
    assert "original_url" in caught.value.message_dict


@pytest.mark.django_db
def test_import_drops_a_javascript_original_url_with_a_warning():
    make_publication()
    records = [
        StoryRecord(
            source="test",
            source_id=str(n),
            headline=f"Tide gauge story {n}",
            body_html='<p>Read <a href="javascript:alert(1)">this</a> and '
            '<a href="https://tides.example/">the tables</a>.</p>',
            published=datetime(2024, 4, 2, 9, 0, tzinfo=UTC),
            original_url=url,
        )
        for n, url in enumerate(["javascript:alert(1)", "https://wire.example/tide"])
    ]
    report = load_records(records)
    dropped, kept = Article.objects.order_by("headline")
    assert dropped.original_url == ""
    assert kept.original_url == "https://wire.example/tide"
    assert any("original URL dropped" in warning for warning in report.warnings)
    assert "javascript:" not in dropped.body_html
    assert 'href="https://tides.example/"' in dropped.body_html


def test_body_links_and_images_keep_only_web_mail_and_phone_schemes():
    html = sanitize_html(
        '<a href="javascript:alert(1)">a</a><a href="data:text/html,x">b</a>'
        '<img src="data:image/svg+xml,<svg onload=alert(1)>"><a href="vbscript:x">c</a>'
        '<a href="mailto:desk@news.example">d</a><a href="tel:+15551234">e</a>'
        '<a href="https://news.example/">f</a>'
    )
    assert "javascript:" not in html and "data:" not in html and "vbscript:" not in html
    for kept in ("mailto:desk@news.example", "tel:+15551234", "https://news.example/"):
        assert kept in html
