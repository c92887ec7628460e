"""What each change in the newsroom bumps: signals on save and delete, and the comments app's
``comments_changed`` (sent after its queryset ``.update()`` moderation paths).

A story counts when it is, was or is scheduled to be live (status published or scheduled with
a publication time): a draft's edits show on no reader page. Scheduling one bumps its lists
too, so their stored copies are made again with the new going-live time as their deadline.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Q
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save

from . import versions
from .dependencies import story_lists

# Story fields other pages show (cards, Recent Posts, related stories, sitemaps); a change to
# any of them refreshes every story page's lists of other stories too.
LISTED_FIELDS = (
    "status", "published_at", "expires_at", "section_id", "headline", "slug", "dek",
    "hero_photo_id", "byline_text", "writer_id", "noindex", "label", "language",
)  # fmt: skip


def _public_ish(status: str | None, published_at) -> bool:
    from masthead.newsroom.models import Article

    return status in Article.LIVE_STATUSES and published_at is not None


def _story_names(
    article_ids: Iterable[int],
    *,
    feeds: bool = True,
    extra_sections: Iterable[int | None] = (),
    extra_tags: Iterable[int] = (),
    extra_authors: Iterable[int] = (),
) -> set[str]:
    """The stories' own pages and every list (and feed) they appear in, from the database."""
    from masthead.newsroom.models import Article, Byline

    ids = list(article_ids)
    if not ids:
        return set()
    rows = list(
        Article.objects.filter(pk__in=ids).values_list(
            "section_id", "writer_id", "translation_group"
        )
    )
    sections = {section for section, _, _ in rows} | set(extra_sections)
    authors = {writer for _, writer, _ in rows if writer} | set(extra_authors)
    authors |= set(Byline.objects.filter(article_id__in=ids).values_list("author_id", flat=True))
    tags = set(
        Article.tags.through.objects.filter(article_id__in=ids).values_list("tag_id", flat=True)
    )
    tags |= set(extra_tags)
    names = story_lists(section_ids=sections, tag_ids=tags, author_ids=authors, feeds=feeds)
    names |= {f"story:{pk}" for pk in ids}
    # Translations name each other in their hreflang links and language switchers.
    groups = {group for _, _, group in rows}
    siblings = Article.objects.filter(translation_group__in=groups).exclude(pk__in=ids)
    names |= {f"story:{pk}" for pk in siblings.values_list("pk", flat=True)}
    if feeds:
        names |= {"sitemaps", "corrections"}
    return names


def _public_ids(article_ids: Iterable[int]) -> list[int]:
    from masthead.newsroom.models import Article

    return list(
        Article.objects.filter(
            pk__in=list(article_ids),
            status__in=Article.LIVE_STATUSES,
            published_at__isnull=False,
        ).values_list("pk", flat=True)
    )


def stories_changed(article_ids: Iterable[int], *, listed: bool = True) -> None:
    """Bump what shows these stories (for code that changes them with ``.update()``)."""
    ids = _public_ids(article_ids)
    names = _story_names(ids)
    if names and listed:
        names.add("stories")
    versions.bump(names)


# --- Stories ---------------------------------------------------------------------------------


def _article_before(sender, instance, raw: bool = False, **kwargs) -> None:
    if raw or instance.pk is None:
        instance._pagecache_before = None
        return
    instance._pagecache_before = (
        sender.objects.filter(pk=instance.pk).values(*LISTED_FIELDS).first()
    )


def _article_saved(sender, instance, created: bool, raw: bool = False, **kwargs) -> None:
    if raw:
        return
    before = getattr(instance, "_pagecache_before", None)
    now_public = _public_ish(instance.status, instance.published_at)
    was_public = before is not None and _public_ish(before["status"], before["published_at"])
    if not (now_public or was_public):
        return
    names = _story_names([instance.pk], extra_sections=[before["section_id"]] if before else [])
    listed = before is None or any(getattr(instance, f) != before[f] for f in LISTED_FIELDS)
    if listed:
        names.add("stories")
    versions.bump(names, schedule=True)


