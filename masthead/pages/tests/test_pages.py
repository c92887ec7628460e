"""Standing pages: written at the desk, sanitized, linked from every page's footer, cached and
refreshed like the rest of the site."""

from __future__ import annotations

import pytest
from django.urls import reverse

from masthead.newsroom.roles import CONTRIBUTOR, EDITOR
from masthead.pages.models import Page
from masthead.testing.factories import make_article, make_publication, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages():
    make_publication(name="The Test Gazette")
    about = Page.objects.create(slug="about", title="About us", body="We report on **Gullhaven**.")
    ethics = Page.objects.create(
        slug="ethics", title="Ethics", body="We correct mistakes.", position=2
    )
    return about, ethics


def test_the_about_page_and_the_others_have_stable_addresses(client, pages):
    about, ethics = pages
    assert about.get_absolute_url() == "/about/"
    assert ethics.get_absolute_url() == "/about/ethics/"
    page = client.get("/about/")
    assert page.status_code == 200
    assert "<strong>Gullhaven</strong>" in page.content.decode()
    assert client.get("/about/about/")["Location"] == "/about/"
    assert client.get("/about/nothing-here/").status_code == 404


def test_every_page_links_them_from_the_footer_and_a_change_shows_at_once(client, pages):
    story = make_article()
    for url in ("/", story.get_absolute_url(), "/about/ethics/"):
        footer = client.get(url).content.decode().split('<footer class="site-footer">')[1]
        assert '<a href="/about/">About us</a>' in footer
        assert '<a href="/about/ethics/">Ethics</a>' in footer
    assert client.get("/")["X-Cache"] == "hit"
    Page.objects.create(slug="privacy", title="Privacy", body="No cookies.", position=3)
    footer = client.get("/").content.decode().split('<footer class="site-footer">')[1]
    assert '<a href="/about/privacy/">Privacy</a>' in footer


def test_an_unpublished_page_is_not_found_and_not_in_the_footer(client, pages):
    _, ethics = pages
    ethics.published = False
    ethics.save()
    assert client.get("/about/ethics/").status_code == 404
    assert "/about/ethics/" not in client.get("/").content.decode()


def test_a_page_body_is_sanitized(client, pages):
    about, _ = pages
    about.body = (
        '<script>alert(1)</script>\n\n[x](javascript:alert(2)) <img src=x onerror="alert(3)">'
    )
    about.save()
    html = client.get("/about/").content.decode()
    body = html.split('<div class="story-body">')[1].split("</div>")[0]
    assert "<script" not in body and "alert(1)" not in body
    assert 'href="javascript:' not in body and "onerror" not in body  # the link stays text


def test_editors_edit_pages_and_contributors_cannot(client, pages):
    about, _ = pages
    url = reverse("admin:pages_page_change", args=[about.pk])
    client.force_login(make_user(role=CONTRIBUTOR))
    assert client.get(url).status_code == 403
    client.force_login(make_user(role=EDITOR))
    assert client.get(url).status_code == 200
