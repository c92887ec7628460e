"""The `masthead` command: its commands, its version, and one clear line for a bad setting."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

import masthead

# The masthead command in fresh processes with settings of their own.
pytestmark = pytest.mark.own_databases

ROOT = Path(__file__).resolve().parents[3]


def _masthead(args: list[str], env: dict[str, str], tmp_path: Path) -> subprocess.CompletedProcess:
    ours = ("MASTHEAD_", "DATABASE_URL", "REDIS_URL", "DJANGO_")
    clean = {k: v for k, v in os.environ.items() if not k.startswith(ours)}
    clean.update({"MASTHEAD_DATA_DIR": str(tmp_path), **env})
    return subprocess.run(
        [sys.executable, "-m", "masthead.cli", *args],
        env=clean,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_masthead_command_lists_the_product_commands(tmp_path):
    result = _masthead(["help"], {"MASTHEAD_ENV": "test"}, tmp_path)
    assert result.returncode == 0, result.stderr
    for command in ("demo", "serve", "check", "createsuperuser", "migrate"):
        assert command in result.stdout


def test_version_needs_no_settings(tmp_path):
    # Production with nothing configured: the version still answers.
    result = _masthead(["--version"], {"MASTHEAD_ENV": "production"}, tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"masthead {masthead.__version__} (Django 5.2")


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"MASTHEAD_ENV": "production"}, "MASTHEAD_SECRET_KEY is not set"),
        (
            {"MASTHEAD_ENV": "production", "MASTHEAD_SECRET_KEY": secrets.token_urlsafe(60)},
            "MASTHEAD_ALLOWED_HOSTS is not set",
        ),
        ({"MASTHEAD_ENV": "staging"}, "MASTHEAD_ENV must be one of"),
        ({"MASTHEAD_ENV": "demo", "MASTHEAD_PAGE_SIZE": "ten"}, "must be a whole number"),
        ({"MASTHEAD_ENV": "demo", "MASTHEAD_LOG_FORMAT": "xml"}, "MASTHEAD_LOG_FORMAT must be"),
        ({"MASTHEAD_ENV": "demo", "DATABASE_REPLICA_URL": "nosuch://x"}, "DATABASE_REPLICA_URL"),
    ],
)
@pytest.mark.parametrize("command", ["serve", "migrate", "check"])
def test_a_bad_setting_stops_the_start_with_one_line(env, message, command, tmp_path):
    result = _masthead([command], env, tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("masthead: error: ")
    assert message in lines[0]
    assert "Traceback" not in result.stderr


def test_serve_rejects_a_port_out_of_range():
    with pytest.raises(CommandError, match="--port"):
        call_command("serve", "--port", "70000")


def test_serve_rejects_no_workers():
    with pytest.raises(CommandError, match="--workers must be at least 1"):
        call_command("serve", "--workers", "0")


def test_serve_rejects_a_wrong_worker_switch(monkeypatch):
    monkeypatch.setenv("MASTHEAD_WORKER", "sometimes")
    with pytest.raises(CommandError, match="MASTHEAD_WORKER must be on or off"):
        call_command("serve")
