from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils import translation

from masthead.newsroom.models import Publication

from .codes import default_language, publication_languages


def language_from_path(path: str) -> str:
    """The page's language: the address's first segment when it names one of the paper's other
    languages, else the default. Never the browser's Accept-Language or a cookie: one address
    is one page in one language, which every cache can keep."""
    first = path.lstrip("/").split("/", 1)[0]
    if first and first in publication_languages()[1:]:
        return first
    return default_language()


class ReaderLanguageMiddleware:
    """Activate the language the address names, for the templates, the catalogues, dates and
    the URL resolver (whose language prefix follows the active language)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        # The publication is read here once for the whole request (the time zone middleware
        # and every story URL use the same).
        with Publication.held_for_request():
            language = language_from_path(request.path_info)
            request.LANGUAGE_CODE = language
            with translation.override(language):
                response = self.get_response(request)
                # The language the page was made in: a comment form's answer is in its story's.
                response.headers.setdefault("Content-Language", translation.get_language())
        return response
