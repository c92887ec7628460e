from __future__ import annotations

from django import template

from ..dashboard import stories_in_review

register = template.Library()


@register.simple_tag(takes_context=True)
def review_count(context) -> int:
    """How many stories wait in this account's review queue (one indexed COUNT, for the
    newsroom header: a contributor's submission shows in it on the next page)."""
    request = context.get("request")
    if request is None or not request.user.is_authenticated:
        return 0
    return stories_in_review(request.user).count()


@register.simple_tag(takes_context=True)
def desk_dashboard(context):
    from ..dashboard import dashboard_for

    return dashboard_for(context["request"].user)
