"""Preview links: a signed, expiring address that shows a story as readers will see it, to
anyone who has the link, without logging in.

The token is the story's id signed with the site's secret key and the time it was made
(``TimestampSigner``), so it can't be guessed or altered, and it stops working after
``MASTHEAD_PREVIEW_HOURS`` hours. It also carries the story's ``preview_generation``:
revoking the links raises it, and every link made before stops working. A link follows
takedowns: once the story is unpublished, deleted or its usage rights have expired, it is gone.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.core import signing
from django.db.models import F
from django.urls import reverse
from django.utils import timezone

from .models import Article

SALT = "masthead.newsroom.preview"


class PreviewLinkExpired(Exception):
    pass


class PreviewLinkInvalid(Exception):
    pass


class PreviewLinkGone(Exception):
    """The link was revoked, or the story was taken down."""


def _signer() -> signing.TimestampSigner:
    return signing.TimestampSigner(salt=SALT)


def max_age() -> timedelta:
    return timedelta(hours=settings.MASTHEAD_PREVIEW_HOURS)


def preview_token(article: Article) -> str:
    return _signer().sign(f"{article.pk}:{article.preview_generation}")


def preview_url(article: Article) -> str:
    return reverse("newsroom:preview", args=[preview_token(article)])


def preview_expires_at() -> datetime:
    """When a link made now stops working."""
    return timezone.now() + max_age()


def article_for_preview(token: str) -> Article:
    """The story a preview token names; raises PreviewLinkExpired or PreviewLinkInvalid."""
    try:
        pk = _signer().unsign(token, max_age=max_age())
    except signing.SignatureExpired:
        raise PreviewLinkExpired from None
    except signing.BadSignature:
        raise PreviewLinkInvalid from None
    pk, _, generation = pk.partition(":")
    article = Article.objects.for_story_page().filter(pk=int(pk)).first()
    if article is None:
        raise PreviewLinkInvalid  # deleted: as if it never existed
    taken_down = article.status == Article.Status.UNPUBLISHED or article.rights_expired
    if taken_down or int(generation or 0) != article.preview_generation:
        raise PreviewLinkGone
    return article


def revoke_preview_links(articles) -> int:
    """Stop every preview link of ``articles`` (a queryset) working; returns how many stories."""
    return articles.update(preview_generation=F("preview_generation") + 1)
