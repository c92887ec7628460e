"""Optional two-step sign-in (TOTP) for staff: enrol from the newsroom, then the login asks
for the code; with MASTHEAD_REQUIRE_2FA the newsroom admits only staff signed in with one."""

from __future__ import annotations

import re
from base64 import b32decode

import pytest
from django.test import Client
from django_otp.oath import totp
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
