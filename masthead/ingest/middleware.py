"""Old addresses keep working: a 404 at an address the old site used becomes a 301 to the
story's new URL. Only 404s are looked at, so Masthead's own pages always win and ordinary
requests cost no query."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect

from masthead.ingest.models import LegacyURL
from masthead.newsroom.models import Article


class LegacyURLMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.status_code != 404 or request.method not in {"GET", "HEAD"}:
            return response
        target = legacy_target(request)
        return HttpResponsePermanentRedirect(target) if target else response


def legacy_target(request: HttpRequest) -> str | None:
    """The new URL for the old address of ``request``, if a live story had it."""
    path = request.path
    query = request.META.get("QUERY_STRING", "")
    other = path[:-1] if path.endswith("/") else f"{path}/"
    candidates = [path, other]
    if query:
        candidates.insert(0, f"{path}?{query}")
    legacy = (
        LegacyURL.objects.filter(path__in=candidates)
        .filter(article__in=Article.objects.live())
        .select_related("article__section")
        .first()
    )
    if legacy is None:
        return None
    target = legacy.article.get_absolute_url()
    return None if target == path else target
