"""The story workflow: the states a story moves through, who may move it, and the services that
move it.

States (``Article.Status``) and moves::

    draft ──submit──▶ review ──publish──▶ published ──unpublish──▶ unpublished
      ▲  ╲              │  ╲                  ▲                        │
      │   ╲─publish─────┼───╲─────────────────┘                        │
      │    ╲─schedule──▶ scheduled ──(its time comes: live, no job)    │
      └──return to draft── review, scheduled (not yet live), unpublished

* submit for review: a draft, by whoever may edit it (a contributor's own draft, any editor).
* publish now: any story that is not live, by ``publish_article`` (editors). A story that was
  unpublished keeps its first publication time, so its address does not change.
* schedule: any story that is not live, for a future time, by ``schedule_article``. A
  scheduled story is live from that time on: ``Article.objects.live()`` decides at query time.
* unpublish: a live story, by ``unpublish_article``. Its address answers 410 Gone.
* return to draft: from review (an editor, or the contributor withdrawing their own story),
  from scheduled before its time (``schedule_article``), from unpublished (an editor).

Publishing and scheduling refuse a story with an empty body or a hero photo without alt text.
Every move is atomic, takes a lock on the story row, and records a :class:`StatusChange` (who,
when, from, to, publication time).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from .dates import ends_sentence, long_date
from .models import Article, StatusChange

Status = Article.Status


class WorkflowError(Exception):
    """A move the rules refuse; the message is written for the editor who tried it."""


class WorkflowPermissionError(WorkflowError, PermissionDenied):
    """The acting user may not make this move (a view that does not catch it answers 403)."""


class Move(StrEnum):
    SUBMIT = "submit"
    PUBLISH = "publish"
    SCHEDULE = "schedule"
    UNPUBLISH = "unpublish"
    RETURN_TO_DRAFT = "draft"

    @property
    def label(self) -> str:
        return MOVE_LABELS[self]


MOVE_LABELS = {
    Move.SUBMIT: "Submit for review",
    Move.PUBLISH: "Publish now",
    Move.SCHEDULE: "Schedule",
    Move.UNPUBLISH: "Unpublish",
    Move.RETURN_TO_DRAFT: "Return to draft",
}


# --- Who may do what ------------------------------------------------------------------------


def own_stories(user) -> Q:
    """Stories a user created or has a byline on (through their author profile)."""
    return Q(created_by=user) | Q(bylines__author__user=user)


def owns(user, article: Article) -> bool:
    if article.created_by_id is not None and article.created_by_id == user.pk:
        return True
    if article.pk is None:
        return False
    return article.bylines.filter(author__user=user).exists()


def edits_any_story(user) -> bool:
    return user.has_perm("newsroom.change_article") and user.has_perm("newsroom.change_any_article")


def can_edit(user, article: Article) -> bool:
    """Editors edit any story; a contributor edits their own stories while they are drafts."""
    if not (user.is_active and user.has_perm("newsroom.change_article")):
        return False
    if user.has_perm("newsroom.change_any_article"):
        return True
    return article.status == Status.DRAFT and owns(user, article)


def can_view(user, article: Article) -> bool:
    if not user.is_active or not (
        user.has_perm("newsroom.view_article") or user.has_perm("newsroom.change_article")
    ):
        return False
    return user.has_perm("newsroom.change_any_article") or owns(user, article)


def _check_permission(user, article: Article, move: Move) -> None:
    """Raise WorkflowPermissionError unless ``user`` may make ``move`` from the story's state."""
    if not user.is_active:
        raise WorkflowPermissionError("This account is not active.")
    if move == Move.SUBMIT:
        allowed = can_edit(user, article)
    elif move == Move.PUBLISH:
        allowed = user.has_perm("newsroom.publish_article")
    elif move == Move.SCHEDULE:
        allowed = user.has_perm("newsroom.schedule_article")
    elif move == Move.UNPUBLISH:
        allowed = user.has_perm("newsroom.unpublish_article")
    elif article.status == Status.IN_REVIEW:
        allowed = edits_any_story(user) or (
            user.has_perm("newsroom.change_article") and owns(user, article)
        )
    elif article.status == Status.SCHEDULED:
        allowed = user.has_perm("newsroom.schedule_article")
    else:
        allowed = edits_any_story(user)
    if not allowed:
        raise WorkflowPermissionError(
            f"You may not {move.label.lower()} this story: ask an editor."
        )


def _check_state(article: Article, move: Move) -> None:
    """Raise WorkflowError unless ``move`` can start from the story's current state."""
    live = article.is_live
    if move == Move.SUBMIT and article.status != Status.DRAFT:
        raise WorkflowError("Only a draft can be submitted for review.")
    if move in (Move.PUBLISH, Move.SCHEDULE) and live:
        raise WorkflowError("This story is already live.")
    if move == Move.UNPUBLISH and not live:
        raise WorkflowError(
            "Only a live story can be unpublished; return it to draft to stop a schedule."
        )
    if move == Move.RETURN_TO_DRAFT:
        if article.status not in (Status.IN_REVIEW, Status.SCHEDULED, Status.UNPUBLISHED):
            raise WorkflowError("Only a story in review, scheduled or unpublished can go back.")
        if live:
            raise WorkflowError("This story is live: unpublish it first.")


def publication_problems(article: Article) -> list[str]:
    """What stops a story from being published or scheduled, in words for the editor."""
    problems = []
    if not (article.body or "").strip():
        problems.append("The story has no body yet.")
    photo = article.hero_photo
    if photo is not None and not photo.alt_text.strip():
        problems.append(
            "The hero photo has no alt text. Describe the photo for readers who can’t see it "
            "(edit the photo under Photos) before publishing."
        )
    return problems


