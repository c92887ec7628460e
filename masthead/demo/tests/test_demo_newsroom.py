import os

import pytest
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command
from django.test import RequestFactory

from masthead.demo import content, content_es
from masthead.demo.loader import ensure_demo_editor, load_demo_newsroom
from masthead.frontpage.models import PlacedStory
from masthead.newsroom.models import Article, Author, Publication, Section, Tag
from masthead.pages.models import Page
from masthead.photos.models import Photo

pytestmark = pytest.mark.django_db

# `make demo` runs on SQLite. Loading the whole demo takes 40 to 80 s, so on PostgreSQL one test
# loads it (twice); the others run in the SQLite pass only.
sqlite_pass_only = pytest.mark.skipif(
    os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="loads the whole demo again; the SQLite pass runs it, and one test loads it here",
)


def test_demo_content_has_what_the_demo_newsroom_promises():
    assert len(content.STORIES) >= 40
    assert len(content.SECTIONS) >= 4
    assert sum(a["kind"] == "person" for a in content.AUTHORS) >= 6
    assert any(s["source"] and s["byline_text"] and not s["authors"] for s in content.STORIES)
    assert any(len(s["authors"]) > 1 for s in content.STORIES)
    assert sum(bool(s["tags"]) for s in content.STORIES) > len(content.STORIES) / 2
    assert len({s["slug"] for s in content.STORIES}) == len(content.STORIES)


ALL_STORIES = len(content.STORIES) + len(content_es.STORIES)


def test_loading_twice_creates_everything_once(settings, tmp_path, client):
    first = load_demo_newsroom()
    counts = [m.objects.count() for m in (Article, Author, Section, Tag, Photo, Publication)]
    _check_the_spanish_edition(client)
    second = load_demo_newsroom()
    assert first["stories"] == ALL_STORIES
    assert second["stories"] == 0
    assert [
        m.objects.count() for m in (Article, Author, Section, Tag, Photo, Publication)
    ] == counts


def _check_the_spanish_edition(client) -> None:
    """Spanish stories, some of them translations of English ones, under Spanish sections."""
    spanish = Article.objects.live().filter(language="es")
    assert spanish.count() == len(content_es.STORIES) >= 5
    translated = [s for s in content_es.STORIES if s.get("translation_of")]
    assert len(translated) >= 3
    for spec in translated:
        story = Article.objects.get(slug=spec["slug"])
        original = Article.objects.get(slug=spec["translation_of"])
        assert story.translation_group == original.translation_group
        assert story.get_absolute_url().startswith("/es/")
    home = client.get("/es/").content.decode()
    assert '<html lang="es">' in home
    assert ">Noticias</a>" in home and content_es.STORIES[0]["headline"] in home
    assert content.STORIES[0]["headline"] not in home
    assert client.get("/es/noticias/").status_code == 200


@sqlite_pass_only
def test_demo_stories_are_live_and_credited():
    load_demo_newsroom()
    live = Article.objects.live()
    assert live.count() == ALL_STORIES
    wire = live.exclude(source_name="").first()
    assert wire.byline_text and wire.source_credit and wire.original_url.startswith("https://")
    assert wire.writer.kind == Author.Kind.ORGANIZATION
    photo = live.exclude(hero_photo=None).first().hero_photo
    assert photo.caption and photo.photographer and photo.agency and photo.alt_text
    assert photo.width == 1600 and photo.sized_renditions()
    assert Publication.current().logo


@sqlite_pass_only
def test_the_demo_front_page_is_set_by_its_desk_and_kept(client):
    load_demo_newsroom()
    placed = list(PlacedStory.objects.values_list("article__slug", flat=True))
    assert placed == content.FRONT_PAGE
    home = client.get("/").content.decode()
    lead = home.split('<section class="lead"', 1)[1].split("</section>", 1)[0]
    assert Article.objects.get(slug=content.FRONT_PAGE[0]).headline in lead
    # The paper's standing pages, each linked from the footer.
    footer = home.split('<footer class="site-footer">', 1)[1]
    for spec in content.PAGES:
        assert f">{spec['title']}</a>" in footer
        assert client.get(Page.objects.get(slug=spec["slug"]).get_absolute_url()).status_code == 200
    # The desk's own choice survives loading the demo again.
    PlacedStory.objects.exclude(article__slug=content.FRONT_PAGE[1]).delete()
    load_demo_newsroom()
    assert PlacedStory.objects.count() == 1


def test_demo_editor_login_is_kept_and_works(tmp_path):
    login_file = tmp_path / "demo-login.txt"
    first = ensure_demo_editor(login_file)
    again = ensure_demo_editor(login_file)
    assert first.created and not again.created
    assert again.password == first.password == login_file.read_text().strip()
    # django-axes checks every sign-in against its request's address, so pass one.
    request = RequestFactory().post("/newsroom/login/")
    user = authenticate(request, username="editor", password=first.password)
    assert user is not None and user.is_staff
    assert login_file.stat().st_mode & 0o077 == 0


def test_demo_command_refuses_production(settings):
    settings.PRODUCTION = True
    with pytest.raises(CommandError, match="production"):
        call_command("demo")


@sqlite_pass_only
def test_demo_command_prints_the_login(settings, tmp_path, capsys):
    settings.DATA_DIR = tmp_path
    call_command("demo")
    out = capsys.readouterr().out
    assert "username: editor" in out
    assert (tmp_path / "demo-login.txt").read_text().strip() in out


@sqlite_pass_only
def test_demo_command_adds_its_correction_and_update_once(settings, tmp_path, client):
    from masthead.newsroom.models import Correction

    settings.DATA_DIR = tmp_path
    call_command("demo")
    call_command("demo")
    assert Correction.objects.count() == 2
    corrected = Correction.objects.get(kind=Correction.Kind.CORRECTION).article
    assert corrected.updated_at is not None
    page = client.get(corrected.get_absolute_url()).content.decode()
    assert "The main branch will open at noon on Sundays." in page
    assert "noon on Sundays" in client.get("/corrections/").content.decode()
