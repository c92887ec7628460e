"""The reader's side over HTTP, as a browser without JavaScript sends it."""

from __future__ import annotations

import re
import time
from html.parser import HTMLParser

import pytest
from django.test import Client

from masthead.comments import spam
from masthead.comments.models import BODY_MAX_LENGTH, NAME_MAX_LENGTH, Comment
from masthead.comments.services import ban_create
from masthead.comments.views import HELD, HELD_FIRST_TIME, PUBLISHED
from masthead.testing.factories import make_comment

from .conftest import form_data

pytestmark = pytest.mark.django_db


def _messages(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]


def test_the_story_page_has_the_comment_form(client, story):
    html = client.get(story.get_absolute_url()).content.decode()
    assert f'action="/comments/{story.pk}/#respond"' in html
    # No per-visitor token: the page is the same for every reader (and cacheable).
    assert 'name="csrfmiddlewaretoken"' not in html
    for name in ("name", "email", "body", "website", "stamp"):
        assert f'name="{name}"' in html
    assert "Never shown to readers." in html


def test_posting_publishes_and_lands_back_on_the_comment_with_a_message(client, story):
    response = client.post(f"/comments/{story.pk}/", form_data(), follow=True)
    comment = Comment.objects.get()
    assert response.redirect_chain == [(f"{story.get_absolute_url()}#comment-{comment.pk}", 302)]
    assert _messages(response) == [PUBLISHED]
    html = response.content.decode()
    assert html.index(PUBLISHED.replace("’", "&#x27;")[:20]) > html.index('id="comments"')
    assert "Glad the ferry is back." in html
    assert comment.ip_address == "127.0.0.1"


def test_a_held_comment_says_so_and_is_not_shown(client, story, publication):
    publication.comment_moderation = "first-time"
    publication.save()
    response = client.post(f"/comments/{story.pk}/", form_data(), follow=True)
    assert response.redirect_chain[-1][0] == f"{story.get_absolute_url()}#comments"
    assert _messages(response) == [HELD_FIRST_TIME]
    assert "Glad the ferry is back." not in response.content.decode()
    publication.comment_moderation = "all"
    publication.save()
    response = client.post(f"/comments/{story.pk}/", form_data(body="Second."), follow=True)
    assert _messages(response) == [HELD]


def test_reading_a_story_needs_no_session(client, story):
    response = client.get(story.get_absolute_url())
    assert "sessionid" not in response.cookies
    client.post(f"/comments/{story.pk}/", form_data())
    response = client.get(story.get_absolute_url())
    assert "sessionid" not in response.cookies  # the message travels in a signed cookie


@pytest.mark.parametrize(
    ("fields", "error"),
    [
        ({"name": ""}, "Please give your name."),
        ({"name": "x" * (NAME_MAX_LENGTH + 1)}, f"Please keep your name to {NAME_MAX_LENGTH}"),
        ({"email": "not-an-email"}, "Please check your email address"),
        ({"email": ""}, "Please give your email address."),
        ({"body": "   "}, "Please write your comment."),
        ({"body": "x" * (BODY_MAX_LENGTH + 1)}, "the limit is 5,000. Please shorten it by 1 "),
        ({"body": "a\x00b"}, "Null characters are not allowed."),
        ({"parent": "999999"}, "The comment you are replying to is no longer shown."),
        ({"parent": "abc"}, "The comment you are replying to is no longer shown."),
    ],
)
def test_validation_errors_show_the_story_again_with_the_text_kept(
    post_comment, story, fields, error
):
    data = {"body": "My carefully written comment <b>kept</b>.", **fields}
    response = post_comment(story, **data)
    assert response.status_code == 400
    html = response.content.decode()
    assert error in html.replace("&#x27;", "'")
    assert 'class="form-errors" role="alert"' in html
    assert "Ferry service returns to the north pier" in html  # the story page itself
    if "body" not in fields:
        assert "My carefully written comment &lt;b&gt;kept&lt;/b&gt;." in html
    assert Comment.objects.count() == 0


