"""Writes: a reader submits a comment, an editor moderates comments and bans senders."""

from __future__ import annotations

import hashlib
import ipaddress
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy

from masthead.newsroom.models import Article, Publication

from . import akismet, spam
from .models import Ban, Comment, normalize_ban_value
from .policy import Moderation, comments_open, moderation_policy
from .signals import comments_changed


class CommentRefused(Exception):
    """A comment the site will not take; ``message`` is what the reader is told."""

    status_code = 403
    message = gettext_lazy("We can’t accept this comment.")


class CommentsClosed(CommentRefused):
    message = gettext_lazy("Comments on this story are closed.")


class SenderBanned(CommentRefused):
    message = gettext_lazy(
        "Sorry, we can’t accept comments from you. If you think this is a mistake, "
        "please write to the newsroom."
    )


@dataclass(frozen=True)
class Submission:
    comment: Comment
    created: bool  # False when this was a second send of a comment already stored
    first_time: bool = False  # held: no approved comment yet under this name and email

    @property
    def published(self) -> bool:
        return self.comment.status == Comment.Status.APPROVED


def find_ban(*, email: str, ip: str | None, at: datetime | None = None) -> Ban | None:
    """The ban in force that covers this email address, its domain, or this IP address."""
    email = (email or "").lower()
    domain = "@" + email.rsplit("@", 1)[-1] if "@" in email else None
    wanted = Q(kind=Ban.Kind.EMAIL, value__in=[v for v in (email, domain) if v])
    address = None
    if ip:
        try:
            address = ipaddress.ip_address(ip)
        except ValueError:
            address = None
    if address is not None:
        # Exact addresses by index; networks are few, so they are checked here in Python.
        wanted |= Q(kind=Ban.Kind.IP, value=str(address)) | Q(kind=Ban.Kind.IP, value__contains="/")
    for ban in Ban.objects.in_force(at).filter(wanted):
        if ban.kind == Ban.Kind.EMAIL or "/" not in ban.value:
            return ban
        if address in ipaddress.ip_network(ban.value):
            return ban
    return None


def _submission_key(nonce: str, email: str, digest: str) -> str | None:
    if not nonce:
        return None
    return hashlib.sha256(f"{nonce}\n{email}\n{digest}".encode()).hexdigest()


FIRST_TIME_REASON = "first comment under this name and email address"


def commenter_name(name: str) -> str:
    """A commenter's name as stored and compared: trimmed, inner runs of spaces made one."""
    return " ".join(name.split())


def is_known_commenter(*, name: str, email: str) -> bool:
    """True when this email address already has an approved comment under this same name.

    The name counts too: anyone can type a regular's email address (it is never shown), so an
    address alone must not lend a newcomer the regular's standing.
    """
    return (
        Comment.objects.approved()
        .filter(email=email, author_name__iexact=commenter_name(name))
        .exists()
    )


def _policy_status(policy: str, *, name: str, email: str) -> tuple[str, str]:
    """The status the moderation policy gives a clean comment, and the reason when it is held."""
    if policy == Moderation.NONE:
        return Comment.Status.APPROVED, ""
    if policy == Moderation.ALL:
        return Comment.Status.PENDING, "every comment is read first"
    if is_known_commenter(name=name, email=email):
        return Comment.Status.APPROVED, ""
    return Comment.Status.PENDING, FIRST_TIME_REASON


def comment_submit(
    *,
    article: Article,
    name: str,
    email: str,
    body: str,
    ip: str | None,
    user_agent: str = "",
    parent: Comment | None = None,
    nonce: str = "",
    honeypot: str = "",
    site_url: str = "",
    referrer: str = "",
    now: datetime | None = None,
) -> Submission:
    """Store a reader's comment and decide whether it is published, held or spam.

    The comment row is committed before anything that can fail or take long (Akismet) runs; a
    second send of the same form, or the same text by the same reader on the same story within
    :data:`spam.DUPLICATE_WINDOW`, returns the first comment instead of making another.
    Raises :class:`CommentsClosed` or :class:`SenderBanned`.
    """
    now = now or timezone.now()
    publication = Publication.current()
    if not comments_open(article, now=now, publication=publication):
        raise CommentsClosed
    email = email.strip().lower()
    if find_ban(email=email, ip=ip, at=now):
        raise SenderBanned
    if parent is not None and parent.parent_id is not None:
        parent = parent.parent  # one level of replies: a reply to a reply joins the same thread

    digest = spam.body_digest(body)
    key = _submission_key(nonce, email, digest)
    since = now - timedelta(seconds=spam.DUPLICATE_WINDOW)
    same = Q(article=article, email=email, body_digest=digest, created_at__gte=since)
    if key:
        same |= Q(submission_key=key)
    earlier = Comment.objects.filter(same).order_by("created_at", "pk").first()
    if earlier is not None:
        return Submission(earlier, created=False)

    copies = 0
    if spam.counts_as_duplicate(body):
        copies = (
            Comment.objects.filter(body_digest=digest, created_at__gte=since)
            .exclude(article=article, email=email)
            .count()
        )
    verdict = spam.judge(name=name, body=body, honeypot=honeypot, earlier_copies=copies)
    reasons = list(verdict.reasons)
    if verdict.status == spam.Status.SPAM:
        status = Comment.Status.SPAM
    else:
        status, policy_reason = _policy_status(
            moderation_policy(publication), name=name, email=email
        )
        if verdict.status == spam.Status.HOLD:
            status = Comment.Status.PENDING
        if status == Comment.Status.PENDING and policy_reason:
            reasons.append(policy_reason)
    ask_akismet = akismet.enabled() and status != Comment.Status.SPAM

    comment = Comment(
        article=article,
        parent=parent,
        author_name=commenter_name(name),
        email=email,
        body=body,
        # Until Akismet has answered, a comment that would be published waits.
        status=Comment.Status.PENDING if ask_akismet else status,
        created_at=now,
        ip_address=ip,
        user_agent=user_agent[:300],
        held_because="; ".join(reasons)[:300],
        body_digest=digest,
        submission_key=key,
    )
    try:
        with transaction.atomic():
            comment.save()
    except IntegrityError:
        # The same form sent twice at the same moment: the other request stored it.
        existing = Comment.objects.filter(submission_key=key).first() if key else None
        if existing is None:
            raise
        return Submission(existing, created=False)

    if ask_akismet:
        answer = akismet.comment_check(
            comment,
            site_url=site_url,
            permalink=site_url.rstrip("/") + article.get_absolute_url() if site_url else "",
            referrer=referrer,
            language=publication.language,
        )
        if answer == akismet.SPAM:
            comment.status = Comment.Status.SPAM
            reasons.append("Akismet says spam")
        elif answer == akismet.HAM:
            comment.status = status
        else:
            reasons.append("the Akismet check could not be made")
        comment.held_because = "; ".join(reasons)[:300]
        comment.save(update_fields=["status", "held_because"])

    if comment.status == Comment.Status.APPROVED:
        comments_changed.send(sender=Comment, article_ids={article.pk})
    first_time = comment.status == Comment.Status.PENDING and FIRST_TIME_REASON in reasons
    return Submission(comment, created=True, first_time=first_time)


