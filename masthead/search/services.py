"""Writes to the search index. Signals (signals.py) call these after every change to a story,
its bylines or its tags; bulk imports call them directly, or run ``rebuild_search_index``."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from django.db import transaction

from . import backends


def search_index_update(*, article_ids: Iterable[int]) -> None:
    """Re-read the searchable text of these stories (of any status) into the index.

    Every story is indexed whatever its status: whether a reader may see it is decided when
    searching, by ``Article.objects.live()``, so a scheduled story turns up at its hour.
    """
    ids = sorted(set(article_ids))
    if ids:
        backends.current().update(ids)


def search_index_update_range(first_id: int, last_id: int, *, shared_bodies: bool = False) -> None:
    """Index the stories with ids from ``first_id`` to ``last_id``: a bulk load (bench-data, an
    import of thousands) indexes its id range at once rather than story by story.
    ``shared_bodies`` says many stories have the same body text, to read each body once."""
    if first_id <= last_id:
        backends.current().update_range(first_id, last_id, shared_bodies=shared_bodies)


def search_index_remove(*, article_ids: Iterable[int]) -> None:
    """Drop deleted stories from the index."""
    ids = sorted(set(article_ids))
    if ids:
        backends.current().remove(ids)


@transaction.atomic
def search_index_rebuild() -> int:
    """Index every story from scratch; returns how many were indexed."""
    return backends.current().rebuild()


def search_index_is_empty() -> bool:
    return backends.current().is_empty()


def search_index_refresh(*, changed_since: datetime | None, limit: int = 5000) -> int:
    """Bring the index up to date without a full rebuild: stories missing from it, and stories
    modified since ``changed_since`` (the worker's last run). Returns how many were indexed.

    Saves keep the index current through signals; this catches what bypasses them (bulk
    inserts, ``QuerySet.update``, a restored backup) and is harmless when nothing did.
    """
    from masthead.newsroom.models import Article

    backend = backends.current()
    if backend.is_empty() and Article.objects.exists():
        return search_index_rebuild()
    ids = set(backend.unindexed_ids(limit))
    if changed_since is not None:
        changed = Article.objects.filter(modified_at__gte=changed_since).order_by("pk")
        ids.update(changed.values_list("pk", flat=True)[:limit])
    with transaction.atomic():
        search_index_update(article_ids=ids)
    return len(ids)
