"""Backups and restore: one archive holding the whole newsroom, and the way back from it.

An archive is a gzip'd tar with these members, in this order:

``database/data.jsonl``
    Every row of every model, one JSON object a line (Django's ``jsonl`` serializer, primary
    keys kept). It is the portable core: it restores into SQLite or PostgreSQL alike, which is
    how a newsroom moves from one to the other (docs/backups.md).
``database/masthead.sqlite3``
    On SQLite only, the native database file from SQLite's online backup API, for an operator
    who wants the file itself. ``masthead restore`` does not use it.
``media/...``
    Every uploaded file (photos, their renditions, the publication's logo), streamed.
``manifest.json``
    Last, because it lists every other member's size and SHA-256: versions, database engine,
    migration state per app, the apps, when it was made.

The database dump is consistent: on SQLite it is read from a snapshot taken with the online
backup API (writers carry on meanwhile, WAL or not); on PostgreSQL it is read inside one
``REPEATABLE READ READ ONLY`` transaction. The archive is written under a ``.partial`` name
and linked to its final name only when complete, so a killed backup never leaves a file that
looks finished, and ``masthead restore`` refuses anything whose checksums do not all match.

Restore checks the whole archive before it touches anything, then replaces every table's rows
in one transaction and moves the media into place after the commit.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import gzip
import hashlib
import io
import json
import os
import re
import shutil
import socket
import sqlite3
import tarfile
import tempfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, time
from importlib import metadata
from pathlib import Path, PurePosixPath
from typing import IO, Any

import django
from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.cache import cache
from django.core.management.color import no_style
from django.core.serializers.json import DjangoJSONEncoder
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections, models, transaction
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder

ARCHIVE_FORMAT = 1
MANIFEST_NAME = "manifest.json"
DATA_NAME = "database/data.jsonl"
SQLITE_NAME = "database/masthead.sqlite3"
MEDIA_PREFIX = "media/"
ARCHIVE_SUFFIX = ".tar.gz"
PARTIAL_SUFFIX = ".partial"
# Names the scheduled backups are given; retention only ever deletes files named like this.
SCHEDULED_NAME = re.compile(r"^masthead-backup-\d{8}T\d{6}Z(-\d+)?\.tar\.gz$")

# Rows left out of the dump, with the reason. Restore empties these tables too.
NOT_BACKED_UP = {
    # Signed-in sessions: a restored site signs everyone in again (and a session of the old
    # database must never sign someone in as whoever has that user id in the restored one).
    "sessions.session",
    # Derived from the stories and engine-specific (PostgreSQL tsvector, SQLite FTS5 outside
    # any model): restore rebuilds the search index from the restored stories instead.
    "search.storyvector",
}
BATCH = 1000
CHUNK = 1024 * 1024
# "There is no room": a full disk, a full quota, or a file size limit.
NO_ROOM = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}


class BackupError(Exception):
    """A backup could not be written; the message says why and what to do."""


class RestoreRefused(Exception):
    """An archive was not restored and nothing was changed; the message says why."""


@dataclass
class BackupResult:
    path: Path
    size: int
    members: int
    rows: int


@dataclass
class RestoreResult:
    rows: int
    media_files: int
    manifest: dict[str, Any] = field(repr=False)


# --- What is backed up ----------------------------------------------------------------------


def backed_up_models() -> list[type[models.Model]]:
    """Every concrete model whose rows the archive holds (m2m tables travel with their model)."""
    return [
        model
        for model in apps.get_models()
        if model._meta.managed
        and not model._meta.proxy
        and not model._meta.swapped
        and model._meta.label_lower not in NOT_BACKED_UP
    ]


def replaced_models() -> list[type[models.Model]]:
    """Every table restore empties and refills: the backed-up ones, their m2m tables, and the
    left-out ones (emptied, not filled)."""
    return [
        model
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy and not model._meta.swapped
    ]


def app_labels() -> list[str]:
    return sorted({model._meta.app_label for model in replaced_models()})


def migration_state(alias: str = DEFAULT_DB_ALIAS) -> dict[str, list[str]]:
    """The migrations applied to the database, per app."""
    state: dict[str, list[str]] = {}
    for app, name in MigrationRecorder(connections[alias]).applied_migrations():
        state.setdefault(app, []).append(name)
    return {app: sorted(names) for app, names in sorted(state.items())}


def masthead_version() -> str:
    try:
        return metadata.version("masthead")
    except metadata.PackageNotFoundError:  # a checkout run without being installed
        from masthead import __version__

        return __version__


# --- Writing an archive ---------------------------------------------------------------------


class _HashingReader(io.RawIOBase):
    """Reads a file for tarfile while counting its bytes and their SHA-256."""

    def __init__(self, handle: IO[bytes]) -> None:
        self._handle = handle
        self.sha256 = hashlib.sha256()
        self.size = 0

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        data = self._handle.read(size)
        self.sha256.update(data)
        self.size += len(data)
        return data


def _tar_info(name: str, size: int, mtime: float) -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.size = size
    info.mtime = int(mtime)
    info.mode = 0o600
    return info


class _ArchiveWriter:
    """Adds members to the tar and remembers each one's size and checksum for the manifest."""

    def __init__(self, tar: tarfile.TarFile, on_member: Callable[[str], None] | None) -> None:
        self._tar = tar
        self._on_member = on_member
        self.members: dict[str, dict[str, Any]] = {}

    def add_file(self, name: str, path: Path) -> None:
        if name in self.members:
            raise BackupError(f"Two files would be stored as {name!r} in the archive.")
        with open(path, "rb") as handle:
            stat = os.fstat(handle.fileno())
            reader = _HashingReader(handle)
            # tarfile reads exactly info.size bytes; a file that shrank meanwhile is an OSError.
            self._tar.addfile(_tar_info(name, stat.st_size, stat.st_mtime), reader)
        self.members[name] = {"size": reader.size, "sha256": reader.sha256.hexdigest()}
        if self._on_member:
            self._on_member(name)

    def add_manifest(self, manifest: dict[str, Any]) -> None:
        data = json.dumps(manifest, indent=2, sort_keys=True).encode()
        self._tar.addfile(
            _tar_info(MANIFEST_NAME, len(data), datetime.now(UTC).timestamp()), io.BytesIO(data)
        )


