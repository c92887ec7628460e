"""RSS 0.9x/1.0 (RDF)/2.0 and Atom 0.3/1.0 feeds, read through feedparser.

Specs: RSS 2.0 (https://www.rssboard.org/rss-specification), RSS 1.0 (RDF Site Summary),
Atom (RFC 4287), the RSS content module (``content:encoded``), Media RSS
(https://www.rssboard.org/media-rss) and xml:base.

feedparser does the hard part (encodings, ill-formed XML, relative URLs in content); this module
works around three of its habits: parsed dates lose their offset (we reparse the raw string),
``media:description`` is filed as a text/plain ``content`` (we treat it as the photo caption, not
the body), and ``media:thumbnail`` URLs are not resolved (we resolve them).

Mapping: guid/id (else link) → source_id; title → headline; last path segment of link → slug;
author(s) → writer (first) and bylines; pubDate/published (else updated) → published;
updated → updated; categories → tags; media:content / media:thumbnail / image enclosures →
photos (credit from media:credit, caption from media:description); content:encoded or Atom
content → body; otherwise the summary is the body and ``excerpt_only`` is set when it looks
cut off; item ``<source>`` or the feed's title → source_name; link → original_url and old_urls.
Dropped: comments (feeds carry only a count or a link), enclosures that are not images,
GeoRSS, iTunes tags.
"""

from __future__ import annotations

import calendar
import hashlib
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit
from xml.sax import SAXException

import feedparser
from lxml import etree

from masthead.ingest.dates import parse_datetime
from masthead.ingest.inputs import Source, read_bytes, reject_entity_declarations, source_name
from masthead.ingest.markup import (
    absolute_url,
    clean_html,
    original_image_url,
    slugify,
    split_caption_credit,
    split_credit,
    text_to_html,
    url_path,
)
from masthead.ingest.records import (
    ImportFileError,
    ItemError,
    ParseResult,
    PhotoRecord,
    StoryRecord,
)
from masthead.text import plain_text

# How a hosted blog's feed ends a cut-off excerpt.
_CUT_OFF_RE = re.compile(
    r"(?:\.\.\.|…|\[…\]|\[\.\.\.\]|\[&hellip;\]|read more|continue reading|weiterlesen)\W*$",
    re.IGNORECASE,
)
_EMAIL_NAME_RE = re.compile(r"^\s*[^\s@()]+@[^\s@()]+\s*\((.+)\)\s*$")
_MRSS = "{http://search.yahoo.com/mrss"
_PHOTOGRAPHER_ROLES = {"photographer", "author", "creator", ""}
_IMAGE_EXT_RE = re.compile(r"\.(?:jpe?g|png|gif|webp|avif)(?:$|[?#])", re.IGNORECASE)


def parse(source: Source, *, source_label: str | None = None) -> ParseResult:
    name = source_name(source)
    # Always bytes: given a str, feedparser would fetch URLs and open arbitrary files itself.
    data = read_bytes(source)
    reject_entity_declarations(data, name)
    feed = feedparser.parse(data, resolve_relative_uris=True, sanitize_html=True)
    if not feed.entries:
        if feed.bozo:
            raise ImportFileError(name, f"not a readable feed ({_bozo_reason(feed)})")
        if not feed.version:
            raise ImportFileError(name, "not an RSS, Atom or RDF feed")
    result = ParseResult()
    if feed.bozo and feed.entries and isinstance(feed.get("bozo_exception"), SAXException):
        # Cut short or broken XML: the items read may be cut too (no body, no photo).
        result.damage = f"the feed is not well-formed ({_bozo_reason(feed)})"
    elif feed.bozo and feed.entries:
        result.warnings.append(f"the feed has a flaw ({_bozo_reason(feed)}); it was read")
    if not feed.entries:
        result.warnings.append("the feed has no items")

    feed_link = feed.feed.get("link", "")
    label = (
        source_label
        or f"rss:{urlsplit(feed_link).netloc or plain_text(feed.feed.get('title', '')) or name}"
    )
    feed_title = plain_text(feed.feed.get("title", ""))
    media = _media_by_item(data, len(feed.entries))
    for position, entry in enumerate(feed.entries, start=1):
        if reason := _advertising(entry):
            result.skipped_items.append(f"item #{position} skipped: {reason}")
            continue
        try:
            story = _story(
                entry, label, feed_link, feed_title, feed.version, media[position - 1],
                language=feed.feed.get("language", ""),
            )  # fmt: skip
            result.records.append(story)
        except _ItemProblem as problem:
            result.errors.append(ItemError(position, str(problem)))
    if feed.bozo and not result.records:
        raise ImportFileError(name, f"no readable items in the feed ({_bozo_reason(feed)})")
    return result


class _ItemProblem(Exception):
    pass


@dataclass(slots=True)
class _Media:
    descriptions: list[str] = field(default_factory=list)
    credits: list[tuple[str, str]] = field(default_factory=list)  # (role, name)


