"""Writes: a story's translation starts as a linked draft of its own."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from masthead.newsroom.models import Article, Byline, unique_slug
from masthead.newsroom.revisions import revision_create

from .codes import language_name, publication_languages


class TranslationRefused(Exception):
    """A translation that cannot be made: the language, or one already made."""


def translations_of(article: Article) -> dict[str, Article]:
    """The story's group, by language (itself included), in one query."""
    group = Article.objects.filter(translation_group=article.translation_group)
    return {story.language: story for story in group.only("headline", "language", "status")}


def translate_story(*, article: Article, language: str, user) -> Article:
    """A draft in ``language`` linked to ``article``'s group, holding a copy of its headline,
    dek, body, section, label, photo, tags and bylines for the translator to rewrite. It is
    a story of its own from then on: slug, byline, times, corrections and revisions."""
    if language not in publication_languages():
        raise TranslationRefused(
            _("The paper does not publish in “%(code)s”.") % {"code": language[:16]}
        )
    if language == article.language:
        raise TranslationRefused(
            _("The story is already in %(name)s.") % {"name": language_name(language)}
        )
    existing = Article.objects.filter(
        translation_group=article.translation_group, language=language
    )
    if existing.exists():
        raise TranslationRefused(
            _("The story already has a %(name)s translation.") % {"name": language_name(language)}
        )
    draft = Article(
        headline=article.headline,
        slug=unique_slug(Article, f"{article.slug}-{language}"),
        dek=article.dek,
        body=article.body,
        body_format=article.body_format,
        section=article.section,
        label=article.label,
        hero_photo=article.hero_photo,
        byline_text=article.byline_text,
        writer=article.writer,
        comments_enabled=article.comments_enabled,
        language=language,
        translation_group=article.translation_group,
        status=Article.Status.DRAFT,
        created_by=user if getattr(user, "pk", None) else None,
    )
    try:
        with transaction.atomic():
            draft.save()
            draft.tags.set(article.tags.all())
            Byline.objects.bulk_create(
                Byline(article=draft, author_id=byline.author_id, position=byline.position)
                for byline in article.bylines.all()
            )
            revision_create(
                article=draft,
                user=user,
                note=f"Translation of story {article.pk} ({article.language} → {language})",
            )
    except IntegrityError:
        # Two editors pressed the button at once: the constraint let one through.
        raise TranslationRefused(
            _("The story already has a %(name)s translation.") % {"name": language_name(language)}
        ) from None
    return draft
