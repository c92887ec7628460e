"""RFC 822 dates with day and month names in Portuguese, Spanish, German and French."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from masthead.ingest.dates import parse_datetime
from masthead.ingest.formats import rss


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sáb, 03 Fev 2024 10:00:00 -0300", datetime(2024, 2, 3, 13, tzinfo=UTC)),
        ("qua, 15 set 2021 14:20:00 -0300", datetime(2021, 9, 15, 17, 20, tzinfo=UTC)),
        ("Dom, 12 Dic 2021 18:00:00 GMT", datetime(2021, 12, 12, 18, tzinfo=UTC)),
        ("jue, 04 abr 2024 09:00:00 +0200", datetime(2024, 4, 4, 7, tzinfo=UTC)),
        ("Mi, 07 Mär 2024 08:00:00 +0100", datetime(2024, 3, 7, 7, tzinfo=UTC)),
        ("Do, 01 Okt 2020 10:00:00 +0200", datetime(2020, 10, 1, 8, tzinfo=UTC)),
        ("mar., 05 mars 2024 09:30:00 +0100", datetime(2024, 3, 5, 8, 30, tzinfo=UTC)),
        ("lun., 21 déc. 2020 12:00:00 +0100", datetime(2020, 12, 21, 11, tzinfo=UTC)),
        ("ven., 14 août 2020 06:00:00 +0200", datetime(2020, 8, 14, 4, tzinfo=UTC)),
        ("Tue, 05 Mar 2024 10:00:00 GMT", datetime(2024, 3, 5, 10, tzinfo=UTC)),
    ],
)
def test_foreign_rfc822_dates(text: str, expected: datetime) -> None:
    assert parse_datetime(text) == expected


@pytest.mark.parametrize("text", ["Xyz, 05 Foo 2024 10:00:00 GMT", "soon", "32 Fev 2024"])
def test_an_unreadable_date_is_none_never_now(text: str) -> None:
    assert parse_datetime(text) is None


def test_a_portuguese_feed_keeps_its_dates() -> None:
    feed = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Jornal do Porto</title><link>https://jornal.example/</link>
<item><title>Câmara aprova orçamento</title><link>https://jornal.example/orcamento</link>
<pubDate>Sáb, 03 Fev 2024 10:00:00 -0300</pubDate>
<description>A câmara aprovou o orçamento.</description></item>
</channel></rss>""".encode()
    (story,) = rss.parse(feed).records
    assert story.published == datetime(2024, 2, 3, 10, tzinfo=timezone(timedelta(hours=-3)))
