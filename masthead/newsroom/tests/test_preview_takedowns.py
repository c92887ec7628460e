"""Preview links follow takedowns and can be revoked; a dead link shows the site's own page."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from masthead.newsroom import preview
from masthead.newsroom.models import Article
from masthead.newsroom.roles import CONTRIBUTOR, EDITOR
from masthead.testing.factories import make_article, make_publication, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft():
    make_publication(name="The Test Gazette")
    return make_article(headline="Budget vote moves to Friday", status=Article.Status.DRAFT)


def _gone(response) -> None:
    assert response.status_code == 410
    page = response.content.decode()
    assert "This page was removed" in page and "The Test Gazette" in page
    assert "Budget vote moves to Friday" not in page


def test_a_link_works_until_the_story_is_unpublished(client, draft):
    url = preview.preview_url(preview.preview_link_make(draft))
    assert client.get(url).status_code == 200
    Article.objects.filter(pk=draft.pk).update(status=Article.Status.UNPUBLISHED)
    _gone(client.get(url))


def test_a_link_stops_when_the_usage_rights_expire(client, draft):
    url = preview.preview_url(preview.preview_link_make(draft))
    Article.objects.filter(pk=draft.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    _gone(client.get(url))


def test_a_link_stops_when_the_story_is_deleted(client, draft):
    url = preview.preview_url(preview.preview_link_make(draft))
    draft.delete()
    response = client.get(url)
    assert response.status_code == 404
    assert "The Test Gazette" in response.content.decode()  # the site's own page


def test_revoking_stops_every_link_made_before_and_new_links_work(client, draft):
    old = preview.preview_url(preview.preview_link_make(draft))
    preview.revoke_preview_links(Article.objects.filter(pk=draft.pk))
    _gone(client.get(old))
    draft.refresh_from_db()
    assert client.get(preview.preview_url(preview.preview_link_make(draft))).status_code == 200


def test_editors_revoke_links_from_the_story_list_and_contributors_cannot(client, draft):
    url = preview.preview_url(preview.preview_link_make(draft))
    action = {"action": "revoke_preview_links", "_selected_action": [draft.pk]}
    client.force_login(make_user(role=CONTRIBUTOR))
    client.post("/newsroom/newsroom/article/", action)
    assert client.get(url).status_code == 200
    client.force_login(make_user(role=EDITOR))
    client.post("/newsroom/newsroom/article/", action)
    _gone(client.get(url))


def test_only_an_editor_gets_a_preview_link_for_a_story_that_is_not_live(client, draft):
    reporter = make_user(role=CONTRIBUTOR)
    Article.objects.filter(pk=draft.pk).update(created_by=reporter)
    change = f"/newsroom/newsroom/article/{draft.pk}/change/"
    client.force_login(reporter)
    page = client.get(change)
    assert page.status_code == 200
    assert "/preview/" not in page.content.decode()
    assert "Make a preview link" not in page.content.decode()
    assert "preview-links/open/" not in page.content.decode()  # no "View on site"
    client.force_login(make_user(role=EDITOR))
    page = client.get(change).content.decode()
    assert "Make a preview link" in page and "preview-links/open/" in page