# --- Moderation ------------------------------------------------------------------------------


def comments_moderate(
    *, comments: QuerySet[Comment], status: str, by: AbstractBaseUser | None = None
) -> int:
    """Give every comment of ``comments`` the moderation ``status``; return how many changed."""
    if status not in Comment.Status.values:
        raise ValueError(f"Unknown comment status {status!r}")
    with transaction.atomic():
        changing = comments.exclude(status=status)
        article_ids = set(changing.values_list("article_id", flat=True))
        count = Comment.objects.filter(pk__in=list(changing.values_list("pk", flat=True))).update(
            status=status, moderated_at=timezone.now(), moderated_by=by
        )
    if count:
        # Approving shows a comment; any other change may hide one (or a whole thread's head).
        comments_changed.send(sender=Comment, article_ids=article_ids)
    return count


def comment_approve(*, comment: Comment, by: AbstractBaseUser | None = None) -> Comment:
    return _moderate_one(comment, Comment.Status.APPROVED, by)


def comment_mark_spam(*, comment: Comment, by: AbstractBaseUser | None = None) -> Comment:
    return _moderate_one(comment, Comment.Status.SPAM, by)


def comment_remove(*, comment: Comment, by: AbstractBaseUser | None = None) -> Comment:
    return _moderate_one(comment, Comment.Status.REMOVED, by)


def _moderate_one(comment: Comment, status: str, by: AbstractBaseUser | None) -> Comment:
    comments_moderate(comments=Comment.objects.filter(pk=comment.pk), status=status, by=by)
    comment.refresh_from_db()
    return comment


def comment_edit(*, comment: Comment, name: str, body: str) -> Comment:
    """An editor's correction of a comment's text (a phone number taken out, say)."""
    comment.author_name = name.strip()
    comment.body = body
    comment.body_digest = spam.body_digest(body)
    comment.save(update_fields=["author_name", "body", "body_digest"])
    if comment.status == Comment.Status.APPROVED:
        comments_changed.send(sender=Comment, article_ids={comment.article_id})
    return comment


# --- Bans ------------------------------------------------------------------------------------


def ban_create(
    *,
    kind: str,
    value: str,
    reason: str = "",
    by: AbstractBaseUser | None = None,
    expires_at: datetime | None = None,
) -> Ban:
    """Ban an email address, @domain, IP address or network; banning it again changes nothing."""
    value = normalize_ban_value(kind, value)
    ban, _ = Ban.objects.get_or_create(
        kind=kind,
        value=value,
        defaults={"reason": reason, "created_by": by, "expires_at": expires_at},
    )
    return ban


def comments_ban_senders(
    *, comments: QuerySet[Comment], by: AbstractBaseUser | None = None, reason: str = ""
) -> int:
    """Ban the email and IP address of each comment's sender and mark the comments as spam.
    Returns how many bans were made or already existed."""
    bans = 0
    for email, ip in set(comments.values_list("email", "ip_address")):
        if email:
            ban_create(kind=Ban.Kind.EMAIL, value=email, reason=reason, by=by)
            bans += 1
        if ip:
            ban_create(kind=Ban.Kind.IP, value=ip, reason=reason, by=by)
            bans += 1
    comments_moderate(comments=comments, status=Comment.Status.SPAM, by=by)
    return bans


def comments_purge_spam(*, older_than: timedelta, now: datetime | None = None) -> int:
    """Delete spam older than ``older_than``; moderators have had their chance to rescue it."""
    cutoff = (now or timezone.now()) - older_than
    _, per_model = Comment.objects.filter(
        status=Comment.Status.SPAM, created_at__lt=cutoff, replies__isnull=True
    ).delete()
    return per_model.get(Comment._meta.label, 0)
