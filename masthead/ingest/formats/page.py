"""A saved article web page: the page's HTML, or a copy of its visible text.

Specs followed for HTML: schema.org ``NewsArticle``/``Article``/``BlogPosting`` in JSON-LD
(https://schema.org/NewsArticle, including ``@graph``), the Open Graph protocol
(https://ogp.me/, with the ``article:*`` properties), then microdata (``itemprop``), Parse.ly
meta (``parsely-*``), ``<time datetime>``, ``rel="author"`` and a printed dateline, then
trafilatura for the body text once the page's boxes (search, newsletter, promotions, related
and "read more" blocks, placeholders, empty links) are removed. Structured data wins over meta
tags, which win over what is guessed from the text.

For copied text there is no spec, only the shape of a hosted blog's article page, top to
bottom: a skip link ("top of page"), the headline, the meta block as list items (bullets
"•", "·", "-" or none): "Writer: <account>", a short date ("Feb 26", no year), "N min
read"; the hero photo's caption (once or twice) ending in "(Photographer/Agency)", "By
<reporter>", the body paragraphs, then site chrome ("Recent Posts", "See All", "Comments",
"bottom of page"). Each element is recognised and the chrome dropped. A date printed without
a year takes its year from ``year_hint``, else from ``reference_date`` (the day the page was
saved: the latest such date not after it), else from the nearest full date in the text; when
none exists, published stays None and a warning says so. It is never the current year.

Mapping: canonical/og:url → source_id and original_url; headline; author(s) → writer, and a
"By X" line at the top of the body → bylines (else the authors); datePublished /
article:published_time → published; dateModified → updated; articleSection → section;
keywords / article:tag → tags; image / og:image with its caption and credit → photo;
``isBasedOn``/``sourceOrganization`` publisher → source_name. Dropped: comments, navigation,
related posts, reading time (recomputed from the body), share buttons, scripts.
"""

from __future__ import annotations

import calendar
import copy
import hashlib
import json
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, tzinfo
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

import lxml.html
import trafilatura
from lxml import etree

from masthead.ingest.dates import parse_datetime
from masthead.ingest.inputs import Source, decode_text, read_bytes, source_name
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
from masthead.ingest.records import ImportFileError, ParseResult, PhotoRecord, StoryRecord
from masthead.text import plain_text

ARTICLE_TYPES = {
    "Article", "NewsArticle", "BlogPosting", "ReportageNewsArticle", "AnalysisNewsArticle",
    "OpinionNewsArticle", "BackgroundNewsArticle", "Report", "LiveBlogPosting",
    "SocialMediaPosting",
}  # fmt: skip
_HTML_START_RE = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta)\b",
    re.IGNORECASE | re.DOTALL,
)
_BYLINE_RE = re.compile(r"^\s*by\s+(.{2,120}?)\s*$", re.IGNORECASE)
_WRITER_RE = re.compile(r"^\s*(?:writer|author|posted by)\s*:?\s*(.*)$", re.IGNORECASE)
_READ_TIME_RE = re.compile(r"^\s*\d+\s*min(?:ute)?s?\s*read\s*$", re.IGNORECASE)
_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_name) if name})
_MONTHS["sept"] = 9
_MONTH = r"(?P<month>jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december)\.?"  # noqa: E501
_SHORT_DATE_RES = (
    re.compile(
        rf"^\s*(?:updated:?\s*)?{_MONTH}\s+(?P<day>\d{{1,2}})(?:,?\s+(?P<year>\d{{4}}))?\s*$",
        re.IGNORECASE,
    ),
    re.compile(
        rf"^\s*(?:updated:?\s*)?(?P<day>\d{{1,2}})\s+{_MONTH}(?:\s+(?P<year>\d{{4}}))?\s*$",
        re.IGNORECASE,
    ),
    re.compile(r"^\s*(?P<year>\d{4})-(?P<monthnum>\d{2})-(?P<day>\d{2})\s*$"),
)
_FULL_DATE_IN_TEXT_RES = (
    re.compile(
        rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d{{2}})\b",
        re.IGNORECASE,
    ),
    re.compile(
        rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+(?P<year>(?:19|20)\d{{2}})\b",
        re.IGNORECASE,
    ),
)
# List bullets a browser puts in front of copied list items (meta blocks are <ul>s).
_BULLET_RE = re.compile(
    r"^\s*(?:[\u2022\u00b7\u2023\u25aa\u25e6\u2219\u22c5*\u2013-](?=\s)|[\u2022\u00b7])\s*"
)
# Lines that are the page's furniture, not the story.
_CHROME_LINES = {
    "top of page", "bottom of page", "skip to main content", "skip to content", "menu",
    "log in", "sign in", "sign up", "log in / sign up", "subscribe", "share", "share this post",
    "more", "search", "like", "liked", "reply", "follow", "facebook", "twitter", "x", "linkedin",
    "copy link", "link copied", "email", "print", "post not marked as liked",
    "post marked as liked", "write a comment", "write a comment...", "add a comment",
    "leave a comment", "see more", "load more", "show more", "back to top", "home", "blog",
}  # fmt: skip
# "12 views", "3 likes": counters under a post ("2 comments" ends the story instead).
_COUNT_LINE_RE = re.compile(r"^\d[\d,.]*\s*k?\s+(?:views?|likes?|shares?)$")
# Where the story ends on a copied page.
_END_RE = re.compile(
    r"^(?:recent posts|see all|comments?(?:\s*\(\d+\))?|\d+\s+comments?|related posts|"
    r"related stories|related articles|more stories|more from .{1,40}|you may also like|"
    r"you might also like|read more|read next|popular posts|latest posts|"
    r"write a comment\.*|add a comment\.*|leave a comment\.*|bottom of page)$"
)