def check_move(*, user, article: Article, move: Move, publish_at: datetime | None = None) -> None:
    """Raise WorkflowError (or WorkflowPermissionError) if ``user`` can't make ``move`` now."""
    _check_permission(user, article, move)
    _check_state(article, move)
    if move in (Move.PUBLISH, Move.SCHEDULE):
        problems = publication_problems(article)
        if problems:
            raise WorkflowError(" ".join(problems))
    if move == Move.SCHEDULE:
        if publish_at is None:
            raise WorkflowError("Choose the date and time the story should go live.")
        if publish_at <= timezone.now():
            raise WorkflowError(
                "That time has already passed: choose a time in the future, or publish now."
            )


def available_moves(*, user, article: Article) -> list[Move]:
    """The moves ``user`` may try on ``article`` now (for the buttons an editor sees)."""
    moves = []
    for move in Move:
        try:
            _check_permission(user, article, move)
            _check_state(article, move)
        except WorkflowError:
            continue
        moves.append(move)
    return moves


# --- The moves ------------------------------------------------------------------------------


@dataclass(frozen=True)
class MoveResult:
    article: Article
    change: StatusChange

    @property
    def message(self) -> str:
        article, change = self.article, self.change
        if change.to_status == Status.SCHEDULED:
            return ends_sentence(f"“{article}” is scheduled for {long_date(change.published_at)}")
        return f"“{article}” is now {article.get_status_display().lower()}."


def _move(
    *,
    article: Article,
    user,
    move: Move,
    to_status: str,
    note: str,
    publication_time: Callable[[Article], datetime | None] = lambda story: story.published_at,
    publish_at: datetime | None = None,
) -> MoveResult:
    if article.pk is None:
        raise WorkflowError("Save the story before changing its state.")
    with transaction.atomic():
        # Lock the row: two editors pressing buttons at once are served one after the other,
        # and the rules are checked against the state the story really has.
        locked = (
            Article.objects.select_for_update(of=("self",))
            .select_related("hero_photo", "section")
            .get(pk=article.pk)
        )
        check_move(user=user, article=locked, move=move, publish_at=publish_at)
        from_status = locked.status
        locked.published_at = publication_time(locked)
        locked.status = to_status
        locked.save(update_fields=["status", "published_at"])
        change = StatusChange.objects.create(
            article=locked,
            from_status=from_status,
            to_status=to_status,
            published_at=locked.published_at,
            changed_by=user,
            changed_at=timezone.now(),
            note=note[:300],
        )
    for field in ("status", "published_at", "version", "modified_at"):
        setattr(article, field, getattr(locked, field))
    return MoveResult(locked, change)


def article_submit_for_review(*, article: Article, user, note: str = "") -> MoveResult:
    """Send a draft to the editors."""
    return _move(
        article=article, user=user, move=Move.SUBMIT, to_status=Status.IN_REVIEW, note=note
    )


def _first_or_now(article: Article) -> datetime:
    # A story that readers saw before comes back at its first time, so its address stays the
    # same; any other story is published now, whatever time an import or a draft carried.
    now = timezone.now()
    was_public = (
        article.status == Status.UNPUBLISHED
        or article.status_changes.filter(to_status=Status.UNPUBLISHED).exists()
    )
    if was_public and article.published_at is not None and article.published_at <= now:
        return article.published_at
    return now


def article_publish(*, article: Article, user, note: str = "") -> MoveResult:
    """Put a story live now."""
    return _move(
        article=article,
        user=user,
        move=Move.PUBLISH,
        to_status=Status.PUBLISHED,
        note=note,
        publication_time=_first_or_now,
    )


def article_schedule(*, article: Article, user, publish_at: datetime, note: str = "") -> MoveResult:
    """Have a story go live at ``publish_at``, with no job to run: see ``live()``."""
    return _move(
        article=article,
        user=user,
        move=Move.SCHEDULE,
        to_status=Status.SCHEDULED,
        note=note,
        publication_time=lambda story: publish_at,
        publish_at=publish_at,
    )


def article_unpublish(*, article: Article, user, note: str = "") -> MoveResult:
    """Take a live story down; its address answers 410 Gone until it is published again."""
    return _move(
        article=article, user=user, move=Move.UNPUBLISH, to_status=Status.UNPUBLISHED, note=note
    )


def _keep_unless_scheduled(article: Article) -> datetime | None:
    # A schedule that is called off forgets its time; an unpublished story keeps its first one.
    return None if article.status == Status.SCHEDULED else article.published_at


def article_return_to_draft(*, article: Article, user, note: str = "") -> MoveResult:
    """Send a story back to its writer: out of review, off the schedule, or after unpublishing."""
    return _move(
        article=article,
        user=user,
        move=Move.RETURN_TO_DRAFT,
        to_status=Status.DRAFT,
        note=note,
        publication_time=_keep_unless_scheduled,
    )


def article_move(
    *, article: Article, user, move: Move, publish_at: datetime | None = None, note: str = ""
) -> MoveResult:
    """Make ``move`` on ``article`` (for buttons and actions that name the move)."""
    if move == Move.SCHEDULE:
        return article_schedule(article=article, user=user, publish_at=publish_at, note=note)
    service = {
        Move.SUBMIT: article_submit_for_review,
        Move.PUBLISH: article_publish,
        Move.UNPUBLISH: article_unpublish,
        Move.RETURN_TO_DRAFT: article_return_to_draft,
    }[move]
    return service(article=article, user=user, note=note)
