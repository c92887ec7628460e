import pytest
from hypothesis import given
from hypothesis import strategies as st

from masthead import text


@pytest.mark.parametrize(
    ("words", "minutes"),
    [(0, 1), (1, 1), (230, 1), (231, 2), (640, 3), (1000, 5)],
)
def test_reading_minutes_rounds_up_and_is_never_zero(words, minutes):
    assert text.reading_minutes(words) == minutes


def test_count_words_counts_contractions_and_hyphenated_words_once():
    assert text.count_words("The mayor’s plan, well-known to all, isn't new.") == 8


def test_markdown_renders_paragraphs_links_and_headings():
    html = text.render_markdown("## Vote\n\nThe [council](https://city.example) met.")
    assert "<h2>Vote</h2>" in html
    assert '<a href="https://city.example" rel="noopener noreferrer">council</a>' in html


@pytest.mark.parametrize(
    ("hostile", "forbidden"),
    [
        ("<script>alert(1)</script>Hi", "<script"),
        ('<img src="x.jpg" onerror="alert(1)">', "onerror"),
        ('<a href="javascript:alert(1)">x</a>', "javascript:"),
        ('<a href="JaVaScRiPt:alert(1)">x</a>', "alert"),
        ('<p onclick="steal()">x</p>', "onclick"),
        ("<iframe src='https://evil.example'></iframe>", "<iframe"),
        ("<style>body{display:none}</style>", "<style"),
        ('<svg onload="alert(1)"></svg>', "onload"),
        ('<a href="data:text/html,<script>alert(1)</script>">x</a>', "data:"),
    ],
)
def test_sanitize_removes_scripts_handlers_and_dangerous_urls(hostile, forbidden):
    assert forbidden.lower() not in text.sanitize_html(hostile).lower()
    assert forbidden.lower() not in text.render_markdown(hostile).lower()


def test_sanitize_keeps_article_markup():
    html = '<figure><img src="/a.jpg" alt="Pier"><figcaption>The pier</figcaption></figure>'
    assert text.sanitize_html(html) == html


@given(st.text())
def test_sanitized_output_never_contains_a_script_element(source):
    assert "<script" not in text.render_markdown(source + "<script>x</script>").lower()


def test_summarize_cuts_at_a_word_boundary():
    summary = text.summarize("one two three four five six", limit=12)
    assert summary == "one two…"
    assert len(summary) <= 12


def test_straight_quotes_become_typographic_ones_outside_code():
    from masthead import text

    html = text.render_markdown('"We missed it," said a rider -- the pier\'s regular.\n\n`"code"`')
    assert "“We missed it,”" in html
    assert "pier’s" in html
    assert "–" in html
    assert "<code>&quot;code&quot;</code>" in html or '<code>"code"</code>' in html
