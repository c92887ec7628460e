from __future__ import annotations

import json
from datetime import datetime

from django import template
from django.conf import settings
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from masthead import text

from ..dates import dateline_date, long_date, short_date, updated_date

register = template.Library()


@register.simple_tag(takes_context=True)
def site_chrome(context, part: str) -> SafeString:
    """The site's header or footer (``part``), as newsroom/chrome.py keeps them."""
    from masthead.newsroom.chrome import site_chrome as kept_chrome

    return kept_chrome(context, part)


@register.simple_tag
def news_time(
    moment: datetime | None,
    css_class: str = "",
    style: str = "short",
    since: datetime | None = None,
) -> SafeString:
    """A ``<time>`` element: machine-readable datetime, the full date and time on hover, and in
    the text a short date (``style="short"``, for cards and lists), the dateline's date and
    time (``"full"``: "Dec. 1, 2026, 10:40 a.m.") or the "Updated" time (``"updated"``: the
    time alone on the day of ``since``)."""
    if moment is None:
        return mark_safe("")
    if style == "full":
        label = dateline_date(moment)
    elif style == "updated":
        label = updated_date(moment, since)
    else:
        label = short_date(moment)
    return format_html(
        '<time datetime="{}" title="{}"{}>{}</time>',
        moment.isoformat(timespec="seconds"),
        long_date(moment),
        format_html(' class="{}"', css_class) if css_class else "",
        label,
    )


@register.filter
def staff_name(user) -> str:
    """Who made a change: the staff member's name, or "Import" for changes no person made
    (imports, wire polls and scheduled jobs save revisions with no user)."""
    if user is None:
        return "Import or system"
    return user.get_full_name() or user.get_username()


@register.filter
def sanitized(html: str) -> SafeString:
    """Sanitize stored HTML once more on the way out; the only way HTML reaches a page."""
    return mark_safe(text.sanitize_html(html))


@register.filter
def story_body(html: str) -> SafeString:
    """A story's body for readers: sanitized, and without the pictures the page's CSP would
    block (an imported photo that could not be downloaded yet): a reader never sees a broken
    image. The stored body keeps them, so retrying the download brings them back."""
    from masthead.embeds import with_players

    shown = text.without_remote_images(text.sanitize_html(html), allowed_image_origins())
    return mark_safe(with_players(shown))


def allowed_image_origins() -> tuple[str, ...]:
    """Where the page may load images from, as the Content-Security-Policy says."""
    sources = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"].get("img-src", [])
    return tuple(source for source in sources if source.startswith(("http://", "https://")))


_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def json_ld(data: dict) -> SafeString:
    """A JSON-LD script block; <, > and & are escaped so no value can close the element."""
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))


@register.simple_tag
def byline_links(article) -> SafeString:
    """ "Ana Ruiz, Tom Bell and Lakeshore News Service": authors linked, free text as is."""
    parts = [
        format_html('<a href="{}">{}</a>', author.get_absolute_url(), author.name)
        for author in article.byline_authors
    ]
    if article.byline_text:
        parts.append(format_html("{}", article.byline_text))
    if len(parts) <= 1:
        return format_html_join("", "{}", ((part,) for part in parts))
    head = format_html_join(", ", "{}", ((part,) for part in parts[:-1]))
    return mark_safe(names_and_last(conditional_escape(head), conditional_escape(parts[-1])))


@register.filter
def byline_names(article) -> str:
    """The printed byline without "By", in the page's language: "Ana Ruiz and Tom Bell" (or
    "Ana Ruiz y Tom Bell"); the free-text byline as it was written."""
    names = [author.name for author in article.byline_authors]
    if article.byline_text:
        names.append(article.byline_text)
    if len(names) <= 1:
        return "".join(names)
    return names_and_last(", ".join(names[:-1]), names[-1])


def names_and_last(names: str, last: str) -> str:
    """ "Ana Ruiz, Tom Bell" and "Lakeshore News Service" joined as a list's last item is."""
    # Translators: the end of a byline's list of names, "Ana Ruiz, Tom Bell and Lakeshore News".
    return gettext("%(names)s and %(last)s") % {"names": names, "last": last}
