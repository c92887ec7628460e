"""The newsroom's periodic jobs. Each calls the same service function as the command or admin
action that does the job by hand, so the worker adds no second way of doing anything.

Every job is idempotent: run twice in a row, the second run finds nothing left to do.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from .schedule import JobContext, periodic_job

# At most this much per run, so one run stays short and the next picks up the rest.
PHOTOS_PER_RUN = 100
STORIES_PER_RETRY_RUN = 50


@periodic_job("wire-sources", every=timedelta(minutes=1))
def wire_sources_poll() -> str:
    """Poll the wire sources whose own interval ("poll every") has passed."""
    from masthead.ingest.sources import wire_sources_poll_due

    polled = wire_sources_poll_due()
    if not polled:
        return "no source was due"
    # A broken feed is that source's problem, kept on the source for the wire desk; the job
    # itself goes on polling the others.
    return "; ".join(
        f"{source.name}: {source.last_error or report.summary()}" for source, report in polled
    )


@periodic_job("photo-renditions", every=timedelta(minutes=2))
def photo_renditions_sweep() -> str:
    """Make the copies of photos that have none yet (an upload whose task failed), were cut
    around a focal point since moved or by an older scheme; delete copies retired a day ago."""
    from masthead.photos.models import (
        photo_renditions_fill,
        photos_without_renditions,
        retired_copies_delete,
    )

    waiting = photos_without_renditions().order_by("pk").values_list("pk", flat=True)
    made = sum(photo_renditions_fill(pk) for pk in waiting[:PHOTOS_PER_RUN])
    left = waiting.count()
    deleted = retired_copies_delete()
    return (
        f"made renditions of {made} photo(s)"
        + (f", {left} left for the next run" if left else "")
        + (f"; deleted {deleted} retired copies" if deleted else "")
    )


@periodic_job("missing-photos", every=timedelta(hours=1))
def missing_photos_fetch() -> str:
    """Try again to download imported stories' photos that could not be fetched at import."""
    from masthead.ingest.loader import _retryable, has_missing_photos, missing_photos_retry
    from masthead.ingest.media import PhotoDownloader
    from masthead.ingest.models import ImportedItem
    from masthead.newsroom.models import Article

    # Photos recorded as references (the hero, captioned figures), and images of the body
    # still pointing at another site: a downloaded one points at /media/.
    items = ImportedItem.objects.exclude(photo_references=[]).order_by("pk")
    ids = {item.article_id for item in items if _retryable(item)}
    ids.update(
        Article.objects.filter(
            imported_items__isnull=False, body__regex=r"<img[^>]+src=\"https?://"
        ).values_list("pk", flat=True)
    )
    article_ids = sorted(ids)
    downloader = PhotoDownloader()
    fetched = missing = 0
    for article in Article.objects.filter(pk__in=article_ids[:STORIES_PER_RETRY_RUN]):
        if has_missing_photos(article):
            got, still = missing_photos_retry(article, downloader)
            fetched, missing = fetched + got, missing + still
    return (
        f"{len(article_ids)} story(ies) with missing photos: "
        f"{fetched} fetched, {missing} still missing"
    )


@periodic_job("spam-purge", every=timedelta(days=1))
def spam_purge() -> str:
    """Delete comments marked as spam more than MASTHEAD_SPAM_KEEP_DAYS days ago."""
    from masthead.comments.services import comments_purge_spam

    days = settings.MASTHEAD_SPAM_KEEP_DAYS
    deleted = comments_purge_spam(older_than=timedelta(days=days))
    return f"deleted {deleted} spam comment(s) older than {days} days"


@periodic_job("search-index", every=timedelta(minutes=10), takes_context=True)
def search_index_upkeep(context: JobContext) -> str:
    """Index stories missing from the search index or changed since the last run."""
    from masthead.search.services import search_index_refresh

    # A minute's overlap: a story saved while the last run was reading is read again.
    since = context.previous_success - timedelta(minutes=1) if context.previous_success else None
    return f"indexed {search_index_refresh(changed_since=since)} story(ies)"


@periodic_job(
    "backup",
    every=timedelta(hours=settings.MASTHEAD_BACKUP_EVERY_HOURS),
    timeout=timedelta(hours=2),
)
def backup_scheduled() -> str:
    """A dated archive in MASTHEAD_BACKUP_DIR; the oldest beyond MASTHEAD_BACKUP_KEEP go."""
    from masthead.ops.backup import run_scheduled_backup

    written = run_scheduled_backup()
    return f"wrote {written.name} ({written.stat().st_size // 1024} KB)"


@periodic_job("task-results-prune", every=timedelta(days=1))
def task_results_prune() -> str:
    """Delete finished one-off task results older than MASTHEAD_TASK_RESULTS_KEEP_DAYS days."""
    from django_tasks_db.models import DBTaskResult

    cutoff = timezone.now() - timedelta(days=settings.MASTHEAD_TASK_RESULTS_KEEP_DAYS)
    deleted, _ = DBTaskResult.objects.finished().filter(finished_at__lt=cutoff).delete()
    return f"deleted {deleted} finished task result(s)"
