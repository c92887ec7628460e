"""Ghost JSON export (Settings → Labs → Export), Ghost 0.x to 5.x.

Spec: Ghost's import/export format as documented at https://ghost.org/docs/migration/custom/
(``{"db": [{"meta": {...}, "data": {...}}]}``, or the bare ``{"meta", "data"}`` object), with
bodies in ``html``, or only in ``mobiledoc`` (https://github.com/bustle/mobiledoc-kit, format
0.3) or ``lexical`` (Lexical's serialized editor state) when ``html`` is null.

Only an allow-list of fields is ever read. An export also holds password hashes, API keys,
integration and webhook secrets, session secrets and the site's settings; this module reads
no setting but the site's own ``url`` and never looks at ``api_keys``, ``integrations``,
``webhooks``, ``sessions`` or any user field but ``id``/``name``/``slug``, so none of it can
reach a record, a warning or an error.

Mapping: id (an integer in 0.x) → source_id; title → headline; slug; custom_excerpt (else
meta_description) → dek; posts_authors (by sort order; old exports: author_id) → writer
(first) and bylines; posts_tags → section (first public tag) and tags (public tags;
``#internal`` tags dropped); feature_image (0.x/1.x: image) with feature_image_caption/alt
(on the post, or in posts_meta) → first photo, the credit split off its caption; html (else
lexical, mobiledoc or 0.x markdown converted) → body; status published/draft/scheduled
(sent → private); type page (or page: true / 1) → kind; published_at (ISO or epoch ms) →
published; updated_at → updated; canonical_url → original_url; ``/<slug>/`` → old_urls. Ghost 5
writes its own address as
``__GHOST_URL__`` in bodies and image URLs and older ones use ``/content/images/...``:
both are resolved against ``site_url`` (else the export's ``url`` setting). Posts for members,
paid tiers or email only import unpublished, with a warning. Dropped: members, newsletters,
code injection, og/twitter overrides, comments (not in exports).
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from masthead.embeds import embed_card
from masthead.ingest.credits import split_caption_credit, split_credit
from masthead.ingest.dates import parse_datetime
from masthead.ingest.inputs import Source, load_json
from masthead.ingest.markup import absolute_url, clean_html
from masthead.ingest.records import (
    ImportFileError,
    ItemError,
    ParseResult,
    PhotoRecord,
    StoryRecord,
)
from masthead.text import plain_text, render_markdown

STATUS_MAP = {"published": "published", "draft": "draft", "scheduled": "scheduled", "sent": "private"}  # fmt: skip  # noqa: E501


GHOST_URL = "__GHOST_URL__"


def parse(source: Source, *, source_label: str | None = None, site_url: str = "") -> ParseResult:
    """``site_url`` is the old Ghost site's address, for the ``__GHOST_URL__`` placeholders."""
    data, name = load_json(source)
    db = _unwrap(data, name)
    posts = db.get("posts")
    if not isinstance(posts, list):
        raise ImportFileError(name, "not a Ghost export (data.posts is not a list)")
    site_url = site_url or _settings_url(db)
    site_language = _settings_language(db)
    users = {_id(u.get("id")): plain_text(_s(u.get("name"))) for u in _dicts(db.get("users"))}
    tags = {
        _id(t.get("id")): plain_text(_s(t.get("name")))
        for t in _dicts(db.get("tags"))
        if t.get("visibility", "public") == "public" and not _s(t.get("name")).startswith("#")
    }
    authors_of = _joined(db.get("posts_authors"), "author_id")
    tags_of = _joined(db.get("posts_tags"), "tag_id")
    meta_of = {_id(m.get("post_id")): m for m in _dicts(db.get("posts_meta"))}
    label = source_label or "ghost"

    result = ParseResult()
    for position, post in enumerate(posts, start=1):
        if not isinstance(post, dict):
            result.errors.append(ItemError(position, "post is not a JSON object"))
            continue
        post_id = _id(post.get("id"))
        title = plain_text(_s(post.get("title")))
        if not post_id:
            result.errors.append(ItemError(position, f"post {title[:60]!r} has no id"))
            continue
        author_ids = authors_of.get(post_id) or [_id(post.get("author_id"))]
        bylines = [users[a] for a in author_ids if users.get(a)]
        tag_names = [tags[t] for t in tags_of.get(post_id, []) if tags.get(t)]
        meta = meta_of.get(post_id, {})
        status = STATUS_MAP.get(_s(post.get("status")), "draft")
        visibility = _s(post.get("visibility")) or "public"
        if visibility != "public" or post.get("email_only") is True:
            # Never make a members-only, paid or newsletter-only post public by importing it.
            if status in {"published", "scheduled"}:
                status = "private"
            who = "sent by email only" if post.get("email_only") is True else f"for {visibility}"
            result.warnings.append(f"post {post_id} is {who} in Ghost: imported unpublished")
        is_page = post.get("type") == "page" or post.get("page") in (True, 1, "1", "true")
        kind = "page" if is_page else "post"
        try:
            body = post_html(post)
        except (ValueError, TypeError, KeyError, json.JSONDecodeError, RecursionError):
            result.errors.append(ItemError(position, f"post {post_id}: unreadable body"))
            continue
        slug = _s(post.get("slug"))
        result.records.append(
            StoryRecord(
                # Ghost keeps one language for the site (the "locale" setting); some
                # exports also carry a post's own.
                language=(_s(post.get("locale")) or _s(post.get("lang")) or site_language)[:16],
                source=label,
                source_id=post_id,
                headline=title,
                slug=slug,
                dek=plain_text(_s(post.get("custom_excerpt")) or _s(post.get("meta_description"))),
                writer=bylines[0] if bylines else "",
                bylines=bylines,
                published=parse_datetime(post.get("published_at")),
                updated=parse_datetime(post.get("updated_at")),
                section=tag_names[0] if tag_names else "",
                tags=tag_names,
                photos=[
                    dataclasses.replace(p, url=absolute_url(_site(p.url, site_url), site_url))
                    for p in _feature_image(post, meta)
                ],
                body_html=clean_html(_site(body, site_url), base=site_url),
                original_url=_site(_s(post.get("canonical_url")), site_url),
                status=status,  # type: ignore[arg-type]
                kind=kind,  # type: ignore[arg-type]
                old_urls=[f"/{slug}/"] if slug else [],
            )
        )
    if not site_url and any(
        GHOST_URL in r.body_html or any(_relative(p.url) for p in r.photos) for r in result.records
    ):
        result.warnings.append(
            f"links and images point at {GHOST_URL} or /content/images/: give the old site's"
            " address (--site-url)"
        )
    return result


