"""JSON-LD, OpenGraph and Twitter cards on story pages, parsed back from the HTML."""

import json
import re
from html import unescape

import pytest
from django.core.files.base import ContentFile

from masthead.testing.factories import jpeg_bytes, make_article, make_author, make_photo

pytestmark = pytest.mark.django_db


def _json_ld(html: str) -> dict[str, dict]:
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    data = [json.loads(block) for block in blocks]
    return {item["@type"]: item for item in data}


def _meta(html: str, attribute: str) -> list[tuple[str, str]]:
    pattern = rf'<meta {attribute}="([^"]+)" content="([^"]*)">'
    return [(name, unescape(content)) for name, content in re.findall(pattern, html)]


def _page(client, article) -> str:
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def test_news_article_has_every_property_search_engines_read(client, newsroom):
    story = newsroom.local
    data = _json_ld(_page(client, story))["NewsArticle"]
    url = f"http://testserver{story.get_absolute_url()}"
    assert data["@context"] == "https://schema.org"
    assert data["headline"] == story.headline
    assert data["description"] == story.dek
    assert data["url"] == url
    assert data["mainEntityOfPage"] == {"@type": "WebPage", "@id": url}
    assert data["datePublished"] == story.published_at.isoformat()
    assert data["dateModified"] == story.published_at.isoformat()
    assert data["isAccessibleForFree"] is True
    assert data["articleSection"] == "City"
    assert data["keywords"] == ["Harbor"]
    assert data["inLanguage"] == "en"
    assert data["author"] == [
        {"@type": "Person", "name": "Ana Ruiz", "url": "http://testserver/author/ana-ruiz/",
         "jobTitle": "City reporter"},
        {"@type": "Person", "name": "Tom Bell", "url": "http://testserver/author/tom-bell/"},
    ]  # fmt: skip
    assert data["publisher"] == {
        "@type": "NewsMediaOrganization",
        "name": "The Test Gazette",
        "url": "http://testserver/",
    }
    assert "sourceOrganization" not in data
    assert "isBasedOn" not in data


def test_image_comes_in_several_sizes_with_caption_and_credit(client, newsroom):
    photo = newsroom.local.hero_photo
    data = _json_ld(_page(client, newsroom.local))["NewsArticle"]
    images = data["image"]
    # The original, then its 16:9 and square cuts, each as large as the photo allows.
    assert images[0]["url"].endswith(photo.image.url)
    assert [(image["width"], image["height"]) for image in images] == [
        (photo.width, photo.height),
        (1200, 675),
        (min(720, photo.height), min(720, photo.height)),
    ]
    assert len({image["url"] for image in images}) == 3
    for image in images:
        assert image["@type"] == "ImageObject"
        assert image["url"].startswith("http://testserver/media/")
        assert image["caption"] == "The ferry docks on Monday."
        assert image["creditText"] == "Lou Chen/Gazette Photo"
    assert data["thumbnailUrl"].startswith("http://testserver/media/renditions/")


def test_syndicated_story_names_its_source_and_original(client, newsroom):
    data = _json_ld(_page(client, newsroom.wire))["NewsArticle"]
    assert data["sourceOrganization"] == {
        "@type": "NewsMediaOrganization",
        "name": "Lakeshore News Service",
        "url": "https://courier.example/",
    }
    assert data["isBasedOn"] == "https://courier.example/sports/rowing"
    # "Dana Whitfield, Lakeshore News Service": a reporter at the agency.
    assert data["author"] == [
        {"@type": "Person", "name": "Dana Whitfield",
         "affiliation": data["sourceOrganization"]},
    ]  # fmt: skip


def test_agency_copy_without_a_reporter_is_credited_to_the_agency(client, newsroom):
    story = make_article(
        section=newsroom.sports,
        headline="Markets close higher",
        byline_text="Lakeshore News Service",
        source_name="Lakeshore News Service",
    )
    data = _json_ld(_page(client, story))["NewsArticle"]
    assert data["author"] == [{"@type": "NewsMediaOrganization", "name": "Lakeshore News Service"}]
    unsigned = make_article(section=newsroom.sports, headline="Wire brief",
                            source_name="Lakeshore News Service")  # fmt: skip
    author = _json_ld(_page(client, unsigned))["NewsArticle"]["author"]
    assert author == [{"@type": "NewsMediaOrganization", "name": "Lakeshore News Service"}]


def test_organization_author_is_an_organization_with_its_page(client, newsroom):
    story = make_article(section=newsroom.city, headline="Editorial", authors=[newsroom.desk])
    data = _json_ld(_page(client, story))["NewsArticle"]
    assert data["author"] == [
        {"@type": "Organization", "name": "The Test Gazette",
         "url": "http://testserver/author/gazette/"},
    ]  # fmt: skip


