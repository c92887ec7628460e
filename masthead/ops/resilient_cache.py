"""Redis as a cache that the site can live without.

Django's RedisCache raises when Redis is down, which turns every page into an error. This
backend treats an unreachable Redis as an empty cache instead: reads miss, writes are dropped,
and pages are rendered uncached until Redis answers again. Two things keep that honest:

- After a failure it stops asking for a moment (``RETRY_SECONDS``), so a dead Redis costs one
  refused connection a second, not one per cache call.
- A write dropped while Redis was away may have been an invalidation (a story was edited), so
  when Redis answers again after lost writes the cache is flushed once: nothing stale survives
  an outage. Redis holds only cached data here (sessions and logins live in the database).
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Any

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger("masthead.cache")

RETRY_SECONDS = 1.0


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        options = dict(params.get("OPTIONS", {}))
        # A Redis that hangs must not hang the page: give up on it quickly.
        options.setdefault("socket_connect_timeout", 0.5)
        options.setdefault("socket_timeout", 0.5)
        super().__init__(server, {**params, "OPTIONS": options})
        self._down_until = 0.0
        self._lost_writes = False
        self._state_lock = threading.Lock()

    # --- the guard -------------------------------------------------------------------------

    def _call(self, operation, *args, default: Any = None, writes: bool = False, **kwargs):
        if time.monotonic() < self._down_until:
            if writes:
                self._lost_writes = True
            return default
        try:
            if self._lost_writes:
                self._flush_after_outage()
            return operation(*args, **kwargs)
        except RedisError as exc:
            self._went_down(exc)
            if writes:
                self._lost_writes = True
            return default

    def _went_down(self, exc: Exception) -> None:
        with self._state_lock:
            first = self._down_until == 0.0
            self._down_until = time.monotonic() + RETRY_SECONDS
        if first:
            logger.warning("Redis is unreachable; serving pages uncached until it is back: %s", exc)

    def _flush_after_outage(self) -> None:
        super().clear()  # raises RedisError if Redis is still away: stays marked
        with self._state_lock:
            self._lost_writes = False
            self._down_until = 0.0
        logger.warning("Redis is back; the cache was emptied, as writes were lost meanwhile.")

    @property
    def available(self) -> bool:
        return time.monotonic() >= self._down_until

    # --- Django's cache API ----------------------------------------------------------------

    def get(self, key, default=None, version=None):
        return self._call(super().get, key, default, version, default=default)

    def get_many(self, keys, version=None):
        return self._call(super().get_many, keys, version, default={})

    def has_key(self, key, version=None):
        return self._call(super().has_key, key, version, default=False)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(super().add, key, value, timeout, version, default=False, writes=True)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._call(super().set, key, value, timeout, version, writes=True)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        failed = list(data)
        return self._call(super().set_many, data, timeout, version, default=failed, writes=True)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(super().touch, key, timeout, version, default=False, writes=True)

    def delete(self, key, version=None):
        return self._call(super().delete, key, version, default=False, writes=True)

    def delete_many(self, keys, version=None):
        self._call(super().delete_many, keys, version, writes=True)

    def incr(self, key, delta=1, version=None):
        # With Redis away the key is as good as missing, which Django's API reports so.
        missing = object()
        value = self._call(super().incr, key, delta, version, default=missing, writes=True)
        if value is missing:
            raise ValueError(f"Key '{key}' not found (the cache is unavailable)")
        return value

    def clear(self):
        return self._call(super().clear, writes=True)
