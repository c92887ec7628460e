"""Contributors change only photos they uploaded that no live story shows; Editors change any.

Every admin path is tried: the change form (and its popup from the story form), a crafted
POST, the delete view and the bulk delete action.
"""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from masthead.newsroom.models import Article
from masthead.newsroom.roles import CONTRIBUTOR, EDITOR
from masthead.photos.models import Photo
from masthead.testing.factories import (
    jpeg_bytes,
    make_article,
    make_photo,
    make_publication,
    make_user,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def reporter():
    make_publication()
    return make_user(role=CONTRIBUTOR)


def _change_url(photo: Photo, popup: bool = False) -> str:
    return f"/newsroom/photos/photo/{photo.pk}/change/" + ("?_popup=1" if popup else "")


def _form(photo: Photo, caption: str) -> dict[str, str]:
    return {
        "alt_text": photo.alt_text,
        "caption": caption,
        "photographer": photo.photographer,
        "agency": photo.agency,
        "source_url": "",
        "focal_x": "0.5",
        "focal_y": "0.5",
    }


def _locked_out(client, photo: Photo) -> None:
    for popup in (False, True):
        page = client.get(_change_url(photo, popup))
        assert page.status_code in (200, 403)
        assert 'name="caption"' not in page.content.decode()  # read-only at most
        crafted = client.post(_change_url(photo, popup), _form(photo, "Swapped caption"))
        assert crafted.status_code == 403
    delete = client.post(f"/newsroom/photos/photo/{photo.pk}/delete/", {"post": "yes"})
    assert delete.status_code == 403
    client.post(
        "/newsroom/photos/photo/",
        {"action": "delete_selected", "_selected_action": [photo.pk], "post": "yes"},
    )
    photo.refresh_from_db()
    assert photo.caption != "Swapped caption"


def test_contributor_cannot_change_the_hero_of_a_live_story_even_their_own(client, reporter):
    photo = make_photo(uploaded_by=reporter)
    make_article(hero_photo=photo, status=Article.Status.PUBLISHED)
    client.force_login(reporter)
    _locked_out(client, photo)
    assert Photo.objects.filter(pk=photo.pk).exists()


def test_contributor_cannot_change_someone_elses_photo(client, reporter):
    photo = make_photo(uploaded_by=make_user(role=CONTRIBUTOR))
    client.force_login(reporter)
    _locked_out(client, photo)


def test_contributor_changes_their_own_photo_on_no_live_story(client, reporter):
    photo = make_photo(uploaded_by=reporter)
    make_article(hero_photo=photo, status=Article.Status.DRAFT)
    client.force_login(reporter)
    assert 'name="caption"' in client.get(_change_url(photo)).content.decode()
    response = client.post(_change_url(photo), _form(photo, "The pier at dawn."))
    assert response.status_code == 302
    photo.refresh_from_db()
    assert photo.caption == "The pier at dawn."


def test_editor_changes_the_hero_of_a_live_story(client, reporter):
    photo = make_photo(uploaded_by=reporter)
    make_article(hero_photo=photo, status=Article.Status.PUBLISHED)
    client.force_login(make_user(role=EDITOR))
    response = client.post(_change_url(photo), _form(photo, "Corrected caption."))
    assert response.status_code == 302
    photo.refresh_from_db()
    assert photo.caption == "Corrected caption."


def test_upload_in_the_admin_records_who_uploaded_it(client, reporter):
    client.force_login(reporter)
    upload = SimpleUploadedFile("pier.jpg", jpeg_bytes(), content_type="image/jpeg")
    response = client.post(
        "/newsroom/photos/photo/add/", {**_form(Photo(), "A pier."), "image": upload}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Photo.objects.get().uploaded_by == reporter
