"""The wire desk's pages in the newsroom admin: upload, dry run, confirm or cancel, report."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django import forms
from django.conf import settings
from django.contrib import admin
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from masthead.ingest import desk
from masthead.ingest.formats import FORMATS
from masthead.ingest.models import ImportRun, WireSource
from masthead.ingest.records import ImportFileError
from masthead.newsroom.models import Section

PERMISSION = "ingest.run_import"


class ImportForm(forms.Form):
    file = forms.FileField(label="Export file")
    format = forms.ChoiceField(
        choices=[("", "Recognise it from the file"), *((name, name) for name in sorted(FORMATS))],
        required=False,
    )
    section = forms.ModelChoiceField(
        Section.objects.order_by("position", "name"),
        required=False,
        empty_label="The section each story names (else News)",
    )
    publish_mode = forms.ChoiceField(
        label="Stories that are live at the source",
        choices=WireSource.PublishMode.choices,
        initial=WireSource.PublishMode.REVIEW,
        widget=forms.RadioSelect,
    )


def _page(request: HttpRequest, template: str, context: dict, status: int = 200) -> HttpResponse:
    return render(request, template, admin.site.each_context(request) | context, status=status)


def editor_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Anonymous readers go to the login page; newsroom staff without the Editor role get a
    page that says which role they need."""

    @wraps(view)
    def check(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.is_authenticated or not request.user.is_staff:
            return redirect_to_login(request.get_full_path(), reverse("admin:login"))
        if not request.user.has_perm(PERMISSION):
            return _page(
                request, "ingest/desk_refused.html", {"title": "You need the Editor role"}, 403
            )
        return view(request, *args, **kwargs)

    return check


@editor_required
def import_start(request: HttpRequest) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            run = desk.import_prepare(
                upload=form.cleaned_data["file"],
                fmt=form.cleaned_data["format"],
                section=form.cleaned_data["section"],
                publish_mode=form.cleaned_data["publish_mode"],
                user=request.user,
            )
        except ImportFileError as exc:
            form.add_error("file", f"Cannot import {exc}. Nothing was imported.")
        else:
            return redirect("wire_desk:import_report", pk=run.pk)
    limit_mb = settings.IMPORT_UPLOAD_MAX_BYTES // 2**20
    recent = ImportRun.objects.select_related("user", "section")[:10]
    return _page(
        request,
        "ingest/desk_start.html",
        {"title": "Wire desk: import a file", "form": form, "limit_mb": limit_mb, "recent": recent},
        400 if form.errors else 200,
    )


@editor_required
def import_report(request: HttpRequest, pk: int) -> HttpResponse:
    run = get_object_or_404(ImportRun.objects.select_related("user", "section"), pk=pk)
    return _page(
        request, "ingest/desk_report.html", {"title": f"Import of {run.file_name}", "run": run}
    )


@require_POST
@editor_required
def import_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    run = get_object_or_404(ImportRun, pk=pk)
    if settings.IMPORT_IN_BACKGROUND:
        desk.import_in_background(run.pk)
    else:
        desk.import_run(run.pk)
    return redirect("wire_desk:import_report", pk=run.pk)


@require_POST
@editor_required
def import_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    run = get_object_or_404(ImportRun, pk=pk)
    desk.import_cancel(run)
    return redirect("wire_desk:import_report", pk=run.pk)
