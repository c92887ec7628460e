"""comment_submit and the moderation services: policies, duplicates, bans, closing, Akismet."""

from __future__ import annotations

import threading
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.parse import parse_qs

import pytest
from django.utils import timezone

from masthead.comments import services, spam
from masthead.comments.models import Ban, Comment
from masthead.comments.services import (
    CommentsClosed,
    SenderBanned,
    ban_create,
    comment_approve,
    comment_mark_spam,
    comment_remove,
    comment_submit,
    comments_moderate,
    comments_purge_spam,
)
from masthead.comments.signals import comments_changed
from masthead.newsroom.models import Publication
from masthead.testing.factories import make_article, make_comment

pytestmark = pytest.mark.django_db


def submit(article, **fields):
    values = {
        "name": "Ana Reader",
        "email": "ana@example.com",
        "body": "Glad the ferry is back.",
        "ip": "203.0.113.7",
        "user_agent": "Test browser",
    }
    values.update(fields)
    return comment_submit(article=article, **values)


def _policy(publication, value):
    publication.comment_moderation = value
    publication.save()


# --- Moderation policies ---------------------------------------------------------------------


def test_policy_none_publishes_at_once(story):
    submission = submit(story)
    assert submission.created and submission.published
    assert submission.comment.status == Comment.Status.APPROVED


def test_policy_all_holds_every_comment_even_from_regulars(story, publication):
    _policy(publication, "all")
    make_comment(story, email="ana@example.com")  # an approved regular
    submission = submit(story)
    assert submission.comment.status == Comment.Status.PENDING
    assert submission.comment.held_because == "every comment is read first"
    assert not submission.first_time


def test_policy_first_time_holds_until_one_comment_is_approved(story, publication):
    _policy(publication, "first-time")
    first = submit(story, body="My first comment here.")
    assert first.comment.status == Comment.Status.PENDING
    assert first.first_time
    second = submit(story, body="And a second one before approval.")
    assert second.comment.status == Comment.Status.PENDING
    comment_approve(comment=first.comment)
    third = submit(story, body="Now I am known here.", email="ANA@Example.com")
    assert third.comment.status == Comment.Status.APPROVED
    other = submit(story, body="Someone else entirely.", email="bo@example.com")
    assert other.comment.status == Comment.Status.PENDING


def test_first_time_is_the_default_policy(db):
    assert Publication().comment_moderation == "first-time"


def test_environment_override_wins_over_the_publication(story, publication, settings):
    settings.MASTHEAD_COMMENTS_MODERATION = "all"
    assert submit(story).comment.status == Comment.Status.PENDING
    settings.MASTHEAD_COMMENTS_MODERATION = "none"
    _policy(publication, "all")
    assert submit(story, body="Another comment.").comment.status == Comment.Status.APPROVED


def test_held_content_stays_held_under_policy_none(story):
    body = "Deals: https://a.example https://b.example https://c.example"
    submission = submit(story, body=body)
    assert submission.comment.status == Comment.Status.PENDING
    assert submission.comment.held_because == "3 links"


def test_honeypot_comment_is_stored_as_spam(story):
    submission = submit(story, honeypot="http://pills.example")
    assert submission.comment.status == Comment.Status.SPAM
    assert "honeypot" in submission.comment.held_because


# --- Duplicates and double submits -----------------------------------------------------------


def test_the_same_form_sent_twice_makes_one_comment(story):
    first = submit(story, nonce="form-1")
    again = submit(story, nonce="form-1")
    assert again.comment.pk == first.comment.pk
    assert not again.created
    assert Comment.objects.count() == 1


def test_two_readers_on_one_cached_form_make_two_comments(story):
    # A cached page hands one nonce to many readers; their comments must not merge.
    submit(story, nonce="shared", email="ana@example.com")
    submit(story, nonce="shared", email="bo@example.com")
    assert Comment.objects.count() == 2


