from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from .models import Publication


class PublicationTimeZoneMiddleware:
    """Show every date in the publication's own time zone, whatever the server's is."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        timezone.activate(Publication.current().zone)
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()
