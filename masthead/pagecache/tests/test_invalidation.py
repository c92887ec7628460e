"""Each change in the newsroom refreshes the story's page and every list, feed and sitemap it
appears in, at once, and leaves the other stored pages alone."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from masthead.comments.models import Comment
from masthead.comments.services import comment_remove, comment_submit
from masthead.newsroom import workflow
from masthead.newsroom.corrections import correction_add
from masthead.newsroom.roles import EDITOR
from masthead.testing.factories import make_article, make_comment, make_user

from .conftest import pages_of

pytestmark = pytest.mark.django_db


def _warm(client, pages: dict[str, str]) -> None:
    for name, url in pages.items():
        first = client.get(url)
        assert first.status_code == 200, name
        assert client.get(url)["X-Cache"] == "hit", name


def _refreshed(client, pages: dict[str, str]) -> set[str]:
    """The pages whose next request is made afresh (or no longer answers 200)."""
    found = set()
    for name, url in pages.items():
        response = client.get(url)
        if response.status_code != 200 or response["X-Cache"] != "hit":
            found.add(name)
    return found


STORY_LISTS = {
    "home", "archive", "city", "tag harbor", "author ana", "search",
}  # fmt: skip
ITS_PAGES = {"story", "other story"}  # Recent Posts and related stories list other stories
STORY_FEEDS = {"site feed", "city feed", "harbor feed", "ana feed", "sitemap index", "news sitemap"}
UNRELATED = {"sports", "tag derby", "author tom", "sports feed", "tom feed", "robots"}


def _publish_new(ns) -> None:
    draft = make_article(
        section=ns.city, headline="Harbor gets a new crane", authors=[ns.ana], tags=[ns.harbor],
        status="draft",
    )  # fmt: skip
    workflow.article_publish(article=draft, user=make_user(role=EDITOR))


def _edit_body(ns) -> None:
    ns.story.body = "The ferry is back, and the pier is mended.\n\nMore to come."
    ns.story.save()


def _edit_headline(ns) -> None:
    ns.story.headline = "Ferry is back at the north pier"
    ns.story.save()


def _unpublish(ns) -> None:
    workflow.article_unpublish(article=ns.story, user=make_user(role=EDITOR))


def _correct(ns) -> None:
    correction_add(article=ns.story, user=make_user(role=EDITOR), text="The pier is the north one.")


def _approve_comment(ns) -> None:
    comment_submit(
        article=ns.story, name="Ana Reader", email="ana@example.com",
        body="Glad the ferry is back.", ip="203.0.113.7",
    )  # fmt: skip


def _remove_comment(ns) -> None:
    comment_remove(comment=Comment.objects.get(article=ns.story))


def _change_photo(ns) -> None:
    photo = ns.story.hero_photo
    photo.caption = "The ferry at the north pier on Tuesday."
    photo.save()


def _rename_tag(ns) -> None:
    ns.harbor.name = "Harbour"
    ns.harbor.save()


def _rename_author(ns) -> None:
    ns.ana.name = "Ana Ruiz-Vega"
    ns.ana.save()


def _rename_section(ns) -> None:
    ns.city.name = "Town"
    ns.city.save()


EVENTS: dict[str, tuple[Callable, set[str] | None, set[str]]] = {
    # event: (what it does, pages it must refresh (None: all), pages it must leave alone)
    "publish": (_publish_new, {*ITS_PAGES, *STORY_LISTS, *STORY_FEEDS}, UNRELATED),
    "edit body": (_edit_body, {"story", *STORY_LISTS, *STORY_FEEDS}, {"other story", *UNRELATED}),
    "edit headline": (_edit_headline, {*ITS_PAGES, *STORY_LISTS, *STORY_FEEDS}, UNRELATED),
    "unpublish": (_unpublish, {*ITS_PAGES, *STORY_LISTS, *STORY_FEEDS}, UNRELATED),
    "correction": (
        _correct, {"story", "corrections", *STORY_LISTS, *STORY_FEEDS}, {"other story", *UNRELATED}
    ),
    "approved comment": (
        _approve_comment, {"story", *STORY_LISTS},
        {"other story", "corrections", *STORY_FEEDS, *UNRELATED},
    ),
    "removed comment": (
        _remove_comment, {"story", *STORY_LISTS},
        {"other story", "corrections", *STORY_FEEDS, *UNRELATED},
    ),
    "photo change": (_change_photo, {*ITS_PAGES, *STORY_LISTS, *STORY_FEEDS}, UNRELATED),
    "tag rename": (
        _rename_tag, {"story", "tag harbor", "harbor feed", "site feed", "city feed", "ana feed"},
        {"other story", "home", "archive", "city", "author ana", "search", *UNRELATED},
    ),
    "author rename": (
        _rename_author, {"story", *STORY_LISTS, *STORY_FEEDS}, {"other story", *UNRELATED}
    ),
    "section rename": (_rename_section, None, set()),
}  # fmt: skip


@pytest.mark.parametrize("event", EVENTS)
def test_each_change_refreshes_exactly_what_shows_it(client, newsroom, event):
    change, refreshed, untouched = EVENTS[event]
    if event == "removed comment":
        make_comment(newsroom.story)
    pages = pages_of(newsroom)
    _warm(client, pages)
    change(newsroom)
    found = _refreshed(client, pages)
    expected = set(pages) if refreshed is None else refreshed
    assert expected - found == set(), f"{event} left these stale"
    assert found & untouched == set(), f"{event} refreshed these needlessly"


def test_a_refreshed_page_shows_the_change(client, newsroom):
    pages = pages_of(newsroom)
    _warm(client, pages)
    _edit_headline(newsroom)
    for name in ("home", "city", "tag harbor", "author ana", "other story", "site feed"):
        assert "Ferry is back at the north pier" in client.get(pages[name]).content.decode(), name
    assert "Ferry is back" in client.get(newsroom.story.get_absolute_url()).content.decode()


def test_a_draft_edit_refreshes_nothing(client, newsroom):
    draft = make_article(section=newsroom.city, status="draft", tags=[newsroom.harbor])
    pages = pages_of(newsroom)
    _warm(client, pages)
    draft.body = "Still a draft."
    draft.save()
    assert _refreshed(client, pages) == set()