def _media_by_item(data: bytes, count: int) -> list[_Media | None]:
    """media:description and media:credit per item, read from the XML itself.

    feedparser files the description under the body, or loses it when the item also has
    ``content:encoded``. Only possible when the feed is well-formed; otherwise None per item.
    """
    unknown: list[_Media | None] = [None] * count
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except (etree.XMLSyntaxError, ValueError):
        return unknown
    items = [el for el in root.iter() if _local(el) in {"item", "entry"}]
    if len(items) != count:
        return unknown
    found: list[_Media | None] = []
    for item in items:
        media = _Media()
        for element in item.iter():
            if not isinstance(element.tag, str) or not element.tag.startswith(_MRSS):
                continue
            text = "".join(element.itertext()).strip()
            if _local(element) == "description" and text:
                media.descriptions.append(text)
            elif _local(element) == "credit" and text:
                media.credits.append((element.get("role", ""), text))
        found.append(media)
    return found


def _local(element: Any) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def _story(
    entry: Any,
    label: str,
    feed_link: str,
    feed_title: str,
    version: str,
    media: _Media | None,
    *,
    language: str = "",
) -> StoryRecord:
    # An Atom entry's xml:lang (feedparser puts it on each text's detail) beats the feed's.
    details = [entry.get("title_detail") or {}, *(entry.get("content") or [])]
    language = next((d.get("language") for d in details if d.get("language")), language)
    link = _link(entry, feed_link)
    base = link or feed_link
    headline = plain_text(entry.get("title", ""))
    body, captions = _body_and_captions(entry, version)
    summary = entry.get("summary", "") if "summary_detail" in entry else ""
    excerpt_only = False
    if not body and summary:
        body = summary
        excerpt_only = bool(_CUT_OFF_RE.search(plain_text(summary)))
    if not (headline or body or link):
        raise _ItemProblem("item has no title, no text and no link")
    source_id = entry.get("id") or link or _fingerprint(headline, body)

    authors = _authors(entry)
    tags: list[str] = []
    for tag in entry.get("tags", []):
        term = plain_text(tag.get("label") or tag.get("term") or "")
        if term and term not in tags:
            tags.append(term)
    origin = entry.get("source", {})
    path = urlsplit(link).path.rstrip("/")
    body_html = clean_html(body if _looks_like_html(body) else text_to_html(body), base=base)
    return StoryRecord(
        language=str(language or "")[:16],
        source=label,
        source_id=str(source_id),
        headline=headline,
        slug=slugify(path.rsplit("/", 1)[-1]) if path else slugify(headline),
        dek=plain_text(summary) if summary and summary != body else "",
        writer=authors[0] if authors else "",
        bylines=authors,
        published=_date(entry, "published") or _date(entry, "updated"),
        updated=_date(entry, "updated"),
        tags=tags,
        photos=_photos(entry, base, captions, media),
        body_html=body_html,
        source_name=plain_text(origin.get("title", "")) or feed_title,
        original_url=link,
        old_urls=[p for p in [url_path(link)] if p and p != "/"],
        excerpt_only=excerpt_only,
    )


def _authors(entry: Any) -> list[str]:
    # RSS 2.0 <author> is "email (Name)"; feedparser's email pattern mangles some of those.
    raw = plain_text(dict.get(entry, "author", ""))
    match = _EMAIL_NAME_RE.match(raw)
    if match:
        return [_BY_RE.sub("", match.group(1).strip())]
    names = [plain_text(a.get("name", "")) for a in entry.get("authors", []) if a.get("name")]
    names = names or ([raw] if raw and "@" not in raw else [])
    # Feeds often write "By Jane Doe": the page adds its own "By".
    return list(dict.fromkeys(name for n in names if (name := _BY_RE.sub("", n).strip())))


_BY_RE = re.compile(r"^\s*by\s+", re.IGNORECASE)
# Items a feed marks as paid for: never the newsroom's journalism, never imported as a story.
_ADVERTISING_RE = re.compile(
    r"^(?:sponsored(?: content| post)?|advertisement|advertising|advertorial|paid (?:content|post"
    r"|partnership)|partner content|promoted|publireportage|anzeige|publicidad|patrocinado)$",
    re.IGNORECASE,
)
_ADVERTISING_TITLE_RE = re.compile(
    r"^\s*\[?(?:sponsored|advertisement|advertorial|paid content|partner content|promoted)\]?"
    r"\s*[:|\-–—]",
    re.IGNORECASE,
)


def _advertising(entry: Any) -> str:
    """Why an item is advertising ("marked as sponsored"), or empty when it is not."""
    labels = [tag.get("term") or tag.get("label") or "" for tag in entry.get("tags", [])]
    labels += [dict.get(entry, key, "") for key in ("dc_type", "media_category", "category")]
    for label in labels:
        if isinstance(label, str) and _ADVERTISING_RE.match(plain_text(label).strip()):
            return f"marked as {plain_text(label).strip().lower()}"
    if _ADVERTISING_TITLE_RE.match(plain_text(entry.get("title", ""))):
        return "its title marks it as advertising"
    return ""


