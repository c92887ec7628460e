"""The wire desk in the newsroom admin: upload a file, see the dry run, confirm, keep the report.

The services here are what the views call; :func:`import_run` takes a row's pk only, so a
background task can call it the same way once there is a worker.
"""

from __future__ import annotations

import json
import logging
import os
import re
import secrets
import threading
from datetime import datetime, timedelta
from pathlib import Path

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import connections, transaction
from django.template.defaultfilters import filesizeformat
from django.utils import timezone

from masthead.ingest.formats import FORMATS
from masthead.ingest.loader import ImportReport, Outcome, load_records
from masthead.ingest.models import ImportRun
from masthead.ingest.records import ImportFileError, StoryRecord
from masthead.ingest.sources import SITE_EXPORTS, OpenedSource, open_source
from masthead.newsroom.models import Section

logger = logging.getLogger(__name__)

_ROOT_RE = re.compile(r"<([a-z_][\w.:-]*)")
# Comments, processing instructions and the DOCTYPE come before the root element.
_PROLOG_PARTS_RE = re.compile(r"<!--.*?-->|<\?.*?\?>|<!doctype[^>]*>", re.DOTALL)
UPLOAD_KEPT_FOR = timedelta(days=1)
# Save the progress every this many stories: often enough to watch, rarely enough to be cheap.
PROGRESS_EVERY = 10


class _RollBack(Exception):
    """Raised to undo the dry run's writes."""


def upload_folder() -> Path:
    folder = Path(settings.IMPORT_UPLOAD_DIR)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder


def upload_path(run: ImportRun) -> Path:
    return upload_folder() / run.stored_name


def upload_store(upload: UploadedFile) -> str:
    """Keep an uploaded file under a random name, readable by this process alone.

    Returns the stored name. Too large or empty files are refused before anything is kept.
    """
    limit = settings.IMPORT_UPLOAD_MAX_BYTES
    name = upload.name or "upload"
    if upload.size is not None and upload.size > limit:
        raise ImportFileError(name, f"the file is larger than {filesizeformat(limit)}")
    stored = f"{secrets.token_hex(16)}.upload"
    path = upload_folder() / stored
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    written = 0
    try:
        with os.fdopen(fd, "wb") as out:
            for chunk in upload.chunks():
                written += len(chunk)
                if written > limit:  # the size the client claimed is not trusted
                    raise ImportFileError(name, f"the file is larger than {filesizeformat(limit)}")
                out.write(chunk)
        if written == 0:
            raise ImportFileError(name, "the file is empty")
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return stored


def upload_delete(run: ImportRun) -> None:
    if run.stored_name:
        upload_path(run).unlink(missing_ok=True)
        run.stored_name = ""
        run.save(update_fields=["stored_name"])


def format_detect(path: Path) -> str:
    """The format a file is in, from its first bytes; an :class:`ImportFileError` if unknown."""
    with path.open("rb") as file:
        head = file.read(65536)
    # UTF-16 and UTF-32 feeds: for sniffing, their ASCII markup is enough.
    text = head.replace(b"\x00", b"").decode("utf-8", errors="replace")
    text = text.lstrip("\ufeff\ufffe\ufffd \t\r\n").lower()
    if text.startswith(("{", "[")):
        return _json_format(path)
    if text.startswith("<"):
        root = _ROOT_RE.search(_PROLOG_PARTS_RE.sub("", text))
        name = root.group(1) if root else ""
        if name == "rss" and "wordpress.org/export/" in text:
            return "wxr"
        if name in {"rss", "feed", "rdf:rdf"}:
            return "rss"
        if name == "html":
            return "page"
    elif "," in text.partition("\n")[0] and "title" in text.partition("\n")[0]:
        return "wix-csv"
    raise ImportFileError(
        path.name, "the format could not be recognised; choose it in the form instead"
    )


def _json_format(path: Path) -> str:
    try:
        data = json.loads(path.read_bytes())
    except (ValueError, RecursionError):
        raise ImportFileError(path.name, "not valid JSON") from None
    if isinstance(data, dict) and ("db" in data or "posts" in data.get("data", {})):
        return "ghost"
    items = data if isinstance(data, list) else [data]
    if items and all(isinstance(item, dict) for item in items):
        return "ninjs"
    raise ImportFileError(path.name, "JSON that is neither a Ghost export nor ninjs")