def test_the_same_text_again_from_a_fresh_form_is_a_duplicate_within_the_window(story):
    now = timezone.now()
    first = submit(story, nonce="a", now=now)
    again = submit(story, nonce="b", body="glad the  FERRY is back.", now=now + timedelta(hours=2))
    assert again.comment.pk == first.comment.pk
    later = submit(story, nonce="c", now=now + timedelta(seconds=spam.DUPLICATE_WINDOW + 1))
    assert later.created


def test_a_race_between_two_sends_of_one_form_makes_one_comment(story, monkeypatch):
    first = submit(story, nonce="race")
    # The second request looked for an earlier comment before the first was stored.
    real_filter = Comment.objects.filter

    def blind_filter(*args, **kwargs):
        queryset = real_filter(*args, **kwargs)
        return queryset.none() if args and "submission_key" in str(args[0]) else queryset

    monkeypatch.setattr(Comment.objects, "filter", blind_filter)
    again = submit(story, nonce="race")
    assert again.comment.pk == first.comment.pk
    assert not again.created
    assert Comment.objects.count() == 1


def test_text_copied_onto_other_stories_is_held_then_spam(story):
    body = "Visit my page for the best ferry tickets deals."
    others = [make_article(section=story.section) for _ in range(4)]
    assert submit(story, body=body).comment.status == Comment.Status.APPROVED
    results = [submit(article, body=body, nonce=f"n{i}") for i, article in enumerate(others)]
    assert [r.comment.status for r in results] == ["pending", "pending", "spam", "spam"]


def test_short_common_replies_are_not_duplicates(story):
    other = make_article(section=story.section)
    submit(story, body="Thank you!", email="a@example.com")
    assert submit(other, body="Thank you!", email="b@example.com").published


# --- Bans ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "value", "email", "ip"),
    [
        ("email", "troll@example.com", "Troll@Example.com", "203.0.113.7"),
        ("email", "@spam.example", "anyone@spam.example", "203.0.113.7"),
        ("ip", "198.51.100.4", "ana@example.com", "198.51.100.4"),
        ("ip", "198.51.100.0/24", "ana@example.com", "198.51.100.200"),
        ("ip", "2001:db8::/32", "ana@example.com", "2001:db8:5::1"),
    ],
)
def test_banned_senders_are_refused(story, kind, value, email, ip):
    ban_create(kind=kind, value=value)
    with pytest.raises(SenderBanned):
        submit(story, email=email, ip=ip)
    assert Comment.objects.count() == 0


def test_an_expired_ban_no_longer_refuses(story):
    ban_create(kind="email", value="ana@example.com", expires_at=timezone.now() - timedelta(days=1))
    assert submit(story).created


def test_a_ban_does_not_catch_neighbours(story):
    ban_create(kind="ip", value="198.51.100.0/24")
    ban_create(kind="email", value="@spam.example")
    assert submit(story, ip="198.51.101.1", email="me@notspam.example").created


@pytest.mark.parametrize(
    ("kind", "value", "stored"),
    [
        ("email", " Troll@Example.COM ", "troll@example.com"),
        ("email", "@Spam.Example", "@spam.example"),
        ("ip", "198.51.100.7/24", "198.51.100.0/24"),
        ("ip", "2001:DB8::1", "2001:db8::1"),
    ],
)
def test_bans_are_stored_in_one_spelling(kind, value, stored, db):
    assert ban_create(kind=kind, value=value).value == stored
    ban_create(kind=kind, value=value)
    assert Ban.objects.count() == 1


@pytest.mark.parametrize(("kind", "value"), [("email", "not an email"), ("ip", "300.1.1.1")])
def test_a_malformed_ban_is_refused_with_a_clear_error(kind, value, db):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        ban_create(kind=kind, value=value)


# --- Closing ---------------------------------------------------------------------------------


def test_comments_closed_on_a_story_are_refused(story):
    story.comments_enabled = False
    story.save()
    with pytest.raises(CommentsClosed):
        submit(story)


