"""Optional second factor for staff: a time-based code (TOTP) from an authenticator app.

A staff member turns it on for their own account from "Two-step sign-in" in the newsroom's
header; from then on the newsroom's login asks for the six-digit code after the password.
With ``MASTHEAD_REQUIRE_2FA`` on, the newsroom admits only staff who signed in with a code
(those without a device yet are sent to set one up). Built on django-otp's TOTP devices.

Turning it on also makes ten one-time recovery codes (django-otp's static device), shown once,
for the day the phone is lost: each one signs in once in place of the app's code, and the
person can replace the whole set at any time (the old codes then stop working).
"""

from __future__ import annotations

import io

import django_otp
import qrcode
import qrcode.image.svg
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_http_methods
from django_otp import user_has_device
from django_otp.forms import OTPAuthenticationFormMixin
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

DEVICE_NAME = "Authenticator app"
RECOVERY_NAME = "Recovery codes"
RECOVERY_CODE_COUNT = 10
# The codes just made, kept in the session only until the page that shows them is rendered.
_FRESH_CODES = "masthead_recovery_codes"


def _normal_code(token: str) -> str:
    return token.strip().replace(" ", "").replace("-", "").lower()


def is_recovery_code(token: str) -> bool:
    """App codes are digits only; recovery codes are never all digits (see below)."""
    token = _normal_code(token)
    return bool(token) and not token.isdigit()


def recovery_codes_make(user) -> list[str]:
    """A new set of one-time recovery codes for ``user``; any earlier set stops working."""
    device, _ = StaticDevice.objects.get_or_create(
        user=user, name=RECOVERY_NAME, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes: list[str] = []
    while len(codes) < RECOVERY_CODE_COUNT:
        code = StaticToken.random_token()  # 8 base32 characters, 40 random bits
        if not code.isdigit() and code not in codes:  # all digits would read as an app code
            codes.append(code)
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def recovery_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__name=RECOVERY_NAME).count()


class StaffLoginForm(OTPAuthenticationFormMixin, AdminAuthenticationForm):
    """The newsroom login: password, then the code for those who turned two-step on."""

    otp_token = forms.CharField(
        label="Code from your authenticator app",
        required=False,
        max_length=12,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code"}),
        help_text="Only if you turned on two-step sign-in. Lost your phone? Enter one of "
        "your recovery codes instead.",
    )
    otp_error_messages = {
        **OTPAuthenticationFormMixin.otp_error_messages,
        "token_required": "Enter the six-digit code from your authenticator app.",
        "invalid_token": "That code is wrong or has expired. Enter the current code.",
    }

    def clean_otp_token(self) -> str:
        token = self.cleaned_data.get("otp_token") or ""
        return _normal_code(token) if is_recovery_code(token) else token.strip()

    def _chosen_device(self, user):
        # The app, or the recovery codes when what was typed is one: no device picker.
        if is_recovery_code(self.cleaned_data.get("otp_token") or ""):
            return StaticDevice.objects.filter(user=user, confirmed=True).first()
        return TOTPDevice.objects.filter(user=user, confirmed=True).first()

    def clean(self):
        cleaned = super().clean()
        user = self.get_user()
        if user is not None and user_has_device(user):
            self.clean_otp(user)
        return cleaned


def two_factor_required() -> bool:
    return bool(getattr(settings, "MASTHEAD_REQUIRE_2FA", False))


def newsroom_admits(request: HttpRequest) -> bool:
    """The admin site's permission check, with the second factor when it is required."""
    user = request.user
    if not (user.is_active and user.is_staff):
        return False
    return not two_factor_required() or user.is_verified()


def _qr_svg(url: str) -> str:
    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    buffer = io.BytesIO()
    image.save(buffer)
    return buffer.getvalue().decode()


@login_required(login_url="admin:login")
@require_http_methods(["GET", "POST"])
def two_step_setup(request: HttpRequest) -> HttpResponse:
    """Turn two-step sign-in on (scan, then confirm with a code) or off, for oneself."""
    user = request.user
    if not user.is_staff:
        return redirect("admin:login")
    confirmed = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    error = ""
    action = request.POST.get("action") if request.method == "POST" else None
    if action == "turn-off" and confirmed:
        if two_factor_required():
            messages.error(request, "Two-step sign-in is required in this newsroom.")
        else:
            TOTPDevice.objects.filter(user=user).delete()
            StaticDevice.objects.filter(user=user).delete()
            messages.success(request, "Two-step sign-in is off.")
        return redirect("newsroom_two_step")
    if action == "new-recovery-codes" and confirmed:
        request.session[_FRESH_CODES] = recovery_codes_make(user)
        messages.success(request, "New recovery codes made; the old ones no longer work.")
        return redirect("newsroom_two_step")
    pending = None
    if confirmed is None:
        pending = TOTPDevice.objects.filter(user=user, confirmed=False).first()
        pending = pending or TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
        if request.method == "POST":
            token = (request.POST.get("otp_token") or "").strip().replace(" ", "")
            if token.isdigit() and pending.verify_token(token):
                pending.confirmed = True
                pending.save()
                django_otp.login(request, pending)
                request.session[_FRESH_CODES] = recovery_codes_make(user)
                messages.success(request, "Two-step sign-in is on.")
                return redirect("newsroom_two_step")
            error = "That code is wrong or has expired. Enter the current code."
    context = {
        "title": "Two-step sign-in",
        "site_header": "Masthead newsroom",
        "has_permission": newsroom_admits(request),
        "device": confirmed,
        # Shown once: popped from the session as the page is made.
        "recovery_codes": request.session.pop(_FRESH_CODES, None) if confirmed else None,
        "recovery_codes_left": recovery_codes_left(user) if confirmed else 0,
        "pending": pending,
        "error": error,
        "qr_svg": mark_safe(_qr_svg(pending.config_url)) if pending else "",
        "secret": _base32(pending) if pending else "",
    }
    return TemplateResponse(request, "admin/two_step.html", context)


def _base32(device: TOTPDevice) -> str:
    from base64 import b32encode

    key = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))
