"""Reads for the story page: the comment threads (one query) and the form's context."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.http import HttpRequest

from masthead.newsroom.models import Article, Publication

from .csrf import signed_in
from .forms import CommentForm
from .models import Comment
from .policy import closes_at


def approved_comment_count(article_ref: str = "pk") -> Coalesce:
    """An annotation: the number of approved comments of the story in ``article_ref``, as one
    correlated subquery, so a list of stories costs no extra query for its counts."""
    counts = (
        Comment.objects.approved()
        .filter(article=OuterRef(article_ref))
        .order_by()
        .values("article")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counts, output_field=IntegerField()), 0)


def comment_threads(comments: Iterable[Comment]) -> list[Comment]:
    """Top-level comments in order, each with ``thread_replies`` (its replies, in order).

    A reply whose parent is not in ``comments`` is shown at the top level rather than dropped.
    """
    comments = list(comments)
    by_id = {comment.pk: comment for comment in comments}
    threads: list[Comment] = []
    for comment in comments:
        comment.thread_replies = []
    for comment in comments:
        parent = by_id.get(comment.parent_id) if comment.parent_id else None
        if parent is not None and parent.parent_id is None:
            parent.thread_replies.append(comment)
        else:
            threads.append(comment)
    return threads


def wants_reply(request: HttpRequest, form: CommentForm | None) -> bool:
    """Whether the page shows the form inside the list, under a comment being answered."""
    return bool(request.GET.get("reply_to") or (form is not None and form.reply_to_id))


def reply_target(
    request: HttpRequest, form: CommentForm | None, comments: list[Comment]
) -> Comment | None:
    wanted = form.reply_to_id if form is not None else request.GET.get("reply_to")
    try:
        wanted = int(wanted) if wanted else None
    except (TypeError, ValueError):
        return None
    return next((c for c in comments if c.pk == wanted and c.is_visible), None)


def comment_form_context(
    request: HttpRequest,
    article: Article,
    *,
    is_open: bool,
    publication: Publication,
    form: CommentForm | None = None,
    reply_to: Comment | None = None,
    story_url: str | None = None,
    build_form: bool = True,
) -> dict:
    """The template context of the comment form, made for each reader: its stamp is fresh.
    ``form`` is a reader's form with its errors, when the page is shown again after a failed
    send; ``build_form=False`` when the page shows a stored blank form instead."""
    if is_open and form is None and build_form:
        form = CommentForm(article=article, initial={"parent": reply_to.pk if reply_to else None})
    return {
        "comment_form": form if is_open else None,
        "comments_open": is_open,
        "comments_close_at": closes_at(article, publication) if is_open else None,
        "reply_to": reply_to,
        "story_url": story_url or article.get_absolute_url(),
        # Staff keep Django's CSRF token; a reader's form needs none (see csrf.py).
        "signed_in": signed_in(request),
    }
