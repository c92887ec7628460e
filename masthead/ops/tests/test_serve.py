"""`masthead serve` for real: gunicorn on 127.0.0.1 with the shared config, keep-alive, a
graceful reload on HUP with requests still answered, a graceful stop on TERM; and the supervisor
that keeps the background worker running beside gunicorn."""

from __future__ import annotations

import http.client
import importlib
import json
import os
import signal
import socket
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

# Servers on SQLite files of their own, whatever database the suite is on.
pytestmark = pytest.mark.own_databases

ROOT = Path(__file__).resolve().parents[3]
MASTHEAD = [sys.executable, "-m", "masthead.cli"]
PORTS = range(8610, 8660)  # this branch's share of the machine's ports


def free_port() -> int:
    for port in PORTS:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) != 0:
                return port
    raise RuntimeError("no free port in 8610-8659")


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    ours = ("MASTHEAD_", "DATABASE_URL", "REDIS_URL", "DJANGO_", "PORT")
    env = {k: v for k, v in os.environ.items() if not k.startswith(ours)}
    env.update({"MASTHEAD_ENV": "demo", "MASTHEAD_DATA_DIR": str(tmp_path), **extra})
    return env


def children_of(pid: int) -> set[int]:
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        # Living children only: a worker that exited may stay a zombie until it is reaped.
        if int(fields[1]) == pid and fields[0] != "Z":
            found.add(int(stat.parent.name))
    return found


def wait_until(condition, seconds: float, what: str):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"{what} did not happen within {seconds} s")


def get(port: int, path: str = "/healthz") -> int:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", path)
        return connection.getresponse().status
    finally:
        connection.close()


def answers(port: int) -> bool:
    try:
        return get(port) == 200
    except OSError:
        return False


@pytest.fixture(params=[["--no-worker"]])
def server(request, tmp_path):
    port = free_port()
    # Files, not pipes: a pipe nobody reads fills up with log lines and blocks the workers.
    out, err = (tmp_path / "out.log").open("w+"), (tmp_path / "err.log").open("w+")
    process = subprocess.Popen(
        [*MASTHEAD, "serve", "--port", str(port), "--workers", "2", "--threads", "2",
         *request.param],
        env=_env(tmp_path, MASTHEAD_LOG_FORMAT="json"),
        cwd=ROOT,
        stdout=out,
        stderr=err,
        text=True,
        start_new_session=True,
    )  # fmt: skip
    process.logs = (out, err)
    try:
        wait_until(lambda: answers(port), 90, "the server answering")
        yield process, port
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
        out.close()
        err.close()


