"""Reader pages. Thin: each asks a queryset for what it shows and renders a template."""

from __future__ import annotations

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.db.models import F, QuerySet, Window
from django.db.models.functions import RowNumber
from django.http import Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from masthead.comments.forms import CommentForm
from masthead.comments.selectors import story_comments
from masthead.distribution.structured_data import absolute_url
from masthead.pagecache.dependencies import depends, story_page_dependencies
from masthead.search.related import related_stories

from .models import Article, Author, Section, Tag

HOME_STORIES_PER_SECTION = 4


def _page(request: HttpRequest, queryset: QuerySet) -> Page:
    paginator = Paginator(queryset, settings.MASTHEAD_PAGE_SIZE)
    try:
        number = int(request.GET.get("page", 1))
    except ValueError:
        raise Http404("That page number is not a number.") from None
    if number < 1 or (number > paginator.num_pages):
        raise Http404("There is no such page.")
    return paginator.page(number)


def _list_depends(request: HttpRequest, page: Page, *names: str) -> None:
    """A list page shows ``names``; it last changed when its newest story did."""
    moments = [
        moment
        for story in page.object_list
        for moment in (story.published_at, story.updated_at)
        if moment is not None
    ]
    depends(request, *names, modified=max(moments, default=None))


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    live = Article.objects.live()
    lead = live.for_listing().latest_first().first()
    # The latest few stories of every section in one query, however many sections there are.
    ranked = (
        live.exclude(pk=lead.pk if lead else None)
        .annotate(
            rank=Window(
                RowNumber(), partition_by=[F("section_id")], order_by=[F("published_at").desc()]
            )
        )
        .filter(rank__lte=HOME_STORIES_PER_SECTION)
        .for_listing()
        .order_by("section__position", "section__name", "-published_at")
    )
    by_section: dict[int, dict] = {}
    for article in ranked:
        group = by_section.setdefault(
            article.section_id, {"section": article.section, "stories": []}
        )
        group["stories"].append(article)
    depends(request, "list:home")
    return render(
        request,
        "newsroom/home.html",
        {"lead": lead, "section_groups": list(by_section.values())},
    )


@require_safe
def article_detail(
    request: HttpRequest, section: str, year: int, month: str, day: str, slug: str
) -> HttpResponse:
    article = get_object_or_404(Article.objects.live().for_story_page(), slug=slug)
    canonical = article.get_absolute_url()
    if request.path != canonical:
        # An old section or date in the address: send readers and search engines to the story.
        return HttpResponsePermanentRedirect(canonical)
    return story_page(request, article)


def story_page(
    request: HttpRequest,
    article: Article,
    *,
    comment_form: CommentForm | None = None,
    status: int = 200,
) -> HttpResponse:
    """The story page; the comments app shows it again with a reader's form and its errors."""
    recent = Article.objects.live().recent_posts(
        besides=article.pk, limit=settings.MASTHEAD_RECENT_POSTS
    )
    depends(
        request,
        *story_page_dependencies(article),
        modified=max(filter(None, (article.published_at, article.updated_at))),
    )
    return render(
        request,
        "newsroom/article_detail.html",
        {
            "article": article,
            "current_section_slug": article.section.slug,
            "recent_posts": recent,
            "canonical_url": absolute_url(request, article.get_absolute_url()),
            "related_stories": related_stories(article),
            **story_comments(request, article, form=comment_form),
        },
        status=status,
    )


@require_safe
def archive(request: HttpRequest) -> HttpResponse:
    page = _page(request, Article.objects.live().for_listing().latest_first())
    _list_depends(request, page, "list:archive")
    return render(request, "newsroom/archive.html", {"page_obj": page})


@require_safe
def section_detail(request: HttpRequest, slug: str) -> HttpResponse:
    section = get_object_or_404(Section, slug=slug)
    page = _page(request, section.articles.live().for_listing().latest_first())
    _list_depends(request, page, f"list:section:{section.pk}")
    return render(
        request,
        "newsroom/section_detail.html",
        {"section": section, "page_obj": page, "current_section_slug": section.slug},
    )


@require_safe
def tag_detail(request: HttpRequest, slug: str) -> HttpResponse:
    # A tag only on drafts or takedowns would name what readers cannot see (an embargoed topic).
    tag = get_object_or_404(Tag.objects.on_live_stories(), slug=slug)
    page = _page(request, tag.articles.live().for_listing().latest_first())
    _list_depends(request, page, f"list:tag:{tag.pk}", f"tag-name:{tag.pk}")
    return render(request, "newsroom/tag_detail.html", {"tag": tag, "page_obj": page})


@require_safe
def author_detail(request: HttpRequest, slug: str) -> HttpResponse:
    author = get_object_or_404(Author.objects.select_related("photo"), slug=slug)
    stories = Article.objects.live().filter(bylines__author=author) | Article.objects.live().filter(
        writer=author, bylines__isnull=True
    )
    page = _page(request, stories.distinct().for_listing().latest_first())
    _list_depends(request, page, f"list:author:{author.pk}", f"author-name:{author.pk}")
    return render(request, "newsroom/author_detail.html", {"author": author, "page_obj": page})
