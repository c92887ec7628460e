"""Comments on the story page and in story lists: threads, counts, closing, query counts, and
nothing cached hiding a new comment."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from masthead.comments.models import Comment
from masthead.comments.services import comment_approve, comment_remove
from masthead.testing.factories import make_article, make_comment

from .conftest import form_data

# Query counts are of pages being made, not served from the page cache.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_off")]


def _ids_in_order(html: str) -> list[int]:
    return [int(n) for n in re.findall(r'<article id="comment-(\d+)"', html)]


def test_threads_show_in_order_with_replies_under_their_comment(client, story):
    now = timezone.now()

    def at(minutes: int, **fields) -> Comment:
        return make_comment(story, created_at=now - timedelta(minutes=60 - minutes), **fields)

    first = at(1, body="First.")
    second = at(2, body="Second.")
    reply_to_first_late = at(5, parent=first, body="Late reply to first.")
    reply_to_first = at(3, parent=first, body="Reply to first.")
    reply_to_second = at(4, parent=second, body="Reply to second.")
    at(6, body="Held.", status="pending")
    at(7, parent=first, body="Held reply.", status="pending")
    html = client.get(story.get_absolute_url()).content.decode()
    assert _ids_in_order(html) == [
        first.pk, reply_to_first.pk, reply_to_first_late.pk, second.pk, reply_to_second.pk,
    ]  # fmt: skip
    replies = html[html.index('<ol class="comment-replies">') :]
    assert replies.index("Reply to first.") < replies.index("</ol>")
    assert "Held." not in html and "Held reply." not in html
    assert '<span class="comment-total">(5)</span>' in html
    assert '<a href="#comments">5 comments</a>' in html


def test_a_removed_comment_keeps_its_replies_under_a_note(client, story):
    head = make_comment(story, body="Soon removed.")
    reply = make_comment(story, parent=head, body="A reply that stays.")
    lonely = make_comment(story, body="Removed with no replies.")
    comment_remove(comment=head)
    comment_remove(comment=lonely)
    html = client.get(story.get_absolute_url()).content.decode()
    assert "Soon removed." not in html and "Removed with no replies." not in html
    assert "This comment is no longer shown." in html
    assert _ids_in_order(html) == [head.pk, reply.pk]
    assert '<span class="comment-total">(1)</span>' in html
    assert f"?reply_to={head.pk}" not in html  # nobody replies to a removed comment


def test_no_comments_yet(client, story):
    html = client.get(story.get_absolute_url()).content.decode()
    assert "No comments yet." in html
    assert "comment-total" not in html


def test_a_story_past_its_closing_days_shows_comments_but_no_form(client, publication):
    publication.comments_close_after_days = 3
    publication.save()
    old = make_article(published_at=timezone.now() - timedelta(days=4))
    make_comment(old, body="From when it was open.")
    html = client.get(old.get_absolute_url()).content.decode()
    assert "From when it was open." in html
    assert "Comments on this story are closed." in html
    assert "comment-form" not in html
    assert "?reply_to=" not in html


def test_the_form_says_when_comments_close(client, story, publication):
    publication.comments_close_after_days = 10
    publication.save()
    html = client.get(story.get_absolute_url()).content.decode()
    assert re.search(r"Comments close <time datetime=\"[^\"]+\"[^>]*>", html)


def _story_with_comments(count: int, section):
    article = make_article(section=section)
    for i in range(count // 2):
        top = make_comment(article, body=f"Comment {i} https://link.example/{i}")
        make_comment(article, parent=top, body=f"Reply {i}")
    return article


def test_story_page_query_count_is_the_same_with_0_and_100_comments(client, story):
    client.get("/")  # warm the publication and navigation caches, as on a running site
    counts = []
    for size in (0, 100):
        article = _story_with_comments(size, story.section)
        assert Comment.objects.filter(article=article).count() == size
        with CaptureQueriesContext(connection) as captured:
            response = client.get(article.get_absolute_url())
        assert response.status_code == 200
        assert response.content.decode().count('<article id="comment-') == size
        counts.append(len(captured.captured_queries))
    assert counts[0] == counts[1], counts


def test_the_error_page_costs_no_more_queries_with_more_comments(client, story):
    client.get("/")
    counts = []
    for size in (0, 40):
        article = _story_with_comments(size, story.section)
        with CaptureQueriesContext(connection) as captured:
            response = client.post(f"/comments/{article.pk}/", form_data(name=""))
        assert response.status_code == 400
        counts.append(len(captured.captured_queries))
    assert counts[0] == counts[1], counts


def test_story_lists_show_comment_counts_in_one_query(client, story):
    make_comment(story)
    make_comment(story)
    make_comment(story, status="pending")
    make_comment(story, status="spam")
    html = client.get("/archive/").content.decode()
    assert re.search(r'#comments">2 comments<span class="visually-hidden"> on', html)
    client.get("/city/")
    counts = []
    for extra in (0, 15):
        for _ in range(extra):
            make_comment(make_article(section=story.section))
        with CaptureQueriesContext(connection) as captured:
            client.get("/city/")
        counts.append(len(captured.captured_queries))
    assert counts[0] == counts[1], counts


@pytest.mark.parametrize("url", ["/", "/archive/", "/city/"])
def test_every_story_list_shows_the_count(client, story, url):
    make_comment(story)
    assert "1 comment<span" in client.get(url).content.decode()


def test_a_new_or_approved_comment_shows_at_once(client, story, publication):
    url = story.get_absolute_url()
    client.get(url)  # whatever could be cached is now cached
    client.post(f"/comments/{story.pk}/", form_data(body="Published at once."))
    assert "Published at once." in client.get(url).content.decode()
    publication.comment_moderation = "all"
    publication.save()
    client.post(f"/comments/{story.pk}/", form_data(body="Held, then approved."))
    assert "Held, then approved." not in client.get(url).content.decode()
    comment_approve(comment=Comment.objects.get(body="Held, then approved."))
    page = client.get(url).content.decode()
    assert "Held, then approved." in page
    assert "2 comments" in page
    assert "2 comments" in client.get("/archive/").content.decode()