def test_serve_without_the_worker_reloads_and_stops_gracefully(server):
    process, port = server
    # --no-worker (as the systemd unit runs it): nothing to supervise, so this process is
    # gunicorn's master itself.
    old_workers = wait_until(lambda: len(children_of(process.pid)) == 2, 60, "2 workers") and (
        children_of(process.pid)
    )

    # Keep-alive: three requests over one connection.
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    for _ in range(3):
        connection.request("GET", "/healthz")
        response = connection.getresponse()
        assert response.read() == b"ok\n"
        assert not response.will_close
    first_socket = connection.sock
    connection.request("GET", "/healthz")
    connection.getresponse().read()
    assert connection.sock is first_socket
    connection.close()

    # Reload under traffic: every request is answered while the workers are replaced.
    statuses: list[int | str] = []
    stop = threading.Event()

    def traffic() -> None:
        while not stop.is_set():
            try:
                statuses.append(get(port))
            except OSError as exc:
                statuses.append(repr(exc))

    readers = [threading.Thread(target=traffic) for _ in range(3)]
    for reader in readers:
        reader.start()
    time.sleep(0.5)
    process.send_signal(signal.SIGHUP)

    def replaced() -> set[int]:
        now = children_of(process.pid)
        return now if len(now) == 2 and not now & old_workers else set()

    new_workers = wait_until(
        replaced,
        # Each new worker imports Django before the old ones go: slow on a busy machine.
        120,
        "new workers replacing the old ones",
    )
    time.sleep(0.5)
    stop.set()
    for reader in readers:
        reader.join()
    assert len(statuses) > 10
    assert set(statuses) == {200}, [s for s in statuses if s != 200][:5]
    assert process.poll() is None

    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=45) == 0
    assert not answers(port)
    for pid in new_workers:
        assert not Path(f"/proc/{pid}").exists() or "Z" in Path(f"/proc/{pid}/stat").read_text()
    out, err = (log.seek(0) or log.read() for log in process.logs)
    assert f"Masthead is serving on http://127.0.0.1:{port}/ (without the background" in out
    assert "masthead serve: warning" not in err
    # MASTHEAD_LOG_FORMAT=json: every line from gunicorn and the app is one JSON object, and
    # each request is logged once, by Masthead (gunicorn's access log is off).
    entries = [json.loads(line) for line in err.splitlines() if not line.startswith("masthead")]
    requests = [e for e in entries if e["logger"] == "masthead.request"]
    assert len(requests) >= len(statuses)
    assert {(e["method"], e["path"], e["status"], e["user"]) for e in requests} == {
        ("GET", "/healthz", 200, "anonymous")
    }
    assert all(len(e["request_id"]) == 32 and e["duration_ms"] >= 0 for e in requests)
    assert any(
        e["logger"] == "gunicorn.error" and "Handling signal" in e["message"] for e in entries
    ), [e["message"] for e in entries if e["logger"] != "masthead.request"]


def test_serve_starts_the_real_worker_whose_heartbeat_makes_the_site_ready(tmp_path):
    """As `make demo` runs it: gunicorn and `masthead worker` side by side on one SQLite
    file; /readyz turns 200 once the worker has beaten, and TERM stops both."""
    env = _env(tmp_path, MASTHEAD_READYZ_REQUIRE_WORKER="true")
    subprocess.run([*MASTHEAD, "migrate", "-v0"], env=env, cwd=ROOT, check=True)
    port = free_port()
    process = subprocess.Popen(
        [*MASTHEAD, "serve", "--port", str(port), "--workers", "1"],
        env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True,
    )  # fmt: skip
    try:
        wait_until(lambda: answers(port), 90, "the server answering")

        def ready() -> bool:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            try:
                connection.request("GET", "/readyz")
                return connection.getresponse().status == 200
            finally:
                connection.close()

        wait_until(ready, 90, "/readyz answering 200 after the worker's first heartbeat")
        children = children_of(process.pid)
        assert len(children) == 2  # gunicorn's master and the worker
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=60) == 0
        assert not any(Path(f"/proc/{pid}").exists() for pid in children if _alive(pid))
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=30)


def _alive(pid: int) -> bool:
    try:
        return "Z" not in Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False


SUPERVISED = textwrap.dedent(
    """
    import os, signal, sys, time
    from masthead.ops.management.commands.serve import Supervisor

    log = sys.argv[1]
    web = '''
    import os, signal, sys, time
    log = sys.argv[1]
    def note(what):
        with open(log, "a") as f: f.write(f"{what} {os.getpid()}\\\\n")
    signal.signal(signal.SIGHUP, lambda *a: note("web-hup"))
    signal.signal(signal.SIGTERM, lambda *a: (note("web-term"), sys.exit(int(sys.argv[2]))))
    note("web-start")
    deadline = time.monotonic() + float(sys.argv[3])
    while time.monotonic() < deadline: time.sleep(0.05)
    sys.exit(int(sys.argv[2]))
    '''
    worker = '''
    import os, sys, time
    with open(sys.argv[1], "a") as f: f.write(f"worker-start {os.getpid()}\\\\n")
    time.sleep(600)
    '''
    supervisor = Supervisor(
        [sys.executable, "-c", web, log, sys.argv[2], sys.argv[3]],
        [sys.executable, "-c", worker, log],
        dict(os.environ),
    )
    sys.exit(supervisor.run())
    """
)


