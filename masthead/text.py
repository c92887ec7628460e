"""Story text: Markdown rendering, HTML sanitizing, word counts and reading time.

Every piece of HTML that reaches a reader, whether written in Markdown here or imported from
another platform, goes through :func:`sanitize_html` before it is stored and again before it is
shown. Nothing else in Masthead marks HTML safe.
"""

from __future__ import annotations

import math
import re
from html import escape, unescape

import lxml.html
import nh3
from lxml import etree
from markdown_it import MarkdownIt

# Reading speed used for "N min read". 230 words a minute is a common figure for adults
# reading news on a screen; the reference page's ~640 words show as "3 min read".
WORDS_PER_MINUTE = 230
# Silent reading speeds differ by language: Spanish takes more, longer words to say the same
# (Brysbaert's 2019 meta-analysis: English 238, Spanish 218 words a minute); each is scaled to
# the 230 above, so English stays as it was.
WORDS_PER_MINUTE_BY_LANGUAGE = {"en": 230, "es": 210}

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "dd", "del", "dl", "dt",
    "em", "figcaption", "figure", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd",
    "li", "mark", "ol", "p", "pre", "q", "s", "small", "strong", "sub", "sup", "table", "tbody",
    "td", "tfoot", "th", "thead", "time", "tr", "u", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "img": {"src", "alt", "title", "width", "height", "loading"},
    "blockquote": {"cite"},
    "q": {"cite"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "time": {"datetime"},
    "ol": {"start"},
}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto", "tel"}
# Embedded media are stored as link cards (masthead/embeds.py); only their classes pass.
EMBED_PROVIDERS = (
    "youtube", "vimeo", "twitter", "instagram", "facebook", "tiktok", "soundcloud", "spotify",
    "documentcloud", "map", "other",
)  # fmt: skip
ALLOWED_CLASSES = {"figure": {"embed", *(f"embed--{name}" for name in EMBED_PROVIDERS)}}

# The typographer makes straight quotes curly (“ ” ‘ ’) and "--" a dash, as print does.
_markdown = MarkdownIt("commonmark", {"html": True, "linkify": False, "typographer": True})
_markdown.enable("table").enable("strikethrough").enable(["replacements", "smartquotes"])

_TAG_RE = re.compile(r"<[^>]*>")
# After decoding: anything that would open an element, comment or declaration, even unclosed.
_DECODED_TAG_RE = re.compile(r"<(?=[a-zA-Z/!?])[^>]*(?:>|$)")
# Characters XML 1.0 forbids: a feed holding one is not well-formed. (Bidirectional marks are
# kept: mixed Arabic, Hebrew and Latin headlines need them, and they are not markup.)
_NOT_XML_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_WORD_RE = re.compile(r"\w+(?:[’'\-]\w+)*", re.UNICODE)


def sanitize_html(html: str) -> str:
    """Return ``html`` with everything but plain article markup removed.

    Scripts, styles, iframes, event-handler attributes and ``javascript:`` URLs are dropped;
    links get ``rel="noopener noreferrer"``.
    """
    if not html:
        return ""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        allowed_classes=ALLOWED_CLASSES,
        link_rel="noopener noreferrer",
        strip_comments=True,
        clean_content_tags={"script", "style"},
    )


def parse_fragment(fragment: str) -> lxml.html.HtmlElement | None:
    """An HTML fragment inside one ``<div>``, to be changed in place; None if unreadable."""
    try:
        return lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return None


def serialize_fragment(root: lxml.html.HtmlElement) -> str:
    """What :func:`parse_fragment` read, as HTML again, without the ``<div>`` around it."""
    return escape(root.text or "", quote=False) + "".join(
        lxml.html.tostring(child, encoding="unicode") for child in root
    )


_REMOTE_IMG_RE = re.compile(r"<img\b[^>]*\bsrc=\"(?:https?:)?//", re.IGNORECASE)


def without_remote_images(html: str, allowed: tuple[str, ...] = ()) -> str:
    """``html`` without images from other sites (except those under ``allowed`` origins).
    A figure keeps its caption (the words are the story's), and goes when nothing is left."""
    if not html or not _REMOTE_IMG_RE.search(html) or (root := parse_fragment(html)) is None:
        return html
    for image in list(root.iter("img")):
        src = image.get("src", "")
        if not src.startswith(("http://", "https://", "//")) or src.startswith(allowed):
            continue
        figure = next((a for a in image.iterancestors("figure")), None)
        image.drop_tree()
        if figure is not None and not figure.text_content().strip():
            figure.drop_tree()
    return serialize_fragment(root)


def markdown_html(source: str) -> str:
    """Markdown as HTML, NOT sanitized: for a step before sanitizing (embeds), never a page."""
    return _markdown.render(source or "")


def render_markdown(source: str) -> str:
    """Render a Markdown story body to sanitized HTML."""
    return sanitize_html(markdown_html(source))


def plain_text(html: str) -> str:
    """The visible text of an HTML fragment, tags removed and entities decoded.

    Text that decodes into markup (``&lt;img onerror=…&gt;``, double-encoded too) loses it
    as well: the result never holds a tag, but it is text, so escape it wherever it goes."""
    text = _TAG_RE.sub(" ", html or "")
    for _ in range(3):  # "&amp;lt;" is two decodings from "<"
        decoded = unescape(text)
        if decoded == text:
            break
        text = _DECODED_TAG_RE.sub(" ", decoded)
    text = _DECODED_TAG_RE.sub(" ", text)
    text = xml_safe(text)
    return re.sub(r"\s+", " ", text).strip()


def xml_safe(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot carry, so feeds stay well-formed."""
    return _NOT_XML_RE.sub("", text or "")


def count_words(text: str) -> int:
    return len(_WORD_RE.findall(text or ""))


def reading_minutes(word_count: int, language: str = "en") -> int:
    """Whole minutes to read ``word_count`` words in ``language``; never less than one."""
    speed = WORDS_PER_MINUTE_BY_LANGUAGE.get(language.split("-")[0], WORDS_PER_MINUTE)
    return max(1, math.ceil(word_count / speed))


def summarize(text: str, limit: int = 160) -> str:
    """Cut plain text at a word boundary to at most ``limit`` characters, for descriptions."""
    text = re.sub(r"\s+", " ", text or "").strip()
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:-–— ")
    return cut + "…"
