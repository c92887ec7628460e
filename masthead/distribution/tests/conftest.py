from __future__ import annotations

from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import pytest
from django.utils import timezone

from masthead.testing.factories import (
    make_article,
    make_author,
    make_photo,
    make_publication,
    make_section,
    make_tag,
)


@pytest.fixture
def newsroom(db):
    """A publication in New York time with a signed local story, a syndicated wire story, and
    stories that must never reach machines: a draft, a future scheduled story, a pulled one."""
    publication = make_publication(
        name="The Test Gazette", tagline="News for the harbor towns", language="en"
    )
    city = make_section(name="City", slug="city")
    sports = make_section(name="Sports", slug="sports")
    ana = make_author(name="Ana Ruiz", slug="ana-ruiz", title="City reporter")
    tom = make_author(name="Tom Bell", slug="tom-bell")
    desk = make_author(name="The Test Gazette", slug="gazette", kind="organization")
    harbor = make_tag(name="Harbor", slug="harbor")
    local = make_article(
        section=city,
        headline="Ferry service returns to the north pier",
        dek="Boats resume Monday after a two-month repair.",
        body="The ferry is back.\n\n![The new ramp](/media/ramp.jpg)\n\n[Timetable](/city/)",
        authors=[ana, tom],
        writer=desk,
        tags=[harbor],
        hero_photo=make_photo(
            caption="The ferry docks on Monday.", photographer="Lou Chen", agency="Gazette Photo"
        ),
        published_at=timezone.now() - timedelta(hours=3),
    )
    wire = make_article(
        section=sports,
        headline="Rowing club wins the regional cup",
        body="A close race on the river.",
        writer=desk,
        byline_text="Dana Whitfield, Lakeshore News Service",
        source_name="Lakeshore News Service",
        source_credit="Distributed by Lakeshore News Service.",
        original_url="https://courier.example/sports/rowing",
        tags=[harbor],
        published_at=timezone.now() - timedelta(hours=5),
    )
    old = make_article(
        section=city,
        headline="Council approved the harbor budget last year",
        authors=[ana],
        published_at=datetime(2025, 6, 1, 14, tzinfo=UTC),
    )
    hidden = [
        make_article(
            section=city, headline="Draft about the harbor", status="draft", tags=[harbor]
        ),
        make_article(
            section=city,
            headline="Scheduled harbor story",
            status="scheduled",
            authors=[tom],
            tags=[harbor],
            published_at=timezone.now() + timedelta(hours=2),
        ),
        make_article(
            section=sports,
            headline="Pulled harbor story",
            status="unpublished",
            published_at=timezone.now() - timedelta(hours=1),
        ),
    ]
    return SimpleNamespace(
        publication=publication, city=city, sports=sports, ana=ana, tom=tom, desk=desk,
        harbor=harbor, local=local, wire=wire, old=old, hidden=hidden,
    )  # fmt: skip
