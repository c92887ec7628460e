"""Masthead beside a static file server: an interleaved wrk benchmark that stops by itself.

    .venv/bin/python -m bench.front            # what `make bench` runs (about 4 minutes)
    .venv/bin/python -m bench.front --targets constant --duration 1 --rounds 1

Targets, all on 127.0.0.1 and all answering with the demo's storm-surge story (or its bytes):

  static     nginx serving the story page saved as a plain file
  constant   a Django view returning the story's bytes (bench/constant_urls.py), same settings,
             middleware and gunicorn as Masthead
  uncached   Masthead's story with MASTHEAD_PAGE_CACHE=off
  cached     Masthead's story as the page cache serves it (page cache on, the default)
  front      Masthead through deploy/nginx's front (proxy cache), plain HTTP
  peer       the reference Wagtail site (bench/peer/), two sync gunicorn workers

After the load it runs Lighthouse (`make lighthouse`) on the cached server's story and home.

Each round runs every target at every connection count for a fixed time (rounds rotate the
order, so no target always follows the same neighbour); figures are medians over rounds. The
machine is shared: compare the ratios within one run, not absolute numbers across runs.
Writes front.json and front.md to --out (test-artifacts/bench by default).
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import os
import platform
import re
import secrets
import shutil
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from bench import frontconf

REPO = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
PEER_DIR = REPO / "bench" / "peer"
WRK = shutil.which("wrk") or "/usr/bin/wrk"
# `make lighthouse` installs it here (pinned in the Makefile); Debian's Chromium runs it.
LIGHTHOUSE = REPO / "bench" / ".lighthouse" / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
LIGHTHOUSE_CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
STORY_SLUG = "storm-surge-floods-lower-harbor-district"
TARGETS = ("static", "constant", "uncached", "cached", "front", "peer")
# Other reader pages, measured on the uncached and cached servers beside the story (--pages).
# The demo has 40 stories, so its deepest archive page is 2: bench/deep_pages.py measures
# page 500 of a million-story database.
PAGES = {
    "home": "/",
    "archive": "/archive/",
    "archive p2": "/archive/?page=2",
    "search": "/search/?q=harbor",
    "feed": "/feeds/rss/",
}
MASTHEAD_TARGETS = {"constant", "uncached", "cached", "front", "static"}

# wrk's done() hook prints one JSON line: the numbers, not wrk's rounded text.
WRK_REPORT_LUA = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRK_JSON {"requests":%d,"duration_us":%d,"bytes":%d,"connect_errors":%d,' ..
    '"read_errors":%d,"write_errors":%d,"status_errors":%d,"timeouts":%d,' ..
    '"p50_us":%d,"p90_us":%d,"p99_us":%d,"max_us":%d,"mean_us":%.1f}\\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write,
    e.status, e.timeout, latency:percentile(50), latency:percentile(90),
    latency:percentile(99), latency.max, latency.mean))
end
"""

# The targets (issue 11): (name, numerator, denominator, connections, at least).
RATIO_TARGETS = (
    ("uncached / peer", "uncached", "peer", 16, 4.0),
    ("uncached / peer", "uncached", "peer", 64, 4.0),
    ("front / static", "front", "static", 16, 0.5),
    ("front / static", "front", "static", 64, 0.5),
    ("cached / constant", "cached", "constant", 16, 0.8),
    ("cached / constant", "cached", "constant", 64, 0.8),
)
P99_TARGET = ("uncached", 16, 50.0)  # p99 under 50 ms at 16 connections


class BenchError(Exception):
    """A server did not start or a target answered wrongly: no figures rather than false ones."""


@dataclass
class Options:
    targets: list[str]
    connections: list[int]
    duration: int
    rounds: int
    wrk_threads: int
    port_base: int
    workdir: Path
    out: Path
    workers: int
    threads: int
    peer_venv: Path
    warmup: int
    database_url: str = ""
    pages: list[str] = field(default_factory=list)
    weights: dict = field(default_factory=dict)  # filled while the servers run
    lighthouse: bool = True


