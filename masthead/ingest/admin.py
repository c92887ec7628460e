from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import Truncator

from .models import ImportedItem, ImportRun, WireSource
from .sources import wire_source_poll


@admin.register(WireSource)
class WireSourceAdmin(admin.ModelAdmin):
    list_display = [
        "name", "format", "location", "poll_minutes", "publish_mode", "section", "active",
        "last_polled_at", "problem",
    ]  # fmt: skip
    list_filter = ["active", "format", "publish_mode"]
    search_fields = ["name", "location", "credit_line"]
    autocomplete_fields = ["section"]
    readonly_fields = ["last_polled_at", "last_error"]
    actions = ["poll_now"]
    fieldsets = [
        (None, {"fields": ["name", "format", "location", "active", "poll_minutes"]}),
        ("Stories", {"fields": ["section", "language", "credit_line", "publish_mode"]}),
        ("Embargo and usage rights", {"fields": ["embargo_minutes", "rights_days"]}),
        ("Last poll", {"fields": ["last_polled_at", "last_error"]}),
    ]

    @admin.display(description="Last error")
    def problem(self, source: WireSource) -> str:
        return Truncator(source.last_error).chars(80) or "—"

    @admin.action(description="Poll the selected sources now")
    def poll_now(self, request: HttpRequest, queryset: QuerySet[WireSource]) -> None:
        for source in queryset:
            report = wire_source_poll(source=source)
            level = messages.ERROR if source.last_error else messages.SUCCESS
            self.message_user(
                request, f"{source.name}: {source.last_error or report.summary()}", level
            )


@admin.register(ImportedItem)
class ImportedItemAdmin(admin.ModelAdmin):
    list_display = ["source", "source_id", "article", "wire_source", "last_imported_at"]
    list_filter = ["source", "wire_source"]
    search_fields = ["source_id", "original_url", "article__headline"]
    list_select_related = ["article", "wire_source"]
    readonly_fields = [
        "source", "source_id", "article", "wire_source", "content_hash", "original_url",
        "photo_references", "comment_ids", "first_imported_at", "last_imported_at",
    ]  # fmt: skip

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # items are made by imports only


@admin.register(ImportRun)
class ImportRunAdmin(admin.ModelAdmin):
    """The wire desk's kept reports; imports are started on the wire desk's own page."""

    list_display = [
        "file_name", "format", "status", "user", "created_at", "created", "updated", "skipped",
        "failed", "report",
    ]  # fmt: skip
    list_filter = ["status", "format"]
    search_fields = ["file_name"]
    list_select_related = ["user", "section"]
    readonly_fields = [
        "user", "created_at", "finished_at", "file_name", "format", "section", "publish_mode",
        "status", "total", "done", "planned", "created", "updated", "skipped", "failed",
        "errors", "warnings",
    ]  # fmt: skip

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # imports start at the wire desk

    @admin.display(description="Report")
    def report(self, run: ImportRun) -> str:
        url = reverse("wire_desk:import_report", args=[run.pk])
        return format_html('<a href="{}">Open the report</a>', url)

    def has_change_permission(self, request: HttpRequest, obj: ImportRun | None = None) -> bool:
        return False
