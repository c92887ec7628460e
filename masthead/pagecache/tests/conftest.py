from __future__ import annotations

from types import SimpleNamespace

import pytest

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
    """Two sections, two tags, two authors; a story in each section, and an older one."""
    # Comments never close: the factories date stories further back the more tests have run.
    publication = make_publication(
        name="The Test Gazette", comment_moderation="none", comments_close_after_days=0
    )
    city, sports = (
        make_section(name="City", slug="city"),
        make_section(name="Sports", slug="sports"),
    )
    harbor, derby = make_tag(name="Harbor", slug="harbor"), make_tag(name="Derby", slug="derby")
    ana = make_author(name="Ana Ruiz", slug="ana-ruiz")
    tom = make_author(name="Tom Bell", slug="tom-bell")
    story = make_article(
        section=city, headline="Ferry returns to the north pier", authors=[ana], tags=[harbor],
        hero_photo=make_photo(),
    )  # fmt: skip
    other = make_article(
        section=sports, headline="Derby ends in a late draw", authors=[tom], tags=[derby]
    )
    return SimpleNamespace(
        publication=publication, city=city, sports=sports, harbor=harbor, derby=derby,
        ana=ana, tom=tom, story=story, other=other,
    )  # fmt: skip


def pages_of(ns) -> dict[str, str]:
    """Every reader page of the little newsroom, by a short name."""
    return {
        "story": ns.story.get_absolute_url(),
        "other story": ns.other.get_absolute_url(),
        "home": "/",
        "archive": "/archive/",
        "city": "/city/",
        "sports": "/sports/",
        "tag harbor": "/tag/harbor/",
        "tag derby": "/tag/derby/",
        "author ana": "/author/ana-ruiz/",
        "author tom": "/author/tom-bell/",
        "site feed": "/feeds/rss/",
        "city feed": "/feeds/section/city/atom/",
        "sports feed": "/feeds/section/sports/rss/",
        "harbor feed": "/feeds/tag/harbor/rss/",
        "ana feed": "/feeds/author/ana-ruiz/json/",
        "tom feed": "/feeds/author/tom-bell/rss/",
        "sitemap index": "/sitemap.xml",
        "news sitemap": "/sitemap-news.xml",
        "corrections": "/corrections/",
        "search": "/search/",
        "robots": "/robots.txt",
    }
