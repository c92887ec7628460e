"""Site-wide pages that belong to no newsroom app: health check, robots.txt, error pages."""

from __future__ import annotations

import posixpath
import sys

from django.conf import settings
from django.db.models import Q
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.template import loader
from django.templatetags.static import static
from django.urls import Resolver404, resolve, reverse
from django.utils._os import safe_join
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_safe
from django.views.static import serve

from masthead.ops.outage import is_database_outage, outage_response
from masthead.photos.storage import is_out_of_space


@require_safe
@never_cache
def healthz(request: HttpRequest) -> HttpResponse:
    """200 while the process answers: a liveness check that never restarts a healthy process
    because the database is away (readiness is /readyz)."""
    return HttpResponse("ok\n", content_type="text/plain")


@require_safe
@never_cache
def readyz(request: HttpRequest) -> JsonResponse:
    """200 when the database, the cache and (where required) the background worker answer;
    503 with a JSON body naming each failed check, for load balancers to stop sending traffic."""
    from masthead.ops.health import check_readiness

    readiness = check_readiness()
    return JsonResponse(readiness.as_json(), status=200 if readiness.ready else 503)


@require_safe
def robots_txt(request: HttpRequest) -> HttpResponse:
    from masthead.distribution.structured_data import absolute_url
    from masthead.pagecache.dependencies import depends

    depends(request)  # the site's address only: "site"
    sitemaps = [
        reverse("distribution:sitemap_index"),
        reverse("distribution:sitemap", kwargs={"section": "news"}),
    ]
    lines = [
        "User-agent: *",
        "Disallow: /newsroom/",
        # Search result pages are endless and thin; crawlers should follow the sitemaps.
        f"Disallow: {reverse('search:search')}",
        "",
        *(f"Sitemap: {absolute_url(request, path)}" for path in sitemaps),
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain")


@require_safe
def favicon(request: HttpRequest) -> HttpResponse:
    return redirect(static("masthead/favicon.svg"), permanent=True)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "404.html", status=404)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "400.html", status=400)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    user = getattr(request, "user", None)
    if (
        user is not None
        and user.is_authenticated
        and user.is_staff
        and request.path.startswith(reverse("admin:index"))
    ):
        return _desk_permission_denied(request)
    return render(request, "403.html", status=403)


def _desk_permission_denied(request: HttpRequest) -> HttpResponse:
    """At the desk, a page beyond the account's role says so, and who can help, in the desk's
    own frame (settings and wire sources are the Admins')."""
    from django.contrib import admin
    from django.contrib.auth import get_user_model

    from masthead.newsroom.roles import ADMIN

    admins = (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(Q(groups__name=ADMIN) | Q(is_superuser=True))
        .distinct()
        .order_by("first_name", "last_name", "username")[:5]
    )
    context = admin.site.each_context(request) | {
        "title": "This page is for Admins",
        "admins": [person.get_full_name() or person.get_username() for person in admins],
    }
    return render(request, "admin/permission_denied.html", context, status=403)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """CSRF_FAILURE_VIEW: a comment keeps the reader's text; any other form gets a plain page.

    It never relies on how the form page got its token, so it works the same whether or not
    anonymous pages set a CSRF cookie."""
    try:
        match = resolve(request.path_info)
    except Resolver404:
        match = None
    if match is not None and match.view_name == "comments:post":
        from masthead.comments.views import comment_csrf_failure

        return comment_csrf_failure(request, **match.kwargs)
    return render(request, "403_csrf.html", status=403)


def server_error(request: HttpRequest) -> HttpResponse:
    # Django calls this inside its except block, so the error being handled is at hand.
    error = sys.exc_info()[1]
    if is_database_outage(error):
        return outage_response()
    if is_out_of_space(error):
        # Nothing was kept: the request's transaction rolled back and media files are written
        # whole or not at all (masthead/photos/storage.py).
        return HttpResponse(loader.get_template("507.html").render(), status=507)
    # No context processors: the database may be what failed.
    return HttpResponse(loader.get_template("500.html").render(), status=500)


# The only types uploaded media is served as; anything else is a download, never a page.
MEDIA_TYPES = {
    b"\xff\xd8\xff": "image/jpeg",
    b"\x89PNG\r\n\x1a\n": "image/png",
    b"GIF87a": "image/gif",
    b"GIF89a": "image/gif",
}


def media_type(head: bytes) -> str | None:
    """The image type a file's first bytes show, whatever its name says."""
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    return next((kind for magic, kind in MEDIA_TYPES.items() if head.startswith(magic)), None)


@require_safe
@cache_control(public=True, max_age=86400)
def media_file(request: HttpRequest, path: str) -> HttpResponse:
    """Uploaded media, for sites without a web server or object storage in front (the demo).

    Uploaded file names are never reused for other content while they exist, so a day of
    caching is safe. The type comes from the file's content, not its name: a JPEG named
    .pdf is a JPEG, and a file that is no known image is sent as an inert download."""
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    if response.status_code != 200:
        return response
    # serve() found the file at this same path, so the join is known to stay in MEDIA_ROOT.
    with open(safe_join(settings.MEDIA_ROOT, posixpath.normpath(path).lstrip("/")), "rb") as file:
        head = file.read(16)
    return _media_headers(response, media_type(head))


def _media_headers(response: HttpResponse, kind: str | None) -> HttpResponse:
    response["X-Content-Type-Options"] = "nosniff"
    if kind:
        response["Content-Type"] = kind
    else:
        response["Content-Type"] = "application/octet-stream"
        response["Content-Disposition"] = "attachment"
        response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    return response
