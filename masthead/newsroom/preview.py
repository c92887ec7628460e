"""Preview links: a signed, expiring address that shows a story as readers will see it, to
anyone who has the link, without logging in.

Each link is a :class:`~.models.PreviewLink` row: who made it, when, and until when it works
(``MASTHEAD_PREVIEW_HOURS``). Its address carries the row's random key signed with the site's
secret key, so it can't be guessed or altered. A link is revoked on its own, or all of a
story's links at once. A link follows takedowns: once the story is unpublished, deleted or its
usage rights have expired, it is gone.

Only an Editor makes a link for a story readers cannot see yet; whoever made a link, or an
Editor, revokes it; only an Editor revokes all of a story's links.
"""

from __future__ import annotations

import uuid
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from .models import Article, PreviewLink

SALT = "masthead.newsroom.preview-link"


class PreviewLinkExpired(Exception):
    pass


class PreviewLinkInvalid(Exception):
    pass


class PreviewLinkGone(Exception):
    """The link was revoked, or the story was taken down."""


def _signer() -> signing.Signer:
    return signing.Signer(salt=SALT)


def max_age() -> timedelta:
    return timedelta(hours=settings.MASTHEAD_PREVIEW_HOURS)


def may_make_links(user, article: Article) -> bool:
    """Anyone who sees a live story may share it; a story readers can't see needs an Editor."""
    return article.is_live or user.has_perm("newsroom.publish_article")


def may_revoke(user, link: PreviewLink) -> bool:
    return user.has_perm("newsroom.publish_article") or (
        link.made_by_id is not None and link.made_by_id == user.pk
    )


def preview_link_make(article: Article, made_by=None) -> PreviewLink:
    """A new link for ``article``. With ``made_by``, the Editor rule is checked."""
    if made_by is not None and not may_make_links(made_by, article):
        raise PermissionDenied("Only an Editor makes preview links for a story that is not live.")
    now = timezone.now()
    return PreviewLink.objects.create(
        story=article, made_by=made_by, made_at=now, expires_at=now + max_age()
    )


def preview_link_for(article: Article, user) -> PreviewLink:
    """The user's own newest working link to the story, or a new one ("View on site")."""
    mine = (
        PreviewLink.objects.working()
        .filter(story=article, made_by=user, expires_at__gt=timezone.now() + timedelta(hours=1))
        .first()
    )
    return mine or preview_link_make(article, made_by=user)


def preview_token(link: PreviewLink) -> str:
    return _signer().sign(link.key.hex)


def preview_url(link: PreviewLink) -> str:
    return reverse("newsroom:preview", args=[preview_token(link)])


def link_for_token(token: str) -> PreviewLink:
    """The working link a token names; raises PreviewLinkExpired, -Invalid or -Gone."""
    try:
        key = uuid.UUID(hex=_signer().unsign(token))
    except (signing.BadSignature, ValueError):
        raise PreviewLinkInvalid from None
    link = PreviewLink.objects.filter(key=key).first()
    if link is None:
        raise PreviewLinkInvalid  # the story was deleted, and its links with it
    if link.revoked_at is not None:
        raise PreviewLinkGone
    if link.expires_at <= timezone.now():
        raise PreviewLinkExpired
    return link


def article_for_preview(token: str) -> tuple[Article, PreviewLink]:
    """The story a preview token shows, and its link."""
    link = link_for_token(token)
    article = Article.objects.for_story_page().filter(pk=link.story_id).first()
    if article is None:
        raise PreviewLinkInvalid
    if article.status == Article.Status.UNPUBLISHED or article.rights_expired:
        raise PreviewLinkGone
    return article, link


def preview_link_revoke(link: PreviewLink, user) -> bool:
    """Revoke one link; False when it had already stopped working."""
    if not may_revoke(user, link):
        raise PermissionDenied("Only an Editor, or whoever made it, revokes a preview link.")
    done = PreviewLink.objects.filter(pk=link.pk, revoked_at__isnull=True).update(
        revoked_at=timezone.now(), revoked_by=user
    )
    return bool(done)


def revoke_preview_links(articles, user=None) -> int:
    """Stop every preview link of ``articles`` (a queryset) working; returns how many stories."""
    if user is not None and not user.has_perm("newsroom.publish_article"):
        raise PermissionDenied("Only an Editor revokes all of a story's preview links.")
    PreviewLink.objects.filter(story__in=articles, revoked_at__isnull=True).update(
        revoked_at=timezone.now(), revoked_by=user
    )
    return articles.count()


def working_links(article: Article) -> list[PreviewLink]:
    """The story's links that still work, newest first, with who made them."""
    return list(PreviewLink.objects.working().filter(story=article).select_related("made_by"))
