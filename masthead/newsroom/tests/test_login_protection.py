"""Staff sign-in: lockout after wrong passwords, unlock in the admin, password reset by email,
sessions that end after a working day idle."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.core import mail
from django.test import Client
from django.utils import timezone

pytestmark = pytest.mark.django_db

LOGIN = "/newsroom/login/"
PASSWORD = "a-long-right-password-42"


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_user(
        "editor", email="editor@news.example", password=PASSWORD, is_staff=True
    )


def _login(client, password, ip="203.0.113.7", username="editor"):
    return client.post(
        LOGIN,
        {"username": username, "password": password, "next": "/newsroom/"},
        REMOTE_ADDR=ip,
    )


def test_fifty_wrong_passwords_block_the_51st_even_when_it_is_right(client, editor):
    for _ in range(50):
        assert _login(client, "wrong-password").status_code in (200, 429)
    response = _login(client, PASSWORD)
    assert response.status_code == 429
    html = response.content.decode()
    assert "Sign-in is paused for this account" in html
    assert "try again after" in html
    assert "_auth_user_id" not in client.session


def test_rotating_addresses_does_not_bypass_the_lockout(client, editor, settings):
    for i in range(settings.AXES_FAILURE_LIMIT):
        _login(client, "wrong-password", ip=f"198.51.100.{i + 1}")
    response = _login(client, PASSWORD, ip="192.0.2.200")
    assert response.status_code == 429


def test_a_few_mistakes_then_the_right_password_signs_in(client, editor):
    for _ in range(3):
        assert _login(client, "wrong").status_code == 200
    assert _login(client, PASSWORD).status_code == 302
    assert client.session["_auth_user_id"] == str(editor.pk)


def test_the_lockout_ends_after_the_cool_off(client, editor, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _login(client, "wrong")
    assert _login(client, PASSWORD).status_code == 429
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(hours=2))
    assert _login(client, PASSWORD).status_code == 302


def test_an_admin_unlocks_the_account_in_the_admin(client, editor, admin_client, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _login(client, "wrong")
    assert _login(client, PASSWORD).status_code == 429
    changelist = admin_client.get("/newsroom/axes/accessattempt/")
    assert changelist.status_code == 200
    assert "editor" in changelist.content.decode()
    ids = [str(pk) for pk in AccessAttempt.objects.values_list("pk", flat=True)]
    response = admin_client.post(
        "/newsroom/axes/accessattempt/",
        {"action": "delete_selected", "_selected_action": ids, "post": "yes"},
    )
    assert response.status_code == 302
    assert not AccessAttempt.objects.exists()
    assert _login(client, PASSWORD).status_code == 302


def test_the_login_page_links_to_password_reset(client):
    html = client.get(LOGIN).content.decode()
    assert 'href="/newsroom/password-reset/"' in html
    assert "Forgotten your login credentials?" in html


def test_password_reset_by_email_sets_a_new_password(client, editor):
    response = client.post("/newsroom/password-reset/", {"email": "editor@news.example"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    link = re.search(r"http://testserver(/newsroom/password-reset/\S+/\S+/)", mail.outbox[0].body)
    form = client.get(link.group(1), follow=True)
    assert form.status_code == 200
    new = "another-long-password-77"
    done = client.post(
        form.redirect_chain[-1][0], {"new_password1": new, "new_password2": new}, follow=True
    )
    assert done.status_code == 200
    editor.refresh_from_db()
    assert editor.check_password(new)


def test_password_reset_answers_the_same_for_unknown_addresses(client, editor):
    known = client.post("/newsroom/password-reset/", {"email": "editor@news.example"})
    unknown = client.post("/newsroom/password-reset/", {"email": "nobody@news.example"})
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    assert len(mail.outbox) == 1  # only the real address got mail


def test_a_staff_session_ends_after_a_working_day_idle(editor, settings):

    assert 9 * 3600 <= settings.SESSION_COOKIE_AGE <= 10 * 3600
    assert settings.SESSION_SAVE_EVERY_REQUEST
    browser = Client()
    assert _login(browser, PASSWORD).status_code == 302
    from django.contrib.sessions.models import Session

    key = browser.cookies["sessionid"].value
    # Active in the morning: each request pushes the end of the session on.
    Session.objects.filter(pk=key).update(expire_date=timezone.now() + timedelta(hours=1))
    assert browser.get("/newsroom/").status_code == 200
    renewed = Session.objects.get(pk=key).expire_date
    assert renewed > timezone.now() + timedelta(hours=9)
    # Then idle past the age: the session has expired and the admin asks for a sign-in.
    Session.objects.filter(pk=key).update(expire_date=timezone.now() - timedelta(seconds=1))
    response = browser.get("/newsroom/")
    assert response.status_code == 302 and "/newsroom/login/" in response["Location"]
