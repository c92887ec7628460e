from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from .models import Publication


class PublicationTimeZoneMiddleware:
    """Show every date in the publication's own time zone, whatever the server's is, and read
    the publication once per request."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        with Publication.held_for_request() as publication:
            timezone.activate(publication.zone)
            try:
                return self.get_response(request)
            finally:
                timezone.deactivate()