def _media_files() -> Iterator[tuple[str, Path]]:
    """``(archive name, path)`` of every uploaded file, in a stable order."""
    root = Path(settings.MEDIA_ROOT)
    if not root.is_dir():
        return
    for folder, dirs, files in os.walk(root):
        dirs.sort()
        for name in sorted(files):
            path = Path(folder, name)
            if path.is_symlink() or not path.is_file():
                continue  # only files the site wrote itself
            yield MEDIA_PREFIX + path.relative_to(root).as_posix(), path


@contextlib.contextmanager
def _consistent_snapshot(work_dir: Path) -> Iterator[tuple[str, Path | None]]:
    """The database alias to dump from, its reads all seeing one moment; on SQLite also the
    native database file, copied at that same moment."""
    connection = connections[DEFAULT_DB_ALIAS]
    if connection.in_atomic_block:
        raise BackupError("A backup must start its own transaction; run it outside one.")
    if connection.vendor == "sqlite":
        snapshot = work_dir / "masthead.sqlite3"
        connection.ensure_connection()
        # A read transaction of our own (Django's atomic would take the write lock): in WAL
        # mode every read until the end sees this one moment while writers carry on.
        with connection.cursor() as cursor:
            cursor.execute("BEGIN DEFERRED")
            cursor.execute("SELECT count(*) FROM sqlite_master")  # the snapshot starts here
        try:
            target = sqlite3.connect(snapshot)
            try:
                # The online backup API, read through the same transaction: the native file
                # and the portable dump hold the very same rows.
                connection.connection.backup(target)
            except sqlite3.Error as exc:
                if _no_room(exc):
                    raise
                raise BackupError(
                    f"Could not copy the SQLite database into {work_dir}: {exc}. Nothing was "
                    "kept; check that disk (space, errors) and run it again."
                ) from exc
            finally:
                target.close()
            yield DEFAULT_DB_ALIAS, snapshot
        finally:
            with connection.cursor() as cursor:
                cursor.execute("ROLLBACK")  # nothing was written
        return
    if connection.vendor != "postgresql":
        raise BackupError(f"Backups know SQLite and PostgreSQL, not {connection.vendor}.")
    with transaction.atomic(using=DEFAULT_DB_ALIAS):
        with connection.cursor() as cursor:
            # First statement of the transaction: every later read sees this one snapshot.
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        yield DEFAULT_DB_ALIAS, None