def test_comments_close_after_the_publications_number_of_days(publication):
    publication.comments_close_after_days = 7
    publication.save()
    old = make_article(published_at=timezone.now() - timedelta(days=7, minutes=1))
    recent = make_article(published_at=timezone.now() - timedelta(days=6, hours=23))
    with pytest.raises(CommentsClosed):
        submit(old)
    assert submit(recent).created


def test_zero_days_never_closes(publication):
    publication.comments_close_after_days = 0
    publication.save()
    assert submit(make_article(published_at=timezone.now() - timedelta(days=3000))).created


# --- Replies ---------------------------------------------------------------------------------


def test_a_reply_to_a_reply_joins_the_same_thread(story):
    top = submit(story, body="Top-level comment.").comment
    reply = submit(story, body="A reply.", parent=top, email="b@example.com").comment
    deeper = submit(story, body="A reply to the reply.", parent=reply, email="c@example.com")
    assert deeper.comment.parent_id == top.pk


# --- Moderation ------------------------------------------------------------------------------


def test_each_moderation_step_records_who_and_when(story, django_user_model):
    editor = django_user_model.objects.create_user("ed", password="x")
    comment = make_comment(story, status="pending")
    assert comment_approve(comment=comment, by=editor).status == "approved"
    assert comment.moderated_by == editor and comment.moderated_at is not None
    assert comment_mark_spam(comment=comment, by=editor).status == "spam"
    assert comment_remove(comment=comment, by=editor).status == "removed"


def test_bulk_moderation_changes_only_what_needs_changing(story):
    comments = [make_comment(story, status="pending") for _ in range(3)]
    make_comment(story, status="approved")
    assert comments_moderate(comments=Comment.objects.all(), status="approved") == 3
    assert set(Comment.objects.values_list("status", flat=True)) == {"approved"}
    with pytest.raises(ValueError):
        comments_moderate(comments=Comment.objects.filter(pk=comments[0].pk), status="deleted")


def test_visible_changes_are_signalled_for_a_page_cache(story):
    seen: list[set] = []

    def receiver(sender, article_ids, **kwargs):
        seen.append(article_ids)

    comments_changed.connect(receiver)
    try:
        published = submit(story, body="Shown at once.").comment
        comment_remove(comment=published)
        comments_moderate(comments=Comment.objects.filter(pk=published.pk), status="removed")
    finally:
        comments_changed.disconnect(receiver)
    assert seen == [{story.pk}, {story.pk}]  # the no-op second removal sends nothing


def test_ban_senders_bans_email_and_ip_and_marks_spam(story):
    comment = make_comment(story, email="troll@example.com", ip_address="198.51.100.9")
    assert services.comments_ban_senders(comments=Comment.objects.filter(pk=comment.pk)) == 2
    assert set(Ban.objects.values_list("value", flat=True)) == {"troll@example.com", "198.51.100.9"}
    comment.refresh_from_db()
    assert comment.status == "spam"


def test_old_spam_is_purged_but_not_heads_of_threads(story):
    now = timezone.now()
    old_spam = make_comment(story, status="spam", created_at=now - timedelta(days=31))
    head = make_comment(story, status="spam", created_at=now - timedelta(days=31))
    make_comment(story, parent=head)
    fresh_spam = make_comment(story, status="spam", created_at=now - timedelta(days=2))
    assert comments_purge_spam(older_than=timedelta(days=30), now=now) == 1
    assert not Comment.objects.filter(pk=old_spam.pk).exists()
    assert Comment.objects.filter(pk__in=[head.pk, fresh_spam.pk]).count() == 2


# --- Akismet (a fake Akismet on 127.0.0.1; never the internet) -------------------------------


