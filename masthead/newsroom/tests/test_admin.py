import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from masthead.newsroom.models import Article
from masthead.photos.models import Photo
from masthead.testing.factories import (
    jpeg_bytes,
    make_article,
    make_author,
    make_photo,
    make_publication,
    make_section,
    make_tag,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    user = get_user_model().objects.create_superuser(
        "chief", "chief@example.com", "a-long-pass-123"
    )
    client.force_login(user)
    return client


@pytest.mark.parametrize(
    "model", ["article", "author", "section", "tag", "publication"], ids=lambda m: m
)
def test_newsroom_admin_lists_and_forms_load(editor_client, model):
    make_publication()
    make_article(authors=[make_author()], tags=[make_tag()], hero_photo=make_photo())
    changelist = editor_client.get(reverse(f"admin:newsroom_{model}_changelist") + "?q=a")
    assert changelist.status_code == 200
    assert editor_client.get(reverse(f"admin:newsroom_{model}_add")).status_code in (200, 403)


def test_photo_and_comment_admin_load_with_thumbnails(editor_client):
    photo = make_photo()
    response = editor_client.get(reverse("admin:photos_photo_changelist"))
    assert response.status_code == 200
    assert photo.small_url.encode() in response.content
    assert editor_client.get(reverse("admin:comments_comment_changelist")).status_code == 200


def test_article_admin_offers_autocomplete_for_authors_and_tags(editor_client):
    make_author(name="Ana Ruiz")
    make_author(name="Tom Bell")
    make_tag(name="Harbor")
    response = editor_client.get(
        reverse("admin:autocomplete"),
        {"app_label": "newsroom", "model_name": "byline", "field_name": "author", "term": "ana"},
    )
    assert [r["text"] for r in response.json()["results"]] == ["Ana Ruiz"]
    response = editor_client.get(
        reverse("admin:autocomplete"),
        {"app_label": "newsroom", "model_name": "article", "field_name": "tags", "term": "harb"},
    )
    assert [r["text"] for r in response.json()["results"]] == ["Harbor"]


def test_article_form_prefills_the_slug_and_links_to_the_site(editor_client):
    make_publication()
    article = make_article()
    response = editor_client.get(reverse("admin:newsroom_article_change", args=[article.pk]))
    html = response.content.decode()
    assert "data-prepopulated-fields" in html or "prepopulated" in html
    assert "View on site" in html


def test_editor_writes_and_publishes_a_story_through_the_admin(editor_client, client):
    make_publication()
    section = make_section(name="City", slug="city")
    author = make_author(name="Ana Ruiz")
    response = editor_client.post(
        reverse("admin:newsroom_article_add"),
        {
            "headline": "Library extends its weekend hours",
            "slug": "library-extends-its-weekend-hours",
            "dek": "Saturday and Sunday openings start next month.",
            "section": section.pk,
            "body": "The library will open **on Sundays**.<script>alert(1)</script>",
            "body_format": "markdown",
            "_workflow": "publish",
            "comments_enabled": "on",
            "bylines-TOTAL_FORMS": "1",
            "bylines-INITIAL_FORMS": "0",
            "bylines-MIN_NUM_FORMS": "0",
            "bylines-MAX_NUM_FORMS": "1000",
            "bylines-0-author": author.pk,
            "bylines-0-position": "0",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    article = Article.objects.get(slug="library-extends-its-weekend-hours")
    assert article.byline == "Ana Ruiz"
    assert "<script" not in article.body_html
    page = client.get(article.get_absolute_url())
    assert page.status_code == 200
    assert b"<strong>on Sundays</strong>" in page.content


def test_uploading_a_photo_records_its_size_and_makes_renditions(editor_client):
    upload = SimpleUploadedFile("pier.jpg", jpeg_bytes(1600, 900), content_type="image/jpeg")
    response = editor_client.post(
        reverse("admin:photos_photo_add"),
        {
            "image": upload,
            "alt_text": "The pier",
            "caption": "The pier at dawn.",
            "photographer": "Lou Chen",
            "agency": "Gazette",
        },
    )
    assert response.status_code == 302
    photo = Photo.objects.get()
    assert (photo.width, photo.height) == (1600, 900)
    assert [width for width, _ in photo.sized_renditions()] == [480, 960, 1600]
    assert {(copy.shape, copy.width, copy.height) for copy in photo.copies} >= {
        ("16x9", 960, 540),
        ("3x2", 640, 427),
        ("1x1", 192, 192),
    }
    assert photo.credit == "Lou Chen/Gazette"
