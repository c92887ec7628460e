"""The site's header and footer, kept in each process: every page shows them, and they change
only when the publication or its sections do (the page cache's ``site`` version) or, for the
footer's copyright line, with the year.

Kept in memory only: rendering one again costs a couple of milliseconds, and each use checks
the shared ``site`` version first, so a renamed section shows in every process at once.
"""

from __future__ import annotations

import threading

from django.template import Context
from django.template.loader import get_template
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.safestring import SafeString, mark_safe

from masthead.pagecache import versions

TEMPLATES = {"header": "includes/site_header.html", "footer": "includes/site_footer.html"}
# One entry per section and page kind, at most; anything beyond this is not kept.
MOST_ENTRIES = 512

_kept: dict[tuple, tuple[str, SafeString]] = {}
_lock = threading.Lock()


def forget_chrome() -> None:
    with _lock:
        _kept.clear()


def _at_home(request) -> bool:
    """On the front page of the page's language ("/" or "/es/")."""
    return request.path == reverse("newsroom:home")


def site_chrome(context: Context, part: str) -> SafeString:
    request = context.get("request")
    template = get_template(TEMPLATES[part])
    if request is None:
        return mark_safe(template.render(context.flatten()))
    if part == "header":
        # What the navigation marks as the current page.
        vary: tuple = (context.get("current_section_slug") or "", _at_home(request))
    else:
        vary = (timezone.localdate().year,)
    key = (part, translation.get_language(), *vary)
    token = versions.current_for(request, ["site"])["site"]
    with _lock:
        kept = _kept.get(key)
    if kept is not None and kept[0] == token:
        return kept[1]
    html = mark_safe(template.render({**context.flatten(), "at_home": _at_home(request)}, request))
    with _lock:
        if len(_kept) < MOST_ENTRIES or key in _kept:
            _kept[key] = (token, html)
    return html