@dataclass(slots=True)
class _Meta:
    headline: str = ""
    authors: list[str] = field(default_factory=list)
    published: str = ""
    updated: str = ""
    section: str = ""
    tags: list[str] = field(default_factory=list)
    image: str = ""
    image_caption: str = ""
    image_credit: str = ""
    image_alt: str = ""
    url: str = ""
    canonical: str = ""
    og_url: str = ""
    description: str = ""
    source_name: str = ""
    publisher: str = ""


def parse(
    source: Source,
    *,
    source_label: str | None = None,
    url: str = "",
    reference_date: date | None = None,
    year_hint: int | None = None,
    tz: tzinfo = UTC,
) -> ParseResult:
    """Parse one saved page (HTML or copied text) into a single record.

    ``url`` is where the page lived (when the file does not say); ``reference_date`` is the day
    it was saved and ``year_hint`` the year its short dates belong to; ``tz`` is used for dates
    printed without a time zone.
    """
    name = source_name(source)
    data = read_bytes(source)
    if _HTML_START_RE.match(data[:4096]) or b"<html" in data[:4096].lower():
        return _parse_html(data, name, source_label, url, tz)
    text = decode_text(data, name)
    return _parse_text(text, name, source_label, url, reference_date, year_hint, tz)


# -- HTML -------------------------------------------------------------------------------------


def _parse_html(data: bytes, name: str, label: str | None, url: str, tz: tzinfo) -> ParseResult:
    try:
        document = lxml.html.document_fromstring(data)
    except (etree.ParserError, ValueError) as exc:
        raise ImportFileError(name, f"not readable as HTML ({exc})") from None
    result = ParseResult()
    meta = _Meta()
    _read_meta_tags(document, meta)
    _read_json_ld(document, meta, result)  # structured data overrides the meta tags
    page_url = _page_url(meta, url)
    _read_more_meta(document, meta, page_url)
    # Should dropping the boxes ever leave nothing, the whole page is better than no body.
    body = _extract_body(_strip_chrome(document), page_url) or _extract_body(data, page_url)
    # The <h1> before the <title>, which carries the site's name ("Headline | Paper").
    heading = document.find(".//h1")
    headline = meta.headline or (plain_text(heading.text_content()) if heading is not None else "")
    headline = headline or plain_text(document.findtext(".//title") or "")
    if not headline and not body:
        raise ImportFileError(name, "no article found on the page")

    body, bylines = _take_byline(body)
    meta.image = _hero_image(document, meta)
    body = _drop_duplicate_paragraphs(_drop_repeats(body, headline, meta.image), headline)
    photo_url = original_image_url(absolute_url(meta.image, page_url))
    photos = []
    if photo_url:
        caption, caption_credit = split_caption_credit(meta.image_caption)
        credit = meta.image_credit or caption_credit
        photographer, agency = split_credit(credit)
        photos.append(
            PhotoRecord(photo_url, caption, credit, meta.image_alt or caption, photographer, agency)
        )
    host = urlsplit(page_url).netloc
    return _finish(
        result,
        StoryRecord(
            # <html lang>, else the og:locale ("es_PR" → "es-PR").
            language=(
                document.get("lang")
                or (document.xpath("string(//meta[@property='og:locale']/@content)") or "").replace(
                    "_", "-"
                )
            ).strip()[:16],
            source=label or f"page:{host or 'saved'}",
            source_id=page_url or _fingerprint(headline, body),
            headline=headline,
            slug=_slug(page_url, headline),
            dek=meta.description,
            writer=meta.authors[0] if meta.authors else meta.publisher,
            bylines=bylines or meta.authors,
            published=parse_datetime(meta.published, default_tz=tz),
            updated=parse_datetime(meta.updated, default_tz=tz),
            section=meta.section,
            tags=meta.tags,
            photos=photos,
            body_html=clean_html(body, base=page_url),
            source_name=meta.source_name,
            original_url=page_url,
            old_urls=[p for p in [url_path(page_url)] if p and p != "/"],
        ),
    )


