"""search_stories() on whichever database the suite runs on: the same expectations hold for
PostgreSQL full-text search and SQLite FTS5 (the suite runs on both)."""

import io
from datetime import UTC, date, datetime, timedelta

import pytest
from django.core.management import call_command
from django.core.paginator import Paginator
from django.db import connection
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from masthead.newsroom.models import Article, Byline
from masthead.search.stories import search_stories
from masthead.testing.factories import (
    make_article,
    make_author,
    make_publication,
    make_section,
    make_tag,
)

pytestmark = pytest.mark.django_db

FILLER = " ".join(["The council met again on Tuesday evening to discuss the budget."] * 8)

HOSTILE_QUERIES = [
    '"',
    '"""',
    "'",
    '"lighthouse',
    'lighthouse"',
    "AND OR NOT NEAR *",
    "lighthouse AND",
    "OR",
    "NOT lighthouse",
    "NEAR(lighthouse keeper, 2)",
    "light*",
    "*",
    "^lighthouse",
    "headline:lighthouse",
    "{headline dek}: lighthouse",
    "(lighthouse",
    "lighthouse)",
    "((()))",
    "lighthouse -",
    "- -lighthouse",
    "!@#$%^&*()_+-=[]{}|;':\",./<>?`~\\",
    "lighthouse & keeper | !bus <-> <2>",
    "'; DROP TABLE newsroom_article; --",
    "السلام عليكم",
    "北京天气很好",
    "🚢⚓️🌊",
    "lighthouse 🚢",
    "lighthouse\x00keeper",
    "\x00",
    "\ue000lighthouse\ue001",
    "lighthouse " * 250,
    "x" * 2000,
    "ا" * 2000,
    "ö" * 1500 + " lighthouse",
]


@pytest.fixture
def publication():
    return make_publication(time_zone="America/New_York")


def _ids(results, count=50) -> list[int]:
    return [hit.article.pk for hit in results[:count]]


def test_headline_match_ranks_above_dek_above_body(publication):
    section = make_section()
    body_only = make_article(
        section=section,
        headline="Budget talks go late",
        body=FILLER + " lighthouse " * 10,
        published_at=timezone.now() - timedelta(hours=1),
    )
    in_dek = make_article(
        section=section,
        headline="Harbor news in brief",
        dek="The lighthouse will get new paint.",
        body=FILLER,
        published_at=timezone.now() - timedelta(hours=2),
    )
    in_headline = make_article(
        section=section,
        headline="Lighthouse keeper retires",
        body=FILLER,
        published_at=timezone.now() - timedelta(hours=3),
    )
    by_tag = make_article(
        section=section,
        headline="Storm watch",
        body=FILLER,
        tags=[make_tag(name="Lighthouse")],
        published_at=timezone.now() - timedelta(hours=4),
    )
    make_article(section=section, headline="Unrelated story", body=FILLER)
    results = search_stories("lighthouse")
    assert results.count() == 4
    assert _ids(results) == [in_headline.pk, in_dek.pk, body_only.pk, by_tag.pk]


def test_bylines_and_news_service_are_searched(publication):
    reporter = make_author(name="Marguerite Okonkwo")
    signed = make_article(authors=[reporter], body=FILLER)
    wire = make_article(byline_text="Dana Whitfield", source_name="Lakeshore News Service")
    assert _ids(search_stories("okonkwo")) == [signed.pk]
    assert _ids(search_stories("whitfield")) == [wire.pk]
    assert _ids(search_stories('"lakeshore news"')) == [wire.pk]


def test_bylines_written_in_bulk_are_searched(publication):
    from masthead.newsroom.bylines import bylines_set

    story = make_article(body=FILLER)  # no tags: no tag signal reindexes it by chance
    bylines_set(article=story, authors=[make_author(name="Ignatius Pemberton-Yu")])
    assert _ids(search_stories("pemberton")) == [story.pk]
    bylines_set(article=story, authors=[])
    assert _ids(search_stories("pemberton")) == []


def test_words_are_stemmed_and_case_does_not_matter(publication):
    story = make_article(headline="Crews repaired the ferries", body=FILLER)
    assert _ids(search_stories("REPAIRS ferry")) == [story.pk]


def test_every_word_must_match_and_phrases_keep_their_order(publication):
    both = make_article(headline="North pier reopens", body=FILLER)
    make_article(headline="North shore flooding", body=FILLER)
    reversed_order = make_article(headline="Pier north of town closes", body=FILLER)
    assert set(_ids(search_stories("north pier"))) == {both.pk, reversed_order.pk}
    assert _ids(search_stories('"north pier"')) == [both.pk]


