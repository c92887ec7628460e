"""Optional two-step sign-in (TOTP) for staff: enrol from the newsroom, then the login asks
for the code; with MASTHEAD_REQUIRE_2FA the newsroom admits only staff signed in with one."""

from __future__ import annotations

import re
from base64 import b32decode

import pytest
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from masthead.testing.factories import PASSWORD, make_publication, make_user

pytestmark = pytest.mark.django_db
LOGIN = "/newsroom/login/"
SETUP = "/newsroom/two-step/"


@pytest.fixture(autouse=True)
def publication():
    return make_publication()


def code_for(device: TOTPDevice, *, offset: int = 0) -> str:
    value = totp(device.bin_key, step=device.step, t0=device.t0, digits=6, drift=offset)
    return f"{value:06d}"


def wait_out_the_throttle(device: TOTPDevice) -> None:
    # django-otp makes each wrong code cost a growing wait; a test stands in for the wait.
    device.refresh_from_db()
    device.throttle_reset()


def log_in(client: Client, username: str, token: str = "") -> object:
    data = {"username": username, "password": PASSWORD, "next": "/newsroom/"}
    if token:
        data["otp_token"] = token
    return client.post(LOGIN, data)


def enrolled_editor():
    user = make_user(role="Editor", is_staff=True)
    client = Client()
    client.force_login(user)
    page = client.get(SETUP).content.decode()
    assert "<svg" in page and "Key:" in page
    key = re.search(r"Key: <code>([A-Z2-7 ]+)</code>", page).group(1).replace(" ", "")
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    assert b32decode(key + "=" * (-len(key) % 8)) == device.bin_key  # the key shown is real
    assert client.post(SETUP, {"otp_token": "000000" if code_for(device) != "000000" else "1"})
    device.refresh_from_db()
    assert not device.confirmed  # a wrong code turns nothing on
    wait_out_the_throttle(device)
    client.post(SETUP, {"otp_token": code_for(device)})
    device.refresh_from_db()
    assert device.confirmed
    return user, device


def test_without_a_device_the_password_is_enough() -> None:
    user = make_user(role="Editor", is_staff=True)
    response = log_in(Client(), user.username)
    assert response.status_code == 302 and response["Location"] == "/newsroom/"


def test_an_enrolled_account_needs_its_code() -> None:
    user, device = enrolled_editor()
    missing = log_in(Client(), user.username)
    assert missing.status_code == 200
    assert "Enter the six-digit code" in missing.content.decode()
    wrong = log_in(
        Client(), user.username, token="123456" if code_for(device) != "123456" else "654321"
    )
    assert wrong.status_code == 200 and "wrong or has expired" in wrong.content.decode()
    wait_out_the_throttle(device)
    client = Client()  # the code used to enrol may not be replayed: the next one
    right = log_in(client, user.username, token=code_for(device, offset=1))
    assert right.status_code == 302
    assert client.get("/newsroom/").status_code == 200


def test_required_two_step_admits_only_verified_staff(settings) -> None:
    settings.MASTHEAD_REQUIRE_2FA = True
    plain = make_user(role="Editor", is_staff=True)
    client = Client()
    log_in(client, plain.username)
    assert client.get("/newsroom/").status_code == 302  # back to the login, not admitted
    assert client.get(SETUP).status_code == 200  # but may set two-step up
    user, device = enrolled_editor()
    verified = Client()
    log_in(verified, user.username, token=code_for(device, offset=1))
    assert verified.get("/newsroom/").status_code == 200


def test_the_login_page_shows_the_code_field() -> None:
    page = Client().get(LOGIN).content.decode()
    assert 'name="otp_token"' in page and 'autocomplete="one-time-code"' in page


def test_anonymous_visitors_cannot_open_the_setup() -> None:
    response = Client().get(SETUP)
    assert response.status_code == 302 and LOGIN in response["Location"]


# --- Recovery codes ---------------------------------------------------------------------------

RECOVERY = re.compile(r"<li><code>([a-z2-7]{8})</code></li>")


def test_turning_two_step_on_shows_ten_recovery_codes_once() -> None:
    user = make_user(role="Editor", is_staff=True)
    client = Client()
    client.force_login(user)
    client.get(SETUP)
    device = TOTPDevice.objects.get(user=user)
    first = client.post(SETUP, {"otp_token": code_for(device)}, follow=True).content.decode()
    codes = RECOVERY.findall(first)
    assert len(codes) == 10 and len(set(codes)) == 10
    assert "only time they are shown" in first
    again = client.get(SETUP).content.decode()
    assert RECOVERY.findall(again) == [] and not any(code in again for code in codes)
    assert "Recovery codes left: 10 of 10" in again


def _enrol_and_keep_codes():
    user = make_user(role="Editor", is_staff=True)
    client = Client()
    client.force_login(user)
    client.get(SETUP)
    device = TOTPDevice.objects.get(user=user)
    page = client.post(SETUP, {"otp_token": code_for(device)}, follow=True).content.decode()
    return user, device, client, RECOVERY.findall(page)


def test_a_recovery_code_signs_in_once_only() -> None:
    user, _, _, codes = _enrol_and_keep_codes()
    client = Client()
    response = log_in(client, user.username, token=codes[3].upper())  # typed in capitals
    assert response.status_code == 302 and response["Location"] == "/newsroom/"
    assert client.get("/newsroom/").status_code == 200
    replay = log_in(Client(), user.username, token=codes[3])
    assert replay.status_code == 200 and "wrong or has expired" in replay.content.decode()
    StaticDevice.objects.get(user=user).throttle_reset()
    assert log_in(Client(), user.username, token=codes[4]).status_code == 302


def test_a_recovery_code_counts_as_verified_when_two_step_is_required(settings) -> None:
    settings.MASTHEAD_REQUIRE_2FA = True
    user, _, _, codes = _enrol_and_keep_codes()
    client = Client()
    log_in(client, user.username, token=codes[0])
    assert client.get("/newsroom/").status_code == 200


def test_someone_elses_recovery_code_does_not_sign_in() -> None:
    _, _, _, their_codes = _enrol_and_keep_codes()
    me, _, _, _ = _enrol_and_keep_codes()
    response = log_in(Client(), me.username, token=their_codes[0])
    assert response.status_code == 200 and "wrong or has expired" in response.content.decode()


def test_new_recovery_codes_replace_the_old_ones() -> None:
    user, _, client, old = _enrol_and_keep_codes()
    page = client.post(SETUP, {"action": "new-recovery-codes"}, follow=True).content.decode()
    new = RECOVERY.findall(page)
    assert len(new) == 10 and not set(new) & set(old)
    refused = log_in(Client(), user.username, token=old[0])
    assert refused.status_code == 200
    # django-otp slows guessing: after a wrong code the device waits a second before the next.
    from django_otp.plugins.otp_static.models import StaticDevice

    StaticDevice.objects.filter(user=user).update(throttling_failure_count=0)
    assert log_in(Client(), user.username, token=new[0]).status_code == 302


def test_making_new_codes_needs_a_post_with_the_csrf_token() -> None:
    user, _, _, codes = _enrol_and_keep_codes()
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(user)
    assert strict.post(SETUP, {"action": "new-recovery-codes"}).status_code == 403
    strict.get(SETUP, {"action": "new-recovery-codes"})
    assert log_in(Client(), user.username, token=codes[0]).status_code == 302  # still valid


def test_turning_two_step_off_removes_the_recovery_codes() -> None:
    user, _, client, _ = _enrol_and_keep_codes()
    client.post(SETUP, {"action": "turn-off"})
    assert not StaticToken.objects.filter(device__user=user).exists()