def _settings_url(db: dict[str, Any]) -> str:
    """The site's own address when the export records it (only this one setting is read)."""
    for row in _dicts(db.get("settings")):
        if row.get("key") in {"url", "site_url"} and _s(row.get("value")).startswith(
            ("http://", "https://")
        ):
            return _s(row.get("value"))
    return ""


def _settings_language(db: dict[str, Any]) -> str:
    """The site's language ("locale": "es") when the export records it."""
    for row in _dicts(db.get("settings")):
        if row.get("key") in {"locale", "lang"} and _s(row.get("value")):
            return _s(row.get("value")).strip()[:16]
    return ""


def _relative(url: str) -> bool:
    return GHOST_URL in url or url.startswith("/")


def _site(text: str, site_url: str) -> str:
    return text.replace(GHOST_URL, site_url.rstrip("/")) if site_url else text


def post_html(post: dict[str, Any]) -> str:
    """The post's HTML, converting lexical or mobiledoc when Ghost left ``html`` empty."""
    if _s(post.get("html")):
        return post["html"]
    if _s(post.get("lexical")):
        return lexical_to_html(json.loads(post["lexical"]))
    if _s(post.get("mobiledoc")):
        return mobiledoc_to_html(json.loads(post["mobiledoc"]))
    if _s(post.get("markdown")):  # Ghost 0.x kept the Markdown source beside the HTML
        return render_markdown(post["markdown"])
    return ""


