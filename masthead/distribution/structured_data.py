"""Structured data for machines: JSON-LD (NewsArticle, BreadcrumbList), OpenGraph and Twitter
card tags for a story. Every URL is absolute, on the publication's site address when it has
one, else on the address the request came to."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.http import HttpRequest
from django.urls import reverse

from masthead.newsroom.models import Article, Author, Publication
from masthead.photos.models import Photo

# Google shows headlines up to this length in rich results.
HEADLINE_LIMIT = 110
# Social networks show a large card from an image about this wide.
CARD_IMAGE_WIDTH = 1200


# OpenGraph wants a language and territory; the paper's own region is not known, so each
# language's most-read one.
OG_LOCALES = {"en": "en_US", "es": "es_LA"}


def absolute_url(request: HttpRequest | None, path: str) -> str:
    """``path`` on the site's public address when one is set, else on the request's host."""
    if path.startswith(("http://", "https://")):
        return path
    site_url = Publication.current().site_url
    if site_url:
        parts = urlsplit(site_url)
        return f"{parts.scheme}://{parts.netloc}{path}"
    if request is None:
        return path
    return request.build_absolute_uri(path)


def card_image(photo: Photo) -> tuple[str, int, int]:
    """The image social networks show large: the 16:9 cut around the focal point when it is
    made, else the smallest copy at least CARD_IMAGE_WIDTH wide, else the original."""
    wide = photo.largest("16x9")
    if wide is not None and wide.width >= CARD_IMAGE_WIDTH:
        return photo.image.storage.url(wide.name), wide.width, wide.height
    sizes = photo.sizes()
    wide_enough = [size for size in sizes if size[1] >= CARD_IMAGE_WIDTH]
    return min(wide_enough, key=lambda size: size[1]) if wide_enough else sizes[0]


def _image_shapes(photo: Photo) -> list[tuple[str, int, int]]:
    """The original and its 16:9 and 1:1 cuts: search engines ask for an article's image in
    several shapes, each large, to pick the one that fits where they show it."""
    found = [photo.sizes()[0]]
    for shape in ("16x9", "1x1"):
        copy = photo.largest(shape)
        if copy is not None:
            found.append((photo.image.storage.url(copy.name), copy.width, copy.height))
    return found


def _image_objects(request: HttpRequest, photo: Photo) -> list[dict]:
    return [
        _clean(
            {
                "@type": "ImageObject",
                "url": absolute_url(request, url),
                "width": width,
                "height": height,
                "caption": photo.caption,
                "creditText": photo.credit,
            }
        )
        for url, width, height in _image_shapes(photo)
    ]


# schema.org's kinds of news article for the story labels (an exclusive is news all the same).
ARTICLE_TYPES = {
    Article.Label.ANALYSIS: "AnalysisNewsArticle",
    Article.Label.OPINION: "OpinionNewsArticle",
    Article.Label.SPONSORED: "AdvertiserContentArticle",
}


def _author_entity(request: HttpRequest, author: Author) -> dict:
    kind = "Organization" if author.kind == Author.Kind.ORGANIZATION else "Person"
    entity = {
        "@type": kind,
        "name": author.name,
        "url": absolute_url(request, author.get_absolute_url()),
    }
    if author.title and kind == "Person":
        entity["jobTitle"] = author.title
    if author.profile_links:
        entity["sameAs"] = [url for _, url in author.profiles]
    return entity


def _source_organization(article: Article) -> dict:
    source: dict = {"@type": "NewsMediaOrganization", "name": article.source_name}
    if article.safe_original_url:
        parts = urlsplit(article.safe_original_url)
        source["url"] = f"{parts.scheme}://{parts.netloc}/"
    return source


def _free_text_author(article: Article) -> dict:
    """The free-text byline: agency copy is the agency; "Name, Agency" is a reporter there."""
    byline = article.byline_text.strip()
    source = article.source_name.strip()
    if source and byline.casefold() == source.casefold():
        return _source_organization(article)
    if source and byline.casefold().endswith(", " + source.casefold()):
        name = byline[: -len(source) - 2].strip()
        return {"@type": "Person", "name": name, "affiliation": _source_organization(article)}
    return {"@type": "Person", "name": byline}


def authors(request: HttpRequest, article: Article) -> list[dict]:
    """The story's authors: people with their author page, organizations for agency copy."""
    entities = [_author_entity(request, author) for author in article.byline_authors]
    if article.byline_text.strip():
        entities.append(_free_text_author(article))
    if not entities:
        if article.source_name:
            entities.append(_source_organization(article))
        elif article.writer:
            entities.append(_author_entity(request, article.writer))
    return entities


