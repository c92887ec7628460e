"""How the site prints dates: "Feb 26" within the current year, "Feb 26, 2025" otherwise."""

from __future__ import annotations

from datetime import datetime

from django.utils import timezone


def short_date(moment: datetime, *, now: datetime | None = None) -> str:
    local = timezone.localtime(moment)
    today = timezone.localtime(now or timezone.now())
    label = f"{local:%b} {local.day}"
    if local.year != today.year:
        label += f", {local.year}"
    return label


def long_date(moment: datetime) -> str:
    """Full date and time for titles and the "Updated" line: "February 26, 2026, 3:05 p.m."."""
    local = timezone.localtime(moment)
    hour = local.hour % 12 or 12
    suffix = "a.m." if local.hour < 12 else "p.m."
    return f"{local:%B} {local.day}, {local.year}, {hour}:{local:%M} {suffix}"
