from __future__ import annotations

from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from masthead.languages.alternates import page_alternates
from masthead.pagecache.dependencies import depends

from .forms import SearchForm
from .stories import search_stories


def _alternates(request: HttpRequest):
    """The search page in the paper's other languages, with the reader's words kept."""
    query = request.GET.copy()
    query.pop("language", None)
    suffix = f"?{query.urlencode()}" if query else ""
    return page_alternates(lambda: reverse("search:search") + suffix)


@require_safe
def search(request: HttpRequest) -> HttpResponse:
    """The search page: a GET form, so it works without JavaScript and results can be linked."""
    form = SearchForm(request.GET or None)
    page = results = None
    if form.is_valid() and form.cleaned_data["q"]:
        data = form.cleaned_data
        results = search_stories(
            data["q"], section=data["section"], date_from=data["date_from"],
            date_to=data["date_to"], languages=data.get("language"),
        )  # fmt: skip
        # get_page answers a bad or too-large page number with a real page, never an error.
        page = Paginator(results, settings.MASTHEAD_PAGE_SIZE).get_page(request.GET.get("page"))
    depends(request, "list:search")
    response = render(
        request,
        "search/search.html",
        {"form": form, "page_obj": page, "results": results, "alternates": _alternates(request)},
    )
    response["X-Robots-Tag"] = "noindex"
    return response
