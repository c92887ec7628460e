"""The default cache on the embedded set-up: Django's file cache, shared by every process of
the server, with ``add`` and ``incr`` made atomic across processes (the comment rate limits
count with them)."""

from __future__ import annotations

import fcntl
import os
import zlib
from collections.abc import Iterator
from contextlib import contextmanager

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.filebased import FileBasedCache

# Read-modify-write operations lock one of a fixed number of lock files, chosen by the key:
# a lock file per key would pile up one file per reader's address.
LOCK_STRIPES = 64


class SharedFileCache(FileBasedCache):
    """FileBasedCache already writes each entry atomically (a temporary file renamed into
    place), so a reader never sees half an entry; this adds a cross-process lock around the
    operations that read, then write."""

    @contextmanager
    def _key_lock(self, key: str, version: int | None) -> Iterator[None]:
        self._createdir()
        stripe = zlib.crc32(self.make_and_validate_key(key, version=version).encode())
        path = os.path.join(self._dir, f"lock-{stripe % LOCK_STRIPES:02d}")
        with open(path, "a") as lock_file:
            fcntl.flock(lock_file, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock_file, fcntl.LOCK_UN)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None) -> bool:
        with self._key_lock(key, version):
            return super().add(key, value, timeout, version)

    def incr(self, key, delta: int = 1, version: int | None = None) -> int:
        with self._key_lock(key, version):
            return super().incr(key, delta, version)
