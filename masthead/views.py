"""Site-wide pages that belong to no newsroom app: health check, robots.txt, error pages."""

from __future__ import annotations

from django.conf import settings
from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template import loader
from django.templatetags.static import static
from django.urls import Resolver404, resolve, reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from django.views.static import serve


@require_GET
def healthz(request: HttpRequest) -> HttpResponse:
    """Answers 200 when the database answers; for load balancers and uptime checks."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:  # any database failure means unhealthy
        return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request: HttpRequest) -> HttpResponse:
    from masthead.distribution.structured_data import absolute_url

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


@require_GET
def favicon(request: HttpRequest) -> HttpResponse:
    return redirect(static("masthead/favicon.svg"), permanent=True)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "404.html", status=404)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "400.html", status=400)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "403.html", status=403)


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
    # No context processors: the database may be what failed.
    return HttpResponse(loader.get_template("500.html").render(), status=500)


@require_GET
@cache_control(public=True, max_age=86400)
def media_file(request: HttpRequest, path: str) -> HttpResponse:
    """Uploaded media, for sites without a web server or object storage in front (the demo).

    Uploaded file names are never reused for other content while they exist, so a day of
    caching is safe."""
    return serve(request, path, document_root=settings.MEDIA_ROOT)
