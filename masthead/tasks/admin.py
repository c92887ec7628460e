"""The admin's view of background work: each periodic job's state, last run, last error and
next run, with a "run now" action. One-off task results are listed by django-tasks-db's own
read-only admin (Django Tasks DB → Task results)."""

from __future__ import annotations

from django.contrib import admin, messages
from django.http import HttpRequest
from django.utils.html import format_html

from .models import PeriodicJob
from .scheduler import job_run_now


@admin.register(PeriodicJob)
class PeriodicJobAdmin(admin.ModelAdmin):
    list_display = (
        "name",
        "state",
        "interval",
        "last_run_at",
        "last_status",
        "error_summary",
        "next_run_at",
        "attempts",
        "enabled",
    )
    list_filter = ("last_status", "enabled")
    search_fields = ("name", "last_error")
    actions = ["run_now"]
    fields = (
        "name",
        "description",
        "enabled",
        "interval",
        "state",
        "next_run_at",
        "last_run_at",
        "last_finished_at",
        "last_success_at",
        "last_status",
        "last_result",
        "error_details",
        "attempts",
        "claimed_by",
        "claimed_at",
    )
    readonly_fields = tuple(name for name in fields if name != "enabled")

    @admin.display(description="state")
    def state(self, job: PeriodicJob) -> str:
        return job.state

    @admin.display(description="last error")
    def error_summary(self, job: PeriodicJob) -> str:
        first = job.last_error.splitlines()[0] if job.last_error else ""
        return first[:160] or "—"

    @admin.display(description="last error")
    def error_details(self, job: PeriodicJob) -> str:
        if not job.last_error:
            return "—"
        return format_html("<pre class='job-error'>{}</pre>", job.last_error)

    @admin.action(description="Run now")
    def run_now(self, request: HttpRequest, queryset) -> None:
        count = job_run_now(list(queryset.values_list("pk", flat=True)))
        self.message_user(
            request,
            f"{count} job(s) will run on the worker's next pass (within a few seconds when "
            "`masthead worker` is running).",
            messages.SUCCESS,
        )

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # jobs come from the code's registry (masthead/tasks/schedule.py)

    def has_delete_permission(self, request: HttpRequest, obj: PeriodicJob | None = None) -> bool:
        return False
