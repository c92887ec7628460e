"""`masthead worker` busy beside the server on one SQLite file (WAL): does anyone see
"database is locked"?

    .venv/bin/python bench/worker_beside_server.py            # 30 s, port 8765
    .venv/bin/python bench/worker_beside_server.py --seconds 60 --port 8701

In a throwaway data folder it loads the demo newsroom, strips every photo's renditions and the
search index (so the worker has writes to do), points a wire source at a local feed, then for
the given time runs together: `masthead serve`, `masthead worker --sleep 1`, a process saving
stories as editors do and asking for every job to run again, and readers fetching a story page.
Prints the readers' statuses, the editor's saves and errors, the jobs the worker ran and every
log line that mentions a lock or a traceback. 127.0.0.1 only; stops by itself.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FEED = REPO / "masthead" / "ingest" / "tests" / "fixtures" / "hosted-blog.rss.xml"

SETUP = """
from django.db import connection
from masthead.ingest.models import WireSource
from masthead.newsroom.models import Article
from masthead.photos.models import Photo
Photo.objects.update(renditions={})
WireSource.objects.create(name="Local feed", format="rss", location=FEED, poll_minutes=1)
connection.cursor().execute("DELETE FROM search_storytext")
print(Article.objects.live().order_by("-published_at").first().get_absolute_url())
"""

EDITOR = """
import time
from masthead.newsroom.models import Article
from masthead.tasks.models import PeriodicJob
from masthead.tasks.scheduler import job_run_now
end, saves, errors = time.time() + SECONDS, 0, 0
while time.time() < end:
    try:
        for story in Article.objects.order_by("?")[:3]:
            story.dek = f"Updated at {time.time():.3f}"
            story.save()
            saves += 1
        job_run_now(list(PeriodicJob.objects.values_list("pk", flat=True)))
    except Exception as exc:
        errors += 1
        print("ERROR", type(exc).__name__, exc, flush=True)
    time.sleep(0.1)
print(f"editor: {saves} story saves, {errors} errors")
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("--port", type=int, default=8765)
    options = parser.parse_args()
    data = Path(tempfile.mkdtemp(prefix="masthead-worker-bench-"))
    env = {**os.environ, "MASTHEAD_ENV": "demo", "MASTHEAD_DATA_DIR": str(data), "DATABASE_URL": ""}
    masthead = [sys.executable, "-m", "masthead.cli"]
    logs: dict[str, Path] = {name: data / f"{name}.log" for name in ("serve", "worker", "editor")}
    running: list[subprocess.Popen] = []
    try:
        # Our own interpreter with fixed arguments throughout: S603 does not apply.
        subprocess.run([*masthead, "demo"], env=env, cwd=REPO, check=True, capture_output=True)
        (data / "imports").mkdir(exist_ok=True)
        feed = data / "imports" / "feed.xml"
        shutil.copy(FEED, feed)
        story = subprocess.run(
            [*masthead, "shell", "-c", SETUP.replace("FEED", repr(str(feed)))],
            env=env, cwd=REPO, check=True, capture_output=True, text=True,
        ).stdout.strip().splitlines()[-1]  # fmt: skip

        def start(name: str, *args: str) -> None:
            with logs[name].open("w") as log:
                running.append(
                    subprocess.Popen(
                        [*masthead, *args], env=env, cwd=REPO, stdout=log, stderr=subprocess.STDOUT
                    )
                )

        start("serve", "serve", "--port", str(options.port))
        base = f"http://127.0.0.1:{options.port}"
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/", timeout=2).close()  # noqa: S310 - 127.0.0.1
                break
            except OSError:
                time.sleep(0.2)
        start("worker", "worker", "--sleep", "1")
        start("editor", "shell", "-c", EDITOR.replace("SECONDS", str(options.seconds)))
        statuses: Counter[int | str] = Counter()
        deadline = time.monotonic() + options.seconds

        def read() -> None:
            while time.monotonic() < deadline:
                try:
                    with urllib.request.urlopen(base + story, timeout=10) as response:  # noqa: S310
                        statuses[response.status] += 1
                except urllib.error.HTTPError as exc:
                    statuses[exc.code] += 1
                except OSError as exc:
                    statuses[type(exc).__name__] += 1

        readers = [threading.Thread(target=read) for _ in range(4)]
        for reader in readers:
            reader.start()
        for reader in readers:
            reader.join()
        running[2].wait(timeout=60)  # the editor stops by itself
        running[1].send_signal(signal.SIGTERM)
        worker_exit = running[1].wait(timeout=120)
        print(f"readers: {dict(statuses)} in {options.seconds} s (4 at once)")
        editor_lines = logs["editor"].read_text().strip().splitlines()
        print(editor_lines[-1])
        for error in sorted(set(line for line in editor_lines if line.startswith("ERROR")))[:10]:
            print("  " + error[:300])
        worker_log = logs["worker"].read_text()
        runs = Counter(
            line.split(" Running ", 1)[1] for line in worker_log.splitlines() if " Running " in line
        )
        print(f"worker: exit {worker_exit} after SIGTERM; job runs {dict(runs)}")
        trouble = [
            f"{name}: {line}"
            for name, path in logs.items()
            for line in path.read_text().splitlines()
            if "locked" in line.lower() or "Traceback" in line
        ]
        print(f"lines about locks or tracebacks: {len(trouble)}")
        for line in trouble[:20]:
            print("  " + line)
    finally:
        for process in running:
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    process.kill()
        shutil.rmtree(data, ignore_errors=True)


if __name__ == "__main__":
    main()