def _read_meta_tags(document: Any, meta: _Meta) -> None:
    values: dict[str, list[str]] = {}
    for element in document.iter("meta"):
        key = (element.get("property") or element.get("name") or "").strip().lower()
        content = (element.get("content") or "").strip()
        if key and content:
            values.setdefault(key, []).append(content)

    def first(*keys: str) -> str:
        return next((values[k][0] for k in keys if k in values), "")

    meta.headline = plain_text(first("og:title", "twitter:title"))
    meta.description = plain_text(first("og:description", "description"))
    meta.image = first("og:image", "og:image:url", "twitter:image")
    meta.image_alt = plain_text(first("og:image:alt", "twitter:image:alt"))
    meta.published = first("article:published_time", "datepublished", "date")
    meta.updated = first("article:modified_time", "og:updated_time", "datemodified")
    meta.section = plain_text(first("article:section"))
    meta.tags = _unique(plain_text(t) for t in values.get("article:tag", []))
    author = first("author", "article:author")
    if author and not author.startswith("http"):
        meta.authors = [plain_text(author)]
    canonical = document.find(".//link[@rel='canonical']")
    meta.canonical = canonical.get("href", "").strip() if canonical is not None else ""
    meta.og_url = first("og:url")
    meta.publisher = plain_text(first("og:site_name"))


def _read_json_ld(document: Any, meta: _Meta, result: ParseResult) -> None:
    for script in document.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            data = json.loads(script.text or "")
        except (json.JSONDecodeError, RecursionError):
            result.warnings.append("a JSON-LD block on the page is not valid JSON; skipped")
            continue
        article = next((n for n in _nodes(data) if _types(n) & ARTICLE_TYPES), None)
        if article is None:
            continue
        meta.headline = plain_text(_text(article.get("headline") or article.get("name"))) or (
            meta.headline
        )
        meta.authors = _names(article.get("author")) or meta.authors
        meta.published = _text(article.get("datePublished")) or meta.published
        meta.updated = _text(article.get("dateModified")) or meta.updated
        section = article.get("articleSection")
        meta.section = plain_text(_text(section[0] if isinstance(section, list) else section)) or (
            meta.section
        )
        keywords = article.get("keywords")
        if isinstance(keywords, str):
            keywords = keywords.split(",")
        if isinstance(keywords, list):
            meta.tags = _unique([*meta.tags, *(plain_text(_text(k)) for k in keywords)])
        meta.description = plain_text(_text(article.get("description"))) or meta.description
        image = article.get("image")
        image = image[0] if isinstance(image, list) and image else image
        if isinstance(image, dict):
            meta.image = _text(image.get("url") or image.get("contentUrl")) or meta.image
            meta.image_caption = plain_text(_text(image.get("caption")))
            credit = image.get("creditText") or _names(image.get("copyrightHolder"))
            meta.image_credit = plain_text(_text(credit[0] if isinstance(credit, list) and credit
                                                 else credit))  # fmt: skip
        elif isinstance(image, str):
            meta.image = image
        main = article.get("mainEntityOfPage")
        main_url = main.get("@id") if isinstance(main, dict) else main
        meta.url = _text(article.get("url")) or _text(main_url)
        publishers = _names(article.get("publisher"))
        meta.publisher = publishers[0] if publishers else meta.publisher
        origin = article.get("isBasedOn") or article.get("sourceOrganization")
        if isinstance(origin, dict):
            names = _names(origin.get("publisher")) or _names(origin)
            meta.source_name = names[0] if names else ""
        return


# Class and id words of boxes that sit inside or beside an article but are not the story.
_CHROME_CLASS_RE = re.compile(
    r"(?:^|[-_])(?:newsletter|subscribe|signup|promo|promotion|related|read-?more|readmore|"
    r"recommended|recirc|popular|trending|most-read|share|sharing|social|cookie|consent|"
    r"banner|ads?|advert|advertisement|sponsored|sidebar|comments?|weather|breadcrumbs?|"
    r"paywall|search|byline|dateline|meta|author-bio|tags|skip-link|placeholder|blur)(?:$|[-_])",
    re.IGNORECASE,
)
_CHROME_TAGS = ("nav", "aside", "footer", "form", "button", "input", "select", "noscript",
                "iframe", "svg", "dialog")  # fmt: skip
