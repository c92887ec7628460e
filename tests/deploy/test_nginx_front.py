"""deploy/nginx as a newsroom installs it, rendered for a temporary prefix and run for real:
nginx -t, TLS with HTTP/2, gzip for HTML, static files fingerprinted and pre-compressed with
far-future caching (from nginx and from the app), media types, body limits, and a proxy
cache that keeps only what the app's Cache-Control allows."""

from __future__ import annotations

import gzip
import http.server
import json
import shutil
import subprocess
import threading
import time
from pathlib import Path

import pytest

from bench import front, frontconf

# Its servers run on SQLite files of their own, whatever database the suite is on: once, in the
# SQLite pass of `make test`, is enough.
pytestmark = pytest.mark.own_databases

PORTS = {"app": 8580, "http": 8581, "https": 8582, "site": 8583}
STUB_PORTS = {"stub": 8590, "http": 8591, "https": 8592, "site": 8593}
JPEG = bytes.fromhex("ffd8ffe000104a46494600010100000100010000ffd9")


def curl(*args: str) -> tuple[dict[str, str], bytes, str]:
    """Headers (lower-case names), body and HTTP version of one curl request."""
    done = subprocess.run(
        ["curl", "-sS", "-k", "-D", "-", "-o", "-", "--max-time", "10", *args],
        capture_output=True,
        check=True,
    )
    head, _, body = done.stdout.partition(b"\r\n\r\n")
    status_line, *lines = head.decode("latin-1").split("\r\n")
    headers = {"status": status_line.split()[1]}
    for line in lines:
        name, _, value = line.partition(":")
        key = name.strip().lower()
        headers[key] = f"{headers[key]}, {value.strip()}" if key in headers else value.strip()
    return headers, body, status_line.split()[0]


