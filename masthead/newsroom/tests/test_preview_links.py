"""Preview links one by one: an editor sees each live link of a story (who made it, until
when it works) on the story's form and revokes one, or all. A Contributor tries to break it."""

from __future__ import annotations

import pytest
from django.test import Client

from masthead.newsroom import preview
from masthead.newsroom.models import Article, PreviewLink
from masthead.newsroom.roles import CONTRIBUTOR, EDITOR
from masthead.testing.factories import make_article, make_publication, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft():
    make_publication(name="The Test Gazette")
    return make_article(headline="Budget vote moves to Friday", status=Article.Status.DRAFT)


@pytest.fixture
def editor():
    return make_user(role=EDITOR, first_name="Eda", last_name="Moreno")


def _change(article: Article) -> str:
    return f"/newsroom/newsroom/article/{article.pk}/change/"


def _links(article: Article) -> str:
    return f"/newsroom/newsroom/article/{article.pk}/preview-links/"


def _works(client: Client, link: PreviewLink) -> bool:
    return client.get(preview.preview_url(link)).status_code == 200


def test_revoking_one_link_leaves_the_others_working(client, draft, editor):
    first = preview.preview_link_make(draft, made_by=editor)
    second = preview.preview_link_make(draft, made_by=editor)
    client.force_login(editor)
    response = client.post(_links(draft), {"preview_action": f"revoke:{first.key}"})
    assert response.status_code == 302
    reader = Client()
    assert reader.get(preview.preview_url(first)).status_code == 410
    assert _works(reader, second)
    first.refresh_from_db()
    assert first.revoked_by == editor and first.revoked_at is not None


def test_revoke_all_from_the_story_form_stops_every_link(client, draft, editor):
    links = [preview.preview_link_make(draft, made_by=editor) for _ in range(3)]
    other_story = make_article(status=Article.Status.DRAFT)
    elsewhere = preview.preview_link_make(other_story, made_by=editor)
    client.force_login(editor)
    client.post(_links(draft), {"preview_action": "revoke-all"})
    assert [_works(Client(), link) for link in links] == [False, False, False]
    assert _works(Client(), elsewhere)  # only this story's links
    fresh = preview.preview_link_make(draft, made_by=editor)
    assert _works(Client(), fresh)  # revoking all is not a ban on new links


def test_the_story_form_lists_each_working_link_with_who_made_it_and_a_revoke_button(
    client, draft, editor
):
    link = preview.preview_link_make(draft, made_by=editor)
    gone = preview.preview_link_make(draft, made_by=editor)
    PreviewLink.objects.filter(pk=gone.pk).update(revoked_at=link.made_at)
    client.force_login(editor)
    page = client.get(_change(draft)).content.decode()
    assert preview.preview_url(link) in page
    assert preview.preview_url(gone) not in page  # revoked links are not listed
    assert "Eda Moreno" in page
    assert f'value="revoke:{link.key}"' in page
    assert 'formaction="' + _links(draft) + '"' in page
    assert "Revoke all preview links" in page


def test_an_editor_makes_a_link_from_the_story_form(client, draft, editor):
    client.force_login(editor)
    response = client.post(_links(draft), {"preview_action": "make"})
    assert response.status_code == 302
    link = PreviewLink.objects.get(story=draft)
    assert link.made_by == editor
    assert link.expires_at > link.made_at
    assert _works(Client(), link)


def test_view_on_site_of_a_draft_opens_the_editors_own_link_and_reuses_it(client, draft, editor):
    client.force_login(editor)
    open_url = f"/newsroom/newsroom/article/{draft.pk}/preview-links/open/"
    first = client.get(open_url)
    second = client.get(open_url)
    assert first.status_code == 302 and first["Location"].startswith("/preview/")
    assert second["Location"] == first["Location"]
    assert PreviewLink.objects.filter(story=draft).count() == 1


# --- A Contributor trying to break it -------------------------------------------------------


@pytest.fixture
def reporter():
    return make_user(role=CONTRIBUTOR)


@pytest.fixture
def live_story(reporter):
    make_publication(name="The Test Gazette")
    return make_article(status=Article.Status.PUBLISHED, created_by=reporter)


def test_a_contributor_cannot_revoke_someone_elses_link(client, live_story, reporter, editor):
    theirs = preview.preview_link_make(live_story, made_by=editor)
    client.force_login(reporter)
    page = client.get(_change(live_story)).content.decode()
    assert f"revoke:{theirs.key}" not in page  # no button for it
    assert "Revoke all preview links" not in page
    crafted = client.post(_links(live_story), {"preview_action": f"revoke:{theirs.key}"})
    assert crafted.status_code == 403
    assert client.post(_links(live_story), {"preview_action": "revoke-all"}).status_code == 403
    assert _works(Client(), theirs)


def test_a_contributor_revokes_a_link_they_made_themselves(client, live_story, reporter):
    mine = preview.preview_link_make(live_story, made_by=reporter)
    client.force_login(reporter)
    assert f"revoke:{mine.key}" in client.get(_change(live_story)).content.decode()
    client.post(_links(live_story), {"preview_action": f"revoke:{mine.key}"})
    assert not _works(Client(), mine)


def test_a_link_of_another_story_cannot_be_revoked_through_this_one(
    client, live_story, reporter, editor
):
    hidden = make_article(status=Article.Status.DRAFT, created_by=editor)
    link = preview.preview_link_make(hidden)
    PreviewLink.objects.filter(pk=link.pk).update(made_by=reporter)  # say, while it was live
    client.force_login(reporter)
    response = client.post(_links(live_story), {"preview_action": f"revoke:{link.key}"})
    assert response.status_code == 404
    link.refresh_from_db()
    assert link.revoked_at is None
    # ...and the other story's own address is closed to someone who cannot see it.
    assert client.post(_links(hidden), {"preview_action": "revoke-all"}).status_code == 404
    assert _works(Client(), link)


@pytest.mark.parametrize("value", ["", "revoke:", "revoke:not-a-key", "revoke:" + "0" * 32, "x"])
def test_crafted_buttons_change_nothing(client, live_story, reporter, editor, value):
    link = preview.preview_link_make(live_story, made_by=editor)
    client.force_login(reporter)
    response = client.post(_links(live_story), {"preview_action": value})
    assert response.status_code in (302, 404)
    assert _works(Client(), link)


def test_a_contributor_cannot_make_a_link_for_a_story_that_is_not_live(client, reporter):
    make_publication()
    own_draft = make_article(status=Article.Status.DRAFT, created_by=reporter)
    client.force_login(reporter)
    assert client.post(_links(own_draft), {"preview_action": "make"}).status_code == 403
    opened = client.get(f"/newsroom/newsroom/article/{own_draft.pk}/preview-links/open/")
    assert opened.status_code == 403
    assert not PreviewLink.objects.exists()


def test_get_never_revokes(client, live_story, editor):
    link = preview.preview_link_make(live_story, made_by=editor)
    client.force_login(editor)
    for value in (f"revoke:{link.key}", "revoke-all"):
        response = client.get(_links(live_story), {"preview_action": value})
        assert response.status_code == 405
    assert _works(Client(), link)


def test_revoking_needs_the_csrf_token(live_story, editor):
    link = preview.preview_link_make(live_story, made_by=editor)
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(editor)
    response = strict.post(_links(live_story), {"preview_action": "revoke-all"})
    assert response.status_code == 403
    assert _works(Client(), link)
