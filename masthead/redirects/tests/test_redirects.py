"""URLs that never break: moved stories and pages answer 301, removed ones 410, and redirects
can be made by hand or imported from CSV in the admin."""

import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from masthead.newsroom import workflow
from masthead.newsroom.models import Article
from masthead.newsroom.roles import CONTRIBUTOR, EDITOR
from masthead.redirects.forms import RedirectForm
from masthead.redirects.models import Redirect
from masthead.testing.factories import (
    make_article,
    make_publication,
    make_section,
    make_tag,
    make_user,
)

pytestmark = pytest.mark.django_db

SAMPLES = Path(__file__).parent / "samples"


@pytest.fixture(autouse=True)
def _publication():
    make_publication()


@pytest.fixture
def editor():
    return make_user(role=EDITOR)


def test_a_live_storys_new_slug_keeps_the_old_address_answering(client):
    article = make_article()
    old = article.get_absolute_url()
    article.slug = "a-better-slug"
    article.save()
    response = client.get(old + "?utm_source=feed")
    assert response.status_code == 301
    assert response["Location"] == article.get_absolute_url() + "?utm_source=feed"
    assert Redirect.objects.get(old_path=old).is_automatic


def test_moving_a_story_twice_never_chains(client):
    article = make_article()
    first = article.get_absolute_url()
    article.slug = "second"
    article.save()
    second = article.get_absolute_url()
    article.slug = "third"
    article.section = make_section(slug="elsewhere")
    article.save()
    for old in (first, second):
        response = client.get(old)
        assert (response.status_code, response["Location"]) == (301, article.get_absolute_url())


def test_moving_back_to_an_old_address_removes_its_redirect(client):
    article = make_article(slug="original")
    original = article.get_absolute_url()
    article.slug = "renamed"
    article.save()
    article.slug = "original"
    article.save()
    assert not Redirect.objects.filter(old_path=original).exists()
    assert client.get(original).status_code == 200


def test_a_new_date_or_section_keeps_the_old_address(client):
    article = make_article(published_at=timezone.now() - timedelta(days=40))
    old = article.get_absolute_url()
    article.published_at = timezone.now() - timedelta(days=2)
    article.section = make_section(slug="metro")
    article.save()
    response = client.get(old)
    assert (response.status_code, response["Location"]) == (301, article.get_absolute_url())


def test_drafts_changing_slug_record_nothing():
    article = make_article(status=Article.Status.DRAFT)
    article.slug = "changed-before-anyone-saw-it"
    article.save()
    assert not Redirect.objects.exists()


def test_an_unpublished_story_answers_410_gone_with_a_notice(client, editor):
    article = make_article()
    workflow.article_unpublish(article=article, user=editor)
    response = client.get(article.get_absolute_url())
    assert response.status_code == 410
    page = response.content.decode()
    assert "<h1>This page was removed</h1>" in page
    assert '<meta name="robots" content="noindex">' in page


def test_the_old_address_of_an_unpublished_story_is_gone_too(client, editor):
    article = make_article()
    old = article.get_absolute_url()
    article.slug = "moved"
    article.save()
    workflow.article_unpublish(article=article, user=editor)
    assert client.get(old).status_code == 410
    workflow.article_publish(article=article, user=editor)
    assert client.get(old).status_code == 301


def test_a_deleted_story_that_readers_saw_is_gone_not_missing(client):
    article = make_article()
    address = article.get_absolute_url()
    article.delete()
    assert client.get(address).status_code == 410
    never_seen = make_article(status=Article.Status.DRAFT)
    draft_address = never_seen.get_absolute_url()
    never_seen.delete()
    assert client.get(draft_address).status_code == 404


def test_renamed_sections_and_tags_keep_their_pages(client):
    section, tag = make_section(slug="sport"), make_tag(name="Ferries", slug="ferries")
    section.slug = "sports"
    section.save()
    tag.slug = "ferry"
    tag.save()
    assert client.get("/sport/")["Location"] == "/sports/"
    assert client.get("/tag/ferries/")["Location"] == "/tag/ferry/"
    section.slug = "games"
    section.save()
    assert client.get("/sport/")["Location"] == "/games/"  # no chain


def test_hand_made_redirects_answer_with_or_without_the_slash(client):
    Redirect.objects.create(old_path="/about-us.html", new_path="/archive/")
    Redirect.objects.create(old_path="/old-feed/", new_path="https://feeds.example/news")
    Redirect.objects.create(old_path="/retired/")
    assert client.get("/about-us.html")["Location"] == "/archive/"
    assert client.get("/old-feed")["Location"] == "https://feeds.example/news"
    assert client.get("/retired/").status_code == 410
    assert client.get("/never-existed/").status_code == 404
    assert client.post("/about-us.html").status_code == 404  # only reads are redirected


