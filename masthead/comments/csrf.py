"""Forged-post protection for the reader's comment form without a per-visitor token, so story
pages set no cookie and can be shared by a page cache and a CDN.

An anonymous reader's comment is accepted only from our own pages: the ``Origin`` must be
this site (or one of CSRF_TRUSTED_ORIGINS) when it is sent; without one, ``Sec-Fetch-Site``
must say same-origin when it is sent, and over HTTPS the Referer must be ours (Django's own
rule). Every browser sends Origin with a form POST, so a page elsewhere cannot post in a
reader's name; the form's signed stamp (``spam.issue_stamp``) still says the form came from
our page, recently. A request with a session cookie (staff) goes through Django's full CSRF
check, token included, as on every other form.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import CsrfViewMiddleware, RejectRequest
from django.views.decorators.csrf import csrf_exempt, csrf_protect

# Sec-Fetch-Site values of a request made by one of our own pages.
SAME_ORIGIN_FETCH = frozenset({"same-origin"})
# Django's own origin and referer rules (CSRF_TRUSTED_ORIGINS included) and failure view.
_django_csrf = CsrfViewMiddleware(lambda request: HttpResponse())


def signed_in(request: HttpRequest) -> bool:
    """Whether the browser carries a session (staff): read from the cookie alone, so asking
    never touches the session (and never adds ``Vary: Cookie``)."""
    return settings.SESSION_COOKIE_NAME in request.COOKIES


def origin_refusal(request: HttpRequest) -> HttpResponse | None:
    """The CSRF failure page if an anonymous post did not come from one of our pages."""
    if request.method in ("GET", "HEAD", "OPTIONS", "TRACE"):
        return None
    if getattr(request, "_dont_enforce_csrf_checks", False):
        return None  # Django's test client, as CsrfViewMiddleware allows
    fetch_site = request.headers.get("Sec-Fetch-Site")
    origin = request.META.get("HTTP_ORIGIN")
    if origin is not None and not _django_csrf._origin_verified(request):
        return _django_csrf._reject(request, f"Origin {origin} is not this site.")
    if origin is None and fetch_site is not None and fetch_site not in SAME_ORIGIN_FETCH:
        return _django_csrf._reject(request, f"Sec-Fetch-Site is {fetch_site}.")
    if origin is None and request.is_secure():
        try:
            _django_csrf._check_referer(request)
        except RejectRequest as exc:
            return _django_csrf._reject(request, exc.reason)
    return None


def reader_form(view: Callable) -> Callable:
    """A view whose anonymous posts are checked by origin instead of a CSRF token; with a
    session cookie, Django's CsrfViewMiddleware checks it in full (``csrf_protect``)."""
    protected = csrf_protect(view)

    @wraps(view)
    def checked(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if signed_in(request):
            return protected(request, *args, **kwargs)
        return origin_refusal(request) or view(request, *args, **kwargs)

    return csrf_exempt(checked)
