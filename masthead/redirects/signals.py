"""Addresses that change record a redirect, whoever changed them (admin, import, API, shell)."""

from __future__ import annotations

from django.db.models import Model
from django.db.models.signals import post_save, pre_delete, pre_save
from django.dispatch import receiver

from masthead.newsroom.models import Article, Author, Section, Tag

from . import services


@receiver(pre_save, sender=Article)
def _remember_story_address(sender, instance: Article, raw: bool = False, **kwargs) -> None:
    instance._old_public_path = None
    if raw or instance.pk is None:
        return
    old = Article.objects.select_related("section").filter(pk=instance.pk).first()
    if old is not None and old.has_been_public:
        instance._old_public_path = old.get_absolute_url()


@receiver(post_save, sender=Article)
def _record_story_move(sender, instance: Article, raw: bool = False, **kwargs) -> None:
    old_path = getattr(instance, "_old_public_path", None)
    if old_path and not raw:
        services.redirect_record_article_move(article=instance, old_path=old_path)


@receiver(pre_delete, sender=Article)
def _record_story_gone(sender, instance: Article, **kwargs) -> None:
    if instance.has_been_public:
        services.redirect_record_gone(old_path=instance.get_absolute_url())


@receiver(pre_save, sender=Section)
@receiver(pre_save, sender=Tag)
@receiver(pre_save, sender=Author)
def _remember_page_address(sender, instance: Model, raw: bool = False, **kwargs) -> None:
    instance._old_path = None
    if raw or instance.pk is None:
        return
    old = sender._default_manager.filter(pk=instance.pk).only("slug").first()
    if old is not None and old.slug != instance.slug:
        instance._old_path = old.get_absolute_url()


@receiver(post_save, sender=Section)
@receiver(post_save, sender=Tag)
@receiver(post_save, sender=Author)
def _record_page_move(sender, instance: Model, raw: bool = False, **kwargs) -> None:
    old_path = getattr(instance, "_old_path", None)
    if old_path and not raw:
        services.redirect_record_page_move(old_path=old_path, new_path=instance.get_absolute_url())
