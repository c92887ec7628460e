"""The copied text of a hosted blog's post page, in the variants browsers and sites produce."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from masthead.ingest.formats import page

CAPTION = (
    "Ferry crew members tie up at the north pier on Tuesday, March 3, 2026, after the first "
    "crossing of the season"
)
CREDIT = "Ines Marlow/Coastline Wire"
BODY = [
    "The island ferry made its first crossing of the season on Thursday, two weeks later than "
    "planned because ice had lingered in the harbour mouth.",
    '"We waited for the channel to clear, and it cleared," the harbourmaster said.',
    "Sixty-one passengers and nine cars made the trip, and the return sailing was full.",
    "The timetable runs four crossings a day until the end of May.",
]


def copied_page(
    *,
    bullet: str = "\u2022",
    indent: str = "  ",
    captions: int = 2,
    alt_has_credit: bool = True,
    date_line: str = "Mar 5",
    newline: str = "\n",
    chrome: tuple[str, ...] = ("Recent Posts", "See All", "Comments", "bottom of page"),
) -> bytes:
    mark = f"{indent}{bullet} " if bullet else indent
    lines = ["top of page", "", "Ferry returns to the island after a late thaw", ""]
    lines += [f"{mark}Writer: The Island Gazette", "The Island Gazette"]
    lines += [f"{mark}{date_line}", f"{mark}3 min read", ""]
    if captions:
        full = f"{CAPTION} ({CREDIT})"
        lines += [full if alt_has_credit else CAPTION] + [full] * (captions - 1) + [""]
    lines += ["By Tomas Reyes", ""]
    for paragraph in BODY:
        lines += [paragraph, ""]
    lines += list(chrome)
    return newline.join(lines).encode()


def _story(data: bytes, **options) -> page.StoryRecord:
    (story,) = page.parse(data, **options).records
    return story


def _assert_reference_shape(story: page.StoryRecord, *, photo: bool = True) -> None:
    assert story.headline == "Ferry returns to the island after a late thaw"
    assert story.writer == "The Island Gazette"
    assert story.bylines == ["Tomas Reyes"]
    assert story.published == datetime(2026, 3, 5, tzinfo=UTC)
    assert story.body_html.count("<p>") == len(BODY)
    assert story.body_html.startswith("<p>The island ferry made its first crossing")
    for chrome in ("Writer", "Gazette", "min read", "Mar 5", "By Tomas", "Ines Marlow",
                   "north pier", "Recent Posts", "See All", "Comments", "bottom"):  # fmt: skip
        assert chrome not in story.body_html
    if photo:
        (hero,) = story.photos
        assert hero.caption == CAPTION
        assert hero.credit == CREDIT
        assert (hero.photographer, hero.agency) == ("Ines Marlow", "Coastline Wire")
    else:
        assert story.photos == []
    assert story.reading_minutes == 1


@pytest.mark.parametrize("bullet", ["\u2022", "\u00b7", "-", ""])
@pytest.mark.parametrize("indent", ["  ", "\t", ""])
def test_bullets_and_indentation(bullet: str, indent: str) -> None:
    _assert_reference_shape(_story(copied_page(bullet=bullet, indent=indent)))


@pytest.mark.parametrize("captions", [1, 2, 3])
def test_caption_once_or_repeated(captions: int) -> None:
    _assert_reference_shape(_story(copied_page(captions=captions)))


def test_alt_text_without_credit_then_figcaption() -> None:
    story = _story(copied_page(alt_has_credit=False))
    _assert_reference_shape(story)
    assert story.photos[0].alt == CAPTION


def test_no_photo() -> None:
    # No caption, so the year must come from elsewhere.
    _assert_reference_shape(_story(copied_page(captions=0), year_hint=2026), photo=False)


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_windows_and_old_mac_line_ends(newline: str) -> None:
    _assert_reference_shape(_story(copied_page(newline=newline)))


def test_year_comes_from_the_caption_date_and_says_so() -> None:
    result = page.parse(copied_page())
    assert result.records[0].published == datetime(2026, 3, 5, tzinfo=UTC)
    assert any("2026" in w and "taken from a date" in w for w in result.warnings)


def test_year_nearest_a_full_date_across_new_year() -> None:
    data = copied_page(date_line="Jan 2").replace(b"March 3, 2026", b"December 30, 2025")
    assert _story(data).published == datetime(2026, 1, 2, tzinfo=UTC)


def test_no_readable_date_is_no_date_not_now() -> None:
    data = copied_page(date_line="5 days ago", captions=0)
    result = page.parse(data)
    assert result.records[0].published is None
    assert any("no date" in w for w in result.warnings)


def test_short_date_without_a_year_anywhere_is_left_empty() -> None:
    result = page.parse(copied_page(captions=0))
    assert result.records[0].published is None
    assert any("no year" in w for w in result.warnings)


def test_chrome_after_the_body_never_leaks() -> None:
    chrome = (
        "Like", "Share", "Facebook", "X", "LinkedIn", "Copy link", "12 views", "0 comments",
        "Post not marked as liked", "Recent Posts", "See All", "Harbour dredging starts",
        "2 comments", "Log in to comment", "Write a comment...", "Log in", "bottom of page",
    )  # fmt: skip
    story = _story(copied_page(chrome=chrome))
    _assert_reference_shape(story)
    for word in ("Like", "Share", "views", "dredging", "Log in", "Write a", "Facebook"):
        assert word not in story.body_html


def test_comment_count_ends_the_story_without_recent_posts() -> None:
    story = _story(copied_page(chrome=("3 comments", "Mara K.", "Great news for the island!")))
    _assert_reference_shape(story)
    assert "Great news" not in story.body_html


def test_only_chrome_fails_clearly() -> None:
    with pytest.raises(page.ImportFileError, match="no article text"):
        page.parse(b"top of page\n  \xe2\x80\xa2 Writer: Someone\nRecent Posts\nbottom of page\n")


def test_a_first_paragraph_starting_with_by_is_not_a_byline() -> None:
    data = copied_page().replace(b"By Tomas Reyes", b"By noon, the queue reached the car park.")
    story = _story(data)
    assert story.bylines == []
    assert story.body_html.startswith("<p>By noon, the queue")


def test_site_menu_above_the_headline_is_dropped() -> None:
    menu = b"top of page\nThe Island Gazette\nHome\nNews\nAbout\nLog In\n"
    story = _story(copied_page().replace(b"top of page\n", menu, 1))
    _assert_reference_shape(story)


def test_avatar_name_before_the_writer_line() -> None:
    data = copied_page().replace(
        b"  \xe2\x80\xa2 Writer: The Island Gazette\nThe Island Gazette",
        b"The Island Gazette\n  \xe2\x80\xa2 Writer: The Island Gazette",
    )
    _assert_reference_shape(_story(data))


def test_updated_date_and_comment_count_in_the_meta_block() -> None:
    data = copied_page().replace(
        b"3 min read", b"3 min read\n  \xe2\x80\xa2 Updated: Mar 6\n  \xe2\x80\xa2 2 comments"
    )
    _assert_reference_shape(_story(data))


def test_a_story_of_short_paragraphs_still_ends_at_recent_posts() -> None:
    data = b"Pier reopens\nWriter: The Gazette\nMar 5, 2026\nThe pier is open.\n"
    data += b"Recent Posts\nOld pier story\n"
    story = _story(data)
    assert story.body_html == "<p>The pier is open.</p>"
    assert story.published == datetime(2026, 3, 5, tzinfo=UTC)