@dataclass
class Target:
    name: str
    url: str
    description: str
    check: dict = field(default_factory=dict)


def gunicorn_defaults() -> tuple[int, int]:
    """Workers and threads as `masthead serve` chooses them: its parser's defaults when it sets
    them, else one worker per core (the production rule) and 4 threads."""
    workers, threads = os.cpu_count() or 1, 4
    with contextlib.suppress(Exception):
        from masthead.ops.management.commands.serve import Command

        parser = Command().create_parser("masthead", "serve")
        defaults = {action.dest: action.default for action in parser._actions}
        if isinstance(defaults.get("workers"), int):
            workers = defaults["workers"]
        if isinstance(defaults.get("threads"), int):
            threads = defaults["threads"]
    return workers, threads


def parse_args(argv: list[str] | None = None) -> Options:
    workers, threads = gunicorn_defaults()
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--targets", default=",".join(TARGETS))
    parser.add_argument("--connections", default="16,64", help="wrk -c values, comma-separated")
    parser.add_argument(
        "--no-lighthouse", action="store_true", help="skip Lighthouse on the story and home"
    )
    parser.add_argument(
        "--pages", default=",".join(PAGES),
        help=f"other pages on the uncached and cached servers ({', '.join(PAGES)}; '' for none)",
    )  # fmt: skip
    parser.add_argument("--duration", type=int, default=5, help="seconds per wrk run")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--wrk-threads", type=int, default=2)
    parser.add_argument("--warmup", type=int, default=2, help="seconds of warm-up per target")
    parser.add_argument("--port-base", type=int, default=8510, help="uses this and the next 9")
    parser.add_argument("--workdir", type=Path, default=REPO / "test-artifacts/bench/run")
    parser.add_argument("--out", type=Path, default=REPO / "test-artifacts/bench")
    parser.add_argument("--workers", type=int, default=workers, help="gunicorn workers")
    parser.add_argument("--threads", type=int, default=threads, help="gunicorn gthread threads")
    parser.add_argument("--peer-venv", type=Path, default=REPO / "bench/.peer-venv")
    parser.add_argument(
        "--database-url",
        default="",
        help="Masthead's database for the run (it is filled with the demo newsroom); "
        "default: SQLite in --workdir",
    )
    args = parser.parse_args(argv)
    targets = [name.strip() for name in args.targets.split(",") if name.strip()]
    unknown = sorted(set(targets) - set(TARGETS))
    if unknown or not targets:
        parser.error(f"unknown target(s) {', '.join(unknown) or '(none)'}; choose from {TARGETS}")
    try:
        connections = [int(value) for value in args.connections.split(",")]
    except ValueError:
        parser.error("--connections takes whole numbers separated by commas, e.g. 16,32")
    if min(connections) < 1 or args.duration < 1 or args.rounds < 1 or args.workers < 1:
        parser.error("--connections, --duration, --rounds and --workers must be at least 1")
    if not 1024 <= args.port_base <= 65525:
        parser.error("--port-base must leave room for 10 ports between 1024 and 65535")
    return Options(
        targets=targets,
        connections=connections,
        duration=args.duration,
        rounds=args.rounds,
        wrk_threads=args.wrk_threads,
        port_base=args.port_base,
        workdir=args.workdir.resolve(),
        out=args.out.resolve(),
        workers=args.workers,
        threads=args.threads,
        peer_venv=args.peer_venv.resolve(),
        warmup=args.warmup,
        database_url=args.database_url,
        pages=[page.strip() for page in args.pages.split(",") if page.strip()],
        lighthouse=not args.no_lighthouse,
    )


# --- Servers ---------------------------------------------------------------------------------


