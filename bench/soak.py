"""Staying up: a soak under mixed load, and faults injected while it runs.

Everything runs on 127.0.0.1 and stops by itself. The script builds a production-settings site
in a temporary folder (its own PostgreSQL cluster and Redis server when asked, so stopping them
harms nothing else on the machine), loads the demo newsroom, serves it with ``masthead serve``
and then, phase by phase:

  soak         wrk at N connections over story pages, lists, searches and feeds, while comment
               posters send comments; no 5xx allowed, worker memory must stay flat (under 10 %
               growth after warm-up) and every comment the server accepted must be stored
               (counted exactly, by a marker in its text).
  kill-worker  one app worker is killed with SIGKILL mid-load: it must be replaced, and the
               failures must not exceed the requests it held.
  postgres     the database is stopped mid-load: readers get the clean 503 page (never a 500
               or a traceback), and the site answers again within 10 s of the database's return.
  redis        Redis is stopped mid-load: pages degrade to uncached, never to errors.

    python bench/soak.py                          # the full soak: 10 minutes at 64 connections
    python bench/soak.py --duration 20 --connections 16 --faults kill-worker
    python bench/soak.py --database postgres --redis --faults kill-worker,postgres,redis

The report (JSON and Markdown) goes to test-artifacts/soak/. Exit status 1 when a check fails.
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
PG_BIN = next(iter(sorted(Path("/usr/lib/postgresql").glob("*/bin"))), None)

# wrk: rotate over the URL list, count every status per thread, print them as JSON at the end.
WRK_SCRIPT = r"""
local urls = {}
for line in io.lines(os.getenv("SOAK_URLS")) do urls[#urls + 1] = line end
local threads = {}
function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end
function init(args)
  counter = id
  statuses = {}
end
function request()
  counter = counter + 1
  return wrk.format("GET", urls[(counter % #urls) + 1])
end
function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end
function done(summary, latency, requests)
  local merged = {}
  for _, thread in ipairs(threads) do
    local counts = thread:get("statuses")
    for status, n in pairs(counts) do
      merged[tostring(status)] = (merged[tostring(status)] or 0) + n
    end
  end
  local errors = summary.errors
  io.write("SOAK-JSON ", string.format(
    '{"requests": %d, "duration_us": %d, "connect_errors": %d, "read_errors": %d, '
    .. '"write_errors": %d, "timeouts": %d, "p50_ms": %.2f, "p99_ms": %.2f, "statuses": {',
    summary.requests, summary.duration, errors.connect, errors.read, errors.write,
    errors.timeout, latency:percentile(50) / 1000, latency:percentile(99) / 1000))
  local first = true
  for status, n in pairs(merged) do
    if not first then io.write(", ") end
    io.write(string.format('"%s": %d', status, n))
    first = false
  end
  io.write("}}\n")
end
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until(check, timeout: float, interval: float = 0.1) -> float | None:
    """Seconds until check() was true, or None if it never was within timeout."""
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        with contextlib.suppress(Exception):
            if check():
                return time.monotonic() - start
        time.sleep(interval)
    return None


def get(port: int, path: str, timeout: float = 5.0) -> tuple[int, bytes, dict[str, str]]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", path, headers={"Host": f"127.0.0.1:{port}"})
        response = conn.getresponse()
        return response.status, response.read(), dict(response.getheaders())
    finally:
        conn.close()


# --- The parts the site stands on, private to this run ----------------------------------------


class PrivatePostgres:
    """A throwaway PostgreSQL cluster on its own port, owned by the postgres system user."""

    def __init__(self, folder: Path) -> None:
        if PG_BIN is None:
            raise SystemExit(
                "PostgreSQL's server binaries are not installed (/usr/lib/postgresql)."
            )
        self.folder = folder
        self.data = folder / "pgdata"
        self.port = free_port()
        folder.mkdir(parents=True, exist_ok=True)
        self._as_postgres = [] if os.getuid() != 0 else ["runuser", "-u", "postgres", "--"]
        if os.getuid() == 0:
            shutil.chown(folder, "postgres")
        self._run(str(PG_BIN / "initdb"), "-D", str(self.data), "-A", "trust", "-U", "postgres")

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/postgres"

    def _run(self, *argv: str) -> None:
        subprocess.run([*self._as_postgres, *argv], check=True, capture_output=True)

    def start(self) -> None:
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._run(
            str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-o", options, "-w",
            "-l", str(self.folder / "server.log"), "start",
        )  # fmt: skip

    def stop(self) -> None:
        self._run(str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop")


class PrivateRedis:
    def __init__(self) -> None:
        self.port = free_port()
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
        )  # fmt: skip

        def answers() -> bool:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                return True

        if wait_until(answers, 10) is None:
            raise RuntimeError("the private Redis did not start")

    def stop(self) -> None:
        if self.process:
            self.process.terminate()
            self.process.wait(10)
            self.process = None


# --- The site ------------------------------------------------------------------------------


@dataclass
class Site:
    folder: Path
    database: str = "sqlite"
    redis: bool = False
    workers: int | None = None
    port: int = field(default_factory=free_port)
    postgres: PrivatePostgres | None = None
    redis_server: PrivateRedis | None = None
    server: subprocess.Popen | None = None
    log: Path | None = None

    def env(self) -> dict[str, str]:
        env = {
            **os.environ,
            "MASTHEAD_ENV": "production",
            "MASTHEAD_SECRET_KEY": secrets.token_urlsafe(60),
            "MASTHEAD_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "MASTHEAD_HTTPS": "false",
            "MASTHEAD_DATA_DIR": str(self.folder / "data"),
            "MASTHEAD_SERVE_MEDIA": "true",
            # The load comes from one address: the comment limits must not refuse the posters.
            "MASTHEAD_COMMENTS_RATE_LIMIT": "1000000",
            "MASTHEAD_COMMENTS_ATTEMPT_LIMIT": "1000000",
            "DATABASE_URL": self.postgres.url if self.postgres else "",
            "REDIS_URL": self.redis_server.url if self.redis_server else "",
        }
        env.pop("CACHE_URL", None)
        self._secret = getattr(self, "_secret", env["MASTHEAD_SECRET_KEY"])
        env["MASTHEAD_SECRET_KEY"] = self._secret
        return env

    def masthead(self, *argv: str, check: bool = True) -> subprocess.CompletedProcess:
        return subprocess.run(
            [str(BIN / "masthead"), *argv], env=self.env(), check=check,
            capture_output=True, text=True,
        )  # fmt: skip

    def build(self) -> None:
        if self.database == "postgres":
            self.postgres = PrivatePostgres(self.folder / "pg")
            self.postgres.start()
        if self.redis:
            self.redis_server = PrivateRedis()
            self.redis_server.start()
        self.masthead("demo", "--force")
        self.masthead("collectstatic", "--noinput")

    def start(self) -> None:
        self.log = self.folder / "server.log"
        argv = [str(BIN / "masthead"), "serve", "--port", str(self.port)]
        if self.workers:
            argv += ["--workers", str(self.workers)]
        with open(self.log, "ab") as log:
            self.server = subprocess.Popen(
                argv, env=self.env(), stdout=log, stderr=subprocess.STDOUT, start_new_session=True
            )
        if wait_until(lambda: get(self.port, "/healthz")[0] == 200, 60) is None:
            raise RuntimeError(f"the site did not start; see {self.log}")

    def stop(self) -> None:
        if self.server and self.server.poll() is None:
            os.killpg(self.server.pid, signal.SIGTERM)
            try:
                self.server.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(self.server.pid, signal.SIGKILL)
        if self.redis_server:
            self.redis_server.stop()
        if self.postgres:
            with contextlib.suppress(subprocess.CalledProcessError):
                self.postgres.stop()

    def app_workers(self) -> list[int]:
        """The pids of the gunicorn processes that serve requests (not their master)."""
        pids = []
        for status in Path("/proc").glob("[0-9]*/status"):
            with contextlib.suppress(OSError):
                text = status.read_text()
                cmdline = (status.parent / "cmdline").read_bytes().replace(b"\0", b" ")
                if b"gunicorn" not in cmdline or not self._in_session(text, status.parent):
                    continue
                parent = int(re.search(r"^PPid:\s+(\d+)", text, re.M).group(1))
                parent_cmd = Path(f"/proc/{parent}/cmdline").read_bytes()
                if b"gunicorn" in parent_cmd:  # a worker: its parent is the gunicorn master
                    pids.append(int(status.parent.name))
        return sorted(pids)

    def _in_session(self, status_text: str, proc: Path) -> bool:
        stat = (proc / "stat").read_text()
        session = int(stat.rsplit(")", 1)[1].split()[3])
        return self.server is not None and session == self.server.pid

    def rss_kb(self, pids: list[int]) -> int:
        total = 0
        for pid in pids:
            with contextlib.suppress(OSError):
                text = Path(f"/proc/{pid}/status").read_text()
                total += int(re.search(r"^VmRSS:\s+(\d+)", text, re.M).group(1))
        return total

    def reader_urls(self) -> list[str]:
        """Story pages, lists, searches and feeds of the demo newsroom."""
        _, body, _ = get(self.port, "/sitemap-news.xml")
        stories = [urlsplit(u).path for u in re.findall(rb"<loc>([^<]+)</loc>", body)[:20]]
        stories = [s.decode() if isinstance(s, bytes) else s for s in stories]
        _, home, _ = get(self.port, "/")
        lists = sorted({m.decode() for m in re.findall(rb'href="(/[a-z-]+/)"', home)})[:8]
        searches = [f"/search/?{urlencode({'q': q})}" for q in ("harbor", "council", "storm")]
        feeds = ["/feeds/rss/", "/feeds/atom/", "/feeds/json/", "/sitemap.xml"]
        urls = stories * 3 + ["/", "/archive/", *lists] + searches + feeds
        return [u for u in urls if u]

    def stored_comments(self, marker: str) -> int:
        code = (
            "from masthead.comments.models import Comment;"
            f"print(Comment.objects.filter(body__contains={marker!r}).count())"
        )
        return int(self.masthead("shell", "-c", code).stdout.strip().splitlines()[-1])


# --- Load ----------------------------------------------------------------------------------


def run_wrk(port: int, urls: list[str], folder: Path, *, seconds: int, connections: int) -> dict:
    script = folder / "soak.lua"
    script.write_text(WRK_SCRIPT)
    url_file = folder / "urls.txt"
    url_file.write_text("\n".join(urls) + "\n")
    threads = max(1, min(2, connections))
    result = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s",
         "-s", str(script), f"http://127.0.0.1:{port}/"],
        env={**os.environ, "SOAK_URLS": str(url_file)}, capture_output=True, text=True,
        timeout=seconds + 60,
    )  # fmt: skip
    line = next((x for x in result.stdout.splitlines() if x.startswith("SOAK-JSON ")), None)
    if line is None:
        raise RuntimeError(f"wrk printed no report:\n{result.stdout}\n{result.stderr}")
    report = json.loads(line.removeprefix("SOAK-JSON "))
    report["statuses"] = {int(k): v for k, v in report["statuses"].items()}
    return report


class CommentPoster(threading.Thread):
    """Sends comments to one story as a reader would (the form's own fields), and counts what
    the server said it accepted: a redirect back to the story."""

    def __init__(self, port: int, story: str, marker: str, stop: threading.Event) -> None:
        super().__init__(daemon=True)
        self.port, self.story, self.marker, self.stop = port, story, marker, stop
        self.accepted = 0
        self.refused: Counter = Counter()
        self.errors = 0
        self.unanswered = 0
        self.cookie = ""
        self.sample_refusal = ""

    def _form(self) -> tuple[str, dict[str, str]] | None:
        status, body, headers = get(self.port, self.story, timeout=30)
        if status != 200:
            return None
        # Like a browser: send back any cookie the page set (none, when pages are cacheable).
        cookie = headers.get("Set-Cookie", "")
        self.cookie = cookie.split(";", 1)[0] if cookie else ""
        html = body.decode("utf-8", "replace")
        form = re.search(r'<form[^>]*action="([^"]*comments/[^"]*)"(.*?)</form>', html, re.S)
        if not form:
            return None
        fields = {}
        for tag in re.findall(r"<input[^>]*>", form.group(2)):
            name = re.search(r'name="([^"]+)"', tag)
            value = re.search(r'value="([^"]*)"', tag)
            if name and 'type="hidden"' in tag:
                fields[name.group(1)] = value.group(1).replace("&amp;", "&") if value else ""
        return form.group(1), fields

    def run(self) -> None:
        sent, form = 0, None
        while not self.stop.is_set():
            if form is None or sent % 50 == 0:
                try:
                    form = self._form()
                except OSError:  # a slow answer under load is not the poster's failure
                    form = None
                if form is None:
                    self.errors += 1
                    time.sleep(0.5)
                    continue
                time.sleep(3.2)  # the form refuses sends faster than a person types
            action, hidden = form
            sent += 1
            number = f"{self.marker}-{self.ident}-{sent}"
            data = {
                **hidden,
                "name": f"Soak Reader {self.ident % 1000}",
                "email": f"soak{self.ident % 1000}@example.com",
                "body": f"A reader's note from the soak test, number {number}.",
                "website": "",
            }
            try:
                status = self._post(action, data)
            except OSError:
                # No answer: the server may or may not have kept it.
                self.unanswered += 1
                continue
            if status in (302, 303):
                self.accepted += 1
            else:
                self.refused[status] += 1
            time.sleep(0.05)

    def _post(self, action: str, data: dict[str, str]) -> int:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            body = urlencode(data)
            origin = f"http://127.0.0.1:{self.port}"
            conn.request(
                "POST", action, body=body,
                headers={
                    "Host": f"127.0.0.1:{self.port}",
                    "Content-Type": "application/x-www-form-urlencoded",
                    "Origin": origin, "Referer": origin + self.story,
                    **({"Cookie": self.cookie} if self.cookie else {}),
                },
            )  # fmt: skip
            response = conn.getresponse()
            body = response.read()
            if response.status >= 400 and not self.sample_refusal:
                self.sample_refusal = body.decode("utf-8", "replace")[:3000]
            return response.status
        finally:
            conn.close()


class MemorySampler(threading.Thread):
    def __init__(self, site: Site, stop: threading.Event, every: float = 2.0) -> None:
        super().__init__(daemon=True)
        self.site, self.stop, self.every = site, stop, every
        self.samples: list[tuple[float, int]] = []

    def run(self) -> None:
        start = time.monotonic()
        while not self.stop.wait(self.every):
            self.samples.append(
                (time.monotonic() - start, self.site.rss_kb(self.site.app_workers()))
            )


# --- Phases --------------------------------------------------------------------------------


def phase_soak(site: Site, urls: list[str], seconds: int, connections: int) -> dict:
    marker = "soak" + secrets.token_hex(4)
    stop = threading.Event()
    story = next(u for u in urls if u.count("/") >= 5)
    posters = [CommentPoster(site.port, story, marker, stop) for _ in range(2)]
    memory = MemorySampler(site, stop)
    for thread in [*posters, memory]:
        thread.start()
    load = run_wrk(site.port, urls, site.folder, seconds=seconds, connections=connections)
    stop.set()
    for thread in [*posters, memory]:
        thread.join(15)
    accepted = sum(p.accepted for p in posters)
    unanswered = sum(p.unanswered for p in posters)
    stored = site.stored_comments(marker)
    warm = [kb for t, kb in memory.samples if t >= seconds * 0.2]
    growth = (warm[-1] - warm[0]) / warm[0] * 100 if len(warm) >= 2 and warm[0] else None
    server_errors = sum(n for s, n in load["statuses"].items() if s >= 500)
    checks = {
        "no 5xx": server_errors == 0,
        "no socket errors": load["connect_errors"] + load["read_errors"] == 0,
        # Exactly, when every post was answered; a post left unanswered may be either.
        "every accepted comment stored": accepted > 0
        and accepted <= stored <= accepted + unanswered,
        "worker memory flat (<10 % after warm-up)": growth is not None and growth < 10,
    }
    return {
        "phase": "soak",
        "seconds": seconds,
        "connections": connections,
        "load": load,
        "requests_per_second": round(load["requests"] / (load["duration_us"] / 1e6), 1),
        "comments_accepted": accepted,
        "comments_stored": stored,
        "comment_posts_unanswered": unanswered,
        "comments_refused": dict(sum((p.refused for p in posters), Counter())),
        "a_refusal": next((p.sample_refusal for p in posters if p.sample_refusal), "")[:600],
        "worker_rss_kb_after_warmup": warm[0] if warm else None,
        "worker_rss_kb_at_end": warm[-1] if warm else None,
        "worker_rss_growth_percent": round(growth, 2) if growth is not None else None,
        "checks": checks,
    }


def _load_in_background(site: Site, urls: list[str], seconds: int, connections: int):
    box: dict = {}
    thread = threading.Thread(
        target=lambda: box.update(run_wrk(site.port, urls, site.folder, seconds=seconds,
                                          connections=connections)),
        daemon=True,
    )  # fmt: skip
    thread.start()
    return thread, box


def phase_kill_worker(site: Site, urls: list[str], seconds: int, connections: int) -> dict:
    before = site.app_workers()
    thread, load = _load_in_background(site, urls, seconds, connections)
    time.sleep(seconds / 3)
    victim = before[0]
    os.kill(victim, signal.SIGKILL)
    replaced = wait_until(lambda: len(site.app_workers()) >= len(before)
                          and victim not in site.app_workers(), 30)  # fmt: skip
    thread.join(seconds + 60)
    failures = (
        sum(n for s, n in load["statuses"].items() if s >= 500)
        + load["connect_errors"] + load["read_errors"] + load["write_errors"] + load["timeouts"]
    )  # fmt: skip
    # A gthread worker holds at most one request per thread and its keep-alive connections.
    held = connections
    return {
        "phase": "kill-worker",
        "killed_pid": victim,
        "workers_before": before,
        "workers_after": site.app_workers(),
        "replaced_after_seconds": round(replaced, 2) if replaced is not None else None,
        "load": load,
        "failures": failures,
        "checks": {
            "worker replaced": replaced is not None,
            "failures no more than the connections it held": failures <= held,
            "site serving afterwards": get(site.port, "/")[0] == 200,
        },
    }


def _outage_probe(site: Site, stop: threading.Event, seen: Counter, bodies: list) -> None:
    while not stop.is_set():
        try:
            status, body, _ = get(site.port, "/archive/?probe=" + secrets.token_hex(3), 3)
            seen[status] += 1
            if status >= 500 and len(bodies) < 3:
                bodies.append(body.decode("utf-8", "replace"))
        except OSError:
            seen["socket error"] += 1
        time.sleep(0.1)


def phase_postgres(site: Site, urls: list[str], seconds: int, connections: int) -> dict:
    assert site.postgres, "the postgres fault needs --database postgres"
    thread, load = _load_in_background(site, urls, seconds, connections)
    stop, seen, bodies = threading.Event(), Counter(), []
    probe = threading.Thread(target=_outage_probe, args=(site, stop, seen, bodies), daemon=True)
    probe.start()
    time.sleep(seconds / 4)
    site.postgres.stop()
    time.sleep(seconds / 4)
    down = Counter(seen)
    site.postgres.start()
    back = time.monotonic()
    recovered = wait_until(lambda: get(site.port, urls[0], 3)[0] == 200, 30)
    thread.join(seconds + 60)
    stop.set()
    probe.join(5)
    statuses = load["statuses"]
    return {
        "phase": "postgres",
        "load": load,
        "probe_while_down": {str(k): v for k, v in down.items()},
        "recovered_after_seconds": round(recovered, 2) if recovered is not None else None,
        "since_restart": round(time.monotonic() - back, 2),
        "checks": {
            "no 500 (only the clean 503)": statuses.get(500, 0) == 0 and seen.get(500, 0) == 0,
            "503 page shown while down": down.get(503, 0) > 0,
            "no traceback in any error page": not any("Traceback" in b for b in bodies),
            "503 page is the site's own": all("back in a moment" in b for b in bodies),
            "recovered within 10 s": recovered is not None and recovered <= 10,
        },
    }


def phase_redis(site: Site, urls: list[str], seconds: int, connections: int) -> dict:
    assert site.redis_server, "the redis fault needs --redis"
    thread, load = _load_in_background(site, urls, seconds, connections)
    time.sleep(seconds / 4)
    site.redis_server.stop()
    time.sleep(seconds / 4)
    during = get(site.port, urls[0])[0]
    site.redis_server.start()
    thread.join(seconds + 60)
    failures = sum(n for s, n in load["statuses"].items() if s >= 500)
    return {
        "phase": "redis",
        "load": load,
        "story_status_while_redis_down": during,
        "checks": {
            "no 5xx while Redis was down": failures == 0,
            "story served while Redis was down": during == 200,
            "no socket errors": load["connect_errors"] + load["read_errors"] == 0,
        },
    }


PHASES = {"kill-worker": phase_kill_worker, "postgres": phase_postgres, "redis": phase_redis}


def run(args: argparse.Namespace) -> dict:
    folder = Path(tempfile.mkdtemp(prefix="masthead-soak-"))
    if os.getuid() == 0:
        os.chmod(folder, 0o755)  # noqa: S103 - the private PostgreSQL runs as the postgres user
    site = Site(folder, database=args.database, redis=args.redis, workers=args.workers)
    report: dict = {"started": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "phases": []}
    try:
        site.build()
        site.start()
        urls = site.reader_urls()
        report["urls"] = len(urls)
        report["workers"] = len(site.app_workers())
        report["phases"].append(phase_soak(site, urls, args.duration, args.connections))
        for name in [f for f in args.faults.split(",") if f]:
            report["phases"].append(
                PHASES[name](site, urls, args.fault_seconds, min(args.connections, 32))
            )
    finally:
        site.stop()
        report["server_log_tail"] = (
            site.log.read_text(errors="replace")[-4000:] if site.log and site.log.exists() else ""
        )
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
    report["passed"] = all(all(p["checks"].values()) for p in report["phases"])
    return report


def markdown(report: dict) -> str:
    lines = [f"# Soak and faults ({report['started']})", ""]
    for phase in report["phases"]:
        load = phase["load"]
        lines.append(f"## {phase['phase']}")
        lines.append(
            f"- {load['requests']} requests, statuses {load['statuses']}, p50 {load['p50_ms']} ms,"
            f" p99 {load['p99_ms']} ms, socket errors "
            f"{load['connect_errors'] + load['read_errors'] + load['write_errors']},"
            f" timeouts {load['timeouts']}"
        )
        for key, value in phase.items():
            if key not in ("load", "checks", "phase"):
                lines.append(f"- {key}: {value}")
        for check, ok in phase["checks"].items():
            lines.append(f"- [{'x' if ok else ' '}] {check}")
        lines.append("")
    lines.append("PASSED" if report["passed"] else "FAILED")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=600, help="soak seconds (600)")
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--fault-seconds", type=int, default=30)
    parser.add_argument("--faults", default="kill-worker", help="kill-worker,postgres,redis")
    parser.add_argument("--database", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument("--redis", action="store_true", help="a private Redis as the cache")
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--keep", action="store_true", help="keep the temporary site folder")
    parser.add_argument("--output", type=Path, default=ROOT / "test-artifacts" / "soak")
    args = parser.parse_args(argv)
    report = run(args)
    args.output.mkdir(parents=True, exist_ok=True)
    name = f"soak-{args.database}{'-redis' if args.redis else ''}"
    (args.output / f"{name}.json").write_text(json.dumps(report, indent=2))
    (args.output / f"{name}.md").write_text(markdown(report))
    print(markdown(report))
    return 0 if report["passed"] else 1


if __name__ == "__main__":
    sys.exit(main())
