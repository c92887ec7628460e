"""The translation catalogues: every marked reader string has its Spanish, the compiled catalogue
is the source's, and Spanish comes out of the templates, tags and forms that use them."""

from __future__ import annotations

import ast
import gettext
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from django.core.paginator import Paginator
from django.template.loader import render_to_string
from django.utils import translation

import masthead
from masthead.comments.forms import CommentForm
from masthead.comments.models import NAME_MAX_LENGTH
from masthead.embeds import embed_card, with_players
from masthead.newsroom.pagination import StoryPage
from masthead.newsroom.templatetags.newsroom import byline_links, byline_names

PACKAGE = Path(masthead.__file__).resolve().parent
CATALOGUE = PACKAGE / "locale" / "es" / "LC_MESSAGES"

needs_gettext = pytest.mark.skipif(
    shutil.which("msgfmt") is None, reason="GNU gettext (msgfmt, xgettext) is not installed"
)


@dataclass
class Entry:
    msgid: str = ""
    msgctxt: str | None = None
    msgid_plural: str | None = None
    msgstr: list[str] = field(default_factory=list)
    flags: set[str] = field(default_factory=set)

    @property
    def name(self) -> str:
        return f"{self.msgctxt}\x04{self.msgid}" if self.msgctxt else self.msgid


def read_po(path: Path) -> list[Entry]:
    """The live entries of a .po file (obsolete ``#~`` ones left out), header included. Entries
    are separated by blank lines, as xgettext and msgmerge write them."""
    entries = []
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        entry, last = Entry(), None
        for line in block.strip().splitlines():
            line = line.strip()
            if line.startswith("#,"):
                entry.flags |= {flag.strip() for flag in line[2:].split(",")}
            elif line.startswith("#"):
                continue
            elif line.startswith('"'):  # a string continued on the next line
                if last == "msgstr":
                    entry.msgstr[-1] += ast.literal_eval(line)
                else:
                    setattr(entry, last, getattr(entry, last) + ast.literal_eval(line))
            else:
                keyword, _, value = line.partition(" ")
                last = "msgstr" if keyword.startswith("msgstr") else keyword
                if last == "msgstr":
                    entry.msgstr.append(ast.literal_eval(value))
                else:
                    setattr(entry, keyword, ast.literal_eval(value))
        if last is not None:
            entries.append(entry)
    return entries


def untranslated(path: Path) -> list[str]:
    """Every msgid of the catalogue at ``path`` that has an empty or fuzzy translation."""
    return [
        entry.name
        for entry in read_po(path)
        if entry.msgid and ("fuzzy" in entry.flags or not all(entry.msgstr))
    ]


def test_the_po_reader_sees_missing_and_fuzzy_translations(tmp_path):
    po = tmp_path / "django.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Language: es\\n"\n\n'
        'msgid "Done"\nmsgstr "Hecho"\n\n'
        'msgid "Empty"\nmsgstr ""\n\n'
        '#, fuzzy\nmsgid "Fuzzy"\nmsgstr "Borroso"\n\n'
        '#, python-format\nmsgid "%(n)s story"\nmsgid_plural "%(n)s stories"\n'
        'msgstr[0] "%(n)s noticia"\nmsgstr[1] ""\n\n'
        'msgctxt "date"\nmsgid "j F Y"\nmsgstr ""\n"j \\\\d\\\\e F"\n\n'
        '#~ msgid "Gone"\n#~ msgstr ""\n',
        encoding="utf-8",
    )
    entries = {entry.name: entry for entry in read_po(po)}
    assert entries["date\x04j F Y"].msgstr == ["j \\d\\e F"]
    assert "Gone" not in entries
    assert untranslated(po) == ["Empty", "Fuzzy", "%(n)s story"]