class Servers:
    """Every process the run starts, stopped (by its own id) however the run ends."""

    def __init__(self, logs: Path) -> None:
        self.logs = logs
        self.processes: list[tuple[str, subprocess.Popen[bytes]]] = []

    def start(self, name: str, argv: list[str], env: dict[str, str], cwd: Path) -> None:
        with (self.logs / f"{name}.log").open("wb") as log:  # the child keeps its own copy
            process = subprocess.Popen(argv, env=env, cwd=cwd, stdout=log, stderr=log)
        self.processes.append((name, process))

    def add(self, name: str, process: subprocess.Popen[bytes]) -> None:
        self.processes.append((name, process))

    def stop_all(self) -> None:
        for _name, process in reversed(self.processes):
            if process.poll() is None:
                process.terminate()
        for _name, process in self.processes:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()

    def exited(self) -> list[str]:
        return [name for name, process in self.processes if process.poll() is not None]


def fetch(url: str, timeout: float = 10) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url)  # noqa: S310 - 127.0.0.1 only
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            return response.status, dict(response.headers.items()), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers.items()), error.read()


def wait_for(url: str, servers: Servers, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if servers.exited():
            raise BenchError(f"{', '.join(servers.exited())} stopped; see {servers.logs}/")
        with contextlib.suppress(OSError):
            status, _headers, _body = fetch(url, timeout=2)
            if status < 500:
                return
        time.sleep(0.2)
    raise BenchError(f"{url} did not answer within {seconds:.0f} s; logs in {servers.logs}/")


def run_step(argv: list[str], env: dict[str, str], cwd: Path, what: str) -> str:
    done = subprocess.run(argv, env=env, cwd=cwd, capture_output=True, text=True, check=False)
    if done.returncode:
        raise BenchError(f"{what} failed:\n{done.stdout[-2000:]}{done.stderr[-2000:]}")
    return done.stdout


def masthead_env(options: Options, **extra: str) -> dict[str, str]:
    """Production settings on 127.0.0.1 over plain HTTP; the secret key is made per run."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("MASTHEAD_", "DJANGO_")) and key not in {"DATABASE_URL"}
    }
    env.update(
        MASTHEAD_ENV="production",
        MASTHEAD_SECRET_KEY=options_key(options),
        MASTHEAD_ALLOWED_HOSTS="127.0.0.1,localhost",
        MASTHEAD_HTTPS="false",
        MASTHEAD_BEHIND_PROXY="true",
        MASTHEAD_DATA_DIR=str(options.workdir / "data"),
        MASTHEAD_STATIC_ROOT=str(options.workdir / "public" / "static"),
        MASTHEAD_MEDIA_ROOT=str(options.workdir / "public" / "media"),
        MASTHEAD_SERVE_MEDIA="false",
        MASTHEAD_LOG_LEVEL="WARNING",
        PYTHONPATH=str(REPO),
    )
    # Its own SQLite database unless told otherwise: never the database of the shell it runs in.
    if options.database_url:
        env["DATABASE_URL"] = options.database_url
    for name in ("REDIS_URL", "MASTHEAD_CACHE_PREFIX"):
        if os.environ.get(name):
            env[name] = os.environ[name]
    env.update(extra)
    return env


_KEYS: dict[Path, str] = {}


def options_key(options: Options) -> str:
    return _KEYS.setdefault(options.workdir, secrets.token_urlsafe(60))


def prepare_masthead(options: Options, demo: bool) -> None:
    """A fresh data folder: the demo newsroom (or only the tables), then collectstatic as the
    documented deploy path runs it."""
    for folder in ("data", "public"):
        shutil.rmtree(options.workdir / folder, ignore_errors=True)
    (options.workdir / "public" / "media").mkdir(parents=True)
    masthead = str(VENV_BIN / "masthead")
    env = masthead_env(options)
    if demo:
        # The demo loader runs in demo mode; it writes into the same data and media folders.
        demo_env = {**env, "MASTHEAD_ENV": "demo"}
        run_step([masthead, "demo"], demo_env, options.workdir, "masthead demo")
        # The photos' copies, as the worker's sweep makes them after a load (without the rest
        # of a worker's first pass, a backup among it): measured pages name them.
        sweep = "from masthead.tasks.jobs import photo_renditions_sweep as s; print(s())"
        run_step([masthead, "shell", "-c", sweep], demo_env, options.workdir, "photo copies")
    else:
        run_step([masthead, "migrate", "--no-input", "-v0"], env, options.workdir, "migrate")
    collect = [masthead, "collectstatic", "--no-input", "-v0"]
    run_step(collect, env, options.workdir, "collectstatic")


def gunicorn_argv(options: Options, wsgi: str, port: int) -> list[str]:
    # What `masthead serve` runs (masthead/ops/management/commands/serve.py), without the
    # access log, which would measure the disk.
    return [
        str(VENV_BIN / "python"), "-m", "gunicorn", wsgi,
        "--bind", f"127.0.0.1:{port}",
        "--workers", str(options.workers), "--threads", str(options.threads),
        "--worker-class", "gthread",
        "--forwarded-allow-ips", "127.0.0.1",
    ]  # fmt: skip


def prepare_peer(options: Options) -> tuple[dict[str, str], str]:
    python = options.peer_venv / "bin" / "python"
    if not python.exists():
        raise BenchError(
            f"The Wagtail reference needs its venv at {options.peer_venv}: run `make peer-venv`."
        )
    data = options.workdir / "peer"
    shutil.rmtree(data, ignore_errors=True)
    data.mkdir(parents=True)
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("MASTHEAD_", "DJANGO_", "PYTHON"))
    }
    env.update(PEER_DATA_DIR=str(data), DJANGO_SETTINGS_MODULE="peersite.settings")
    run_step([str(python), "manage.py", "migrate", "-v0"], env, PEER_DIR, "peer migrate")
    path = run_step([str(python), "manage.py", "peer_setup"], env, PEER_DIR, "peer set-up")
    return env, path.strip().splitlines()[-1]


@dataclass
class Ports:
    base: int

    def __getattr__(self, name: str) -> int:
        order = ("uncached", "cached", "constant", "files", "front", "http", "https", "peer")
        if name not in order:
            raise AttributeError(name)
        return self.base + order.index(name)


@contextlib.contextmanager
def running_targets(options: Options) -> Iterator[dict[str, Target]]:
    options.workdir.mkdir(parents=True, exist_ok=True)
    logs = options.workdir / "logs"
    logs.mkdir(exist_ok=True)
    ports = Ports(options.port_base)
    wanted = set(options.targets)
    needs_story = bool(wanted & {"static", "uncached", "cached", "front"})
    servers = Servers(logs)
    targets: dict[str, Target] = {}
    try:
        if wanted & MASTHEAD_TARGETS:
            prepare_masthead(options, demo=needs_story)
        wsgi = "masthead.wsgi:application"
        story_path = ""
        page_file = options.workdir / "files" / "story.html"
        if needs_story:
            servers.start(
                "uncached",
                gunicorn_argv(options, wsgi, ports.uncached),
                masthead_env(options, MASTHEAD_PAGE_CACHE="off"),
                options.workdir,
            )
            home = f"http://127.0.0.1:{ports.uncached}/"
            wait_for(home, servers)
            _status, _headers, body = fetch(home)
            found = re.search(rf'href="(/[^"]*/{STORY_SLUG}/)"', body.decode())
            if not found:
                raise BenchError(f"The home page has no link to the {STORY_SLUG} story.")
            story_path = found.group(1)
            status, _headers, story = fetch(home.rstrip("/") + story_path)
            if status != 200:
                raise BenchError(f"The story answered {status}.")
            page_file.parent.mkdir(parents=True, exist_ok=True)
            page_file.write_bytes(story)
            targets["uncached"] = Target(
                "uncached", home.rstrip("/") + story_path, "Masthead, MASTHEAD_PAGE_CACHE=off"
            )
        if wanted & {"cached", "front"}:
            servers.start(
                "cached",
                gunicorn_argv(options, wsgi, ports.cached),
                masthead_env(options),
                options.workdir,
            )
            wait_for(f"http://127.0.0.1:{ports.cached}/", servers)
            targets["cached"] = Target(
                "cached",
                f"http://127.0.0.1:{ports.cached}{story_path}",
                "Masthead, page cache on (a hit after the first request)",
            )
        if "constant" in wanted:
            extra = {"DJANGO_SETTINGS_MODULE": "bench.constant_settings"}
            if page_file.exists():
                extra["MASTHEAD_BENCH_PAGE"] = str(page_file)
            servers.start(
                "constant",
                gunicorn_argv(options, wsgi, ports.constant),
                masthead_env(options, **extra),
                options.workdir,
            )
            targets["constant"] = Target(
                "constant",
                f"http://127.0.0.1:{ports.constant}/constant/",
                "Django view returning the story's bytes, same settings and gunicorn",
            )
            wait_for(targets["constant"].url, servers)
        if wanted & {"static", "front"}:
            cert, key = frontconf.self_signed_certificate(options.workdir / "tls")
            conf = frontconf.render(
                frontconf.FrontLayout(
                    prefix=options.workdir / "nginx",
                    public_root=options.workdir / "public",
                    app_address=f"127.0.0.1:{ports.cached}",
                    http_port=ports.http,
                    https_port=ports.https,
                    certificate=cert,
                    certificate_key=key,
                    plain_port=ports.front if "front" in wanted else None,
                    files_port=ports.files,
                    files_root=page_file.parent,
                )
            )
            shutil.rmtree(options.workdir / "nginx" / "cache", ignore_errors=True)
            (options.workdir / "nginx" / "cache").mkdir()
            checked = frontconf.check(conf)
            if checked.returncode:
                raise BenchError(f"nginx -t refused the front:\n{checked.stderr}")
            servers.add("nginx", frontconf.start(conf))
            targets["static"] = Target(
                "static",
                f"http://127.0.0.1:{ports.files}/story.html",
                "nginx serving the story page as a plain file",
            )
            wait_for(targets["static"].url, servers)
            if "front" in wanted:
                targets["front"] = Target(
                    "front",
                    f"http://127.0.0.1:{ports.front}{story_path}",
                    "Masthead through deploy/nginx (proxy cache), plain HTTP",
                )
        if "peer" in wanted:
            env, peer_path = prepare_peer(options)
            peer_argv = [
                str(options.peer_venv / "bin" / "python"), "-m", "gunicorn",
                "peersite.wsgi:application", "--bind", f"127.0.0.1:{ports.peer}",
                "--workers", "2", "--worker-class", "sync",
            ]  # fmt: skip
            servers.start("peer", peer_argv, env, PEER_DIR)
            targets["peer"] = Target(
                "peer",
                f"http://127.0.0.1:{ports.peer}{peer_path}",
                "Wagtail 8 reference article, SQLite, 2 sync workers",
            )
            wait_for(targets["peer"].url, servers)
        chosen = {name: targets[name] for name in options.targets}
        for page in options.pages:
            if page not in PAGES:
                raise BenchError(f"--pages: no page called {page!r} ({', '.join(PAGES)}).")
            for name in ("uncached", "cached"):
                if name in chosen:
                    base = chosen[name].url.split("/", 3)[:3]
                    label = f"{name} {page}"
                    chosen[label] = Target(
                        label, "/".join(base) + PAGES[page], f"{chosen[name].description}: {page}"
                    )
        for target in chosen.values():
            target.check = check_target(target)
        if "uncached" in chosen:
            story = chosen["uncached"].url
            options.weights = {
                "story": page_weight(story),
                "home": page_weight("/".join(story.split("/", 3)[:3]) + "/"),
            }
        yield chosen
    finally:
        servers.stop_all()


SUBRESOURCE = re.compile(
    r'<(?:link[^>]+rel="(?:stylesheet|icon)"[^>]*href|script[^>]+src|img[^>]+src)="([^"]+)"'
)


def page_weight(url: str) -> dict:
    """What a first visit to ``url`` downloads: the HTML and its stylesheets, raw and gzipped
    (as the front sends them), and how many requests the page makes (itself, stylesheets,
    icon, scripts and images; an image's srcset picks one file)."""
    base = "/".join(url.split("/", 3)[:3])
    _status, _headers, html = fetch(url)
    found = SUBRESOURCE.findall(html.decode())
    css = [path for path in found if path.endswith(".css")]
    css_bytes = b"".join(fetch(base + path)[2] for path in css if path.startswith("/"))
    return {
        "html_bytes": len(html),
        "html_gzip_bytes": len(gzip.compress(html, 6)),
        "css_bytes": len(css_bytes),
        "css_gzip_bytes": len(gzip.compress(css_bytes, 6)) if css_bytes else 0,
        "requests": 1 + len(found),
    }


def lighthouse(url: str, workdir: Path) -> dict:
    """Lighthouse's four scores (0-100) and its main timings for ``url``, in headless Chromium
    with Lighthouse's default mobile emulation and throttling; {"error": ...} if it cannot."""
    if not LIGHTHOUSE.exists():
        return {"error": "Lighthouse is not installed: run `make lighthouse`."}
    report = workdir / "lighthouse.json"
    report.unlink(missing_ok=True)
    argv = [
        str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
        f"--only-categories={','.join(LIGHTHOUSE_CATEGORIES)}",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage",
    ]  # fmt: skip
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    done = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=180, check=False)
    if done.returncode or not report.exists():
        return {"error": (done.stderr or done.stdout)[-500:]}
    found = json.loads(report.read_text())
    audits = found["audits"]
    return {
        **{
            name: round((found["categories"][name]["score"] or 0) * 100)
            for name in LIGHTHOUSE_CATEGORIES
        },
        "first_contentful_paint": audits["first-contentful-paint"]["displayValue"],
        "largest_contentful_paint": audits["largest-contentful-paint"]["displayValue"],
        "total_blocking_time": audits["total-blocking-time"]["displayValue"],
        "cumulative_layout_shift": audits["cumulative-layout-shift"]["displayValue"],
    }


def check_target(target: Target) -> dict:
    """Two requests (the second may be a cache hit): both must be 200 with a page."""
    seen = {}
    for attempt in ("first", "second"):
        status, headers, body = fetch(target.url)
        if status != 200 or b"<" not in body[:200]:
            raise BenchError(f"{target.name}: {target.url} answered {status}, not a page.")
        lower = {key.lower(): value for key, value in headers.items()}
        seen[attempt] = {
            "status": status,
            "bytes": len(body),
            "cache_control": lower.get("cache-control", ""),
            "vary": lower.get("vary", ""),
            "set_cookie": "set-cookie" in lower,
            "x_cache_status": lower.get("x-cache-status", ""),
        }
    return seen


# --- wrk ---------------------------------------------------------------------------------------


def run_wrk(options: Options, url: str, connections: int, seconds: int) -> dict:
    script = options.workdir / "report.lua"
    if not script.exists():
        script.write_text(WRK_REPORT_LUA)
    argv = [
        WRK, f"-t{min(options.wrk_threads, connections)}", f"-c{connections}", f"-d{seconds}s",
        "--timeout", "5s", "-s", str(script), url,
    ]  # fmt: skip
    done = subprocess.run(argv, capture_output=True, text=True, timeout=seconds + 30, check=False)
    line = next((x for x in done.stdout.splitlines() if x.startswith("WRK_JSON ")), None)
    if done.returncode or line is None:
        raise BenchError(f"wrk failed on {url}:\n{done.stdout}{done.stderr}")
    raw = json.loads(line.removeprefix("WRK_JSON "))
    seconds_run = raw["duration_us"] / 1e6
    errors = sum(
        raw[key]
        for key in ("connect_errors", "read_errors", "write_errors", "status_errors", "timeouts")
    )
    if raw["requests"] == 0:
        # Nothing finished within the run: every connection was still waiting. wrk counts a
        # timeout only once it is seen, so count those connections as failed requests.
        errors += connections
    return {
        "requests_per_s": round(raw["requests"] / seconds_run, 1),
        "p50_ms": round(raw["p50_us"] / 1000, 2),
        "p90_ms": round(raw["p90_us"] / 1000, 2),
        "p99_ms": round(raw["p99_us"] / 1000, 2),
        "max_ms": round(raw["max_us"] / 1000, 2),
        "requests": raw["requests"],
        "errors": errors,
        "raw": raw,
    }


def measure(options: Options, targets: dict[str, Target]) -> list[dict]:
    names = list(targets)
    for name in names:  # warm-up: compiled templates, open connections, caches filled
        run_wrk(options, targets[name].url, min(options.connections), options.warmup)
    runs = []
    for round_number in range(options.rounds):
        shift = round_number % len(names)
        order = names[shift:] + names[:shift]
        for connections in options.connections:
            for name in order:
                result = run_wrk(options, targets[name].url, connections, options.duration)
                runs.append(
                    {"round": round_number + 1, "target": name, "connections": connections} | result
                )
                print(
                    f"round {round_number + 1} c{connections:<3} {name:<18}"
                    f" {result['requests_per_s']:>9.1f} req/s  p50 {result['p50_ms']:>7.2f} ms"
                    f"  p99 {result['p99_ms']:>8.2f} ms  errors {result['errors']}",
                    flush=True,
                )
    return runs


def summarize(options: Options, runs: list[dict]) -> dict:
    summary: dict[str, dict[str, dict]] = {}
    for name in dict.fromkeys(run["target"] for run in runs):
        for connections in options.connections:
            mine = [r for r in runs if r["target"] == name and r["connections"] == connections]
            summary.setdefault(name, {})[str(connections)] = {
                "requests_per_s": round(statistics.median(r["requests_per_s"] for r in mine), 1),
                "p50_ms": round(statistics.median(r["p50_ms"] for r in mine), 2),
                "p99_ms": round(statistics.median(r["p99_ms"] for r in mine), 2),
                "errors": sum(r["errors"] for r in mine),
                "rounds": len(mine),
            }
    ratios = []
    for label, top, bottom, connections, at_least in RATIO_TARGETS:
        a = summary.get(top, {}).get(str(connections))
        b = summary.get(bottom, {}).get(str(connections))
        if a and b and b["requests_per_s"]:
            value = round(a["requests_per_s"] / b["requests_per_s"], 3)
            ratios.append(
                {
                    "ratio": label,
                    "connections": connections,
                    "value": value,
                    "target": f">= {at_least}",
                    "met": value >= at_least,
                }
            )
    name, connections, limit = P99_TARGET
    p99 = summary.get(name, {}).get(str(connections))
    if p99:
        ratios.append(
            {
                "ratio": f"{name} p99 (ms)",
                "connections": connections,
                "value": p99["p99_ms"],
                "target": f"< {limit}",
                "met": p99["p99_ms"] < limit,
            }
        )
    return {"targets": summary, "checks": ratios}


def markdown(report: dict) -> str:
    lines = [
        "# Masthead beside a static file server",
        "",
        f"Run {report['finished']} on {report['machine']['cpus']} cores "
        f"({report['machine']['platform']}); `{report['command']}`.",
        f"wrk -t{report['settings']['wrk_threads']}, {report['settings']['duration_s']} s a run, "
        f"{report['settings']['rounds']} interleaved rounds, medians; gunicorn "
        f"{report['settings']['gunicorn']}.",
        "",
        "| target | conns | req/s | p50 ms | p99 ms | errors |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, by_connections in report["summary"]["targets"].items():
        for connections, row in by_connections.items():
            lines.append(
                f"| {name} | {connections} | {row['requests_per_s']:.1f} | {row['p50_ms']:.2f} "
                f"| {row['p99_ms']:.2f} | {row['errors']} |"
            )
    if report["summary"]["checks"]:
        lines += ["", "| check | conns | measured | target | met |", "|---|---:|---:|---|---|"]
        for check in report["summary"]["checks"]:
            met = "yes" if check["met"] else "**no**"
            lines.append(
                f"| {check['ratio']} | {check['connections']} | {check['value']} "
                f"| {check['target']} | {met} |"
            )
    if report.get("page_weight"):
        lines += [
            "",
            "| page | HTML | HTML gzipped | CSS | CSS gzipped | requests |",
            "|---|---:|---:|---:|---:|---:|",
        ]
        for page, weight in report["page_weight"].items():
            lines.append(
                f"| {page} | {weight['html_bytes']:,} | {weight['html_gzip_bytes']:,} "
                f"| {weight['css_bytes']:,} | {weight['css_gzip_bytes']:,} | {weight['requests']} |"
            )
    if report.get("lighthouse"):
        lines += [
            "",
            "| Lighthouse | performance | accessibility | best practices | SEO "
            "| FCP | LCP | TBT | CLS |",
            "|---|---:|---:|---:|---:|---|---|---|---|",
        ]
        for page, found in report["lighthouse"].items():
            if "error" in found:
                lines.append(f"| {page} | {found['error'][:120]} | | | | | | | |")
                continue
            lines.append(
                f"| {page} | {found['performance']} | {found['accessibility']} "
                f"| {found['best-practices']} | {found['seo']} | {found['first_contentful_paint']} "
                f"| {found['largest_contentful_paint']} | {found['total_blocking_time']} "
                f"| {found['cumulative_layout_shift']} |"
            )
    lines += ["", "| target | what | bytes | Cache-Control (2nd request) | X-Cache-Status |"]
    lines.append("|---|---|---:|---|---|")
    for name, target in report["targets"].items():
        second = target["check"]["second"]
        lines.append(
            f"| {name} | {target['description']} | {second['bytes']} "
            f"| {second['cache_control'] or '(none)'} | {second['x_cache_status'] or ''} |"
        )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    options = parse_args(argv)
    if not Path(WRK).exists():
        print("wrk is not installed: run `make wrk`.", file=sys.stderr)
        return 2
    started = datetime.now(UTC)
    command = "python -m bench.front " + " ".join(argv if argv is not None else sys.argv[1:])
    try:
        with running_targets(options) as targets:
            runs = measure(options, targets)
            # After the load, so that it measures a quiet server, as a reader's phone would.
            scores = {}
            # Through the front when it runs: there nginx serves the photos, as in production
            # (the app itself serves no media with production settings).
            seen_by = "front" if "front" in targets else "cached"
            if options.lighthouse and seen_by in targets:
                story = targets[seen_by].url
                home = "/".join(story.split("/", 3)[:3]) + "/"
                scores = {
                    f"story ({seen_by})": lighthouse(story, options.workdir),
                    f"home ({seen_by})": lighthouse(home, options.workdir),
                }
            described = {
                name: {"url": t.url, "description": t.description, "check": t.check}
                for name, t in targets.items()
            }
    except BenchError as error:
        print(f"bench: {error}", file=sys.stderr)
        return 1
    report = {
        "started": started.isoformat(timespec="seconds"),
        "finished": datetime.now(UTC).isoformat(timespec="seconds"),
        "command": command.strip(),
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform()},
        "settings": {
            "connections": options.connections,
            "duration_s": options.duration,
            "rounds": options.rounds,
            "wrk_threads": options.wrk_threads,
            "gunicorn": f"{options.workers} workers x {options.threads} threads, gthread",
        },
        "targets": described,
        "page_weight": options.weights,
        "lighthouse": scores,
        "summary": summarize(options, runs),
        "runs": runs,
    }
    options.out.mkdir(parents=True, exist_ok=True)
    (options.out / "front.json").write_text(json.dumps(report, indent=2) + "\n")
    text = markdown(report)
    (options.out / "front.md").write_text(text)
    print()
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
