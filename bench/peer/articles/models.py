"""An article page like Masthead's story: hero photo with caption and credit, byline, body,
tags, the five most recent articles and approved readers' comments."""

from django.db import models
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page


class HomePage(Page):
    max_count = 1
    subpage_types = ["articles.ArticlePage"]


class ArticleTag(TaggedItemBase):
    content_object = ParentalKey(
        "articles.ArticlePage", related_name="tagged_items", on_delete=models.CASCADE
    )


class ArticlePage(Page):
    byline = models.CharField(max_length=120)
    published = models.DateTimeField()
    standfirst = models.CharField(max_length=300, blank=True)
    hero = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    hero_caption = models.CharField(max_length=500, blank=True)
    hero_credit = models.CharField(max_length=120, blank=True)
    body = RichTextField()
    tags = ClusterTaggableManager(through=ArticleTag, blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("byline"),
        FieldPanel("published"),
        FieldPanel("standfirst"),
        FieldPanel("hero"),
        FieldPanel("hero_caption"),
        FieldPanel("hero_credit"),
        FieldPanel("body"),
        FieldPanel("tags"),
    ]
    parent_page_types = ["articles.HomePage"]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["recent"] = (
            ArticlePage.objects.live().exclude(pk=self.pk).order_by("-published")[:5]
        )
        context["comments"] = self.comments.filter(approved=True).order_by("created")
        return context


class Comment(models.Model):
    article = models.ForeignKey(ArticlePage, related_name="comments", on_delete=models.CASCADE)
    name = models.CharField(max_length=80)
    body = models.TextField()
    created = models.DateTimeField()
    approved = models.BooleanField(default=True)

    def __str__(self) -> str:
        return f"{self.name} on {self.article_id}"
