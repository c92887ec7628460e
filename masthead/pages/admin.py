from django.contrib import admin

from .models import Page


@admin.register(Page)
class PageAdmin(admin.ModelAdmin):
    list_display = ["title", "slug", "published", "in_footer", "position", "updated_at"]
    list_editable = ["published", "in_footer", "position"]
    search_fields = ["title", "body"]
    prepopulated_fields = {"slug": ["title"]}
    fields = ["title", "slug", "summary", "body", "published", "in_footer", "position"]
    view_on_site = True
