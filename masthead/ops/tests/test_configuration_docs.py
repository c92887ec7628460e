"""Every environment variable the code reads is documented in docs/configuration.md and listed
in .env.example, and .env.example names nothing the code does not read."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
# Where settings are read: the settings module, and what gunicorn and `masthead serve` read.
READERS = [
    "masthead/settings.py",
    "masthead/ops/gunicorn_conf.py",
    "masthead/ops/management/commands/serve.py",
]
READ = re.compile(
    r"""(?:env_\w+|_env_int|os\.environ\.get|os\.getenv|env\.get)\(\s*"([A-Z][A-Z0-9_]+)"|"""
    r"""os\.environ\[\s*"([A-Z][A-Z0-9_]+)"\s*\]"""
)
NOT_SETTINGS = {"DJANGO_SETTINGS_MODULE"}


def names_read() -> set[str]:
    found = set()
    for path in READERS:
        for match in READ.finditer((ROOT / path).read_text()):
            found.add(match.group(1) or match.group(2))
    return found - NOT_SETTINGS


def names_in_env_example() -> set[str]:
    pattern = re.compile(r"^#?\s*([A-Z][A-Z0-9_]+)=", re.MULTILINE)
    return set(pattern.findall((ROOT / ".env.example").read_text()))


def test_the_scan_finds_the_settings_it_should():
    # A guard on the scanner itself: these are read in three different ways.
    assert {"MASTHEAD_SECRET_KEY", "MASTHEAD_ACCESS_LOG", "MASTHEAD_WORKERS", "PORT"} <= (
        names_read()
    )


def test_every_setting_is_documented_in_configuration_md():
    documented = set(
        re.findall(r"`([A-Z][A-Z0-9_]+)`", (ROOT / "docs/configuration.md").read_text())
    )
    assert names_read() - documented == set()


def test_every_setting_is_in_env_example_and_nothing_else():
    listed = names_in_env_example()
    assert names_read() - listed == set()
    assert listed - names_read() == set()