def test_a_live_page_wins_over_a_redirect(client):
    article = make_article()
    Redirect.objects.create(old_path=article.get_absolute_url(), new_path="/archive/")
    assert client.get(article.get_absolute_url()).status_code == 200


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"old_path": "/newsroom/x/", "new_path": "/"}, "old_path", "can’t redirect"),
        ({"old_path": "https://old.example/?p=17", "new_path": "/"}, "old_path", "front page"),
        ({"old_path": "/a b/", "new_path": "/"}, "old_path", "spaces"),
        ({"old_path": "/x/", "new_path": "javascript:alert(1)"}, "new_path", "http(s)"),
        ({"old_path": "/x/", "new_path": "//evil.example/"}, "new_path", "single /"),
        ({"old_path": "/x/", "new_path": "/x/"}, "new_path", "its own address"),
    ],
)
def test_the_redirect_form_explains_what_is_wrong(data, field, message):
    form = RedirectForm(data=data)
    assert not form.is_valid()
    assert message in " ".join(form.errors[field])


def test_a_full_old_address_keeps_only_its_path():
    form = RedirectForm(data={"old_path": "https://old.example/2019/story/?p=1", "new_path": "/"})
    assert form.is_valid(), form.errors
    assert form.save().old_path == "/2019/story/"


def test_an_editor_adds_a_redirect_by_hand_in_the_admin(client, editor):
    client.force_login(editor)
    response = client.post(
        reverse("admin:redirects_redirect_add"), {"old_path": "/old/", "new_path": "/archive/"}
    )
    assert response.status_code == 302
    assert client.get("/old/")["Location"] == "/archive/"


def _upload(name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, (SAMPLES / name).read_bytes(), content_type="text/csv")


def test_importing_a_good_csv_file_adds_every_row(client, editor):
    client.force_login(editor)
    response = client.post(
        reverse("admin:redirects_redirect_import"), {"file": _upload("good.csv")}, follow=True
    )
    assert "Imported 3 redirects." in response.content.decode()
    assert client.get("/2019/05/ferry-returns/")["Location"] == "/city/"
    response = client.get("/blog/story-17.html")
    assert response["Location"] == "https://archive.example/story-17"
    assert client.get("/sports/old-page.html").status_code == 410


def test_a_bad_csv_file_imports_nothing_and_names_every_wrong_row(client, editor):
    client.force_login(editor)
    Redirect.objects.create(old_path="/fine/", new_path="/")
    response = client.post(reverse("admin:redirects_redirect_import"), {"file": _upload("bad.csv")})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Nothing was imported" in page
    for row, words in [
        (2, "already exists"),
        (3, "spaces"),
        (5, "already on row 4"),
        (6, "can’t redirect"),
        (7, "its own address"),
        (8, "http(s)"),
        (9, "two columns"),
    ]:
        assert re.search(rf"Row {row}: [^<]*{re.escape(words)}", page), (row, words)
    assert Redirect.objects.count() == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("/a/,/b/".encode("utf-16"), "isn’t UTF-8"),
        (b"", "The submitted file is empty."),
        (b"old_path,new_path\n", "no redirects in it"),
    ],
)
def test_an_unreadable_csv_file_gets_a_clear_error(client, editor, content, message):
    client.force_login(editor)
    upload = SimpleUploadedFile("x.csv", content, content_type="text/csv")
    response = client.post(reverse("admin:redirects_redirect_import"), {"file": upload})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Redirect.objects.exists()


def test_contributors_cannot_import_redirects(client):
    client.force_login(make_user(role=CONTRIBUTOR))
    response = client.post(
        reverse("admin:redirects_redirect_import"), {"file": _upload("good.csv")}
    )
    assert response.status_code == 403
    assert not Redirect.objects.exists()


def test_percent_encoded_old_addresses_match_what_readers_request(client):
    redirect = Redirect(old_path="/2019/05/caf%C3%A9-opens%20today/", new_path="/city/")
    redirect.full_clean()
    redirect.save()
    assert redirect.old_path == "/2019/05/café-opens today/"
    response = client.get("/2019/05/caf%C3%A9-opens%20today/")
    assert response.status_code == 301
    assert response["Location"] == "/city/"
