"""Reading readers' queries: what each engine is asked, whatever was typed."""

import re

from hypothesis import given
from hypothesis import strategies as st

from masthead.search.query import MAX_WORDS, any_two_of, keywords, parse_query

# What the engine syntaxes may contain once a query has been read: words, quotes around them,
# the operators we write, parentheses we write, spaces.
_FTS5_SAFE = re.compile(
    r'^(\("[^\W_]+( [^\W_]+)*"( "[^\W_]+( [^\W_]+)*")*\)( NOT "[^"]+")*( OR )?)*$'
)


def test_plain_words_must_all_appear():
    parsed = parse_query("ferry pier")
    assert parsed.to_websearch() == "ferry pier"
    assert parsed.to_fts5() == '("ferry" "pier")'


def test_quotes_make_a_phrase_and_a_hyphenated_word_is_one_too():
    assert parse_query('"north pier" covid-19').to_fts5() == '("north pier" "covid 19")'
    assert parse_query('"north pier" covid-19').to_websearch() == '"north pier" "covid 19"'


def test_minus_leaves_out_and_or_means_either():
    parsed = parse_query('ferry -bus or "night train" -"day trip"')
    assert parsed.to_websearch() == 'ferry -bus or "night train" -"day trip"'
    assert parsed.to_fts5() == '("ferry") NOT "bus" OR ("night train") NOT "day trip"'


def test_fts5_operators_typed_by_a_reader_are_plain_words():
    parsed = parse_query("ferry AND pier NEAR(bus) NOT * ^col: {x}")
    assert parsed.to_fts5() == '("ferry" "and" "pier" "near bus" "not" "col" "x")'


def test_or_at_the_edges_or_doubled_is_ignored_and_quoted_or_is_a_word():
    assert parse_query("or ferry or or pier or").to_websearch() == "ferry or pier"
    assert parse_query('"or"').to_websearch() == '"or"'


def test_nothing_to_search_for_is_empty():
    for text in ["", "   ", "!!! ??? ***", '""', "-ferry", "🚢🚢", "\x00\x00", "- - -", "or"]:
        assert parse_query(text).is_empty, text


def test_other_scripts_are_words():
    assert parse_query("السلام عليكم").words == ["السلام", "عليكم"]
    assert parse_query("北京 天气").words == ["北京", "天气"]
    assert parse_query("Zürich café").words == ["zürich", "café"]


def test_long_queries_are_cut_to_a_bounded_number_of_words():
    parsed = parse_query("harbor " * 400)
    assert parsed.truncated
    assert len(parsed.words) == MAX_WORDS


def test_very_long_words_are_dropped():
    assert parse_query("a" * 500 + " ferry").words == ["ferry"]


def test_keywords_skip_short_and_stop_words_and_repeats():
    words = keywords("The Ferry returns: ferry riders cheer, says mayor", stop_words={"says"})
    assert words == ["ferry", "returns", "riders", "cheer", "mayor"]


def test_any_two_of_needs_two_of_the_words():
    query = any_two_of(["ferry", "pier", "storm"])
    assert query.to_websearch() == "ferry pier or ferry storm or pier storm"
    assert query.to_fts5() == '("ferry" "pier") OR ("ferry" "storm") OR ("pier" "storm")'
    assert any_two_of(["ferry"]).to_websearch() == "ferry"
    assert any_two_of([]).is_empty


@given(st.text(max_size=300))
def test_any_text_becomes_safe_engine_syntax(text):
    parsed = parse_query(text)
    fts5 = parsed.to_fts5()
    assert _FTS5_SAFE.match(fts5), fts5
    websearch = parsed.to_websearch()
    assert "\x00" not in websearch
    assert all(ch.isalnum() or ch in ' "-' for ch in websearch), websearch
    assert parsed.is_empty == (fts5 == "")
