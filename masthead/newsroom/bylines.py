"""Writing a story's byline in one go, for imports, restores and the demo."""

from __future__ import annotations

from collections.abc import Iterable

from django.dispatch import Signal

from .models import Article, Author, Byline

# Sent after bylines were replaced in bulk (bulk_create sends no post_save), with
# ``article_ids``; the search index listens.
bylines_replaced = Signal()


def bylines_set(*, article: Article, authors: Iterable[Author]) -> None:
    """Make ``authors`` (in order, each once) the story's byline, replacing what was there."""
    Byline.objects.filter(article=article).delete()
    Byline.objects.bulk_create(
        Byline(article=article, author=author, position=position)
        for position, author in enumerate(dict.fromkeys(authors))
    )
    bylines_replaced.send(sender=Article, article_ids=[article.pk])
