from django.contrib import admin

from masthead.languages.forms import TranslatedNamesForm

from .article_admin import ArticleAdmin
from .models import Article, Author, Publication, Section, Tag


@admin.register(Publication)
class PublicationAdmin(admin.ModelAdmin):
    list_display = ["name", "tagline", "time_zone", "language", "other_languages"]

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


class SectionForm(TranslatedNamesForm):
    class Meta:
        model = Section
        exclude = ["translations"]


class TagForm(TranslatedNamesForm):
    class Meta:
        model = Tag
        exclude = ["translations"]


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    form = SectionForm
    list_display = ["name", "slug", "position"]
    list_editable = ["position"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    form = TagForm
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


admin.site.register(Article, ArticleAdmin)
