"""Photos a reader never sees broken: an imported photo that could not be downloaded is left
out of the live page (not shown as a broken image) and is fetched later, by a re-run of the
import, by `masthead import ... --refetch-photos` or by the admin's "Retry missing photos"."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client

from masthead.ingest.models import ImportedItem
from masthead.ingest.tests.conftest import image_bytes
from masthead.newsroom.models import Article
from masthead.testing.factories import make_publication, make_user

pytestmark = pytest.mark.django_db


def feed(base: str, name: str) -> bytes:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"
     xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>The Harbor Gazette</title><link>https://gazette.example/</link>
<item>
  <title>Lighthouse keeper retires after 30 years</title>
  <link>https://gazette.example/2026/03/lighthouse-{name}</link>
  <guid isPermaLink="false">gazette-{name}</guid>
  <pubDate>Tue, 03 Mar 2026 09:30:00 -0500</pubDate>
  <content:encoded><![CDATA[<p>She climbed the tower every night.</p>
    <figure><img src="{base}/{name}-inline.jpg" alt="The lamp room">
    <figcaption>The lamp room in 1998.</figcaption></figure><p>Then the lamp went automatic.</p>]]>
  </content:encoded>
  <media:content url="{base}/{name}-hero.jpg" medium="image" width="1600" height="1000">
    <media:description>The keeper on the gallery.</media:description>
    <media:credit>Ana Ruiz/Gazette</media:credit>
  </media:content>
</item></channel></rss>""".encode()


@pytest.fixture(autouse=True)
def publication():
    return make_publication(name="The Harbor Gazette", time_zone="America/New_York")


@pytest.fixture
def late_photos(image_server, tmp_path: Path, request):
    """A feed whose two photos are not on the server yet; ``arrive()`` puts them there."""
    name = request.node.name.replace("[", "-").replace("]", "")[-40:]
    path = tmp_path / "feed.xml"
    path.write_bytes(feed(image_server.url, name))

    def arrive() -> None:
        for suffix in ("hero", "inline"):
            (image_server.root / f"{name}-{suffix}.jpg").write_bytes(image_bytes())

    yield path, arrive, image_server.url


def run(*args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("import", *args, "--no-progress", stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def story_html(client: Client, article: Article) -> str:
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def test_a_photo_that_could_not_be_fetched_is_not_on_the_live_page(late_photos, client) -> None:
    path, _arrive, base = late_photos
    run("rss", str(path))
    article = Article.objects.get()
    assert article.hero_photo is None and base in article.body  # kept for a later retry
    html = story_html(client, article)
    assert base not in html  # no <img> the CSP would block, so no broken picture
    assert "The lamp room in 1998." in html  # the caption's words stay, without the picture
    assert "Then the lamp went automatic." in html
    assert ImportedItem.objects.get().photo_references[0]["url"].endswith("-hero.jpg")


def test_a_re_run_fetches_the_missing_photos(late_photos, client) -> None:
    path, arrive, base = late_photos
    run("rss", str(path))
    arrive()
    out, _err = run("rss", str(path))
    assert "1 updated" in out
    article = Article.objects.get()
    assert article.hero_photo is not None and article.hero_photo.image
    assert article.hero_photo.caption == "The keeper on the gallery."
    assert article.hero_photo.photographer == "Ana Ruiz"
    assert base not in article.body and ImportedItem.objects.get().photo_references == []
    html = story_html(client, article)
    assert "The lamp room in 1998." in html and "/media/" in html
    assert "The keeper on the gallery." not in article.body  # its placeholder figure is gone
    assert "figure" in html and "hero" in html
    again, _ = run("rss", str(path))
    assert "1 skipped" in again


def test_refetch_photos_fetches_them_and_changes_nothing_else(late_photos) -> None:
    path, arrive, _base = late_photos
    run("rss", str(path))
    article = Article.objects.get()
    article.headline = "Lighthouse keeper retires (edited)"
    article.save()
    out, _ = run("rss", str(path), "--refetch-photos")
    assert "0 fetched, 2 still missing" in out
    arrive()
    out, _ = run("rss", str(path), "--refetch-photos")
    assert "2 fetched, 0 still missing, in 1 stories" in out
    article.refresh_from_db()
    assert article.hero_photo is not None
    assert article.headline == "Lighthouse keeper retires (edited)"


def test_the_admin_retries_missing_photos(late_photos) -> None:
    path, arrive, _base = late_photos
    run("rss", str(path))
    article = Article.objects.get()
    arrive()
    editor = Client()
    editor.force_login(make_user(role="Editor", is_staff=True))
    response = editor.post(
        "/newsroom/newsroom/article/",
        {"action": "retry_missing_photos", "_selected_action": [article.pk]},
        follow=True,
    )
    assert "Missing photos: 2 fetched, 0 still missing." in response.content.decode()
    article.refresh_from_db()
    assert article.hero_photo is not None


def test_a_contributor_cannot_run_the_retry(late_photos) -> None:
    path, arrive, _base = late_photos
    run("rss", str(path))
    article = Article.objects.get()
    arrive()
    contributor = Client()
    contributor.force_login(make_user(role="Contributor", is_staff=True))
    contributor.post(
        "/newsroom/newsroom/article/",
        {"action": "retry_missing_photos", "_selected_action": [article.pk]},
    )
    article.refresh_from_db()
    assert article.hero_photo is None
