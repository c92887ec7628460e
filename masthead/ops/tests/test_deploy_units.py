"""The systemd units in deploy/systemd: they verify with systemd-analyze, run commands that this
install has, and keep the hardening an operator relies on."""

from __future__ import annotations

import configparser
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import get_commands

from masthead.ops.management.commands.serve import WORKER_ARGV

UNITS = Path(__file__).resolve().parents[3] / "deploy" / "systemd"
INSTALLED_MASTHEAD = "/opt/masthead/venv/bin/masthead"
HARDENING = {
    "NoNewPrivileges": "yes",
    "ProtectSystem": "strict",
    "ReadWritePaths": "/var/lib/masthead /srv/masthead/public",
    "PrivateTmp": "yes",
    "Restart": "on-failure",
    "User": "masthead",
}


def unit(name: str) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # systemd keys are case-sensitive
    parser.read_string((UNITS / name).read_text())
    return parser


def masthead_args(name: str) -> list[str]:
    command = shlex.split(unit(name)["Service"]["ExecStart"])
    assert command[0] == INSTALLED_MASTHEAD
    return command[1:]


@pytest.mark.parametrize("name", ["masthead-web.service", "masthead-worker.service"])
def test_units_are_hardened_and_read_the_environment_file(name):
    service = unit(name)["Service"]
    for key, value in HARDENING.items():
        assert service[key] == value, key
    assert service["EnvironmentFile"] == "/etc/masthead/masthead.env"
    assert unit(name)["Install"]["WantedBy"] == "multi-user.target"


def test_the_web_unit_runs_serve_without_the_worker_and_reloads_with_hup():
    args = masthead_args("masthead-web.service")
    assert args == ["serve", "--no-worker"]
    assert args[0] in get_commands()
    assert unit("masthead-web.service")["Service"]["ExecReload"] == "/bin/kill -HUP $MAINPID"


def test_the_worker_unit_runs_the_worker_that_serve_starts():
    args = masthead_args("masthead-worker.service")
    assert args == WORKER_ARGV[-1:]
    assert args[0] in get_commands()


@pytest.mark.skipif(not shutil.which("systemd-analyze"), reason="systemd-analyze not installed")
@pytest.mark.parametrize("name", ["masthead-web.service", "masthead-worker.service"])
def test_units_verify_with_systemd_analyze(name, tmp_path):
    # The unit as installed, but pointing at this checkout's own masthead command, which
    # systemd-analyze checks exists and is executable.
    here = str(Path(sys.executable).with_name("masthead"))
    copy = tmp_path / name
    copy.write_text((UNITS / name).read_text().replace(INSTALLED_MASTHEAD, here))
    result = subprocess.run(
        ["systemd-analyze", "verify", str(copy)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert "Unknown key" not in result.stderr
    assert "not executable" not in result.stderr