def publisher(request: HttpRequest) -> dict:
    publication = Publication.current()
    data: dict = {
        "@type": "NewsMediaOrganization",
        "name": publication.name,
        "url": absolute_url(request, "/"),
    }
    if publication.logo:
        data["logo"] = {"@type": "ImageObject", "url": absolute_url(request, publication.logo.url)}
    return data


def news_article(request: HttpRequest, article: Article) -> dict:
    """The schema.org NewsArticle for a story page."""
    url = absolute_url(request, article.get_absolute_url())
    modified = article.updated_at or article.published_at or article.modified_at
    data: dict = {
        "@context": "https://schema.org",
        "@type": ARTICLE_TYPES.get(article.label, "NewsArticle"),
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "url": url,
        "headline": article.headline[:HEADLINE_LIMIT],
        "description": article.description,
        "datePublished": article.published_at.isoformat() if article.published_at else None,
        "dateModified": modified.isoformat() if modified else None,
        "author": authors(request, article),
        "articleSection": article.section.name_in(article.language),
        "keywords": [tag.name_in(article.language) for tag in article.tags.all()],
        "wordCount": article.word_count,
        "isAccessibleForFree": True,
        "inLanguage": article.language,
        "publisher": publisher(request),
    }
    photo = article.hero_photo
    if photo and photo.image:
        data["image"] = _image_objects(request, photo)
        data["thumbnailUrl"] = absolute_url(request, photo.small_url)
    corrections = [note for note in article.public_corrections if note.kind == "correction"]
    if corrections:
        data["correction"] = [
            {
                "@type": "CorrectionComment",
                "text": note.text,
                "datePublished": note.created_at.isoformat(),
                "url": absolute_url(request, note.get_absolute_url()),
            }
            for note in corrections
        ]
    if article.source_name:
        data["sourceOrganization"] = _source_organization(article)
    if article.safe_original_url:
        data["isBasedOn"] = article.safe_original_url
    return _clean(data)


def breadcrumb_list(request: HttpRequest, article: Article) -> dict:
    """Home > Section > Story, as schema.org's BreadcrumbList."""
    crumbs = [
        (Publication.current().name, reverse("newsroom:home")),
        (article.section.name_in(article.language), article.section.get_absolute_url()),
        (article.headline, article.get_absolute_url()),
    ]
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": name,
                "item": absolute_url(request, path),
            }
            for position, (name, path) in enumerate(crumbs, start=1)
        ],
    }


def open_graph(request: HttpRequest, article: Article) -> list[tuple[str, str]]:
    """OpenGraph ``(property, content)`` pairs for a story."""
    publication = Publication.current()
    tags = [
        ("og:type", "article"),
        ("og:site_name", publication.name),
        ("og:title", article.headline),
        ("og:description", article.description),
        ("og:url", absolute_url(request, article.get_absolute_url())),
        ("og:locale", OG_LOCALES.get(article.language, article.language)),
    ]
    photo = article.hero_photo
    if photo and photo.image:
        url, width, height = card_image(photo)
        tags += [
            ("og:image", absolute_url(request, url)),
            ("og:image:width", str(width)),
            ("og:image:height", str(height)),
            ("og:image:alt", photo.description),
        ]
    if article.published_at:
        tags.append(("article:published_time", article.published_at.isoformat()))
    if article.updated_at:
        tags.append(("article:modified_time", article.updated_at.isoformat()))
    tags += [
        ("article:author", absolute_url(request, author.get_absolute_url()))
        for author in article.byline_authors
    ]
    tags.append(("article:section", article.section.name))
    tags += [("article:tag", tag.name) for tag in article.tags.all()]
    return [(name, value) for name, value in tags if value]


def twitter_card(request: HttpRequest, article: Article) -> list[tuple[str, str]]:
    """Twitter/X card ``(name, content)`` pairs: a large image card when there is a photo."""
    photo = article.hero_photo
    tags = [
        ("twitter:card", "summary_large_image" if photo and photo.image else "summary"),
        ("twitter:title", article.headline),
        ("twitter:description", article.description),
    ]
    if photo and photo.image:
        tags += [
            ("twitter:image", absolute_url(request, card_image(photo)[0])),
            ("twitter:image:alt", photo.description),
        ]
    return [(name, value) for name, value in tags if value]


def _clean(data: dict) -> dict:
    return {key: value for key, value in data.items() if value not in (None, "", [])}
