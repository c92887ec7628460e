"""The benchmark's constant-bytes view (bench/constant_settings.py); not part of the product."""

import os
from pathlib import Path

from django.http import HttpRequest, HttpResponse
from django.urls import path

# The story page's own bytes (the harness saves them), so every target sends the same body.
_page = os.environ.get("MASTHEAD_BENCH_PAGE", "")
CONSTANT_BODY = (
    Path(_page).read_bytes() if _page else b"<!doctype html><title>constant</title>" + b"x" * 36_000
)


def constant_bytes(request: HttpRequest) -> HttpResponse:
    return HttpResponse(CONSTANT_BODY, content_type="text/html; charset=utf-8")


urlpatterns = [path("constant/", constant_bytes)]