def _supervise(tmp_path: Path, web_exit_code: int, web_lifetime: float):
    log = tmp_path / "children.log"
    log.touch()
    process = subprocess.Popen(
        [sys.executable, "-c", SUPERVISED, str(log), str(web_exit_code), str(web_lifetime)],
        cwd=ROOT,
        stderr=subprocess.PIPE,
        text=True,
    )
    return process, log


def _lines(log: Path, kind: str) -> list[int]:
    return [int(line.split()[1]) for line in log.read_text().splitlines() if line.startswith(kind)]


def test_the_supervisor_restarts_a_killed_worker_reloads_on_hup_and_stops_both(tmp_path):
    process, log = _supervise(tmp_path, web_exit_code=0, web_lifetime=600)
    try:
        (first,) = wait_until(lambda: _lines(log, "worker-start"), 30, "the worker starting")
        os.kill(first, signal.SIGKILL)
        second = wait_until(
            lambda: _lines(log, "worker-start")[1:], 30, "the killed worker replaced"
        )[0]
        assert second != first

        process.send_signal(signal.SIGHUP)
        wait_until(lambda: _lines(log, "web-hup"), 30, "gunicorn getting HUP")
        third = wait_until(
            lambda: _lines(log, "worker-start")[2:], 30, "the worker restarted on reload"
        )[0]
        assert not Path(f"/proc/{second}").exists()

        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=60) == 0
        assert _lines(log, "web-term")
        (web,) = _lines(log, "web-start")
        for pid in (web, third):
            assert not Path(f"/proc/{pid}").exists(), pid
    finally:
        if process.poll() is None:
            process.kill()
        err = process.communicate(timeout=30)[1]
    assert "the worker exited with code -9; starting it again" in err


def test_when_gunicorn_dies_the_supervisor_stops_the_worker_and_fails(tmp_path):
    process, log = _supervise(tmp_path, web_exit_code=3, web_lifetime=3)
    try:
        assert process.wait(timeout=60) == 3
        (worker,) = _lines(log, "worker-start")
        assert not Path(f"/proc/{worker}").exists()
    finally:
        if process.poll() is None:
            process.kill()
        err = process.communicate(timeout=30)[1]
    assert "gunicorn exited with code 3; stopping the worker" in err


def _conf(monkeypatch, **env: str):
    for name in ("MASTHEAD_WORKERS", "MASTHEAD_THREADS", "MASTHEAD_HOST", "PORT"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    import masthead.ops.gunicorn_conf as conf

    return importlib.reload(conf)


def test_gunicorn_config_sizes_workers_to_the_cores_and_reads_the_environment(monkeypatch):
    conf = _conf(monkeypatch)
    assert conf.workers == min(len(os.sched_getaffinity(0)), conf.MAX_DEFAULT_WORKERS)
    assert (conf.threads, conf.worker_class, conf.bind) == (4, "gthread", ["127.0.0.1:8000"])
    assert conf.keepalive >= 2 and conf.accesslog is None and conf.preload_app is False
    conf = _conf(monkeypatch, MASTHEAD_WORKERS="3", MASTHEAD_THREADS="2", MASTHEAD_HOST="::1")
    assert (conf.workers, conf.threads, conf.bind) == (3, 2, ["[::1]:8000"])


@pytest.mark.parametrize(
    ("env", "message"),
    [({"MASTHEAD_WORKERS": "many"}, "whole number"), ({"PORT": "0"}, "at least 1")],
)
def test_gunicorn_config_refuses_bad_values_in_one_line(monkeypatch, env, message):
    with pytest.raises(SystemExit, match=message):
        _conf(monkeypatch, **env)
    _conf(monkeypatch)
