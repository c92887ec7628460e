"""Optional second factor for staff: a time-based code (TOTP) from an authenticator app.

A staff member turns it on for their own account from "Two-step sign-in" in the newsroom's
header; from then on the newsroom's login asks for the six-digit code after the password.
With ``MASTHEAD_REQUIRE_2FA`` on, the newsroom admits only staff who signed in with a code
(those without a device yet are sent to set one up). Built on django-otp's TOTP devices.
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
from django_otp.plugins.otp_totp.models import TOTPDevice

DEVICE_NAME = "Authenticator app"


class StaffLoginForm(OTPAuthenticationFormMixin, AdminAuthenticationForm):
    """The newsroom login: password, then the code for those who turned two-step on."""

    otp_token = forms.CharField(
        label="Code from your authenticator app",
        required=False,
        max_length=8,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
        help_text="Only if you turned on two-step sign-in.",
    )
    otp_error_messages = {
        **OTPAuthenticationFormMixin.otp_error_messages,
        "token_required": "Enter the six-digit code from your authenticator app.",
        "invalid_token": "That code is wrong or has expired. Enter the current code.",
    }

    def _chosen_device(self, user):
        # One device per person (an authenticator app): no device picker on the login.
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
    if request.method == "POST" and request.POST.get("action") == "turn-off" and confirmed:
        if two_factor_required():
            messages.error(request, "Two-step sign-in is required in this newsroom.")
        else:
            TOTPDevice.objects.filter(user=user).delete()
            messages.success(request, "Two-step sign-in is off.")
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
                messages.success(request, "Two-step sign-in is on.")
                return redirect("newsroom_two_step")
            error = "That code is wrong or has expired. Enter the current code."
    context = {
        "title": "Two-step sign-in",
        "site_header": "Masthead newsroom",
        "has_permission": newsroom_admits(request),
        "device": confirmed,
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
