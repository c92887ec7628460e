"""The story page in parts: what only changes when the story, or something it shows, changes.

A story page is a shell (the site's header and navigation, the comment form with its fresh
stamp, anything per reader) around parts that are the same for every reader: the head's
metadata and JSON-LD, the story itself with its related stories and Recent Posts, and the
list of comments. The parts are rendered once and kept in the page cache's store under the
page cache's own dependency versions (:mod:`masthead.pagecache.versions`), so the same bump
that refreshes a stored page (a publish, an edit, a correction, an approved comment, a
renamed tag) refreshes its parts, and a story going live or leaving ends them on time.

They are used with the page cache off too (``MASTHEAD_PAGE_CACHE=off``): that switch is for
measuring a page made per request, and this is how one is made. ``MASTHEAD_STORY_PARTS=off``
renders every part on every request. A preview, a reply form inside the list, and anything a
view shows that is not the live story never read or write them.
"""

from __future__ import annotations

import hashlib
from typing import NamedTuple

from django.conf import settings
from django.core.cache import caches
from django.http import HttpRequest
from django.template import engines
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

from masthead import __version__
from masthead.comments import spam
from masthead.comments.csrf import signed_in
from masthead.comments.forms import CommentForm
from masthead.comments.models import Comment
from masthead.comments.selectors import comment_form_context, comment_threads
from masthead.pagecache import versions
from masthead.pagecache.dependencies import story_page_dependencies
from masthead.pagecache.local import LocalCopies, now
from masthead.search.related import RELATED_COUNT, related_stories

from .models import Article, Publication

# Parts each process keeps in memory too (validated like any other read), so a story read
# often costs a look at its version tokens, not a read and unpickling of its parts.
LOCAL_ENTRIES = 128
# Parts are kept at most this long whatever happens (seconds); a bump ends them sooner.
LIFETIME = 3600
# In every key: parts stored by another release (other templates, other parts) are not read.
FORMAT = f"{__version__}.1"
# Fields the page's shell reads of the story itself; the parts hold everything else.
SHELL_FIELDS = (
    "id", "slug", "status", "published_at", "updated_at", "expires_at", "comments_enabled",
    "players", "section__id", "section__slug", "section__name", "section__translations",
    "language", "translation_group",
)  # fmt: skip

# Where the blank form's stamp goes; a stamp is made for each reader (comments/spam.py).
STAMP_SLOT = "masthead-stamp-slot"

_FEED_LINKS = engines["django"].from_string(
    '{% load distribution %}{% feed_links "section" article.section.slug article.section.name %}'
)


class StoryParts(NamedTuple):
    parts: dict[str, str]  # title, description, robots, feeds, head, story, comment_list
    comment_count: int
    story_id: int
    comments_open: bool  # the list shows Reply links only while comments are open
    dependencies: dict[str, str]  # the version of each thing the parts show
    deadline: float | None  # a story going live or leaving changes Recent Posts
    expires: float


_local: LocalCopies[StoryParts] = LocalCopies(LOCAL_ENTRIES)


def forget_local_parts() -> None:
    """Empty this process's own copies (tests; the shared store keeps its entries)."""
    _local.clear()


def for_shell(queryset):
    """A story queryset narrowed to what the shell reads: one small row, no body."""
    return queryset.select_related("section").only(*SHELL_FIELDS)


def recent_candidates() -> int:
    """How many Recent Posts to read: enough to show the full list without the related ones."""
    return settings.MASTHEAD_RECENT_POSTS + RELATED_COUNT


def render_parts(
    request: HttpRequest,
    article: Article,
    *,
    recent_posts,
    comments: list[Comment],
    comments_open: bool,
    form_context: dict | None = None,
    related: list | None = None,
) -> dict[str, SafeString]:
    """Every part of the page for ``article`` (loaded with ``for_story_page()``);
    ``form_context`` when the comment form sits inside the list (a reply)."""
    related = related_stories(article) if related is None else related
    # Recent Posts name none of the related stories above them: a story is listed once.
    listed = {story.pk for story in related}
    recent = [story for story in recent_posts if story.pk not in listed]
    context = {
        "article": article,
        "recent_posts": recent[: settings.MASTHEAD_RECENT_POSTS],
        "related_stories": related,
        "comment_threads": comment_threads(comments),
        "comment_count": sum(1 for comment in comments if comment.is_visible),
        "comments_open": comments_open,
        "reply_to": None,
        "story_url": article.get_absolute_url(),
        **(form_context or {}),
    }
    parts = {
        "title": conditional_escape(article.headline),
        "description": conditional_escape(article.description),
        "robots": mark_safe('<meta name="robots" content="noindex">' if article.noindex else ""),
        "feeds": mark_safe(_FEED_LINKS.render(context, request)),
        "head": mark_safe(render_to_string("newsroom/parts/story_head.html", context, request)),
        "story": mark_safe(render_to_string("newsroom/parts/story.html", context, request)),
        "comment_list": mark_safe(render_to_string("comments/thread_list.html", context, request)),
    }
    if comments_open and not form_context:
        parts["comment_form"] = _blank_form(request, article)
    return parts