@needs_gettext
def test_spanish_catalogue_is_complete(tmp_path):
    """makemessages on a copy of the package, as a developer runs it: every string marked for
    translation is in the Spanish catalogue, translated and not fuzzy."""
    copy = tmp_path / "masthead"
    shutil.copytree(
        PACKAGE,
        copy,
        ignore=shutil.ignore_patterns("__pycache__", "tests", "static", "migrations", "*.mo"),
    )
    # No settings: only the copy's own locale/ is written, never the package's LOCALE_PATHS.
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"}
    command = [sys.executable, "-m", "django", "makemessages", "-l", "es", "--no-wrap"]
    command += ["--ignore", "tests/*", "--ignore", "testing/*"]
    done = subprocess.run(command, cwd=copy, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    fresh = copy / "locale" / "es" / "LC_MESSAGES" / "django.po"
    missing = untranslated(fresh)
    assert not missing, (
        "Strings without a Spanish translation (run makemessages, then translate):\n"
        + ("\n".join(missing))
    )
    # And the committed catalogue already holds each of them: makemessages had nothing to add.
    committed = {entry.name for entry in read_po(CATALOGUE / "django.po")}
    assert {entry.name for entry in read_po(fresh)} <= committed


def _catalog(path: Path) -> dict:
    with path.open("rb") as mo:
        return dict(gettext.GNUTranslations(mo)._catalog)


@needs_gettext
def test_compiled_catalogue_matches_the_source(tmp_path):
    """The committed django.mo is the committed django.po compiled (compilemessages was run)."""
    compiled = tmp_path / "django.mo"
    subprocess.run(
        ["msgfmt", "--check-format", "-o", str(compiled), str(CATALOGUE / "django.po")],
        check=True,
        timeout=60,
    )
    assert _catalog(CATALOGUE / "django.mo") == _catalog(compiled)


def test_the_catalogues_are_package_data():
    """A wheel carries the compiled catalogues (setuptools' package-data)."""
    pyproject = (PACKAGE.parent / "pyproject.toml").read_text(encoding="utf-8")
    assert '"locale/**/*"' in pyproject


# --- Spanish out of the templates, tags and forms ----------------------------------------------


def test_pagination_in_spanish():
    page = Paginator(list(range(30)), 10).page(2)
    with translation.override("es"):
        html = render_to_string("newsroom/includes/pagination.html", {"page_obj": page})
    assert 'aria-label="Páginas"' in html
    assert "← Noticias más recientes</a>" in html
    assert "Página 2 de 3" in html
    assert "Noticias anteriores →</a>" in html
    with translation.override("en"):
        html = render_to_string("newsroom/includes/pagination.html", {"page_obj": page})
    assert "← Newer stories</a>" in html and "Page 2 of 3" in html


def test_story_page_labels_in_spanish(db):
    from masthead.testing.factories import make_publication

    make_publication(time_zone="America/Puerto_Rico")
    numbered = StoryPage([], has_previous=True, has_next=True, number=3)
    story = SimpleNamespace(published_at=datetime(2026, 3, 2, 15, tzinfo=ZoneInfo("UTC")), pk=7)
    keyset = StoryPage([story], has_previous=True, has_next=True)
    with translation.override("es"):
        assert numbered.title_suffix == ", página 3"
        assert keyset.label == "desde el 2 de marzo de 2026"
    with translation.override("en"):
        assert numbered.title_suffix == ", page 3"
        assert keyset.label == "from 2 March 2026"


def test_comment_form_errors_in_spanish():
    with translation.override("es"):
        form = CommentForm(data={"name": "x" * (NAME_MAX_LENGTH + 1)}, article=None)
        assert not form.is_valid()
        assert form.errors["name"] == [
            f"Su nombre no puede tener más de {NAME_MAX_LENGTH} caracteres."
        ]
        assert form.errors["email"] == ["Escriba su correo electrónico. Nunca se muestra."]
        assert form.errors["body"] == ["Escriba su comentario."]
        assert str(form["body"].label) == "Comentario"
        assert "hasta 5,000 caracteres" in str(form["body"].help_text)
    with translation.override("en"):
        form = CommentForm(data={}, article=None)
        assert not form.is_valid()
        assert form.errors["name"] == ["Please give your name."]


def test_site_feed_description_in_spanish(db):
    from masthead.distribution.feeds import feed_scope
    from masthead.testing.factories import make_publication

    make_publication(name="El Vocero de Prueba", tagline="")
    with translation.override("es"):
        assert feed_scope("site").description == "Lo último de El Vocero de Prueba"


def _story(*names, byline_text=""):
    authors = [
        SimpleNamespace(name=name, get_absolute_url=lambda n=name: f"/{n}/") for name in names
    ]
    return SimpleNamespace(byline_authors=authors, byline_text=byline_text)


def test_bylines_join_names_in_the_page_language():
    story = _story("Ana Ruiz", "Tom Bell", byline_text="Agencia <EFE>")
    with translation.override("es"):
        assert byline_names(story) == "Ana Ruiz, Tom Bell y Agencia <EFE>"
        assert str(byline_links(story)).endswith(
            '<a href="/Tom Bell/">Tom Bell</a> y Agencia &lt;EFE&gt;'
        )
    with translation.override("en"):
        assert byline_names(_story("Ana Ruiz", "Tom Bell")) == "Ana Ruiz and Tom Bell"


def test_embed_cards_in_spanish():
    card = embed_card("https://www.youtube.com/watch?v=Xy12Ab34Cd5", "La vista desde el puente")
    assert "Watch on YouTube: La vista desde el puente" in card  # stored in English
    with translation.override("es"):
        html = with_players(card)
    assert ">Ver en YouTube: La vista desde el puente</a>" in html
    assert 'data-load="Cargar el reproductor de YouTube"' in html
    assert 'data-note="Proviene de YouTube, que puede instalar cookies."' in html
    with translation.override("en"):
        assert ">Watch on YouTube: La vista desde el puente</a>" in with_players(card)


def test_reader_page_in_spanish(client, db):
    from masthead.testing.factories import make_publication

    make_publication(other_languages="es")
    response = client.get("/es/no-hay-tal-pagina/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "<h1>No encontramos esa página</h1>" in html
    assert ">Ir a la portada</a>" in html
    assert "Saltar al contenido principal" in html


def test_follow_links_in_the_page_language(db):
    from masthead.distribution.templatetags.distribution import follow_links
    from masthead.testing.factories import make_publication

    make_publication(other_languages="es")
    with translation.override("en"):
        english = follow_links("section", "city", "City")
    with translation.override("es"):
        spanish = follow_links("section", "city", "City")
        html = render_to_string("distribution/follow_links.html", spanish)
    assert not english["rss"].startswith("/es/")
    assert spanish["rss"] == "/es" + english["rss"]  # not the English page's, kept from before
    assert "Suscríbase al canal de City: <a" in html