def import_prepare(
    *, upload: UploadedFile, fmt: str, section: Section | None, publish_mode: str, user
) -> ImportRun:
    """Keep the upload and run the dry run; the file's problems raise ImportFileError and
    leave nothing behind."""
    uploads_expire()
    stored = upload_store(upload)
    run = ImportRun(
        user=user,
        file_name=(upload.name or "upload")[:255],
        format=fmt,
        section=section,
        publish_mode=publish_mode,
        stored_name=stored,
    )
    try:
        if not fmt:
            run.format = format_detect(upload_folder() / stored)
        if run.format not in FORMATS:
            raise ImportFileError(run.file_name, f"unknown format {run.format!r}")
        report = _dry_run(run)
    except ImportFileError:
        (upload_folder() / stored).unlink(missing_ok=True)
        raise
    except Exception as exc:  # a parser tripped on something no check foresaw: still no 500
        (upload_folder() / stored).unlink(missing_ok=True)
        logger.exception("dry run of %s failed", run.file_name)
        raise ImportFileError(run.file_name, f"cannot be read ({type(exc).__name__})") from None
    run.planned = {
        "created": report.created,
        "updated": report.updated,
        "skipped": report.skipped,
        "failed": report.failed,
    }
    run.total = report.total
    run.errors = report.errors
    run.warnings = report.warnings
    run.save()
    return run


def _open(run: ImportRun) -> OpenedSource:
    try:
        opened = open_source(run.format, str(upload_path(run)))
    except ImportFileError as exc:
        raise ImportFileError(run.file_name, exc.reason) from None
    if opened.result.damage:  # only `masthead import --salvage` takes what is left of one
        opened.close()
        raise ImportFileError(run.file_name, opened.result.damage)
    return opened


def _load(run: ImportRun, opened: OpenedSource, **options) -> ImportReport:
    try:
        report = load_records(
            opened.records,
            publish_mode=run.publish_mode,
            create_authors=run.format in SITE_EXPORTS,
            section=run.section,
            **options,
        )
    finally:
        opened.close()
    report.add_parse_errors(opened.result)
    return report


def _dry_run(run: ImportRun) -> ImportReport:
    """The real import in a transaction that is rolled back, so the counts are what confirm
    will do. Photos are not fetched: nothing may reach the disk or the network."""
    opened = _open(run)
    result: list[ImportReport] = []
    try:
        with transaction.atomic():
            result.append(_load(run, opened, download_photos=False))
            raise _RollBack
    except _RollBack:
        pass
    if result[0].total == 0:
        raise ImportFileError(run.file_name, "the file holds no stories")
    return result[0]


def import_claim(run_pk: int) -> bool:
    """Mark a checked run as running; False when it was already run, running or cancelled,
    so a second confirm (a double click, two editors) never imports twice."""
    return bool(
        ImportRun.objects.filter(pk=run_pk, status=ImportRun.Status.CHECKED).update(
            status=ImportRun.Status.RUNNING, done=0
        )
    )


def import_in_background(run_pk: int) -> bool:
    """Claim the run and import it in a thread, for the report page to follow; a task
    queue, once there is one, calls ``import_run(pk, claimed=True)`` the same way."""
    if not import_claim(run_pk):
        return False
    threading.Thread(target=_run_and_close, args=(run_pk,), name=f"import-{run_pk}").start()
    return True


def _run_and_close(run_pk: int) -> None:
    try:
        import_run(run_pk, claimed=True)
    except Exception:
        logger.exception("import %s failed", run_pk)
    finally:
        connections.close_all()  # this thread's own connections


def import_run(run_pk: int, *, claimed: bool = False) -> ImportRun:
    """Import a checked run's file for real, saving the progress as it goes, then delete it."""
    if not claimed and not import_claim(run_pk):
        return ImportRun.objects.get(pk=run_pk)
    run = ImportRun.objects.get(pk=run_pk)
    if run.status != ImportRun.Status.RUNNING:
        return run

    done = 0

    def progress(record: StoryRecord, outcome: Outcome) -> None:
        nonlocal done
        done += 1
        if done % PROGRESS_EVERY == 0:
            ImportRun.objects.filter(pk=run_pk).update(done=done)

    try:
        report = _load(run, _open(run), progress=progress)
    except Exception as exc:  # the report must say so rather than stay "running"
        report = ImportReport(errors=[str(exc) or type(exc).__name__])
        run.status = ImportRun.Status.FAILED
    else:
        run.status = ImportRun.Status.DONE
    for name in ("created", "updated", "skipped", "failed", "errors", "warnings"):
        setattr(run, name, getattr(report, name))
    run.done = report.total
    run.finished_at = timezone.now()
    run.save()
    upload_delete(run)
    return run


def uploads_expire(now: datetime | None = None) -> int:
    """Cancel dry runs nobody confirmed within a day, so their files do not pile up."""
    cutoff = (now or timezone.now()) - UPLOAD_KEPT_FOR
    stale = ImportRun.objects.filter(status=ImportRun.Status.CHECKED, created_at__lt=cutoff)
    runs = list(stale)
    for run in runs:
        import_cancel(run)
    return len(runs)


def import_cancel(run: ImportRun) -> None:
    """Drop a checked run and its file; a run already confirmed carries on."""
    if run.status != ImportRun.Status.CHECKED:
        return
    run.status = ImportRun.Status.CANCELLED
    run.finished_at = timezone.now()
    run.save(update_fields=["status", "finished_at"])
    upload_delete(run)
