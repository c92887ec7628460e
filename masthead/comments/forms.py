from __future__ import annotations

import re
import unicodedata

from django import forms
from django.utils.functional import cached_property, lazy
from django.utils.translation import gettext, gettext_lazy

from . import spam
from .models import BODY_MAX_LENGTH, NAME_MAX_LENGTH, Comment

# Control characters are never part of a name or a comment; newlines and tabs are, in comments.
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _interpolated(message, values: dict) -> str:
    """``message % values``, made when it is shown, in the page's language."""
    return lazy(lambda: str(message) % values, str)()


_GONE = gettext_lazy(
    "The comment you are replying to is no longer shown. Your text is kept below: send it "
    "again to post it as a new comment."
)
STAMP_ERRORS = {
    "too fast": gettext_lazy(
        "That was quicker than we expect from a person. Please check your comment and send it "
        "again."
    ),
    "expired": gettext_lazy("This page was open for a long time. Please send your comment again."),
    "forged": gettext_lazy("Something went wrong with the form. Please send your comment again."),
}


class CommentForm(forms.Form):
    """The reader's form under a story. The email is required so a returning commenter can be
    recognised (and a first-time commenter held), and it is never shown."""

    name = forms.CharField(
        label=gettext_lazy("Name"),
        max_length=NAME_MAX_LENGTH,
        error_messages={
            "required": gettext_lazy("Please give your name."),
            # Django fills in limit_value (NAME_MAX_LENGTH) when it shows the message.
            "max_length": gettext_lazy("Please keep your name to %(limit_value)d characters."),
        },
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=gettext_lazy("Email"),
        max_length=254,
        help_text=gettext_lazy("Never shown to readers."),
        error_messages={
            "required": gettext_lazy("Please give your email address. It is never shown."),
            "invalid": gettext_lazy(
                "Please check your email address: it should look like name@example.com."
            ),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    body = forms.CharField(
        label=gettext_lazy("Comment"),
        # No maxlength attribute: a browser would silently cut a long paste. The limit is checked
        # here with a message that says by how much the text is over it.
        help_text=_interpolated(
            gettext_lazy(
                "Plain text, up to %(limit)s characters. Links start with http:// or https://."
            ),
            {"limit": f"{BODY_MAX_LENGTH:,}"},
        ),
        strip=True,
        error_messages={"required": gettext_lazy("Please write your comment.")},
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    # The honeypot: a field people never see or reach, that form-filling robots fill in.
    website = forms.CharField(
        label=gettext_lazy("Leave this field empty"),
        required=False,
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "tabindex": "-1", "class": "comment-trap-input"}
        ),
    )
    stamp = forms.CharField(required=False, widget=forms.HiddenInput)
    parent = forms.IntegerField(
        required=False,
        min_value=1,
        widget=forms.HiddenInput,
        error_messages={"invalid": _GONE, "min_value": _GONE},
    )

    def __init__(self, *args, article, **kwargs) -> None:
        self.article = article
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("stamp", spam.issue_stamp())

    def clean_name(self) -> str:
        name = _CONTROL_RE.sub("", self.cleaned_data["name"]).strip()
        name = unicodedata.normalize("NFC", name)
        if not name:
            raise forms.ValidationError(gettext("Please give your name."))
        return name

    def clean_body(self) -> str:
        body = self.cleaned_data["body"].replace("\r\n", "\n").replace("\r", "\n")
        body = unicodedata.normalize("NFC", _CONTROL_RE.sub("", body)).strip()
        if not body:
            raise forms.ValidationError(gettext("Please write your comment."))
        if len(body) > BODY_MAX_LENGTH:
            raise forms.ValidationError(
                gettext(
                    "Your comment is %(length)s characters long; the limit is %(limit)s. "
                    "Please shorten it by %(over)s characters."
                )
                % {
                    "length": f"{len(body):,}",
                    "limit": f"{BODY_MAX_LENGTH:,}",
                    "over": f"{len(body) - BODY_MAX_LENGTH:,}",
                }
            )
        return body

    def clean_parent(self) -> Comment | None:
        parent_id = self.cleaned_data.get("parent")
        if not parent_id:
            return None
        parent = (
            Comment.objects.approved()
            .filter(article=self.article, pk=parent_id)
            .select_related("parent")
            .first()
        )
        if parent is None:
            raise forms.ValidationError(_GONE)
        return parent

    def clean(self) -> dict:
        cleaned = super().clean()
        try:
            cleaned["nonce"] = spam.read_stamp(cleaned.get("stamp", ""))
        except spam.StampError as error:
            self.add_error(None, STAMP_ERRORS[str(error)])
        return cleaned

    def refreshed_for_display(self) -> CommentForm:
        """After an error: a fresh stamp, and no reply target if that comment has gone."""
        data = self.data.copy()
        data["stamp"] = spam.issue_stamp()
        if "parent" in self.errors:
            data["parent"] = ""
        self.data = data
        return self

    @cached_property
    def reply_to_id(self) -> int | None:
        value = self["parent"].value()
        try:
            return int(value) if value else None
        except (TypeError, ValueError):
            return None
