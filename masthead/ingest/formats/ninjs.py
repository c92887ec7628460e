"""IPTC ninjs (News in JSON) 1.x, 2.x and 3.x.

Spec: https://iptc.org/standards/ninjs/ (schemas ``ninjs-schema_1.6.json``, ``_2.2.json`` and
``_3.1.json``). A file holds one item, a list of items, or an object with an ``items`` list.

Versions are rarely declared, so they are detected from key names: 3.x writes camelCase
(``versionCreated``, ``contentType``, ``copyrightHolder``, ``pubStatus``), 2.x writes the
same names in lower case, and both use lists (``headlines``, ``bodies``, ``descriptions``,
``associations``, ``renditions``, ``subjects``); 1.x uses single values with a role suffix
(``headline``, ``headline_main``, ``body_html``, ``body_xhtml``, ``body_text``,
``description_text``, ``byline``) and name-keyed objects for ``associations`` and
``renditions``. Keys are folded to lower case first, which makes 2.x and 3.x the same shape.

Mapping: uri → source_id (and original_url when it is a web address); main/first headline →
headline; slugline → slug; description (summary/text role) → dek; ``by``/``byline`` → bylines;
firstcreated/contentcreated (else versioncreated) → published; versioncreated → updated;
subjects → tags; copyrightholder (else infosource, else provider) → source_name;
HTML body (else the plain-text body as paragraphs) → body; picture/graphic associations, or the
item itself when it is a picture → photos (best rendition; caption from the caption/text
description; credit from the ``creditline`` description, else ``by`` / copyrightholder);
embargoed → embargoed_until; expires → expires (the loader takes the story off the site
then); pubstatus usable → published, withheld → draft, canceled →
private (a future embargo makes it scheduled).
Dropped: people/places/organisations/events (not tags), genres, urgency, usage terms and
rights, located, altids, trust indicators, video/audio renditions, schema extensions.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

from masthead.ingest.dates import parse_datetime
from masthead.ingest.inputs import Source, load_json
from masthead.ingest.markup import clean_html, slugify, split_credit, text_to_html
from masthead.ingest.records import (
    ImportFileError,
    ItemError,
    ParseResult,
    PhotoRecord,
    StoryRecord,
)
from masthead.text import plain_text

PUBSTATUS = {"usable": "published", "withheld": "draft", "canceled": "private"}
_PICTURE_TYPES = {"picture", "graphic"}
_HTML_TYPES = ("html", "xml")
# Rendition names that usually hold the full-size image, best first.
_RENDITION_NAMES = ("original", "highres", "hughres", "baseimage", "main", "viewimage", "preview")
_IMAGE_URL_RE = re.compile(r"\.(?:jpe?g|png|gif|webp|tiff?)(?:$|[?#])", re.IGNORECASE)
_CAMEL_RE = re.compile(r"[a-z][A-Z]")


def parse(source: Source, *, source_label: str | None = None) -> ParseResult:
    data, name = load_json(source)
    items = _items(data, name)
    result = ParseResult()
    label = source_label or "ninjs"
    for position, raw in enumerate(items, start=1):
        if not isinstance(raw, dict):
            result.errors.append(ItemError(position, "item is not a JSON object"))
            continue
        try:
            result.records.append(_story(raw, label))
        except _ItemProblem as problem:
            result.errors.append(ItemError(position, str(problem)))
    return result


def detect_version(item: dict[str, Any]) -> int:
    """The ninjs major version an item was written in: 1, 2 or 3."""
    standard = item.get("$standard") or item.get("standard")
    if isinstance(standard, dict) and str(standard.get("version", ""))[:1] in {"1", "2", "3"}:
        return int(str(standard["version"])[0])
    if _has_camel_case(item):
        return 3
    if any(isinstance(item.get(k), list) for k in ("headlines", "bodies", "descriptions")):
        return 2
    if isinstance(item.get("associations"), list) or isinstance(item.get("renditions"), list):
        return 2
    return 1


class _ItemProblem(Exception):
    pass


def _items(data: Any, name: str) -> list[Any]:
    if isinstance(data, list):
        items = data
    elif isinstance(data, dict) and isinstance(data.get("items"), list):
        items = data["items"]
    elif isinstance(data, dict):
        items = [data]
    else:
        raise ImportFileError(name, "not a ninjs document (expected an object or a list)")
    if not items:
        raise ImportFileError(name, "no ninjs items in the file")
    if not any(isinstance(i, dict) and ("uri" in i or "type" in i or "guid" in i) for i in items):
        raise ImportFileError(name, "not a ninjs document (no item has a uri or type)")
    return items


def _story(raw: dict[str, Any], label: str) -> StoryRecord:
    version = detect_version(raw)
    item = _fold(raw)
    uri = _str(item.get("uri") or item.get("guid"))
    headline = _headline(item, version)
    body = _body(item, version)
    if not uri:
        raise _ItemProblem(f"item {headline[:60]!r} has no uri")
    if not headline and not body:
        raise _ItemProblem(f"item {uri} has neither a headline nor a body")

    byline = plain_text(_str(item.get("by") or item.get("byline")))
    published = _date(item.get("firstcreated") or item.get("contentcreated"))
    updated = _date(item.get("versioncreated"))
    embargoed = _date(item.get("embargoed"))
    status = PUBSTATUS.get(_str(item.get("pubstatus")).lower(), "published")
    if status == "published" and embargoed and embargoed > datetime.now(UTC):
        status = "scheduled"

    photos = []
    if _str(item.get("type")) in _PICTURE_TYPES:
        photo = _photo(item, version)
        if photo:
            photos.append(photo)
    for association in _associations(item):
        if _str(association.get("type")) in _PICTURE_TYPES or _best_rendition(association):
            photo = _photo(association, version)
            if photo and photo.url not in {p.url for p in photos}:
                photos.append(photo)

    dek = _description(item, version, roles=("summary", "abstract", "text", ""))
    excerpt_only = False
    if not body and dek and _str(item.get("type")) in {"text", "composite", ""}:
        # A text item sent with only its description: keep it, flagged as an excerpt.
        body, excerpt_only = clean_html(text_to_html(dek)), True

    # "language" in ninjs 1.x and 2.x; "lang" since 3.0 (both BCP 47 tags).
    language = _str(item.get("language")) or _str(item.get("lang"))
    return StoryRecord(
        language=language.strip()[:16],
        source=label,
        source_id=uri,
        headline=headline,
        slug=slugify(_str(item.get("slugline")) or headline),
        dek=dek,
        bylines=[byline] if byline else [],
        published=published or updated,
        updated=updated,
        tags=_subjects(item),
        photos=photos,
        body_html=body,
        source_name=_source_name(item),
        original_url=uri if urlsplit(uri).scheme in {"http", "https"} else "",
        status=status,  # type: ignore[arg-type]
        embargoed_until=embargoed,
        expires=_date(item.get("expires")),
        excerpt_only=excerpt_only,
    )


def _headline(item: dict[str, Any], version: int) -> str:
    if version >= 2 and isinstance(item.get("headlines"), list):
        return plain_text(_by_role(item["headlines"], ("main", "", "simple")))
    for key in ("headline", "headline_main", "headline_simple"):
        if item.get(key):
            return plain_text(_str(item[key]))
    values = [_str(v) for k, v in item.items() if k.startswith("headline_") and v]
    return plain_text(values[0]) if values else plain_text(_str(item.get("title")))


def _body(item: dict[str, Any], version: int) -> str:
    candidates: list[tuple[str, str]] = []  # (content type or key, value)
    if isinstance(item.get("bodies"), list):
        for body in item["bodies"]:
            if isinstance(body, dict) and isinstance(body.get("value"), str):
                candidates.append((_str(body.get("contenttype")), body["value"]))
    for key, value in item.items():
        if key.startswith("body_") and isinstance(value, str):
            kind = "text/plain" if key == "body_text" else "text/html"
            candidates.append((kind, value))
    html = [v for kind, v in candidates if any(t in kind for t in _HTML_TYPES) and v.strip()]
    if html:
        return clean_html(max(html, key=len))
    text = [v for _kind, v in candidates if v.strip()]
    return clean_html(text_to_html(max(text, key=len))) if text else ""


def _description(item: dict[str, Any], version: int, *, roles: tuple[str, ...]) -> str:
    if isinstance(item.get("descriptions"), list):
        return plain_text(_by_role(item["descriptions"], roles))
    for key in ("description_text", "description_usage", "description_richtext"):
        if item.get(key):
            return plain_text(_str(item[key]))
    return ""


def _photo(item: dict[str, Any], version: int) -> PhotoRecord | None:
    url = _best_rendition(item)
    uri = _str(item.get("uri"))
    if not url and _IMAGE_URL_RE.search(uri):
        url = uri
    if not url:
        return None
    caption = _description(item, version, roles=("caption", "text", "", "summary"))
    credit = ""
    photographer = plain_text(_str(item.get("by") or item.get("byline")))
    agency = plain_text(_str(item.get("copyrightholder")))
    if isinstance(item.get("descriptions"), list):
        credit = plain_text(_by_role(item["descriptions"], ("creditline",), fallback=False))
    credit = credit or plain_text(_str(item.get("creditline") or item.get("description_credit")))
    if not credit:
        credit = "/".join(part for part in (photographer, agency) if part)
    elif not (photographer or agency):
        photographer, agency = split_credit(credit)
    if not credit:
        credit = plain_text(_str(item.get("copyrightnotice")))
    return PhotoRecord(
        url=url,
        caption=caption,
        credit=credit,
        alt=caption or _headline(item, version),
        photographer=photographer,
        agency=agency,
    )


def _best_rendition(item: dict[str, Any]) -> str:
    renditions = item.get("renditions")
    if isinstance(renditions, dict):  # 1.x: keyed by name
        pairs = [(name, r) for name, r in renditions.items() if isinstance(r, dict)]
    elif isinstance(renditions, list):
        pairs = [(_str(r.get("name")), r) for r in renditions if isinstance(r, dict)]
    else:
        return ""
    images = [
        (name.lower(), r)
        for name, r in pairs
        if _str(r.get("href"))
        and not _str(r.get("contenttype") or r.get("mimetype")).startswith(("video", "audio"))
    ]
    if not images:
        return ""
    for wanted in _RENDITION_NAMES:
        for name, rendition in images:
            if name == wanted:
                return _str(rendition["href"])

    def area(pair: tuple[str, dict[str, Any]]) -> float:
        width, height = pair[1].get("width") or 0, pair[1].get("height") or 0
        return float(width) * float(height) if _is_number(width) and _is_number(height) else 0

    return _str(max(images, key=area)[1]["href"])


def _associations(item: dict[str, Any]) -> list[dict[str, Any]]:
    associations = item.get("associations")
    if isinstance(associations, dict):  # 1.x: keyed by name
        return [a for a in associations.values() if isinstance(a, dict)]
    if isinstance(associations, list):
        return [a for a in associations if isinstance(a, dict)]
    return []


def _subjects(item: dict[str, Any]) -> list[str]:
    tags: list[str] = []
    for key in ("subjects", "subject"):
        for subject in item.get(key) or []:
            if isinstance(subject, dict):
                name = plain_text(_str(subject.get("name")))
                if name and name not in tags:
                    tags.append(name)
    return tags


def _source_name(item: dict[str, Any]) -> str:
    holder = plain_text(_str(item.get("copyrightholder")))
    if holder:
        return holder
    for key in ("infosources", "infosource"):
        sources = item.get(key)
        if isinstance(sources, list) and sources and isinstance(sources[0], dict):
            return plain_text(_str(sources[0].get("name")))
    provider = item.get("provider")
    if isinstance(provider, dict):
        return plain_text(_str(provider.get("name")))
    return plain_text(_str(provider))


def _by_role(values: list[Any], roles: tuple[str, ...], *, fallback: bool = True) -> str:
    """The value with the first matching role ("" = no role), else the first value."""
    entries = [v for v in values if isinstance(v, dict) and isinstance(v.get("value"), str)]
    for role in roles:
        for entry in entries:
            if _str(entry.get("role")).lower() == role and entry["value"].strip():
                return entry["value"]
    if fallback:
        for entry in entries:
            if _str(entry.get("role")).lower() not in {"creditline", "writer"}:
                return entry["value"]
    return ""


def _fold(value: Any) -> Any:
    """Lower-case every key: 3.x camelCase then reads like 2.x."""
    if isinstance(value, dict):
        return {str(k).lower(): _fold(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_fold(v) for v in value]
    return value


def _has_camel_case(value: Any, depth: int = 0) -> bool:
    if depth > 3:
        return False
    if isinstance(value, dict):
        return any(
            (isinstance(k, str) and _CAMEL_RE.search(k) and not k.startswith("$"))
            or _has_camel_case(v, depth + 1)
            for k, v in value.items()
        )
    if isinstance(value, list):
        return any(_has_camel_case(v, depth + 1) for v in value[:5])
    return False


def _date(value: Any) -> datetime | None:
    return parse_datetime(value) if isinstance(value, str) else None


def _str(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)
