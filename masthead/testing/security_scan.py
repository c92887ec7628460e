"""``make security-scan``: wapiti against a production-settings Masthead on 127.0.0.1.

The server runs exactly as ``masthead serve`` runs it in production (MASTHEAD_ENV=production,
a fresh random secret key, ALLOWED_HOSTS 127.0.0.1), on a throw-away data folder that is
migrated and holds the demo newsroom. Production sits behind a TLS-terminating proxy, so the
server trusts ``X-Forwarded-Proto`` (MASTHEAD_BEHIND_PROXY) and wapiti sends
``X-Forwarded-Proto: https`` the way that proxy would: the scan then sees the headers and cookie
flags readers get over HTTPS, not those of a bare development server.

wapiti's JSON report goes to ``test-artifacts/``. Every finding is compared with
:data:`ACCEPTED` (each listed, with why, in docs/security.md); anything else is printed and the
exit status is 1. Usage::

    python -m masthead.testing.security_scan [--modules http_headers,csp,cookieflags,xss]
        [--max-scan-time 600] [--port 0] [--report PATH]
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
FULL_MODULES = "http_headers,csp,cookieflags,xss"
PORTS = range(8100, 8200)  # this project's share of the machine's ports


@dataclass(frozen=True)
class Accepted:
    """A wapiti finding we keep on purpose. ``info`` is matched as a substring of its text."""

    category: str
    info: str
    why: str


# Keep in step with "Accepted exceptions" in docs/security.md (a test checks each is there).
ACCEPTED: tuple[Accepted, ...] = (
    Accepted(
        category="HTTP Secure Headers",
        info="X-XSS-Protection",
        why="The header is obsolete: modern browsers removed the XSS auditor it switched on, "
        "and OWASP advises not setting it. The Content-Security-Policy does that job.",
    ),
    Accepted(
        category="HttpOnly Flag cookie",
        info="csrftoken",
        why="Django's CSRF cookie holds no secret of the session; the admin's JavaScript may "
        "read it. Django's own guidance: CSRF_COOKIE_HTTPONLY brings no practical protection.",
    ),
)


@dataclass(frozen=True)
class Finding:
    kind: str  # vulnerabilities / anomalies
    category: str
    method: str
    path: str
    info: str

    def accepted(self) -> Accepted | None:
        for rule in ACCEPTED:
            if rule.category == self.category and rule.info in self.info:
                return rule
        return None

    def __str__(self) -> str:
        return f"[{self.category}] {self.method} {self.path}: {self.info}"


def findings(report: dict) -> list[Finding]:
    """Every vulnerability and anomaly in a wapiti JSON report."""
    found = []
    for kind in ("vulnerabilities", "anomalies"):
        for category, items in (report.get(kind) or {}).items():
            for item in items:
                found.append(
                    Finding(
                        kind=kind,
                        category=category,
                        method=item.get("method", ""),
                        path=item.get("path", ""),
                        info=" ".join(str(item.get("info", "")).split()),
                    )
                )
    return found


def free_port() -> int:
    for port in PORTS:
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise SystemExit("No free port in 8100-8199.")


def production_env(data_dir: Path) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("MASTHEAD_", "DJANGO_")) and key not in ("DATABASE_URL", "REDIS_URL")
    }
    env.update(
        {
            "MASTHEAD_ENV": "production",
            "MASTHEAD_SECRET_KEY": secrets.token_urlsafe(60),
            "MASTHEAD_ALLOWED_HOSTS": "127.0.0.1",
            "MASTHEAD_DATA_DIR": str(data_dir),
            "MASTHEAD_BEHIND_PROXY": "true",
            "MASTHEAD_SERVE_MEDIA": "true",  # no web server in front to serve the photos
            "MASTHEAD_LOG_LEVEL": "WARNING",
        }
    )
    return env


def _masthead() -> str:
    found = Path(sys.executable).with_name("masthead")
    return str(found) if found.exists() else "masthead"


@contextmanager
def production_server(port: int) -> Iterator[str]:
    """A migrated production-settings server with the demo newsroom; yields its base URL."""
    data_dir = Path(tempfile.mkdtemp(prefix="masthead-scan-"))
    env = production_env(data_dir)
    log = (data_dir / "server.log").open("w")
    try:
        for command in (
            ["migrate", "--noinput", "-v", "0"],
            ["collectstatic", "--noinput", "-v", "0"],
            ["demo", "--force"],
        ):
            subprocess.run(  # noqa: S603 - our own command, fixed arguments
                [_masthead(), *command],
                env=env,
                check=True,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL if command[0] == "demo" else None,  # its progress bar
            )
        server = subprocess.Popen(  # noqa: S603 - our own command, fixed arguments
            [_masthead(), "serve", "--host", "127.0.0.1", "--port", str(port)],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        base = f"http://127.0.0.1:{port}/"
        try:
            _wait_for(base + "healthz", server)
            yield base
        finally:
            _stop(server)
    finally:
        log.close()
        shutil.rmtree(data_dir, ignore_errors=True)


def _stop(server: subprocess.Popen) -> None:
    """Stop the server and everything it started (its own session: gunicorn's workers and the
    background worker), and reap it, however slow its graceful stop is."""
    with suppress(ProcessLookupError):
        os.killpg(server.pid, signal.SIGTERM)
    try:
        server.wait(timeout=15)
    except subprocess.TimeoutExpired:
        with suppress(ProcessLookupError):
            os.killpg(server.pid, signal.SIGKILL)
        server.wait()


def _wait_for(url: str, server: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"The server stopped (exit {server.returncode}) before answering.")
        try:
            with urllib.request.urlopen(url, timeout=2):  # noqa: S310 - our own 127.0.0.1 URL
                return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"The server did not answer {url} within {timeout:.0f} s.")


def run_wapiti(
    base: str, *, modules: str, max_scan_time: int, report: Path, depth: int = 40
) -> dict:
    wapiti = shutil.which("wapiti")
    if wapiti is None:
        raise SystemExit("wapiti is not installed: `make wapiti` installs Debian's package.")
    report.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="wapiti-") as state:
        command = [
            wapiti, "-u", base, "-m", modules,
            "--scope", "folder", "--flush-session",
            "--store-session", state, "--store-config", state,
            "--max-scan-time", str(max_scan_time), "--depth", str(depth),
            "--max-attack-time", str(max(10, max_scan_time // 2)),
            "-H", "X-Forwarded-Proto: https",
            # No -x: Debian's wapiti 3.0.4 builds an invalid regex from it on Python 3.11.
            "-f", "json", "-o", str(report), "-v", "0", "--no-bugreport",
        ]  # fmt: skip
        subprocess.run(  # noqa: S603 - wapiti on our own 127.0.0.1 server
            command, check=True, stdout=subprocess.DEVNULL, timeout=max_scan_time * 3
        )
    return json.loads(report.read_text())


def scan(
    *, modules: str, max_scan_time: int, port: int, report: Path, depth: int = 40
) -> list[Finding]:
    """Start the server, scan it and return the findings that are not accepted."""
    with production_server(port or free_port()) as base:
        result = run_wapiti(
            base, modules=modules, max_scan_time=max_scan_time, report=report, depth=depth
        )
    every = findings(result)
    for finding in every:
        rule = finding.accepted()
        mark = "accepted" if rule else "NOT ACCEPTED"
        print(f"{mark:>12}  {finding}")
    return [finding for finding in every if finding.accepted() is None]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--modules", default=FULL_MODULES)
    parser.add_argument("--max-scan-time", type=int, default=600, help="seconds (default 600)")
    parser.add_argument("--depth", type=int, default=40, help="crawl depth (wapiti's default)")
    parser.add_argument("--port", type=int, default=0, help="default: a free one in 8100-8199")
    parser.add_argument("--report", type=Path, default=ARTIFACTS / "wapiti-report.json")
    args = parser.parse_args(argv)
    if args.max_scan_time < 1:
        parser.error("--max-scan-time must be at least 1 second.")
    started = time.monotonic()
    rest = scan(
        modules=args.modules,
        max_scan_time=args.max_scan_time,
        port=args.port,
        report=args.report,
        depth=args.depth,
    )
    took = time.monotonic() - started
    print(f"wapiti ({args.modules}) report: {args.report} ({took:.0f} s)")
    if rest:
        print(f"{len(rest)} finding(s) not in the accepted exceptions (docs/security.md).")
        return 1
    print("No findings beyond the accepted exceptions.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