def _link(entry: Any, feed_link: str) -> str:
    # An Atom entry without an alternate link gets its id (often a urn:) as "link". A
    # FeedBurner feed's own link is a tracking redirect; origLink is the story's address.
    candidates = [dict.get(entry, "feedburner_origlink", ""), entry.get("link", "")]
    candidates += [x.get("href", "") for x in entry.get("links", []) if x.get("rel") == "alternate"]
    for candidate in candidates:
        url = absolute_url(candidate, feed_link)
        if urlsplit(url).scheme in {"http", "https"}:
            return url
    return ""


def _body_and_captions(entry: Any, version: str) -> tuple[str, list[str]]:
    body = ""
    captions: list[str] = []
    has_media = bool(entry.get("media_content") or entry.get("media_thumbnail"))
    for content in entry.get("content", []):
        value = content.get("value", "")
        # feedparser files <media:description> as a text/plain content item.
        if content.get("type") == "text/plain" and (has_media or version.startswith("rss")):
            captions.append(value)
        elif len(value) > len(body):
            body = value
    return body, captions


def _photos(entry: Any, base: str, captions: list[str], media: _Media | None) -> list[PhotoRecord]:
    urls: list[str] = []
    # The largest rendition first: a feed may list a 140 px thumbnail before the full picture.
    for content in sorted(entry.get("media_content", []), key=_rendition_size, reverse=True):
        url = content.get("url", "")
        medium, kind = content.get("medium", ""), content.get("type", "")
        if url and (medium == "image" or kind.startswith("image/") or _IMAGE_EXT_RE.search(url)):
            urls.append(url)
    for link in entry.get("links", []):
        if link.get("rel") == "enclosure" and link.get("type", "").startswith("image/"):
            urls.append(link.get("href", ""))
    if not urls:
        urls = [thumb.get("url", "") for thumb in entry.get("media_thumbnail", [])]
    unique: list[str] = []
    for url in urls:
        full = original_image_url(absolute_url(url, base))
        if full and full not in unique:
            unique.append(full)
    if not unique:
        return []
    if media is not None:
        captions, credit_pairs = media.descriptions, media.credits
    else:
        credit_pairs = [
            (c.get("role") or "", plain_text(c.get("content", "")))
            for c in entry.get("media_credit", [])
        ]
    caption, caption_credit = split_caption_credit(plain_text(captions[0]) if captions else "")
    # One name once: feeds repeat the credit per rendition, and prefix it ("Photograph: X").
    names = [_CREDIT_LABEL_RE.sub("", name).strip() for _role, name in credit_pairs if name]
    credit = "/".join(dict.fromkeys(name for name in names if name)) or caption_credit
    photographer, agency = split_credit(credit)
    if not photographer and len(credit_pairs) == 1 and credit_pairs[0][0] in _PHOTOGRAPHER_ROLES:
        photographer = credit_pairs[0][1]
    # Feeds have no separate alt text; the caption describes the picture.
    hero = PhotoRecord(unique[0], caption, credit, caption, photographer, agency)
    return [hero, *(PhotoRecord(url) for url in unique[1:])]


_CREDIT_LABEL_RE = re.compile(
    r"^\s*(?:photograph|photo(?:graph)?s?|image|picture|credit|photo credit|foto|bild)\s*:\s*",
    re.IGNORECASE,
)


def _rendition_size(content: Any) -> int:
    """Pixels of a media:content rendition, else its file size; 0 when it says neither."""

    def number(key: str) -> int:
        try:
            return int(str(content.get(key, "") or "0").strip())
        except ValueError:
            return 0

    return (number("width") * number("height")) or number("filesize") // 1000


def _date(entry: Any, key: str) -> datetime | None:
    # dict.get skips FeedParserDict's deprecated "updated" -> "published" aliasing.
    raw = dict.get(entry, key, "")
    value = parse_datetime(raw) if raw else None
    parsed = dict.get(entry, f"{key}_parsed")
    if value is None and parsed:
        # A format only feedparser understood: its struct_time is UTC, so the instant is
        # right even though the original offset is gone.
        value = datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC)
    return value


def _looks_like_html(text: str) -> bool:
    return bool(re.search(r"<(?:p|br|div|a|img|h\d|ul|ol|em|strong|b|i|figure)\b", text, re.I))


def _fingerprint(*parts: str) -> str:
    return "sha1:" + hashlib.sha1("\x1f".join(parts).encode(), usedforsecurity=False).hexdigest()


def _bozo_reason(feed: Any) -> str:
    exception = feed.get("bozo_exception")
    return str(getattr(exception, "getMessage", lambda: exception)()) or type(exception).__name__
