from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from django.utils import timezone

from masthead.newsroom.dates import long_date, short_date


def test_short_date_omits_the_year_within_the_current_year():
    now = datetime(2026, 11, 28, 12, tzinfo=UTC)
    assert short_date(datetime(2026, 2, 26, 15, tzinfo=UTC), now=now) == "Feb 26"


def test_short_date_shows_the_year_for_another_year():
    now = datetime(2026, 11, 28, 12, tzinfo=UTC)
    assert short_date(datetime(2025, 2, 26, 15, tzinfo=UTC), now=now) == "Feb 26, 2025"


def test_dates_are_shown_in_the_active_time_zone():
    moment = datetime(2026, 3, 1, 3, 30, tzinfo=UTC)  # still Feb 28 in New York
    with timezone.override(ZoneInfo("America/New_York")):
        assert short_date(moment, now=moment) == "Feb 28"
        assert long_date(moment) == "February 28, 2026, 10:30 p.m."
