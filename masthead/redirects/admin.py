from __future__ import annotations

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse

from .forms import RedirectForm, RedirectImportForm, import_redirects
from .models import Redirect


@admin.register(Redirect)
class RedirectAdmin(admin.ModelAdmin):
    form = RedirectForm
    list_display = ["old_path", "leads_to", "is_automatic", "created_at"]
    list_filter = ["is_automatic", "created_at"]
    search_fields = ["old_path", "new_path", "article__headline"]
    autocomplete_fields = ["article"]
    list_select_related = ["article__section"]
    change_list_template = "admin/redirects/redirect/change_list.html"

    @admin.display(description="Leads to")
    def leads_to(self, redirect: Redirect) -> str:
        destination = redirect.destination()
        return destination if destination else "410 Gone"

    def get_urls(self):
        return [
            path(
                "import/",
                self.admin_site.admin_view(self.import_view),
                name="redirects_redirect_import",
            ),
            *super().get_urls(),
        ]

    def import_view(self, request: HttpRequest) -> HttpResponse:
        """Import redirects from a CSV file: every row checked as the add form would check it,
        and nothing saved unless every row is right."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        row_errors = []
        if request.method == "POST":
            form = RedirectImportForm(request.POST, request.FILES)
            if form.is_valid():
                try:
                    count, row_errors = import_redirects(form.cleaned_data["file"])
                except ValidationError as exc:
                    form.add_error("file", exc)
                else:
                    if not row_errors:
                        self.message_user(
                            request,
                            f"Imported {count} redirect{'s' if count != 1 else ''}.",
                            messages.SUCCESS,
                        )
                        return HttpResponseRedirect(reverse("admin:redirects_redirect_changelist"))
        else:
            form = RedirectImportForm()
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": "Import redirects",
            "form": form,
            "row_errors": row_errors,
        }
        return TemplateResponse(request, "admin/redirects/redirect/import.html", context)
