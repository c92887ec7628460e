"""The moderation queue: the comment list opens on the comments waiting for a moderator, each
with its full text and Approve / Spam / Remove buttons; the same and "ban the senders" work on a
selection. Everything goes through the services, so the story pages change at once."""

from __future__ import annotations

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join

from .models import Ban, Comment
from .rendering import render_comment
from .services import comment_edit, comments_ban_senders, comments_moderate

EXCERPT_CHARS = 1200

# The buttons of one row: which moderation steps make sense from each status.
ROW_ACTIONS = {
    Comment.Status.PENDING: ["approve", "spam", "remove"],
    Comment.Status.APPROVED: ["spam", "remove"],
    Comment.Status.SPAM: ["approve", "remove"],
    Comment.Status.REMOVED: ["approve", "spam"],
}
ACTION_STATUS = {
    "approve": Comment.Status.APPROVED,
    "spam": Comment.Status.SPAM,
    "remove": Comment.Status.REMOVED,
}
ACTION_LABEL = {"approve": "Approve", "spam": "Spam", "remove": "Remove"}
DONE = {"approve": "approved", "spam": "marked as spam", "remove": "removed"}


class StatusFilter(admin.SimpleListFilter):
    """Status, opening on "Waiting for moderation", each choice with its count. A search looks
    through every status unless one is chosen."""

    title = "status"
    parameter_name = "status"
    ALL = "all"

    def __init__(self, request, params, model, model_admin) -> None:
        self.searching = bool(request.GET.get("q"))
        super().__init__(request, params, model, model_admin)

    def lookups(self, request, model_admin):
        counts = dict(
            Comment.objects.order_by()
            .values_list("status")
            .annotate(n=Count("pk"))
            .values_list("status", "n")
        )
        choices = [
            (value, f"{label} ({counts.get(value, 0)})") for value, label in Comment.Status.choices
        ]
        return [*choices, (self.ALL, "All")]

    def value(self):
        return super().value() or (self.ALL if self.searching else Comment.Status.PENDING)

    def queryset(self, request, queryset):
        if self.value() == self.ALL:
            return queryset
        return queryset.filter(status=self.value())

    def choices(self, changelist):
        for lookup, title in self.lookup_choices:
            yield {
                "selected": self.value() == str(lookup),
                "query_string": changelist.get_query_string({self.parameter_name: lookup}),
                "display": title,
            }


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ["comment", "sender", "moderate"]
    list_display_links = None  # "Edit" sits with the moderation buttons
    list_filter = [StatusFilter, "created_at"]
    search_fields = ["author_name", "email", "body", "article__headline", "ip_address"]
    list_select_related = ["article", "article__section"]
    list_per_page = 50
    show_facets = admin.ShowFacets.NEVER  # the status filter shows its own counts
    ordering = ["created_at", "pk"]  # the queue is read oldest first
    actions = ["approve_selected", "spam_selected", "remove_selected", "ban_senders"]
    fields = [
        "article", "parent", "author_name", "email", "body", "status", "held_because",
        "created_at", "ip_address", "user_agent", "moderated_at", "moderated_by",
    ]  # fmt: skip
    readonly_fields = [
        "article", "parent", "email", "held_because", "created_at", "ip_address", "user_agent",
        "moderated_at", "moderated_by",
    ]  # fmt: skip

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # comments come from readers

    @admin.display(description="Comment")
    def comment(self, obj: Comment):
        body = obj.body
        more = ""
        if len(body) > EXCERPT_CHARS:
            more = format_html(
                '<p class="comment-more">… {} more characters</p>', f"{len(body) - EXCERPT_CHARS:,}"
            )
            body = body[:EXCERPT_CHARS]
        context = format_html(
            '<p class="comment-on">On <a href="{}#comment-{}">{}</a>{}</p>',
            obj.article.get_absolute_url(),
            obj.parent_id or obj.pk,
            obj.article.headline,
            format_html(", replying to comment {}", obj.parent_id) if obj.parent_id else "",
        )
        held = (
            format_html('<p class="comment-held">Held: {}</p>', obj.held_because)
            if obj.held_because and obj.status != Comment.Status.APPROVED
            else ""
        )
        return format_html(
            '{}<div class="comment-text">{}</div>{}{}', context, render_comment(body), more, held
        )

    @admin.display(description="From")
    def sender(self, obj: Comment):
        return format_html(
            "<strong>{}</strong><br>{}<br><small>{}<br>{}<br>{}</small>",
            obj.author_name,
            obj.email or "no email",
            obj.ip_address or "no IP address",
            date_format(timezone.localtime(obj.created_at), "DATETIME_FORMAT"),
            obj.get_status_display(),
        )

    @admin.display(description="Moderate")
    def moderate(self, obj: Comment):
        # Buttons of the change-list form (which carries the CSRF token); see changelist_view.
        buttons = format_html_join(
            "",
            '<button type="submit" class="button" name="_moderate" value="{}:{}">{}</button>',
            ((action, obj.pk, ACTION_LABEL[action]) for action in ROW_ACTIONS[obj.status]),
        )
        edit = reverse("admin:comments_comment_change", args=[obj.pk])
        return format_html('{}<a class="comment-edit" href="{}">Edit</a>', buttons, edit)

    def changelist_view(self, request: HttpRequest, extra_context=None) -> HttpResponse:
        if request.method == "POST" and "_moderate" in request.POST:
            return self._moderate_one(request)
        extra_context = {"title": "Moderation queue", **(extra_context or {})}
        return super().changelist_view(request, extra_context)

    def _moderate_one(self, request: HttpRequest) -> HttpResponse:
        if not self.has_change_permission(request):
            raise PermissionDenied
        action, _, pk = request.POST["_moderate"].partition(":")
        comment = Comment.objects.filter(pk=pk).first() if pk.isdigit() else None
        if action not in ACTION_STATUS or comment is None:
            self.message_user(request, "That comment is no longer there.", messages.WARNING)
        else:
            comments_moderate(
                comments=Comment.objects.filter(pk=comment.pk),
                status=ACTION_STATUS[action],
                by=request.user,
            )
            self.message_user(
                request,
                f"The comment by {comment.author_name} is {DONE[action]}.",
                messages.SUCCESS,
            )
        return HttpResponseRedirect(request.get_full_path())

    def _moderate_selected(self, request: HttpRequest, queryset, action: str) -> None:
        count = comments_moderate(comments=queryset, status=ACTION_STATUS[action], by=request.user)
        self.message_user(
            request, f"{count} comment{'s' if count != 1 else ''} {DONE[action]}.", messages.SUCCESS
        )

    @admin.action(description="Approve the selected comments", permissions=["change"])
    def approve_selected(self, request, queryset):
        self._moderate_selected(request, queryset, "approve")

    @admin.action(description="Mark the selected comments as spam", permissions=["change"])
    def spam_selected(self, request, queryset):
        self._moderate_selected(request, queryset, "spam")

    @admin.action(description="Remove the selected comments", permissions=["change"])
    def remove_selected(self, request, queryset):
        self._moderate_selected(request, queryset, "remove")

    @admin.action(
        description="Ban the senders (email and IP address) and mark as spam",
        permissions=["change"],
    )
    def ban_senders(self, request, queryset):
        count = comments_ban_senders(comments=queryset, by=request.user, reason="From the queue")
        self.message_user(
            request,
            f"{count} email and IP address ban{'s' if count != 1 else ''} in force; "
            "the selected comments are marked as spam.",
            messages.SUCCESS,
        )

    def save_model(self, request: HttpRequest, obj: Comment, form, change: bool) -> None:
        # Through the services, so a change shows on the story page at once.
        changed = set(form.changed_data)
        if changed & {"author_name", "body"}:
            comment_edit(comment=obj, name=obj.author_name, body=obj.body)
        if "status" in changed:
            comments_moderate(
                comments=Comment.objects.filter(pk=obj.pk), status=obj.status, by=request.user
            )


@admin.register(Ban)
class BanAdmin(admin.ModelAdmin):
    list_display = ["value", "kind", "reason", "expires_at", "created_at", "created_by"]
    list_filter = ["kind"]
    search_fields = ["value", "reason"]
    readonly_fields = ["created_at", "created_by"]
    fields = ["kind", "value", "reason", "expires_at", "created_at", "created_by"]

    def save_model(self, request: HttpRequest, obj: Ban, form, change: bool) -> None:
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)
