"""Who decides what happens to a new comment: the moderation policy in force, and whether a story
still takes comments."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone

from masthead.newsroom.models import Article, Publication

Moderation = Publication.CommentModeration


def moderation_policy(publication: Publication | None = None) -> str:
    """``all``, ``first-time`` or ``none``: MASTHEAD_COMMENTS_MODERATION when it is set, else the
    publication's own choice."""
    override = settings.MASTHEAD_COMMENTS_MODERATION
    if override:
        return override
    publication = publication or Publication.current()
    return publication.comment_moderation or Moderation.FIRST_TIME


def closes_at(article: Article, publication: Publication | None = None) -> datetime | None:
    """When the story stops taking comments on its own, or None when it never does."""
    publication = publication or Publication.current()
    days = publication.comments_close_after_days
    if not days or article.published_at is None:
        return None
    return article.published_at + timedelta(days=days)


def comments_open(
    article: Article, *, now: datetime | None = None, publication: Publication | None = None
) -> bool:
    """A live story takes comments unless an editor turned them off or they closed with age."""
    now = now or timezone.now()
    if not article.comments_enabled or not article.is_live:
        return False
    closing = closes_at(article, publication)
    return closing is None or now < closing
