"""Keep the search index in step with stories, bylines, authors and tags."""

from __future__ import annotations

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete

from masthead.newsroom.bylines import bylines_replaced
from masthead.newsroom.models import Article, Author, Byline, Tag

from .services import search_index_rebuild, search_index_remove, search_index_update


def _article_saved(sender, instance: Article, raw: bool = False, **kwargs) -> None:
    if not raw:  # fixtures load rows half-connected; rebuild_search_index after loaddata
        search_index_update(article_ids=[instance.pk])


def _article_deleted(sender, instance: Article, **kwargs) -> None:
    search_index_remove(article_ids=[instance.pk])


def _tags_changed(sender, instance, action: str, reverse: bool, pk_set, **kwargs) -> None:
    if not reverse:  # article.tags.add(...)
        if action in ("post_add", "post_remove", "post_clear"):
            search_index_update(article_ids=[instance.pk])
        return
    # tag.articles.add(...): the changed stories are in pk_set, or all of them on clear.
    if action == "pre_clear":
        instance._search_cleared_ids = list(instance.articles.values_list("pk", flat=True))
    elif action in ("post_add", "post_remove"):
        search_index_update(article_ids=pk_set or ())
    elif action == "post_clear":
        search_index_update(article_ids=getattr(instance, "_search_cleared_ids", ()))


def _byline_changed(sender, instance: Byline, raw: bool = False, **kwargs) -> None:
    if not raw:
        search_index_update(article_ids=[instance.article_id])


def _bylines_replaced(sender, article_ids, **kwargs) -> None:
    search_index_update(article_ids=article_ids)


def _author_saved(sender, instance: Author, raw: bool = False, **kwargs) -> None:
    if not raw and not kwargs.get("created"):
        search_index_update(
            article_ids=Byline.objects.filter(author=instance).values_list("article_id", flat=True)
        )


def _tag_saved(sender, instance: Tag, raw: bool = False, **kwargs) -> None:
    if not raw and not kwargs.get("created"):
        search_index_update(article_ids=instance.articles.values_list("pk", flat=True))


def _tag_deleting(sender, instance: Tag, **kwargs) -> None:
    instance._search_tagged_ids = list(instance.articles.values_list("pk", flat=True))


def _tag_deleted(sender, instance: Tag, **kwargs) -> None:
    search_index_update(article_ids=getattr(instance, "_search_tagged_ids", ()))


def connect() -> None:
    uid = "masthead.search"
    post_save.connect(_article_saved, sender=Article, dispatch_uid=f"{uid}.article_saved")
    post_delete.connect(_article_deleted, sender=Article, dispatch_uid=f"{uid}.article_deleted")
    m2m_changed.connect(_tags_changed, sender=Article.tags.through, dispatch_uid=f"{uid}.tags")
    post_save.connect(_byline_changed, sender=Byline, dispatch_uid=f"{uid}.byline_saved")
    post_delete.connect(_byline_changed, sender=Byline, dispatch_uid=f"{uid}.byline_deleted")
    bylines_replaced.connect(_bylines_replaced, dispatch_uid=f"{uid}.bylines_replaced")
    post_save.connect(_author_saved, sender=Author, dispatch_uid=f"{uid}.author_saved")
    post_save.connect(_tag_saved, sender=Tag, dispatch_uid=f"{uid}.tag_saved")
    pre_delete.connect(_tag_deleting, sender=Tag, dispatch_uid=f"{uid}.tag_deleting")
    post_delete.connect(_tag_deleted, sender=Tag, dispatch_uid=f"{uid}.tag_deleted")


def fill_index_after_migrate(sender, using: str = "default", **kwargs) -> None:
    """After ``migrate``, index the stories of a site that had none indexed (an upgrade); after
    ``flush`` (which also sends this signal), empty an index left with no stories: SQLite's FTS
    table is not a model's, so ``flush`` leaves its rows behind."""
    from masthead.newsroom.models import Article

    from .services import search_index_is_empty

    if Article.objects.using(using).exists() == search_index_is_empty():
        search_index_rebuild()
