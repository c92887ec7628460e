from __future__ import annotations

from django.http import HttpRequest

from .models import Publication
from .navigation import navigation_sections


def publication(request: HttpRequest) -> dict:
    return {
        "publication": Publication.current(),
        "navigation_sections": navigation_sections,  # called lazily, only by templates that show it
    }
