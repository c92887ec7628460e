"""WordPress eXtended RSS (WXR) 1.0, 1.1 and 1.2, as written by WordPress's Tools → Export.

Spec: there is no formal one; WXR is RSS 2.0 plus the ``wp:`` elements written by WordPress's
``wp-admin/includes/export.php`` (namespace ``http://wordpress.org/export/1.N/``), the
``excerpt:`` module of the same version, ``content:encoded`` (RSS content module) and ``dc:``.

The file is streamed twice with lxml's ``iterparse`` so memory stays bounded by one item:
the first pass collects what items refer to (authors, attachments, the site's address), the
second builds one :class:`StoryRecord` per post or page. Because the first pass reads the
whole file, a truncated or ill-formed export fails before any record is produced.

Mapping: ``wp:post_id`` → source_id; ``title`` → headline; ``wp:post_name`` → slug;
``excerpt:encoded`` → dek; ``dc:creator`` (through ``wp:author``) → writer; Co-Authors Plus
``<category domain="author">`` → bylines; first ``category`` (not "Uncategorized") → section;
``post_tag`` → tags; ``_thumbnail_id`` → first photo (attachment URL, caption from its
``excerpt:encoded``, alt from ``_wp_attachment_image_alt``, credit from the image metadata);
``content:encoded`` → body (block comments removed, ``[caption]`` → ``<figure>`` with the
credit split off, ``[embed]`` and provider URLs on their own line → embed cards, ``[code]`` →
``<pre>``, other known shortcodes removed, bracketed prose kept, wpautop paragraphs);
``wp:status`` → status; ``link`` → original_url and old_urls; ``wp:comment`` → comments
(spam, trash, pingbacks and trackbacks skipped).
Dropped: nav menu items, revisions, reusable blocks and other post types (counted in the
warnings), post passwords (a password-protected post becomes private), custom fields,
comment IPs and URLs, term descriptions.
"""

from __future__ import annotations

import html
import io
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from lxml import etree

from masthead.embeds import embed_card, is_known_embed
from masthead.ingest.dates import parse_datetime
from masthead.ingest.inputs import Source, read_bytes, reject_entity_declarations, source_name
from masthead.ingest.markup import (
    absolute_url,
    autop,
    clean_html,
    split_caption_credit,
    url_path,
)
from masthead.ingest.records import (
    CommentRecord,
    ImportFileError,
    ItemError,
    ParseResult,
    PhotoRecord,
    StoryRecord,
)
from masthead.text import plain_text

STATUS_MAP = {
    "publish": "published",
    "draft": "draft",
    "future": "scheduled",
    "private": "private",
    "pending": "review",
}
KINDS = {"post": "post", "page": "page"}
# Skipped without comment: they are not stories, or are handled through the stories.
_QUIET_TYPES = {"attachment", "nav_menu_item", "revision", "custom_css", "customize_changeset"}
_SKIPPED_STATUSES = {"trash", "auto-draft", "inherit"}

_NS_KINDS = (
    (re.compile(r"^https?://wordpress\.org/export/\d+\.\d+/excerpt/?$"), "excerpt"),
    (re.compile(r"^https?://wordpress\.org/export/\d+\.\d+/?$"), "wp"),
    (re.compile(r"^https?://purl\.org/rss/1\.0/modules/content/?$"), "content"),
    (re.compile(r"^https?://purl\.org/dc/elements/1\.1/?$"), "dc"),
)
_KNOWN_PREFIXES = {"wp", "excerpt", "content", "dc"}

