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


def ends_sentence(text: str) -> str:
    """``text`` with the full stop a sentence ends on, unless it ends on one ("p.m.")."""
    return text if text.endswith(".") else text + "."


# Newspaper style for months in a dateline: the short months abbreviated with a point, March to
# July written out (as the wire services' stylebooks print them).
_DATELINE_MONTHS = (
    "Jan.", "Feb.", "March", "April", "May", "June",
    "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.",
)  # fmt: skip


def clock_time(moment: datetime) -> str:
    """The time of day as a newspaper prints it: "10:40 a.m.", "3 p.m.", "noon", "midnight"."""
    local = timezone.localtime(moment)
    if local.minute == 0 and local.hour in (0, 12):
        return "midnight" if local.hour == 0 else "noon"
    hour = local.hour % 12 or 12
    suffix = "a.m." if local.hour < 12 else "p.m."
    minutes = f":{local:%M}" if local.minute else ""
    return f"{hour}{minutes} {suffix}"


def dateline_date(moment: datetime) -> str:
    """A story's or a comment's full time: "Dec. 1, 2026, 10:40 a.m."."""
    local = timezone.localtime(moment)
    return f"{_DATELINE_MONTHS[local.month - 1]} {local.day}, {local.year}, {clock_time(local)}"


def updated_date(moment: datetime, since: datetime | None) -> str:
    """The "Updated" time beside a dateline: the time alone on the day of ``since`` (the
    publication time), the full date and time on a later day."""
    if since is not None and timezone.localtime(moment).date() == timezone.localtime(since).date():
        return clock_time(moment)
    return dateline_date(moment)
