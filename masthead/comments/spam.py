"""Spam and abuse rules for readers' comments. None of them needs an outside service.

=====================  ===============================================  =========================
rule                   threshold                                        what happens
=====================  ===============================================  =========================
honeypot               any text in the hidden "website" field           stored as spam
too fast               sent < MIN_SECONDS_TO_SUBMIT (3 s) after the     form error, text kept:
                       form was shown                                   "send it again"
old or forged form     signed stamp older than FORM_MAX_AGE (1 day),    form error, text kept
                       or not signed by this site
rate limit             more than MASTHEAD_COMMENTS_RATE_LIMIT (5)       HTTP 429 page with the
                       accepted sends from one IP address (IPv6: one    text to copy, and
                       /64) in MASTHEAD_COMMENTS_RATE_WINDOW (10 min),  Retry-After
                       or more than MASTHEAD_COMMENTS_ATTEMPT_LIMIT
                       (30) posts of the form, valid or not
links                  LINKS_TO_HOLD (3) or more links                  held for a moderator
link-stuffed           LINKS_TO_SPAM (6) or more links                  stored as spam
link markup            <a href=...> or [url=...] typed into plain text  held for a moderator
link in the name       a URL or www. address as the commenter's name    held for a moderator
double submit          the same form sent twice, or the same text by    one comment: the second
                       the same email on the same story within          send returns the first
                       DUPLICATE_WINDOW (1 day)
duplicate text         the same text (DUPLICATE_MIN_CHARS, 20, or       held for a moderator;
                       longer) already posted elsewhere or by someone   stored as spam from
                       else within DUPLICATE_WINDOW                     DUPLICATES_TO_SPAM (3)
                                                                        earlier copies
banned                 email, @domain, IP address or network banned     refused with a polite
                       by an editor                                     message (HTTP 403)
=====================  ===============================================  =========================

A reader is never told that a comment went to spam: spam and held comments get the same "waiting
for a moderator" message, and a moderator can still approve a comment from the spam list.
"""

from __future__ import annotations

import hashlib
import ipaddress
import re
import secrets
import time
from dataclasses import dataclass, field

from django.conf import settings
from django.core import signing
from django.core.cache import cache

MIN_SECONDS_TO_SUBMIT = 3
FORM_MAX_AGE = 24 * 60 * 60
LINKS_TO_HOLD = 3
LINKS_TO_SPAM = 6
DUPLICATE_WINDOW = 24 * 60 * 60
DUPLICATE_MIN_CHARS = 20
DUPLICATES_TO_SPAM = 3
IPV6_RATE_PREFIX = 64  # one household or phone usually holds a whole /64

_STAMP_SALT = "masthead.comments.form-stamp"
# What readers type as a link: a scheme-qualified URL or a bare www. address.
LINK_RE = re.compile(r"\b(?:https?://|www\.)", re.IGNORECASE)
_MARKUP_LINK_RE = re.compile(r"<a\s[^>]*href|\[url\b|\[link\b", re.IGNORECASE)
_SPACE_RE = re.compile(r"\s+")


class Status:
    OK = "ok"
    HOLD = "hold"
    SPAM = "spam"


@dataclass
class Verdict:
    """What the rules say about one comment, and why (for the moderator)."""

    status: str = Status.OK
    reasons: list[str] = field(default_factory=list)

    def hold(self, reason: str) -> None:
        if self.status == Status.OK:
            self.status = Status.HOLD
        self.reasons.append(reason)

    def spam(self, reason: str) -> None:
        self.status = Status.SPAM
        self.reasons.append(reason)


def count_links(text: str) -> int:
    return len(LINK_RE.findall(text or ""))


