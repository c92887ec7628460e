"""The page cache middleware: serves stored reader pages before sessions, CSRF and the views
run, stores what views marked with :func:`~.dependencies.depends`, and gives every reader
page its HTTP caching headers (Cache-Control, ETag, Last-Modified, 304 answers)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import NamedTuple
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import caches
from django.core.exceptions import DisallowedHost
from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response
from django.utils.http import http_date

from . import versions
from .local import LocalCopies, now

# Query parameters that change a reader page; any other one means the page is made afresh.
# ("before"/"after": the keyset positions of the story lists, masthead/newsroom/pagination.py.)
KEYED_PARAMETERS = frozenset({"page", "before", "after", "p"})
# Tracking parameters from shared links: they never change the page, so they are left out of
# the key (a story shared with ?utm_source=... is still served from the cache).
TRACKING_PARAMETERS = frozenset({"fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid"})
# A reader who just sent a comment carries its message in this cookie until the page shows it.
MESSAGE_COOKIE = CookieStorage.cookie_name
# Headers made afresh for every answer, never stored.
UNSTORED_HEADERS = frozenset({"cache-control", "date", "expires", "x-cache", "set-cookie"})
# Stored pages each process keeps in memory too (validated like any other hit), so a hit on a
# popular page reads only the few version tokens from the shared cache.
LOCAL_ENTRIES = 256
# A page is stored only if it can live at least this long (seconds).
SHORTEST_LIFETIME = 1


class StoredPage(NamedTuple):
    status: int
    headers: tuple[tuple[str, str], ...]
    content: bytes
    dependencies: dict[str, str]
    etag: str
    last_modified: int
    deadline: float | None  # when it must go (a story going live or leaving); None: no limit
    expires: float  # the end of its lifetime in the cache


_local: LocalCopies[StoredPage] = LocalCopies(LOCAL_ENTRIES)


def forget_local_pages() -> None:
    """Empty this process's own copies (tests; the shared cache keeps its entries)."""
    _local.clear()


def pages_cache():
    return caches[settings.MASTHEAD_PAGE_CACHE_ALIAS]


def page_key(request: HttpRequest) -> str | None:
    """The cache key of an anonymous reader's GET or HEAD, or None if it must not be stored:
    a session or message cookie, another method, a query parameter that is not keyed."""
    if request.method not in ("GET", "HEAD"):
        return None
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or MESSAGE_COOKIE in cookies:
        return None
    kept = []
    for name, values in request.GET.lists():
        if name.startswith("utm_") or name in TRACKING_PARAMETERS:
            continue
        if name not in KEYED_PARAMETERS:
            return None
        kept.append((name, values))
    try:
        host = request.get_host()
    except DisallowedHost:
        return None
    query = urlencode(sorted(kept), doseq=True)
    address = f"{request.scheme}://{host}{request.path}?{query}"
    return "pagecache:page:" + hashlib.sha256(address.encode()).hexdigest()


def public_cache_control(response: HttpResponse, deadline: float | None) -> None:
    """Short for browsers, longer for a shared cache or CDN (which a bump purges or makes
    revalidate), and never past the moment the page must change."""
    max_age = settings.MASTHEAD_CACHE_MAX_AGE
    s_maxage = settings.MASTHEAD_CACHE_S_MAXAGE
    stale = settings.MASTHEAD_CACHE_STALE_WHILE_REVALIDATE
    if deadline is not None:
        remaining = max(0, int(deadline - now()))
        max_age, s_maxage = min(max_age, remaining), min(s_maxage, remaining)
        stale = min(stale, max(0, remaining - s_maxage))
    response["Cache-Control"] = (
        f"public, max-age={max_age}, s-maxage={s_maxage}, stale-while-revalidate={stale}"
    )
    front = settings.MASTHEAD_FRONT_CACHE_SECONDS
    if settings.BEHIND_PROXY and front:
        # For the nginx front in deploy/ only (nginx reads it before Cache-Control and never
        # passes it on): it asks again this often, with the page's ETag, so a change shows
        # through it within seconds; the app's answer is a 304 from its own page cache.
        if deadline is not None:
            front = min(front, max(0, int(deadline - now())))
        response["X-Accel-Expires"] = str(front)


