"""Structured data for machines: JSON-LD NewsArticle and OpenGraph tags for a story."""

from __future__ import annotations

from django.http import HttpRequest

from masthead.newsroom.models import Article, Author, Publication


def absolute_url(request: HttpRequest, path: str) -> str:
    """``path`` on the site's public address when one is set, else on the request's host."""
    if path.startswith(("http://", "https://")):
        return path
    site_url = Publication.current().site_url
    if site_url:
        return site_url.rstrip("/") + path
    return request.build_absolute_uri(path)


def _person_or_organization(request: HttpRequest, author: Author) -> dict:
    kind = "Organization" if author.kind == Author.Kind.ORGANIZATION else "Person"
    return {
        "@type": kind,
        "name": author.name,
        "url": absolute_url(request, author.get_absolute_url()),
    }


def news_article(request: HttpRequest, article: Article) -> dict:
    """The schema.org NewsArticle for a story page."""
    publication = Publication.current()
    url = absolute_url(request, article.get_absolute_url())
    authors = [_person_or_organization(request, author) for author in article.byline_authors]
    if article.byline_text:
        authors.append(
            {"@type": "Organization" if not authors and article.source_name else "Person",
             "name": article.byline_text}
        )  # fmt: skip
    data: dict = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "url": url,
        "headline": article.headline[:110],
        "description": article.description,
        "datePublished": article.published_at.isoformat() if article.published_at else None,
        "dateModified": (
            article.updated_at or article.published_at or article.modified_at
        ).isoformat(),
        "author": authors,
        "articleSection": article.section.name,
        "keywords": [tag.name for tag in article.tags.all()],
        "wordCount": article.word_count,
        "isAccessibleForFree": True,
        "inLanguage": publication.language,
        "publisher": {
            "@type": "NewsMediaOrganization",
            "name": publication.name,
            "url": absolute_url(request, "/"),
        },
    }
    if publication.logo:
        data["publisher"]["logo"] = {
            "@type": "ImageObject",
            "url": absolute_url(request, publication.logo.url),
        }
    photo = article.hero_photo
    if photo and photo.image:
        data["image"] = [
            {
                "@type": "ImageObject",
                "url": absolute_url(request, photo.image.url),
                "width": photo.width,
                "height": photo.height,
                "caption": photo.caption,
                "creditText": photo.credit,
            }
        ]
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
        data["sourceOrganization"] = {"@type": "NewsMediaOrganization", "name": article.source_name}
    if article.original_url:
        data["isBasedOn"] = article.original_url
    return {key: value for key, value in data.items() if value not in (None, "", [])}


def open_graph(request: HttpRequest, article: Article) -> list[tuple[str, str]]:
    """OpenGraph ``(property, content)`` pairs for a story."""
    publication = Publication.current()
    tags = [
        ("og:type", "article"),
        ("og:site_name", publication.name),
        ("og:title", article.headline),
        ("og:description", article.description),
        ("og:url", absolute_url(request, article.get_absolute_url())),
        ("og:locale", publication.language.replace("-", "_")),
    ]
    if article.hero_photo and article.hero_photo.image:
        photo = article.hero_photo
        tags += [
            ("og:image", absolute_url(request, photo.image.url)),
            ("og:image:width", str(photo.width)),
            ("og:image:height", str(photo.height)),
            ("og:image:alt", photo.description),
        ]
    if article.published_at:
        tags.append(("article:published_time", article.published_at.isoformat()))
    if article.updated_at:
        tags.append(("article:modified_time", article.updated_at.isoformat()))
    tags.append(("article:section", article.section.name))
    tags += [("article:tag", tag.name) for tag in article.tags.all()]
    return tags
