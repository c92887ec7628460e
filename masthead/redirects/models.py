from __future__ import annotations

from urllib.parse import unquote, urlsplit

from django.core.exceptions import ValidationError
from django.db import models


def normalize_path(value: str) -> str:
    """The path part of a site address, as Django sees it in ``request.path``: decoded, so
    ``/caf%C3%A9/`` and ``/café/`` are the same address.

    A full address (``https://old.example/2019/05/story/?p=3``) keeps only its path, so lists of
    old addresses exported from another platform can be pasted or imported as they are.
    """
    value = (value or "").strip()
    if not value:
        return ""
    parts = urlsplit(value)
    path = parts.path if (parts.scheme or parts.netloc) else value.split("?", 1)[0].split("#", 1)[0]
    if not path.startswith("/"):
        path = "/" + path
    return unquote(path)


def validate_old_path(value: str) -> None:
    if not value.startswith("/"):
        raise ValidationError("The old address must be a path on this site, starting with /.")
    if value == "/":
        raise ValidationError(
            "The front page can’t redirect. (Old addresses that differ only by their query "
            "string, such as /?p=17, can’t be told apart yet.)"
        )
    if value.startswith(("/newsroom/", "/static/", "/media/")):
        raise ValidationError("Addresses under /newsroom/, /static/ and /media/ can’t redirect.")
    if any(char.isspace() for char in value):
        raise ValidationError("An address can’t contain spaces; write them as %20.")


def validate_new_path(value: str) -> None:
    if not value:
        return
    parts = urlsplit(value)
    if parts.scheme:
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ValidationError(
                "Redirect to a path on this site (/city/...) or to an http(s) address."
            )
    elif not value.startswith("/") or value.startswith("//"):
        raise ValidationError("A path on this site starts with a single /, such as /city/.")
    if any(char.isspace() for char in value):
        raise ValidationError("An address can’t contain spaces; write them as %20.")


class Redirect(models.Model):
    """An old address that keeps answering: 301 to where its content lives now, or 410 Gone.

    A redirect that names a story follows it: it answers with the story's address of the day
    (no chains when a story moves twice) and with 410 once the story is unpublished. One with
    neither a story nor a new path says the page is gone for good.
    """

    old_path = models.CharField(
        "old address",
        max_length=500,
        unique=True,
        validators=[validate_old_path],
        help_text="A path on this site, such as /2019/05/ferry-returns/.",
    )
    new_path = models.CharField(
        "redirect to",
        max_length=500,
        blank=True,
        validators=[validate_new_path],
        help_text="A path on this site or a full address. Leave empty (and no story) to answer "
        "“410 Gone”.",
    )
    article = models.ForeignKey(
        "newsroom.Article",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="redirects",
        help_text="Or the story it leads to, wherever that story moves later.",
    )
    is_automatic = models.BooleanField(
        "recorded automatically",
        default=False,
        editable=False,
        help_text="Recorded by Masthead when a page's address changed.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["old_path"]

    def __str__(self) -> str:
        return self.old_path

    def clean(self) -> None:
        self.old_path = normalize_path(self.old_path)
        if self.new_path and self.new_path.startswith("/"):
            self.new_path = self.new_path.strip()
        if self.new_path and self.article_id:
            raise ValidationError("Give either a new address or a story, not both.")
        if self.new_path and normalize_path(self.new_path) == self.old_path:
            raise ValidationError({"new_path": "A redirect can’t lead to its own address."})

    def destination(self) -> str | None:
        """Where readers go now, or None when the page is gone."""
        if self.article_id is not None:
            article = self.article
            return article.get_absolute_url() if article.is_live else None
        return self.new_path or None
