"""The spam rules on their own: content rules, the form stamp, and the per-IP rate limit."""

from __future__ import annotations

import os
import time

import pytest
from django.core.cache import caches

from masthead.comments import spam
from masthead.comments.spam import Status, judge


def _judge(body="A fair point about the ferry.", name="Ana", honeypot="", copies=0):
    return judge(name=name, body=body, honeypot=honeypot, earlier_copies=copies)


def test_a_plain_comment_passes():
    verdict = _judge()
    assert verdict.status == Status.OK
    assert verdict.reasons == []


def test_honeypot_text_is_spam():
    verdict = _judge(honeypot="http://cheap-pills.example")
    assert verdict.status == Status.SPAM
    assert "honeypot" in verdict.reasons[0]


@pytest.mark.parametrize(
    ("links", "status"),
    [
        (0, Status.OK),
        (spam.LINKS_TO_HOLD - 1, Status.OK),
        (spam.LINKS_TO_HOLD, Status.HOLD),
        (spam.LINKS_TO_SPAM - 1, Status.HOLD),
        (spam.LINKS_TO_SPAM, Status.SPAM),
        (40, Status.SPAM),
    ],
)
def test_links_are_held_then_spam(links, status):
    body = "Look: " + " ".join(f"https://shop{i}.example/deal" for i in range(links))
    assert _judge(body=body).status == status


def test_www_addresses_count_as_links():
    assert spam.count_links("www.a.example and WWW.b.example and http://c.example") == 3


@pytest.mark.parametrize(
    "body", ['<a href="https://x.example">cheap</a>', "[url=https://x.example]cheap[/url]"]
)
def test_link_markup_in_plain_text_is_held(body):
    verdict = _judge(body=body)
    assert verdict.status == Status.HOLD
    assert "link markup" in verdict.reasons[0]


def test_a_link_as_the_name_is_held():
    assert _judge(name="www.casino.example").status == Status.HOLD


def test_copies_of_the_same_text_are_held_then_spam():
    assert _judge(copies=1).status == Status.HOLD
    assert _judge(copies=spam.DUPLICATES_TO_SPAM - 1).status == Status.HOLD
    assert _judge(copies=spam.DUPLICATES_TO_SPAM).status == Status.SPAM


def test_spam_outranks_hold():
    verdict = _judge(body="see https://a.example https://b.example https://c.example", honeypot="x")
    assert verdict.status == Status.SPAM
    assert len(verdict.reasons) == 2


def test_digest_ignores_case_and_spacing_but_not_words():
    assert spam.body_digest("Great  story,\nthanks") == spam.body_digest(" great story, THANKS ")
    assert spam.body_digest("Great story") != spam.body_digest("Great stories")


def test_short_texts_do_not_count_as_duplicates():
    assert not spam.counts_as_duplicate("Thank you!")
    assert spam.counts_as_duplicate("x" * spam.DUPLICATE_MIN_CHARS)


# --- The form stamp --------------------------------------------------------------------------


def test_a_stamp_is_accepted_after_the_minimum_time_and_gives_its_nonce():
    now = time.time()
    stamp = spam.issue_stamp(now=now)
    nonce = spam.read_stamp(stamp, now=now + spam.MIN_SECONDS_TO_SUBMIT)
    assert len(nonce) >= 16
    assert spam.issue_stamp(now=now) != stamp  # every form gets its own nonce


def test_a_stamp_sent_too_fast_is_refused():
    now = time.time()
    with pytest.raises(spam.StampError, match="too fast"):
        spam.read_stamp(spam.issue_stamp(now=now), now=now + spam.MIN_SECONDS_TO_SUBMIT - 1)


def test_an_old_stamp_is_refused():
    now = time.time()
    with pytest.raises(spam.StampError, match="expired"):
        spam.read_stamp(spam.issue_stamp(now=now - spam.FORM_MAX_AGE - 1), now=now)


@pytest.mark.parametrize("value", ["", "garbage", "eyJ0IjowfQ:forged:signature"])
def test_a_missing_or_forged_stamp_is_refused(value):
    with pytest.raises(spam.StampError, match="forged"):
        spam.read_stamp(value)


def test_a_stamp_with_its_time_changed_is_refused():
    stamp = spam.issue_stamp(now=time.time() - 600)
    tampered = stamp.replace(stamp.split(":")[0], spam.issue_stamp().split(":")[0])
    with pytest.raises(spam.StampError):
        spam.read_stamp(tampered)


# --- Rate limit ------------------------------------------------------------------------------


def test_rate_limit_allows_the_limit_then_answers_with_the_wait(settings):
    settings.MASTHEAD_COMMENTS_RATE_LIMIT = 3
    settings.MASTHEAD_COMMENTS_RATE_WINDOW = 600
    start = 6000.0 * 1000  # the start of a window
    assert [spam.rate_limit_hit("203.0.113.9", now=start + i) for i in range(3)] == [None] * 3
    assert spam.rate_limit_hit("203.0.113.9", now=start + 10) == 590
    assert spam.rate_limit_hit("203.0.113.10", now=start + 10) is None  # another reader
    assert spam.rate_limit_hit("203.0.113.9", now=start + 600) is None  # the next window


def test_ipv6_addresses_share_a_limit_per_64_network(settings):
    settings.MASTHEAD_COMMENTS_RATE_LIMIT = 1
    assert spam.rate_key("2001:db8:1:2::5") == spam.rate_key("2001:db8:1:2:ffff::1")
    assert spam.rate_key("2001:db8:1:2::5") != spam.rate_key("2001:db8:1:3::5")
    assert spam.rate_key("::ffff:203.0.113.9") == "203.0.113.9"
    now = 6000.0 * 1000
    assert spam.rate_limit_hit("2001:db8:1:2::5", now=now) is None
    assert spam.rate_limit_hit("2001:db8:1:2::6", now=now) is not None


REDIS_URL = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/15"


def _redis_reachable() -> bool:
    import redis

    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.RedisError:
        return False
    return True


@pytest.mark.skipif(not _redis_reachable(), reason=f"Redis is not reachable at {REDIS_URL}")
def test_rate_limit_counts_in_redis(settings):
    # Every app server shares the count when the cache is Redis.
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": f"masthead-test-{os.getpid()}",
        }
    }
    caches["default"].clear()
    settings.MASTHEAD_COMMENTS_RATE_LIMIT = 2
    now = time.time()
    ip = "198.51.100.77"
    assert spam.rate_limit_hit(ip, now=now) is None
    assert spam.rate_limit_hit(ip, now=now) is None
    assert spam.rate_limit_hit(ip, now=now) is not None
    caches["default"].clear()