def _unwrap(data: Any, name: str) -> dict[str, Any]:
    if isinstance(data, dict) and isinstance(data.get("db"), list) and data["db"]:
        data = data["db"][0]
    if isinstance(data, dict) and isinstance(data.get("data"), dict):
        return data["data"]
    raise ImportFileError(
        name, "not a Ghost export (expected {db: [{meta, data}]} or {meta, data})"
    )


def _feature_image(post: dict[str, Any], meta: dict[str, Any]) -> list[PhotoRecord]:
    url = _s(post.get("feature_image")) or _s(post.get("image"))  # 0.x/1.x: image
    if not url:
        return []
    caption_html = _s(post.get("feature_image_caption")) or _s(meta.get("feature_image_caption"))
    caption, credit = split_caption_credit(plain_text(caption_html))
    alt = plain_text(_s(post.get("feature_image_alt")) or _s(meta.get("feature_image_alt")))
    photographer, agency = split_credit(credit)
    return [PhotoRecord(url, caption, credit, alt or caption, photographer, agency)]


def _joined(rows: Any, key: str) -> dict[str, list[str]]:
    joined: dict[str, list[tuple[int, str]]] = {}
    for row in _dicts(rows):
        order = row.get("sort_order") if isinstance(row.get("sort_order"), int) else 0
        joined.setdefault(_id(row.get("post_id")), []).append((order, _id(row.get(key))))
    return {post: [value for _o, value in sorted(pairs, key=lambda p: p[0])] for post, pairs
            in joined.items()}  # fmt: skip


# -- lexical ----------------------------------------------------------------------------------

_FORMATS = ((1, "strong"), (2, "em"), (4, "s"), (8, "u"), (16, "code"), (32, "sub"), (64, "sup"))


def lexical_to_html(state: dict[str, Any]) -> str:
    """Lexical editor state (Ghost 5) to HTML for the common nodes and cards."""
    root = state.get("root", state)
    return "".join(_lexical_node(child) for child in root.get("children", []))


def _lexical_children(node: dict[str, Any]) -> str:
    return "".join(_lexical_node(child) for child in node.get("children", []))


def _lexical_node(node: dict[str, Any]) -> str:
    kind = node.get("type")
    if kind in {"text", "extended-text"}:
        text = _escape(_t(node.get("text")))
        for bit, tag in _FORMATS:
            if int(node.get("format") or 0) & bit:
                text = f"<{tag}>{text}</{tag}>"
        return text
    if kind == "linebreak":
        return "<br>"
    if kind in {"paragraph", "extended-paragraph"}:
        return f"<p>{_lexical_children(node)}</p>"
    if kind in {"heading", "extended-heading"}:
        tag = node.get("tag") if node.get("tag") in {"h2", "h3", "h4", "h5", "h6"} else "h2"
        return f"<{tag}>{_lexical_children(node)}</{tag}>"
    if kind == "list":
        tag = "ol" if node.get("listType") == "number" else "ul"
        return f"<{tag}>{_lexical_children(node)}</{tag}>"
    if kind == "listitem":
        return f"<li>{_lexical_children(node)}</li>"
    if kind in {"quote", "aside", "extended-quote"}:
        return f"<blockquote>{_lexical_children(node)}</blockquote>"
    if kind in {"link", "autolink"}:
        return f'<a href="{_escape(_s(node.get("url")))}">{_lexical_children(node)}</a>'
    if kind == "image":
        return _figure(_s(node.get("src")), _s(node.get("alt")), _s(node.get("caption")))
    if kind == "gallery":
        return "".join(_figure(_s(i.get("src")), _s(i.get("alt")), _s(i.get("caption")))
                       for i in node.get("images", []) if isinstance(i, dict))  # fmt: skip
    if kind in {"html", "embed"}:
        return _s(node.get("html")) or embed_card(_s(node.get("url")))
    if kind == "markdown":
        return render_markdown(_s(node.get("markdown")))
    if kind == "codeblock":
        return f"<pre><code>{_escape(_s(node.get('code')))}</code></pre>"
    if kind == "horizontalrule":
        return "<hr>"
    if kind == "bookmark":
        url = _s(node.get("url"))
        title = _s((node.get("metadata") or {}).get("title")) or url
        return f'<p><a href="{_escape(url)}">{_escape(title)}</a></p>'
    if kind == "callout":
        return f"<p>{_s(node.get('calloutText'))}</p>"
    return _lexical_children(node)  # unknown container: keep its text


