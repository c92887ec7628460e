from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from masthead.pagecache.dependencies import depends

from .models import ABOUT, Page


@require_safe
def page_detail(request: HttpRequest, slug: str = ABOUT) -> HttpResponse:
    page = get_object_or_404(Page.objects.published(), slug=slug)
    if request.path != page.get_absolute_url():
        return HttpResponsePermanentRedirect(page.get_absolute_url())  # /about/about/
    depends(request, f"page:{page.pk}", modified=page.updated_at)
    return render(request, "pages/page.html", {"page": page})
