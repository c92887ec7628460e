"""Small text and HTML helpers shared by the format parsers.

Everything that produces ``body_html`` ends in :func:`clean_html`, which resolves relative
URLs (an imported story is shown on another site, so ``/wp-content/x.jpg`` must keep pointing
at the old host) and then runs Masthead's one sanitizer.
"""

from __future__ import annotations

import html
import re
import unicodedata
from urllib.parse import urljoin, urlsplit

from masthead.embeds import embed_cards

# Re-exported: the format parsers import the credit helpers from here too.
from masthead.ingest.credits import split_caption_credit as split_caption_credit
from masthead.ingest.credits import split_credit as split_credit
from masthead.text import parse_fragment, sanitize_html, serialize_fragment

_BLOCK_TAGS = (
    "address|article|aside|blockquote|dd|div|dl|dt|figcaption|figure|footer|form|h[1-6]|header"
    "|hr|li|ol|p|pre|section|table|tbody|td|tfoot|th|thead|tr|ul|iframe|video|audio|embed"
    "|object|style|script|noscript|caption|details|summary|nav|main"
)
_STARTS_WITH_BLOCK = re.compile(rf"^\s*</?(?:{_BLOCK_TAGS})\b", re.IGNORECASE)
_ENDS_WITH_BLOCK = re.compile(rf"</?(?:{_BLOCK_TAGS})\b[^>]*>\s*$", re.IGNORECASE)
_PRE_RE = re.compile(r"<pre\b.*?</pre>", re.IGNORECASE | re.DOTALL)


def slugify(text: str, max_length: int = 80) -> str:
    """A URL slug: ASCII where a letter has an ASCII form, other letters kept, lower case."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"[^\w\s-]", "", text.lower())
    text = re.sub(r"[\s_-]+", "-", text).strip("-")
    return text[:max_length].rstrip("-")


def text_to_html(text: str) -> str:
    """Plain text to paragraphs: blank lines separate paragraphs, or single newlines when the
    text has no blank lines at all (wire copy often has one paragraph per line)."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n").strip()
    if not text:
        return ""
    blocks = re.split(r"\n\s*\n", text) if "\n\n" in text else text.split("\n")
    paragraphs = [html.escape(block.strip()).replace("\n", "<br>") for block in blocks]
    return "".join(f"<p>{p}</p>" for p in paragraphs if p)


def autop(body: str) -> str:
    """WordPress stores bodies without ``<p>``; like wpautop, blank lines become paragraphs and
    single newlines inside a paragraph become ``<br>``. Blocks already in HTML are left alone."""
    body = (body or "").replace("\r\n", "\n").replace("\r", "\n")
    if not body.strip():
        return ""
    # Keep <pre> intact: its newlines are content.
    preserved: list[str] = []

    def stash(match: re.Match[str]) -> str:
        preserved.append(match.group(0))
        return f"\x00{len(preserved) - 1}\x00"

    body = _PRE_RE.sub(stash, body)
    # A block-level tag on its own starts a new chunk, like wpautop does.
    body = re.sub(rf"(<(?:{_BLOCK_TAGS})\b[^>]*>)", r"\n\n\1", body, flags=re.IGNORECASE)
    body = re.sub(rf"(</(?:{_BLOCK_TAGS})>)", r"\1\n\n", body, flags=re.IGNORECASE)
    out: list[str] = []
    for chunk in re.split(r"\n\s*\n", body):
        chunk = chunk.strip()
        if not chunk:
            continue
        is_block = _STARTS_WITH_BLOCK.match(chunk) or _ENDS_WITH_BLOCK.search(chunk)
        if chunk.startswith("\x00") or is_block:
            out.append(chunk)
        else:
            out.append("<p>" + chunk.replace("\n", "<br>\n") + "</p>")
    result = "\n".join(out)
    return re.sub(r"\x00(\d+)\x00", lambda m: preserved[int(m.group(1))], result)


def absolutize(fragment: str, base: str) -> str:
    """Resolve relative ``href``/``src`` in an HTML fragment against ``base``."""
    if not fragment or not base or not urlsplit(base).scheme:
        return fragment
    if not re.search(r"""\b(?:href|src)\s*=\s*["']?(?!\w+:)""", fragment, re.IGNORECASE):
        return fragment
    if (root := parse_fragment(fragment)) is None:
        return fragment
    root.make_links_absolute(base, resolve_base_href=True, handle_failures="discard")
    return serialize_fragment(root)


def clean_html(fragment: str, *, base: str = "") -> str:
    """Resolve relative URLs, then sanitize: the last step of every body."""
    if base:
        fragment = absolutize(fragment, base)
    fragment = embed_cards(demote_headings(fragment))
    return sanitize_html(fragment).strip()


_HEADING_RE = re.compile(r"<(/?)h([1-6])\b", re.IGNORECASE)


def demote_headings(fragment: str) -> str:
    """The story page has its own ``<h1>``: a body that starts its outline at h1 moves down a
    level (h1 -> h2, h2 -> h3 ..., h6 stays h6), so its headings stay headings."""
    if not re.search(r"<h1\b", fragment or "", re.IGNORECASE):
        return fragment
    return _HEADING_RE.sub(lambda m: f"<{m.group(1)}h{min(int(m.group(2)) + 1, 6)}", fragment)


def absolute_url(url: str, base: str) -> str:
    url = (url or "").strip()
    if not url:
        return ""
    return urljoin(base, url) if base else url


def url_path(url: str) -> str:
    """The path (and query) of a URL, for redirects from the old site."""
    parts = urlsplit((url or "").strip())
    if not parts.path and not parts.query:
        return ""
    path = parts.path or "/"
    return f"{path}?{parts.query}" if parts.query else path


# Hosted blogs serve resized copies; the loader wants the original upload.
_WIX_RESIZE_RE = re.compile(r"^(https?://static\.wixstatic\.com/media/[^/?#]+)/v1/.*$")
_WP_SIZE_RE = re.compile(r"-\d{2,5}x\d{2,5}(\.(?:jpe?g|png|gif|webp|avif))$", re.IGNORECASE)
_RESIZE_QUERY_KEYS = {"w", "h", "resize", "fit", "format", "crop", "quality", "strip"}


def original_image_url(url: str) -> str:
    """Undo the resize suffixes of hosted blogs: Wix ``/v1/fill/w_..,h_../name``, WordPress
    ``name-800x533.jpg`` and ``?w=604``, Squarespace ``?format=500w``."""
    url = (url or "").strip()
    if url.startswith("wix:image://"):
        return wix_image_url(url)
    match = _WIX_RESIZE_RE.match(url)
    if match:
        return match.group(1)
    parts = urlsplit(url)
    path = (
        _WP_SIZE_RE.sub(r"\1", parts.path) if "/wp-content/uploads/" in parts.path else parts.path
    )
    query = parts.query
    if query and all(
        pair.split("=", 1)[0] in _RESIZE_QUERY_KEYS for pair in query.split("&") if pair
    ):
        query = ""
    return parts._replace(path=path, query=query).geturl()


_WIX_URI_RE = re.compile(r"^wix:image://v1/([^/#?]+)")


def wix_image_url(uri: str) -> str:
    """``wix:image://v1/<id>/<name>#originWidth=..`` -> ``https://static.wixstatic.com/media/<id>``."""
    match = _WIX_URI_RE.match((uri or "").strip())
    return f"https://static.wixstatic.com/media/{match.group(1)}" if match else ""
