"""A frozen clock for tests of time: scheduled stories, preview link expiry.

Patches ``django.utils.timezone.now`` (what Masthead, ``live()`` and ``auto_now`` read) and the
clock of ``django.core.signing`` (what signed preview links read), and nothing else, so pytest
and the database keep their real time.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from types import SimpleNamespace
from unittest import mock

from django.core import signing


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def advance(self, **delta: float) -> datetime:
        self.now += timedelta(**delta)
        return self.now


@contextmanager
def frozen_clock(moment: datetime) -> Iterator[Clock]:
    clock = Clock(moment)
    fake_time = SimpleNamespace(time=lambda: clock.now.timestamp())
    with (
        mock.patch("django.utils.timezone.now", side_effect=lambda: clock.now),
        mock.patch.object(signing, "time", fake_time),
    ):
        yield clock
