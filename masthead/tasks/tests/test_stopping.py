"""SIGTERM and SIGINT stop the worker after the job in hand, never in the middle of one."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest

from masthead.tasks.models import PeriodicJob
from masthead.tasks.schedule import periodic_job_add
from masthead.tasks.worker import Worker

REPO = Path(__file__).resolve().parents[3]


@pytest.fixture
def own_signal_handlers():
    saved = {sig: signal.getsignal(sig) for sig in (signal.SIGTERM, signal.SIGINT)}
    yield
    for sig, handler in saved.items():
        signal.signal(sig, handler)


@pytest.mark.django_db
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_a_stop_signal_lets_the_job_in_hand_finish(registry, own_signal_handlers, sig) -> None:
    steps: list[str] = []

    def long_job() -> str:
        steps.append("started")
        os.kill(os.getpid(), sig)  # systemd stopping the worker mid-job
        time.sleep(0.05)
        steps.append("finished")
        return "all written"

    periodic_job_add("long", long_job, every=timedelta(hours=1))
    periodic_job_add("next", lambda: steps.append("next"), every=timedelta(hours=1))
    worker = Worker(sleep=30)
    worker.signals_install()
    worker.run()  # returns: the signal stopped the loop, without waiting out the 30 s sleep
    assert steps == ["started", "finished"]
    long = PeriodicJob.objects.get(name="long")
    assert long.last_status == PeriodicJob.Status.SUCCEEDED and long.claimed_by == ""
    assert PeriodicJob.objects.get(name="next").last_status == PeriodicJob.Status.NEVER


def _masthead(data_dir: Path, *args: str, **kwargs) -> subprocess.Popen:
    env = {
        **os.environ,
        "MASTHEAD_ENV": "demo",
        "MASTHEAD_DATA_DIR": str(data_dir),
        "DATABASE_URL": "",
        "PYTHONUNBUFFERED": "1",
    }
    command = [sys.executable, "-m", "masthead.cli", *args]
    return subprocess.Popen(command, env=env, cwd=REPO, text=True, **kwargs)


@pytest.mark.own_databases
def test_masthead_worker_runs_on_a_sqlite_file_and_stops_on_sigterm(tmp_path: Path) -> None:
    """The real command on a WAL SQLite file, as `make demo` runs it beside the server."""
    migrate = _masthead(tmp_path, "migrate", "--no-input", stdout=subprocess.DEVNULL)
    assert migrate.wait(timeout=300) == 0
    worker = _masthead(
        tmp_path, "worker", "--sleep", "1", stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    lines: list[str] = []
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            line = worker.stdout.readline()
            if not line:
                break
            lines.append(line)
            if "task-results-prune:" in line:  # the last job of the first pass
                break
        worker.send_signal(signal.SIGTERM)
        assert worker.wait(timeout=30) == 0
        lines.append(worker.stdout.read())
    finally:
        if worker.poll() is None:
            worker.kill()
            worker.wait()
        worker.stdout.close()
    output = "".join(lines)
    assert "stopping after the job in hand" in output and "stopped." in output
    assert "Traceback" not in output and "database is locked" not in output
    with sqlite3.connect(tmp_path / "masthead.sqlite3") as db:
        states = dict(db.execute("SELECT name, last_status FROM tasks_periodicjob"))
        journal = db.execute("PRAGMA journal_mode").fetchone()[0]
    assert journal == "wal"
    assert set(states) >= {"wire-sources", "photo-renditions", "missing-photos", "spam-purge"}
    assert set(states.values()) == {"succeeded"}
