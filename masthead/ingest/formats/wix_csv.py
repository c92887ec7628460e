"""Wix blog posts exported as CSV (the CMS "Posts" collection export).

Spec: no published one; the columns are those of the Wix Blog ``Posts`` collection (Title,
Slug, Excerpt, Author, Main Category, Categories, Tags, Published Date, Last Published Date,
Cover Image, Plain Content, Rich Content, Post Page URL, ID, Internal ID). Rich Content is
Ricos JSON (https://dev.wix.com/docs/ricos/api-reference/ricos-document): a tree of ``nodes``
(PARAGRAPH, HEADING, BULLETED_LIST, ORDERED_LIST, LIST_ITEM, BLOCKQUOTE, IMAGE, DIVIDER,
CODE_BLOCK, TEXT with BOLD/ITALIC/UNDERLINE/STRIKETHROUGH/LINK decorations).

Mapping: ID (else Internal ID, else Slug) → source_id; Title → headline; Slug; Excerpt → dek;
Author → writer and bylines; Main Category → section; Tags and other Categories → tags (bare
IDs dropped); Published Date → published (empty: a draft); Last Published Date → updated;
Cover Image ``wix:image://v1/<id>/...`` → ``https://static.wixstatic.com/media/<id>`` photo;
Rich Content (else Plain Content as paragraphs) → body; Post Page URL → old_urls and, made
absolute with ``site_url``, original_url. Rows are numbered as in a spreadsheet: the header is
row 1. Dropped: Featured, view/like counts, SEO settings, member-only flags.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
from typing import Any

from masthead.ingest.dates import parse_datetime
from masthead.ingest.inputs import Source, decode_text, read_bytes, source_name
from masthead.ingest.markup import (
    absolute_url,
    clean_html,
    slugify,
    text_to_html,
    url_path,
    wix_image_url,
)
from masthead.ingest.records import (
    ImportFileError,
    ItemError,
    ParseResult,
    PhotoRecord,
    StoryRecord,
)
from masthead.text import plain_text

REQUIRED = ("Title",)
# Rich Content cells hold whole articles as JSON; the csv module's default limit is 128 KB.
_FIELD_LIMIT = 32 * 1024 * 1024
_ID_LIKE = re.compile(r"^(?:[0-9a-f]{8}-[0-9a-f]{4}-|[0-9a-f]{24}$|tag-id$)", re.IGNORECASE)
# Columns that hold the writer's name when "Author" holds a member id (exports differ).
_AUTHOR_NAME_COLUMNS = (
    "Author Name", "Author name", "Author Display Name", "Writer", "Writer Name",
    "Author Nickname", "Nickname", "Member Name", "Author Full Name",
)  # fmt: skip
_MEMBER_ID = re.compile(
    r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$|^[0-9a-f]{24,}$", re.I
)
_DECORATION_TAGS = {"BOLD": "strong", "ITALIC": "em", "UNDERLINE": "u", "STRIKETHROUGH": "s"}


def parse(source: Source, *, source_label: str | None = None, site_url: str = "") -> ParseResult:
    name = source_name(source)
    text = decode_text(read_bytes(source), name)
    if text.lstrip().startswith(("{", "[", "<")):
        raise ImportFileError(name, "not a CSV file (it looks like JSON, XML or HTML)")
    csv.field_size_limit(max(csv.field_size_limit(), _FIELD_LIMIT))
    # Quotes come in pairs in any CSV ("" escapes one); an odd count means a quoted cell never
    # ends and would silently swallow the rest of the file. Not strict=True: real exports
    # carry harmless quirks such as `"" ,`.
    if text.count('"') % 2:
        raise ImportFileError(name, "broken CSV: a quoted cell is never closed")
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        header = [h.strip() for h in reader.fieldnames or []]
    except csv.Error as exc:
        raise ImportFileError(name, f"not a readable CSV file ({exc})") from None
    missing = [column for column in REQUIRED if column not in header]
    if missing:
        raise ImportFileError(name, f"not a Wix posts CSV (missing column: {', '.join(missing)})")
    reader.fieldnames = header
    label = source_label or "wix-csv"
    result = ParseResult()
    row_number = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise ImportFileError(name, f"broken CSV after row {row_number} ({exc})") from None
        row_number += 1
        try:
            result.records.append(_story(row, label, site_url, result, row_number))
        except _RowProblem as problem:
            result.errors.append(ItemError(row_number, str(problem)))
    return result


class _RowProblem(Exception):
    pass


def _story(
    row: dict[str, Any], label: str, site_url: str, result: ParseResult, row_number: int
) -> StoryRecord:
    if None in row:
        raise _RowProblem("row has more cells than the header")
    cell = {key: (value or "").strip() for key, value in row.items() if key}
    title = plain_text(cell.get("Title", ""))
    body = ""
    rich = cell.get("Rich Content", "")
    if rich:
        try:
            body = ricos_to_html(json.loads(rich))
        except (json.JSONDecodeError, RecursionError, TypeError, AttributeError):
            result.warnings.append(f"row {row_number}: Rich Content is not Ricos JSON; "
                                   "used Plain Content")  # fmt: skip
    if not body:
        body = text_to_html(cell.get("Plain Content", ""))
    if not title and not body:
        raise _RowProblem("row has no title and no content")
    source_id = cell.get("ID") or cell.get("Internal ID") or cell.get("Slug")
    if not source_id:
        raise _RowProblem(f"post {title[:60]!r} has no ID or slug")

    published = parse_datetime(cell.get("Published Date"))
    if cell.get("Published Date") and published is None:
        raise _RowProblem(f"unreadable Published Date {cell['Published Date'][:40]!r}")
    section = plain_text(cell.get("Main Category", ""))
    tags = [t for t in _list(cell.get("Tags", "")) + _list(cell.get("Categories", "")) if t]
    tags = list(dict.fromkeys(t for t in tags if t != section and not _ID_LIKE.match(t)))
    author = _author_name(cell, row_number, result)
    page_url = cell.get("Post Page URL", "")
    cover = wix_image_url(cell.get("Cover Image", "")) or (
        cell["Cover Image"] if cell.get("Cover Image", "").startswith("http") else ""
    )
    return StoryRecord(
        source=label,
        source_id=source_id,
        headline=title,
        slug=cell.get("Slug") or slugify(title),
        dek=plain_text(cell.get("Excerpt", "")),
        writer=author,
        bylines=[author] if author else [],
        published=published,
        updated=parse_datetime(cell.get("Last Published Date")),
        section=section,
        tags=tags,
        photos=[PhotoRecord(cover)] if cover else [],
        body_html=clean_html(body),
        original_url=_original_url(page_url, site_url),
        status="published" if published else "draft",
        old_urls=[p for p in [url_path(page_url)] if p and p != "/"],
    )


def _original_url(page_url: str, site_url: str) -> str:
    url = absolute_url(page_url, site_url)
    return url if url.startswith(("http://", "https://")) else ""


def _list(value: str) -> list[str]:
    """A cell holding a JSON list or comma-separated names."""
    value = value.strip()
    if value.startswith("["):
        try:
            items = json.loads(value)
        except json.JSONDecodeError:
            items = value.strip("[]").split(",")
    else:
        items = value.split(",")
    return [plain_text(str(i)).strip(" \"'") for i in items if isinstance(i, str | int)]


# -- Ricos ------------------------------------------------------------------------------------


def ricos_to_html(document: dict[str, Any]) -> str:
    """Ricos JSON (Wix's rich content) to HTML for the common node types."""
    return "".join(_node(n) for n in document.get("nodes", []) if isinstance(n, dict))


def _children(node: dict[str, Any]) -> str:
    return "".join(_node(n) for n in node.get("nodes", []) if isinstance(n, dict))


def _node(node: dict[str, Any]) -> str:
    kind = node.get("type")
    if kind == "TEXT":
        return _text(node.get("textData") or {})
    if kind == "PARAGRAPH":
        inner = _children(node)
        return f"<p>{inner}</p>" if inner.strip() else ""
    if kind == "HEADING":
        level = (node.get("headingData") or {}).get("level", 2)
        level = min(max(int(level) if isinstance(level, int) else 2, 2), 6)
        return f"<h{level}>{_children(node)}</h{level}>"
    if kind in {"BULLETED_LIST", "ORDERED_LIST"}:
        tag = "ol" if kind == "ORDERED_LIST" else "ul"
        return f"<{tag}>{_children(node)}</{tag}>"
    if kind == "LIST_ITEM":
        # List items wrap their text in paragraphs; inside <li> those are noise.
        inner = re.sub(r"^<p>(.*)</p>$", r"\1", _children(node), flags=re.DOTALL)
        return f"<li>{inner}</li>"
    if kind == "BLOCKQUOTE":
        return f"<blockquote>{_children(node)}</blockquote>"
    if kind == "IMAGE":
        return _image(node)
    if kind == "DIVIDER":
        return "<hr>"
    if kind == "CODE_BLOCK":
        return f"<pre><code>{_children(node)}</code></pre>"
    return _children(node)


def _text(data: dict[str, Any]) -> str:
    text = html.escape(data.get("text") or "", quote=False).replace("\n", "<br>")
    for decoration in data.get("decorations") or []:
        if not isinstance(decoration, dict):
            continue
        kind = decoration.get("type")
        if kind in _DECORATION_TAGS:
            tag = _DECORATION_TAGS[kind]
            text = f"<{tag}>{text}</{tag}>"
        elif kind == "LINK":
            link = ((decoration.get("linkData") or {}).get("link") or {}).get("url", "")
            if link:
                text = f'<a href="{html.escape(link)}">{text}</a>'
    return text


def _image(node: dict[str, Any]) -> str:
    data = node.get("imageData") or {}
    src = ((data.get("image") or {}).get("src")) or {}
    url = src.get("url") or ""
    if not url and src.get("id"):
        url = f"https://static.wixstatic.com/media/{src['id']}"
    if not url:
        return ""
    alt = html.escape(data.get("altText") or "")
    caption = data.get("caption") or plain_text(_children(node))
    figcaption = f"<figcaption>{html.escape(caption)}</figcaption>" if caption else ""
    return f'<figure><img src="{html.escape(url)}" alt="{alt}">{figcaption}</figure>'


def _author_name(cell: dict[str, str], row_number: int, result: ParseResult) -> str:
    """The writer's name. The hosted builder's export often puts the member's id in "Author":
    a byline is never an id, so a name column is used instead, else no byline (with a note)."""
    author = plain_text(cell.get("Author", ""))
    if author and not _MEMBER_ID.match(author):
        return author
    for column in _AUTHOR_NAME_COLUMNS:
        name = plain_text(cell.get(column, ""))
        if name and not _MEMBER_ID.match(name):
            return name
    if author:
        result.warnings.append(
            f"row {row_number}: the Author column holds a member id, not a name; "
            "the story has no byline (add it in the newsroom)"
        )
    return ""
