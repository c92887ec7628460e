"""The reader's comment form is sent here. Thin: checks the rate limit, validates the form, asks
:func:`services.comment_submit`, and answers POST/redirect/GET with a message."""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext, gettext_lazy, ngettext
from django.views.decorators.http import require_http_methods

from masthead.distribution.structured_data import absolute_url
from masthead.newsroom.models import Article
from masthead.newsroom.views import story_page

from . import spam
from .csrf import reader_form
from .forms import CommentForm
from .models import BODY_MAX_LENGTH
from .policy import comments_open
from .services import CommentRefused, CommentsClosed, Submission, comment_submit

PUBLISHED = gettext_lazy("Thank you: your comment is published.")
HELD = gettext_lazy(
    "Thank you: your comment is waiting for a moderator and will appear once it is approved."
)
CSRF_EXPIRED = gettext_lazy(
    "We could not confirm that this comment was sent from our page: the page may have been "
    "open for a long time, or it was sent from another site. Nothing is lost: press the "
    "button again to send it."
)
HELD_FIRST_TIME = gettext_lazy(
    "Thank you: your comment will appear once a moderator has read it. We read a reader’s "
    "first comment before publishing it; after that, comments appear at once."
)


def client_ip(request: HttpRequest) -> str | None:
    """The reader's IP address. Behind a proxy (MASTHEAD_BEHIND_PROXY) it is the last address
    in X-Forwarded-For: the one our own proxy saw, which a reader cannot forge."""
    candidates = []
    if settings.BEHIND_PROXY:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        candidates.append(forwarded.split(",")[-1].strip())
    candidates.append(request.META.get("REMOTE_ADDR", ""))
    for candidate in candidates:
        try:
            address = ipaddress.ip_address(candidate)
        except ValueError:
            continue
        mapped = getattr(address, "ipv4_mapped", None)  # ::ffff:203.0.113.7 is 203.0.113.7
        return str(mapped or address)
    return None


def axes_client_ip(request: HttpRequest) -> str | None:
    """AXES_CLIENT_IP_CALLABLE: login lockouts see the same address as the comment limits."""
    return client_ip(request)


def _message(submission: Submission) -> str:
    if submission.published:
        return PUBLISHED
    if submission.first_time:
        return HELD_FIRST_TIME
    return HELD


def _refused(
    request: HttpRequest, article: Article, *, title: str, message: str, status: int
) -> HttpResponse:
    """A polite refusal that gives the reader back what they wrote, to copy and keep."""
    return render(
        request,
        "comments/refused.html",
        {
            "article": article,
            "title": title,
            "message": message,
            "body": request.POST.get("body", "")[: BODY_MAX_LENGTH * 10],
        },
        status=status,
    )


def _too_many(request: HttpRequest, article: Article, wait: int) -> HttpResponse:
    minutes = max(1, round(wait / 60))
    response = _refused(
        request,
        article,
        title=gettext("Please wait a moment"),
        message=ngettext(
            "You have sent several comments in a short time. Please wait about %(minutes)d "
            "minute and send your comment again.",
            "You have sent several comments in a short time. Please wait about %(minutes)d "
            "minutes and send your comment again.",
            minutes,
        )
        % {"minutes": minutes},
        status=429,
    )
    response["Retry-After"] = str(wait)
    return response


@reader_form
@require_http_methods(["GET", "HEAD", "POST"])
def comment_post(request: HttpRequest, article_id: int) -> HttpResponse:
    article = get_object_or_404(Article.objects.live().for_story_page(), pk=article_id)
    # The form's address has no language prefix: answer in the story's language (the
    # language middleware restores the page's when the response is made).
    translation.activate(article.language)
    story_url = article.get_absolute_url()
    if request.method in ("GET", "HEAD"):
        # A bookmarked or reloaded form address: the comments live on the story page.
        return redirect(story_url + "#comments")

    ip = client_ip(request)
    wait = spam.attempt_limit_hit(ip)
    if wait is not None:
        return _too_many(request, article, wait)

    if not comments_open(article):
        return _refused(
            request,
            article,
            title=gettext("Comments are closed"),
            message=CommentsClosed.message,
            status=403,
        )

    form = CommentForm(request.POST, article=article)
    if not form.is_valid():
        return story_page(request, article, comment_form=form.refreshed_for_display(), status=400)

    # Only a form that would be accepted counts towards the reader's few sends.
    wait = spam.rate_limit_hit(ip)
    if wait is not None:
        return _too_many(request, article, wait)

    data = form.cleaned_data
    try:
        submission = comment_submit(
            article=article,
            name=data["name"],
            email=data["email"],
            body=data["body"],
            parent=data["parent"],
            ip=ip,
            user_agent=request.headers.get("User-Agent", ""),
            nonce=data["nonce"],
            honeypot=data["website"],
            site_url=absolute_url(request, "/"),
            referrer=request.headers.get("Referer", ""),
        )
    except CommentRefused as refusal:
        return _refused(
            request,
            article,
            title=gettext("We can’t accept this comment"),
            message=refusal.message,
            status=refusal.status_code,
        )
    messages.success(request, _message(submission))
    anchor = f"#comment-{submission.comment.pk}" if submission.published else "#comments"
    return redirect(story_url + anchor)


def comment_csrf_failure(request: HttpRequest, article_id: int) -> HttpResponse:
    """The story page again with the reader's comment in the form and a friendly explanation,
    when the CSRF check failed (a missing or stale cookie, a page left open overnight).

    Nothing is stored; the form shown carries a fresh token, so sending again works."""
    article = get_object_or_404(Article.objects.live().for_story_page(), pk=article_id)
    translation.activate(article.language)
    form = CommentForm(request.POST, article=article)
    form.is_valid()  # the reader sees any other mistake at the same time
    form.add_error(None, CSRF_EXPIRED)
    return story_page(request, article, comment_form=form.refreshed_for_display(), status=403)
