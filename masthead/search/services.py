"""Writes to the search index. Signals (signals.py) call these after every change to a story,
its bylines or its tags; bulk imports call them directly, or run ``rebuild_search_index``."""

from __future__ import annotations

from collections.abc import Iterable

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
