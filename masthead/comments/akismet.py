"""The optional Akismet check (https://akismet.com/developers/comment-check/), used only when
MASTHEAD_AKISMET_KEY is set.

Akismet is asked after the comment is stored, with a short timeout. When it cannot be reached or
answers something unexpected the comment simply waits for a moderator: a reader's comment is never
lost, nor published unchecked, because of an outside service.
"""

from __future__ import annotations

import http.client
import logging
import urllib.error
import urllib.request
from urllib.parse import urlencode

from django.conf import settings

from .models import Comment

logger = logging.getLogger(__name__)

SPAM = "spam"
HAM = "ham"
UNKNOWN = "unknown"


def enabled() -> bool:
    return bool(settings.MASTHEAD_AKISMET_KEY)


def comment_check(
    comment: Comment, *, site_url: str, permalink: str, referrer: str = "", language: str = ""
) -> str:
    """Ask Akismet about one comment: :data:`SPAM`, :data:`HAM` or :data:`UNKNOWN`."""
    key = settings.MASTHEAD_AKISMET_KEY
    url = settings.MASTHEAD_AKISMET_URL.format(key=key)
    fields = {
        "api_key": key,
        "blog": site_url,
        "user_ip": comment.ip_address or "",
        "user_agent": comment.user_agent,
        "referrer": referrer,
        "permalink": permalink,
        "comment_type": "comment" if comment.parent_id is None else "reply",
        "comment_author": comment.author_name,
        "comment_author_email": comment.email,
        "comment_content": comment.body,
        "comment_date_gmt": comment.created_at.isoformat(timespec="seconds"),
        "blog_lang": language,
        "blog_charset": "UTF-8",
    }
    request = urllib.request.Request(  # noqa: S310 -- the URL comes from settings, not readers
        url,
        data=urlencode(fields).encode(),
        headers={
            "Content-Type": "application/x-www-form-urlencoded; charset=utf-8",
            "User-Agent": "Masthead/0.1 | comments",
        },
    )
    try:
        with urllib.request.urlopen(  # noqa: S310
            request, timeout=settings.MASTHEAD_AKISMET_TIMEOUT
        ) as response:
            answer = response.read(64).decode("utf-8", "replace").strip()
            debug = response.headers.get("X-akismet-debug-help", "")
    except (urllib.error.URLError, http.client.HTTPException, OSError, ValueError) as exc:
        logger.warning("Akismet could not be reached (%s); comment %s waits", exc, comment.pk)
        return UNKNOWN
    if answer == "true":
        return SPAM
    if answer == "false":
        return HAM
    logger.warning("Akismet answered %r %s; comment %s waits", answer, debug, comment.pk)
    return UNKNOWN
