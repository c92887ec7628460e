from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from masthead.testing.factories import (
    make_article,
    make_author,
    make_comment,
    make_photo,
    make_publication,
    make_section,
    make_tag,
)


@pytest.fixture
def newsroom(transactional_db):
    """A small newsroom: two sections, a syndicated lead story with a photo, and older stories."""
    make_publication(name="The Test Gazette", tagline="News for the harbor towns")
    city = make_section(name="City", slug="city", position=0)
    sports = make_section(name="Sports", slug="sports", position=1)
    ana = make_author(name="Ana Ruiz", slug="ana-ruiz", title="City reporter",
                      photo=make_photo(alt_text=""))  # fmt: skip
    gazette = make_author(name="The Test Gazette", slug="gazette", kind="organization")
    harbor = make_tag(name="Harbor")
    for i in range(25):
        make_article(
            section=sports if i % 2 else city,
            headline=f"Older story number {i} about the harbor towns",
            dek="A short summary of an older story.",
            authors=[ana],
            tags=[harbor],
            hero_photo=make_photo() if i % 3 == 0 else None,
        )
    lead = make_article(
        section=city,
        headline="Ferry service returns to the north pier after repairs",
        dek="Boats resume Monday after a two-month repair of the landing.",
        body="\n\n".join(
            [f"Paragraph {i} of the ferry story, with a quote from a rider." for i in range(17)]
        ),
        writer=gazette,
        byline_text="Dana Whitfield, Lakeshore News Service",
        hero_photo=make_photo(
            alt_text="A white ferry docks at a wooden pier under a grey sky.",
            caption="The ferry docks at the north pier on Monday morning.",
            photographer="Lou Chen",
            agency="Lakeshore News Service",
        ),
        tags=[harbor],
        source_name="Lakeshore News Service",
        source_credit="Distributed by Lakeshore News Service.",
        original_url="https://courier.example/ferry",
        published_at=timezone.now() - timedelta(minutes=1),
    )
    make_comment(lead, author_name="Kind Reader", body="Glad to see the ferry back.")
    return lead
