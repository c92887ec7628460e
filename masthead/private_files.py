"""Owner-only files in the data folder (plain Python: the settings module imports it)."""

from __future__ import annotations

import os
from pathlib import Path

# Files in the data folder hold password hashes, session keys and commenters' addresses: only
# the owner may read them. SQLite gives its -wal/-shm journals the database file's own mode.
_PRIVATE_FILES = (
    "masthead.sqlite3",
    "masthead.sqlite3-wal",
    "masthead.sqlite3-shm",
    "masthead.sqlite3-journal",
    "secret-key",
    "demo-login.txt",
    "demo-reporter-login.txt",
)


def make_data_dir_private(data_dir: Path) -> None:
    """Create the data folder owner-only and take group/other access off files already there."""
    data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    _chmod_if_ours(data_dir, 0o700)
    for name in _PRIVATE_FILES:
        _chmod_if_ours(data_dir / name, 0o600)


def _chmod_if_ours(path: Path, mode: int) -> None:
    # A folder another account owns (a mounted volume) is that account's to set up.
    if path.exists() and path.stat().st_uid == os.getuid():
        path.chmod(mode)


def write_private_file(path: Path, text: str) -> None:
    """Write ``text`` to a file that is 0600 from the moment it exists (no window at 0644)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(text)
    path.chmod(0o600)