# -- mobiledoc --------------------------------------------------------------------------------


def mobiledoc_to_html(doc: dict[str, Any]) -> str:
    """Mobiledoc 0.3 (Ghost 1-4) to HTML: markup, card and list sections."""
    markups = doc.get("markups", [])
    cards = doc.get("cards", [])
    atoms = doc.get("atoms", [])
    out = []
    for section in doc.get("sections", []):
        kind = section[0]
        if kind == 1:  # markup section: [1, tagName, markers]
            tag = str(section[1]).lower()
            tag = tag if tag in {"p", "h2", "h3", "h4", "h5", "h6", "blockquote", "aside"} else "p"
            tag = "blockquote" if tag == "aside" else tag
            out.append(f"<{tag}>{_markers(section[2], markups, atoms)}</{tag}>")
        elif kind == 3:  # list section: [3, "ul"|"ol", [markers, ...]]
            tag = "ol" if section[1] == "ol" else "ul"
            items = "".join(f"<li>{_markers(item, markups, atoms)}</li>" for item in section[2])
            out.append(f"<{tag}>{items}</{tag}>")
        elif kind == 10:  # card section: [10, card index]
            name, payload = cards[section[1]]
            out.append(_card(name, payload or {}))
    return "".join(out)


def _markers(markers: list[Any], markups: list[Any], atoms: list[Any]) -> str:
    html, stack = [], []
    for marker_type, opens, closes, value in markers:
        for index in opens:
            tag, *rest = markups[index]
            attrs = dict(zip(rest[0][::2], rest[0][1::2], strict=False)) if rest and rest[0] else {}
            tag = str(tag).lower()
            href = f' href="{_escape(_s(attrs.get("href")))}"' if tag == "a" else ""
            html.append(f"<{tag}{href}>")
            stack.append(tag)
        if marker_type == 1:  # atom: [name, text, payload]
            html.append(_escape(_t(atoms[value][1])))
        else:
            html.append(_escape(_t(value)))
        for _ in range(int(closes)):
            if stack:
                html.append(f"</{stack.pop()}>")
    html.extend(f"</{tag}>" for tag in reversed(stack))
    return "".join(html)


def _card(name: str, payload: dict[str, Any]) -> str:
    if name == "image":
        return _figure(_s(payload.get("src")), _s(payload.get("alt")), _s(payload.get("caption")))
    if name == "gallery":
        return "".join(_figure(_s(i.get("src")), _s(i.get("alt")), _s(i.get("caption")))
                       for i in payload.get("images", []) if isinstance(i, dict))  # fmt: skip
    if name in {"html", "embed"}:
        return _s(payload.get("html")) or embed_card(_s(payload.get("url")))
    if name in {"markdown", "card-markdown"}:
        return render_markdown(_s(payload.get("markdown")))
    if name == "code":
        return f"<pre><code>{_escape(_s(payload.get('code')))}</code></pre>"
    if name == "hr":
        return "<hr>"
    if name == "bookmark":
        meta = payload.get("metadata") or {}
        url = _s(meta.get("url") or payload.get("url"))
        return f'<p><a href="{_escape(url)}">{_escape(_s(meta.get("title")) or url)}</a></p>'
    return ""


# -- small helpers ----------------------------------------------------------------------------


def _figure(src: str, alt: str, caption: str) -> str:
    if not src:
        return ""
    figcaption = f"<figcaption>{caption}</figcaption>" if caption else ""
    return f'<figure><img src="{_escape(src)}" alt="{_escape(alt)}">{figcaption}</figure>'


def _escape(text: str) -> str:
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


def _dicts(value: Any) -> list[dict[str, Any]]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def _id(value: Any) -> str:
    """Ghost 0.x numbered rows with integers, later versions with 24-hex-digit strings."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return _s(value)


def _t(value: Any) -> str:
    """Text exactly as written: the spaces between formatted runs matter."""
    return value if isinstance(value, str) else ""


def _s(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""