def test_a_200_kb_comment_is_refused_with_a_message(post_comment, story):
    response = post_comment(story, body="word " * 40_000)
    assert response.status_code == 400
    assert (
        "Your comment is 199,999 characters long; the limit is 5,000." in response.content.decode()
    )
    assert Comment.objects.count() == 0


def test_a_body_over_the_upload_limit_is_a_413_not_a_500(client, story):
    response = client.post(f"/comments/{story.pk}/", form_data(body="x" * (6 * 1024 * 1024)))
    assert response.status_code == 413  # masthead/request_limits.py, before the body is read


def test_an_invalid_field_is_marked_for_screen_readers(post_comment, story):
    html = post_comment(story, email="nope").content.decode()
    assert 'aria-invalid="true"' in html
    assert 'aria-describedby="id_email_helptext id_email_error"' in html
    assert 'id="id_email_error"' in html


def test_a_readers_post_from_our_own_page_needs_no_token(story):
    browser = Client(enforce_csrf_checks=True)
    page = browser.get(story.get_absolute_url())
    assert "csrftoken" not in page.cookies
    response = browser.post(
        f"/comments/{story.pk}/",
        form_data(),
        HTTP_ORIGIN="http://testserver",
        HTTP_SEC_FETCH_SITE="same-origin",
    )
    assert response.status_code == 302
    assert Comment.objects.count() == 1


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_ORIGIN": "null"},
        {"HTTP_ORIGIN": "https://evil.example", "HTTP_SEC_FETCH_SITE": "cross-site"},
        {"HTTP_SEC_FETCH_SITE": "cross-site"},
        {"HTTP_SEC_FETCH_SITE": "same-site"},
    ],
    ids=["origin", "null-origin", "origin-and-fetch-site", "fetch-site-only", "same-site"],
)
def test_a_cross_site_post_is_refused(story, headers):
    browser = Client(enforce_csrf_checks=True)
    response = browser.post(f"/comments/{story.pk}/", form_data(), **headers)
    assert response.status_code == 403
    assert Comment.objects.count() == 0


def test_over_https_a_post_without_origin_needs_our_referer(story, settings):
    browser = Client(enforce_csrf_checks=True)
    refused = browser.post(
        f"/comments/{story.pk}/", form_data(), secure=True, HTTP_REFERER="https://evil.example/"
    )
    assert refused.status_code == 403
    accepted = browser.post(
        f"/comments/{story.pk}/",
        form_data(),
        secure=True,
        HTTP_REFERER=f"https://testserver{story.get_absolute_url()}",
    )
    assert accepted.status_code == 302


def test_a_staff_session_still_needs_djangos_token(story):
    from masthead.testing.factories import make_user

    browser = Client(enforce_csrf_checks=True)
    browser.force_login(make_user(role="Editor"))
    page = browser.get(story.get_absolute_url())
    html = page.content.decode()
    assert 'name="csrfmiddlewaretoken"' in html
    same_origin = {"HTTP_ORIGIN": "http://testserver"}
    refused = browser.post(f"/comments/{story.pk}/", form_data(), **same_origin)
    assert refused.status_code == 403
    assert Comment.objects.count() == 0
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    data = form_data(csrfmiddlewaretoken=token)
    assert browser.post(f"/comments/{story.pk}/", data, **same_origin).status_code == 302
    assert Comment.objects.count() == 1


def test_a_double_submit_creates_one_comment(post_comment, story):
    data = form_data()
    first = post_comment(story, **data)
    second = post_comment(story, **data)
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    assert Comment.objects.count() == 1


def test_sending_faster_than_a_person_is_refused_with_the_text_kept(post_comment, story):
    response = post_comment(story, stamp=spam.issue_stamp(), body="Typed in no time.")
    assert response.status_code == 400
    html = response.content.decode()
    assert "quicker than we expect from a person" in html
    assert "Typed in no time." in html
    assert Comment.objects.count() == 0