def _article_deleting(sender, instance, **kwargs) -> None:
    instance._pagecache_names = (
        _story_names([instance.pk]) | {"stories"}
        if _public_ish(instance.status, instance.published_at)
        else set()
    )


def _article_deleted(sender, instance, **kwargs) -> None:
    versions.bump(getattr(instance, "_pagecache_names", set()), schedule=True)


def _tags_changed(sender, instance, action: str, reverse: bool, pk_set, **kwargs) -> None:
    if action == "pre_clear":
        if reverse:
            instance._pagecache_cleared = list(instance.articles.values_list("pk", flat=True))
        else:
            instance._pagecache_cleared = list(instance.tags.values_list("pk", flat=True))
        return
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    cleared = getattr(instance, "_pagecache_cleared", [])
    if reverse:  # tag.articles.add(...): pk_set holds stories
        ids = _public_ids(pk_set or cleared)
        names = _story_names(ids, extra_tags=[instance.pk])
    else:
        ids = _public_ids([instance.pk])
        names = _story_names(ids, extra_tags=list(pk_set or cleared))
    if names:
        versions.bump(names | {"stories"})  # related stories follow tags


def _picks_changed(sender, instance, action: str, reverse: bool, **kwargs) -> None:
    """The desk's related stories: only the picking story's page lists them."""
    if action in ("post_add", "post_remove", "post_clear") and not reverse:
        ids = _public_ids([instance.pk])
        if ids:
            versions.bump({f"story:{pk}" for pk in ids})


def _byline_changed(sender, instance, raw: bool = False, **kwargs) -> None:
    if raw:
        return
    ids = _public_ids([instance.article_id])
    if ids:
        versions.bump(_story_names(ids, extra_authors=[instance.author_id]) | {"stories"})


def _bylines_replaced(sender, article_ids, **kwargs) -> None:
    stories_changed(article_ids)


# --- Names: authors, tags, sections, the publication, photos -------------------------------


def _author_saved(sender, instance, created: bool, raw: bool = False, **kwargs) -> None:
    if raw or created:
        return
    from masthead.newsroom.models import Article

    credited = Q(bylines__author=instance) | Q(writer=instance)
    ids = _public_ids(Article.objects.filter(credited).values_list("pk", flat=True).distinct())
    names = {
        f"author-name:{instance.pk}",
        f"list:author:{instance.pk}",
        f"feed:author:{instance.pk}",
    }
    names |= _story_names(ids) - {f"story:{pk}" for pk in ids}  # story pages: author-name
    versions.bump(names | {"sitemaps"})


def _tag_changed(sender, instance, raw: bool = False, **kwargs) -> None:
    if raw or kwargs.get("created"):
        return
    pk = instance.pk if instance.pk is not None else getattr(instance, "_pagecache_pk", None)
    names = {f"tag-name:{pk}", f"list:tag:{pk}", f"feed:tag:{pk}", "sitemaps"}
    if kwargs.get("signal") is post_save:
        # Feeds name a story's tags as categories; the tag's stories' feeds show the new name.
        ids = _public_ids(instance.articles.values_list("pk", flat=True))
        names |= {name for name in _story_names(ids) if name.startswith("feed:")}
    versions.bump(names)


def _tag_deleting(sender, instance, **kwargs) -> None:
    instance._pagecache_pk = instance.pk
    _tags_changed(sender, instance, "pre_clear", True, None)


def _tag_deleted(sender, instance, **kwargs) -> None:
    _tag_changed(sender, instance)
    stories_changed(getattr(instance, "_pagecache_cleared", []))


def _site_changed(sender, raw: bool = False, **kwargs) -> None:
    """Sections are in every page's navigation; the publication's name is on every page."""
    if not raw:
        versions.bump({"site", "sitemaps"})


def _photo_changed(sender, instance, raw: bool = False, **kwargs) -> None:
    if raw or instance.pk is None:
        return
    from masthead.newsroom.models import Article, Author

    stories_changed(Article.objects.filter(hero_photo=instance).values_list("pk", flat=True))
    for author in Author.objects.filter(photo=instance).only("pk"):
        versions.bump({f"author-name:{author.pk}", f"list:author:{author.pk}"})


# --- Comments and corrections ----------------------------------------------------------------


