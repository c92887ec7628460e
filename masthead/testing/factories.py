from __future__ import annotations

import itertools
from datetime import datetime, timedelta
from io import BytesIO

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image

from masthead.comments.models import Comment
from masthead.comments.spam import body_digest
from masthead.newsroom.models import Article, Author, Byline, Publication, Section, Tag
from masthead.newsroom.roles import give_role, sync_roles
from masthead.photos.models import Photo

_counter = itertools.count(1)


def jpeg_bytes(width: int = 1200, height: int = 675, color: str = "#4a6fa5") -> bytes:
    buffer = BytesIO()
    Image.new("RGB", (width, height), color).save(buffer, "JPEG", quality=70)
    return buffer.getvalue()


def make_publication(**fields) -> Publication:
    fields.setdefault("name", "The Test Gazette")
    fields.setdefault("tagline", "News for testers")
    fields.setdefault("time_zone", "America/New_York")
    return Publication.objects.create(**fields)


def make_section(**fields) -> Section:
    n = next(_counter)
    fields.setdefault("name", f"Section {n}")
    fields.setdefault("slug", f"section-{n}")
    return Section.objects.create(**fields)


def make_author(**fields) -> Author:
    n = next(_counter)
    fields.setdefault("name", f"Reporter Number{n}")
    fields.setdefault("slug", f"reporter-{n}")
    return Author.objects.create(**fields)


def make_tag(**fields) -> Tag:
    n = next(_counter)
    fields.setdefault("name", f"Topic {n}")
    return Tag.objects.create(**fields)


def make_photo(**fields) -> Photo:
    n = next(_counter)
    photo = Photo(
        alt_text=fields.pop("alt_text", "A test photo"),
        caption=fields.pop("caption", "Workers repair the pier on Tuesday."),
        photographer=fields.pop("photographer", "Pat Lens"),
        agency=fields.pop("agency", "Test Wire"),
        **fields,
    )
    photo.image.save(f"test-{n}.jpg", ContentFile(jpeg_bytes()), save=False)
    photo.save()
    return photo


def make_article(
    *,
    section: Section | None = None,
    authors: list[Author] = (),
    tags: list[Tag] = (),
    published_at: datetime | None = None,
    **fields,
) -> Article:
    n = next(_counter)
    fields.setdefault("headline", f"Council approves harbor plan number {n}")
    fields.setdefault("body", "The council voted on Tuesday.\n\nThe plan passed.")
    fields.setdefault("status", Article.Status.PUBLISHED)
    article = Article.objects.create(
        section=section or make_section(),
        # Minutes apart, newest first: a whole test run stays within the comment window.
        published_at=published_at or timezone.now() - timedelta(minutes=n),
        **fields,
    )
    # One save each, as the admin does, so signal receivers (the search index) see them.
    for i, author in enumerate(authors):
        Byline.objects.create(article=article, author=author, position=i)
    article.tags.set(tags)
    return article


def make_comment(article: Article, **fields) -> Comment:
    fields.setdefault("author_name", "A Reader")
    fields.setdefault("email", "reader@example.com")
    fields.setdefault("body", "Thanks for the story.")
    fields.setdefault("status", Comment.Status.APPROVED)
    fields.setdefault("body_digest", body_digest(fields["body"]))
    return Comment.objects.create(article=article, **fields)


PASSWORD = "a-long-test-password-42"  # noqa: S105 (test accounts only)


def make_user(*, role: str | None = None, **fields):
    """A newsroom account; ``role`` is Contributor, Editor or Admin (see newsroom/roles.py)."""
    n = next(_counter)
    fields.setdefault("username", f"user{n}")
    user = get_user_model().objects.create_user(password=PASSWORD, **fields)
    if role:
        if not Group.objects.filter(name=role, permissions__isnull=False).exists():
            sync_roles(apps)  # a test database that was flushed (live_server) lost the roles
        give_role(user, role)
    # A fresh copy: has_perm caches the permissions it saw first.
    return get_user_model().objects.get(pk=user.pk)