def test_minus_excludes_and_or_widens(publication):
    ferry = make_article(headline="Ferry schedule changes", body=FILLER)
    ferry_bus = make_article(headline="Ferry and bus fares rise", body=FILLER)
    bus = make_article(headline="Bus depot expands", body=FILLER)
    assert _ids(search_stories("ferry -bus")) == [ferry.pk]
    assert set(_ids(search_stories("ferry or bus"))) == {ferry.pk, ferry_bus.pk, bus.pk}


def test_only_live_stories_are_found(publication):
    past = timezone.now() - timedelta(hours=1)
    live = make_article(headline="Regatta results", published_at=past)
    scheduled_past = make_article(headline="Regatta photos", status="scheduled", published_at=past)
    make_article(headline="Regatta draft", status="draft")
    make_article(headline="Regatta review", status="review")
    make_article(headline="Regatta pulled", status="unpublished", published_at=past)
    make_article(
        headline="Regatta preview",
        status="scheduled",
        published_at=timezone.now() + timedelta(hours=3),
    )
    assert set(_ids(search_stories("regatta"))) == {live.pk, scheduled_past.pk}
    assert search_stories("regatta").count() == 2


def test_filter_by_section(publication):
    city, sports = make_section(name="City"), make_section(name="Sports")
    in_city = make_article(section=city, headline="Marathon closes city streets")
    in_sports = make_article(section=sports, headline="Marathon winner sets record")
    assert _ids(search_stories("marathon", section=city)) == [in_city.pk]
    assert _ids(search_stories("marathon", section=sports)) == [in_sports.pk]
    assert search_stories("marathon").count() == 2


def test_filter_by_date_range_uses_whole_days_in_the_publication_time_zone(publication):
    # 02:00 UTC on 10 March is still 9 March in New York.
    late_on_ninth = make_article(
        headline="Tide tables published", published_at=datetime(2026, 3, 10, 2, 0, tzinfo=UTC)
    )
    on_tenth = make_article(
        headline="Tide gauge repaired", published_at=datetime(2026, 3, 10, 15, 0, tzinfo=UTC)
    )
    older = make_article(
        headline="Tide record broken", published_at=datetime(2026, 2, 1, 12, 0, tzinfo=UTC)
    )
    assert _ids(search_stories("tide", date_from=date(2026, 3, 10))) == [on_tenth.pk]
    assert _ids(search_stories("tide", date_to=date(2026, 3, 9))) == [late_on_ninth.pk, older.pk]
    assert _ids(search_stories("tide", date_from=date(2026, 3, 9), date_to=date(2026, 3, 9))) == [
        late_on_ninth.pk
    ]
    assert search_stories("tide", date_from=date(2026, 3, 1), date_to=date.max).count() == 2
    assert search_stories("tide", date_from=date(2026, 4, 1)).count() == 0


def test_results_page_through_without_gaps_or_repeats(publication):
    section = make_section()
    stories = [
        make_article(section=section, headline=f"Harbor dredging update {i}", body=FILLER)
        for i in range(25)
    ]
    paginator = Paginator(search_stories("dredging"), 10)
    assert paginator.count == 25
    assert paginator.num_pages == 3
    seen = [hit.article.pk for number in (1, 2, 3) for hit in paginator.page(number).object_list]
    assert len(seen) == 25
    assert set(seen) == {story.pk for story in stories}
    assert len(paginator.page(3).object_list) == 5


def test_equal_matches_come_newest_first(publication):
    section = make_section()
    now = timezone.now()
    older = make_article(section=section, headline="Pothole", published_at=now - timedelta(days=2))
    newer = make_article(section=section, headline="Pothole", published_at=now - timedelta(days=1))
    assert _ids(search_stories("pothole")) == [newer.pk, older.pk]


def test_snippets_highlight_matches_and_escape_the_story_text(publication):
    make_article(
        headline="Lighthouse <i>reopens</i> & more",
        body=FILLER + "\n\nVisitors climbed the `<b>old</b>` lighthouse stairs on Sunday.",
    )
    [hit] = search_stories("lighthouse")[:1]
    assert "<mark>lighthouse</mark>" in hit.snippet_html
    # Escaped (PostgreSQL) or dropped by text.plain_text (SQLite), never a live tag.
    assert "old" in hit.snippet_html
    assert "<b>" not in hit.snippet_html
    assert str(hit.headline_html) == "<mark>Lighthouse</mark> &lt;i&gt;reopens&lt;/i&gt; &amp; more"


