"""Reader pages. Thin: each asks a queryset for what it shows and renders a template."""

from __future__ import annotations

from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponsePermanentRedirect,
    HttpResponseRedirect,
)
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_safe

from masthead.comments.csrf import signed_in
from masthead.comments.forms import CommentForm
from masthead.comments.models import Comment
from masthead.comments.policy import comments_open
from masthead.comments.selectors import comment_form_context, reply_target, wants_reply
from masthead.distribution.structured_data import absolute_url
from masthead.embeds import PLAYER_ORIGINS
from masthead.frontpage.selectors import front_page_plan
from masthead.languages.alternates import page_alternates, story_alternates
from masthead.languages.codes import publication_languages
from masthead.pagecache.dependencies import depends

from . import story_parts
from .models import Article, Author, Publication, Section, Tag
from .pagination import FirstPage, StoryPage
from .pagination import story_page as list_page

HOME_STORIES_PER_SECTION = 4


def _told_in(stories: QuerySet) -> list[str]:
    """The paper's languages with a live story among ``stories``: a tag or author page exists
    in those (one query, and none for a paper in one language)."""
    languages = publication_languages()
    if len(languages) < 2:
        return languages
    found = set(stories.live().order_by().values_list("language", flat=True).distinct())
    return [code for code in languages if code in found]


def _listing(
    request: HttpRequest, stories: QuerySet, template: str, context: dict, *shows: str
) -> HttpResponse:
    """A story list page (archive, section, tag, author), paged by keyset; ``shows`` names
    what it shows, for the page cache."""
    try:
        page = list_page(request, stories.for_listing())
    except FirstPage:
        # "Newer stories" reached the top: the list's own address shows the newest.
        return HttpResponseRedirect(request.path)
    _list_depends(request, page, *shows)
    return render(request, template, {**context, "page_obj": page})


def _list_depends(request: HttpRequest, page: StoryPage, *names: str) -> None:
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
    live = Article.objects.live().in_language()
    plan = front_page_plan()
    # The desk's lead and top stories; with none placed, the newest story leads.
    lead = plan.placed[0] if plan.placed else live.for_listing().latest_first().first()
    top_stories = plan.placed[1:]
    shown_above = [story.pk for story in plan.placed] or ([lead.pk] if lead else [])
    # The latest few stories of every section in two index seeks, whatever the size of the
    # archive: first each section's cut-off (the publication time of its Nth newest story,
    # counting as many more as are shown above in case they are among them), then the
    # stories from there up.
    reach = HOME_STORIES_PER_SECTION + len(shown_above)
    cutoffs = Section.objects.annotate(
        cutoff=Subquery(
            live.filter(section=OuterRef("pk"))
            .latest_first()
            .values("published_at")[reach - 1 : reach]
        )
    ).values_list("pk", "cutoff")
    recent = Q(pk__in=[])
    for section_id, cutoff in cutoffs:
        if section_id in plan.hidden_sections:
            continue
        since = Q(published_at__gte=cutoff) if cutoff else Q()
        recent |= Q(section_id=section_id) & since
    ranked = (
        live.filter(recent)
        .exclude(pk__in=shown_above)
        .for_listing()
        .order_by("section__position", "section__name", "-published_at", "-pk")
    )
    by_section: dict[int, dict] = {}
    for article in ranked:
        group = by_section.setdefault(
            article.section_id, {"section": article.section, "stories": []}
        )
        if len(group["stories"]) < HOME_STORIES_PER_SECTION:
            group["stories"].append(article)
    # The desk's order first; sections it has not placed follow in menu order (dicts keep
    # the menu order the query gave, and sorted() is stable).
    unplaced = 1 + max(plan.block_order.values(), default=0)
    groups = sorted(
        by_section.values(), key=lambda g: plan.block_order.get(g["section"].pk, unplaced)
    )
    depends(request, "list:home")
    return render(
        request,
        "newsroom/home.html",
        {
            "lead": lead,
            "top_stories": top_stories,
            "banner": plan.banner,
            "section_groups": groups,
            "alternates": page_alternates(lambda: reverse("newsroom:home")),
        },
    )


@require_safe
def article_detail(
    request: HttpRequest, section: str, year: int, month: str, day: str, slug: str
) -> HttpResponse:
    # With the story's parts stored (story_parts.py), only its narrow row is read, to know it
    # is still live and where; without, the whole story, to make them.
    lookup = story_parts.look_up(request, slug)
    live = Article.objects.live()
    stories = story_parts.for_shell(live) if lookup.found else live.for_story_page()
    article = get_object_or_404(stories, slug=slug)
    canonical = article.get_absolute_url()
    if request.path != canonical:
        # An old section or date in the address: send readers and search engines to the story.
        return HttpResponsePermanentRedirect(canonical)
    return story_page(request, article, url=canonical, lookup=lookup)


