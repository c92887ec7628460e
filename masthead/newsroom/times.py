"""Times as a newsroom types them: "3:40 pm", "3:40 p.m.", "9am", "15:40", "noon"."""

from __future__ import annotations

import re

from django import forms

TIME_FORMATS = [
    "%H:%M", "%H:%M:%S", "%H.%M", "%I:%M %p", "%I:%M%p", "%I %p", "%I%p", "%I.%M %p",
]  # fmt: skip
_WORDS = {"noon": "12:00 pm", "midday": "12:00 pm", "midnight": "12:00 am"}


def newsroom_time(text: str) -> str:
    """``text`` in a form Python's time formats read: "a.m." and "p.m." lose their points,
    noon and midnight become times."""
    cleaned = " ".join(text.strip().lower().split())
    if cleaned in _WORDS:
        return _WORDS[cleaned]
    return re.sub(r"\b([ap])\.?\s?m\.?$", r" \1m", cleaned).replace("  ", " ")


class NewsroomDateTimeField(forms.SplitDateTimeField):
    """A date and a time, the time in any of the newsroom's ways of writing one."""

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("input_time_formats", TIME_FORMATS)
        super().__init__(**kwargs)
        self.fields[1].error_messages["invalid"] = "Enter a time such as 15:40 or 3:40 p.m."

    def clean(self, value):
        if isinstance(value, (list, tuple)) and len(value) == 2 and isinstance(value[1], str):
            value = [value[0], newsroom_time(value[1])]
        return super().clean(value)
