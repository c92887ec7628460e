"""Old addresses of imported stories answer with a 301 to the new story URL."""

from __future__ import annotations

import pytest

from masthead.ingest.loader import legacy_path, load_records
from masthead.ingest.models import LegacyURL
from masthead.ingest.records import StoryRecord
from masthead.newsroom.models import Article
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
    load_records([StoryRecord(**fields)])
    return Article.objects.get(imported_items__source_id=fields["source_id"])


def test_old_path_redirects_permanently_to_the_story(client) -> None:
    article = imported()
    response = client.get("/2019/03/dam-repairs/")
    assert response.status_code == 301
    assert response["Location"] == article.get_absolute_url()
    assert client.get(response["Location"]).status_code == 200
    # Without its trailing slash, and with a HEAD request, too.
    assert client.get("/2019/03/dam-repairs")["Location"] == article.get_absolute_url()
    assert client.head("/2019/03/dam-repairs/").status_code == 301


def test_encoded_and_query_paths(client) -> None:
    article = imported(old_urls=["/2019/03/caf%C3%A9-reopens/", "/index.php?p=42"])
    assert client.get("/2019/03/café-reopens/")["Location"] == article.get_absolute_url()
    assert client.get("/index.php?p=42")["Location"] == article.get_absolute_url()
    assert client.get("/index.php?p=43").status_code == 404


def test_a_story_readers_cannot_see_does_not_redirect(client) -> None:
    imported(status="draft")
    assert client.get("/2019/03/dam-repairs/").status_code == 404


def test_site_pages_always_win_over_old_addresses(client) -> None:
    section = make_section(name="Weather", slug="weather")
    make_article(section=section)
    imported(old_urls=["/weather/"])
    assert client.get("/weather/").status_code == 200
    assert LegacyURL.objects.filter(path="/weather/").exists()


def test_unknown_paths_stay_404_and_cost_one_query(client, django_assert_num_queries) -> None:
    imported()
    client.get("/")  # warm the publication cache
    with django_assert_num_queries(1):
        assert client.get("/2019/no/such-thing/").status_code == 404


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
    assert LegacyURL.objects.get(path="/2019/03/dam-repairs/").article == first
    assert any("already redirects" in warning for warning in second_report.warnings)


def test_legacy_path_normalises() -> None:
    assert legacy_path("/a%20b/") == "/a b/"
    assert legacy_path("https://old.example/x/?p=1") == "/x/?p=1"
    assert legacy_path("relative/") == ""
    assert legacy_path("/" + "x" * 600) == ""
