"""Saved HTML pages: where dates, authors, slugs and the hero photo come from, and the
extraction score on the bench's saved pages."""

from __future__ import annotations

import importlib.util
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from masthead.ingest.formats import page

BENCH = Path(__file__).resolve().parents[3] / "bench" / "extraction_f1.py"
PARAGRAPHS = (
    "<p>The county opened the new footbridge over the mill race on Saturday morning, a year "
    "after floods swept the old one away.</p><p>Walkers crossed it within minutes of the "
    "ribbon being cut, and the first cyclist followed soon after.</p>"
)


def _page(head: str, body: str = "") -> bytes:
    return (
        f"<!doctype html><html><head><title>Footbridge opens</title>{head}</head>"
        f"<body><article><h1>Footbridge opens</h1>{body}{PARAGRAPHS}</article></body></html>"
    ).encode()


def _story(data: bytes, **options) -> page.StoryRecord:
    (story,) = page.parse(data, **options).records
    return story


def test_microdata_date_and_author() -> None:
    story = _story(
        _page(
            "",
            '<div itemprop="author" itemscope><span itemprop="name">Ada Brun</span></div>'
            '<meta itemprop="datePublished" content="2025-09-14T08:00:00Z">',
        )
    )
    assert story.published == datetime(2025, 9, 14, 8, tzinfo=UTC)
    assert story.bylines == ["Ada Brun"]


def test_parsely_meta_and_parsely_metadata_json() -> None:
    story = _story(
        _page(
            '<meta name="parsely-pub-date" content="2025-09-14T08:00:00Z">'
            '<meta name="parsely-author" content="Ada Brun">'
        )
    )
    assert (story.published, story.bylines) == (datetime(2025, 9, 14, 8, tzinfo=UTC), ["Ada Brun"])
    metadata = '{"pub_date": "2024-01-02T03:04:05Z", "authors": ["Li Wen", "Sam Ortiz"]}'
    story = _story(_page(f"<meta name='parsely-metadata' content='{metadata}'>"))
    assert story.published == datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)
    assert story.bylines == ["Li Wen", "Sam Ortiz"]


def test_time_element_rel_author_and_printed_byline() -> None:
    story = _story(
        _page(
            "",
            '<p class="byline">By <a rel="author" href="/s/ada">Ada Brun</a> | '
            '<time datetime="2025-09-14">Sept. 14, 2025</time></p>',
        )
    )
    assert story.published == datetime(2025, 9, 14, tzinfo=UTC)
    assert story.bylines == ["Ada Brun"]
    assert "Ada" not in story.body_html and "Sept" not in story.body_html


def test_printed_dateline_when_nothing_else_dates_the_page() -> None:
    story = _story(_page("", "<p>Published March 3, 2026</p>"))
    assert story.published == datetime(2026, 3, 3, tzinfo=UTC)
    assert "Published" not in story.body_html


def test_undated_page_is_not_dated_now() -> None:
    assert _story(_page("")).published is None


@pytest.mark.parametrize(
    "head,slug",
    [
        ('<link rel="canonical" href="https://x.example/post/velk%C3%A1m">', "velkam"),
        ('<link rel="canonical" href="https://x.example/zpravy/chmura.html">', "chmura"),
        ('<link rel="canonical" href="https://x.example/2025/bridge-opens/index.html">',
         "bridge-opens"),
        ('<link rel="canonical" href="https://x.example/news/story.php">', "footbridge-opens"),
        ('<link rel="canonical" href="https://x.example/news/bridge-opens/amp/">', "bridge-opens"),
        ('<link rel="canonical" href="/news/bridge-opens.htm">'
         '<meta property="og:url" content="https://x.example/other">', "bridge-opens"),
    ],
)  # fmt: skip
def test_slug_from_the_decoded_path(head: str, slug: str) -> None:
    assert _story(_page(head)).slug == slug


def test_relative_canonical_resolved_against_og_url() -> None:
    story = _story(
        _page(
            '<link rel="canonical" href="/news/bridge-opens">'
            '<meta property="og:url" content="https://www.x.example/amp/bridge-opens">'
        )
    )
    assert story.original_url == "https://www.x.example/news/bridge-opens"
    assert story.source_id == story.original_url
    assert story.old_urls == ["/news/bridge-opens"]


