"""The story desk in the admin: editing with revisions and an edit lock, workflow buttons that
go through :mod:`.workflow`, corrections, revision history, diffs and restores.

A story's state and publication time are never form fields: they change only through the
workflow services, which check the acting user's permissions. A contributor sees and edits
only their own stories, and only while they are drafts.
"""

from __future__ import annotations

import copy

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.admin.widgets import AdminSplitDateTime
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, models
from django.db.models import Q
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseForbidden,
    HttpResponseNotAllowed,
    HttpResponseRedirect,
    JsonResponse,
)
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone

from masthead import text
from masthead.languages.codes import language_name, publication_languages
from masthead.languages.services import TranslationRefused, translate_story, translations_of
from masthead.photos.admin import thumbnail_tag

from . import corrections, preview, revisions, workflow
from .dates import ends_sentence, long_date
from .models import Article, Byline, Correction, Revision
from .times import NewsroomDateTimeField
from .workflow import Move, WorkflowError

MAX_PREVIEW_CHARS = 500_000


def _form_field(db_field: models.Field, **kwargs) -> forms.Field | None:
    # Only for the base class; the admin builds the real fields with its own callback.
    if isinstance(db_field, models.URLField):
        kwargs.setdefault("assume_scheme", "https")
    return db_field.formfield(**kwargs)


class ArticleAdminForm(forms.ModelForm):
    """The story form. ``base_version`` is the version the editor started from: a save over a
    newer one is refused, so two editors never silently overwrite each other."""

    base_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    publish_at = NewsroomDateTimeField(
        label="Go live at",
        required=False,
        widget=AdminSplitDateTime,
        help_text="For “Schedule”: when the story goes live, in the publication’s time zone.",
    )

    class Meta:
        model = Article
        # Never editable here, whatever a POST contains: only the workflow changes them.
        exclude = ["status", "published_at", "version"]  # noqa: DJ006 (a guard, see above)
        formfield_callback = _form_field

    user = None  # the editor at the keyboard, set by ArticleAdmin.get_form

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if self.instance._state.adding and self.user is not None:
            self.instance.created_by = self.user
        if not self.is_bound:
            self.initial["base_version"] = self.instance.version
        if "language" in self.fields:
            # The paper's languages only; a story keeps its own even if the paper dropped it.
            codes = [*publication_languages()]
            if self.instance.language and self.instance.language not in codes:
                codes.append(self.instance.language)
            self.fields["language"].choices = [(code, language_name(code)) for code in codes]
            # Left out of a POST (an older form, a script): the story keeps its language.
            self.fields["language"].required = False
        if "body" in self.fields:
            self.fields["body"].widget.attrs.update(
                {
                    "data-preview-url": reverse("admin:newsroom_article_markdown_preview"),
                    "class": "vLargeTextField story-body-input",
                }
            )

    @property
    def requested_move(self) -> Move | None:
        value = self.data.get("_workflow")
        try:
            return Move(value) if value else None
        except ValueError:
            return None

    def clean(self) -> dict:
        cleaned = super().clean()
        if self.data.get("_workflow") and self.requested_move is None:
            raise ValidationError("That workflow button is unknown; reload the page.")
        self._check_not_overwriting()
        self._check_updated_time(cleaned)
        self._check_one_per_language(cleaned)
        move = self.requested_move
        if move is not None and not self.errors:
            probe = copy.copy(self.instance)
            for name in ("body", "hero_photo"):
                if name in cleaned:
                    setattr(probe, name, cleaned[name])
            try:
                workflow.check_move(
                    user=self.user, article=probe, move=move, publish_at=cleaned.get("publish_at")
                )
            except WorkflowError as exc:
                raise ValidationError(f"Not saved. {exc}") from None
        return cleaned

    def clean_language(self) -> str:
        return self.cleaned_data.get("language") or self.instance.language

    def _check_one_per_language(self, cleaned: dict) -> None:
        language = cleaned.get("language")
        if not language or self.instance.pk is None:
            return
        taken = (
            Article.objects.filter(
                translation_group=self.instance.translation_group, language=language
            )
            .exclude(pk=self.instance.pk)
            .first()
        )
        if taken is not None:
            self.add_error(
                "language",
                f"This story’s {language_name(language)} translation is “{taken.headline}”; "
                "a story has one version per language.",
            )

    def _check_not_overwriting(self) -> None:
        if self.instance.pk is None:
            return
        rows = Article.objects.filter(pk=self.instance.pk)
        if connection.in_atomic_block:
            # Held until the save commits, so no other save slips in between.
            rows = rows.select_for_update()
        current = rows.values_list("version", flat=True).first()
        started_from = self.cleaned_data.get("base_version")
        if current is None or started_from == current:
            return
        latest = self.instance.revisions.select_related("created_by").first()
        who = (
            (latest.created_by.get_full_name() or latest.created_by.get_username())
            if (latest and latest.created_by)
            else "Someone"
        )
        when = long_date(latest.created_at if latest else self.instance.modified_at)
        # Saving again from this page is now a deliberate choice to replace their version.
        self.data = self.data.copy()
        self.data[self.add_prefix("base_version")] = str(current)
        raise ValidationError(
            f"{who} saved this story ({when}) after you opened it. Your changes were NOT "
            "saved; they are still in the form below. Compare with their version under "
            "Revisions, then press Save again to replace their version with yours.",
            code="edit_conflict",
        )

    def _check_updated_time(self, cleaned: dict) -> None:
        if (
            "updated_at" in self.fields
            and cleaned.get("updated_at") is None
            and self.instance.pk is not None
            and self.instance.corrections.exists()
        ):
            self.add_error(
                "updated_at", "This story has corrections or updates, so it keeps an updated time."
            )


