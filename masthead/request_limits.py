"""Request bodies are capped before they reach the disk.

Each address gets a limit: reader addresses, comment posts included, take 256 KB and never a
file; the newsroom admin takes one photo upload
(``MASTHEAD_PHOTO_MAX_MB``) plus its form. A declared ``Content-Length`` over the limit is
refused before the body is read; an upload handler counts the bytes as they stream, so a body
that lies about its length, or a file part where none belongs, stops there too."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string

# A comment's 5,000 characters percent-encoded are up to 60 KB; a comment somewhat over the
# limit still reaches the form, so its writer gets the form's message rather than this page.
READER_MAX_BYTES = 256 * 1024
FORM_SLACK_BYTES = 1024 * 1024  # the photo form's text fields around the file


@dataclass(frozen=True)
class BodyLimit:
    max_bytes: int
    files: bool


class RequestTooLarge(Exception):
    pass


def body_limit(path: str) -> BodyLimit:
    """How much body an address accepts, and whether it takes files at all."""
    if path.startswith("/newsroom/"):
        return BodyLimit(settings.MASTHEAD_PHOTO_MAX_MB * 1024 * 1024 + FORM_SLACK_BYTES, True)
    return BodyLimit(READER_MAX_BYTES, False)


class LimitedUploadHandler(FileUploadHandler):
    """First of the upload handlers: counts every byte of every file part as it streams."""

    def __init__(self, limit: BodyLimit, request: HttpRequest | None = None) -> None:
        super().__init__(request)
        self.limit = limit
        self.received = 0

    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):  # type: ignore[no-untyped-def]
        if content_length > self.limit.max_bytes:
            raise RequestTooLarge

    def new_file(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        if not self.limit.files:
            raise RequestTooLarge  # no reader form has a file field
        super().new_file(*args, **kwargs)

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        self.received += len(raw_data)
        if self.received > self.limit.max_bytes:
            raise RequestTooLarge
        return raw_data

    def file_complete(self, file_size: int) -> None:
        return None  # the next handler keeps the file


def too_large(request: HttpRequest, limit: BodyLimit) -> HttpResponse:
    body = render_to_string("413.html", {"max_kb": limit.max_bytes // 1024}, request=request)
    response = HttpResponse(body, status=413)
    response["Connection"] = "close"  # the rest of the body is never read
    return response


class RequestSizeMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        limit = body_limit(request.path_info)
        declared = request.META.get("CONTENT_LENGTH") or "0"
        if not declared.isdigit() or int(declared) > limit.max_bytes:
            return too_large(request, limit)
        if request.method == "POST":
            request.upload_handlers.insert(0, LimitedUploadHandler(limit, request))
            try:
                request.POST  # noqa: B018 -- parse now, so a refusal is a 413 and not a 400
            except RequestTooLarge:
                return too_large(request, limit)
            except StopUpload:
                return too_large(request, limit)
        return self.get_response(request)