class FakeAkismet:
    def __init__(self, answer: str = "false", delay: float = 0.0) -> None:
        self.answer, self.delay, self.requests = answer, delay, []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers["Content-Length"])
                fake.requests.append((self.path, parse_qs(self.rfile.read(length).decode())))
                if fake.delay:
                    threading.Event().wait(fake.delay)
                body = fake.answer.encode()
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args) -> None:
                pass

        self.server = HTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/{{key}}/comment-check"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def fake_akismet(settings):
    fakes = []

    def start(answer="false", delay=0.0):
        fake = FakeAkismet(answer, delay)
        fakes.append(fake)
        settings.MASTHEAD_AKISMET_KEY = "k123"
        settings.MASTHEAD_AKISMET_URL = fake.url
        settings.MASTHEAD_AKISMET_TIMEOUT = 0.5
        return fake

    yield start
    for fake in fakes:
        fake.close()


def test_akismet_ham_publishes_and_is_sent_what_it_needs(story, fake_akismet):
    fake = fake_akismet("false")
    submission = submit(story, site_url="https://gazette.example", referrer="https://r.example/")
    assert submission.comment.status == "approved"
    path, fields = fake.requests[0]
    assert path == "/k123/comment-check"
    assert fields["blog"] == ["https://gazette.example"]
    assert fields["user_ip"] == ["203.0.113.7"]
    assert fields["comment_author_email"] == ["ana@example.com"]
    assert fields["comment_content"] == ["Glad the ferry is back."]
    assert fields["permalink"] == ["https://gazette.example" + story.get_absolute_url()]


def test_akismet_spam_is_stored_as_spam(story, fake_akismet):
    fake_akismet("true")
    submission = submit(story)
    assert submission.comment.status == "spam"
    assert "Akismet" in submission.comment.held_because


@pytest.mark.parametrize(("answer", "delay"), [("invalid", 0.0), ("false", 2.0)])
def test_akismet_failure_holds_the_comment_for_a_moderator(story, fake_akismet, answer, delay):
    fake_akismet(answer, delay)
    submission = submit(story)
    assert submission.comment.status == "pending"
    assert "could not be made" in submission.comment.held_because


def test_akismet_answering_garbage_holds_the_comment(story, settings):
    import socket

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)

    def answer_garbage() -> None:
        connection, _ = listener.accept()
        connection.recv(65536)
        connection.sendall(b"NOT-HTTP at all\r\n\r\n")  # http.client raises BadStatusLine
        connection.close()

    thread = threading.Thread(target=answer_garbage, daemon=True)
    thread.start()
    settings.MASTHEAD_AKISMET_KEY = "k123"
    settings.MASTHEAD_AKISMET_URL = f"http://127.0.0.1:{listener.getsockname()[1]}/{{key}}"
    try:
        assert submit(story).comment.status == "pending"
    finally:
        thread.join(timeout=5)
        listener.close()


def test_akismet_unreachable_holds_the_comment(story, settings):
    settings.MASTHEAD_AKISMET_KEY = "k123"
    settings.MASTHEAD_AKISMET_URL = "http://127.0.0.1:9/{key}"  # nothing listens on port 9
    assert submit(story).comment.status == "pending"


def test_akismet_is_not_asked_about_what_the_local_rules_call_spam(story, fake_akismet):
    fake = fake_akismet("false")
    assert submit(story, honeypot="x").comment.status == "spam"
    assert fake.requests == []


def test_nothing_lost_the_comment_is_stored_before_akismet_is_asked(story, monkeypatch, settings):
    settings.MASTHEAD_AKISMET_KEY = "k123"
    stored_when_asked = []

    def crash(comment, **kwargs):
        stored_when_asked.append(Comment.objects.filter(pk=comment.pk).exists())
        raise RuntimeError("the spam check blew up")

    monkeypatch.setattr(services.akismet, "comment_check", crash)
    with pytest.raises(RuntimeError):
        submit(story)
    assert stored_when_asked == [True]
    assert Comment.objects.get().status == "pending"