class ArticleChildInline:
    """Inlines are editable exactly when the story is."""

    def has_add_permission(self, request, obj=None) -> bool:
        return super().has_add_permission(request, obj) and _may_edit(request, obj)

    def has_change_permission(self, request, obj=None) -> bool:
        return super().has_change_permission(request, obj) and _may_edit(request, obj)

    def has_delete_permission(self, request, obj=None) -> bool:
        return super().has_delete_permission(request, obj) and _may_edit(request, obj)


def _may_edit(request: HttpRequest, article: Article | None) -> bool:
    if article is None:
        return request.user.has_perm("newsroom.add_article")
    return workflow.can_edit(request.user, article)


class BylineInline(ArticleChildInline, admin.TabularInline):
    model = Byline
    extra = 1
    autocomplete_fields = ["author"]
    fields = ["author", "position"]


class StateFilter(admin.SimpleListFilter):
    """The story list by what readers see now: a scheduled story whose time has come is live,
    not "Scheduled", and one whose rights ended is neither."""

    title = "state"
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [
            ("draft", "Draft"),
            ("review", "In review"),
            ("scheduled", "Scheduled, not live yet"),
            ("live", "Live now"),
            ("expired", "Rights ended"),
            ("unpublished", "Unpublished"),
        ]

    def queryset(self, request, queryset):
        now = timezone.now()
        value = self.value()
        if value == "scheduled":
            return queryset.filter(status__in=Article.LIVE_STATUSES, published_at__gt=now)
        if value == "live":
            return queryset.live(at=now)
        if value == "expired":
            return queryset.filter(status__in=Article.LIVE_STATUSES, expires_at__lte=now)
        if value in (Article.Status.DRAFT, Article.Status.IN_REVIEW, Article.Status.UNPUBLISHED):
            return queryset.filter(status=value)
        return queryset


class CorrectionInline(admin.StackedInline):
    """Corrections and updates are appended, with their time, and never edited or removed."""

    model = Correction
    extra = 0
    fields = ["kind", "text", "created_at", "created_by"]
    readonly_fields = ["created_at", "created_by"]
    can_delete = False
    verbose_name = "correction or update"
    verbose_name_plural = "Corrections and updates"

    def has_view_permission(self, request, obj=None) -> bool:
        return obj is not None and obj.has_been_public

    def get_queryset(self, request):
        # Django's inline filters its rows by has_view_permission(request) asked with no
        # story, which is False here: the story's corrections never showed. Whether the
        # inline shows at all is asked with the story (above).
        return Correction.objects.select_related("created_by").order_by("created_at", "pk")

    def has_add_permission(self, request, obj=None) -> bool:
        return (
            obj is not None
            and obj.has_been_public
            and request.user.has_perm("newsroom.correct_article")
        )

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


