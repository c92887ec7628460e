"""Test set-up shared by every app: test mode, an empty cache per test, and Debian's Chromium
for the browser tests (Playwright must never download a browser of its own)."""

from __future__ import annotations

import contextlib
import shutil
from pathlib import Path

import pytest

ARTIFACTS = Path(__file__).resolve().parent / "test-artifacts"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage",
]  # fmt: skip


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


_BROWSERS: list = []


@pytest.fixture(scope="session")
def browser(launch_browser):
    """Playwright's browser, remembered so that the live server can close it first."""
    browser = launch_browser()
    _BROWSERS.append(browser)
    yield browser
    with contextlib.suppress(Exception):
        browser.close()


@pytest.fixture(scope="session")
def live_server(live_server):
    """pytest-django's live server; before it stops, the browser closes, so that Chromium's
    kept-alive connections end while the server still shares the in-memory test database,
    not in request threads that outlive its teardown (a race that failed a CI run at the very
    end of the session). (Asking for the live server from the browser fixture instead would put
    every browser test on a flushed, transactional database: much slower.)"""
    yield live_server
    for browser in _BROWSERS:
        with contextlib.suppress(Exception):
            browser.close()


@pytest.fixture(autouse=True)
def _fresh_cache():
    from django.core.cache import caches

    from masthead.newsroom.chrome import forget_chrome
    from masthead.newsroom.story_parts import forget_local_parts
    from masthead.pagecache.middleware import forget_local_pages

    for alias in ("default", "pages"):
        caches[alias].clear()
    forget_local_pages()
    forget_local_parts()
    forget_chrome()
    yield
    for alias in ("default", "pages"):
        caches[alias].clear()
    forget_local_pages()
    forget_local_parts()
    forget_chrome()


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path_factory):
    settings.MEDIA_ROOT = tmp_path_factory.mktemp("media")


@pytest.fixture
def artifacts_dir() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture
def page_cache_off(settings):
    """For tests that count a page's queries or time its making: every request renders, the
    story page's parts too."""
    settings.MASTHEAD_PAGE_CACHE = False
    settings.MASTHEAD_STORY_PARTS = False
