import json
import re
from datetime import timedelta

import pytest
from django.test import override_settings
from django.utils import timezone

from masthead.newsroom.models import Article
from masthead.testing.factories import (
    make_article,
    make_author,
    make_comment,
    make_photo,
    make_publication,
    make_section,
    make_tag,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def story():
    make_publication(name="The Test Gazette")
    section = make_section(name="City", slug="city")
    reporter = make_author(name="Ana Ruiz", slug="ana-ruiz")
    desk = make_author(name="The Test Gazette", slug="gazette", kind="organization")
    return make_article(
        section=section,
        headline="Ferry service returns to the north pier",
        dek="Boats resume Monday after a two-month repair.",
        body="The ferry is back.\n\n“We missed it,” said a rider.",
        authors=[reporter],
        writer=desk,
        hero_photo=make_photo(
            caption="The ferry docks on Monday.", photographer="Lou Chen", agency="Gazette Photo"
        ),
        tags=[make_tag(name="Harbor"), make_tag(name="Transport")],
        source_name="Lakeshore News Service",
        source_credit="Distributed by Lakeshore News Service.",
        original_url="https://courier.example/ferry",
    )


def test_story_page_shows_every_element_of_the_reference_page_in_order(client, story):
    response = client.get(story.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    html = html[html.index("<body") :]
    markers = [
        'href="#main"',  # skip link
        '<h1 id="story-headline" class="story-headline">Ferry service returns',
        '<span>By <a href="/author/ana-ruiz/">Ana Ruiz</a></span>',
        "<time datetime=",
        "1 min read",
        '<figure class="hero">',
        "The ferry docks on Monday.",
        '<span class="credit">(Lou Chen/Gazette Photo)</span>',
        "The ferry is back.",
        "Recent Posts",
        ">See All<",
        "Comments",
        'href="#top"',
    ]
    positions = [html.find(marker) for marker in markers]
    assert -1 not in positions, [m for m, p in zip(markers, positions, strict=True) if p == -1]
    assert positions == sorted(positions)


def test_story_page_has_title_description_canonical_and_open_graph(client, story):
    html = client.get(story.get_absolute_url()).content.decode()
    assert "<title>Ferry service returns to the north pier · The Test Gazette</title>" in html
    assert (
        '<meta name="description" content="Boats resume Monday after a two-month repair.">' in html
    )
    assert f'<link rel="canonical" href="http://testserver{story.get_absolute_url()}">' in html
    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="og:title" content="Ferry service returns to the north pier">' in html
    assert re.search(
        r'<meta property="og:image" content="http://testserver/media/[^"]+\.jpg">', html
    )


def test_story_page_json_ld_is_a_news_article(client, story):
    html = client.get(story.get_absolute_url()).content.decode()
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    data = json.loads(block)
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == story.headline
    assert data["author"][0] == {
        "@type": "Person", "name": "Ana Ruiz", "url": "http://testserver/author/ana-ruiz/"
    }  # fmt: skip
    assert data["datePublished"] == story.published_at.isoformat()
    assert data["publisher"]["@type"] == "NewsMediaOrganization"
    assert data["image"][0]["creditText"] == "Lou Chen/Gazette Photo"
    assert data["sourceOrganization"]["name"] == "Lakeshore News Service"
    assert data["isBasedOn"] == "https://courier.example/ferry"


def test_json_ld_cannot_be_closed_by_a_headline(client):
    make_publication()
    article = make_article(headline="</script><script>alert(1)</script>")
    html = client.get(article.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in html
    # The only script elements without a src are the JSON-LD blocks (NewsArticle,
    # BreadcrumbList), each closed once; none comes from the headline.
    assert (
        re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", html)
        == ['<script type="application/ld+json">'] * 2
    )
    assert html.count("</script>") == html.count("<script")


def test_story_page_shows_the_syndication_credit_and_tags(client, story):
    html = client.get(story.get_absolute_url()).content.decode()
    assert "Distributed by Lakeshore News Service." in html
    assert 'href="https://courier.example/ferry"' in html
    assert '<a href="/tag/harbor/" rel="tag">Harbor</a>' in html


def test_story_page_lists_only_approved_comments(client, story):
    make_comment(story, author_name="Kind Reader", body="Good news.")
    make_comment(story, author_name="Held Reader", body="Pending.", status="pending")
    html = client.get(story.get_absolute_url()).content.decode()
    assert "Kind Reader" in html
    assert "Held Reader" not in html
    assert "reader@example.com" not in html


def test_updated_time_is_shown_only_when_updated(client, story):
    assert "Updated" not in client.get(story.get_absolute_url()).content.decode()
    story.updated_at = story.published_at + timedelta(hours=3)
    story.save()
    assert "Updated <time" in client.get(story.get_absolute_url()).content.decode()


def test_recent_posts_are_the_five_latest_other_stories_not_listed_as_related(client, story):
    others = [make_article(section=story.section, headline=f"Other story {i}") for i in range(12)]
    html = client.get(story.get_absolute_url()).content.decode()
    recent = html[html.index("Recent Posts") : html.index('id="comments"')]
    related_block = re.search(r'<section class="related-stories".*?</section>', html, re.S)
    related = (
        set(re.findall(r">(Other story \d+)<", related_block.group(0))) if related_block else set()
    )
    newest = [
        article
        for article in sorted(others, key=lambda a: a.published_at, reverse=True)
        if article.headline not in related
    ]
    for article in newest[:5]:
        assert f">{article.headline}<" in recent
    for article in newest[5:]:
        assert f">{article.headline}<" not in recent
    for headline in related:
        assert f">{headline}<" not in recent  # a story is listed once
    assert story.headline not in recent


def test_wrong_section_or_date_in_a_story_address_redirects_permanently(client, story):
    response = client.get(f"/sports/1999/01/01/{story.slug}/")
    assert response.status_code == 301
    assert response["Location"] == story.get_absolute_url()


@pytest.mark.parametrize("status", ["draft", "review"])
def test_stories_never_published_are_not_found(client, status):
    make_publication()
    article = make_article(status=status)
    assert client.get(article.get_absolute_url()).status_code == 404


def test_an_unpublished_story_is_gone(client):
    make_publication()
    article = make_article(status="unpublished")
    assert client.get(article.get_absolute_url()).status_code == 410


def test_scheduled_story_is_not_found_before_its_time(client):
    make_publication()
    article = make_article(status="scheduled", published_at=timezone.now() + timedelta(hours=2))
    assert client.get(article.get_absolute_url()).status_code == 404


def test_home_shows_lead_story_and_latest_by_section(client):
    make_publication()
    news, sports = make_section(name="News", position=0), make_section(name="Sports", position=1)
    for i in range(6):
        make_article(section=news, headline=f"News story {i}")
        make_article(section=sports, headline=f"Sports story {i}")
    make_article(section=news, headline="Hidden draft", status="draft")
    html = client.get("/").content.decode()
    lead = Article.objects.live().latest_first().first()
    assert html.index(lead.headline) < html.index('id="section-')
    assert "Hidden draft" not in html
    assert html.count('class="card"') == 8  # four per section under the lead
    assert html.index(">News<") < html.index(">Sports<")


def test_archive_paginates_newest_first(client, settings):
    settings.MASTHEAD_PAGE_SIZE = 3
    make_publication()
    section = make_section()
    stories = [make_article(section=section, headline=f"Archive story {i}") for i in range(7)]
    newest = sorted(stories, key=lambda a: a.published_at, reverse=True)
    first = client.get("/archive/").content.decode()
    assert [a.headline in first for a in newest] == [True] * 3 + [False] * 4
    assert "Page 1" in first
    # An old numbered link still shows what it showed before keyset pagination.
    third = client.get("/archive/?page=3").content.decode()
    assert newest[-1].headline in third
    assert newest[-2].headline not in third
    assert client.get("/archive/?page=4").status_code == 404
    assert client.get("/archive/?page=abc").status_code == 404


def test_section_tag_and_author_pages_list_their_stories(client, story):
    other = make_article(headline="Unrelated sports story", section=make_section(slug="sports"))
    for url in ["/city/", "/tag/harbor/", "/author/ana-ruiz/"]:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert story.headline in html, url
        assert other.headline not in html, url


def test_an_organizations_page_lists_the_stories_it_signs(client, story):
    wire = make_article(section=story.section, headline="Wire copy story", authors=[story.writer])
    html = client.get("/author/gazette/").content.decode()
    assert wire.headline in html and story.headline not in html  # it only posted the ferry


def test_the_byline_is_printed_once_and_who_posted_the_story_is_not(client, story):
    html = client.get(story.get_absolute_url()).content.decode()
    article = html[html.index("<article") : html.index("</article>")]
    assert article.count(">By ") == 1 and "Writer" not in article
    assert "The Test Gazette</a>" not in article  # the posting account, not a credit


def test_a_free_text_byline_for_wire_copy_is_printed_once(client, story):
    wire = make_article(
        section=story.section, headline="Wire copy", byline_text="Rhea Castle, Bayline News"
    )
    html = client.get(wire.get_absolute_url()).content.decode()
    article = html[html.index("<article") : html.index("</article>")]
    assert article.count("By Rhea Castle, Bayline News") == 1


def test_the_dateline_gives_the_time_in_the_publications_zone_and_the_updated_time(client):
    from datetime import UTC, datetime

    publication = make_publication(name="The Test Gazette")
    publication.time_zone = "America/Puerto_Rico"
    publication.save()
    published = datetime(2026, 12, 1, 14, 40, tzinfo=UTC)  # 10:40 a.m. in San Juan
    same_day = make_article(
        headline="Same-day update",
        published_at=published,
        updated_at=datetime(2026, 12, 1, 19, 15, tzinfo=UTC),
    )
    next_day = make_article(
        headline="Next-day update",
        section=same_day.section,
        published_at=published,
        updated_at=datetime(2026, 12, 2, 13, 0, tzinfo=UTC),
    )
    html = client.get(same_day.get_absolute_url()).content.decode()
    assert (
        '<span class="published"><time datetime="2026-12-01T14:40:00+00:00" '
        'title="December 1, 2026, 10:40 a.m.">Dec. 1, 2026, 10:40 a.m.</time></span>'
    ) in html
    assert (
        'Updated <time datetime="2026-12-01T19:15:00+00:00" '
        'title="December 1, 2026, 3:15 p.m.">3:15 p.m.</time>'
    ) in html
    html = client.get(next_day.get_absolute_url()).content.decode()
    assert ">Dec. 2, 2026, 9 a.m.</time>" in html


def test_unknown_pages_answer_404_in_the_site_style(client):
    make_publication(name="The Test Gazette")
    for url in ["/no-such-section/", "/tag/none/", "/author/none/", "/city/2026/01/01/none/"]:
        response = client.get(url)
        assert response.status_code == 404, url
        assert "We couldn’t find that page" in response.content.decode()
        assert "The Test Gazette" in response.content.decode()


@override_settings(DEBUG=False)
def test_server_error_page_is_plain_and_styled(client):
    from masthead.views import server_error

    response = server_error(None)
    assert response.status_code == 500
    assert b"Something went wrong" in response.content


def test_security_headers_are_sent(client, story):
    response = client.get(story.get_absolute_url())
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"


def test_healthz_and_robots(client):
    assert client.get("/healthz").content == b"ok\n"
    robots = client.get("/robots.txt")
    assert robots.status_code == 200
    assert b"Disallow: /newsroom/" in robots.content


def test_pages_contain_no_inline_scripts(client, story):
    for url in ["/", story.get_absolute_url(), "/archive/", "/city/"]:
        html = client.get(url).content.decode()
        scripts = re.findall(r"<script(?![^>]*application/ld\+json)[^>]*>", html)
        # Only files of our own (progressive enhancement), never inline code.
        assert all(re.fullmatch(r'<script src="/static/[^"]+" defer>', s) for s in scripts), url
        assert not re.search(r"\son[a-z]+=", html), url


def test_media_files_are_served_with_cache_headers_outside_production(client):
    photo = make_photo()
    response = client.get(photo.image.url)
    assert response.status_code == 200
    assert "max-age=86400" in response["Cache-Control"]
    b"".join(response.streaming_content)


def test_stories_signed_only_by_who_posted_them_get_that_byline_on_migrating():
    from importlib import import_module

    from django.apps import apps

    from masthead.newsroom.models import Byline

    migration = import_module("masthead.newsroom.migrations.0011_posted_by_and_one_byline")
    poster, reporter = make_author(name="Desk Poster"), make_author(name="Rita Reporter")
    unsigned = make_article(headline="Posted only", writer=poster)
    signed = make_article(headline="Signed", writer=poster, authors=[reporter])
    wire = make_article(headline="Wire", writer=poster, byline_text="A. Wire, News Service")
    migration.sign_unsigned_stories(apps, None)
    migration.sign_unsigned_stories(apps, None)  # runs once per story, whatever happens twice
    bylines = lambda story: list(  # noqa: E731
        Byline.objects.filter(article=story).values_list("author__name", flat=True)
    )
    assert bylines(unsigned) == ["Desk Poster"]
    assert bylines(signed) == ["Rita Reporter"] and bylines(wire) == []


def test_corrections_are_linked_from_the_footer_and_from_a_corrected_story(client, story):
    from masthead.newsroom.corrections import correction_add
    from masthead.testing.factories import make_user

    footer = client.get("/").content.decode().split('<footer class="site-footer">', 1)[1]
    assert 'href="/corrections/">Corrections</a>' in footer
    correction_add(article=story, user=make_user(role="Editor"), text="The pier is the north one.")
    notes = client.get(story.get_absolute_url()).content.decode().split('id="corrections"', 1)[1]
    assert 'href="/corrections/"' in notes.split("</aside>", 1)[0]


def test_section_tag_and_author_pages_show_their_feeds_to_readers(client, story):
    for url, feed in [
        ("/city/", "/feeds/section/city/"),
        ("/tag/harbor/", "/feeds/tag/harbor/"),
        ("/author/ana-ruiz/", "/feeds/author/ana-ruiz/"),
    ]:
        main = client.get(url).content.decode().split("<main", 1)[1]
        follow = re.search(r'<p class="follow-links">.*?</p>', main, re.S).group(0)
        for fmt in ("rss", "atom", "json"):
            assert f'href="{feed}{fmt}/"' in follow


def test_an_author_page_gives_contact_and_profiles_and_json_ld_same_as(client, story):
    from masthead.newsroom.models import Author

    ana = Author.objects.get(slug="ana-ruiz")
    ana.email = "ana@gazette.example"
    ana.profile_links = "https://bsky.app/profile/ana.example\nhttps://social.example/@ana"
    ana.full_clean()
    ana.save()
    html = client.get("/author/ana-ruiz/").content.decode()
    contact = re.search(r'<ul class="author-contact".*?</ul>', html, re.S).group(0)
    assert 'href="mailto:ana@gazette.example"' in contact
    assert '<a href="https://bsky.app/profile/ana.example" rel="me noopener">Bluesky</a>' in contact
    assert '<a href="https://social.example/@ana" rel="me noopener">Mastodon</a>' in contact
    page = client.get(story.get_absolute_url()).content.decode()
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1)
    )
    article = next(
        item
        for item in (data if isinstance(data, list) else data.get("@graph", [data]))
        if item.get("@type") == "NewsArticle"
    )
    person = next(a for a in article["author"] if a.get("name") == "Ana Ruiz")
    assert person["sameAs"] == [
        "https://bsky.app/profile/ana.example",
        "https://social.example/@ana",
    ]


@pytest.mark.parametrize(
    "links",
    ["javascript:alert(1)", "not a link", "\n".join(f"https://x.example/{n}" for n in range(9))],
)
def test_an_authors_profiles_must_be_web_addresses(story, links):
    from django.core.exceptions import ValidationError

    from masthead.newsroom.models import Author

    ana = Author.objects.get(slug="ana-ruiz")
    ana.profile_links = links
    with pytest.raises(ValidationError) as refused:
        ana.full_clean()
    assert "profile_links" in refused.value.message_dict


@pytest.mark.parametrize(
    "label, kind",
    [
        ("analysis", "AnalysisNewsArticle"),
        ("opinion", "OpinionNewsArticle"),
        ("sponsored", "AdvertiserContentArticle"),
        ("exclusive", "NewsArticle"),
        ("", "NewsArticle"),
    ],
)
def test_a_story_label_is_the_kicker_and_the_json_ld_type(client, story, label, kind):
    story.label = label
    story.save()
    page = client.get(story.get_absolute_url()).content.decode()
    kicker = re.search(r'<p class="kicker">.*?</p>', page, re.S).group(0)
    assert ("story-label" in kicker) == bool(label)
    if label:
        assert f">{Article.Label(label).label}</span>" in kicker
    data = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1)
    assert f'"@type": "{kind}"' in data or f'"@type":"{kind}"' in data
    home = client.get("/").content.decode()
    assert (f"story-label-{label}" in home) == bool(label)  # cards carry it too


def test_hand_picked_related_stories_come_first_and_are_not_repeated(client, story):
    long_ago = make_article(
        section=make_section(name="Arts", slug="arts"), headline="The ferry in its first season",
        published_at=timezone.now() - timedelta(days=900),
    )  # fmt: skip
    for n in range(6):
        make_article(
            section=story.section, headline=f"Harbor note {n}", tags=list(story.tags.all())
        )
    first = client.get(story.get_absolute_url()).content.decode()
    before = re.search(r'<section class="related-stories".*?</section>', first, re.S).group(0)
    assert "The ferry in its first season" not in before  # too old to be found by topic
    story.related_picks.add(long_ago)
    page = client.get(story.get_absolute_url())
    assert page["X-Cache"] != "hit"  # picking refreshed the stored page
    html = page.content.decode()
    related = re.search(r'<section class="related-stories".*?</section>', html, re.S).group(0)
    headlines = re.findall(r'<a href="[^"]+">([^<]+)</a>', related)
    assert headlines[0] == "The ferry in its first season"
    assert len(headlines) == 4  # the picks, then the ones found by topic
    recent = html[html.index("Recent Posts") : html.index('id="comments"')]
    for headline in headlines:
        assert f">{headline}<" not in recent
