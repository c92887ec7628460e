"""The front page follows the desk: a pinned lead and top stories in order, with end times,
section blocks in the desk's order, a breaking-news banner that comes down by itself, and a
stored copy of the home page that never outlives any of them."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from masthead.frontpage.models import FrontPage, PlacedStory, SectionBlock
from masthead.frontpage.services import add_to_top_stories, place_as_lead
from masthead.newsroom import workflow
from masthead.newsroom.models import Article
from masthead.newsroom.roles import CONTRIBUTOR, EDITOR
from masthead.pagecache import versions
from masthead.testing.factories import (
    make_article,
    make_photo,
    make_publication,
    make_section,
    make_user,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def desk():
    make_publication(name="The Test Gazette")
    city = make_section(name="City", slug="city", position=1)
    sports = make_section(name="Sports", slug="sports", position=2)
    now = timezone.now()
    feature = make_article(
        section=city, headline="The harbor at dawn, a year on", hero_photo=make_photo(),
        published_at=now - timedelta(hours=5),
    )  # fmt: skip
    derby = make_article(
        section=sports, headline="Derby ends in a late draw", published_at=now - timedelta(hours=3)
    )
    brief = make_article(
        section=city, headline="Road closed for an hour", published_at=now - timedelta(minutes=5)
    )
    return city, sports, feature, derby, brief


def _page_text(client) -> str:
    response = client.get("/")
    assert response.status_code == 200
    return response.content.decode()


def _lead_headline(html: str) -> str:
    lead = re.search(r'<section class="lead".*?</section>', html, re.S).group(0)
    return re.search(r'class="card-headline"><a [^>]*>([^<]+)</a>', lead).group(1)


def _top_headlines(html: str) -> list[str]:
    block = re.search(r'<section class="top-stories".*?</section>', html, re.S)
    if block is None:
        return []
    return re.findall(r'class="card-headline"><a [^>]*>([^<]+)</a>', block.group(0))


def _section_order(html: str) -> list[str]:
    return re.findall(r'<h2 id="section-([\w-]+)" class="section-heading">', html)


def test_without_a_desk_the_newest_story_leads(client, desk):
    *_, brief = desk
    html = _page_text(client)
    assert _lead_headline(html) == brief.headline
    assert _top_headlines(html) == []


def test_a_pinned_lead_stays_when_newer_stories_arrive(client, desk):
    city, _, feature, derby, _ = desk
    place_as_lead(feature)
    add_to_top_stories([derby])
    make_article(section=city, headline="Wire: markets open flat")  # the newest of all
    html = _page_text(client)
    assert _lead_headline(html) == feature.headline
    assert _top_headlines(html) == [derby.headline]
    # Nothing shown above is repeated in the section blocks below.
    assert html.count(f">{feature.headline}<") == 1
    assert html.count(f">{derby.headline}<") == 1
    assert "Wire: markets open flat" in html


def test_placing_a_new_lead_moves_the_others_down(client, desk):
    _, _, feature, derby, brief = desk
    add_to_top_stories([feature, derby])
    place_as_lead(brief)
    assert list(PlacedStory.objects.values_list("article__headline", flat=True)) == [
        brief.headline, feature.headline, derby.headline,
    ]  # fmt: skip
    html = _page_text(client)
    assert _lead_headline(html) == brief.headline
    assert _top_headlines(html) == [feature.headline, derby.headline]
    assert add_to_top_stories([feature]) == 0  # already there: stays where it was


def test_a_placement_ends_by_itself_and_the_stored_page_does_not_outlive_it(client, desk):
    _, _, feature, _, brief = desk
    ends = timezone.now() + timedelta(minutes=30)
    place_as_lead(feature, ends_at=ends)
    first = client.get("/")
    assert _lead_headline(first.content.decode()) == feature.headline
    # The stored copy, the browser and the CDN all let it go by the end time.
    assert versions.next_change() == ends
    max_age = int(re.search(r"s-maxage=(\d+)", first["Cache-Control"]).group(1))
    assert max_age <= 30 * 60
    assert client.get("/")["X-Cache"] == "hit"
    PlacedStory.objects.filter(article=feature).update(ends_at=timezone.now())
    versions.bump({"list:home"}, schedule=True)  # what passing the end time amounts to
    assert _lead_headline(_page_text(client)) == brief.headline


def test_a_placed_story_that_is_not_live_is_not_shown(client, desk):
    _, _, feature, derby, _ = desk
    place_as_lead(feature)
    add_to_top_stories([derby])
    workflow.article_unpublish(article=feature, user=make_user(role=EDITOR))
    html = _page_text(client)
    assert _lead_headline(html) == derby.headline  # the next placed story leads
    assert feature.headline not in html
    scheduled = make_article(
        headline="Budget vote at noon", status=Article.Status.SCHEDULED,
        published_at=timezone.now() + timedelta(hours=2),
    )  # fmt: skip
    place_as_lead(scheduled)
    assert "Budget vote at noon" not in _page_text(client)


def test_the_desk_orders_and_hides_section_blocks(client, desk):
    city, sports, *_ = desk
    assert _section_order(_page_text(client)) == ["city", "sports"]
    page = FrontPage.current()
    SectionBlock.objects.create(front_page=page, section=sports, position=1)
    SectionBlock.objects.create(front_page=page, section=city, position=2)
    assert _section_order(_page_text(client)) == ["sports", "city"]
    SectionBlock.objects.filter(section=sports).update(shown=False)
    versions.bump({"list:home"})
    assert _section_order(_page_text(client)) == ["city"]
    # A section the desk has not placed follows those it has.
    make_article(section=make_section(name="Arts", slug="arts", position=0))
    assert _section_order(_page_text(client)) == ["city", "arts"]


def test_breaking_banner_links_its_story_and_comes_down_by_itself(client, desk):
    _, _, feature, *_ = desk
    page = FrontPage.current()
    page.breaking_text = "Storm warning for the lakeshore"
    page.breaking_story = feature
    page.breaking_ends_at = timezone.now() + timedelta(hours=1)
    page.full_clean()
    page.save()
    html = _page_text(client)
    banner = re.search(r'<p class="breaking">.*?</p>', html, re.S).group(0)
    assert f'href="{feature.get_absolute_url()}"' in banner
    assert "Storm warning for the lakeshore" in banner
    assert versions.next_change() == page.breaking_ends_at
    FrontPage.objects.update(breaking_ends_at=timezone.now())
    versions.bump({"list:home"}, schedule=True)
    assert 'class="breaking"' not in _page_text(client)


def test_banner_of_a_story_taken_down_does_not_show(client, desk):
    _, _, feature, *_ = desk
    page = FrontPage.current()
    page.breaking_text = "Storm warning"
    page.breaking_story = feature
    page.breaking_ends_at = timezone.now() + timedelta(hours=1)
    page.save()
    workflow.article_unpublish(article=feature, user=make_user(role=EDITOR))
    assert 'class="breaking"' not in _page_text(client)


@pytest.mark.parametrize(
    "fields, field, message",
    [
        ({"breaking_text": "Storm"}, "breaking_ends_at", "comes down"),
        ({"breaking_text": "Storm", "ends": -1}, "breaking_ends_at", "has passed"),
        ({"story": True, "ends": 1}, "breaking_text", "Write the banner"),
    ],
)
def test_a_banner_without_an_end_or_a_line_is_refused(desk, fields, field, message):
    page = FrontPage.current()
    page.breaking_text = fields.get("breaking_text", "")
    if "ends" in fields:
        page.breaking_ends_at = timezone.now() + timedelta(hours=fields["ends"])
    if fields.get("story"):
        page.breaking_story = desk[2]
    with pytest.raises(ValidationError) as refused:
        page.full_clean()
    assert message in " ".join(refused.value.message_dict[field])


def test_every_desk_change_refreshes_the_stored_home_page_only(client, desk):
    _, _, feature, derby, _ = desk
    story_url = derby.get_absolute_url()
    for url in ("/", story_url):
        client.get(url)
        assert client.get(url)["X-Cache"] == "hit"
    changes = [
        lambda: place_as_lead(feature),
        lambda: PlacedStory.objects.get(article=feature).delete(),
        lambda: SectionBlock.objects.create(front_page=FrontPage.current(), section=desk[1]),
        lambda: FrontPage.current().save(),
    ]
    for change in changes:
        change()
        assert client.get("/")["X-Cache"] == "miss"
        assert client.get("/")["X-Cache"] == "hit"
    assert client.get(story_url)["X-Cache"] == "hit"


def test_the_home_page_query_count_does_not_grow_with_placed_stories(client, settings, desk):
    settings.MASTHEAD_PAGE_CACHE = False
    city = desk[0]
    place_as_lead(desk[2])

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/").status_code == 200
        return len(queries)

    count()  # the first request also reads the publication and the navigation into the cache
    one = count()
    add_to_top_stories(
        [make_article(section=city, hero_photo=make_photo(), authors=[]) for _ in range(6)]
    )
    assert count() == one


# --- At the desk --------------------------------------------------------------------------------


def _editor_client(client):
    client.force_login(make_user(role=EDITOR))
    return client


def test_the_desk_screen_lists_every_section_and_saves_a_new_lead(client, desk):
    feature = desk[2]
    editor = _editor_client(client)
    opened = editor.get(reverse("admin:frontpage_frontpage_changelist"), follow=True)
    assert opened.status_code == 200
    assert b"Breaking news banner" in opened.content
    page = FrontPage.current()
    assert list(page.blocks.values_list("section__slug", flat=True)) == ["city", "sports"]
    blocks = list(page.blocks.all())
    form = {
        "breaking_text": "",
        "breaking_story": "",
        "breaking_ends_at_0": "",
        "breaking_ends_at_1": "",
        "placed-TOTAL_FORMS": "1",
        "placed-INITIAL_FORMS": "0",
        "placed-0-position": "1",
        "placed-0-article": str(feature.pk),
        "placed-0-ends_at_0": "",
        "placed-0-ends_at_1": "",
        "blocks-TOTAL_FORMS": "2",
        "blocks-INITIAL_FORMS": "2",
    }
    for n, block in enumerate(blocks):
        form |= {
            f"blocks-{n}-id": str(block.pk),
            f"blocks-{n}-front_page": str(page.pk),
            f"blocks-{n}-position": str(2 - n),  # sports first
            f"blocks-{n}-section": str(block.section_id),
            f"blocks-{n}-shown": "on",
        }
    saved = editor.post(reverse("admin:frontpage_frontpage_change", args=[page.pk]), form)
    assert saved.status_code == 302, saved.content.decode()[:3000]
    client.logout()
    html = _page_text(client)
    assert _lead_headline(html) == feature.headline
    assert _section_order(html) == ["sports", "city"]


def test_story_list_action_makes_a_lead(client, desk):
    _, _, feature, *_ = desk
    editor = _editor_client(client)
    response = editor.post(
        reverse("admin:newsroom_article_changelist"),
        {"action": "place_as_lead", "_selected_action": [str(feature.pk)]},
        follow=True,
    )
    assert "now leads the front page" in response.content.decode()
    assert PlacedStory.objects.get().article == feature


def test_a_contributor_cannot_set_the_front_page(client, desk):
    _, _, feature, *_ = desk
    client.force_login(make_user(role=CONTRIBUTOR))
    page = FrontPage.current()
    assert client.get(reverse("admin:frontpage_frontpage_change", args=[page.pk])).status_code in (
        302,
        403,
    )
    client.post(
        reverse("admin:newsroom_article_changelist"),
        {"action": "place_as_lead", "_selected_action": [str(feature.pk)]},
    )
    assert not PlacedStory.objects.exists()
    listing = client.get(reverse("admin:newsroom_article_changelist"))
    assert b"place_as_lead" not in listing.content


def test_a_mistyped_desk_address_is_not_an_error(client, desk):
    editor = _editor_client(client)
    response = editor.get("/newsroom/frontpage/frontpage/1/change/widgets.css/change/")
    assert response.status_code in (302, 404)
