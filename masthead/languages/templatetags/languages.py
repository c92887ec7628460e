from __future__ import annotations

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from masthead.distribution.structured_data import absolute_url
from masthead.languages.alternates import hreflang_pairs
from masthead.languages.codes import current_language

register = template.Library()


@register.simple_tag(takes_context=True)
def page_language(context) -> str:
    """The page's language for <html lang>: the story's on a story page, else the address's."""
    article = context.get("article")
    return getattr(article, "language", None) or current_language()


@register.simple_tag(takes_context=True)
def hreflang_links(context) -> SafeString:
    """<link rel="alternate" hreflang> for each version of the page, itself included, and
    x-default; nothing for a page in one language."""
    request = context.get("request")
    pairs = hreflang_pairs(
        context.get("alternates") or [], lambda path: absolute_url(request, path)
    )
    return format_html_join("\n  ", '<link rel="alternate" hreflang="{}" href="{}">', pairs)


@register.simple_tag(takes_context=True)
def language_switcher(context) -> SafeString:
    """Links to the page in its other languages, each named in its own language. Only on
    pages that have a translation; a plain link, so nothing ever redirects by the browser's
    language."""
    alternates = context.get("alternates") or []
    if len(alternates) < 2:
        return mark_safe("")
    items = format_html_join(
        "",
        "<li>{}</li>",
        (
            (
                format_html('<span aria-current="true" lang="{}">{}</span>', a.language, a.name)
                if a.is_current
                else format_html(
                    '<a href="{}" hreflang="{}" lang="{}">{}</a>',
                    a.path,
                    a.language,
                    a.language,
                    a.name,
                ),
            )
            for a in alternates
        ),
    )
    return format_html(
        '<nav class="language-switcher wrap" aria-label="{}"><ul>{}</ul></nav>',
        gettext("Read in another language"),
        items,
    )