_PLACEHOLDER_RE = re.compile(
    r"^data:|[/_,.-]blur|blur[_,-]|placeholder|lqip|spacer\.|/pixel\.|1x1\.|transparent\.(?:gif|png)",
    re.IGNORECASE,
)


def _strip_chrome(document: Any) -> bytes:
    """The page without the boxes trafilatura tends to keep (search, newsletter, promotions,
    related links, blurred placeholders, empty links), for a cleaner body."""
    document = copy.deepcopy(document)
    body = document.find("body")
    if body is None:
        return lxml.html.tostring(document)
    total = sum(len(p.text_content()) for p in body.iter("p")) or 1
    for element in list(body.iter()):
        if element.getparent() is None or not isinstance(element.tag, str):
            continue
        words = f"{element.get('class', '')} {element.get('id', '')}".split()
        chrome = element.tag in _CHROME_TAGS or element.get("role") in {"search", "navigation"}
        chrome = chrome or any(_CHROME_CLASS_RE.search(w) for w in words)
        if element.tag == "img" and not chrome:
            # A lazy-loaded image: its real address waits in data-src or a srcset.
            real = _real_image_url(element)
            if real:
                element.set("src", real)
                for attribute in ("srcset", "data-src", "data-srcset", "sizes"):
                    element.attrib.pop(attribute, None)
            chrome = not real
        if (
            element.tag == "a"
            and not element.text_content().strip()
            and element.find(".//img") is None
        ):
            chrome = True  # an empty wrapping link
        if not chrome or element.tag in {"article", "main", "body"}:
            continue
        # Never drop the box that holds most of the story, whatever its class says.
        if sum(len(p.text_content()) for p in element.iter("p")) > total / 2:
            continue
        element.drop_tree()
    return lxml.html.tostring(document, encoding="utf-8")


def _read_more_meta(document: Any, meta: _Meta, page_url: str) -> None:
    """Dates, authors and the headline from microdata, Parse.ly, <time> and rel=author,
    for pages whose JSON-LD and Open Graph leave them out."""
    values = _meta_values(document)
    parsely: dict[str, Any] = {}
    for key in ("parsely-metadata", "parsely-page"):
        try:
            loaded = json.loads(values.get(key, [""])[0] or "{}")
        except (json.JSONDecodeError, RecursionError):
            loaded = {}
        if isinstance(loaded, dict):
            parsely = {**loaded, **parsely}
    micro = {
        name: _itemprop_value(document, name)
        for name in ("datePublished", "dateModified", "headline")
    }
    micro_authors = _itemprop_authors(document)
    time_element = next(
        (t for t in _article_or_body(document).iterfind(".//time[@datetime]") if _in_story(t)),
        None,
    )
    meta.published = (
        meta.published
        or micro["datePublished"]
        or _first(
            values.get("parsely-pub-date"),
            [_text(parsely.get("pub_date"))],
            [time_element.get("datetime") if time_element is not None else ""],
        )
    )
    meta.updated = meta.updated or micro["dateModified"]
    meta.headline = meta.headline or micro["headline"] or _first(values.get("parsely-title"))
    if not meta.authors:
        rel = [plain_text(a.text_content()) for a in document.iterfind(".//a[@rel='author']")]
        meta.authors = _unique(
            micro_authors
            or [plain_text(a) for a in values.get("parsely-author", [])]
            or _names(parsely.get("authors") or parsely.get("author"))
            or [a for a in rel if a and len(a) < 80]
        )
    if not meta.authors:
        # A printed "By Reporter" in a byline box (the box is dropped from the body).
        for element in document.iter():
            words = f"{element.get('class', '')} {element.get('id', '')}".casefold()
            if isinstance(element.tag, str) and "byline" in words:
                meta.authors = _byline_names(plain_text(element.text_content() or ""))
                if meta.authors:
                    break
    if not meta.published:
        # A printed dateline: the first full date in the article's opening text.
        meta.published = _printed_date(document)


# Boxes of other stories: their dates and names are not this story's.
_OTHER_STORIES_RE = re.compile(
    r"(?:^|[-_])(?:related|recirc|popular|trending|most-read|recommended|sidebar|comments?|"
    r"promo|read-?more|recent|latest|more-stories|widget)(?:$|[-_])",
    re.IGNORECASE,
)