@pytest.mark.parametrize("stamp", ["", "forged:value", None])
def test_a_missing_or_forged_stamp_is_refused(client, story, stamp):
    data = form_data()
    if stamp is None:
        del data["stamp"]
    else:
        data["stamp"] = stamp
    response = client.post(f"/comments/{story.pk}/", data)
    assert response.status_code == 400
    assert "Something went wrong with the form" in response.content.decode()


def test_an_expired_form_is_refused_and_shown_again_with_a_fresh_stamp(post_comment, story):
    old = spam.issue_stamp(now=time.time() - spam.FORM_MAX_AGE - 60)
    response = post_comment(story, stamp=old)
    html = response.content.decode()
    assert "This page was open for a long time" in html
    assert old not in html


def test_the_honeypot_catches_robots_without_telling_them(post_comment, story):
    response = post_comment(story, website="http://pills.example")
    assert response.status_code == 302
    assert response["Location"].endswith("#comments")
    comment = Comment.objects.get()
    assert comment.status == "spam"


def test_the_rate_limit_answers_429_with_the_text_to_copy(post_comment, story, settings):
    settings.MASTHEAD_COMMENTS_RATE_LIMIT = 2
    assert post_comment(story, body="One.").status_code == 302
    assert post_comment(story, body="Two.").status_code == 302
    response = post_comment(story, body="Three, <b>kept</b>.")
    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= settings.MASTHEAD_COMMENTS_RATE_WINDOW
    html = response.content.decode()
    assert "You have sent several comments in a short time." in html
    assert "Three, &lt;b&gt;kept&lt;/b&gt;." in html
    assert Comment.objects.count() == 2


def test_the_rate_limit_is_per_ip_address(client, story, settings):
    settings.MASTHEAD_COMMENTS_RATE_LIMIT = 1
    assert client.post(f"/comments/{story.pk}/", form_data(body="a")).status_code == 302
    other = client.post(f"/comments/{story.pk}/", form_data(body="b"), REMOTE_ADDR="203.0.113.50")
    assert other.status_code == 302


def test_behind_a_proxy_the_limit_uses_the_forwarded_address(client, story, settings):
    settings.BEHIND_PROXY = True
    settings.MASTHEAD_COMMENTS_RATE_LIMIT = 1
    send = {"REMOTE_ADDR": "10.0.0.1"}
    # A forged first entry changes nothing: the last one is what our proxy saw.
    first = form_data(body="a")
    r1 = client.post(
        f"/comments/{story.pk}/", first, HTTP_X_FORWARDED_FOR="1.1.1.1, 198.51.100.3", **send
    )
    r2 = client.post(
        f"/comments/{story.pk}/",
        form_data(body="b"),
        HTTP_X_FORWARDED_FOR="2.2.2.2, 198.51.100.3",
        **send,
    )
    r3 = client.post(
        f"/comments/{story.pk}/", form_data(body="c"), HTTP_X_FORWARDED_FOR="198.51.100.4", **send
    )
    assert [r1.status_code, r2.status_code, r3.status_code] == [302, 429, 302]
    assert Comment.objects.get(body="a").ip_address == "198.51.100.3"


def test_a_banned_sender_is_refused_politely(post_comment, story):
    ban_create(kind="email", value="ana@example.com")
    response = post_comment(story, body="Let me in.")
    assert response.status_code == 403
    html = response.content.decode()
    assert "Sorry, we can’t accept comments from you." in html
    assert "Let me in." in html
    assert Comment.objects.count() == 0


def test_a_closed_story_refuses_comments_and_shows_no_form(client, post_comment, story):
    story.comments_enabled = False
    story.save()
    html = client.get(story.get_absolute_url()).content.decode()
    assert "Comments on this story are closed." in html
    assert 'name="body"' not in html
    response = post_comment(story, body="Too late.")
    assert response.status_code == 403
    assert "Too late." in response.content.decode()


def test_getting_the_form_address_goes_to_the_story(client, story):
    response = client.get(f"/comments/{story.pk}/")
    assert response.status_code == 302
    assert response["Location"] == story.get_absolute_url() + "#comments"


