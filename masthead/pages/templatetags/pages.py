from __future__ import annotations

from django import template

from ..models import Page

register = template.Library()


@register.simple_tag
def footer_pages() -> list[Page]:
    """The pages the footer links to (the footer is kept per process: see newsroom/chrome.py)."""
    return list(Page.objects.in_footer().only("title", "slug"))