def _blank_form(request: HttpRequest, article: Article) -> SafeString:
    """The comment form as a reader first sees it, with a slot for its stamp: the stamp is the
    only thing in it that differs between readers (staff get Django's CSRF field instead)."""
    form = CommentForm(article=article, initial={"stamp": STAMP_SLOT})
    context = comment_form_context(
        request, article, is_open=True, publication=Publication.current(), form=form
    )
    context["signed_in"] = False
    return mark_safe(render_to_string("comments/form.html", {**context, "article": article}))


def blank_form_for_reader(parts: dict[str, str]) -> SafeString | None:
    """The stored blank form with a fresh stamp, or None when the parts have no form."""
    html = parts.get("comment_form")
    if html is None:
        return None
    return mark_safe(html.replace(STAMP_SLOT, conditional_escape(spam.issue_stamp()), 1))


def fresh_story_parts(
    request: HttpRequest,
    article: Article,
    *,
    comments_open: bool,
    comments: list[Comment] | None = None,
    form_context: dict | None = None,
) -> StoryParts:
    """The parts made now, not stored (``live_story_parts`` stores them); ``article`` may be
    the shell's narrow row, read in full here."""
    if "body_html" in article.get_deferred_fields():
        article = Article.objects.for_story_page().get(pk=article.pk)
    if comments is None:
        comments = list(Comment.objects.for_story_page(article.pk))
    recent = (
        Article.objects.live()
        .in_language(article.language)
        .recent_posts(besides=article.pk, limit=recent_candidates())
    )
    parts = render_parts(
        request, article, recent_posts=recent, comments=comments,
        comments_open=comments_open, form_context=form_context,
    )  # fmt: skip
    names = sorted({"site", *story_page_dependencies(article)})
    moment = versions.next_change()
    return StoryParts(
        parts=parts,
        comment_count=sum(1 for comment in comments if comment.is_visible),
        story_id=article.pk,
        comments_open=comments_open,
        dependencies=versions.current_for(request, names),
        deadline=moment.timestamp() if moment is not None else None,
        expires=0.0,
    )


class Lookup(NamedTuple):
    found: StoryParts | None
    clock: str  # the versions' clock before the story was read: see _store
    key: str | None


def look_up(request: HttpRequest, slug: str) -> Lookup:
    """The stored parts of the story at ``slug``, if current; asked before the story is read,
    so that a view reads the story's narrow row when they are there and all of it when not."""
    clock = versions.clock()
    key = _key(request, slug)
    return Lookup(_stored(request, key) if key else None, clock, key)


def live_story_parts(
    request: HttpRequest, article: Article, *, comments_open: bool, lookup: Lookup | None = None
) -> StoryParts:
    """The parts of a live story's page for readers, from the store when they are current.

    ``article`` may be the shell's narrow row (:func:`for_shell`); the story is then read in
    full if its parts have to be made."""
    lookup = lookup or look_up(request, article.slug)
    found = lookup.found
    if found is not None and found.story_id == article.pk and found.comments_open == comments_open:
        return found
    made = fresh_story_parts(request, article, comments_open=comments_open)
    if lookup.key is not None and versions.clock() == lookup.clock:
        # Nothing changed while the story was read and rendered; else the parts may show the
        # state from before a change while carrying the versions from after it.
        _store(lookup.key, made)
    return made


def _key(request: HttpRequest, slug: str) -> str | None:
    if not settings.MASTHEAD_STORY_PARTS or signed_in(request):
        # Staff never read or fill a shared store (as with the page cache): they read the
        # primary database, and may be looking at what they have just changed.
        return None
    # The head's JSON-LD and links are absolute: one entry per scheme and host. By slug, as
    # readers ask for it: whichever story is live there, its id is checked against the entry.
    where = f"{request.scheme}://{request.get_host()}/{translation.get_language()}/{slug}"
    return f"storyparts:{FORMAT}:" + hashlib.sha256(where.encode()).hexdigest()


def _store_cache():
    return caches[settings.MASTHEAD_PAGE_CACHE_ALIAS]


def _stored(request: HttpRequest, key: str) -> StoryParts | None:
    return _local.read(
        key,
        _store_cache().get,
        lambda stored: versions.still_current_for(request, stored),
        kind=StoryParts,
    )


def _store(key: str, made: StoryParts) -> None:
    lifetime = LIFETIME
    if made.deadline is not None:
        lifetime = min(lifetime, int(made.deadline - now()))
    if lifetime < 1:
        return
    _store_cache().set(key, made._replace(expires=now() + lifetime), timeout=lifetime)