class ExactTimesEncoder(DjangoJSONEncoder):
    """Times to the microsecond: Django's own encoder cuts them to milliseconds, so a restore
    would not bring every value back exactly (and a time whose microseconds are under 1,000
    would even be written differently, "12:00:00.000" for "12:00:00")."""

    def default(self, o):
        if isinstance(o, datetime | time):
            text = o.isoformat()
            return text.removesuffix("+00:00") + "Z" if text.endswith("+00:00") else text
        return super().default(o)


def _dump_rows(alias: str, path: Path) -> int:
    """Every backed-up row as JSON lines, streamed a chunk of rows at a time."""
    rows = 0
    with open(path, "w", encoding="utf-8") as stream:
        for model in backed_up_models():
            m2m = [f.name for f in model._meta.many_to_many]
            queryset = model._base_manager.using(alias).order_by(model._meta.pk.name)
            if m2m:
                queryset = queryset.prefetch_related(*m2m)
            count = queryset.count()
            if not count:
                continue
            serializers.serialize(
                "jsonl", queryset.iterator(chunk_size=BATCH), stream=stream, cls=ExactTimesEncoder
            )
            rows += count
    return rows


def default_backup_dir() -> Path:
    return Path(settings.MASTHEAD_BACKUP_DIR)


def _private_dir(path: Path) -> None:
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    if path.stat().st_uid == os.getuid():
        path.chmod(0o700)


def _final_path(output: Path | None) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    if output is None:
        output = default_backup_dir()
        _private_dir(output)
    if output.is_dir():
        path = output / f"masthead-backup-{stamp}{ARCHIVE_SUFFIX}"
        number = 2
        while path.exists():
            path = output / f"masthead-backup-{stamp}-{number}{ARCHIVE_SUFFIX}"
            number += 1
        return path
    if not output.name.endswith(ARCHIVE_SUFFIX):
        raise BackupError(
            f"--output must be an existing folder or a file name ending in {ARCHIVE_SUFFIX}, "
            f"not {output}."
        )
    if output.exists():
        raise BackupError(f"{output} already exists; give another name or move it away.")
    if not output.parent.is_dir():
        raise BackupError(f"There is no folder {output.parent} to write the archive in.")
    return output


def _no_room(exc: BaseException) -> bool:
    if isinstance(exc, OSError) and exc.errno in NO_ROOM:
        return True
    # SQLite says SQLITE_FULL ("database or disk is full") where Python says ENOSPC.
    return isinstance(exc, sqlite3.Error) and getattr(exc, "sqlite_errorname", "") == "SQLITE_FULL"


