"""Corrections and update notes: appended to a story in the open, never edited away."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from .models import Article, Correction
from .workflow import WorkflowError, WorkflowPermissionError

MAX_TEXT = Correction._meta.get_field("text").max_length


def correction_add(
    *, article: Article, user, text: str, kind: str = Correction.Kind.CORRECTION
) -> Correction:
    """Append a correction or an update note to a story that readers have seen.

    The story's updated time becomes the note's time, so the page, its JSON-LD
    (``dateModified`` and ``correction``) and the feeds all say it changed.
    """
    if not (user.is_active and user.has_perm("newsroom.correct_article")):
        raise WorkflowPermissionError("Only editors can add corrections and updates.")
    text = (text or "").strip()
    if not text:
        raise WorkflowError("Write what was corrected or updated.")
    if len(text) > MAX_TEXT:
        raise WorkflowError(f"Keep the note under {MAX_TEXT} characters.")
    if kind not in Correction.Kind.values:
        raise WorkflowError("A note is either a correction or an update.")
    with transaction.atomic():
        locked = Article.objects.select_for_update().get(pk=article.pk)
        if not locked.has_been_public:
            raise WorkflowError(
                "Only a story that readers have seen can be corrected; edit the draft instead."
            )
        now = timezone.now()
        correction = Correction.objects.create(
            article=locked, kind=kind, text=text, created_at=now, created_by=user
        )
        locked.updated_at = now
        locked.save(update_fields=["updated_at"])
    for name in ("updated_at", "version", "modified_at"):
        setattr(article, name, getattr(locked, name))
    article.__dict__.pop("public_corrections", None)
    return correction
