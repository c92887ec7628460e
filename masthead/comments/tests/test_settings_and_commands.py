from __future__ import annotations

import os
import subprocess
import sys
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from masthead.comments.models import Comment
from masthead.testing.factories import make_comment

PRINT_POLICY = "import masthead.settings as s; print(repr(s.MASTHEAD_COMMENTS_MODERATION))"


def _settings_with(**env: str) -> subprocess.CompletedProcess:
    """Import the settings module in a fresh interpreter with these environment variables."""
    return subprocess.run(
        [sys.executable, "-c", PRINT_POLICY],
        env={**os.environ, "MASTHEAD_ENV": "test", **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize("value", ["all", "first-time", "none", "NONE "])
def test_the_moderation_override_accepts_the_three_policies(value):
    result = _settings_with(MASTHEAD_COMMENTS_MODERATION=value)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == repr(value.strip().lower())


def test_an_unknown_moderation_override_stops_the_start_with_a_clear_message():
    result = _settings_with(MASTHEAD_COMMENTS_MODERATION="sometimes")
    assert result.returncode != 0
    assert (
        "ImproperlyConfigured: MASTHEAD_COMMENTS_MODERATION must be one of all, first-time or none"
        in result.stderr
    )
    assert "'sometimes'" in result.stderr


def test_without_the_override_each_publication_decides():
    env = {k: v for k, v in os.environ.items() if k != "MASTHEAD_COMMENTS_MODERATION"}
    result = subprocess.run(
        [sys.executable, "-c", PRINT_POLICY],
        env={**env, "MASTHEAD_ENV": "test"}, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.stdout.strip() == "''"


@pytest.mark.django_db
def test_purge_spam_comments_command(story, capsys):
    make_comment(story, status="spam", created_at=timezone.now() - timedelta(days=40))
    make_comment(story, status="spam", created_at=timezone.now() - timedelta(days=5))
    call_command("purge_spam_comments", "--days", "30")
    assert capsys.readouterr().out.strip() == "Deleted 1 spam comment."
    assert Comment.objects.count() == 1