_BLOCK_COMMENT_RE = re.compile(r"<!--\s*/?wp:[^>]*?-->\n?", re.DOTALL)
_CAPTION_RE = re.compile(
    r"\[(caption|wp_caption)(\s[^\]]*)?\](.*?)\[/\1\]", re.IGNORECASE | re.DOTALL
)
_CAPTION_ATTR_RE = re.compile(r"""caption\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
_IMAGE_PART_RE = re.compile(r"^\s*((?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*</a>)?)(.*)$", re.DOTALL)
_SHORTCODE_RE = re.compile(r"\[(/?)([A-Za-z][\w-]*)((?:\s[^\[\]]*)?)(/?)\]")
# Shortcodes WordPress core, WordPress.com and common plugins register. Anything else in
# square brackets ("[sic]", "[Updated at 5 p.m.]", "[Version 7]") is the writer's prose.
SHORTCODES = frozenset({
    "caption", "wp_caption", "gallery", "embed", "video", "audio", "playlist", "sourcecode",
    "code", "source", "youtube", "vimeo", "soundcloud", "spotify", "tweet", "twitter",
    "instagram", "facebook", "tiktok", "googlemaps", "wpvideo", "slideshow", "polldaddy",
    "crowdsignal", "archives", "contact-form", "contact-form-7", "contact-field",
    "gravityform", "wpforms", "ninja_form", "et_pb_section", "et_pb_row", "et_pb_column",
    "et_pb_text", "vc_row", "vc_column", "vc_column_text", "fusion_builder_container",
    "fusion_text", "ad", "adsense", "scribd", "documentcloud", "dailymotion", "ted",
    "latex", "recipe", "pdf-embedder", "toc", "subscribe", "blog_subscription_form",
})  # fmt: skip
# Known shortcodes WordPress writes bare, in lower case, with nothing else in the brackets.
_BARE_SHORTCODES = {"gallery", "playlist", "archives", "contact-form", "blog_subscription_form"}
_SHORTCODE_ATTR_RE = re.compile(r"""(?:^|\s)[\w-]+=(?:"[^"]*"|'[^']*'|[^\s"']+)""")
# Enclosing shortcodes whose inner text is not readable prose (a gallery spec, a form).
_DROP_INNER = {"gallery", "playlist", "contact-form", "gravityform", "slideshow"}
_CODE_RE = re.compile(r"\[(sourcecode|code|source)\b[^\]]*\](.*?)\[/\1\]", re.DOTALL)
_EMBED_RE = re.compile(
    r"\[(embed|video|audio|youtube|vimeo|soundcloud|spotify|tweet|instagram|tiktok|googlemaps"
    r"|wpvideo|dailymotion|documentcloud|ted)\b([^\]]*)\](?:(.*?)\[/\1\])?",
    re.DOTALL,
)
_ATTR_URL_RE = re.compile(
    r"""(?:^|\s)(?:src|url|mp4|m4v|webm|mp3|ogg|wav|href|id)?\s*=?\s*["']?(https?://[^\s"'\]]+)""",
    re.I,
)
_BARE_URL_LINE_RE = re.compile(r"^[ \t]*(https?://[^\s<>\"']+)[ \t]*$", re.MULTILINE | re.I)
_CREDIT_META_RE = re.compile(r'"credit";s:\d+:"([^"]*)"')


@dataclass(slots=True)
class _Site:
    link: str = ""
    title: str = ""
    language: str = ""  # the channel's <language>, "en-US"
    is_wxr: bool = False
    authors: dict[str, str] = field(default_factory=dict)
    attachments: dict[str, PhotoRecord] = field(default_factory=dict)


def parse(
    source: Source,
    *,
    source_label: str | None = None,
    tz: tzinfo | str = UTC,
) -> ParseResult:
    """Parse a WXR file; ``tz`` is the site's time zone, used only for ``wp:post_date``
    values whose GMT twin is missing (drafts, very old exports)."""
    result = ParseResult()
    for record in stream(source, source_label=source_label, tz=tz, result=result):
        result.records.append(record)
    return result


def stream(
    source: Source,
    *,
    source_label: str | None = None,
    tz: tzinfo | str = UTC,
    result: ParseResult | None = None,
) -> Iterator[StoryRecord]:
    """Yield records one by one; errors and warnings go to ``result`` when given.

    The first pass checks the whole file, so an ill-formed export raises
    :class:`ImportFileError` before the first record is yielded.
    """
    result = result if result is not None else ParseResult()
    name = source_name(source)
    zone = _zone(tz, name)
    _check_head(source, name)
    source, site, undeclared = _declare_prefixes(source, name)
    if undeclared:
        result.warnings.append(
            f"the export uses namespace prefixes it never declares ({', '.join(undeclared)});"
            " read as if declared"
        )
    label = source_label or f"wxr:{urlsplit(site.link).netloc or site.title or name}"
    skipped: Counter[str] = Counter()
    for position, item in enumerate(_iter_items(source, name), start=1):
        post_type = item.wp("post_type") or "post"
        status = item.wp("status") or "publish"
        if post_type not in KINDS:
            if post_type not in _QUIET_TYPES:
                skipped[f"post type {post_type!r}"] += 1
            continue
        if status in _SKIPPED_STATUSES or status not in STATUS_MAP:
            skipped[f"status {status!r}"] += 1
            continue
        try:
            yield _story(item, site, label, zone, result)
        except _ItemProblem as problem:
            result.errors.append(ItemError(position, str(problem)))
    for what, count in sorted(skipped.items()):
        result.warnings.append(f"skipped {count} item(s) with {what}")


class _ItemProblem(Exception):
    pass


class _Item:
    """An ``<item>``'s children flattened into lookups by (namespace kind, local name)."""

    def __init__(self, element: Any) -> None:
        self.values: dict[tuple[str, str], str] = {}
        self.categories: list[tuple[str, str, str]] = []  # (domain, nicename, name)
        self.meta: dict[str, str] = {}
        self.comments: list[dict[str, str]] = []
        for child in element:
            kind, local = _qname(child)
            if kind == "#":
                continue
            if kind == "" and local == "category":
                self.categories.append(
                    (child.get("domain", ""), child.get("nicename", ""), _text(child).strip())
                )
            elif kind == "wp" and local == "postmeta":
                fields = _children(child)
                key = fields.get(("wp", "meta_key"), "")
                if key and key not in self.meta:
                    self.meta[key] = fields.get(("wp", "meta_value"), "")
            elif kind == "wp" and local == "comment":
                self.comments.append({loc: val for (_k, loc), val in _children(child).items()})
            elif (kind, local) not in self.values:
                self.values[(kind, local)] = _text(child)

    def wp(self, local: str) -> str:
        return self.values.get(("wp", local), "").strip()

    def get(self, kind: str, local: str) -> str:
        return self.values.get((kind, local), "")


def _story(item: _Item, site: _Site, label: str, zone: tzinfo, result: ParseResult) -> StoryRecord:
    post_id = item.wp("post_id")
    if not post_id:
        raise _ItemProblem(f"item {item.get('', 'title')[:60]!r} has no wp:post_id")
    headline = plain_text(item.get("", "title"))
    raw_body = item.get("content", "encoded")
    link = absolute_url(item.get("", "link"), site.link)
    status = STATUS_MAP[item.wp("status") or "publish"]
    if item.wp("post_password") and status == "published":
        status = "private"

    creator = item.get("dc", "creator").strip()
    writer = site.authors.get(creator, creator)
    bylines: list[str] = []
    for domain, _nicename, cat_name in item.categories:
        if domain == "author" and cat_name and cat_name not in bylines:
            bylines.append(site.authors.get(cat_name, cat_name))
    if not bylines and writer:
        bylines = [writer]

    sections = [n for d, _s, n in item.categories if d == "category" and n]
    section = next((n for n in sections if n.lower() != "uncategorized"), "")
    tags: list[str] = []
    for domain, _nicename, cat_name in item.categories:
        # WXR 1.0 wrote tags as domain="tag".
        if domain in {"post_tag", "tag"} and cat_name and cat_name not in tags:
            tags.append(cat_name)

    photos: list[PhotoRecord] = []
    thumbnail_id = item.meta.get("_thumbnail_id", "").strip()
    if thumbnail_id:
        photo = site.attachments.get(thumbnail_id)
        if photo:
            photos.append(photo)
        else:
            result.warnings.append(
                f"post {post_id}: featured image {thumbnail_id} is not in the export"
            )

    # Polylang and WPML export each post's language as a category of the "language" taxonomy.
    item_language = next((nice for d, nice, _n in item.categories if d == "language" and nice), "")
    return StoryRecord(
        language=(item_language or site.language)[:16],
        source=label,
        source_id=post_id,
        headline=headline,
        slug=item.wp("post_name"),
        dek=plain_text(item.get("excerpt", "encoded")),
        writer=writer,
        bylines=bylines,
        published=_date(item.wp("post_date_gmt"), item.wp("post_date"), zone)
        or parse_datetime(item.get("", "pubDate")),
        updated=_date(item.wp("post_modified_gmt"), item.wp("post_modified"), zone),
        section=section,
        tags=tags,
        photos=photos,
        body_html=clean_html(wordpress_body(raw_body), base=site.link),
        original_url=link,
        status=status,  # type: ignore[arg-type]
        comments=_comments(item, zone),
        kind=KINDS[item.wp("post_type") or "post"],  # type: ignore[arg-type]
        old_urls=[path for path in [url_path(link)] if path and path != "/"],
    )


def wordpress_body(body: str) -> str:
    """A WordPress post body as HTML: blocks and shortcodes resolved, paragraphs added."""
    has_blocks = bool(_BLOCK_COMMENT_RE.search(body))
    body = _BLOCK_COMMENT_RE.sub("", body)
    body = _CODE_RE.sub(
        lambda m: f"<pre><code>{html.escape(m.group(2).strip())}</code></pre>", body
    )
    body = _CAPTION_RE.sub(_caption_to_figure, body)
    body = _EMBED_RE.sub(_shortcode_embed, body)
    # WordPress auto-embeds a provider's URL standing alone on its own line.
    body = _BARE_URL_LINE_RE.sub(
        lambda m: embed_card(m.group(1)) if is_known_embed(m.group(1)) else m.group(0), body
    )
    body = _remove_shortcodes(body)
    # WordPress skips wpautop for block content: its markup is already complete.
    return body if has_blocks else autop(body)


def _caption_to_figure(match: re.Match[str]) -> str:
    attrs, inner = match.group(2) or "", match.group(3)
    image = _IMAGE_PART_RE.match(inner)
    if image:
        markup, caption = image.group(1), image.group(2).strip()
    else:
        markup, caption = inner, ""
    if not caption:
        # Before WordPress 3.4 the caption was an attribute.
        attr = _CAPTION_ATTR_RE.search(attrs)
        caption = (attr.group(1) or attr.group(2)) if attr else ""
    caption, credit = split_caption_credit(plain_text(caption))
    credit_html = f" <cite>{html.escape(credit)}</cite>" if credit else ""
    figcaption = f"<figcaption>{html.escape(caption)}{credit_html}</figcaption>"
    return f"<figure>{markup.strip()}{figcaption if caption or credit else ''}</figure>"


def _shortcode_embed(match: re.Match[str]) -> str:
    """``[embed]URL[/embed]``, ``[youtube URL]``, ``[video src="URL"]`` -> an embed card."""
    inner = plain_text(match.group(3) or "").strip()
    url = inner if inner.lower().startswith(("http://", "https://")) else ""
    if not url:
        found = _ATTR_URL_RE.search(match.group(2) or "")
        url = found.group(1) if found else ""
    return embed_card(url) if url else ""


def _remove_shortcodes(body: str) -> str:
    # WordPress matches shortcode names case-sensitively: "[Video 2]" is not [video].
    closing = {m.group(2) for m in _SHORTCODE_RE.finditer(body) if m.group(1)}

    def replace(match: re.Match[str]) -> str:
        start = match.start()
        # [[tag]] is WordPress's escape for a literal [tag].
        if start > 0 and body[start - 1] == "[" and body[match.end() : match.end() + 1] == "]":
            return match.group(0)
        slash, tag, attrs, self_closing = match.groups()
        if tag in SHORTCODES and (slash or self_closing or attrs.strip() or tag in closing):
            return ""
        if tag in _BARE_SHORTCODES and not attrs:
            return ""  # "[gallery]" alone, as WordPress writes it
        # A plugin's shortcode we do not know by name: it has its closing tag, or attributes
        # written key="value", which prose in brackets never has.
        if tag in closing or _SHORTCODE_ATTR_RE.search(attrs):
            return ""
        return match.group(0)  # "[sic]", "[Updated at 5 p.m.]": the writer's own brackets

    for tag in _DROP_INNER & closing:
        body = re.sub(rf"\[{tag}\b[^\]]*\].*?\[/{tag}\]", "", body, flags=re.DOTALL)
    body = _SHORTCODE_RE.sub(replace, body)
    return re.sub(r"\[\[([^\[\]]+)\]\]", r"[\1]", body)


def _comments(item: _Item, zone: tzinfo) -> list[CommentRecord]:
    comments = []
    for raw in item.comments:
        approved = raw.get("comment_approved", "1").strip()
        kind = raw.get("comment_type", "").strip()
        if approved not in {"0", "1"} or kind in {"pingback", "trackback"}:
            continue  # spam, trash, and link notifications are not readers' comments
        parent = raw.get("comment_parent", "0").strip()
        comments.append(
            CommentRecord(
                source_id=raw.get("comment_id", "").strip(),
                author_name=plain_text(raw.get("comment_author", "")),
                author_email=raw.get("comment_author_email", "").strip(),
                body_html=clean_html(autop(raw.get("comment_content", ""))),
                published=_date(
                    raw.get("comment_date_gmt", "").strip(), raw.get("comment_date", ""), zone
                ),
                approved=approved == "1",
                parent_source_id=parent if parent not in {"", "0"} else None,
            )
        )
    return comments


def _date(gmt: str, local: str, zone: tzinfo) -> datetime | None:
    value = parse_datetime(gmt, default_tz=UTC)
    if value is None:
        value = parse_datetime(local.strip(), default_tz=zone)
    return value


# -- streaming -------------------------------------------------------------------------------


def _open(source: Source) -> Any:
    """A binary stream that a ``with`` closes, also when a caller abandons a stream early."""
    if isinstance(source, bytes | bytearray):
        return io.BytesIO(source)
    return Path(source).open("rb")


def _iterparse(stream_in: Any) -> Any:
    return etree.iterparse(
        stream_in,
        events=("end",),
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
        load_dtd=False,
        remove_pis=True,
    )


def _check_head(source: Source, name: str) -> None:
    if isinstance(source, bytes | bytearray):
        data = bytes(source)
        if not data.strip():
            raise ImportFileError(name, "the file is empty")
    else:
        path = Path(source)
        if not path.is_file():
            read_bytes(source)  # raises the right "no such file"/"directory" error
        with path.open("rb") as handle:
            data = handle.read(65536)
        if not data.strip():
            raise ImportFileError(name, "the file is empty")
    reject_entity_declarations(data, name, allow_doctype=False)


class _UndeclaredPrefix(Exception):
    def __init__(self, prefix: str) -> None:
        self.prefix = prefix


_UNDECLARED_RE = re.compile(
    r"Namespace prefix ([A-Za-z_][\w.-]*) (?:for \S+ )?on \S+ is not defined"
)
# What old WordPress.com exports leave undeclared, by the prefix they use.
_USUAL_NAMESPACES = {
    "atom": "http://www.w3.org/2005/Atom",
    "wp": "http://wordpress.org/export/1.2/",
    "excerpt": "http://wordpress.org/export/1.2/excerpt/",
    "content": "http://purl.org/rss/1.0/modules/content/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "wfw": "http://wellformedweb.org/CommentAPI/",
    "media": "http://search.yahoo.com/mrss/",
    "georss": "http://www.georss.org/georss",
}
_ROOT_RE = re.compile(rb"<rss\b")


def _declare_prefixes(source: Source, name: str) -> tuple[Source, _Site, list[str]]:
    """Old WordPress.com exports use ``atom:`` (sometimes others) without declaring it, which
    no namespace-aware parser accepts. Declare each missing prefix on ``<rss>`` and go on."""
    undeclared: list[str] = []
    while True:
        try:
            return source, _first_pass(source, name), undeclared
        except _UndeclaredPrefix as missing:
            data = source if isinstance(source, bytes | bytearray) else read_bytes(source)
            root = _ROOT_RE.search(data)
            if missing.prefix in undeclared or root is None or len(undeclared) > 20:
                raise ImportFileError(
                    name, f"the namespace prefix {missing.prefix!r} is used but never declared"
                ) from None
            uri = _USUAL_NAMESPACES.get(missing.prefix, f"urn:masthead:undeclared:{missing.prefix}")
            declaration = f' xmlns:{missing.prefix}="{uri}"'.encode()
            source = bytes(data[: root.end()]) + declaration + bytes(data[root.end() :])
            undeclared.append(missing.prefix)


def _walk(
    source: Source, name: str, *, strict_prefixes: bool = False
) -> Iterator[tuple[str, str, Any]]:
    """Yield (kind, local, element) for the channel's children and each item, freeing each
    one after use so memory stays bounded by one item."""
    try:
        with _open(source) as stream_in:
            for _event, element in _iterparse(stream_in):
                parent = element.getparent()
                if parent is None:
                    if _qname(element) != ("", "rss"):
                        raise ImportFileError(
                            name, "not a WordPress export (the root is not <rss>)"
                        )
                    continue
                if _qname(parent) != ("", "channel"):
                    continue
                kind, local = _qname(element)
                yield kind, local, element
                element.clear(keep_tail=False)
                while element.getprevious() is not None:
                    del parent[0]
    except etree.XMLSyntaxError as exc:
        line, column = exc.position if exc.position else (0, 0)
        reason = exc.msg or str(exc)
        undeclared = _UNDECLARED_RE.search(reason)
        if undeclared and strict_prefixes:
            raise _UndeclaredPrefix(undeclared.group(1)) from None
        raise ImportFileError(
            name, f"not well-formed XML at line {line}, column {column}: {reason}"
        ) from None
    except (OSError, etree.LxmlError) as exc:
        raise ImportFileError(name, f"cannot be read as XML: {exc}") from None


def _first_pass(source: Source, name: str) -> _Site:
    site = _Site()
    for kind, local, element in _walk(source, name, strict_prefixes=True):
        if kind == "wp" and local in {"wxr_version", "base_site_url"}:
            site.is_wxr = True
        elif kind == "" and local == "link" and not site.link:
            site.link = _text(element).strip()
        elif kind == "" and local == "language" and not site.language:
            site.language = _text(element).strip()[:16]
        elif kind == "" and local == "title" and not site.title:
            site.title = plain_text(_text(element))
        elif kind == "wp" and local == "author":
            fields = _children(element)
            login = fields.get(("wp", "author_login"), "").strip()
            display = plain_text(fields.get(("wp", "author_display_name"), "")) or login
            if login:
                site.authors[login] = display
        elif kind == "" and local == "item":
            item = _Item(element)
            if item.wp("post_type") or item.wp("post_id"):
                site.is_wxr = True
            if item.wp("post_type") == "attachment" and item.wp("post_id"):
                site.attachments[item.wp("post_id")] = _attachment(item)
    if not site.is_wxr:
        raise ImportFileError(name, "not a WordPress export (no wp:wxr_version or wp:post_type)")
    return site


def _iter_items(source: Source, name: str) -> Iterator[_Item]:
    for kind, local, element in _walk(source, name):
        if kind == "" and local == "item":
            yield _Item(element)


def _attachment(item: _Item) -> PhotoRecord:
    url = item.wp("attachment_url") or item.get("", "guid").strip()
    # The caption is the attachment's excerpt; some exporters only fill its description.
    caption = plain_text(item.get("excerpt", "encoded")) or plain_text(
        item.get("content", "encoded")
    )
    caption, credit = split_caption_credit(caption)
    meta_credit = _CREDIT_META_RE.search(item.meta.get("_wp_attachment_metadata", ""))
    if meta_credit and meta_credit.group(1).strip():
        credit = meta_credit.group(1).strip()
    return PhotoRecord(
        url=url,
        caption=caption,
        credit=credit,
        alt=plain_text(item.meta.get("_wp_attachment_image_alt", "")),
    )


def _qname(element: Any) -> tuple[str, str]:
    tag = element.tag
    if not isinstance(tag, str):
        return "#", ""  # comments, processing instructions
    if tag.startswith("{"):
        uri, local = tag[1:].split("}", 1)
        for pattern, kind in _NS_KINDS:
            if pattern.match(uri):
                return kind, local
        # An unfamiliar address under a familiar prefix: WXR writers vary, so trust the prefix.
        prefix = element.prefix or ""
        return (prefix if prefix in _KNOWN_PREFIXES else f"?{uri}"), local
    return "", tag


def _children(element: Any) -> dict[tuple[str, str], str]:
    return {_qname(child): _text(child) for child in element if isinstance(child.tag, str)}


def _text(element: Any) -> str:
    if not isinstance(element.tag, str):
        return ""  # a comment or processing instruction
    return "".join(element.itertext())


def _zone(tz: tzinfo | str, name: str) -> tzinfo:
    if isinstance(tz, str):
        try:
            return ZoneInfo(tz)
        except (ZoneInfoNotFoundError, ValueError):
            raise ImportFileError(name, f"unknown time zone {tz!r}") from None
    return tz
