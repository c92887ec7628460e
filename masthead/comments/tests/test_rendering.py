"""A comment is plain text: paragraphs, line breaks and http(s) links, everything else escaped."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from masthead.comments.rendering import render_comment


class _Collector(HTMLParser):
    """Every start tag with its attributes, and the text, of an HTML fragment."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data) -> None:
        self.text.append(data)


def _parse(html: str) -> _Collector:
    collector = _Collector()
    collector.feed(html)
    collector.close()
    return collector


def _assert_only_our_markup(html: str) -> None:
    for tag, attrs in _parse(html).tags:
        assert tag in {"p", "br", "a"}, (tag, html)
        if tag == "a":
            assert set(attrs) == {"href", "rel"}, html
            assert attrs["rel"] == "nofollow ugc"
            assert attrs["href"].startswith(("http://", "https://")), html
        else:
            assert attrs == {}, html


def test_paragraphs_and_line_breaks():
    html = render_comment("First line\nsecond line\n\n\n\nNew paragraph\r\nwith CRLF")
    assert html == "<p>First line<br>second line</p>\n<p>New paragraph<br>with CRLF</p>"


def test_links_get_nofollow_ugc_and_keep_sentence_punctuation_outside():
    html = render_comment("See https://news.example/a?b=1&c=2. Or (www.example.org/x).")
    assert html == (
        '<p>See <a href="https://news.example/a?b=1&amp;c=2" rel="nofollow ugc">'
        "https://news.example/a?b=1&amp;c=2</a>. Or "
        '(<a href="https://www.example.org/x" rel="nofollow ugc">www.example.org/x</a>).</p>'
    )


def test_balanced_brackets_stay_in_the_link():
    html = render_comment("https://en.wikipedia.example/wiki/Pier_(disambiguation)")
    assert 'href="https://en.wikipedia.example/wiki/Pier_(disambiguation)"' in html


@pytest.mark.parametrize(
    ("body", "forbidden"),
    [
        ("<script>alert(1)</script>", "<script"),
        ('<img src=x onerror="alert(1)">', "<img"),
        ("<svg/onload=alert(1)>", "<svg"),
        ("javascript:alert(document.cookie)", "href"),
        ('<a href="javascript:alert(1)">click</a>', 'href="javascript'),
        ("[click](javascript:alert(1))", "href"),
        ("data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", "href"),
        ('https://x.example/"onmouseover="alert(1)', 'onmouseover="'),
        ("https://x.example/<script>alert(1)</script>", "<script"),
        ("<b><i>unclosed <div class='x'", "<div"),
        ("<!-- <style>body{display:none}</style>", "<style"),
        ("</textarea><script>alert(1)</script>", "</textarea>"),
        ("&lt;script&gt; already escaped", "&lt;script&gt; already"),
    ],
)
def test_hostile_input_is_shown_as_text(body, forbidden):
    html = render_comment(body)
    assert forbidden not in html
    _assert_only_our_markup(html)
    # What the reader typed is what other readers read, character for character.
    assert "".join(_parse(html).text) == body


def test_a_bare_scheme_or_www_is_not_a_link():
    assert render_comment("https:// and www. alone") == "<p>https:// and www. alone</p>"


def test_empty_body_renders_nothing():
    assert render_comment("   \n ") == ""


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                *"<>\"'&=/:. \n\r\t()[]abcxyz\u202e\x00",
                *["http://", "https://", "www.", "javascript:", "<script>", "onerror=", "<a href="],
            ]
        ),
        max_size=60,
    )
)
def test_any_text_renders_to_our_markup_only(pieces):
    html = render_comment("".join(pieces))
    _assert_only_our_markup(html)
    assert "<script" not in html.lower()
