"""The static files manifest (staticfiles.json) is not served to readers; other files are."""

from __future__ import annotations

import pytest
from django.http import HttpResponse
from django.test import RequestFactory, override_settings

from masthead.static_files import PublicStaticMiddleware


@pytest.mark.django_db
@pytest.mark.parametrize("autorefresh", [False, True])
def test_manifest_is_not_served_but_stylesheets_are(tmp_path, autorefresh):
    (tmp_path / "staticfiles.json").write_text('{"paths": {"admin/css/base.css": "x"}}')
    (tmp_path / "staticfiles.json.gz").write_bytes(b"gz")
    (tmp_path / "site.css").write_text("body { color: black; }")
    with override_settings(
        STATIC_ROOT=tmp_path, WHITENOISE_USE_FINDERS=False, WHITENOISE_AUTOREFRESH=autorefresh
    ):
        middleware = PublicStaticMiddleware(lambda request: HttpResponse("app", status=404))
        factory = RequestFactory()
        stylesheet = middleware(factory.get("/static/site.css"))
        assert stylesheet.status_code == 200
        assert b"color" in b"".join(stylesheet.streaming_content)
        stylesheet.close()
        for url in ("/static/staticfiles.json", "/static/staticfiles.json.gz"):
            response = middleware(factory.get(url, HTTP_ACCEPT_ENCODING="gzip"))
            assert response.status_code == 404, url
            assert b"paths" not in b"".join(getattr(response, "streaming_content", [b""]))