def test_hero_is_never_a_placeholder_or_data_uri() -> None:
    story = _story(
        _page(
            "",
            '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" '
            'data-srcset="https://x.example/a-400.jpg 400w, https://x.example/a-1600.jpg 1600w">'
            '<img class="blur-placeholder" src="https://x.example/a-blur.jpg">',
        )
    )
    assert [p.url for p in story.photos] == ["https://x.example/a-1600.jpg"]
    assert "data:" not in story.body_html and "blur" not in story.body_html


def test_blurred_og_image_falls_back_to_the_article_image() -> None:
    story = _story(
        _page(
            '<meta property="og:image" content="https://x.example/m/a.jpg/v1/fill/w_40,blur_3/a.jpg">',
            '<img src="https://x.example/m/hero.jpg" alt="The bridge">',
        )
    )
    assert story.photos[0].url == "https://x.example/m/hero.jpg"


def test_chrome_boxes_inside_the_article_are_dropped() -> None:
    chrome = (
        '<form role="search"><input name="q"><button>Search</button></form>'
        '<div class="weather-promo"><p>Loading weather data ...</p></div>'
        '<div class="newsletter-signup"><p>Get the morning briefing in your inbox.</p></div>'
        '<div class="read-more"><p><a href="/x">Read more: harbour dredging</a></p></div>'
        '<a href="/bridge"></a><p>Footbridge opens</p>'
    )
    body = _story(_page("", chrome)).body_html
    for leak in ("Search", "weather", "briefing", "dredging", 'href="/bridge"', "Footbridge"):
        assert leak not in body
    assert body.count("<p>") == 2


def test_the_dateline_printed_twice_is_kept_once() -> None:
    twice = "<p>RIVERTON \u2014 Crews began work at dawn on the approach ramps.</p>"
    body = _story(_page("", twice + twice)).body_html
    assert body.count("RIVERTON") == 1


def _bench():
    spec = importlib.util.spec_from_file_location("extraction_f1", BENCH)
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("extraction_f1", module)  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_bench_pages_score_at_least_096_with_headline_byline_and_date_right() -> None:
    bench = _bench()
    pages = bench.expected_pages()
    assert len(pages) >= 15
    scores = [bench.score_page_import(path, expected) for path, expected in pages]
    wrong = [(s.name, s.headline, s.byline, s.date) for s in scores]
    assert all(all(w[1:]) for w in wrong), [w for w in wrong if not all(w[1:])]
    assert bench.summary(scores)["f1"] >= 0.96
    assert min(s.f1 for s in scores) >= 0.9


def test_a_sentence_starting_with_by_stays_in_the_body() -> None:
    story = _story(_page("", "<p>By noon, hundreds had crossed.</p>"))
    assert story.bylines == []
    assert "By noon" in story.body_html


def test_headline_from_the_h1_not_the_title_with_the_site_name() -> None:
    html = _page("").replace(
        b"<title>Footbridge opens</title>", b"<title>Footbridge opens | The Courier</title>"
    )
    assert _story(html).headline == "Footbridge opens"


def test_a_date_inside_a_sentence_does_not_date_the_page() -> None:
    sentence = (
        "<p>The old bridge was swept away on March 3, 2025, when the river rose faster than "
        "anyone on the council had expected.</p>"
    )
    assert _story(_page("", sentence)).published is None


def test_dates_in_a_recent_stories_box_do_not_date_the_page() -> None:
    html = _page("").replace(
        b"<body>",
        b'<body><aside class="recent-posts"><time datetime="2020-01-01">Jan 1, 2020</time>'
        b'</aside><div class="popular"><p>March 9, 2021</p></div>',
    )
    assert _story(html).published is None


def test_lazy_images_in_the_body_keep_their_real_address() -> None:
    figure = (
        "<p>The county opened the new footbridge over the mill race on Saturday.</p>"
        '<figure><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" '
        'data-src="https://x.example/m/ramp.jpg" alt="The ramp"></figure>'
    )
    html = _page('<meta property="og:image" content="https://x.example/m/hero.jpg">', figure)
    story = _story(html)
    assert story.photos[0].url == "https://x.example/m/hero.jpg"
    assert 'src="https://x.example/m/ramp.jpg"' in story.body_html
    assert "data:" not in story.body_html


def test_json_ld_author_written_with_by() -> None:
    ld = '{"@type": "NewsArticle", "headline": "Footbridge opens", "author": "By Ada Brun"}'
    story = _story(_page(f'<script type="application/ld+json">{ld}</script>'))
    assert story.bylines == ["Ada Brun"]
