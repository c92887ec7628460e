"""Revisions: every save of a story keeps a numbered copy of its content, which editors compare
and restore. A restore is itself a new revision, so nothing is ever lost."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from masthead.photos.models import Photo

from .bylines import bylines_set
from .models import Article, Author, Revision, Section, Tag
from .workflow import WorkflowPermissionError, can_edit

# Plain fields copied as they are; related things are kept with their names (see snapshot), so
# an old revision still reads well after an author or a tag is renamed or deleted.
TEXT_FIELDS = (
    "headline", "slug", "dek", "body", "body_format", "byline_text", "source_name",
    "source_credit", "original_url", "comments_enabled",
)  # fmt: skip

# The order and labels of the compared fields.
FIELD_LABELS = {
    "headline": "Headline",
    "slug": "Slug",
    "dek": "Dek",
    "section": "Section",
    "body": "Body",
    "body_format": "Body format",
    "hero_photo": "Hero photo",
    "writer": "Posted by",
    "authors": "Byline authors",
    "byline_text": "Free-text byline",
    "tags": "Tags",
    "source_name": "News service",
    "source_credit": "Credit line",
    "original_url": "Original URL",
    "comments_enabled": "Comments enabled",
}


def _ref(obj) -> dict | None:
    return None if obj is None else {"id": obj.pk, "name": str(obj)}


def snapshot(article: Article) -> dict:
    """The content of ``article`` as plain JSON."""
    data = {name: getattr(article, name) for name in TEXT_FIELDS}
    data["section"] = _ref(article.section)
    data["writer"] = _ref(article.writer)
    data["hero_photo"] = _ref(article.hero_photo)
    data["authors"] = [
        _ref(byline.author)
        for byline in article.bylines.select_related("author").order_by("position", "pk")
    ]
    data["tags"] = [_ref(tag) for tag in article.tags.order_by("name")]
    return data


def revision_create(
    *, article: Article, user, note: str = "", content: dict | None = None
) -> Revision:
    """Keep the content ``article`` has now as its next revision (or ``content``, a snapshot
    of what it would become: a change proposed for an editor to restore)."""
    with transaction.atomic():
        last = article.revisions.aggregate(last=Max("number"))["last"] or 0
        return Revision.objects.create(
            article=article,
            number=last + 1,
            content=snapshot(article) if content is None else content,
            created_by=user if getattr(user, "pk", None) else None,
            created_at=timezone.now(),
            note=note[:200],
        )


def _existing(model, ref: dict | None):
    if not ref:
        return None
    return model._default_manager.filter(pk=ref["id"]).first()


@transaction.atomic
def revision_restore(*, revision: Revision, user) -> Revision:
    """Put the content of ``revision`` back on its story, as a new revision.

    The story's state and publication time stay as they are. Authors, tags, a section or a
    photo deleted since are left out; a slug taken since by another story is not reused.
    """
    article = Article.objects.select_for_update(of=("self",)).get(pk=revision.article_id)
    if not can_edit(user, article):
        raise WorkflowPermissionError("You may not edit this story, so you can’t restore it.")
    content = revision.content
    for name in TEXT_FIELDS:
        if name in content:
            setattr(article, name, content[name])
    if Article.objects.filter(slug=article.slug).exclude(pk=article.pk).exists():
        article.slug = Article.objects.only("slug").get(pk=article.pk).slug
    article.section = _existing(Section, content.get("section")) or article.section
    article.writer = _existing(Author, content.get("writer"))
    article.hero_photo = _existing(Photo, content.get("hero_photo"))
    article.save()
    authors = [author for ref in content.get("authors", []) if (author := _existing(Author, ref))]
    bylines_set(article=article, authors=authors)
    article.tags.set(Tag.objects.filter(pk__in=[ref["id"] for ref in content.get("tags", [])]))
    return revision_create(article=article, user=user, note=f"Restored revision {revision.number}")


# --- Comparing two revisions ----------------------------------------------------------------

_TOKEN_RE = re.compile(r"\s+|\w+|[^\w\s]", re.UNICODE)


@dataclass
class Segment:
    """A run of text in a compared line: ``op`` is equal, insert or delete."""

    op: str
    text: str


@dataclass
class Line:
    """One line of a compared text: equal, insert, delete or change (with word segments), or
    ``skip`` standing for ``count`` unchanged lines."""

    kind: str
    segments: list[Segment] = field(default_factory=list)
    count: int = 0


@dataclass
class FieldChange:
    name: str
    label: str
    lines: list[Line]


def word_diff(old: str, new: str) -> list[Segment]:
    """Segments that turn ``old`` into ``new``, word by word."""
    a, b = _TOKEN_RE.findall(old), _TOKEN_RE.findall(new)
    segments: list[Segment] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            segments.append(Segment("equal", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            segments.append(Segment("delete", "".join(a[i1:i2])))
        if j2 > j1:
            segments.append(Segment("insert", "".join(b[j1:j2])))
    return segments


def line_diff(old: str, new: str, *, context: int = 2) -> list[Line]:
    """Lines that turn ``old`` into ``new``; long unchanged stretches fold into ``skip``."""
    a, b = old.splitlines(), new.splitlines()
    lines: list[Line] = []
    opcodes = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    if all(op == "equal" for op, *_ in opcodes):
        return [Line("skip", count=len(a))] if a else []
    for index, (op, i1, i2, j1, j2) in enumerate(opcodes):
        if op == "equal":
            same = a[i1:i2]
            head = same[:context] if index > 0 else []
            tail = same[-context:] if index < len(opcodes) - 1 else []
            if len(same) <= len(head) + len(tail):
                head, tail = same, []
            lines += [Line("equal", [Segment("equal", text)]) for text in head]
            if len(same) > len(head) + len(tail):
                lines.append(Line("skip", count=len(same) - len(head) - len(tail)))
            lines += [Line("equal", [Segment("equal", text)]) for text in tail]
        elif op == "replace":
            pairs = min(i2 - i1, j2 - j1)
            for k in range(pairs):
                lines.append(Line("change", word_diff(a[i1 + k], b[j1 + k])))
            lines += [Line("delete", [Segment("delete", text)]) for text in a[i1 + pairs : i2]]
            lines += [Line("insert", [Segment("insert", text)]) for text in b[j1 + pairs : j2]]
        elif op == "delete":
            lines += [Line("delete", [Segment("delete", text)]) for text in a[i1:i2]]
        else:
            lines += [Line("insert", [Segment("insert", text)]) for text in b[j1:j2]]
    return lines


def _as_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dict):
        return value.get("name", "")
    if isinstance(value, list):
        return "\n".join(_as_text(item) for item in value)
    return str(value)


def compare(old: dict, new: dict) -> list[FieldChange]:
    """The fields that differ between two snapshots, each with its lines of differences."""
    changes = []
    for name, label in FIELD_LABELS.items():
        before, after = _as_text(old.get(name)), _as_text(new.get(name))
        if before == after:
            continue
        if "\n" in before or "\n" in after:
            lines = line_diff(before, after)
        else:
            lines = [Line("change", word_diff(before, after))]
        changes.append(FieldChange(name, label, lines))
    return changes
