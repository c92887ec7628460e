"""The first-time rule can't be borrowed, form errors don't use up the rate limit, and a failed
CSRF check gives the reader their text back on the site's own page."""

from __future__ import annotations

import pytest
from django.test import Client

from masthead.comments.models import Comment
from masthead.comments.services import comment_approve, comment_submit

from .conftest import form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def first_time(publication):
    publication.comment_moderation = "first-time"
    publication.save()
    return publication


def _submit(story, name, email, body):
    return comment_submit(article=story, name=name, email=email, body=body, ip="203.0.113.7")


def test_a_regulars_email_under_another_name_is_held(story, first_time):
    regular = _submit(story, "Ana Reader", "ana@example.com", "A first, approved comment.")
    comment_approve(comment=regular.comment)
    borrowed = _submit(story, "Totally Ana", "ana@example.com", "Buy cheap watches today.")
    assert borrowed.comment.status == Comment.Status.PENDING
    assert borrowed.first_time
    # The regular herself, however she spaces or capitalises her name, is still known.
    again = _submit(story, "  ana   READER ", "ANA@example.com", "Still glad about the ferry.")
    assert again.comment.status == Comment.Status.APPROVED
    assert again.comment.author_name == "ana READER"


def test_a_regulars_name_with_another_email_is_held(story, first_time):
    regular = _submit(story, "Ana Reader", "ana@example.com", "A first, approved comment.")
    comment_approve(comment=regular.comment)
    other = _submit(story, "Ana Reader", "impostor@example.com", "Pretending to be Ana here.")
    assert other.comment.status == Comment.Status.PENDING


def test_form_errors_do_not_use_up_the_send_limit(post_comment, story, settings):
    settings.MASTHEAD_COMMENTS_RATE_LIMIT = 2
    for _ in range(4):  # four tries with the email missing: each gets the form back
        assert post_comment(story, email="", body="Fixing my typo.").status_code == 400
    assert post_comment(story, body="Sent at last.").status_code == 302
    assert post_comment(story, body="And a second thought.").status_code == 302
    assert post_comment(story, body="A third is too many.").status_code == 429
    assert Comment.objects.count() == 2


def test_every_post_counts_under_the_higher_attempt_limit(post_comment, story, settings):
    settings.MASTHEAD_COMMENTS_RATE_LIMIT = 5
    settings.MASTHEAD_COMMENTS_ATTEMPT_LIMIT = 3
    for _ in range(3):
        assert post_comment(story, email="").status_code == 400
    response = post_comment(story, body="A valid one, but too many posts.")
    assert response.status_code == 429
    assert "Retry-After" in response
    assert not Comment.objects.exists()


def _csrf_client(with_cookie: bool) -> Client:
    browser = Client(enforce_csrf_checks=True)
    if with_cookie:
        browser.cookies["csrftoken"] = "stale" + "x" * 27  # a cookie from an older secret
    return browser


FORGED = {"HTTP_ORIGIN": "https://evil.example", "HTTP_SEC_FETCH_SITE": "cross-site"}


@pytest.mark.parametrize("with_cookie", [False, True], ids=["no-cookie", "stale-cookie"])
def test_a_cross_site_post_keeps_the_readers_text(story, with_cookie):
    browser = _csrf_client(with_cookie)
    body = "My long comment about the <ferry> & the pier."
    data = form_data(body=body, csrfmiddlewaretoken="y" * 64)
    response = browser.post(f"/comments/{story.pk}/", data, **FORGED)
    assert response.status_code == 403
    html = response.content.decode()
    assert "We could not confirm that this comment was sent from our page" in html
    assert "My long comment about the &lt;ferry&gt; &amp; the pier." in html
    assert "Ana Reader" in html and story.headline in html
    assert "CSRF verification failed" not in html  # not Django's technical page
    assert not Comment.objects.exists()
    assert not response.cookies  # the refusal hands out no token either


@pytest.mark.parametrize("with_cookie", [False, True], ids=["no-cookie", "stale-cookie"])
def test_a_readers_stale_csrf_cookie_does_not_matter(story, with_cookie):
    browser = _csrf_client(with_cookie)
    data = form_data(body="Sent from the story page.")
    response = browser.post(f"/comments/{story.pk}/", data, HTTP_ORIGIN="http://testserver")
    assert response.status_code == 302
    assert Comment.objects.get().body == "Sent from the story page."


def test_the_admin_login_csrf_failure_is_the_sites_page(publication):
    browser = Client(enforce_csrf_checks=True)
    response = browser.post("/newsroom/login/", {"username": "a", "password": "b"})
    assert response.status_code == 403
    html = response.content.decode()
    assert "Please send the form again" in html
    assert publication.name in html
    assert "CSRF verification failed" not in html


def test_bad_requests_and_refusals_get_the_sites_pages(client, publication, settings):
    from django.test import RequestFactory

    from masthead import views

    request = RequestFactory().get("/")
    request.user = None
    for view, status, text in (
        (views.bad_request, 400, "We couldn’t understand that request"),
        (views.permission_denied, 403, "You can’t open this page"),
    ):
        response = view(request, Exception("x"))
        assert response.status_code == status
        html = response.content.decode()
        assert text in html and publication.name in html


def test_a_disallowed_host_gets_the_styled_400_page(client, publication):
    response = client.get("/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert "We couldn’t understand that request" in response.content.decode()