def test_publisher_logo_when_the_publication_has_one(client, newsroom):
    newsroom.publication.logo.save("logo.jpg", ContentFile(jpeg_bytes(120, 60)))
    data = _json_ld(_page(client, newsroom.local))["NewsArticle"]
    logo = data["publisher"]["logo"]
    assert logo["@type"] == "ImageObject"
    assert re.fullmatch(r"http://testserver/media/publication/logo\w*\.jpg", logo["url"])


def test_updated_story_has_date_modified(client, newsroom):
    from datetime import timedelta

    story = newsroom.local
    story.updated_at = story.published_at + timedelta(hours=2)
    story.save()
    data = _json_ld(_page(client, story))["NewsArticle"]
    assert data["dateModified"] == story.updated_at.isoformat()


def test_breadcrumbs_lead_from_home_through_the_section(client, newsroom):
    story = newsroom.local
    data = _json_ld(_page(client, story))["BreadcrumbList"]
    assert data["@context"] == "https://schema.org"
    assert data["itemListElement"] == [
        {"@type": "ListItem", "position": 1, "name": "The Test Gazette",
         "item": "http://testserver/"},
        {"@type": "ListItem", "position": 2, "name": "City", "item": "http://testserver/city/"},
        {"@type": "ListItem", "position": 3, "name": story.headline,
         "item": f"http://testserver{story.get_absolute_url()}"},
    ]  # fmt: skip


def test_open_graph_and_twitter_cards(client, newsroom):
    story = newsroom.local
    html = _page(client, story)
    og = dict(_meta(html, "property"))
    url = f"http://testserver{story.get_absolute_url()}"
    assert og["og:type"] == "article"
    assert og["og:title"] == story.headline
    assert og["og:description"] == story.dek
    assert og["og:url"] == url
    assert og["og:site_name"] == "The Test Gazette"
    assert og["og:locale"] == "en_US"
    assert og["og:image"].startswith("http://testserver/media/")
    assert (og["og:image:width"], og["og:image:height"]) == ("1200", "675")
    assert og["og:image:alt"] == "A test photo"
    assert og["article:published_time"] == story.published_at.isoformat()
    assert og["article:section"] == "City"
    authors = [value for name, value in _meta(html, "property") if name == "article:author"]
    assert authors == ["http://testserver/author/ana-ruiz/", "http://testserver/author/tom-bell/"]
    twitter = dict(_meta(html, "name"))
    assert twitter["twitter:card"] == "summary_large_image"
    assert twitter["twitter:title"] == story.headline
    assert twitter["twitter:description"] == story.dek
    assert twitter["twitter:image"] == og["og:image"]
    assert twitter["twitter:image:alt"] == "A test photo"
    assert f'<link rel="canonical" href="{url}">' in html


def test_card_image_is_a_copy_wide_enough_for_a_large_card(client, newsroom):
    photo = make_photo()
    photo.image.save("wide.jpg", ContentFile(jpeg_bytes(2400, 1350)), save=False)
    photo.width = photo.height = 0
    photo.renditions = {}
    photo.save()
    story = make_article(section=newsroom.city, headline="Wide photo", hero_photo=photo)
    og = dict(_meta(_page(client, story), "property"))
    assert (og["og:image:width"], og["og:image:height"]) == ("1600", "900")
    assert "-w1600" in og["og:image"]


def test_story_without_photo_has_a_small_card(client, newsroom):
    html = _page(client, newsroom.wire)
    twitter = dict(_meta(html, "name"))
    assert twitter["twitter:card"] == "summary"
    assert "twitter:image" not in twitter
    assert "image" not in _json_ld(html)["NewsArticle"]


def test_everything_is_on_the_site_address_when_set(client, newsroom):
    newsroom.publication.site_url = "https://news.example"
    newsroom.publication.save()
    html = _page(client, newsroom.local)
    data = _json_ld(html)
    article = data["NewsArticle"]
    assert article["url"].startswith("https://news.example/city/")
    assert all(image["url"].startswith("https://news.example/media/") for image in article["image"])
    assert article["author"][0]["url"] == "https://news.example/author/ana-ruiz/"
    assert data["BreadcrumbList"]["itemListElement"][0]["item"] == "https://news.example/"
    assert dict(_meta(html, "property"))["og:url"].startswith("https://news.example/")
    assert '<link rel="canonical" href="https://news.example/city/' in html


def test_noindex_story_asks_search_engines_not_to_index_it(client, newsroom):
    story = newsroom.local
    assert '<meta name="robots"' not in _page(client, story)
    story.noindex = True
    story.save()
    assert '<meta name="robots" content="noindex">' in _page(client, story)


def test_json_ld_escapes_hostile_text(client, newsroom):
    reporter = make_author(name="</script><script>alert(1)</script>")
    story = make_article(section=newsroom.city, headline="Plain", authors=[reporter],
                         dek="<!-- & -->")  # fmt: skip
    html = _page(client, story)
    assert "<script>alert(1)" not in html
    data = _json_ld(html)["NewsArticle"]
    assert data["author"][0]["name"] == "</script><script>alert(1)</script>"
    assert data["description"] == "<!-- & -->"
