"""Loaded by pytest before Django (``-p masthead.testing.pytest_plugin`` in pyproject.toml), so a
bare ``pytest`` runs in test mode without any environment set by hand."""

import os

os.environ.setdefault("MASTHEAD_ENV", "test")
# live_server runs Django in a thread while Playwright's sync API runs an event loop.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(config, items) -> None:
    """In the PostgreSQL pass, skip what would only repeat the SQLite pass: tests of servers,
    commands and files that make their own databases never touch the suite's."""
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        return
    import pytest

    once = pytest.mark.skip(reason="its own servers and databases; runs once, in the SQLite pass")
    for item in items:
        if item.get_closest_marker("own_databases"):
            item.add_marker(once)
