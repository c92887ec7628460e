"""The two search engines behind :func:`masthead.search.stories.search_stories`.

Each module offers the same things: ``Results`` (ranked, highlighted hits), ``update`` and
``remove`` (keep stories' index entries current), ``update_range`` (a bulk load), ``rebuild``
(everything at once), ``is_empty``, and for related stories ``matching_ids`` (a subquery of
the stories matching a query) and ``matches_story`` (a condition on the outer query's story).
"""

from __future__ import annotations

from types import ModuleType

from django.db import connection


def current() -> ModuleType:
    """The engine for the database in use: PostgreSQL full-text search, else SQLite FTS5."""
    if connection.vendor == "postgresql":
        from . import postgres

        return postgres
    from . import sqlite

    return sqlite
