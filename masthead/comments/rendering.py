"""A comment on the page: plain text with paragraphs, line breaks and links, nothing else.

Readers write plain text. Every character they type is escaped; the only markup in the output is
what this module writes itself: ``<p>``, ``<br>`` and ``<a href="http(s)://..." rel="nofollow
ugc">`` for addresses that start with http://, https:// or www. No other scheme is ever linked, so
``javascript:`` and ``data:`` stay text.
"""

from __future__ import annotations

import re

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

# An address runs to the next space or character that cannot sit in a URL attribute.
_URL_RE = re.compile(r"\b(?:https?://|www\.)[^\s<>\"'`\x00-\x1f\x7f]+", re.IGNORECASE)
_PARAGRAPH_BREAK_RE = re.compile(r"\n[ \t]*\n\s*")
_TRAILING = ".,;:!?*"
_CLOSERS = {")": "(", "]": "[", "}": "{"}


def _trim(url: str) -> tuple[str, str]:
    """Split sentence punctuation and unbalanced closing brackets off the end of an address."""
    tail = ""
    while url:
        last = url[-1]
        if last in _TRAILING or (last in _CLOSERS and url.count(_CLOSERS[last]) < url.count(last)):
            url, tail = url[:-1], last + tail
        else:
            break
    return url, tail


def _link(match: re.Match) -> str:
    url, tail = _trim(match.group(0))
    bare = re.sub(r"^(?:https?://|www\.)", "", url, flags=re.IGNORECASE)
    if not bare.strip("./"):
        return escape(match.group(0))
    href = url if url.lower().startswith(("http://", "https://")) else "https://" + url
    return format_html('<a href="{}" rel="nofollow ugc">{}</a>{}', href, url, tail)


def _line(line: str) -> str:
    """One line of text, escaped, with its addresses linked."""
    out, position = [], 0
    for match in _URL_RE.finditer(line):
        out.append(escape(line[position : match.start()]))
        out.append(_link(match))
        position = match.end()
    out.append(escape(line[position:]))
    return "".join(out)


def render_comment(body: str) -> SafeString:
    """The HTML of a comment body: escaped text in paragraphs, with line breaks and links."""
    text = (body or "").replace("\r\n", "\n").replace("\r", "\n").strip()
    if not text:
        return mark_safe("")
    paragraphs = []
    for paragraph in _PARAGRAPH_BREAK_RE.split(text):
        lines = [_line(line) for line in paragraph.split("\n")]
        paragraphs.append("<p>" + "<br>".join(lines) + "</p>")
    # Safe: every piece of reader text above went through escape().
    return mark_safe("\n".join(paragraphs))
