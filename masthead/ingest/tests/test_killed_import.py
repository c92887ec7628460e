"""An import killed mid-way (SIGKILL: no clean-up runs) and run again: every story once, each
one whole. The run happens in real processes on a database file of its own, as an operator's
would."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

MASTHEAD = Path(sys.executable).parent / "masthead"
ITEMS = 150


def _paragraphs(n: int) -> list[str]:
    return [
        f"Paragraph {p} of story {n}: the harbor commission met again on Tuesday to weigh "
        f"the dredging contract, and residents asked how long the work would close the pier."
        for p in range(1, 7)
    ]


def _feed(path: Path) -> None:
    start = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)
    items = []
    for n in range(1, ITEMS + 1):
        body = "".join(f"<p>{escape(p)}</p>" for p in _paragraphs(n))
        items.append(
            f"<item><title>Harbor story number {n}</title>"
            f"<link>https://wire.example/stories/{n}</link>"
            f"<guid>https://wire.example/stories/{n}</guid>"
            f"<pubDate>{format_datetime(start + timedelta(minutes=n))}</pubDate>"
            f"<description>{escape(body)}</description></item>"
        )
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        "<title>Wire</title><link>https://wire.example/</link><description>Wire</description>"
        + "".join(items)
        + "</channel></rss>"
    )


def _env(data: Path) -> dict[str, str]:
    env = {**os.environ, "MASTHEAD_ENV": "development", "MASTHEAD_DATA_DIR": str(data)}
    env["DATABASE_URL"] = ""
    env["MASTHEAD_DEBUG"] = "false"
    return env


def _count(env: dict[str, str], expression: str) -> str:
    code = f"from masthead.newsroom.models import Article as A; print({expression})"
    result = subprocess.run(
        [str(MASTHEAD), "shell", "-c", code], env=env, capture_output=True, text=True, check=True
    )
    return result.stdout.strip().splitlines()[-1]


@pytest.mark.own_databases
def test_an_import_killed_mid_way_and_run_again_leaves_each_story_once_and_whole(tmp_path):
    env = _env(tmp_path / "data")
    subprocess.run([str(MASTHEAD), "migrate", "-v0"], env=env, check=True)
    feed = tmp_path / "wire.xml"
    _feed(feed)
    command = [str(MASTHEAD), "import", "rss", str(feed), "--source-label", "wire"]

    first = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    imported = 0
    while time.monotonic() < deadline and first.poll() is None:
        imported = int(_count(env, "A.objects.count()"))
        if imported >= 10:
            break
        time.sleep(0.3)
    assert first.poll() is None, "the import finished before it could be killed: make it larger"
    first.send_signal(signal.SIGKILL)
    first.wait(10)
    partly = int(_count(env, "A.objects.count()"))
    assert 0 < partly < ITEMS

    again = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stderr

    assert _count(env, "A.objects.count()") == str(ITEMS)
    assert _count(env, "A.objects.values('original_url').distinct().count()") == str(ITEMS)
    # Whole: every story has all six paragraphs of its source, none cut off.
    paragraphs = _count(env, "sorted(set(a.body.count('<p>') for a in A.objects.all()))")
    assert paragraphs == "[6]"
