"""Reader-facing pages of the newsroom workflow: story previews and the corrections page."""

from __future__ import annotations

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone, translation
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from masthead.distribution.structured_data import absolute_url
from masthead.languages.alternates import page_alternates
from masthead.languages.codes import current_language
from masthead.pagecache.dependencies import depends

from . import preview, story_parts, views
from .models import Article, Correction


def _private(response: HttpResponse) -> HttpResponse:
    # Never indexed, never cached by a CDN, and the token never leaks through a Referer.
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"
    return response


@require_safe
@never_cache
def article_preview(request: HttpRequest, token: str) -> HttpResponse:
    """A story as readers will see it, for whoever holds a valid preview link."""
    try:
        article, link = preview.article_for_preview(token)
    except preview.PreviewLinkExpired:
        response = render(
            request,
            "newsroom/preview_expired.html",
            {"hours": settings.MASTHEAD_PREVIEW_HOURS},
            status=403,
        )
        return _private(response)
    except preview.PreviewLinkInvalid:
        raise Http404("No such preview.") from None
    except preview.PreviewLinkGone:
        return _private(render(request, "410.html", status=410))
    if article.status != Article.Status.SCHEDULED and not article.has_been_public:
        # Shown as it would be if published now; nothing is saved.
        article.published_at = timezone.now()
    recent = (
        Article.objects.live()
        .in_language(article.language)
        .recent_posts(besides=article.pk, limit=story_parts.recent_candidates())
    )
    canonical = article.get_absolute_url()
    # In the story's language, as its readers will see it (a preview address has no prefix).
    with translation.override(article.language):
        return _private(
            views.allow_players(
                _preview_page(request, article, link, recent, canonical), article.players
            )
        )


def _preview_page(request, article, link, recent, canonical: str) -> HttpResponse:
    # Made afresh, never from or into the live story's stored parts: this is the draft.
    parts = story_parts.render_parts(
        request, article, recent_posts=recent, comments=[], comments_open=False
    )
    return render(
        request,
        "newsroom/article_preview.html",
        {
            "article": article,
            "parts": parts,
            "current_section_slug": article.section.slug,
            "canonical_url": absolute_url(request, canonical),
            "preview_expires_at": link.expires_at,
            "previewing": True,
        },
    )


@require_safe
def corrections(request: HttpRequest) -> HttpResponse:
    """Every correction to a live story, newest first."""
    queryset = (
        Correction.objects.public()
        .filter(kind=Correction.Kind.CORRECTION, article__language=current_language())
        .select_related("article__section")
        .order_by("-created_at", "-pk")
    )
    paginator = Paginator(queryset, settings.MASTHEAD_PAGE_SIZE)
    try:
        number = int(request.GET.get("page", 1))
    except ValueError:
        raise Http404("That page number is not a number.") from None
    if number < 1 or number > paginator.num_pages:
        raise Http404("There is no such page.")
    depends(request, "corrections")
    alternates = page_alternates(lambda: reverse("newsroom:corrections"))
    return render(
        request,
        "newsroom/corrections.html",
        {"page_obj": paginator.page(number), "alternates": alternates},
    )
