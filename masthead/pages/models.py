"""Standing pages, written at the desk in Markdown like stories and sanitized the same way.

The About page is the one whose slug is ``about``, at /about/; the others are at
/about/<slug>/, so no page ever takes a section's address."""

from __future__ import annotations

from django.db import models
from django.urls import reverse

from masthead import text

ABOUT = "about"


class PageQuerySet(models.QuerySet):
    def published(self) -> PageQuerySet:
        return self.filter(published=True)

    def in_footer(self) -> PageQuerySet:
        return self.published().filter(in_footer=True).order_by("position", "title")


class Page(models.Model):
    title = models.CharField(max_length=120)
    slug = models.SlugField(
        max_length=60, unique=True, help_text="“about” is the About page; others go under it."
    )
    summary = models.CharField(
        max_length=200, blank=True, help_text="One sentence for search engines and shares."
    )
    body = models.TextField(
        help_text="Markdown: **bold**, *italic*, ## headings, - lists, [links](…)."
    )
    body_html = models.TextField(editable=False, blank=True)
    published = models.BooleanField(default=True)
    in_footer = models.BooleanField("linked from the footer", default=True)
    position = models.PositiveSmallIntegerField(
        default=0, help_text="Order in the footer; smaller comes first."
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = PageQuerySet.as_manager()

    class Meta:
        ordering = ["position", "title"]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        self.body_html = text.render_markdown(self.body)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        if self.slug == ABOUT:
            return reverse("pages:about")
        return reverse("pages:page", args=[self.slug])
