"""The benchmark harness end to end, briefly: one target, one round of one second. It checks
the report's shape and that the run measured something; speed itself is never asserted here
(`make bench` measures it, docs/performance.md records it)."""

from __future__ import annotations

import json
import socket
import subprocess
import sys

import pytest

from bench import front

# Its servers run on SQLite files of their own, whatever database the suite is on: once, in the
# SQLite pass of `make test`, is enough.
pytestmark = pytest.mark.own_databases


def test_harness_runs_and_writes_a_well_formed_report(tmp_path):
    out = tmp_path / "out"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "bench.front",
            "--targets",
            "constant",
            "--connections",
            "4",
            "--duration",
            "1",
            "--rounds",
            "2",
            "--warmup",
            "1",
            "--port-base",
            "8570",
            "--workers",
            "1",
            "--workdir",
            str(tmp_path / "run"),
            "--out",
            str(out),
        ],
        cwd=front.REPO,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads((out / "front.json").read_text())
    assert report["settings"]["connections"] == [4]
    assert report["settings"]["gunicorn"] == "1 workers x 4 threads, gthread"
    assert [run["round"] for run in report["runs"]] == [1, 2]
    for run in report["runs"]:
        assert run["target"] == "constant"
        assert run["requests"] > 0
        assert run["errors"] == 0
        assert 0 < run["p50_ms"] <= run["p99_ms"] <= run["max_ms"]
    row = report["summary"]["targets"]["constant"]["4"]
    assert row["rounds"] == 2
    assert row["requests_per_s"] > 0
    assert report["targets"]["constant"]["check"]["second"]["status"] == 200
    summary = (out / "front.md").read_text()
    assert "| constant | 4 |" in summary
    # No server is left behind: the constant view's port is free again.
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # TIME_WAIT is fine
        probe.bind(("127.0.0.1", front.Ports(8570).constant))


def test_harness_refuses_unknown_targets_and_bad_numbers():
    with pytest.raises(SystemExit):
        front.parse_args(["--targets", "varnish"])
    with pytest.raises(SystemExit):
        front.parse_args(["--connections", "sixteen"])
    with pytest.raises(SystemExit):
        front.parse_args(["--duration", "0"])


def test_ratios_compare_targets_measured_in_the_same_run():
    options = front.parse_args(["--targets", "cached,constant", "--connections", "16"])
    runs = [
        {"target": "cached", "connections": 16, "requests_per_s": 900.0, "p50_ms": 1.0,
         "p99_ms": 4.0, "errors": 0},
        {"target": "constant", "connections": 16, "requests_per_s": 1000.0, "p50_ms": 1.0,
         "p99_ms": 3.0, "errors": 0},
    ]  # fmt: skip
    checks = front.summarize(options, runs)["checks"]
    assert checks == [
        {
            "ratio": "cached / constant",
            "connections": 16,
            "value": 0.9,
            "target": ">= 0.8",
            "met": True,
        }
    ]