def _layout(prefix: Path, public: Path, ports: dict[str, int], upstream: int) -> Path:
    cert, key = frontconf.self_signed_certificate(prefix / "tls")
    return frontconf.render(
        frontconf.FrontLayout(
            prefix=prefix / "nginx",
            public_root=public,
            app_address=f"127.0.0.1:{upstream}",
            http_port=ports["http"],
            https_port=ports["https"],
            certificate=cert,
            certificate_key=key,
            plain_port=ports["site"],
            worker_processes="1",
        )
    )


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """Masthead in production mode (migrate, collectstatic) behind the rendered front."""
    workdir = tmp_path_factory.mktemp("front")
    options = front.parse_args(
        ["--targets", "constant", "--workdir", str(workdir), "--workers", "1"]
    )
    front.prepare_masthead(options, demo=False)
    media = workdir / "public" / "media"
    (media / "photo.jpg").write_bytes(JPEG)
    (media / "drawing.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>')
    (media / "page.html").write_text("<script>alert(1)</script>")
    servers = front.Servers(workdir)
    try:
        servers.start(
            "app",
            front.gunicorn_argv(options, "masthead.wsgi:application", PORTS["app"]),
            front.masthead_env(options),
            workdir,
        )
        front.wait_for(f"http://127.0.0.1:{PORTS['app']}/healthz", servers)
        conf = _layout(workdir, workdir / "public", PORTS, PORTS["app"])
        servers.add("nginx", frontconf.start(conf))
        front.wait_for(f"http://127.0.0.1:{PORTS['site']}/healthz", servers)
        yield workdir
    finally:
        servers.stop_all()


def test_the_rendered_configuration_passes_nginx_t(tmp_path):
    conf = _layout(tmp_path, tmp_path / "public", PORTS, PORTS["app"])
    checked = frontconf.check(conf)
    assert checked.returncode == 0, checked.stderr
    assert "test is successful" in checked.stderr
    # The rendering swapped every production path: nothing left pointing at /srv or /etc.
    rendered = "".join(
        line.split("#")[0]
        for conf_file in (tmp_path / "nginx").rglob("*.conf")
        for line in conf_file.read_text().splitlines()
    )
    assert "/srv/masthead" not in rendered
    assert "/etc/nginx/snippets" not in rendered


def test_rendering_stops_when_deploy_nginx_changes_shape(tmp_path, monkeypatch):
    copy = tmp_path / "deploy-nginx"
    shutil.copytree(frontconf.DEPLOY_NGINX, copy)
    conf = copy / "masthead.conf"
    conf.write_text(conf.read_text().replace("listen 443 ssl http2;", "listen 8443 ssl;"))
    monkeypatch.setattr(frontconf, "DEPLOY_NGINX", copy)
    with pytest.raises(frontconf.RenderError, match="listen 443 ssl http2"):
        _layout(tmp_path, tmp_path / "public", PORTS, PORTS["app"])


def test_plain_http_redirects_to_https(site):
    headers, _, _ = curl(f"http://127.0.0.1:{PORTS['http']}/news/?page=2")
    assert headers["status"] == "301"
    assert headers["location"] == "https://127.0.0.1/news/?page=2"


def test_tls_server_speaks_http2_to_the_app(site):
    headers, body, version = curl("--http2", f"https://127.0.0.1:{PORTS['https']}/healthz")
    assert version == "HTTP/2"
    assert headers["status"] == "200"
    assert body


def test_html_is_gzipped_at_the_front(site):
    url = f"http://127.0.0.1:{PORTS['site']}/newsroom/login/"
    headers, body, _ = curl("-H", "Accept-Encoding: gzip", url)
    assert headers["status"] == "200"
    assert headers["content-type"].startswith("text/html")
    assert headers.get("content-encoding") == "gzip"
    assert "Accept-Encoding" in headers.get("vary", "")
    assert b"<html" in gzip.decompress(body)
    plain, plain_body, _ = curl(url)
    assert "content-encoding" not in plain
    assert b"<html" in plain_body


def _fingerprinted_css(workdir: Path) -> tuple[str, str]:
    manifest = json.loads((workdir / "public/static/staticfiles.json").read_text())
    return "masthead/site.css", manifest["paths"]["masthead/site.css"]


def test_static_files_are_fingerprinted_precompressed_and_cached_for_ever(site):
    original, hashed = _fingerprinted_css(site)
    assert hashed != original
    base = f"http://127.0.0.1:{PORTS['site']}/static/"
    headers, body, _ = curl("-H", "Accept-Encoding: gzip", base + hashed)
    assert headers["status"] == "200"
    assert "immutable" in headers["cache-control"]
    assert "max-age=315360000" in headers["cache-control"]  # expires max
    assert headers.get("content-encoding") == "gzip"
    # The very bytes collectstatic compressed: gzip_static, not compression per request.
    assert body == (site / "public/static" / f"{hashed}.gz").read_bytes()
    assert headers["x-content-type-options"] == "nosniff"

    unversioned, _, _ = curl(base + original)
    assert unversioned["status"] == "200"
    assert "immutable" not in unversioned["cache-control"]
    assert unversioned["cache-control"] == "max-age=3600"

    manifest, _, _ = curl(base + "staticfiles.json")
    assert manifest["status"] == "404"


def test_the_app_serves_fingerprinted_static_files_with_immutable_caching(site):
    _, hashed = _fingerprinted_css(site)
    url = f"http://127.0.0.1:{PORTS['app']}/static/{hashed}"
    headers, body, _ = curl("-H", "Accept-Encoding: gzip", url)
    assert headers["status"] == "200"
    assert "immutable" in headers["cache-control"]
    assert "max-age=315360000" in headers["cache-control"]
    assert headers.get("content-encoding") == "gzip"
    assert gzip.decompress(body) == (site / "public/static" / hashed).read_bytes()


def test_media_keep_only_image_types_and_are_never_pages(site):
    base = f"http://127.0.0.1:{PORTS['site']}/media/"
    photo, body, _ = curl(base + "photo.jpg")
    assert photo["status"] == "200"
    assert photo["content-type"] == "image/jpeg"
    assert body == JPEG
    assert photo["x-content-type-options"] == "nosniff"
    assert "max-age=2592000" in photo["cache-control"]
    for name in ("drawing.svg", "page.html"):
        headers, _, _ = curl(base + name)
        assert headers["status"] == "200"
        assert headers["content-type"] == "application/octet-stream", name
        assert headers["content-disposition"] == "attachment"
        assert "sandbox" in headers["content-security-policy"]


def test_request_bodies_are_capped_at_the_front(site, tmp_path):
    body = tmp_path / "body"
    body.write_bytes(b"x" * (2 * 1024 * 1024))
    base = f"http://127.0.0.1:{PORTS['site']}"
    reader, _, _ = curl("-H", "Expect:", "--data-binary", f"@{body}", base + "/comments/post/")
    assert reader["status"] == "413"
    # The newsroom takes a photo upload: the same body reaches the app (which asks for CSRF).
    newsroom, _, _ = curl("-H", "Expect:", "--data-binary", f"@{body}", base + "/newsroom/login/")
    assert newsroom["status"] == "403"


# --- The proxy cache against a stand-in app whose headers the test chooses -----------------


class StubApp(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, port: int) -> None:
        super().__init__(("127.0.0.1", port), StubHandler)
        self.renders: dict[str, int] = {}
        self.seen: list[dict[str, str]] = []


class StubHandler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: StubApp

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        self.server.seen.append({"path": self.path, **dict(self.headers.items())})
        etag = '"v1"'
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.send_header("Cache-Control", "max-age=0, s-maxage=1")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.server.renders[self.path] = self.server.renders.get(self.path, 0) + 1
        body = f"<!doctype html><p>render {self.server.renders[self.path]}</p>".encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("ETag", etag)
        if self.path.startswith("/story"):
            self.send_header("Cache-Control", "max-age=0, s-maxage=1, stale-while-revalidate=30")
        elif self.path.startswith("/private"):
            self.send_header("Cache-Control", "private, max-age=60")
        elif self.path.startswith("/cookie"):
            self.send_header("Cache-Control", "s-maxage=60")
            self.send_header("Set-Cookie", "csrftoken=abc; Path=/")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def stub_front(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("stub-front")
    app = StubApp(STUB_PORTS["stub"])
    thread = threading.Thread(target=app.serve_forever, daemon=True)
    thread.start()
    nginx = None
    try:
        conf = _layout(workdir, workdir / "public", STUB_PORTS, STUB_PORTS["stub"])
        nginx = frontconf.start(conf)
        servers = front.Servers(workdir)
        servers.add("nginx", nginx)
        front.wait_for(f"http://127.0.0.1:{STUB_PORTS['site']}/plain", servers)
        yield app, f"http://127.0.0.1:{STUB_PORTS['site']}"
    finally:
        if nginx:
            frontconf.stop(nginx)
        app.shutdown()
        app.server_close()


def test_front_keeps_pages_as_long_as_s_maxage_then_revalidates(stub_front):
    app, base = stub_front
    first, body, _ = curl(base + "/story")
    assert first["x-cache-status"] == "MISS"
    again, cached_body, _ = curl(base + "/story")
    assert again["x-cache-status"] == "HIT"
    assert cached_body == body
    assert app.renders["/story"] == 1
    time.sleep(2.5)  # past s-maxage=1 (nginx counts whole seconds): the entry is stale
    stale, stale_body, _ = curl(base + "/story")
    # Stale-while-revalidate: the reader gets the kept copy at once, nginx asks the app.
    assert stale["x-cache-status"] in {"STALE", "UPDATING", "REVALIDATED"}
    assert stale_body == body
    deadline = time.monotonic() + 5
    while not any(s.get("If-None-Match") == '"v1"' for s in app.seen):
        assert time.monotonic() < deadline, "nginx never revalidated the stale entry"
        time.sleep(0.05)
    # The app's 304 refreshed the entry: no second render.
    assert app.renders["/story"] == 1


def test_front_passes_who_asked_and_keeps_connections_to_the_app(stub_front):
    app, base = stub_front
    curl(base + "/plain")
    seen = next(s for s in reversed(app.seen) if s["path"] == "/plain")
    assert seen["X-Forwarded-Proto"] == "http"
    assert seen["X-Forwarded-For"] == "127.0.0.1"
    assert seen["Host"] == "127.0.0.1"
    assert seen.get("Connection", "") != "close"  # HTTP/1.1 keep-alive to the upstream
    assert "Accept-Encoding" not in seen


def test_front_never_keeps_private_pages_cookies_or_staff_requests(stub_front):
    app, base = stub_front
    for path in ("/private", "/cookie", "/no-header"):  # /no-header: no Cache-Control
        curl(base + path)
        curl(base + path)
        assert app.renders[path] == 2, path
    curl(base + "/story-staff")
    staff, _, _ = curl("-H", "Cookie: csrftoken=a; sessionid=staff", base + "/story-staff")
    assert staff["x-cache-status"] == "BYPASS"
    assert app.renders["/story-staff"] == 2
    reader, _, _ = curl("-H", "Cookie: csrftoken=a", base + "/story-staff")
    assert reader["x-cache-status"] == "HIT"  # a csrftoken alone is still an anonymous reader


STORY = """
from masthead.newsroom.models import Article
from masthead.testing.factories import make_article, make_publication, make_section
story = Article.objects.filter(slug="front-story").first()
if story is None:
    make_publication()
    story = make_article(section=make_section(name="City", slug="city"), slug="front-story",
                         headline="Ferry timetable is out")
else:
    story.headline = "{headline}"
    story.save()
print(story.get_absolute_url())
"""


def _in_the_app(site: Path, headline: str = "") -> str:
    options = front.parse_args(["--targets", "constant", "--workdir", str(site), "--workers", "1"])
    done = subprocess.run(
        [str(front.VENV_BIN / "masthead"), "shell", "-c", STORY.replace("{headline}", headline)],
        env=front.masthead_env(options), cwd=site, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return done.stdout.strip().splitlines()[-1]


def test_a_change_shows_through_the_front_within_seconds(site):
    """The front keeps a page only MASTHEAD_FRONT_CACHE_SECONDS (X-Accel-Expires, 2 s) before
    asking the app again with its ETag, whatever s-maxage tells a CDN."""
    url = f"http://127.0.0.1:{PORTS['site']}" + _in_the_app(site)
    curl(url)
    kept, body, _ = curl(url)
    assert kept["x-cache-status"] == "HIT"
    assert "Ferry timetable is out" in body.decode()
    assert "s-maxage=600" in kept["cache-control"]  # what a CDN is told
    assert "x-accel-expires" not in kept  # nginx's alone
    _in_the_app(site, headline="Ferry timetable changes on Monday")
    changed_at = time.monotonic()
    while "Ferry timetable changes on Monday" not in curl(url)[1].decode():
        assert time.monotonic() - changed_at < 6, "the front kept the old page"
        time.sleep(0.2)
    # Unchanged pages are refreshed by a 304 from the app's page cache, not a new render.
    time.sleep(2.5)
    curl(url)
    again, _, _ = curl(url)
    assert again["x-cache-status"] in {"HIT", "REVALIDATED", "STALE", "UPDATING"}
