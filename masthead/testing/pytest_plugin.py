"""Loaded by pytest before Django (``-p masthead.testing.pytest_plugin`` in pyproject.toml), so a
bare ``pytest`` runs in test mode without any environment set by hand."""

import os

os.environ.setdefault("MASTHEAD_ENV", "test")
# live_server runs Django in a thread while Playwright's sync API runs an event loop.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