def backup_write(
    output: Path | None = None, *, on_member: Callable[[str], None] | None = None
) -> BackupResult:
    """Write one archive of the database and the media; returns where it is.

    ``output`` is a folder (the archive gets a dated name in it) or a path ending in .tar.gz;
    by default MASTHEAD_BACKUP_DIR. Nothing is left behind if it fails, except when the process
    is killed outright: then a ``.partial`` file remains, which restore refuses.
    """
    final = _final_path(output)
    partial = final.with_name(f".{final.name}.{socket.gethostname()}-{os.getpid()}{PARTIAL_SUFFIX}")
    work_dir: Path | None = None
    try:
        work_dir = Path(tempfile.mkdtemp(prefix=".masthead-backup-work-", dir=final.parent))
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with (
            os.fdopen(fd, "wb") as raw,
            tarfile.open(
                fileobj=raw,
                mode="w:gz",
                compresslevel=6,  # photos barely shrink: 9 only costs time
            ) as tar,
        ):
            writer = _ArchiveWriter(tar, on_member)
            connection = connections[DEFAULT_DB_ALIAS]
            created_at = datetime.now(UTC)
            with _consistent_snapshot(work_dir) as (alias, snapshot):
                state = migration_state(alias)
                rows = _dump_rows(alias, work_dir / "data.jsonl")
            writer.add_file(DATA_NAME, work_dir / "data.jsonl")
            if snapshot is not None:
                writer.add_file(SQLITE_NAME, snapshot)
            for name, path in _media_files():
                writer.add_file(name, path)
            writer.add_manifest(
                {
                    "format": ARCHIVE_FORMAT,
                    "masthead_version": masthead_version(),
                    "django_version": django.get_version(),
                    "database_engine": connection.vendor,
                    "created_at": created_at.isoformat(),
                    "apps": app_labels(),
                    "migrations": state,
                    "rows": rows,
                    "members": writer.members,
                }
            )
            tar.close()
            raw.flush()
            os.fsync(raw.fileno())
        # A hard link never replaces a file that appeared meanwhile under the final name.
        os.link(partial, final)
        os.unlink(partial)
        _fsync_dir(final.parent)
    except BaseException as exc:
        with contextlib.suppress(FileNotFoundError):
            partial.unlink()
        if _no_room(exc):
            raise BackupError(
                f"No room left to write the backup in {final.parent} ({exc}). Nothing was "
                "kept: free some space, or write it elsewhere with --output, and run it again."
            ) from exc
        raise
    finally:
        if work_dir is not None:
            shutil.rmtree(work_dir, ignore_errors=True)
    return BackupResult(
        path=final, size=final.stat().st_size, members=len(writer.members) + 1, rows=rows
    )


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


# --- Scheduled backups ----------------------------------------------------------------------