def comments_changed(sender=None, article_ids: Iterable[int] = (), **kwargs) -> None:
    """A comment shown, hidden or edited: the story page and the lists' comment counts."""
    versions.bump(_story_names(_public_ids(article_ids), feeds=False))


def _comment_before(sender, instance, raw: bool = False, **kwargs) -> None:
    instance._pagecache_status = (
        sender.objects.filter(pk=instance.pk).values_list("status", flat=True).first()
        if instance.pk and not raw
        else None
    )


def _comment_saved(sender, instance, raw: bool = False, **kwargs) -> None:
    approved = sender.Status.APPROVED
    if raw:
        return
    if approved in (instance.status, getattr(instance, "_pagecache_status", None)):
        comments_changed(article_ids=[instance.article_id])


def _comment_deleted(sender, instance, **kwargs) -> None:
    if instance.status == sender.Status.APPROVED:
        comments_changed(article_ids=[instance.article_id])


def _correction_changed(sender, instance, raw: bool = False, **kwargs) -> None:
    if not raw:
        versions.bump({"corrections", f"story:{instance.article_id}"})


def connect() -> None:
    from masthead.comments.models import Comment
    from masthead.comments.signals import comments_changed as comments_signal
    from masthead.newsroom.bylines import bylines_replaced
    from masthead.newsroom.models import (
        Article,
        Author,
        Byline,
        Correction,
        Publication,
        Section,
        Tag,
    )
    from masthead.photos.models import Photo

    uid = "masthead.pagecache"
    pre_save.connect(_article_before, sender=Article, dispatch_uid=f"{uid}.article_before")
    post_save.connect(_article_saved, sender=Article, dispatch_uid=f"{uid}.article_saved")
    pre_delete.connect(_article_deleting, sender=Article, dispatch_uid=f"{uid}.article_deleting")
    post_delete.connect(_article_deleted, sender=Article, dispatch_uid=f"{uid}.article_deleted")
    m2m_changed.connect(_tags_changed, sender=Article.tags.through, dispatch_uid=f"{uid}.tags")
    m2m_changed.connect(
        _picks_changed, sender=Article.related_picks.through, dispatch_uid=f"{uid}.picks"
    )
    post_save.connect(_byline_changed, sender=Byline, dispatch_uid=f"{uid}.byline_saved")
    post_delete.connect(_byline_changed, sender=Byline, dispatch_uid=f"{uid}.byline_deleted")
    bylines_replaced.connect(_bylines_replaced, dispatch_uid=f"{uid}.bylines_replaced")
    post_save.connect(_author_saved, sender=Author, dispatch_uid=f"{uid}.author_saved")
    post_save.connect(_tag_changed, sender=Tag, dispatch_uid=f"{uid}.tag_saved")
    pre_delete.connect(_tag_deleting, sender=Tag, dispatch_uid=f"{uid}.tag_deleting")
    post_delete.connect(_tag_deleted, sender=Tag, dispatch_uid=f"{uid}.tag_deleted")
    for model in (Section, Publication):
        post_save.connect(_site_changed, sender=model, dispatch_uid=f"{uid}.{model.__name__}_saved")
        post_delete.connect(
            _site_changed, sender=model, dispatch_uid=f"{uid}.{model.__name__}_deleted"
        )
    post_save.connect(_photo_changed, sender=Photo, dispatch_uid=f"{uid}.photo_saved")
    pre_delete.connect(_photo_changed, sender=Photo, dispatch_uid=f"{uid}.photo_deleting")
    pre_save.connect(_comment_before, sender=Comment, dispatch_uid=f"{uid}.comment_before")
    post_save.connect(_comment_saved, sender=Comment, dispatch_uid=f"{uid}.comment_saved")
    post_delete.connect(_comment_deleted, sender=Comment, dispatch_uid=f"{uid}.comment_deleted")
    comments_signal.connect(comments_changed, dispatch_uid=f"{uid}.comments_changed")
    post_save.connect(_correction_changed, sender=Correction, dispatch_uid=f"{uid}.correction")
    post_delete.connect(
        _correction_changed, sender=Correction, dispatch_uid=f"{uid}.correction_deleted"
    )