def story_page(
    request: HttpRequest,
    article: Article,
    *,
    comment_form: CommentForm | None = None,
    status: int = 200,
    url: str | None = None,
    lookup: story_parts.Lookup | None = None,
) -> HttpResponse:
    """The story page; the comments app shows it again with a reader's form and its errors."""
    url = url or article.get_absolute_url()
    publication = Publication.current()
    is_open = comments_open(article, publication=publication)
    comments = None
    reply_to = None
    if is_open and wants_reply(request, comment_form):
        comments = list(Comment.objects.for_story_page(article.pk))
        reply_to = reply_target(request, comment_form, comments)
    # A reader's first look shows the stored parts and a blank form with a fresh stamp; staff, a
    # reply and a form with its errors get a form made now (a reply: every part, in the list).
    made = None
    if reply_to is None:
        made = story_parts.live_story_parts(request, article, comments_open=is_open, lookup=lookup)
    blank_form = None
    if made is not None and comment_form is None and not signed_in(request):
        blank_form = story_parts.blank_form_for_reader(made.parts)
    form_context = comment_form_context(
        request, article, is_open=is_open, publication=publication, form=comment_form,
        reply_to=reply_to, story_url=url, build_form=blank_form is None,
    )  # fmt: skip
    if made is None:
        made = story_parts.fresh_story_parts(
            request, article, comments_open=is_open, comments=comments, form_context=form_context
        )
    modified = max(filter(None, (article.published_at, article.updated_at)))
    depends(request, *made.dependencies, modified=modified)
    response = render(
        request,
        "newsroom/article_detail.html",
        {
            "article": article,
            "parts": made.parts,
            "blank_comment_form": blank_form,
            "comment_count": made.comment_count,
            "current_section_slug": article.section.slug,
            "canonical_url": absolute_url(request, url),
            "alternates": story_alternates(article),
            **form_context,
        },
        status=status,
    )
    return allow_players(response, article.players)


def allow_players(response: HttpResponse, players: str) -> HttpResponse:
    """Open the page's CSP to the players its story may load (on a reader's click), and to no
    other frame: pages without an embed keep frame-src at 'self'."""
    origins = [PLAYER_ORIGINS[name] for name in players.split(",") if name in PLAYER_ORIGINS]
    if origins:
        response._csp_update = {"frame-src": ["'self'", *origins]}
    return response


@require_safe
def archive(request: HttpRequest) -> HttpResponse:
    alternates = page_alternates(lambda: reverse("newsroom:archive"))
    return _listing(
        request,
        Article.objects.live().in_language(),
        "newsroom/archive.html",
        {"alternates": alternates},
        "list:archive",
    )


@require_safe
def section_detail(request: HttpRequest, slug: str) -> HttpResponse:
    section = get_object_or_404(Section, Section.local_slug_lookup(slug))
    return _listing(
        request,
        section.articles.live().in_language(),
        "newsroom/section_detail.html",
        {
            "section": section,
            "current_section_slug": section.slug,
            "alternates": page_alternates(section.get_absolute_url),
        },
        f"list:section:{section.pk}",
    )


@require_safe
def tag_detail(request: HttpRequest, slug: str) -> HttpResponse:
    # A tag only on drafts or takedowns would name what readers cannot see (an embargoed topic).
    tag = get_object_or_404(Tag.objects.on_live_stories(), Tag.local_slug_lookup(slug))
    return _listing(
        request,
        tag.articles.live().in_language(),
        "newsroom/tag_detail.html",
        {"tag": tag, "alternates": page_alternates(tag.get_absolute_url, _told_in(tag.articles))},
        f"list:tag:{tag.pk}",
        f"tag-name:{tag.pk}",
    )


@require_safe
def author_detail(request: HttpRequest, slug: str) -> HttpResponse:
    author = get_object_or_404(Author.objects.select_related("photo"), slug=slug)
    return _listing(
        request,
        Article.objects.live().in_language().by_author(author),
        "newsroom/author_detail.html",
        {
            "author": author,
            "alternates": page_alternates(
                author.get_absolute_url, _told_in(Article.objects.by_author(author))
            ),
        },
        f"list:author:{author.pk}",
        f"author-name:{author.pk}",
    )
