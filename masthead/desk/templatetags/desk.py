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
    """The dashboard, narrowed to ?language=es when the paper publishes in several."""
    from masthead.languages.codes import language_name, publication_languages

    from ..dashboard import dashboard_for

    request = context["request"]
    languages = publication_languages()
    chosen = request.GET.get("language", "")
    if chosen not in languages:
        chosen = ""
    board = dashboard_for(request.user, chosen)
    board.language = chosen
    board.languages = (
        [(code, language_name(code)) for code in languages] if len(languages) > 1 else []
    )
    board.list_filter = f"&language={chosen}" if chosen else ""
    return board
