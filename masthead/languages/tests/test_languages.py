"""A paper in English and Spanish: addresses, lists per language, hreflang reciprocity on every
page type, the switcher, feeds, sitemaps, dates, reading time, search and the newsroom's
"Translate into Spanish"."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from masthead.languages.services import TranslationRefused, translate_story
from masthead.newsroom import dates
from masthead.newsroom.models import Article, Publication, Section
from masthead.testing.factories import (
    make_article,
    make_author,
    make_publication,
    make_section,
    make_tag,
    make_user,
)

pytestmark = pytest.mark.django_db

HREFLANG = re.compile(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">')
SPANISH_BODY = (
    "Las inundaciones cubrieron el barrio del puerto durante la noche.\n\n"
    "Los vecinos pasaron la madrugada sacando agua de sus casas."
)


@pytest.fixture
def paper(db):
    """An English paper that also publishes in Spanish: a story in both, one only in each."""
    make_publication(name="El Faro · The Beacon", other_languages="es", comments_close_after_days=0)
    city = make_section(
        name="City", slug="city", translations={"es": {"name": "Ciudad", "slug": "ciudad"}}
    )
    flood = make_tag(
        name="Flooding",
        slug="flooding",
        translations={"es": {"name": "Inundaciones", "slug": "inundaciones"}},
    )
    ana = make_author(name="Ana Ruiz", slug="ana-ruiz")
    english = make_article(
        section=city, tags=[flood], authors=[ana], headline="Floods cover the harbor district",
        slug="floods-harbor",
    )  # fmt: skip
    spanish = make_article(
        section=city, tags=[flood], authors=[ana], headline="Las inundaciones cubren el puerto",
        slug="inundaciones-puerto", language="es", translation_group=english.translation_group,
        body=SPANISH_BODY,
    )  # fmt: skip
    only_english = make_article(section=city, headline="Ferry timetable changes", slug="ferry")
    only_spanish = make_article(
        section=city, headline="Nuevo horario del transbordador", slug="transbordador",
        language="es",
    )  # fmt: skip
    # In the news sitemap's 48 hours, however many stories the suite made before (the
    # factories date each further back).
    Article.objects.filter(pk__in=[english.pk, spanish.pk]).update(
        published_at=timezone.now() - timedelta(hours=1)
    )
    english.refresh_from_db()
    spanish.refresh_from_db()
    return type("Paper", (), {
        "city": city, "flood": flood, "ana": ana, "english": english, "spanish": spanish,
        "only_english": only_english, "only_spanish": only_spanish,
    })  # fmt: skip


def _hreflang(client, path: str) -> dict[str, str]:
    response = client.get(path)
    assert response.status_code == 200, path
    return {
        lang: href.removeprefix("http://testserver")
        for lang, href in HREFLANG.findall(response.content.decode())
    }


# --- Addresses -----------------------------------------------------------------------------------


def test_default_language_addresses_stay_and_the_other_language_lives_under_its_prefix(paper):
    assert paper.english.get_absolute_url().startswith("/city/")
    assert paper.spanish.get_absolute_url().startswith("/es/ciudad/")
    with translation.override("es"):
        assert paper.city.get_absolute_url() == "/es/ciudad/"
        assert paper.flood.get_absolute_url() == "/es/tag/inundaciones/"
    assert paper.city.get_absolute_url() == "/city/"


def test_the_page_language_comes_from_the_address_never_from_the_browser(client, paper):
    english = client.get("/", HTTP_ACCEPT_LANGUAGE="es-PR,es;q=0.9")
    assert english.status_code == 200  # no redirect to /es/
    assert '<html lang="en">' in english.content.decode()
    assert "Accept-Language" not in english.headers.get("Vary", "")
    spanish = client.get("/es/", HTTP_ACCEPT_LANGUAGE="en-US")
    assert spanish.status_code == 200
    assert '<html lang="es">' in spanish.content.decode()
    assert spanish["Content-Language"] == "es"
    assert not spanish.cookies  # nothing remembered: one address, one language


def test_a_language_the_paper_does_not_publish_in_has_no_pages(client, paper):
    Publication.objects.update(other_languages="")
    Publication.objects.first().save()  # clears the cached publication
    assert client.get("/es/").status_code == 404


def test_a_story_asked_for_under_the_wrong_language_is_sent_to_its_address(client, paper):
    wrong = paper.spanish.get_absolute_url().removeprefix("/es")
    response = client.get(wrong)
    assert response.status_code == 301
    assert response["Location"] == paper.spanish.get_absolute_url()


# --- Lists per language --------------------------------------------------------------------------


@pytest.mark.parametrize("page", ["home", "archive", "section", "tag", "author", "feed"])
def test_each_list_shows_its_own_language(client, paper, page):
    english_path = {
        "home": "/", "archive": "/archive/", "section": "/city/", "tag": "/tag/flooding/",
        "author": "/author/ana-ruiz/", "feed": "/feeds/rss/",
    }[page]  # fmt: skip
    spanish_path = {
        "section": "/es/ciudad/",
        "tag": "/es/tag/inundaciones/",
    }.get(page, "/es" + english_path)
    english = client.get(english_path).content.decode()
    spanish = client.get(spanish_path).content.decode()
    assert "Floods cover the harbor district" in english
    assert "Las inundaciones cubren el puerto" not in english
    assert "Las inundaciones cubren el puerto" in spanish
    assert "Floods cover the harbor district" not in spanish


def test_recent_and_related_stories_stay_in_the_story_language(client, paper):
    page = client.get(paper.spanish.get_absolute_url()).content.decode()
    below = page.split('class="story-tags"', 1)[1]  # related stories, then Recent Posts
    assert "Nuevo horario del transbordador" in below
    assert "Ferry timetable changes" not in page


def test_spanish_feeds_have_their_own_title_and_language(client, paper):
    feed = client.get("/es/feeds/rss/").content.decode()
    assert "<language>es</language>" in feed
    assert "/es/ciudad/" in feed


# --- hreflang and the switcher -------------------------------------------------------------------


def _pairs(paper) -> list[tuple[str, str]]:
    return [
        ("/", "/es/"),
        ("/archive/", "/es/archive/"),
        ("/city/", "/es/ciudad/"),
        ("/tag/flooding/", "/es/tag/inundaciones/"),
        ("/author/ana-ruiz/", "/es/author/ana-ruiz/"),
        (paper.english.get_absolute_url(), paper.spanish.get_absolute_url()),
        ("/corrections/", "/es/corrections/"),
        ("/search/?q=puerto", "/es/search/?q=puerto"),
    ]


def test_hreflang_alternates_are_reciprocal_on_every_page_type(client, paper):
    for english_path, spanish_path in _pairs(paper):
        from_english = _hreflang(client, english_path)
        from_spanish = _hreflang(client, spanish_path)
        expected = {"en": english_path, "es": spanish_path, "x-default": english_path}
        assert from_english == expected, english_path
        assert from_spanish == expected, spanish_path


def test_a_story_in_one_language_links_no_alternates_and_shows_no_switcher(client, paper):
    page = client.get(paper.only_spanish.get_absolute_url()).content.decode()
    assert not HREFLANG.findall(page)
    assert "language-switcher" not in page


def test_an_unpublished_translation_is_neither_linked_nor_switched_to(client, paper):
    Article.objects.filter(pk=paper.spanish.pk).update(status=Article.Status.DRAFT)
    page = client.get(paper.english.get_absolute_url()).content.decode()
    assert not HREFLANG.findall(page)
    assert paper.spanish.slug not in page


def test_the_switcher_links_each_version_named_in_its_own_language(client, paper):
    page = client.get(paper.english.get_absolute_url()).content.decode()
    switcher = re.search(r'<nav class="language-switcher.*?</nav>', page, re.S).group(0)
    assert (
        f'<a href="{paper.spanish.get_absolute_url()}" hreflang="es" lang="es">Español</a>'
        in switcher
    )
    assert '<span aria-current="true" lang="en">English</span>' in switcher


def test_publishing_a_translation_refreshes_the_original_page(client, paper, settings):
    settings.MASTHEAD_PAGE_CACHE = True
    Article.objects.filter(pk=paper.spanish.pk).update(status=Article.Status.DRAFT)
    url = paper.english.get_absolute_url()
    assert not HREFLANG.findall(client.get(url).content.decode())
    spanish = Article.objects.get(pk=paper.spanish.pk)
    spanish.status = Article.Status.PUBLISHED
    spanish.save()
    assert "es" in dict(HREFLANG.findall(client.get(url).content.decode()))


def test_json_ld_and_html_lang_name_the_story_language(client, paper):
    page = client.get(paper.spanish.get_absolute_url()).content.decode()
    assert '<html lang="es">' in page
    assert re.search(r'"inLanguage": ?"es"', page)


# --- Sitemaps ------------------------------------------------------------------------------------


def test_the_sitemaps_give_alternates_and_each_story_language(client, paper):
    stories = client.get("/sitemap-stories.xml").content.decode()
    english_url = "http://testserver" + paper.english.get_absolute_url()
    spanish_url = "http://testserver" + paper.spanish.get_absolute_url()
    for loc in (english_url, spanish_url):
        entry = stories.split(f"<loc>{loc}</loc>", 1)[1].split("</url>", 1)[0]
        assert f'hreflang="en" href="{english_url}"' in entry
        assert f'hreflang="es" href="{spanish_url}"' in entry
        assert f'hreflang="x-default" href="{english_url}"' in entry
    news = client.get("/sitemap-news.xml").content.decode()
    spanish_news = news.split(f"<loc>{spanish_url}</loc>", 1)[1].split("</url>", 1)[0]
    assert "<news:language>es</news:language>" in spanish_news
    home = client.get("/sitemap-home.xml").content.decode()
    assert "<loc>http://testserver/es/</loc>" in home
    assert client.get("/es/sitemap.xml").status_code == 404


# --- Dates and reading time ----------------------------------------------------------------------


def test_dates_are_written_each_language_s_way():
    with (
        translation.override("en"),
        timezone.override("America/Puerto_Rico"),
    ):
        moment = datetime(2026, 2, 26, 10, 40, tzinfo=ZoneInfo("America/Puerto_Rico"))
        assert dates.long_date(moment) == "February 26, 2026, 10:40 a.m."
        assert dates.dateline_date(moment) == "Feb. 26, 2026, 10:40 a.m."
        assert dates.long_date(moment, language="es") == "26 de febrero de 2026, 10:40 a. m."
        assert dates.dateline_date(moment, language="es") == "26 de febrero de 2026, 10:40 a. m."
        noon = moment.replace(hour=12, minute=0)
        assert dates.clock_time(noon, language="es") == "mediodía"
        assert dates.clock_time(noon.replace(hour=15), language="es") == "3 p. m."
        assert dates.short_date(moment, now=moment, language="es") == "26 feb."
        assert (
            dates.short_date(moment, now=moment.replace(year=2027), language="es") == "26 feb. 2026"
        )


def test_reading_time_is_counted_for_the_story_language(paper):
    words = " ".join(["palabra"] * 440)
    english = make_article(section=paper.city, body=words)
    spanish = make_article(section=paper.city, body=words, language="es")
    assert english.reading_minutes == 2  # 440 / 230
    assert spanish.reading_minutes == 3  # 440 / 210


# --- Names and slugs per language ----------------------------------------------------------------


def test_a_section_slug_cannot_be_a_language_code_nor_a_taken_translated_slug(paper):
    with pytest.raises(ValidationError):
        Section(name="Spanish", slug="es").full_clean()
    other = make_section(name="Metro", slug="metro")
    other.translations = {"es": {"name": "Metro", "slug": "ciudad"}}
    with pytest.raises(ValidationError, match="ciudad"):
        other.full_clean()


def test_a_publication_cannot_list_a_language_without_catalogues():
    publication = Publication(name="X", other_languages="es xx")
    with pytest.raises(ValidationError, match="xx"):
        publication.full_clean()


# --- Query counts --------------------------------------------------------------------------------


def test_a_translated_story_page_costs_the_same_queries_however_many_stories(
    client, paper, settings
):
    settings.MASTHEAD_PAGE_CACHE = False
    settings.MASTHEAD_STORY_PARTS = False
    client.get(paper.english.get_absolute_url())  # warm the header and footer, as a running site
    with CaptureQueriesContext(connection) as with_one:
        client.get(paper.english.get_absolute_url())
    for _ in range(5):
        make_article(section=paper.city, language="es")
    with CaptureQueriesContext(connection) as with_more:
        client.get(paper.english.get_absolute_url())
    assert len(with_one) == len(with_more)


# --- The newsroom --------------------------------------------------------------------------------


def test_translate_into_spanish_makes_a_linked_draft_of_its_own(paper):
    editor = make_user(role="Editor")
    original = paper.only_english
    draft = translate_story(article=original, language="es", user=editor)
    assert draft.language == "es"
    assert draft.translation_group == original.translation_group
    assert draft.status == Article.Status.DRAFT
    assert draft.slug != original.slug
    assert draft.headline == original.headline
    assert draft.revisions.count() == 1
    with pytest.raises(TranslationRefused):
        translate_story(article=original, language="es", user=editor)
    with pytest.raises(TranslationRefused):
        translate_story(article=original, language="fr", user=editor)


def test_the_desk_translates_from_the_story_form(client, paper):
    editor = make_user(role="Editor")
    client.force_login(editor)
    change = f"/newsroom/newsroom/article/{paper.only_english.pk}/change/"
    form = client.get(change).content.decode()
    assert "Translate into Español" in form
    response = client.post(
        f"/newsroom/newsroom/article/{paper.only_english.pk}/translate/", {"language": "es"}
    )
    draft = Article.objects.get(
        translation_group=paper.only_english.translation_group, language="es"
    )
    assert response.status_code == 302
    assert response["Location"] == f"/newsroom/newsroom/article/{draft.pk}/change/"
    again = client.get(change).content.decode()
    assert f"/newsroom/newsroom/article/{draft.pk}/change/" in again
    # A second press is refused with a message, and nothing more is made.
    client.post(
        f"/newsroom/newsroom/article/{paper.only_english.pk}/translate/", {"language": "es"}
    )
    assert (
        Article.objects.filter(translation_group=paper.only_english.translation_group).count() == 2
    )


def test_a_contributor_cannot_translate_a_story_they_cannot_see(client, paper):
    contributor = make_user(role="Contributor")
    client.force_login(contributor)
    response = client.post(
        f"/newsroom/newsroom/article/{paper.only_english.pk}/translate/", {"language": "es"}
    )
    assert response.status_code in (403, 404)
    assert not Article.objects.filter(
        translation_group=paper.only_english.translation_group, language="es"
    ).exists()


def test_the_story_form_refuses_a_second_version_in_one_language(client, paper):
    editor = make_user(role="Editor")
    client.force_login(editor)
    form = client.get(f"/newsroom/newsroom/article/{paper.spanish.pk}/change/")
    assert form.status_code == 200
    from masthead.newsroom.article_admin import ArticleAdminForm

    bound = ArticleAdminForm(instance=paper.spanish)
    bound.cleaned_data = {"language": "en"}
    bound._errors = {}
    bound._check_one_per_language({"language": "en"})
    assert "language" in bound.errors


# --- Search per language -------------------------------------------------------------------------


def _found(query: str, **options) -> list[str]:
    from masthead.search.stories import search_stories

    return [hit.article.slug for hit in search_stories(query, **options)[:20]]


def test_search_defaults_to_the_page_language_and_can_search_others(paper):
    with translation.override("es"):
        assert _found("inundaciones") == ["inundaciones-puerto"]
        assert "floods-harbor" in _found("floods", languages=["en", "es"])
    with translation.override("en"):
        assert _found("inundaciones") == []
        assert _found("floods") == ["floods-harbor"]


def test_search_finds_spanish_words_whatever_their_accents_or_endings(paper):
    """On PostgreSQL each story is stemmed in its language ("inundación" finds "inundaciones");
    SQLite's FTS5 folds accents ("madrugada" and "transbordador" as typed without them)."""
    with translation.override("es"):
        if connection.vendor == "postgresql":
            assert _found("inundación") == ["inundaciones-puerto"]
            assert _found("vecino") == ["inundaciones-puerto"]  # "vecinos"
        else:
            Article.objects.filter(pk=paper.spanish.pk).update(body="")
            story = Article.objects.get(pk=paper.spanish.pk)
            story.body = "La inundación llegó de madrugada."
            story.save()
            assert _found("inundacion") == ["inundaciones-puerto"]
