"""Site-wide pages that belong to no newsroom app: health check, robots.txt, error pages."""

from __future__ import annotations

from django.conf import settings
from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template import loader
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe
from django.views.static import serve


@require_safe
def healthz(request: HttpRequest) -> HttpResponse:
    """Answers 200 when the database answers; for load balancers and uptime checks."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:  # any database failure means unhealthy
        return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")


@require_safe
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


@require_safe
def favicon(request: HttpRequest) -> HttpResponse:
    return redirect(static("masthead/favicon.svg"), permanent=True)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    # No context processors: the database may be what failed.
    return HttpResponse(loader.get_template("500.html").render(), status=500)


@require_safe
@cache_control(public=True, max_age=86400)
def media_file(request: HttpRequest, path: str) -> HttpResponse:
    """Uploaded media, for sites without a web server or object storage in front (the demo).

    Uploaded file names are never reused for other content while they exist, so a day of
    caching is safe."""
    return serve(request, path, document_root=settings.MEDIA_ROOT)
