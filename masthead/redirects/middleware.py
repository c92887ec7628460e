from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.urls import Resolver404, resolve

from masthead.newsroom.models import Article

from .models import Redirect


def gone(request: HttpRequest) -> HttpResponse:
    """410 Gone: the page existed and was removed on purpose."""
    return render(request, "410.html", status=410)


class RedirectFallbackMiddleware:
    """Old addresses never break: a page that would answer 404 is looked up among redirects
    (301 to its new address, or 410 Gone), and an unpublished story answers 410 Gone.

    Only 404s pay for the look-up, so live pages cost nothing.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.status_code != 404 or request.method not in ("GET", "HEAD"):
            return response
        return self.answer(request) or response

    def answer(self, request: HttpRequest) -> HttpResponse | None:
        path = request.path_info  # the site's own path, whatever prefix it is served under
        # The same address with or without its closing slash, the exact one first.
        twin = path[:-1] if path.endswith("/") else path + "/"
        found = {
            redirect.old_path: redirect
            for redirect in Redirect.objects.select_related("article__section").filter(
                old_path__in=[path, twin]
            )
        }
        redirect = found.get(path) or found.get(twin)
        if redirect is not None:
            destination = redirect.destination()
            if destination is None:
                return gone(request)
            query = request.META.get("QUERY_STRING", "")
            if query and "?" not in destination:
                destination = f"{destination}?{query}"
            return HttpResponsePermanentRedirect(destination)
        return self._unpublished_story(request)

    def _unpublished_story(self, request: HttpRequest) -> HttpResponse | None:
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return None
        if match.view_name != "newsroom:article":
            return None
        slug = match.kwargs.get("slug")
        if Article.objects.filter(
            slug=slug, status=Article.Status.UNPUBLISHED, published_at__isnull=False
        ).exists():
            return gone(request)
        return None