def run_scheduled_backup(keep: int | None = None) -> Path:
    """Write a dated archive to MASTHEAD_BACKUP_DIR and delete the oldest beyond ``keep``.

    Meant for the worker's periodic jobs. Only finished archives named by this function are
    counted and deleted: never the one just written, never another run's ``.partial`` file,
    never anything else an operator keeps in the folder. Two runs at once: the second fails
    with BackupError rather than racing the first.
    """
    keep = settings.MASTHEAD_BACKUP_KEEP if keep is None else keep
    if keep < 1:
        raise ValueError(f"keep must be at least 1, not {keep}.")
    folder = default_backup_dir()
    _private_dir(folder)
    lock_fd = os.open(folder / ".lock", os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        try:
            fcntl.flock(lock_fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BackupError(f"Another backup is being written to {folder}.") from None
        written = backup_write(folder).path
        archives = sorted(p for p in folder.iterdir() if SCHEDULED_NAME.match(p.name))
        for old in [p for p in archives if p != written][: max(0, len(archives) - keep)]:
            old.unlink(missing_ok=True)
        return written
    finally:
        os.close(lock_fd)


# --- Checking an archive --------------------------------------------------------------------


def _safe_member_name(name: str) -> bool:
    path = PurePosixPath(name)
    return (
        not path.is_absolute()
        and ".." not in path.parts
        and name == path.as_posix()
        and (name in (MANIFEST_NAME, DATA_NAME, SQLITE_NAME) or name.startswith(MEDIA_PREFIX))
    )


@contextlib.contextmanager
def _open_archive(path: Path) -> Iterator[tarfile.TarFile]:
    """The archive's members in order, one pass; on leaving, gzip's own CRC of the whole
    stream is checked too (reading on to its end), so no byte changes unnoticed, even in
    the manifest."""
    try:
        with gzip.open(path, "rb") as stream:
            with tarfile.open(fileobj=stream, mode="r|") as tar:
                yield tar
            while stream.read(CHUNK):
                pass
    except (tarfile.TarError, EOFError, zlib.error, gzip.BadGzipFile) as exc:
        raise RestoreRefused(
            f"{path} is damaged (truncated or corrupted: {exc}). Nothing was restored."
        ) from exc
    except OSError as exc:
        if exc.errno in NO_ROOM:
            raise  # writing the unpacked files, not reading the archive: restore says so
        raise RestoreRefused(f"Could not read {path}: {exc}") from exc


def _members(tar: tarfile.TarFile) -> Iterator[tuple[tarfile.TarInfo, IO[bytes] | None]]:
    seen: set[str] = set()
    for info in tar:
        if not info.isfile() or not _safe_member_name(info.name):
            raise RestoreRefused(
                f"The archive holds {info.name!r}, which a Masthead backup never does."
            )
        if info.name in seen:
            raise RestoreRefused(f"The archive holds {info.name!r} twice.")
        seen.add(info.name)
        yield info, tar.extractfile(info)


def _copy_hashing(source: IO[bytes], target: IO[bytes] | None) -> tuple[int, str]:
    digest = hashlib.sha256()
    size = 0
    while chunk := source.read(CHUNK):
        digest.update(chunk)
        size += len(chunk)
        if target is not None:
            target.write(chunk)
    return size, digest.hexdigest()


def _check_member(name: str, size: int, sha256: str, listed: dict[str, Any]) -> None:
    entry = listed.get(name)
    if entry is None:
        raise RestoreRefused(f"The archive holds {name!r}, which its manifest does not list.")
    if entry.get("size") != size or entry.get("sha256") != sha256:
        raise RestoreRefused(
            f"{name!r} in the archive does not match its checksum in the manifest: the archive "
            "is damaged. Nothing was restored."
        )


def archive_verify(path: Path) -> dict[str, Any]:
    """Read the whole archive and check every member against the manifest; returns it.

    Raises RestoreRefused for a damaged archive: truncated, any byte altered, a member missing
    or added, no manifest.
    """
    if not path.is_file():
        raise RestoreRefused(f"There is no archive at {path}.")
    if path.name.endswith(PARTIAL_SUFFIX):
        raise RestoreRefused(f"{path} is an unfinished backup (a .partial file). Use another.")
    found: dict[str, tuple[int, str]] = {}
    manifest: dict[str, Any] | None = None
    with _open_archive(path) as tar:
        for info, handle in _members(tar):
            if manifest is not None:
                raise RestoreRefused("The archive goes on after its manifest: it was altered.")
            assert handle is not None
            if info.name == MANIFEST_NAME:
                try:
                    manifest = json.loads(handle.read())
                except ValueError as exc:
                    raise RestoreRefused(f"The archive's manifest is not JSON: {exc}") from exc
            else:
                found[info.name] = _copy_hashing(handle, None)
    if manifest is None:
        raise RestoreRefused(
            f"{path} has no manifest: it is not a finished Masthead backup (cut short?)."
        )
    if not isinstance(manifest, dict) or manifest.get("format") != ARCHIVE_FORMAT:
        raise RestoreRefused(
            f"The archive's manifest is of format {manifest.get('format')!r}; this Masthead "
            f"reads format {ARCHIVE_FORMAT}."
            if isinstance(manifest, dict)
            else "The archive's manifest is not a Masthead manifest."
        )
    listed = manifest.get("members") or {}
    missing = sorted(set(listed) - set(found))
    if missing:
        raise RestoreRefused(
            f"The archive is missing {len(missing)} member(s) its manifest lists, first "
            f"{missing[0]!r}. Nothing was restored."
        )
    for name, (size, sha256) in found.items():
        _check_member(name, size, sha256, listed)
    if DATA_NAME not in found:
        raise RestoreRefused("The archive holds no database dump.")
    return manifest


def _check_fits_this_install(manifest: dict[str, Any]) -> None:
    """The archive's apps and migrations must be exactly this install's."""
    archived_apps = set(manifest.get("apps") or [])
    here_apps = set(app_labels())
    if archived_apps != here_apps:
        extra = sorted(archived_apps - here_apps)
        lacking = sorted(here_apps - archived_apps)
        raise RestoreRefused(
            "The archive was made by a Masthead with other apps "
            f"(only in the archive: {', '.join(extra) or 'none'}; only here: "
            f"{', '.join(lacking) or 'none'}). Restore it with the Masthead version that "
            f"made it ({manifest.get('masthead_version')})."
        )
    here = migration_state()
    if not here:
        raise RestoreRefused("This database has no tables yet: run `masthead migrate` first.")
    known = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    archived = manifest.get("migrations") or {}
    for app in sorted(set(archived) | set(here)):
        theirs, ours = set(archived.get(app, [])), set(here.get(app, []))
        unknown = sorted(name for name in theirs if (app, name) not in known)
        if unknown:
            raise RestoreRefused(
                f"The archive comes from a newer Masthead (version "
                f"{manifest.get('masthead_version')}): its database has migration "
                f"{app}.{unknown[0]}, which this install does not know. Upgrade this install "
                "first, then restore."
            )
        if theirs != ours:
            behind = sorted(ours - theirs) or sorted(theirs - ours)
            raise RestoreRefused(
                f"The archive's database is at other migrations than this one in {app} "
                f"(first difference: {behind[0]}). Restore it into the Masthead version that "
                f"made it ({manifest.get('masthead_version')}), then upgrade with `masthead "
                "migrate`; or run `masthead migrate` here if this install is behind."
            )


# --- Restoring ------------------------------------------------------------------------------


def install_content() -> dict[str, int]:
    """What this install holds that a restore would replace (empty for a fresh install)."""
    from django.contrib.auth import get_user_model

    from masthead.comments.models import Comment
    from masthead.newsroom.models import Article
    from masthead.photos.models import Photo

    counts = {
        "stories": Article.objects.count(),
        "users": get_user_model().objects.count(),
        "photos": Photo.objects.count(),
        "comments": Comment.objects.count(),
    }
    media = Path(settings.MEDIA_ROOT)
    counts["media files"] = sum(1 for _ in _media_files()) if media.is_dir() else 0
    return {what: n for what, n in counts.items() if n}


def _empty_tables(alias: str) -> None:
    connection = connections[alias]
    with connection.cursor() as cursor:
        for model in replaced_models():
            # Raw DELETEs: no signals, no cascades in Python; foreign keys are checked at commit.
            cursor.execute(f"DELETE FROM {connection.ops.quote_name(model._meta.db_table)}")  # noqa: S608


def _load_rows(path: Path, alias: str) -> int:
    """Insert the dump's rows, a batch per model at a time (bulk inserts send no signals)."""
    pending: dict[type[models.Model], list[models.Model]] = {}
    through_rows: dict[type[models.Model], list[models.Model]] = {}
    rows = 0

    def flush() -> None:
        for model, objects in [*pending.items(), *through_rows.items()]:
            if objects:
                model._base_manager.using(alias).bulk_create(objects, batch_size=BATCH)
        pending.clear()
        through_rows.clear()

    with open(path, encoding="utf-8") as stream:
        try:
            for item in serializers.deserialize("jsonl", stream, using=alias):
                model = type(item.object)
                pending.setdefault(model, []).append(item.object)
                for name, pks in (item.m2m_data or {}).items():
                    m2m = model._meta.get_field(name)
                    through = m2m.remote_field.through
                    source, target = m2m.m2m_field_name(), m2m.m2m_reverse_field_name()
                    through_rows.setdefault(through, []).extend(
                        through(**{f"{source}_id": item.object.pk, f"{target}_id": pk})
                        for pk in pks
                    )
                rows += 1
                if rows % BATCH == 0:
                    flush()
        except serializers.base.DeserializationError as exc:
            raise RestoreRefused(f"The archive's database dump does not load here: {exc}") from exc
        flush()
    return rows


@contextlib.contextmanager
def _stored_times_kept() -> Iterator[None]:
    """Turn off auto_now / auto_now_add while rows are inserted, so every "created" and
    "modified" time comes back as it was stored, not as the time of the restore. (A bulk
    insert, unlike loaddata's raw save, would otherwise stamp them.) Only restore, in a
    management command, inserts rows while this is on."""
    switched: list[tuple[models.Field, bool, bool]] = []
    for model in replaced_models():
        for f in model._meta.concrete_fields:
            if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
                switched.append((f, f.auto_now, f.auto_now_add))
                f.auto_now = f.auto_now_add = False
    try:
        yield
    finally:
        for f, auto_now, auto_now_add in switched:
            f.auto_now, f.auto_now_add = auto_now, auto_now_add


def _reset_sequences(alias: str) -> None:
    connection = connections[alias]
    statements = connection.ops.sequence_reset_sql(no_style(), replaced_models())
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


def restore(path: Path, *, force: bool = False) -> RestoreResult:
    """Bring an archive into this install, replacing whatever it holds.

    Refuses (RestoreRefused, nothing changed) a damaged archive, one from other apps or other
    migrations, and, unless ``force``, an install that already holds stories, users, photos,
    comments or media files.
    """
    manifest = archive_verify(path)
    _check_fits_this_install(manifest)
    if not force and (content := install_content()):
        held = ", ".join(f"{n} {what}" for what, n in content.items())
        raise RestoreRefused(
            f"This install is not empty ({held}). A restore replaces everything in it: back it "
            "up first (`masthead backup`), then run the restore again with --force."
        )
    media_root = Path(settings.MEDIA_ROOT)
    media_root.mkdir(parents=True, exist_ok=True)
    # Media wait here, on the same disk as MEDIA_ROOT, until the database has committed.
    staging = Path(tempfile.mkdtemp(prefix=".masthead-restore-", dir=media_root.parent))
    try:
        media: list[str] = []
        listed = manifest["members"]
        with _open_archive(path) as tar:
            for info, handle in _members(tar):
                assert handle is not None
                if info.name in (MANIFEST_NAME, SQLITE_NAME):
                    continue
                target = staging / info.name
                target.parent.mkdir(parents=True, exist_ok=True)
                with open(target, "wb") as out:
                    size, sha256 = _copy_hashing(handle, out)
                # Checked again: the file may have changed since it was verified.
                _check_member(info.name, size, sha256, listed)
                if info.name.startswith(MEDIA_PREFIX):
                    media.append(info.name)
        rows = _restore_database(staging / DATA_NAME)
        for name in media:
            destination = media_root / name.removeprefix(MEDIA_PREFIX)
            destination.parent.mkdir(parents=True, exist_ok=True)
            os.replace(staging / name, destination)
    except OSError as exc:
        if exc.errno in NO_ROOM:
            raise RestoreRefused(
                f"No room left to unpack the archive next to {media_root} ({exc}). Nothing "
                "was restored: free some space and run it again."
            ) from exc
        raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    cache.clear()  # pages and fragments cached from the database as it was
    return RestoreResult(rows=rows, media_files=len(media), manifest=manifest)


def _restore_database(data: Path) -> int:
    alias = DEFAULT_DB_ALIAS
    try:
        return _replace_rows(data, alias)
    except DatabaseError as exc:
        raise RestoreRefused(f"The archive's rows do not load into this database: {exc}") from exc


def _replace_rows(data: Path, alias: str) -> int:
    from masthead.search.services import search_index_rebuild

    connection = connections[alias]
    with transaction.atomic(using=alias):
        _empty_tables(alias)
        with _stored_times_kept():
            rows = _load_rows(data, alias)
        _reset_sequences(alias)
        search_index_rebuild()
        # Before the commit, so a dangling reference is one clear error, not a failed COMMIT.
        try:
            connection.check_constraints()
        except Exception as exc:
            raise RestoreRefused(f"The archive's rows do not hold together: {exc}") from exc
    return rows
