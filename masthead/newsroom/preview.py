"""Preview links: a signed, expiring address that shows a story as readers will see it, to
anyone who has the link, without logging in.

The token is the story's id signed with the site's secret key and the time it was made
(``TimestampSigner``), so it can't be guessed or altered, and it stops working after
``MASTHEAD_PREVIEW_HOURS`` hours.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import timezone

from .models import Article

SALT = "masthead.newsroom.preview"


class PreviewLinkExpired(Exception):
    pass


class PreviewLinkInvalid(Exception):
    pass


def _signer() -> signing.TimestampSigner:
    return signing.TimestampSigner(salt=SALT)


def max_age() -> timedelta:
    return timedelta(hours=settings.MASTHEAD_PREVIEW_HOURS)


def preview_token(article: Article) -> str:
    return _signer().sign(str(article.pk))


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
    article = Article.objects.for_story_page().filter(pk=int(pk)).first()
    if article is None:
        raise PreviewLinkInvalid
    return article