def _in_story(element: Any) -> bool:
    for ancestor in element.iterancestors():
        words = f"{ancestor.get('class', '')} {ancestor.get('id', '')}".split()
        if ancestor.tag in {"nav", "aside", "footer"} or any(
            _OTHER_STORIES_RE.search(w) for w in words
        ):
            return False
    return True


def _printed_date(document: Any) -> str:
    """The first short element that prints a full date (a dateline, "Published March 3,
    2026"); a date inside a story's sentence is not the story's date."""
    container = _article_or_body(document)
    for element in container.iter() if container is not None else []:
        if not isinstance(element.tag, str) or element.tag in {"script", "style"}:
            continue
        text = _short_text(element, 100)
        if text and (dates := _full_dates(text)) and _in_story(element):
            return dates[0].isoformat()
    return ""


def _short_text(element: Any, limit: int) -> str:
    """The element's text if it is at most ``limit`` characters; stops reading past that, so
    a long page is not read once per element."""
    parts: list[str] = []
    size = 0
    for piece in element.itertext():
        size += len(piece) + 1
        if size > limit + 1:
            return ""
        parts.append(piece)
    return " ".join(parts).strip()


def _meta_values(document: Any) -> dict[str, list[str]]:
    values: dict[str, list[str]] = {}
    for element in document.iter("meta"):
        key = (element.get("property") or element.get("name") or "").strip().lower()
        content = (element.get("content") or "").strip()
        if key and content:
            values.setdefault(key, []).append(content)
    return values


def _first(*candidates: list[str] | None) -> str:
    return next((c[0].strip() for c in candidates if c and c[0] and c[0].strip()), "")


def _itemprop_value(document: Any, name: str) -> str:
    for element in document.iterfind(f".//*[@itemprop='{name}']"):
        value = element.get("content") or element.get("datetime") or element.text_content()
        if value and value.strip():
            return plain_text(value.strip())
    return ""


def _itemprop_authors(document: Any) -> list[str]:
    names = []
    for element in document.iterfind(".//*[@itemprop='author']"):
        named = element.find(".//*[@itemprop='name']")
        source = named if named is not None else element
        value = source.get("content") or source.text_content()
        value = plain_text(value or "").strip()
        if value and len(value) < 80 and not value.startswith("http"):
            names.append(_BYLINE_RE.sub(r"\1", value))
    return _unique(names)


def _hero_image(document: Any, meta: _Meta) -> str:
    """og:image / JSON-LD image unless it is a placeholder; else the article's first real
    image at its largest srcset size."""
    if meta.image and not _PLACEHOLDER_RE.search(meta.image):
        return meta.image
    container = _article_or_body(document)
    for image in container.iter("img") if container is not None else []:
        words = f"{image.get('class', '')} {image.get('id', '')}".split()
        real = _real_image_url(image)
        if real and not any(_CHROME_CLASS_RE.search(w) for w in words) and _in_story(image):
            return real
    return ""


def _real_image_url(image: Any) -> str:
    """The largest real address of an <img>, skipping placeholders and data: URIs."""
    candidates = [
        *_srcset(image.get("srcset") or ""),
        *_srcset(image.get("data-srcset") or ""),
        image.get("data-src") or "",
        image.get("src") or "",
    ]
    return next((url for url in candidates if url and not _PLACEHOLDER_RE.search(url)), "")


def _srcset(value: str) -> list[str]:
    """srcset URLs, largest first."""
    sized = []
    for part in value.split(","):
        bits = part.split()
        if not bits:
            continue
        size = re.match(r"(\d+(?:\.\d+)?)[wx]$", bits[1]) if len(bits) > 1 else None
        sized.append((float(size.group(1)) if size else 0.0, bits[0]))
    return [url for _, url in sorted(sized, key=lambda s: -s[0])]


_CLOCK_RE = re.compile(r"(?:\bat\s+)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*[a-z]{2,4}\b)?")
_DATE_LINE_WORDS_RE = re.compile(r"^(?:published|updated|posted|last updated)?\s*(?:on|:)?\s*")


def _is_date_line(text: str) -> bool:
    """A paragraph that is only the printed date ("Published March 5, 2026")."""
    rest = _DATE_LINE_WORDS_RE.sub("", text, count=1)
    for pattern in _FULL_DATE_IN_TEXT_RES:
        rest = pattern.sub("", rest)
    rest = _CLOCK_RE.sub("", rest)
    return len(text) < 80 and rest != text and not re.search(r"\w{2,}", rest)


