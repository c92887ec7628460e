"""Which gunicorn sizing serves the demo story fastest on this machine: processes x threads.

    MASTHEAD_DATA_DIR=/tmp/sizing MASTHEAD_ENV=demo .venv/bin/masthead demo   # once
    MASTHEAD_DATA_DIR=/tmp/sizing MASTHEAD_ENV=demo .venv/bin/python bench/serve_sizing.py \
        --port 8600 [--sizes 2x4,3x4,5x1,5x2] [--seconds 10] [--connections 32]

Each sizing starts gunicorn with masthead/ops/gunicorn_conf.py on 127.0.0.1, warms it up, runs
wrk (Debian's wrk) against the demo's first published story, prints requests per second and
latency, and stops the server. wrk shares the cores with the server: compare the rows of one
run, not numbers across machines.
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def story_path() -> str:
    code = (
        "import django; django.setup(); from masthead.newsroom.models import Article; "
        "print(Article.objects.filter(status='published').first().get_absolute_url())"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "masthead.settings"}
    return subprocess.run(
        [sys.executable, "-c", code], env=env, check=True, capture_output=True, text=True
    ).stdout.strip()


def wait_for(url: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 - 127.0.0.1
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"the server did not answer {url} within {seconds} s")


def measure(size: str, port: int, path: str, seconds: int, connections: int) -> str:
    workers, threads = size.split("x")
    env = {**os.environ, "PORT": str(port), "MASTHEAD_WORKERS": workers}
    env.update({"MASTHEAD_THREADS": threads, "MASTHEAD_ACCESS_LOG": "off"})
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "python:masthead.ops.gunicorn_conf"],
        env=env,
        cwd=ROOT,
        stderr=subprocess.DEVNULL,
    )
    try:
        url = f"http://127.0.0.1:{port}{path}"
        wait_for(url)
        subprocess.run(["wrk", "-t2", "-c8", "-d2s", url], capture_output=True, check=True)
        out = subprocess.run(
            ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", url],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=60)
    rps = re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)
    p50 = re.search(r"50%\s+(\S+)", out).group(1)
    p99 = re.search(r"99%\s+(\S+)", out).group(1)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return (
        f"{size:>5}  {rps:>8} req/s  p50 {p50:>8}  p99 {p99:>8}  "
        f"non-2xx {errors.group(1) if errors else 0}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--port", type=int, default=8600)
    parser.add_argument("--sizes", default="2x4,3x4,5x1,5x2")
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=32)
    args = parser.parse_args()
    path = story_path()
    print(f"cores: {len(os.sched_getaffinity(0))}  story: {path}  wrk -c{args.connections}")
    for size in args.sizes.split(","):
        print(measure(size, args.port, path, args.seconds, args.connections), flush=True)


if __name__ == "__main__":
    main()