def test_an_unpublished_story_takes_no_comments(post_comment, story):
    story.status = "draft"
    story.save()
    assert post_comment(story).status_code == 404
    assert Comment.objects.count() == 0


def test_other_methods_are_not_allowed(client, story):
    assert client.put(f"/comments/{story.pk}/").status_code == 405


def test_a_reply_without_javascript(client, post_comment, story):
    top = make_comment(story, author_name="First Reader", body="The first comment.")
    html = client.get(f"{story.get_absolute_url()}?reply_to={top.pk}").content.decode()
    assert "Reply to <bdi>First Reader</bdi>" in html
    assert f'name="parent" value="{top.pk}"' in html
    # The form sits inside the comment replied to.
    assert html.index(f'id="comment-{top.pk}"') < html.index('id="respond"')
    response = post_comment(story, body="A reply.", parent=str(top.pk))
    assert response.status_code == 302
    assert Comment.objects.get(body="A reply.").parent_id == top.pk


def test_a_reply_to_a_comment_of_another_story_is_refused(post_comment, story):
    from masthead.testing.factories import make_article

    elsewhere = make_comment(make_article(section=story.section))
    response = post_comment(story, parent=str(elsewhere.pk))
    assert response.status_code == 400
    # Shown again as a plain comment, so sending again posts it without the lost parent.
    assert 'name="parent" value="' not in response.content.decode().replace(
        'name="parent" value=""', ""
    )


HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "<svg onload=alert(1)>",
    '<a href="javascript:alert(1)">click me</a>',
    "javascript:alert(1)",
    '"><script>alert(1)</script>',
    "</textarea><script>alert(1)</script>",
    "<b><i>broken <div",
    'https://x.example/"onmouseover="alert(1)',
]


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs) -> None:
        self.tags.append((tag, dict(attrs)))


def _tags(html: str) -> list[tuple[str, dict]]:
    parser = _Tags()
    parser.feed(html)
    return parser.tags


SECTION_TAGS = {
    "section", "h2", "h3", "span", "div", "p", "ol", "ul", "li", "article", "strong", "bdi", "a",
    "time", "br", "form", "input", "label", "textarea", "button", "script",
}  # fmt: skip


def _assert_no_injected_markup(html: str) -> None:
    for tag, attrs in _tags(html):
        assert tag in SECTION_TAGS, tag
        assert not [name for name in attrs if name.startswith("on")], (tag, attrs)
        assert not (attrs.get("href") or "").lower().startswith(("javascript", "data")), attrs
        if tag == "script":
            assert attrs == {"src": "/static/comments/comments.js", "defer": None}


@pytest.mark.parametrize("payload", HOSTILE)
def test_hostile_comments_are_escaped_on_the_page_and_in_the_error_form(
    post_comment, client, story, payload
):
    post_comment(story, name=payload[:80], body=f"{payload}\n{payload}")
    Comment.objects.update(status="approved")  # some payloads are held by the link rules
    html = client.get(story.get_absolute_url()).content.decode()
    section = html[html.index('<section id="comments"') : html.index("</main>")]
    assert Comment.objects.get().body == f"{payload}\n{payload}"  # stored as written
    assert section.count('<article id="comment-') == 1
    _assert_no_injected_markup(section)
    # The error page keeps the text inside the textarea, still escaped.
    error_page = post_comment(story, name="", body=payload).content.decode()
    start = error_page.index('<div id="respond"')
    form = error_page[start : error_page.index("</form>", start)]
    _assert_no_injected_markup(form)
    assert [tag for tag, _ in _tags(form)].count("textarea") == 1


def test_emails_never_reach_public_pages(client, story):
    make_comment(story, email="secret.reader@example.com", author_name="Secret Reader")
    pages = ["/", "/archive/", story.get_absolute_url(), "/city/", f"/comments/{story.pk}/"]
    for url in pages:
        response = client.get(url, follow=True)
        assert response.status_code == 200, url
        assert "secret.reader@example.com" not in response.content.decode(), url