def _drop_duplicate_paragraphs(body: str, headline: str) -> str:
    """A dateline or pull quote printed twice, or the headline again as a paragraph."""
    seen = {plain_text(headline).casefold()} if headline else set()

    def keep(match: re.Match[str]) -> str:
        text = plain_text(match.group(0)).strip().casefold()
        if not text:
            return match.group(0)
        if text in seen or _is_date_line(text):
            return ""
        seen.add(text)
        return match.group(0)

    return re.sub(r"<(p|h[1-6])\b[^>]*>.*?</\1>", keep, body, flags=re.DOTALL | re.IGNORECASE)


def _page_url(meta: _Meta, url: str) -> str:
    """The canonical URL, a relative one resolved against og:url or the JSON-LD url."""
    absolute = [u for u in (meta.og_url, meta.url, url) if u.startswith(("http://", "https://"))]
    base = absolute[0] if absolute else ""
    if meta.canonical:
        return urljoin(base, meta.canonical) if base else meta.canonical
    return base or meta.og_url or meta.url or url


def _extract_body(data: bytes, url: str) -> str:
    try:
        extracted = trafilatura.extract(
            data.decode("utf-8", errors="replace"),
            url=url or None,
            output_format="html",
            include_images=True,
            include_links=True,
            include_tables=True,
            include_comments=False,
            # Not deduplicate=True: its cache is process-wide, so the same page read twice
            # (a re-import, a polling loop) would lose paragraphs the second time.
            deduplicate=False,
        )
    except (ValueError, TypeError, etree.LxmlError):
        return ""
    if not extracted:
        return ""
    match = re.search(r"<body[^>]*>(.*)</body>", extracted, re.DOTALL | re.IGNORECASE)
    return (match.group(1) if match else extracted).strip()


def _take_byline(body: str) -> tuple[str, list[str]]:
    """Move a "By Reporter" paragraph near the top of the body into the bylines."""
    for match in re.finditer(r"<p[^>]*>(.*?)</p>", body[:3000], re.DOTALL | re.IGNORECASE):
        text = plain_text(match.group(1))
        names = _byline_names(text)
        if names:
            return body[: match.start()] + body[match.end() :], names
        if len(text) > 200:
            break  # into the story proper
    return body, []


def _drop_repeats(body: str, headline: str, image: str) -> str:
    # trafilatura keeps the page's <h1> and the hero image; both are fields of their own.
    heading = re.match(r"\s*<h1[^>]*>(.*?)</h1>", body, re.DOTALL | re.IGNORECASE)
    if heading and plain_text(heading.group(1)) == headline:
        body = body[heading.end() :]
    hero = original_image_url(image)
    if hero:
        first_image = re.match(r"\s*<img\b[^>]*\bsrc=\"([^\"]+)\"[^>]*>", body)
        if first_image and original_image_url(first_image.group(1)) == hero:
            body = body[first_image.end() :]
    return body.strip()


# -- copied text ------------------------------------------------------------------------------


def _text_lines(text: str) -> list[str]:
    """The copy's lines without list bullets, indentation, blank lines or page furniture."""
    lines = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = _BULLET_RE.sub("", raw.replace("\u00a0", " ")).strip()
        if line and not _is_chrome(line):
            lines.append(line)
    return lines


def _is_chrome(line: str) -> bool:
    lowered = line.casefold().rstrip(" .…")
    return lowered in _CHROME_LINES or bool(_COUNT_LINE_RE.match(lowered))


def _is_end(line: str) -> bool:
    return bool(_END_RE.match(line.casefold().strip()))


