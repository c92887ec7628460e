"""Which HTTP methods the site answers at all, before any view runs.

Views say GET/HEAD (``require_safe``) or GET/POST themselves; this is the net under them, so a
view that forgets cannot echo a page to OPTIONS, TRACE, PUT, PATCH or DELETE."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed

# Reader pages, the comment form and the newsroom admin use nothing else.
ANSWERED_METHODS = ("GET", "HEAD", "POST")


class HttpMethodsMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method not in ANSWERED_METHODS:
            # Empty body: a 405 never carries a page, a cookie or the request echoed back.
            return HttpResponseNotAllowed(ANSWERED_METHODS)
        response = self.get_response(request)
        if request.method == "HEAD":
            _drop_body(response)
        return response


def _drop_body(response: HttpResponse) -> None:
    """HEAD gets GET's headers, Content-Length included, and no body, whatever serves us."""
    if response.streaming:
        response.streaming_content = []  # the file stays registered for closing
    else:
        length = response.get("Content-Length", str(len(response.content)))
        response.content = b""
        response["Content-Length"] = length
