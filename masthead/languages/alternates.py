"""A page's versions in the paper's other languages: the hreflang links in its head (with
x-default), the sitemaps' alternates and the language switcher.

A story's alternates are its live translations (one query through the translation group); a
list page (home, archive, a section, a tag, an author, search, corrections) exists in every
language the paper publishes in, under that language's address. With one language there is
nothing to link, and nothing is asked of the database.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.utils import translation

from masthead.newsroom.querysets import LINK_FIELDS

from .codes import current_language, default_language, language_name, publication_languages


@dataclass(frozen=True)
class Alternate:
    language: str
    path: str

    @property
    def name(self) -> str:
        return language_name(self.language)

    @property
    def is_current(self) -> bool:
        return self.language == current_language()


def x_default(alternates: list[Alternate]) -> Alternate | None:
    """The version for readers in no listed language: the default language's, else the
    first."""
    if len(alternates) < 2:
        return None
    default = default_language()
    return next((a for a in alternates if a.language == default), alternates[0])


def hreflang_pairs(
    alternates: list[Alternate], absolute: Callable[[str], str]
) -> list[tuple[str, str]]:
    """(hreflang, absolute URL) of each version, itself included, then x-default; none for a
    page in one language. For the page head and the sitemaps alike."""
    default = x_default(alternates)
    if default is None:
        return []
    pairs = [(a.language, absolute(a.path)) for a in alternates]
    return [*pairs, ("x-default", absolute(default.path))]


def story_alternates(article) -> list[Alternate]:
    """The story and its live translations, in the paper's language order; empty when it has
    none (a story in one language links no alternates)."""
    from masthead.newsroom.models import Article

    languages = publication_languages()
    if len(languages) < 2 or article.pk is None:
        return []
    siblings = list(
        Article.objects.live()
        .filter(translation_group=article.translation_group, language__in=languages)
        .exclude(pk=article.pk)
        .select_related("section")
        .only(*LINK_FIELDS)
    )
    if not siblings:
        return []
    found = {a.language: a for a in [article, *siblings]}
    return [Alternate(code, found[code].get_absolute_url()) for code in languages if code in found]


def page_alternates(
    path_in: Callable[[], str], languages: list[str] | None = None
) -> list[Alternate]:
    """A list page in each of ``languages`` (by default every language of the paper):
    ``path_in`` is called with each language active and returns the page's address there."""
    languages = languages if languages is not None else publication_languages()
    if len(languages) < 2:
        return []
    alternates = []
    for code in languages:
        with translation.override(code):
            alternates.append(Alternate(code, path_in()))
    return alternates