def test_snippet_falls_back_to_the_start_of_the_body_when_only_the_headline_matches(publication):
    make_article(headline="Lighthouse keeper retires", body="After forty years on the rock.")
    [hit] = search_stories("lighthouse")[:1]
    assert "After forty years" in hit.snippet_html
    assert "<mark>" not in hit.snippet_html


@pytest.mark.parametrize("query", HOSTILE_QUERIES)
def test_hostile_queries_return_results_or_nothing_never_an_error(publication, query):
    make_article(headline="Lighthouse keeper retires", body="السلام عليكم " + FILLER)
    results = search_stories(query)
    assert results.count() >= 0
    assert isinstance(results[:20], list)
    assert isinstance(Paginator(results, 20).get_page(3).object_list, list)


def test_queries_in_other_scripts_find_stories_in_those_scripts(publication):
    arabic = make_article(headline="السلام عليكم يا أهل المدينة", body=FILLER)
    chinese = make_article(headline="港口", body="北京 天气 很好")
    assert _ids(search_stories("السلام")) == [arabic.pk]
    assert _ids(search_stories("天气")) == [chinese.pk]


def test_fts5_syntax_in_a_query_is_searched_as_words(publication):
    story = make_article(headline="Near the north pier, not the south", body=FILLER)
    assert _ids(search_stories("NEAR north NOT south")) == [story.pk]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(query=st.text(max_size=200))
def test_any_text_at_all_is_a_valid_query(publication, query):
    results = search_stories(query)
    assert results.count() >= 0
    assert isinstance(results[:5], list)


def test_index_follows_edits_to_headline_tags_and_bylines(publication):
    story = make_article(headline="Budget vote delayed", body=FILLER)
    story.headline = "Budget vote approved"
    story.save()
    assert _ids(search_stories("approved")) == [story.pk]
    assert _ids(search_stories("delayed")) == []

    tag = make_tag(name="Waterfront")
    story.tags.add(tag)
    assert _ids(search_stories("waterfront")) == [story.pk]
    tag.name = "Seafront"
    tag.save()
    assert _ids(search_stories("seafront")) == [story.pk]
    tag.articles.remove(story)
    assert _ids(search_stories("seafront")) == []
    tag.articles.add(story)
    tag.delete()
    assert _ids(search_stories("seafront")) == []

    reporter = make_author(name="Ingrid Haugland")
    Byline.objects.create(article=story, author=reporter)
    assert _ids(search_stories("haugland")) == [story.pk]
    reporter.name = "Ingrid Solberg"
    reporter.save()
    assert _ids(search_stories("solberg")) == [story.pk]
    Byline.objects.filter(article=story).delete()
    assert _ids(search_stories("solberg")) == []


def test_deleted_stories_leave_the_index(publication):
    story = make_article(
        headline="Ferry timetable", authors=[make_author()], tags=[make_tag(name="Ferries")]
    )
    story.delete()
    connection.check_constraints()  # no index row left pointing at the deleted story
    assert search_stories("ferry").count() == 0


def test_rebuild_command_indexes_stories_saved_without_signals(publication):
    section = make_section()
    Article.objects.bulk_create(
        [
            Article(
                headline=f"Imported kayak story {i}",
                slug=f"imported-kayak-{i}",
                body_html="<p>Paddling the bay.</p>",
                section=section,
                status="published",
                published_at=timezone.now() - timedelta(hours=i + 1),
            )
            for i in range(3)
        ]
    )
    assert search_stories("kayak").count() == 0
    output = io.StringIO()
    call_command("rebuild_search_index", stdout=output)
    assert "Indexed 3 stories" in output.getvalue()
    assert search_stories("kayak").count() == 3
    assert search_stories("paddling").count() == 3


def test_beyond_the_rank_window_older_matches_follow_by_date(publication, monkeypatch):
    monkeypatch.setattr("masthead.search.results.RANK_WINDOW", 2)
    section = make_section()
    now = timezone.now()

    def story(headline, body, days):
        return make_article(section=section, headline=headline, body=body + " " + FILLER,
                            published_at=now - timedelta(days=days))  # fmt: skip

    newest_body = story("Weekly notes", "The marina opened early.", 1)
    newer_headline = story("Marina opens early", "Spring arrives.", 2)
    older_body = story("Council notes", "The marina stayed shut.", 3)
    oldest_headline = story("Marina gets new docks", "Work began.", 4)
    results = search_stories("marina")
    assert results.count() == 4
    # The two newest are ranked (headline first), the older two follow by date.
    assert _ids(results) == [newer_headline.pk, newest_body.pk, older_body.pk, oldest_headline.pk]
    assert [hit.article.pk for hit in results[2:4]] == [older_body.pk, oldest_headline.pk]
