"""The front page at the desk: one screen for the lead and top stories, the section blocks'
order and the breaking-news banner."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.db import transaction
from django.http import HttpRequest, HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone

from masthead.newsroom.models import Section

from .models import FrontPage, PlacedStory, SectionBlock


class PlacedStoryInline(admin.TabularInline):
    model = PlacedStory
    fields = ["position", "article", "ends_at", "on_the_page"]
    readonly_fields = ["on_the_page"]
    autocomplete_fields = ["article"]
    extra = 2

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("article")

    @admin.display(description="now")
    def on_the_page(self, placed: PlacedStory) -> str:
        if placed.pk is None:
            return ""
        story = placed.article
        if placed.ends_at is not None and placed.ends_at <= timezone.now():
            return "Came down"
        if story.is_live:
            return "On the front page"
        if story.status == story.Status.SCHEDULED:
            return "Shows when it goes live"
        return "Not live: not shown"


class SectionBlockInline(admin.TabularInline):
    model = SectionBlock
    fields = ["position", "section", "shown"]
    extra = 0

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("section")


@admin.register(FrontPage)
class FrontPageAdmin(admin.ModelAdmin):
    inlines = [PlacedStoryInline, SectionBlockInline]
    autocomplete_fields = ["breaking_story"]
    fieldsets = [
        (
            "Breaking news banner",
            {"fields": ["breaking_text", "breaking_story", "breaking_ends_at"]},
        ),
    ]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # one front page, made when first asked for

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def changelist_view(self, request: HttpRequest, extra_context=None):
        page = FrontPage.current()
        return HttpResponseRedirect(reverse("admin:frontpage_frontpage_change", args=[page.pk]))

    def change_view(self, request: HttpRequest, object_id: str, form_url="", extra_context=None):
        page = self.get_object(request, unquote(object_id))  # None for an id that is no id
        if request.method == "GET" and page is not None:
            _list_every_section(page)
        return super().change_view(request, object_id, form_url, extra_context)


def _list_every_section(page: FrontPage) -> None:
    """Give each section a row on the screen, in menu order after those already placed, so the
    desk orders blocks it can see (rows added here change nothing readers see)."""
    with transaction.atomic():
        listed = SectionBlock.objects.filter(front_page=page)
        there = set(listed.values_list("section_id", flat=True))
        last = max(listed.values_list("position", flat=True), default=0)
        missing = Section.objects.exclude(pk__in=there).order_by("position", "name")
        SectionBlock.objects.bulk_create(
            SectionBlock(front_page=page, section=section, position=last + n)
            for n, section in enumerate(missing, start=1)
        )
