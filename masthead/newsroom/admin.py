from django.contrib import admin
from django.utils.html import format_html

from .models import Article, Author, Byline, Publication, Section, Tag


@admin.register(Publication)
class PublicationAdmin(admin.ModelAdmin):
    list_display = ["name", "tagline", "time_zone", "language"]

    def has_add_permission(self, request) -> bool:
        # One site, one publication.
        return not Publication.objects.exists() and super().has_add_permission(request)


@admin.register(Author)
class AuthorAdmin(admin.ModelAdmin):
    list_display = ["name", "title", "kind", "user"]
    list_filter = ["kind"]
    search_fields = ["name", "title", "bio"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["photo", "user"]


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "position"]
    list_editable = ["position"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


class BylineInline(admin.TabularInline):
    model = Byline
    extra = 1
    autocomplete_fields = ["author"]
    fields = ["author", "position"]


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["headline", "section", "status", "published_at", "reading_minutes", "hero"]
    list_filter = ["status", "section", "published_at", "tags"]
    search_fields = ["headline", "dek", "body", "byline_text", "bylines__author__name"]
    date_hierarchy = "published_at"
    list_select_related = ["section", "hero_photo"]
    prepopulated_fields = {"slug": ["headline"]}
    autocomplete_fields = ["hero_photo", "writer", "tags", "section"]
    readonly_fields = ["word_count", "reading_minutes", "created_at", "modified_at"]
    inlines = [BylineInline]
    fieldsets = [
        (None, {"fields": ["headline", "slug", "dek", "section", "body", "body_format"]}),
        ("Photo", {"fields": ["hero_photo"]}),
        ("Credits", {"fields": ["writer", "byline_text", "tags"]}),
        (
            "Syndication",
            {"fields": ["source_name", "source_credit", "original_url"], "classes": ["collapse"]},
        ),
        (
            "Publishing",
            {"fields": ["status", "published_at", "updated_at", "comments_enabled", "noindex"]},
        ),
        (
            "Figures",
            {"fields": ["word_count", "reading_minutes", "created_at", "modified_at"]},
        ),
    ]

    @admin.display(description="Photo")
    def hero(self, article: Article) -> str:
        photo = article.hero_photo
        if not photo or not photo.image:
            return "—"
        return format_html(
            '<img src="{}" alt="" width="64" height="{}" loading="lazy">',
            photo.small_url,
            round(64 * photo.height / photo.width) if photo.width else 40,
        )

    def save_model(self, request, obj: Article, form, change: bool) -> None:
        if not change and obj.created_by_id is None:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)