def _answer(request: HttpRequest, page: StoredPage, response: HttpResponse) -> HttpResponse:
    response["ETag"] = page.etag
    response["Last-Modified"] = http_date(page.last_modified)
    public_cache_control(response, page.deadline)
    answer = get_conditional_response(
        request, etag=page.etag, last_modified=page.last_modified, response=response
    )
    if answer is not response:
        answer["X-Cache"] = response.get("X-Cache", "")
    return answer


class PageCacheMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        key = page_key(request) if settings.MASTHEAD_PAGE_CACHE else None
        if key is not None:
            page = self._stored(key)
            if page is not None:
                return self._serve(request, page)
            clock_before = versions.clock()
        response = self.get_response(request)
        return self._finish(request, response, key, clock_before if key else "")

    # --- hits -----------------------------------------------------------------------------

    def _stored(self, key: str) -> StoredPage | None:
        return _local.read(key, pages_cache().get, versions.still_current)

    def _serve(self, request: HttpRequest, page: StoredPage) -> HttpResponse:
        head = request.method == "HEAD"
        response = HttpResponse(b"" if head else page.content, status=page.status)
        for name, value in page.headers:
            response[name] = value
        response["X-Cache"] = "hit"
        return _answer(request, page, response)

    # --- misses ---------------------------------------------------------------------------

    def _finish(
        self, request: HttpRequest, response: HttpResponse, key: str | None, clock_before: str
    ) -> HttpResponse:
        if settings.SESSION_COOKIE_NAME in request.COOKIES:
            user = getattr(request, "user", None)
            if user is not None and user.is_authenticated:
                # Staff pages are theirs alone: no shared cache, no browser cache either.
                if "no-store" not in response.get("Cache-Control", ""):
                    response["Cache-Control"] = "private, no-store"
                response["X-Cache"] = "off"
                return response
        names = request.__dict__.get("page_dependencies")
        if names is None or response.status_code != 200 or response.streaming:
            return response
        if request.method not in ("GET", "HEAD"):
            return response  # a page shown again after a post belongs to that post
        if (
            response.cookies
            or MESSAGE_COOKIE in request.COOKIES
            or ("cookie" in response.get("Vary", "").lower())
        ):
            # A reader page carrying a message or a cookie belongs to this reader only.
            response["Cache-Control"] = "private, no-cache"
            response["X-Cache"] = "off"
            return response

        tokens = versions.current_for(request, sorted(names))
        changed = [versions.token_time(token) for token in tokens.values()]
        modified = request.__dict__.get("page_modified")
        if modified is not None:
            changed.append(modified.timestamp())
        moment = versions.next_change()
        page = StoredPage(
            status=response.status_code,
            headers=tuple(
                (name, value)
                for name, value in response.items()
                if name.lower() not in UNSTORED_HEADERS
            ),
            content=response.content,
            dependencies=tokens,
            etag='"' + hashlib.blake2b(response.content, digest_size=16).hexdigest() + '"',
            last_modified=int(max(changed)),
            deadline=moment.timestamp() if moment is not None else None,
            expires=0.0,
        )
        if key is not None:
            response["X-Cache"] = "miss"
            self._store(key, page, clock_before)
        elif settings.MASTHEAD_PAGE_CACHE:
            response["X-Cache"] = "bypass"  # public, but not kept here (a search, ?reply_to=)
        return _answer(request, page, response)

    def _store(self, key: str, page: StoredPage, clock_before: str) -> None:
        if versions.clock() != clock_before:
            return  # something changed while the page was made: it may show the old state
        lifetime = settings.MASTHEAD_PAGE_CACHE_TIMEOUT
        if page.deadline is not None:
            lifetime = min(lifetime, int(page.deadline - now()))
        if lifetime < SHORTEST_LIFETIME:
            return
        pages_cache().set(key, page._replace(expires=now() + lifetime), timeout=lifetime)