def judge(*, name: str, body: str, honeypot: str, earlier_copies: int) -> Verdict:
    """Apply the content rules of the table above to one comment. Pure: no database, no cache.

    ``earlier_copies`` is how many comments with the same text were posted elsewhere or by
    someone else within :data:`DUPLICATE_WINDOW` (see :func:`body_digest`).
    """
    verdict = Verdict()
    if honeypot.strip():
        verdict.spam("filled in the hidden honeypot field")
    links = count_links(body)
    if links >= LINKS_TO_SPAM:
        verdict.spam(f"link-stuffed: {links} links")
    elif links >= LINKS_TO_HOLD:
        verdict.hold(f"{links} links")
    if _MARKUP_LINK_RE.search(body or ""):
        verdict.hold("link markup in a plain-text comment")
    if LINK_RE.search(name or ""):
        verdict.hold("a link as the name")
    if earlier_copies >= DUPLICATES_TO_SPAM:
        verdict.spam(f"the same text was posted {earlier_copies} times before")
    elif earlier_copies:
        verdict.hold("the same text was posted before")
    return verdict


def normalize_body(body: str) -> str:
    return _SPACE_RE.sub(" ", body or "").strip().casefold()


def body_digest(body: str) -> str:
    """A fingerprint of the text that ignores case and spacing, to find copies of it."""
    return hashlib.sha256(normalize_body(body).encode()).hexdigest()


def counts_as_duplicate(body: str) -> bool:
    """Short replies ("Thank you!") are written by many readers alike; only longer ones count."""
    return len(normalize_body(body)) >= DUPLICATE_MIN_CHARS


# --- The form stamp: when the form was shown, signed so it cannot be forged ------------------


class StampError(Exception):
    """The form's stamp is missing, forged, too old or too young; the message says which."""


def issue_stamp(now: float | None = None) -> str:
    """A signed record of when the form was shown, with a random nonce that makes one form's
    sends recognisable (a double click sends the same nonce twice)."""
    return signing.dumps(
        {"t": int(now if now is not None else time.time()), "n": secrets.token_urlsafe(12)},
        salt=_STAMP_SALT,
        compress=False,
    )


def read_stamp(value: str, now: float | None = None) -> str:
    """Check a stamp and return its nonce; raise :class:`StampError` with the reason."""
    now = now if now is not None else time.time()
    try:
        data = signing.loads(value or "", salt=_STAMP_SALT)
        shown_at, nonce = int(data["t"]), str(data["n"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        raise StampError("forged") from None
    age = now - shown_at
    if age > FORM_MAX_AGE:
        raise StampError("expired")
    if age < MIN_SECONDS_TO_SUBMIT:
        raise StampError("too fast")
    return nonce


# --- Rate limit per IP address ---------------------------------------------------------------


def rate_key(ip: str | None) -> str:
    """The address a limit applies to: an IPv4 address, or the /64 network of an IPv6 one."""
    try:
        address = ipaddress.ip_address(ip or "")
    except ValueError:
        return "unknown"
    if address.version == 6:
        if address.ipv4_mapped is not None:
            return str(address.ipv4_mapped)
        return str(ipaddress.ip_network(f"{address}/{IPV6_RATE_PREFIX}", strict=False))
    return str(address)


def rate_limit_hit(
    ip: str | None, now: float | None = None, *, scope: str = "sends", limit: int | None = None
) -> int | None:
    """Count one send from ``ip``; return the seconds to wait when over the limit, else None.

    ``scope`` "sends" counts comments the form accepted (MASTHEAD_COMMENTS_RATE_LIMIT);
    :func:`attempt_limit_hit` counts every post under its own, higher limit.
    A fixed window in the shared cache (local memory, or Redis across app servers): the count is
    one ``incr`` per send, atomic on Redis, so several app servers share one limit.
    """
    window = settings.MASTHEAD_COMMENTS_RATE_WINDOW
    limit = limit if limit is not None else settings.MASTHEAD_COMMENTS_RATE_LIMIT
    now = now if now is not None else time.time()
    bucket = int(now // window)
    key = f"comments:rate:{scope}:{rate_key(ip)}:{bucket}"
    cache.add(key, 0, timeout=window + 5)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window + 5)
        count = 1
    if count > limit:
        return max(1, int((bucket + 1) * window - now))
    return None


def attempt_limit_hit(ip: str | None, now: float | None = None) -> int | None:
    """Count one post of the form, valid or not: a reader fixing a typo is not held back by it,
    but a script hammering the form is."""
    return rate_limit_hit(ip, now, scope="attempts", limit=settings.MASTHEAD_COMMENTS_ATTEMPT_LIMIT)
