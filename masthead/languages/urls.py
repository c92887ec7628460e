"""Language-prefixed reader addresses: the default language's stay as they are, the others'
live under /<code>/ (like Django's i18n_patterns without the default prefix, but with the
publication's default language rather than a setting)."""

from __future__ import annotations

from django.urls import URLResolver
from django.urls.resolvers import LocalePrefixPattern
from django.utils.translation import get_language

from .codes import default_language, supported


class PublicationLanguagePrefix(LocalePrefixPattern):
    def __init__(self) -> None:
        super().__init__(prefix_default_language=False)

    @property
    def language_prefix(self) -> str:
        language = supported(get_language() or "")
        return "" if language == default_language() else f"{language}/"


def reader_patterns(*urls) -> list[URLResolver]:
    return [URLResolver(PublicationLanguagePrefix(), list(urls))]
