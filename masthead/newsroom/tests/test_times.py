"""The story form reads times as the newsroom writes them."""

from __future__ import annotations

from datetime import date, time

import pytest
from django import forms

from masthead.newsroom.times import NewsroomDateTimeField, newsroom_time


@pytest.mark.parametrize(
    "typed, meant",
    [
        ("3:40 pm", time(15, 40)),
        ("3:40 p.m.", time(15, 40)),
        ("3:40PM", time(15, 40)),
        ("9 a.m.", time(9, 0)),
        ("9am", time(9, 0)),
        ("12:15 a.m.", time(0, 15)),
        ("15:40", time(15, 40)),
        ("15.40", time(15, 40)),
        ("noon", time(12, 0)),
        ("Midnight", time(0, 0)),
    ],
)
def test_newsroom_times_are_read(typed, meant):
    field = NewsroomDateTimeField()
    assert field.clean(["2026-12-03", typed]).time() == meant
    assert field.clean(["2026-12-03", typed]).date() == date(2026, 12, 3)


@pytest.mark.parametrize("typed", ["25:00", "3:40 xm", "half past three", "13 pm"])
def test_other_text_is_refused_with_an_example(typed):
    with pytest.raises(forms.ValidationError) as refused:
        NewsroomDateTimeField().clean(["2026-12-03", typed])
    assert "3:40 p.m." in " ".join(refused.value.messages)


def test_the_points_go_but_nothing_else_changes():
    assert newsroom_time("  3:40   P.M. ") == "3:40 pm"
    assert newsroom_time("15:40") == "15:40"
