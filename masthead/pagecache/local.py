"""Entries of the shared page store kept in this process too: a popular page (or a story's
parts) then costs a check of its few version tokens, not a read and unpickling of the entry."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, Generic, Protocol, TypeVar

from django.utils import timezone


class Stored(Protocol):
    dependencies: dict[str, str]
    deadline: float | None  # when it must go (a story going live or leaving); None: no limit
    expires: float  # the end of its lifetime in the store


Entry = TypeVar("Entry", bound=Stored)


def now() -> float:
    # timezone.now(), as live() reads it, so an entry leaves exactly when its story does.
    return timezone.now().timestamp()


class LocalCopies(Generic[Entry]):
    """At most ``most`` entries, the least recently used dropped first; thread-safe."""

    def __init__(self, most: int) -> None:
        self.most = most
        self._entries: OrderedDict[str, Entry] = OrderedDict()
        self._lock = threading.Lock()

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()

    def read(
        self,
        key: str,
        shared: Callable[[str], Any],
        still_current: Callable[[dict[str, str]], bool],
        kind: type | None = None,
    ) -> Entry | None:
        """The entry at ``key`` (this process's copy, else ``shared(key)``) if it is still
        current: within its lifetime and deadline, and every version it was made with unchanged.
        ``kind``: what a stored value must be (anything else is not ours: left alone)."""
        with self._lock:
            entry = self._entries.get(key)
        if entry is None:
            entry = shared(key)
            if entry is None or (kind is not None and not isinstance(entry, kind)):
                return None
        moment = now()
        if (
            entry.expires <= moment
            or (entry.deadline is not None and entry.deadline <= moment)
            or not still_current(entry.dependencies)
        ):
            with self._lock:
                self._entries.pop(key, None)
            return None
        with self._lock:
            self._entries[key] = entry
            self._entries.move_to_end(key)
            while len(self._entries) > self.most:
                self._entries.popitem(last=False)
        return entry
