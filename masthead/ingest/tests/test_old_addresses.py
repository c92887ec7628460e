"""Old addresses of imported stories become redirects: 301 to the new story URL."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from masthead.ingest.loader import load_records, old_path
from masthead.ingest.records import StoryRecord
from masthead.newsroom.models import Article
from masthead.redirects.models import Redirect
from masthead.testing.factories import make_article, make_publication, make_section

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def publication():
    return make_publication()


def imported(**fields) -> Article:
    fields.setdefault("source", "wxr:old.example")
    fields.setdefault("source_id", "1")
    fields.setdefault("headline", "Dam repairs finish early")
    fields.setdefault("body_html", "<p>Crews finished on Friday.</p>")
    fields.setdefault("old_urls", ["/2019/03/dam-repairs/"])
    fields.setdefault("published", timezone.now() - timedelta(days=400))
    load_records([StoryRecord(**fields)])
    return Article.objects.get(imported_items__source_id=fields["source_id"])


def test_old_path_redirects_permanently_to_the_story(client) -> None:
    article = imported()
    redirect = Redirect.objects.get(old_path="/2019/03/dam-repairs/")
    assert redirect.article == article and redirect.is_automatic
    response = client.get("/2019/03/dam-repairs/")
    assert response.status_code == 301
    assert response["Location"] == article.get_absolute_url()
    assert client.get(response["Location"]).status_code == 200
    # Without its trailing slash, and with a HEAD request, too.
    assert client.get("/2019/03/dam-repairs")["Location"] == article.get_absolute_url()
    assert client.head("/2019/03/dam-repairs/").status_code == 301


def test_encoded_paths_are_kept_decoded_and_query_paths_left_out(client) -> None:
    article = imported(old_urls=["/2019/03/caf%C3%A9-reopens/", "/index.php?p=42", "/"])
    assert client.get("/2019/03/café-reopens/")["Location"] == article.get_absolute_url()
    assert list(Redirect.objects.values_list("old_path", flat=True)) == ["/2019/03/café-reopens/"]


def test_only_stories_that_were_public_get_their_old_address() -> None:
    imported(status="draft")
    imported(source_id="2", status="scheduled", old_urls=["/2099/01/later/"])
    assert not Redirect.objects.exists()


def test_the_redirect_follows_the_story_and_says_gone_when_its_rights_end(client) -> None:
    article = imported()
    Article.objects.filter(pk=article.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    assert client.get("/2019/03/dam-repairs/").status_code == 410


def test_site_pages_always_win_over_old_addresses(client) -> None:
    section = make_section(name="Weather", slug="weather")
    make_article(section=section)
    imported(old_urls=["/weather/"])
    assert client.get("/weather/").status_code == 200
    assert Redirect.objects.filter(old_path="/weather/").exists()


def test_an_old_path_is_never_taken_from_another_story() -> None:
    first = imported(source_id="1", headline="First")
    second_report = load_records(
        [
            StoryRecord(
                source="wxr:old.example",
                source_id="2",
                headline="Second",
                old_urls=["/2019/03/dam-repairs/"],
            )
        ]
    )
    assert Redirect.objects.get(old_path="/2019/03/dam-repairs/").article == first
    assert any("already redirects" in warning for warning in second_report.warnings)


def test_old_path_normalises() -> None:
    assert old_path("/a%C3%A9b/") == "/aéb/"
    assert old_path("https://old.example/x/") == "/x/"
    assert old_path("https://old.example/x/?p=1") == ""
    assert old_path("relative/") == ""
    assert old_path("/") == "" and old_path("/newsroom/login/") == ""
    assert old_path("/a%20b/") == ""  # a redirect's path has no spaces
    assert old_path("/" + "x" * 600) == ""
