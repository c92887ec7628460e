from django.contrib import admin

from .article_admin import ArticleAdmin
from .models import Article, Author, Publication, Section, Tag


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


admin.site.register(Article, ArticleAdmin)
