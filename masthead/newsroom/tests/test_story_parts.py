"""The story page's stored parts (newsroom/story_parts.py) and the site's kept header: with the
page cache off, a story is read as one narrow row and its parts come from the store, and every
change a reader could see still shows on the next request."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from masthead.comments import spam
from masthead.comments.models import Comment
from masthead.comments.services import comment_remove, comment_submit
from masthead.newsroom import workflow
from masthead.newsroom.corrections import correction_add
from masthead.newsroom.models import Article
from masthead.newsroom.roles import EDITOR
from masthead.pagecache.tests.conftest import newsroom  # noqa: F401 (a fixture)
from masthead.testing.clock import frozen_clock
from masthead.testing.factories import make_article, make_comment, make_user

pytestmark = pytest.mark.django_db

STAMP = re.compile(r'name="stamp" value="([^"]+)"')


@pytest.fixture(autouse=True)
def _page_cache_off(settings):
    settings.MASTHEAD_PAGE_CACHE = False
    settings.MASTHEAD_STORY_PARTS = True


def _page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def _queries(client, url: str) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return [query["sql"] for query in captured.captured_queries]


def test_a_stored_story_costs_one_narrow_query_and_reads_the_same(client, newsroom):  # noqa: F811
    url = newsroom.story.get_absolute_url()
    cold = _queries(client, url)
    first = _page(client, url)
    warm = _queries(client, url)
    assert len(warm) == 1 < len(cold), warm
    assert "newsroom_article" in warm[0] and "body_html" not in warm[0]
    again = _page(client, url)
    assert STAMP.sub("", first) == STAMP.sub("", again)
    assert "Ferry returns to the north pier" in again


def test_each_reader_gets_a_fresh_stamp_that_the_comment_form_accepts(
    client,
    newsroom,  # noqa: F811
    monkeypatch,
):
    url = newsroom.story.get_absolute_url()
    stamps = {STAMP.search(_page(client, url)).group(1) for _ in range(3)}
    assert len(stamps) == 3
    page = _page(client, url)
    assert "masthead-stamp-slot" not in page
    later = time.time() + 30  # a reader takes a while to write (spam.MIN_SECONDS_TO_SUBMIT)
    monkeypatch.setattr(spam, "time", SimpleNamespace(time=lambda: later))
    response = client.post(
        reverse("comments:post", args=[newsroom.story.pk]),
        {"name": "Ana Reader", "email": "ana@example.com", "body": "The ferry was on time.",
         "stamp": STAMP.search(page).group(1), "parent": ""},
        HTTP_ORIGIN="http://testserver",
    )  # fmt: skip
    assert response.status_code in (302, 303), response.content[:500]
    assert Comment.objects.filter(article=newsroom.story, body="The ferry was on time.").exists()
    assert "The ferry was on time." in _page(client, url)


def _publish_new(ns) -> str:
    draft = make_article(section=ns.city, headline="Harbor gets a new crane", status="draft")
    workflow.article_publish(article=draft, user=make_user(role=EDITOR))
    return "Harbor gets a new crane"


def _edit_headline(ns) -> str:
    ns.story.headline = "Ferry is back at the north pier"
    ns.story.save()
    return "Ferry is back at the north pier"


def _edit_body(ns) -> str:
    ns.story.body = "The pier is mended and the timetable is back.\n\nMore to come."
    ns.story.save()
    return "The pier is mended and the timetable is back."


def _correct(ns) -> str:
    correction_add(article=ns.story, user=make_user(role=EDITOR), text="The pier is the north one.")
    return "The pier is the north one."


def _approve_comment(ns) -> str:
    comment_submit(
        article=ns.story, name="Ana Reader", email="ana@example.com",
        body="Glad the ferry is back.", ip="203.0.113.7",
    )  # fmt: skip
    return "Glad the ferry is back."


def _change_caption(ns) -> str:
    photo = ns.story.hero_photo
    photo.caption = "The ferry at the north pier on Tuesday."
    photo.save()
    return "The ferry at the north pier on Tuesday."


def _rename_tag(ns) -> str:
    ns.harbor.name = "Harbour"
    ns.harbor.save()
    return ">Harbour<"


def _rename_author(ns) -> str:
    ns.ana.name = "Ana Ruiz-Vega"
    ns.ana.save()
    return "Ana Ruiz-Vega"


def _rename_section(ns) -> str:
    ns.city.name = "Town"
    ns.city.save()
    return ">Town<"


CHANGES: dict[str, tuple[Callable, str]] = {
    # what happens: (the change, the story page that must show it)
    "publish": (_publish_new, "story"),
    "edit headline": (_edit_headline, "story"),
    "headline in another story's Recent Posts": (_edit_headline, "other"),
    "edit body": (_edit_body, "story"),
    "correction": (_correct, "story"),
    "approved comment": (_approve_comment, "story"),
    "photo caption": (_change_caption, "story"),
    "tag rename": (_rename_tag, "story"),
    "author rename": (_rename_author, "story"),
    "section rename (navigation and kicker)": (_rename_section, "story"),
}


@pytest.mark.parametrize("change", CHANGES)
def test_every_change_shows_on_the_next_request(client, newsroom, change):  # noqa: F811
    make, which = CHANGES[change]
    url = (newsroom.story if which == "story" else newsroom.other).get_absolute_url()
    _page(client, url)
    _page(client, url)  # from the store
    shown = make(newsroom)
    assert shown in _page(client, url), change


def test_a_removed_comment_leaves_the_page(client, newsroom):  # noqa: F811
    comment = make_comment(newsroom.story, body="This will be taken down.")
    url = newsroom.story.get_absolute_url()
    assert "This will be taken down." in _page(client, url)
    comment_remove(comment=comment)
    assert "This will be taken down." not in _page(client, url)


def test_an_unpublished_story_is_gone_at_once(client, newsroom):  # noqa: F811
    url = newsroom.story.get_absolute_url()
    _page(client, url)
    workflow.article_unpublish(article=newsroom.story, user=make_user(role=EDITOR))
    assert client.get(url).status_code in (404, 410)
    assert "Ferry returns to the north pier" not in _page(client, newsroom.other.get_absolute_url())


def test_a_story_whose_rights_end_is_gone_at_that_minute(client, newsroom):  # noqa: F811
    url = newsroom.story.get_absolute_url()
    ends = timezone.now() + timedelta(minutes=5)
    Article.objects.filter(pk=newsroom.story.pk).update(expires_at=ends)  # no signal: time does it
    with frozen_clock(ends - timedelta(seconds=1)) as clock:
        _page(client, url)
        _page(client, url)
        clock.advance(seconds=1)
        assert client.get(url).status_code in (404, 410)


def test_a_scheduled_story_joins_recent_posts_at_its_minute(client, newsroom):  # noqa: F811
    draft = make_article(
        section=newsroom.city, headline="Night ferry starts in May", status="draft"
    )
    go_live = timezone.now() + timedelta(hours=2)
    workflow.article_schedule(article=draft, user=make_user(role=EDITOR), publish_at=go_live)
    url = newsroom.story.get_absolute_url()
    with frozen_clock(go_live - timedelta(seconds=1)) as clock:
        assert "Night ferry starts in May" not in _page(client, url)
        assert "Night ferry starts in May" not in _page(client, url)
        clock.advance(seconds=1)
        assert "Night ferry starts in May" in _page(client, url)


def test_a_reply_form_sits_in_the_list_and_leaves_the_stored_parts_alone(client, newsroom):  # noqa: F811
    comment = make_comment(newsroom.story, body="Which pier exactly?")
    url = newsroom.story.get_absolute_url()
    _page(client, url)
    replying = _page(client, f"{url}?reply_to={comment.pk}")
    thread = replying[replying.index(f'id="comment-{comment.pk}"') :]
    assert thread.index('id="respond"') < thread.index("</article>")
    plain = _page(client, url)
    thread = plain[plain.index(f'id="comment-{comment.pk}"') :]
    assert thread.index("</article>") < thread.index('id="respond"')
    assert "Leave a comment" in plain


def test_staff_get_a_form_of_their_own_with_a_csrf_token(client, newsroom):  # noqa: F811
    url = newsroom.story.get_absolute_url()
    _page(client, url)
    client.force_login(make_user(role=EDITOR, is_staff=True))
    page = _page(client, url)
    assert 'name="csrfmiddlewaretoken"' in page
    assert STAMP.search(page)
    # Staff never read the shared store: the whole story is read for them.
    assert len(_queries(client, url)) > 1


def test_parts_are_kept_per_host(client, newsroom, settings):  # noqa: F811
    settings.ALLOWED_HOSTS = ["news.example", "mirror.example"]
    url = newsroom.story.get_absolute_url()
    first = client.get(url, HTTP_HOST="news.example").content.decode()
    second = client.get(url, HTTP_HOST="mirror.example").content.decode()
    assert "https://mirror.example" in second or "http://mirror.example" in second
    assert "mirror.example" not in first


def test_with_the_parts_off_every_request_reads_the_whole_story(client, newsroom, settings):  # noqa: F811
    settings.MASTHEAD_STORY_PARTS = False
    url = newsroom.story.get_absolute_url()
    _page(client, url)
    assert len(_queries(client, url)) > 1