def _parse_text(
    text: str,
    name: str,
    label: str | None,
    url: str,
    reference_date: date | None,
    year_hint: int | None,
    tz: tzinfo,
) -> ParseResult:
    result = ParseResult()
    lines = _text_lines(text)
    # The story ends at the first end marker after its first paragraph ("2 comments" in the
    # meta block above it is only dropped).
    first_paragraph = next(
        (i for i, line in enumerate(lines) if i and len(line.split()) >= 12), 0
    )  # no long line at all: the story ends at the first marker under the headline
    end = next(
        (i for i, line in enumerate(lines) if i > first_paragraph and _is_end(line)), len(lines)
    )
    if end < len(lines):
        result.warnings.append(f"dropped {len(lines) - end} line(s) of page chrome after the story")
    story = [line for i, line in enumerate(lines[:end]) if i > first_paragraph or not _is_end(line)]
    if not story:
        raise ImportFileError(name, "no article text found")

    start = _headline_index(story)
    if start:
        result.warnings.append(f"dropped {start} line(s) of site navigation above the headline")
    headline, rest = story[start], story[start + 1 :]
    writer = ""
    short_date: tuple[int | None, int, int] | None = None
    caption = credit = alt = ""
    bylines: list[str] = []
    paragraphs: list[str] = []
    for index, line in enumerate(rest):
        following = rest[index + 1] if index + 1 < len(rest) else ""
        in_header = not paragraphs
        writer_match = _WRITER_RE.match(line)
        if in_header and writer_match:
            writer = writer_match.group(1).strip() or following
            continue
        if in_header and (line == writer or (_WRITER_RE.match(following) and len(line) < 80)):
            continue  # the account's name beside its avatar
        if in_header and (found := _short_date(line)):
            # The first date is the story's; an "Updated: Mar 6" after it is left out.
            short_date = short_date or found
            continue
        if in_header and _READ_TIME_RE.match(line):
            continue
        if not bylines and len(paragraphs) <= 1 and (names := _byline_names(line)):
            bylines = names
            continue
        if caption and line.startswith(caption):
            continue  # the caption again: alt text and figcaption both copy
        if in_header and not caption:
            text_part, credit_part = split_caption_credit(line)
            if credit_part:
                caption, credit = text_part, credit_part
                continue
            follow_text, follow_credit = split_caption_credit(following)
            if follow_credit and follow_text.startswith(line.rstrip(".")):
                alt = line  # the image's alt text, its figcaption follows with the credit
                continue
        paragraphs.append(line)

    if not paragraphs:
        raise ImportFileError(name, "no article text found")
    published = None
    if short_date is not None:
        published = _resolve_short_date(
            short_date, "\n".join(story), text, reference_date, year_hint, tz, result
        )
    else:
        result.warnings.append("no date found in the text; published is left empty")
    photographer, agency = split_credit(credit)
    photos = (
        [PhotoRecord("", caption, credit, alt or caption, photographer, agency)] if caption else []
    )
    if photos:
        result.warnings.append("the hero photo's caption was found but the text has no image URL")
    return _finish(
        result,
        StoryRecord(
            source=label or f"page-text:{urlsplit(url).netloc or 'saved'}",
            source_id=url or _fingerprint(headline, *paragraphs),
            headline=headline,
            slug=_slug(url, headline),
            writer=writer,
            bylines=bylines,
            published=published,
            photos=photos,
            body_html=clean_html(text_to_html("\n\n".join(paragraphs))),
            original_url=url,
            old_urls=[p for p in [url_path(url)] if p and p != "/"],
        ),
    )


def _headline_index(lines: list[str]) -> int:
    """The headline is the line just above the meta block (writer, date, reading time); the
    site's name and menu can come before it. Without a meta block it is the first line."""
    for index, line in enumerate(lines[:40]):
        writer = _WRITER_RE.match(line)
        if writer or _short_date(line) or _READ_TIME_RE.match(line):
            above = index - 1
            # "<account>" then "Writer: <account>": the avatar's name is not the headline.
            if above > 0 and writer and lines[above] == writer.group(1).strip():
                above -= 1
            return max(above, 0)
    return 0


def _short_date(line: str) -> tuple[int | None, int, int] | None:
    """(year or None, month, day) for a line that is only a date."""
    for pattern in _SHORT_DATE_RES:
        match = pattern.match(line)
        if match:
            groups = match.groupdict()
            month = (
                int(groups["monthnum"])
                if groups.get("monthnum")
                else _MONTHS[groups["month"].lower().rstrip(".")]
            )
            year = int(groups["year"]) if groups.get("year") else None
            return year, month, int(groups["day"])
    return None


def _full_dates(text: str) -> list[date]:
    found = []
    for pattern in _FULL_DATE_IN_TEXT_RES:
        for match in pattern.finditer(text):
            month = _MONTHS[match.group("month").lower().rstrip(".")]
            try:
                found.append(date(int(match.group("year")), month, int(match.group("day"))))
            except ValueError:
                continue
    return found


def _year_near(month: int, day: int, anchors: list[date]) -> int | None:
    """The year that puts month/day closest to a full date printed on the page."""
    best: tuple[int, int] | None = None
    for anchor in anchors:
        for year in (anchor.year - 1, anchor.year, anchor.year + 1):
            try:
                distance = abs((date(year, month, day) - anchor).days)
            except ValueError:
                continue  # 29 February in a common year
            if best is None or distance < best[0]:
                best = (distance, year)
    return best[1] if best else None


