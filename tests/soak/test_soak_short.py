"""The short version of `make soak`: the same script, for seconds instead of minutes.

It builds a production-settings site of its own (its own SQLite file, or its own PostgreSQL
cluster and Redis server, which it stops and starts), so it runs once, in the SQLite pass of
`make test`, whatever database the suite itself is on."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SOAK = Path(__file__).resolve().parents[2] / "bench" / "soak.py"

pytestmark = [
    pytest.mark.own_databases,
    pytest.mark.skipif(not shutil.which("wrk"), reason="wrk is installed by `make test`"),
]


def _soak(tmp_path: Path, *args: str) -> dict:
    result = subprocess.run(
        [sys.executable, str(SOAK), "--output", str(tmp_path), *args],
        capture_output=True, text=True, timeout=900,
    )  # fmt: skip
    reports = list(tmp_path.glob("*.json"))
    assert reports, result.stdout + result.stderr
    report = json.loads(reports[0].read_text())
    failed = {p["phase"]: [c for c, ok in p["checks"].items() if not ok] for p in report["phases"]}
    assert report["passed"], f"{failed}\n{result.stdout[-3000:]}"
    return report


def test_soak_with_a_worker_killed_on_sqlite(tmp_path):
    report = _soak(tmp_path, "--duration", "15", "--connections", "16",
                   "--faults", "kill-worker", "--fault-seconds", "12")  # fmt: skip
    soak = report["phases"][0]
    assert soak["comments_accepted"] > 0
    assert soak["comments_accepted"] == soak["comments_stored"]
    assert [p["phase"] for p in report["phases"]] == ["soak", "kill-worker"]


@pytest.mark.skipif(
    not Path("/usr/lib/postgresql").exists() or not shutil.which("redis-server"),
    reason="needs PostgreSQL's server binaries and redis-server",
)
def test_postgres_and_redis_stopped_mid_load(tmp_path):
    report = _soak(tmp_path, "--database", "postgres", "--redis", "--duration", "8",
                   "--connections", "8", "--faults", "postgres,redis",
                   "--fault-seconds", "16")  # fmt: skip
    outage = next(p for p in report["phases"] if p["phase"] == "postgres")
    assert outage["recovered_after_seconds"] <= 10
    assert outage["probe_while_down"].get("503", 0) > 0
