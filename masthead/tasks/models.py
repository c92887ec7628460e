from __future__ import annotations

from datetime import datetime

from django.db import models
from django.utils import timezone


class PeriodicJob(models.Model):
    """The state of one registered periodic job (masthead/tasks/schedule.py): when it ran, how
    it went, and when it runs next. ``masthead worker`` keeps these rows; the admin shows them.

    ``claimed_by`` holds the worker running it now: a worker claims a due job by setting it
    (a row lock on PostgreSQL, a conditional UPDATE on SQLite), so no two run it at once.
    """

    class Status(models.TextChoices):
        NEVER = "never", "Not run yet"
        RUNNING = "running", "Running"
        SUCCEEDED = "succeeded", "Succeeded"
        FAILED = "failed", "Failed"

    name = models.CharField(max_length=80, unique=True)
    description = models.CharField(max_length=300, blank=True, editable=False)
    interval = models.DurationField(editable=False)
    enabled = models.BooleanField(
        default=True, help_text="Untick to stop the worker running this job until ticked again."
    )
    next_run_at = models.DateTimeField("next run", default=timezone.now, db_index=True)
    last_run_at = models.DateTimeField("last run started", null=True, blank=True, editable=False)
    last_finished_at = models.DateTimeField(
        "last run finished", null=True, blank=True, editable=False
    )
    last_status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.NEVER, editable=False
    )
    last_success_at = models.DateTimeField(
        "last success started", null=True, blank=True, editable=False
    )
    last_result = models.TextField(blank=True, editable=False)
    last_error = models.TextField(blank=True, editable=False)
    # Failures in a row: the retry waits grow with it; a success sets it back to 0.
    attempts = models.PositiveIntegerField("failures in a row", default=0, editable=False)
    claimed_by = models.CharField(max_length=64, blank=True, editable=False)
    claimed_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["name"]
        verbose_name = "periodic job"

    def __str__(self) -> str:
        return self.name

    @property
    def state(self) -> str:
        """One word for the admin's list: running, failing, waiting, off or not run."""
        if not self.enabled:
            return "off"
        if self.claimed_by:
            return "running"
        if self.last_status == self.Status.FAILED:
            return "failing"
        if self.last_status == self.Status.NEVER:
            return "not run yet"
        return "waiting"

    def is_due(self, now: datetime | None = None) -> bool:
        return self.enabled and not self.claimed_by and self.next_run_at <= (now or timezone.now())
