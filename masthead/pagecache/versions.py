"""Dependency versions: one token per thing a reader page shows, kept in the default cache.

A token is new on every bump (the time in nanoseconds and random bits), never a counter: two
processes bumping at once each write a value no page was ever stored with, so no lock is
needed, and a token lost to eviction only costs a miss. The token's time is when that thing
last changed, which is what a page's ``Last-Modified`` says.

Dependencies, by name:

``site``              every page (navigation sections, the publication's name and settings)
``stories``           every story page: its Recent Posts and related stories show other stories
``story:<id>``        one story's page
``tag-name:<id>``, ``author-name:<id>``  a tag or author shown on story pages (renames)
``list:home``, ``list:archive``, ``list:search``, ``list:section:<id>``, ``list:tag:<id>``,
``list:author:<id>``  reader lists; their story cards show comment counts
``feed:site``, ``feed:section:<id>``, ``feed:tag:<id>``, ``feed:author:<id>``  feeds
``sitemaps``, ``corrections``
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Iterable
from datetime import datetime

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

PREFIX = "pagecache:v:"
# Changes on every bump, before the dependencies do: a page rendered while a bump happened
# is not stored (its data may predate the change while its versions postdate it).
CLOCK = "pagecache:clock"
# The next moment a scheduled story goes live or a story's rights end (a 1-tuple: None is a
# value, "nothing due"), stored by whoever saves a story.
NEXT_CHANGE = "pagecache:next-change"


def new_token() -> str:
    return f"{time.time_ns():x}.{secrets.token_hex(4)}"


def token_time(token: str) -> float:
    """When the token was made (seconds since the epoch); 0 for anything else."""
    try:
        return int(token.split(".", 1)[0], 16) / 1e9
    except (AttributeError, ValueError):
        return 0.0


def current(names: Iterable[str]) -> dict[str, str]:
    """The current token of each dependency, creating a token for any that has none."""
    keys = [PREFIX + name for name in names]
    found = cache.get_many(keys)
    missing = [key for key in keys if key not in found]
    if missing:
        for key in missing:
            cache.add(key, new_token(), timeout=None)
        found.update(cache.get_many(missing))
    return {key[len(PREFIX) :]: found.get(key, "") for key in keys}


def still_current(stored: dict[str, str]) -> bool:
    """Whether every version a page was stored with is still the current one (one read)."""
    keys = [PREFIX + name for name in stored]
    found = cache.get_many(keys)
    return all(found.get(PREFIX + name) == token for name, token in stored.items())


def _memo(request) -> dict[str, str | None]:
    return request.__dict__.setdefault("_version_tokens", {})


def current_for(request, names: Iterable[str]) -> dict[str, str]:
    """:func:`current`, remembered for the rest of ``request``: the page cache, the story's
    parts and the site's header all ask for some of the same versions while one page is made."""
    memo = _memo(request)
    names = list(names)
    missing = [name for name in names if not memo.get(name)]
    if missing:
        memo.update(current(missing))
    return {name: memo[name] or "" for name in names}


def still_current_for(request, stored: dict[str, str]) -> bool:
    """:func:`still_current`, with the versions read kept for the rest of ``request``."""
    memo = _memo(request)
    missing = [name for name in stored if name not in memo]
    if missing:
        found = cache.get_many([PREFIX + name for name in missing])
        memo.update({name: found.get(PREFIX + name) for name in missing})
    return all(memo[name] == token for name, token in stored.items())


def clock() -> str:
    return cache.get(CLOCK) or ""


def _bump_now(names: set[str], schedule: bool) -> None:
    cache.set(CLOCK, new_token(), timeout=None)  # the clock first, then what changed
    cache.set_many({PREFIX + name: new_token() for name in names}, timeout=None)
    if schedule:
        # The writer reads the next story time, so readers' pages never pay that query.
        cache.set(NEXT_CHANGE, (_next_going_live(),), timeout=None)


def bump(names: Iterable[str], *, schedule: bool = False) -> None:
    """Mark what ``names`` show as changed (``schedule``: a story's times may have changed),
    now and again once the transaction commits.

    Now, so the next request in this transaction (and a test) sees it; after the commit,
    because a reader's request may have stored a page from the old rows in between."""
    names = set(names)
    if not names and not schedule:
        return
    _bump_now(names, schedule)
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(lambda: _bump_now(names, schedule))


def _next_going_live() -> datetime | None:
    """The next moment a reader page changes by the clock alone: a story goes live or leaves,
    or something the desk placed on the front page comes down."""
    from masthead.frontpage.selectors import next_front_page_change
    from masthead.newsroom.models import Article

    times = [Article.objects.next_going_live(), next_front_page_change()]
    return min((t for t in times if t is not None), default=None)


def next_change() -> datetime | None:
    """When the next scheduled story goes live or a live story's rights end (None: nothing
    due). Saving a story stores it; a reader's request reads the database only when it is
    missing or that moment has passed."""
    remembered = cache.get(NEXT_CHANGE)
    if remembered is not None:
        moment = remembered[0]
        if moment is None or moment > timezone.now():
            return moment
    moment = _next_going_live()
    cache.set(NEXT_CHANGE, (moment,), timeout=None)
    return moment
