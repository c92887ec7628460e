"""deploy/nginx rendered for a local prefix: the same files, with the production paths, ports
and certificate swapped for ones on this machine, so tests and `make bench` run the very
configuration a newsroom installs (nginx as root or as an ordinary user).

Every swap must find its text in the committed files: if deploy/nginx changes shape, rendering
stops with a clear error instead of quietly testing something else.
"""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEPLOY_NGINX = REPO / "deploy" / "nginx"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
MIME_TYPES = Path("/etc/nginx/mime.types")


class RenderError(Exception):
    """deploy/nginx no longer holds a text the local rendering replaces."""


@dataclass(frozen=True)
class FrontLayout:
    """Where a local copy of the front lives and what it talks to."""

    prefix: Path  # rendered files, cache, logs and temporary files
    public_root: Path  # holds static/ (STATIC_ROOT) and media/ (MEDIA_ROOT)
    app_address: str  # host:port of the app server
    http_port: int
    https_port: int
    certificate: Path
    certificate_key: Path
    # A plain-HTTP copy of the TLS site (the benchmark measures the front without TLS, as it
    # measures nginx serving a file).
    plain_port: int | None = None
    # nginx serving a folder of plain files on this port (the benchmark's reference).
    files_port: int | None = None
    files_root: Path | None = None
    worker_processes: str = "auto"


def _swap(text: str, swaps: list[tuple[str, str]], name: str) -> str:
    for old, new in swaps:
        if old not in text:
            raise RenderError(f"deploy/nginx/{name} no longer contains {old!r}.")
        text = text.replace(old, new)
    return text


def render(layout: FrontLayout) -> Path:
    """Write nginx.conf and the site's files under layout.prefix; return nginx.conf's path."""
    prefix = layout.prefix.resolve()
    snippets = prefix / "snippets"
    snippets.mkdir(parents=True, exist_ok=True)
    for folder in ("cache", "temp", "acme", "logs"):
        (prefix / folder).mkdir(exist_ok=True)

    for source in sorted((DEPLOY_NGINX / "snippets").glob("*.conf")):
        text = source.read_text()
        swaps = [("/etc/nginx/snippets/", f"{snippets}/")] if "/etc/nginx/" in text else []
        if "/srv/masthead/public" in text:
            swaps.append(("/srv/masthead/public", str(layout.public_root.resolve())))
        (snippets / source.name).write_text(_swap(text, swaps, f"snippets/{source.name}"))

    site = _swap(
        (DEPLOY_NGINX / "masthead.conf").read_text(),
        [
            ("/var/cache/nginx/masthead", str(prefix / "cache")),
            ("server 127.0.0.1:8000;", f"server {layout.app_address};"),
            ("listen [::]:80;\n", ""),
            ("listen [::]:443 ssl http2;\n", ""),
            ("listen 80;", f"listen 127.0.0.1:{layout.http_port};"),
            ("listen 443 ssl http2;", f"listen 127.0.0.1:{layout.https_port} ssl http2;"),
            ("/etc/letsencrypt/live/news.example/fullchain.pem", str(layout.certificate)),
            ("/etc/letsencrypt/live/news.example/privkey.pem", str(layout.certificate_key)),
            ("/etc/nginx/snippets/", f"{snippets}/"),
            ("/var/www/letsencrypt", str(prefix / "acme")),
        ],
        "masthead.conf",
    )
    (prefix / "masthead.conf").write_text(site)

    extra = []
    if layout.plain_port:
        extra.append(
            f"    server {{\n        listen 127.0.0.1:{layout.plain_port};\n"
            f"        include {snippets}/masthead-site.conf;\n    }}\n"
        )
    if layout.files_port and layout.files_root:
        extra.append(
            f"    server {{\n        listen 127.0.0.1:{layout.files_port};\n"
            f"        root {layout.files_root.resolve()};\n"
            "        location / { try_files $uri =404; }\n    }\n"
        )
    temp = prefix / "temp"
    # Workers run as the user who starts nginx: under root, nginx would otherwise switch to
    # "nobody", who cannot read a private temporary folder.
    user = f"user {pwd.getpwuid(os.geteuid()).pw_name};\n" if os.geteuid() == 0 else ""
    main = (
        f"{user}worker_processes {layout.worker_processes};\n"
        f"pid {prefix}/nginx.pid;\n"
        f"error_log {prefix}/logs/error.log warn;\n"
        "events { worker_connections 1024; }\n"
        "http {\n"
        f"    include {MIME_TYPES};\n"
        "    default_type application/octet-stream;\n"
        "    sendfile on;\n    tcp_nopush on;\n    server_tokens off;\n"
        "    access_log off;\n"
        f"    client_body_temp_path {temp}/body;\n    proxy_temp_path {temp}/proxy;\n"
        f"    fastcgi_temp_path {temp}/fastcgi;\n    uwsgi_temp_path {temp}/uwsgi;\n"
        f"    scgi_temp_path {temp}/scgi;\n"
        f"    include {prefix}/masthead.conf;\n" + "".join(extra) + "}\n"
    )
    conf = prefix / "nginx.conf"
    conf.write_text(main)
    return conf


def self_signed_certificate(folder: Path) -> tuple[Path, Path]:
    """A throw-away certificate for 127.0.0.1 (openssl), so the TLS server block loads."""
    folder.mkdir(parents=True, exist_ok=True)
    cert, key = folder / "cert.pem", folder / "key.pem"
    if not cert.exists():
        openssl = shutil.which("openssl") or "/usr/bin/openssl"
        command = [
            openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
            "-subj", "/CN=127.0.0.1", "-keyout", str(key), "-out", str(cert),
        ]  # fmt: skip
        subprocess.run(command, check=True, capture_output=True)
    return cert, key


def nginx_command(conf: Path, *args: str) -> list[str]:
    prefix = conf.parent
    return [NGINX, "-p", f"{prefix}/", "-e", f"{prefix}/logs/error.log", "-c", str(conf), *args]


def check(conf: Path) -> subprocess.CompletedProcess[str]:
    """`nginx -t` on a rendered configuration."""
    return subprocess.run(nginx_command(conf, "-t"), capture_output=True, text=True, check=False)


def start(conf: Path) -> subprocess.Popen[bytes]:
    """nginx in the foreground, for the caller to stop with stop()."""
    return subprocess.Popen(nginx_command(conf, "-g", "daemon off;"))


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()  # SIGTERM: nginx's fast shutdown
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
