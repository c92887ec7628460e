"""How the site prints dates and times, each language its own way.

English as the wire stylebooks print it: "Feb 26" within the current year, "Feb. 26, 2026,
10:40 a.m." in a dateline, "noon". Spanish as the Real Academia's Ortografía and the Spanish-
language press write it: "26 feb.", "26 de febrero de 2026, 10:40 a. m.", "mediodía".
The language is the page's (the one active), or the one asked for.
"""

from __future__ import annotations

from datetime import datetime

from django.utils import timezone, translation

_ENGLISH_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_SPANISH_MONTHS = (
    "enero", "febrero", "marzo", "abril", "mayo", "junio",
    "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre",
)  # fmt: skip
_SPANISH_SHORT_MONTHS = (
    "ene.", "feb.", "mar.", "abr.", "may.", "jun.",
    "jul.", "ago.", "sept.", "oct.", "nov.", "dic.",
)  # fmt: skip
# Newspaper style for months in a dateline: the short months abbreviated with a point, March to
# July written out (as the wire services' stylebooks print them).
_DATELINE_MONTHS = (
    "Jan.", "Feb.", "March", "April", "May", "June",
    "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.",
)  # fmt: skip


def _spanish(language: str | None) -> bool:
    return (language or translation.get_language() or "en").startswith("es")


def short_date(
    moment: datetime, *, now: datetime | None = None, language: str | None = None
) -> str:
    local = timezone.localtime(moment)
    today = timezone.localtime(now or timezone.now())
    if _spanish(language):
        label = f"{local.day} {_SPANISH_SHORT_MONTHS[local.month - 1]}"
        return label if local.year == today.year else f"{label} {local.year}"
    label = f"{_ENGLISH_MONTHS[local.month - 1][:3]} {local.day}"
    if local.year != today.year:
        label += f", {local.year}"
    return label


def _meridiem(local: datetime, spanish: bool) -> str:
    if spanish:
        return "a. m." if local.hour < 12 else "p. m."
    return "a.m." if local.hour < 12 else "p.m."


def long_date(moment: datetime, *, language: str | None = None) -> str:
    """Full date and time for titles and the "Updated" line: "February 26, 2026, 3:05 p.m.",
    "26 de febrero de 2026, 3:05 p. m."."""
    local = timezone.localtime(moment)
    spanish = _spanish(language)
    hour = local.hour % 12 or 12
    clock = f"{hour}:{local:%M} {_meridiem(local, spanish)}"
    if spanish:
        return f"{local.day} de {_SPANISH_MONTHS[local.month - 1]} de {local.year}, {clock}"
    return f"{_ENGLISH_MONTHS[local.month - 1]} {local.day}, {local.year}, {clock}"


def ends_sentence(text: str) -> str:
    """``text`` with the full stop a sentence ends on, unless it ends on one ("p.m.")."""
    return text if text.endswith(".") else text + "."


def clock_time(moment: datetime, *, language: str | None = None) -> str:
    """The time of day as a newspaper prints it: "10:40 a.m.", "3 p.m.", "noon", "midnight";
    in Spanish "10:40 a. m.", "3 p. m.", "mediodía", "medianoche"."""
    local = timezone.localtime(moment)
    spanish = _spanish(language)
    if local.minute == 0 and local.hour in (0, 12):
        if spanish:
            return "medianoche" if local.hour == 0 else "mediodía"
        return "midnight" if local.hour == 0 else "noon"
    hour = local.hour % 12 or 12
    minutes = f":{local:%M}" if local.minute else ""
    return f"{hour}{minutes} {_meridiem(local, spanish)}"


def dateline_date(moment: datetime, *, language: str | None = None) -> str:
    """A story's or a comment's full time: "Dec. 1, 2026, 10:40 a.m.", "1 de diciembre de
    2026, 10:40 a. m."."""
    local = timezone.localtime(moment)
    clock = clock_time(local, language=language)
    if _spanish(language):
        return f"{local.day} de {_SPANISH_MONTHS[local.month - 1]} de {local.year}, {clock}"
    return f"{_DATELINE_MONTHS[local.month - 1]} {local.day}, {local.year}, {clock}"


def updated_date(moment: datetime, since: datetime | None, *, language: str | None = None) -> str:
    """The "Updated" time beside a dateline: the time alone on the day of ``since`` (the
    publication time), the full date and time on a later day."""
    if since is not None and timezone.localtime(moment).date() == timezone.localtime(since).date():
        return clock_time(moment, language=language)
    return dateline_date(moment, language=language)
