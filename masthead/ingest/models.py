"""What the importers remember: which foreign item became which story, and the wire sources
polled on a schedule. (Old addresses of imported stories are redirects: masthead.redirects.)"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone

from masthead.ingest.formats import FORMATS


class ImportedItem(models.Model):
    """One foreign item and the story it became; ``(source, source_id)`` is the import key.

    Running the same import again finds the item here: an unchanged ``content_hash`` means
    nothing to do, a different one means the story is updated in place.
    """

    source = models.CharField(
        max_length=200, help_text="Where the item came from, e.g. wxr:example.org."
    )
    source_id = models.CharField("ID at the source", max_length=500)
    article = models.ForeignKey(
        "newsroom.Article", on_delete=models.CASCADE, related_name="imported_items"
    )
    wire_source = models.ForeignKey(
        "WireSource", null=True, blank=True, on_delete=models.SET_NULL, related_name="items"
    )
    content_hash = models.CharField(max_length=64, help_text="Changes when the item changes.")
    original_url = models.URLField("original URL", max_length=500, blank=True)
    # Photos that could not be downloaded, kept as references with caption and credit apart.
    photo_references = models.JSONField(default=list, blank=True)
    # Comment ID at the source -> Comment pk, so a second run updates instead of duplicating.
    comment_ids = models.JSONField(default=dict, blank=True)
    first_imported_at = models.DateTimeField(default=timezone.now, editable=False)
    last_imported_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-last_imported_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["source", "source_id"], name="one_item_per_source_id")
        ]
        verbose_name = "imported item"

    def __str__(self) -> str:
        return f"{self.source} {self.source_id}"


def validate_location(value: str) -> None:
    scheme = urlsplit(value).scheme.lower()
    if scheme in {"http", "https"}:
        return
    if scheme or not value.startswith("/"):
        raise ValidationError("Give an http(s) address or an absolute path on the server.")
    folder = Path(settings.MASTHEAD_IMPORT_DIR).resolve()
    try:
        inside = ".." not in Path(value).parts and Path(value).resolve().is_relative_to(folder)
    except (OSError, RuntimeError):
        inside = False
    if not inside:
        raise ValidationError(f"A file for a wire source must be inside {folder}.")


class WireSource(models.Model):
    """An agency or partner feed the wire desk pulls in on a schedule (``masthead ingest``)."""

    class PublishMode(models.TextChoices):
        PUBLISH = "publish", "Publish straight away"
        REVIEW = "review", "Send to the review queue"

    name = models.CharField(max_length=120, unique=True)
    format = models.CharField(max_length=12, choices=[(name, name) for name in sorted(FORMATS)])
    location = models.CharField(
        "URL or path",
        max_length=500,
        validators=[validate_location],
        help_text="The feed's http(s) address, or the absolute path of a file on the server.",
    )
    poll_minutes = models.PositiveIntegerField(
        "poll every (minutes)", default=15, validators=[MinValueValidator(1)]
    )
    section = models.ForeignKey(
        "newsroom.Section",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Stories go to this section. Empty: the section the item names, else News.",
    )
    credit_line = models.CharField(
        max_length=300,
        blank=True,
        help_text="Printed with every story, such as “Distributed by Lakeshore News Service.”",
    )
    language = models.CharField(
        max_length=16,
        blank=True,
        choices=settings.LANGUAGES,
        help_text="The language of its stories when an item does not say. Empty: the paper's "
        "default language.",
    )
    publish_mode = models.CharField(
        max_length=8, choices=PublishMode.choices, default=PublishMode.REVIEW
    )
    embargo_minutes = models.PositiveIntegerField(
        "hold for (minutes)",
        default=0,
        help_text="Hold new stories this long after they arrive. An embargo time in the item "
        "itself is always honoured.",
    )
    rights_days = models.PositiveIntegerField(
        "usage rights (days)",
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text="Stories disappear from the site this many days after publication. "
        "Empty: the rights do not expire.",
    )
    active = models.BooleanField(default=True)
    last_polled_at = models.DateTimeField("last polled", null=True, blank=True, editable=False)
    last_error = models.TextField(blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = "wire source"

    def __str__(self) -> str:
        return self.name

    @property
    def label(self) -> str:
        """The import key's source part: stable when the source is renamed."""
        return f"wire:{self.pk}"

    @property
    def is_url(self) -> bool:
        return urlsplit(self.location).scheme.lower() in {"http", "https"}

    def next_poll_at(self) -> datetime | None:
        if self.last_polled_at is None:
            return None
        return self.last_polled_at + timedelta(minutes=self.poll_minutes)

    def is_due(self, now: datetime | None = None) -> bool:
        due = self.next_poll_at()
        return self.active and (due is None or due <= (now or timezone.now()))


class ImportRun(models.Model):
    """One file imported from the wire desk: checked (a dry run), then confirmed and run.

    The row is the import's report for the desk: who, when, which file and format, the dry
    run's and the real run's counts, and every warning. While it runs, ``done`` counts the
    stories so far, for the report page to show.
    """

    class Status(models.TextChoices):
        CHECKED = "checked", "Checked, waiting for confirmation"
        RUNNING = "running", "Running"
        DONE = "done", "Imported"
        FAILED = "failed", "Failed"
        CANCELLED = "cancelled", "Cancelled"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    finished_at = models.DateTimeField(null=True, blank=True)
    file_name = models.CharField(max_length=255)
    format = models.CharField(max_length=12, choices=[(name, name) for name in sorted(FORMATS)])
    section = models.ForeignKey(
        "newsroom.Section", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    publish_mode = models.CharField(max_length=8, choices=WireSource.PublishMode.choices)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.CHECKED)
    # The upload's random name in the private uploads folder; emptied once it is deleted.
    stored_name = models.CharField(max_length=80, blank=True, editable=False)
    total = models.PositiveIntegerField(null=True, blank=True)
    done = models.PositiveIntegerField(default=0)
    planned = models.JSONField(default=dict, blank=True, help_text="The dry run's counts.")
    created = models.PositiveIntegerField(default=0)
    updated = models.PositiveIntegerField(default=0)
    skipped = models.PositiveIntegerField(default=0)
    failed = models.PositiveIntegerField(default=0)
    errors = models.JSONField(default=list, blank=True)
    warnings = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "import report"
        permissions = [("run_import", "Can import files from the wire desk")]

    def __str__(self) -> str:
        return f"{self.file_name} ({self.format}, {self.get_status_display().lower()})"
