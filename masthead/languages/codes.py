"""The paper's languages: its default (addresses without a prefix) and the others it publishes
in (addresses under /<code>/). The catalogue languages Masthead ships are settings.LANGUAGES."""

from __future__ import annotations

from django.conf import settings
from django.utils import translation


def catalogue_languages() -> dict[str, str]:
    """Code → name (in that language) of every language Masthead has catalogues for."""
    return dict(settings.LANGUAGES)


def supported(code: str) -> str:
    """``code`` as one of the catalogue languages ("en-us" → "en"); the first one otherwise."""
    return known_language(code) or next(iter(catalogue_languages()))


def known_language(code: str) -> str:
    """A source's language tag as one of the catalogue languages ("es-PR" → "es"); "" for a
    language Masthead has no catalogues for, or no tag."""
    code = (code or "").strip().lower().replace("_", "-")
    known = catalogue_languages()
    if code in known:
        return code
    base = code.split("-")[0]
    return base if base in known else ""


def default_language() -> str:
    from masthead.newsroom.models import Publication

    return supported(Publication.current().language)


def publication_languages() -> list[str]:
    """The default language first, then the others the publication publishes in."""
    from masthead.newsroom.models import Publication

    publication = Publication.current()
    default = supported(publication.language)
    others = [supported(code) for code in publication.other_languages.split()]
    return [default, *dict.fromkeys(code for code in others if code != default)]


def language_name(code: str) -> str:
    """The language's own name for itself: "English", "Español"."""
    return catalogue_languages().get(code, code)


def current_language() -> str:
    return supported(translation.get_language() or default_language())


def prefix_for(code: str) -> str:
    """The address prefix of a language: "" for the default, "/es" for Spanish."""
    return "" if code == default_language() else f"/{code}"
