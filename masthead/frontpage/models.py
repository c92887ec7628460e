"""The front page as the desk sets it: the lead and top stories in order, the order of the
section blocks, and a breaking-news banner. Anything not set falls back to the newest news, so
a site with no editor at the desk still has a front page."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from masthead.newsroom.models import Article, Section


class FrontPage(models.Model):
    """The site's one front page (see :meth:`current`)."""

    breaking_text = models.CharField(
        "breaking news",
        max_length=160,
        blank=True,
        help_text="One line across the top of the front page. Leave empty for no banner.",
    )
    breaking_story = models.ForeignKey(
        Article,
        verbose_name="banner links to",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The story readers reach from the banner. Until it is live, no banner shows.",
    )
    breaking_ends_at = models.DateTimeField(
        "banner comes down at",
        null=True,
        blank=True,
        help_text="The banner leaves the front page by itself at this time.",
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "front page"
        verbose_name_plural = "front page"

    def __str__(self) -> str:
        return "Front page"

    def clean(self) -> None:
        errors = {}
        if self.breaking_text and self.breaking_ends_at is None:
            errors["breaking_ends_at"] = "A banner needs the time it comes down."
        if self.breaking_story_id and not self.breaking_text:
            errors["breaking_text"] = "Write the banner's line, or remove its story."
        if (
            self.breaking_text
            and self.breaking_ends_at
            and self.breaking_ends_at <= timezone.now()
            and self._banner_changed()
        ):
            errors["breaking_ends_at"] = "This time has passed: the banner would not show."
        if errors:
            raise ValidationError(errors)

    def _banner_changed(self) -> bool:
        if self.pk is None:
            return True
        before = (
            FrontPage.objects.filter(pk=self.pk)
            .values_list("breaking_text", "breaking_ends_at")
            .first()
        )
        return before != (self.breaking_text, self.breaking_ends_at)

    @classmethod
    def current(cls) -> FrontPage:
        page = cls.objects.order_by("pk").first()
        return page if page is not None else cls.objects.create()


class PlacedStory(models.Model):
    """A story the desk put on the front page; the first in order is the lead."""

    front_page = models.ForeignKey(FrontPage, on_delete=models.CASCADE, related_name="placed")
    article = models.ForeignKey(
        Article, verbose_name="story", on_delete=models.CASCADE, related_name="front_page_places"
    )
    position = models.PositiveSmallIntegerField(
        default=1, help_text="The smallest number is the lead; the top stories follow in order."
    )
    ends_at = models.DateTimeField(
        "leaves at",
        null=True,
        blank=True,
        help_text="Leaves the front page by itself at this time. Empty: until removed.",
    )

    class Meta:
        verbose_name = "story on the front page"
        verbose_name_plural = "lead and top stories"
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["front_page", "article"], name="frontpage_story_placed_once"
            )
        ]
        indexes = [models.Index(fields=["front_page", "position"])]

    def __str__(self) -> str:
        return f"{self.position}. {self.article}"


class SectionBlock(models.Model):
    """A section's place among the blocks under the top stories, or its absence."""

    front_page = models.ForeignKey(FrontPage, on_delete=models.CASCADE, related_name="blocks")
    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="+")
    position = models.PositiveSmallIntegerField(default=0)
    shown = models.BooleanField("on the front page", default=True)

    class Meta:
        verbose_name = "section block"
        verbose_name_plural = "section blocks (sections not listed follow in menu order)"
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["front_page", "section"], name="frontpage_section_block_once"
            )
        ]

    def __str__(self) -> str:
        return str(self.section)
