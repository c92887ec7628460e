from django.contrib import admin

from .models import Comment


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ["author_name", "article", "status", "created_at"]
    list_filter = ["status", "created_at"]
    search_fields = ["author_name", "body", "article__headline"]
    list_select_related = ["article"]
    autocomplete_fields = ["article"]
    raw_id_fields = ["parent"]
    date_hierarchy = "created_at"