def _makes_preview_links(user, article: Article | None) -> bool:
    """Only an Editor makes a preview link for a story readers cannot see."""
    return article is None or preview.may_make_links(user, article)


class ArticleAdmin(admin.ModelAdmin):
    form = ArticleAdminForm
    list_display = [
        "headline", "section", "state", "published_at", "rights", "reading_minutes", "hero",
    ]  # fmt: skip
    list_filter = [StateFilter, "section", "language", "published_at", "tags"]
    search_fields = ["headline", "dek", "body", "byline_text", "bylines__author__name"]
    date_hierarchy = "published_at"
    # Times as the newsroom writes them ("3:40 pm"), in every date-time field of the form.
    formfield_overrides = {
        models.DateTimeField: {"form_class": NewsroomDateTimeField, "widget": AdminSplitDateTime}
    }
    list_select_related = ["section", "hero_photo"]
    prepopulated_fields = {"slug": ["headline"]}
    autocomplete_fields = ["hero_photo", "writer", "tags", "section", "related_picks"]
    readonly_fields = ["state", "publication_time", "word_count",
                       "reading_minutes", "created_at", "modified_at"]  # fmt: skip
    inlines = [BylineInline, CorrectionInline]
    actions = [
        "submit_selected", "publish_selected", "unpublish_selected", "return_selected",
        "revoke_preview_links", "retry_missing_photos", "place_as_lead", "add_to_top_stories",
    ]  # fmt: skip
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "headline",
                    "slug",
                    "dek",
                    "section",
                    "language",
                    "label",
                    "body",
                    "body_format",
                    "base_version",
                ]
            },
        ),
        ("Photo", {"fields": ["hero_photo"]}),
        ("Credits", {"fields": ["writer", "byline_text", "tags"]}),
        ("Related stories", {"fields": ["related_picks"]}),
        (
            "Syndication",
            {"fields": ["source_name", "source_credit", "original_url"], "classes": ["collapse"]},
        ),
        (
            "Publishing",
            {
                "fields": [
                    "state",
                    "publication_time",
                    "publish_at",
                    "updated_at",
                    "expires_at",
                    "comments_enabled",
                    "noindex",
                ]
            },
        ),
        ("Figures", {"fields": ["word_count", "reading_minutes", "created_at", "modified_at"]}),
    ]

    class Media:
        js = ["newsroom/admin/article-editor.js"]
        css = {"all": ["newsroom/admin/article-editor.css"]}

    # --- Who sees and edits what -------------------------------------------------------------

    def get_queryset(self, request: HttpRequest):
        queryset = super().get_queryset(request)
        if workflow.edits_any_story(request.user):
            return queryset
        return queryset.filter(
            Q(created_by=request.user)
            | Q(pk__in=Byline.objects.filter(author__user=request.user).values("article_id"))
        )

    def has_view_permission(self, request, obj=None) -> bool:
        allowed = super().has_view_permission(request, obj)
        return allowed and (obj is None or workflow.can_view(request.user, obj))

    def has_change_permission(self, request, obj=None) -> bool:
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or workflow.can_edit(request.user, obj))

    def has_publish_permission(self, request) -> bool:
        return request.user.has_perm("newsroom.publish_article")

    def has_unpublish_permission(self, request) -> bool:
        return request.user.has_perm("newsroom.unpublish_article")

    def has_front_page_permission(self, request) -> bool:
        return request.user.has_perm("frontpage.change_frontpage") and request.user.has_perm(
            "frontpage.add_placedstory"
        )

    def get_fieldsets(self, request, obj=None):
        fieldsets = copy.deepcopy(super().get_fieldsets(request, obj))
        hidden = set()
        if not request.user.has_perm("newsroom.schedule_article"):
            hidden.add("publish_at")
        for _, options in fieldsets:
            options["fields"] = [name for name in options["fields"] if name not in hidden]
        return fieldsets

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not workflow.edits_any_story(request.user):
            fields.append("updated_at")
        return fields

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if isinstance(db_field, models.URLField):
            kwargs.setdefault("assume_scheme", "https")
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        form.user = request.user
        return form

    def view_on_site(self, article: Article) -> str:
        # A story readers can't see yet opens as its preview rather than as a 404.
        if article.is_live:
            return article.get_absolute_url()
        return reverse("admin:newsroom_article_preview_open", args=[article.pk])

    # --- Read-only fields --------------------------------------------------------------------

    @admin.display(description="State", ordering="status")
    def state(self, article: Article) -> str:
        if article.status == Article.Status.SCHEDULED and article.published_at:
            verb = "live since" if article.is_live else "goes live"
            return f"Scheduled, {verb} {long_date(article.published_at)}"
        return article.get_status_display()

    @admin.display(description="Published")
    def publication_time(self, article: Article) -> str:
        if article.published_at is None or not (
            article.has_been_public or article.status == Article.Status.SCHEDULED
        ):
            return "Not yet"
        return long_date(article.published_at)

    @admin.display(description="Rights expire", ordering="expires_at")
    def rights(self, article: Article) -> str:
        if article.expires_at is None:
            return "—"
        moment = long_date(article.expires_at)
        return f"Expired {moment}" if article.rights_expired else moment

    @admin.display(description="Photo")
    def hero(self, article: Article) -> str:
        return thumbnail_tag(article.hero_photo, 64)

    # --- Saving ------------------------------------------------------------------------------

    def save_model(self, request, obj: Article, form, change: bool) -> None:
        if not change and obj.created_by_id is None:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change: bool) -> None:
        if formset.model is not Correction:
            return super().save_formset(request, form, formset, change)
        for note in formset.save(commit=False):
            try:
                corrections.correction_add(
                    article=form.instance, user=request.user, text=note.text, kind=note.kind
                )
            except WorkflowError as exc:
                self.message_user(request, f"Correction not added: {exc}", messages.ERROR)
        return None

    def save_related(self, request, form, formsets, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        article = form.instance
        revisions.revision_create(article=article, user=request.user)
        move = form.requested_move
        if move is not None:
            self._make_move(request, article, move, form.cleaned_data.get("publish_at"))

    def _make_move(self, request, article: Article, move: Move, publish_at=None) -> bool:
        try:
            result = workflow.article_move(
                article=article, user=request.user, move=move, publish_at=publish_at
            )
        except WorkflowError as exc:
            self.message_user(request, f"Not done: {move.label.lower()}. {exc}", messages.ERROR)
            return False
        self.message_user(request, result.message, messages.SUCCESS)
        return True

    def _back_to_story(self, request, article: Article) -> HttpResponse:
        if self.has_view_permission(request, article):
            return HttpResponseRedirect(reverse("admin:newsroom_article_change", args=[article.pk]))
        return HttpResponseRedirect(reverse("admin:newsroom_article_changelist"))

    def response_add(self, request, obj, post_url_continue=None):
        if request.POST.get("_workflow"):
            return self._back_to_story(request, obj)
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        if request.POST.get("_workflow"):
            return self._back_to_story(request, obj)
        return super().response_change(request, obj)

    # --- The change form's extras ------------------------------------------------------------

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        response = self._render_change_form(request, context, add, change, form_url, obj)
        if obj is not None and not _makes_preview_links(request.user, obj):
            # "View on site" of a story that is not live would be a preview link.
            response.context_data.update({"has_absolute_url": False, "absolute_url": None})
        return response

    def _render_change_form(self, request, context, add, change, form_url, obj):
        article = obj or Article(status=Article.Status.DRAFT, created_by=request.user)
        moves = workflow.available_moves(user=request.user, article=article)
        read_only = obj is not None and not self.has_change_permission(request, obj)
        if not request.user.has_perm("newsroom.schedule_article") or read_only:
            moves = [move for move in moves if move != Move.SCHEDULE]
        context.update(
            {
                "workflow_moves": moves,
                "workflow_read_only": read_only,
                "workflow_move_url": (
                    reverse("admin:newsroom_article_move", args=[obj.pk]) if obj else ""
                ),
                "status_changes": (
                    obj.status_changes.select_related("changed_by")[:20] if obj else []
                ),
                "revision_count": obj.revisions.count() if obj else 0,
                **self._preview_links_context(request, obj),
                **self._translations_context(request, obj),
            }
        )
        return super().render_change_form(request, context, add, change, form_url, obj)

    def _preview_links_context(self, request, obj: Article | None) -> dict:
        if obj is None:
            return {"preview_links_shown": False}
        links = preview.working_links(obj)
        return {
            "preview_links_shown": _makes_preview_links(request.user, obj) or bool(links),
            "preview_links": [
                (link, preview.preview_url(link), preview.may_revoke(request.user, link))
                for link in links
            ],
            "preview_links_url": reverse("admin:newsroom_article_preview_links", args=[obj.pk]),
            "preview_links_make": _makes_preview_links(request.user, obj),
            "preview_links_revoke_all": request.user.has_perm("newsroom.publish_article"),
            "preview_hours": preview.max_age().total_seconds() // 3600,
        }

    # --- Bulk actions ------------------------------------------------------------------------

    def _bulk(self, request, queryset, move: Move) -> None:
        done, refused = 0, []
        for article in queryset:
            try:
                workflow.article_move(article=article, user=request.user, move=move)
            except WorkflowError as exc:
                refused.append(f"“{article}”: {exc}")
            else:
                done += 1
        if done:
            self.message_user(
                request, f"{move.label}: done for {done} stor{'y' if done == 1 else 'ies'}."
            )
        for reason in refused:
            self.message_user(request, f"{move.label}: not done for {reason}", messages.ERROR)

    @admin.action(description="Submit selected stories for review", permissions=["change"])
    def submit_selected(self, request, queryset) -> None:
        self._bulk(request, queryset, Move.SUBMIT)

    @admin.action(description="Publish selected stories now", permissions=["publish"])
    def publish_selected(self, request, queryset) -> None:
        self._bulk(request, queryset, Move.PUBLISH)

    @admin.action(description="Unpublish selected stories", permissions=["unpublish"])
    def unpublish_selected(self, request, queryset) -> None:
        self._bulk(request, queryset, Move.UNPUBLISH)

    @admin.action(description="Return selected stories to draft", permissions=["change"])
    def return_selected(self, request, queryset) -> None:
        self._bulk(request, queryset, Move.RETURN_TO_DRAFT)

    @admin.action(
        description="Revoke the preview links of selected stories", permissions=["publish"]
    )
    def revoke_preview_links(self, request, queryset) -> None:
        count = preview.revoke_preview_links(queryset, user=request.user)
        self.message_user(
            request, f"Preview links revoked for {count} stor{'y' if count == 1 else 'ies'}."
        )

    @admin.action(description="Retry missing photos of selected stories", permissions=["publish"])
    def retry_missing_photos(self, request, queryset) -> None:
        # Imported photos whose download failed: a live page shows none of them until then.
        from masthead.ingest.loader import has_missing_photos, missing_photos_retry
        from masthead.ingest.media import PhotoDownloader

        downloader = PhotoDownloader()
        fetched = missing = 0
        for article in queryset[:200]:
            if has_missing_photos(article):
                got, still = missing_photos_retry(article, downloader)
                fetched, missing = fetched + got, missing + still
        level = messages.SUCCESS if not missing else messages.WARNING
        self.message_user(
            request, f"Missing photos: {fetched} fetched, {missing} still missing.", level
        )

    @admin.action(
        description="Make the selected story the front page's lead", permissions=["front_page"]
    )
    def place_as_lead(self, request, queryset) -> None:
        from masthead.frontpage.services import place_as_lead

        stories = list(queryset[:2])
        if len(stories) != 1:
            self.message_user(request, "Choose one story to lead the front page.", messages.ERROR)
            return
        place_as_lead(stories[0])
        self.message_user(
            request, f"“{stories[0]}” now leads the front page{_unless_live(stories[0])}."
        )

    @admin.action(
        description="Add the selected stories to the front page's top stories",
        permissions=["front_page"],
    )
    def add_to_top_stories(self, request, queryset) -> None:
        from masthead.frontpage.services import add_to_top_stories

        added = add_to_top_stories(queryset.order_by("-published_at", "-pk")[:20])
        self.message_user(
            request, f"Added to the top stories: {added} stor{'y' if added == 1 else 'ies'}."
        )

    # --- Extra pages -------------------------------------------------------------------------

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path(
                "markdown-preview/",
                wrap(self.markdown_preview_view),
                name="newsroom_article_markdown_preview",
            ),
            path("<path:object_id>/move/", wrap(self.move_view), name="newsroom_article_move"),
            path(
                "<path:object_id>/preview-links/",
                wrap(self.preview_links_view),
                name="newsroom_article_preview_links",
            ),
            path(
                "<path:object_id>/preview-links/open/",
                wrap(self.preview_open_view),
                name="newsroom_article_preview_open",
            ),
            path(
                "<path:object_id>/translate/",
                wrap(self.translate_view),
                name="newsroom_article_translate",
            ),
            path(
                "<path:object_id>/revisions/",
                wrap(self.revisions_view),
                name="newsroom_article_revisions",
            ),
            path(
                "<path:object_id>/revisions/compare/",
                wrap(self.compare_view),
                name="newsroom_article_compare",
            ),
            path(
                "<path:object_id>/revisions/<int:number>/restore/",
                wrap(self.restore_view),
                name="newsroom_article_restore",
            ),
            *super().get_urls(),
        ]

    def _story_for(self, request, object_id: str, *, edit: bool = False) -> Article:
        article = self.get_object(request, unquote(object_id))
        if article is None:
            raise Http404("No such story.")
        allowed = (
            self.has_change_permission(request, article)
            if edit
            else self.has_view_permission(request, article)
        )
        if not allowed:
            raise PermissionDenied
        return article

    def _page(self, request, template: str, article: Article, **context) -> TemplateResponse:
        context.update(
            {
                **self.admin_site.each_context(request),
                "opts": self.opts,
                "original": article,
                "title": context.get("title", ""),
                "has_change_permission": self.has_change_permission(request, article),
            }
        )
        return TemplateResponse(request, template, context)

    def translate_view(self, request, object_id: str) -> HttpResponse:
        """ "Translate into Spanish": a linked draft in that language, opened for editing."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        article = self._story_for(request, object_id)
        if not self.has_add_permission(request):
            raise PermissionDenied
        language = request.POST.get("language", "")
        try:
            draft = translate_story(article=article, language=language, user=request.user)
        except TranslationRefused as refused:
            self.message_user(request, str(refused), messages.ERROR)
            return self._back_to_story(request, article)
        self.message_user(
            request,
            f"A {language_name(language)} draft of “{article.headline}” was made: translate "
            "its headline, dek and body, then send it through the desk as any story.",
            messages.SUCCESS,
        )
        return HttpResponseRedirect(reverse("admin:newsroom_article_change", args=[draft.pk]))

    def _translations_context(self, request, obj: Article | None) -> dict:
        languages = publication_languages()
        if obj is None or len(languages) < 2:
            return {"translations_shown": False}
        found = translations_of(obj)
        return {
            "translations_shown": True,
            "translations": [(code, language_name(code), found.get(code)) for code in languages],
            "translate_url": reverse("admin:newsroom_article_translate", args=[obj.pk]),
            "may_translate": self.has_add_permission(request),
        }

    def move_view(self, request, object_id: str) -> HttpResponse:
        """A workflow button pressed on a story the user can see but not edit."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        article = self._story_for(request, object_id)
        try:
            move = Move(request.POST.get("_workflow", ""))
        except ValueError:
            self.message_user(request, "That workflow button is unknown.", messages.ERROR)
            return self._back_to_story(request, article)
        self._make_move(request, article, move)
        return self._back_to_story(request, article)

    def preview_links_view(self, request, object_id: str) -> HttpResponse:
        """Make a preview link, revoke one, or revoke all of the story's (POST only)."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        article = self._story_for(request, object_id)
        what = request.POST.get("preview_action", "")
        try:
            if what == "make":
                link = preview.preview_link_make(article, made_by=request.user)
                self.message_user(
                    request,
                    ends_sentence(
                        f"Preview link made; it works until {long_date(link.expires_at)}"
                    ),
                    messages.SUCCESS,
                )
            elif what == "revoke-all":
                preview.revoke_preview_links(Article.objects.filter(pk=article.pk), request.user)
                self.message_user(request, "Every preview link of this story is revoked.")
            elif what.startswith("revoke:"):
                link = self._preview_link(article, what.removeprefix("revoke:"))
                if preview.preview_link_revoke(link, request.user):
                    self.message_user(request, "That preview link is revoked.")
                else:
                    self.message_user(request, "That link was already revoked.", messages.WARNING)
            else:
                self.message_user(request, "That preview button is unknown.", messages.ERROR)
        except PermissionDenied as exc:
            return HttpResponseForbidden(str(exc))
        return self._back_to_story(request, article)

    def _preview_link(self, article: Article, key: str):
        try:
            return article.preview_links.get(key=key)
        except (ValidationError, ValueError, article.preview_links.model.DoesNotExist):
            raise Http404("No such preview link for this story.") from None

    def preview_open_view(self, request, object_id: str) -> HttpResponse:
        """ "View on site" of a story that is not live: the user's own preview link."""
        article = self._story_for(request, object_id)
        if article.is_live:
            return HttpResponseRedirect(article.get_absolute_url())
        link = preview.preview_link_for(article, request.user)  # refuses a Contributor
        return HttpResponseRedirect(preview.preview_url(link))

    def revisions_view(self, request, object_id: str) -> TemplateResponse:
        article = self._story_for(request, object_id)
        history = list(article.revisions.select_related("created_by"))
        return self._page(
            request,
            "admin/newsroom/article/revisions.html",
            article,
            title=f"Revisions of “{article}”",
            revisions=history,
            can_restore=self.has_change_permission(request, article),
        )

    def _revision(self, article: Article, number) -> Revision:
        try:
            return article.revisions.select_related("created_by").get(number=int(number))
        except (TypeError, ValueError, Revision.DoesNotExist):
            raise Http404("No such revision.") from None

    def compare_view(self, request, object_id: str) -> TemplateResponse:
        article = self._story_for(request, object_id)
        old = self._revision(article, request.GET.get("from"))
        new = self._revision(article, request.GET.get("to"))
        if old.number > new.number:
            old, new = new, old
        return self._page(
            request,
            "admin/newsroom/article/compare.html",
            article,
            title=f"Revision {old.number} → revision {new.number}",
            old=old,
            new=new,
            changes=revisions.compare(old.content, new.content),
            can_restore=self.has_change_permission(request, article),
        )

    def restore_view(self, request, object_id: str, number: int) -> HttpResponse:
        article = self._story_for(request, object_id, edit=True)
        revision = self._revision(article, number)
        if request.method == "POST":
            try:
                restored = revisions.revision_restore(revision=revision, user=request.user)
            except WorkflowError as exc:
                self.message_user(request, f"Not restored: {exc}", messages.ERROR)
            else:
                self.message_user(
                    request,
                    f"Revision {revision.number} restored; it is now revision {restored.number}.",
                )
            return self._back_to_story(request, article)
        latest = article.revisions.first()
        return self._page(
            request,
            "admin/newsroom/article/restore.html",
            article,
            title=f"Restore revision {revision.number}?",
            revision=revision,
            latest=latest,
            changes=revisions.compare(latest.content, revision.content) if latest else [],
        )

    def markdown_preview_view(self, request) -> JsonResponse:
        """The body as readers will see it, with its word count, for the editor's preview."""
        if request.method != "POST":
            return JsonResponse({"error": "POST the body to preview it."}, status=405)
        if not (self.has_add_permission(request) or self.has_change_permission(request)):
            raise PermissionDenied
        body = request.POST.get("body", "")
        if len(body) > MAX_PREVIEW_CHARS:
            return JsonResponse({"error": "The body is too long to preview."}, status=400)
        if request.POST.get("body_format") == Article.BodyFormat.HTML:
            html = text.sanitize_html(body)
        else:
            html = text.render_markdown(body)
        words = text.count_words(text.plain_text(html))
        language = request.POST.get("language") or "en"
        minutes = text.reading_minutes(words, language)
        return JsonResponse({"html": html, "words": words, "minutes": minutes})


def _unless_live(article: Article) -> str:
    return "" if article.is_live else " once it is live"
