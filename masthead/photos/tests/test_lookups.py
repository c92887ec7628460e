"""The story form's photo lookups (the autocomplete, the raw lookup list and the add/change
popups next to the hero photo) never let a Contributor change a photo they may not change:
someone else's photo, or one a story an Editor approved shows (live or scheduled)."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from masthead.newsroom.models import Article
from masthead.newsroom.roles import CONTRIBUTOR, EDITOR
from masthead.photos.models import Photo
from masthead.testing.factories import make_article, make_photo, make_publication, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def reporter():
    make_publication()
    return make_user(role=CONTRIBUTOR)


def _form(photo: Photo, caption: str) -> dict[str, str]:
    return {
        "alt_text": photo.alt_text,
        "caption": caption,
        "photographer": photo.photographer,
        "agency": photo.agency,
        "source_url": "",
        "focal_x": "0.5",
        "focal_y": "0.5",
        "_popup": "1",
        "_to_field": "id",
    }


def _popup_urls_from_the_story_form(client, story: Article, photo: Photo) -> list[str]:
    """The change popup's address as the story form's related-field widget builds it."""
    page = client.get(f"/newsroom/newsroom/article/{story.pk}/change/").content.decode()
    template = re.search(r'data-href-template="([^"]*photos/photo/__fk__/change/[^"]*)"', page)
    assert template, "the story form offers a change popup for its hero photo"
    href = template.group(1).replace("&amp;", "&").replace("__fk__", str(photo.pk))
    return [href, f"/newsroom/photos/photo/{photo.pk}/change/?_to_field=id&_popup=1"]


def _cannot_change_through_popups(client, story: Article, photo: Photo) -> None:
    for url in _popup_urls_from_the_story_form(client, story, photo):
        page = client.get(url)
        assert page.status_code in (200, 403), url
        assert 'name="caption"' not in page.content.decode(), url
        crafted = client.post(url, _form(photo, "Swapped through a popup"))
        assert crafted.status_code == 403, url
    photo.refresh_from_db()
    assert photo.caption != "Swapped through a popup"


def test_someone_elses_photo_through_the_story_forms_popups(client, reporter):
    theirs = make_photo(uploaded_by=make_user(role=CONTRIBUTOR))
    own_draft = make_article(status=Article.Status.DRAFT, created_by=reporter, hero_photo=theirs)
    client.force_login(reporter)
    _cannot_change_through_popups(client, own_draft, theirs)


def test_own_photo_on_someone_elses_live_story_through_the_popups(client, reporter):
    mine = make_photo(uploaded_by=reporter)
    make_article(status=Article.Status.PUBLISHED, hero_photo=mine, created_by=make_user())
    own_draft = make_article(status=Article.Status.DRAFT, created_by=reporter, hero_photo=mine)
    client.force_login(reporter)
    _cannot_change_through_popups(client, own_draft, mine)


def test_own_photo_on_a_story_scheduled_by_an_editor_is_locked_too(client, reporter):
    # Approved and on its way to readers: a change now would go live with no review.
    mine = make_photo(uploaded_by=reporter)
    make_article(
        status=Article.Status.SCHEDULED,
        published_at=timezone.now() + timedelta(hours=2),
        hero_photo=mine,
    )
    own_draft = make_article(status=Article.Status.DRAFT, created_by=reporter, hero_photo=mine)
    client.force_login(reporter)
    _cannot_change_through_popups(client, own_draft, mine)


def test_the_lookups_list_photos_to_pick_but_offer_no_way_to_edit_them(client, reporter):
    theirs = make_photo(uploaded_by=make_user(role=CONTRIBUTOR), caption="Ferry at the pier")
    client.force_login(reporter)
    found = client.get(
        "/newsroom/autocomplete/",
        {"app_label": "newsroom", "model_name": "article", "field_name": "hero_photo", "term": ""},
    )
    assert found.status_code == 200
    assert str(theirs.pk) in {row["id"] for row in found.json()["results"]}
    listing = client.get("/newsroom/photos/photo/", {"_to_field": "id", "_popup": "1"})
    assert listing.status_code == 200
    page = listing.content.decode()
    assert str(theirs) in page
    assert 'name="form-0-caption"' not in page  # no list_editable: picking only
    bulk = client.post(
        "/newsroom/photos/photo/?_to_field=id&_popup=1",
        {"action": "delete_selected", "_selected_action": [theirs.pk], "post": "yes"},
    )
    assert bulk.status_code in (200, 302, 403)
    assert Photo.objects.filter(pk=theirs.pk).exists()


def test_an_editor_changes_the_same_photo_through_the_popup(client, reporter):
    mine = make_photo(uploaded_by=reporter)
    make_article(status=Article.Status.PUBLISHED, hero_photo=mine)
    client.force_login(make_user(role=EDITOR))
    url = f"/newsroom/photos/photo/{mine.pk}/change/?_to_field=id&_popup=1"
    response = client.post(url, _form(mine, "Corrected through the popup"))
    assert response.status_code == 200  # the popup's closing page
    mine.refresh_from_db()
    assert mine.caption == "Corrected through the popup"