def _resolve_short_date(
    found: tuple[int | None, int, int],
    story: str,
    text: str,
    reference_date: date | None,
    year_hint: int | None,
    tz: tzinfo,
    result: ParseResult,
) -> datetime | None:
    year, month, day = found
    if year is None and year_hint:
        year = year_hint
    if year is None and reference_date:
        # Sites drop the year for dates in the current year, as seen on the day it was saved.
        year = reference_date.year
        if (month, day) > (reference_date.month, reference_date.day):
            year -= 1
    if year is None:
        # The story's own dates (a caption's "on Tuesday, March 3, 2026") before the chrome's.
        year = _year_near(month, day, _full_dates(story) or _full_dates(text))
        if year is not None:
            result.warnings.append(f"the date's year ({year}) was taken from a date in the text")
    if year is None:
        result.warnings.append(
            f"the page's date ({calendar.month_abbr[month]} {day}) has no year and none could "
            "be found; published is left empty (pass year_hint or reference_date)"
        )
        return None
    try:
        return datetime(year, month, day, tzinfo=tz)
    except ValueError:
        result.warnings.append(f"the page's date {year}-{month:02}-{day:02} does not exist")
        return None


# -- shared -----------------------------------------------------------------------------------


def _finish(result: ParseResult, record: StoryRecord) -> ParseResult:
    result.records.append(record)
    return result


def _slug(url: str, headline: str) -> str:
    """The URL's last segment, percent-decoded, without .html/.php or an index page."""
    segments = [unquote(s) for s in urlsplit(url).path.split("/") if s]
    while segments:
        last = _PAGE_EXTENSION_RE.sub("", segments[-1]).casefold()
        if last in {"article", "story", "post", "show", "view"}:
            break  # a script's name, not the story's: the headline says more
        if last not in {"index", "default", "home", "amp", ""}:
            return slugify(last) or slugify(headline)
        segments.pop()  # /bridge-opens/index.html and /bridge-opens/amp are /bridge-opens/
    return slugify(headline)


_PAGE_EXTENSION_RE = re.compile(r"\.(?:s?html?|php\d?|aspx?|jsp|cfm)$", re.IGNORECASE)


def _byline_names(line: str) -> list[str]:
    """The names of a "By Ann Lee and Li Wen" line; none for a sentence ("By noon, the ...")."""
    match = _BYLINE_RE.match(line)
    if not match or len(line) >= 120:
        return []
    names = _split_names(match.group(1))
    for name in names:
        words = name.split()
        # A name is a few capitalised words ("Ann de la Cruz", "O'Neill"), not a clause.
        if not 1 <= len(words) <= 6 or not words[0][:1].isupper() or name.endswith((".", "!", "?")):
            return []
        if sum(w[:1].isupper() for w in words) * 2 < len(words):
            return []
    return names


def _split_names(text: str) -> list[str]:
    # "By Ann Lee | March 5, 2026" or "By Ann Lee — Updated 9:40": the names end first.
    text = re.split(r"\s*[|\u00b7\u2022]|\s+[\u2014\u2013-]\s+", text.strip())[0]
    text = _FULL_DATE_IN_TEXT_RES[0].split(text)[0].strip(" ,;")
    return [n for n in re.split(r"\s*(?:,| and | & )\s*", text) if n]


def _article_or_body(document: Any) -> Any:
    article = document.find(".//article")
    return article if article is not None else document.find(".//body")


def _nodes(data: Any) -> list[dict[str, Any]]:
    """Every JSON-LD object, flattening lists and @graph."""
    found: list[dict[str, Any]] = []
    stack = [data]
    while stack and len(found) < 500:
        node = stack.pop(0)
        if isinstance(node, list):
            stack.extend(node)
        elif isinstance(node, dict):
            found.append(node)
            if isinstance(node.get("@graph"), list):
                stack.extend(node["@graph"])
    return found


def _types(node: dict[str, Any]) -> set[str]:
    kind = node.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {k.rsplit("/", 1)[-1] for k in kinds if isinstance(k, str)}


def _names(value: Any) -> list[str]:
    values = value if isinstance(value, list) else [value]
    names = []
    for item in values:
        name = item.get("name") if isinstance(item, dict) else item
        if isinstance(name, str) and name.strip() and not name.startswith("http"):
            names.append(_BYLINE_RE.sub(r"\1", plain_text(name)))  # "By Ann Lee" is Ann Lee
    return _unique(names)


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _unique(values: Any) -> list[str]:
    out: list[str] = []
    seen: set[str] = set()
    for value in values:
        if value and value.casefold() not in seen:
            seen.add(value.casefold())
            out.append(value)
    return out


def _fingerprint(*parts: str) -> str:
    return "sha1:" + hashlib.sha1("\x1f".join(parts).encode(), usedforsecurity=False).hexdigest()
