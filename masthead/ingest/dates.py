"""Dates from foreign sources, always returned timezone-aware (or None).

feedparser's ``*_parsed`` values are UTC ``struct_time``s with the original offset thrown away,
so feeds are read from their raw strings here instead. No dateutil: the formats we meet are
RFC 822 (RSS, email), ISO 8601 / RFC 3339 (Atom, JSON exports) and MySQL's
``YYYY-MM-DD HH:MM:SS`` (WordPress).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from email.utils import parsedate_to_datetime

_ISO_RE = re.compile(
    r"^\s*(\d{4})-?(\d{2})-?(\d{2})"
    r"(?:[T ](\d{2}):?(\d{2})(?::?(\d{2})(?:[.,](\d+))?)?)?"
    r"\s*(Z|[+-]\d{2}(?::?\d{2})?)?\s*$",
    re.IGNORECASE,
)
_ZERO_DATES = {"", "0000-00-00 00:00:00", "0000-00-00T00:00:00", "0000-00-00"}


def parse_datetime(value: object, *, default_tz: tzinfo | None = UTC) -> datetime | None:
    """Parse ISO 8601 or RFC 822 text; naive values get ``default_tz`` (None: give up)."""
    if value is None:
        return None
    if isinstance(value, datetime):
        parsed: datetime | None = value
    elif isinstance(value, int | float) and not isinstance(value, bool):
        # Unix time in seconds, or milliseconds (Ghost, Wix APIs).
        seconds = value / 1000 if value > 1e11 else value
        try:
            return datetime.fromtimestamp(seconds, tz=UTC)
        except (OverflowError, OSError, ValueError):
            return None
    elif isinstance(value, str):
        text = value.strip()
        if text in _ZERO_DATES:
            return None
        parsed = _parse_iso(text) or _parse_rfc822(text)
    else:
        return None
    if parsed is None:
        return None
    if parsed.utcoffset() is None:
        if default_tz is None:
            return None
        parsed = parsed.replace(tzinfo=default_tz)
    return parsed


def _parse_iso(text: str) -> datetime | None:
    match = _ISO_RE.match(text)
    if not match:
        return None
    year, month, day, hour, minute, second, fraction, zone = match.groups()
    micro = int((fraction or "0")[:6].ljust(6, "0"))
    tz: tzinfo | None = None
    if zone:
        if zone.upper() == "Z":
            tz = UTC
        else:
            digits = zone[1:].replace(":", "")
            offset = int(digits[:2]) * 60 + int(digits[2:4] or 0)
            tz = _offset(-offset if zone[0] == "-" else offset)
    try:
        return datetime(
            int(year), int(month), int(day),
            int(hour or 0), int(minute or 0), int(second or 0), micro, tzinfo=tz,
        )  # fmt: skip
    except (ValueError, OverflowError):
        return None


def _parse_rfc822(text: str) -> datetime | None:
    try:
        parsed = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        parsed = None
    if parsed is None and (english := _english_rfc822(text)) != text:
        try:
            parsed = parsedate_to_datetime(english)
        except (TypeError, ValueError, IndexError, OverflowError):
            return None
    # A missing zone, "-0000" and unknown zone names come back naive; the caller's
    # default_tz decides what they mean.
    return parsed


# Month names and abbreviations in Portuguese, Spanish, German and French (accents folded),
# as feeds of those languages write them in an otherwise RFC 822 date.
_MONTHS = {
    "Jan": "jan janeiro ene enero januar janv janvier jän jaen",
    "Feb": "fev fevereiro feb febrero februar fevr fevrier févr février",
    "Mar": "mar marco março marzo mär maer mrz marz märz mars",
    "Apr": "abr abril apr april avr avril",
    "May": "mai maio may mayo",
    "Jun": "jun junho junio juni juin",
    "Jul": "jul julho julio juli juil juillet",
    "Aug": "ago agosto aug august aout août",
    "Sep": "set setembro sep sept septiembre setiembre september septembre",
    "Oct": "out outubro oct octubre okt oktober octobre",
    "Nov": "nov novembro noviembre november novembre",
    "Dec": "dez dezembro dic diciembre dezember dec déc decembre décembre",
}
_MONTH_OF = {name: english for english, names in _MONTHS.items() for name in names.split()}
_WEEKDAY_RE = re.compile(r"^\s*[^\W\d_]+\.?,?\s+(?=\d)")
_WORD_RE = re.compile(r"[^\W\d_]+\.?")


def _english_rfc822(text: str) -> str:
    """``text`` with a foreign weekday dropped (it is optional) and a foreign month named in
    English, so the standard parser reads "Sáb, 03 Fev 2024 10:00:00 -0300"."""
    text = _WEEKDAY_RE.sub("", text)

    def month(match: re.Match[str]) -> str:
        word = match.group(0).rstrip(".").lower()
        return _MONTH_OF.get(word, match.group(0))

    return _WORD_RE.sub(month, text, count=1)


def _offset(minutes: int) -> tzinfo:
    return UTC if minutes == 0 else timezone(timedelta(minutes=minutes))
