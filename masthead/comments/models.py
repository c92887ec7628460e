from __future__ import annotations

import ipaddress

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

# Limits a reader meets in the form, with clear errors; the model allows the same.
NAME_MAX_LENGTH = 80
BODY_MAX_LENGTH = 5000


class CommentQuerySet(models.QuerySet):
    def approved(self) -> CommentQuerySet:
        return self.filter(status=Comment.Status.APPROVED)

    def waiting(self) -> CommentQuerySet:
        return self.filter(status=Comment.Status.PENDING)

    def for_story_page(self, article_id: int) -> CommentQuerySet:
        """Every comment a story page shows, in one query.

        Approved comments, plus the top-level comments that are no longer shown but still have
        approved replies, so a thread keeps its place under "This comment was removed.".
        """
        approved_reply = Comment.objects.filter(
            parent=OuterRef("pk"), status=Comment.Status.APPROVED
        )
        return (
            self.filter(article_id=article_id)
            .filter(
                Q(status=Comment.Status.APPROVED)
                | (
                    Q(parent__isnull=True, status__in=Comment.HIDDEN_STATUSES)
                    & Exists(approved_reply)
                )
            )
            .only("article_id", "parent_id", "author_name", "body", "status", "created_at")
            .order_by("created_at", "pk")
        )


class Comment(models.Model):
    """A reader's comment on a story. The email is private: it never appears on a page."""

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting for moderation"
        APPROVED = "approved", "Approved"
        SPAM = "spam", "Spam"
        REMOVED = "removed", "Removed"

    HIDDEN_STATUSES = (Status.SPAM, Status.REMOVED)

    article = models.ForeignKey(
        "newsroom.Article", on_delete=models.CASCADE, related_name="comments"
    )
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="replies",
        help_text="The comment this one replies to. Replies are one level deep.",
    )
    author_name = models.CharField("name", max_length=NAME_MAX_LENGTH)
    email = models.EmailField(
        max_length=254, blank=True, help_text="Private: never shown to readers."
    )
    body = models.TextField("comment", max_length=BODY_MAX_LENGTH)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    ip_address = models.GenericIPAddressField("IP address", null=True, blank=True)
    user_agent = models.CharField(max_length=300, blank=True)
    held_because = models.CharField(
        max_length=300,
        blank=True,
        help_text="Why the comment was not published at once: the rules it tripped.",
    )
    body_digest = models.CharField(
        max_length=64, blank=True, editable=False, help_text="Finds the same text posted again."
    )
    submission_key = models.CharField(
        max_length=64,
        null=True,
        blank=True,
        unique=True,
        editable=False,
        help_text="One form sent twice (a double click, a reload) makes one comment.",
    )
    moderated_at = models.DateTimeField(null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(fields=["article", "status", "created_at"]),
            models.Index(fields=["status", "created_at"], name="comments_queue_idx"),
            models.Index(fields=["email", "status"], name="comments_email_idx"),
            models.Index(fields=["body_digest", "created_at"], name="comments_digest_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.author_name} on {self.article_id}"

    def get_absolute_url(self) -> str:
        return f"{self.article.get_absolute_url()}#comment-{self.pk}"

    @property
    def is_visible(self) -> bool:
        return self.status == self.Status.APPROVED


class BanQuerySet(models.QuerySet):
    def in_force(self, at=None) -> BanQuerySet:
        return self.filter(Q(expires_at__isnull=True) | Q(expires_at__gt=at or timezone.now()))


class Ban(models.Model):
    """An email address, an email domain or an IP address (or network) whose comments are
    refused."""

    class Kind(models.TextChoices):
        EMAIL = "email", "Email address or domain"
        IP = "ip", "IP address or network"

    kind = models.CharField(max_length=5, choices=Kind.choices)
    value = models.CharField(
        max_length=254,
        help_text=(
            "An email address (troll@example.com), a whole email domain (@example.com), "
            "an IP address (203.0.113.7) or a network (203.0.113.0/24)."
        ),
    )
    reason = models.CharField(max_length=200, blank=True, help_text="For the newsroom only.")
    expires_at = models.DateTimeField(
        "expires", null=True, blank=True, help_text="Leave empty for a ban without end."
    )
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = BanQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint(fields=["kind", "value"], name="one_ban_per_value")]

    def __str__(self) -> str:
        return self.value

    def clean(self) -> None:
        self.value = normalize_ban_value(self.kind, self.value)


def normalize_ban_value(kind: str, value: str) -> str:
    """The canonical spelling of a ban, or a ValidationError that says what is wrong."""
    value = (value or "").strip()
    if kind == Ban.Kind.EMAIL:
        value = value.lower()
        if value.startswith("@"):
            domain = value[1:]
            if not domain or "@" in domain or "." not in domain:
                raise ValidationError({"value": "Write a domain as @example.com."})
            return value
        try:
            validate_email(value)
        except ValidationError:
            raise ValidationError(
                {"value": "Enter an email address, or a domain written as @example.com."}
            ) from None
        return value
    try:
        network = ipaddress.ip_network(value, strict=False)
    except ValueError:
        message = "Enter an IP address such as 203.0.113.7 or a network such as 203.0.113.0/24."
        raise ValidationError({"value": message}) from None
    if network.num_addresses == 1:
        return str(network.network_address)
    return str(network)
