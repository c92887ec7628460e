"""The embedded default cache is shared by processes and counts correctly when they write at
once (the comment rate limits count with add and incr)."""

from __future__ import annotations

import multiprocessing

from masthead.pagecache.filecache import SharedFileCache

WORKERS, EACH = 4, 50


def _count(location: str) -> None:
    cache = SharedFileCache(location, {})
    for _ in range(EACH):
        cache.add("sends", 0, timeout=600)
        cache.incr("sends")


def test_increments_from_several_processes_are_never_lost(tmp_path):
    location = str(tmp_path / "cache")
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_count, args=(location,)) for _ in range(WORKERS)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=120)
        assert worker.exitcode == 0
    assert SharedFileCache(location, {}).get("sends") == WORKERS * EACH


def test_add_is_once_only_and_lock_files_are_no_entries(tmp_path):
    cache = SharedFileCache(str(tmp_path / "cache"), {"OPTIONS": {"MAX_ENTRIES": 10}})
    assert cache.add("key", "first") is True
    assert cache.add("key", "second") is False
    assert cache.get("key") == "first"
    for n in range(30):
        cache.add(f"other-{n}", n)
    assert len(cache._list_cache_files()) <= 10  # culled as FileBasedCache culls
    cache.clear()
    assert cache.get("key") is None
