"""Gunicorn's configuration for Masthead: the one file that ``masthead serve``, the systemd unit
(deploy/systemd/masthead-web.service) and the bench harness all load, with
``gunicorn -c python:masthead.ops.gunicorn_conf masthead.wsgi:application``.

Every value comes from the environment (``masthead serve --workers/--threads/--host/--port``
set these variables for its gunicorn):

MASTHEAD_HOST, PORT     where to listen (127.0.0.1:8000)
MASTHEAD_WORKERS        worker processes (default: see default_workers())
MASTHEAD_THREADS        threads per worker process (default 4)
MASTHEAD_KEEPALIVE      seconds an idle keep-alive connection stays open (default 5)
MASTHEAD_TIMEOUT        seconds before a stuck worker is killed and replaced (default 30)
FORWARDED_ALLOW_IPS     proxies whose X-Forwarded-* headers gunicorn trusts (127.0.0.1)

Signals (gunicorn's own): HUP reloads gracefully, starting new workers on the newly installed
code and retiring the old ones once their requests are done; TERM stops gracefully, finishing
requests in flight for up to ``graceful_timeout`` seconds; TTIN/TTOU add or remove a worker.
"""

from __future__ import annotations

import os

# Not "import masthead.settings": this module is read by gunicorn's master before Django is set
# up, and must not touch the database or the settings' required values.


def _env_int(name: str, default: int, minimum: int = 1) -> int:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise SystemExit(f"masthead: error: {name} must be a whole number, not {raw!r}.") from None
    if value < minimum:
        raise SystemExit(f"masthead: error: {name} must be at least {minimum}, not {value}.")
    return value


def cores() -> int:
    """The cores this process may run on (a container's or systemd's CPU affinity), not the
    machine's."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


# Worker processes: one per core, each with 4 threads. Measured on this project's 2-core machine
# with the demo story and wrk -c32 (bench/serve_sizing.py, figures in docs/deploy.md): 2 x 4
# served 38.8 and 37.5 req/s in two runs, against 33.6 and 28.2 for 3 x 4, 28.3 and 33.2 for
# 5 x 2, 20.5 for 5 x 1 and 33.1 for 2 x 8: extra processes only fought over the cores and
# added memory, while threads cover the waits on the database and the cache. The cap keeps a
# big machine from starting dozens of copies of the app.
MAX_DEFAULT_WORKERS = 8


def default_workers() -> int:
    return min(cores(), MAX_DEFAULT_WORKERS)


_host = os.environ.get("MASTHEAD_HOST", "127.0.0.1").strip() or "127.0.0.1"
_port = _env_int("PORT", 8000)
if _port > 65535:
    raise SystemExit(f"masthead: error: PORT must be between 1 and 65535, not {_port}.")

wsgi_app = "masthead.wsgi:application"
bind = [f"[{_host}]:{_port}" if ":" in _host else f"{_host}:{_port}"]
workers = _env_int("MASTHEAD_WORKERS", default_workers())
threads = _env_int("MASTHEAD_THREADS", 4)
worker_class = "gthread"
keepalive = _env_int("MASTHEAD_KEEPALIVE", 5)
timeout = _env_int("MASTHEAD_TIMEOUT", 30)
graceful_timeout = 30
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# Not preloaded: each worker imports the app itself, so a HUP after an upgrade runs new code.
preload_app = False
# Requests are logged by Masthead's own middleware (with the request id, user and duration, as
# JSON with MASTHEAD_LOG_FORMAT=json); gunicorn logs only its own events, to stderr.
accesslog = None
errorlog = "-"
loglevel = os.environ.get("MASTHEAD_GUNICORN_LOG_LEVEL", "info")
# Workers' liveness files on a RAM disk, never on a slow or full data disk.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None  # noqa: S108
proc_name = "masthead"
# gunicorn's control socket would sit in the user's home (~/.gunicorn/gunicorn.ctl), shared by
# every gunicorn of that user and unwritable under systemd's ProtectHome: signals do its job.
control_socket_disable = True
# Request line and header limits (nginx in front is stricter; these hold without it too).
limit_request_line = 8190
limit_request_fields = 100
# With MASTHEAD_LOG_FORMAT=json gunicorn's own messages (starts, reloads, a worker killed) are
# JSON lines too, so a log collector reads one format from the whole process tree.
if os.environ.get("MASTHEAD_LOG_FORMAT", "").strip().lower() == "json":
    logconfig_dict = {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": "masthead.ops.logging.JsonFormatter"}},
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "formatter": "json",
                "stream": "ext://sys.stderr",
            }
        },
        "loggers": {
            "gunicorn.error": {"handlers": ["console"], "level": "INFO", "propagate": False},
            "gunicorn.access": {"handlers": [], "propagate": False},
        },
    }
