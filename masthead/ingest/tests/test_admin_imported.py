"""Imported stories are first-class in the newsroom admin: every admin page of a story imported
from each format opens, for an Admin and for an Editor, although no person made its changes
(imports save revisions and status changes with no user)."""

from __future__ import annotations

import re
from io import StringIO
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils.html import escape

from masthead.newsroom.models import Article
from masthead.newsroom.roles import ADMIN, EDITOR
from masthead.testing.factories import make_publication, make_user

pytestmark = pytest.mark.django_db

# Every format the importer reads, with a fixture of this project's own in that format's shape.
IMPORTS = [
    ("wxr", "newsroom.wxr.xml"),
    ("rss", "hosted-blog.rss.xml"),
    ("rss", "wire.atom.xml"),
    ("ghost", "ghost-export.json"),
    ("wix-csv", "wix-posts.csv"),
    ("ninjs", "wire-1x.ninjs.json"),
    ("ninjs", "wire-3x.ninjs.json"),
    ("page", "saved-article.html"),
    ("page", "saved-article.txt"),
]
ADMIN_ROOT = "/newsroom/"
# Links that change state on GET in no Django admin, but that a walker should still not follow:
# logging out would end the walk, and the password pages belong to the account, not the story.
NOT_FOLLOWED = ("logout", "password")


def admin_links(html: str) -> list[str]:
    return [
        urlsplit(href).path
        for href in re.findall(r'href="([^"#]+)"', html)
        if href.startswith(ADMIN_ROOT) and not any(word in href for word in NOT_FOLLOWED)
    ]


def story_pages(client: Client, article: Article, *, may_delete: bool) -> dict[str, int]:
    """Walk the admin from the story's change form: every page reachable from it that belongs
    to the story, its photos, its authors, its section or its tags, one link deep from each."""
    start = f"{ADMIN_ROOT}newsroom/article/{article.pk}/change/"
    own = {f"/article/{article.pk}/"}
    if article.hero_photo_id:
        own.add(f"/photo/{article.hero_photo_id}/")
    own |= {f"/author/{pk}/" for pk in article.bylines.values_list("author_id", flat=True)}
    if article.section_id:
        own.add(f"/section/{article.section_id}/")
    own |= {f"/tag/{pk}/" for pk in article.tags.values_list("pk", flat=True)}
    statuses: dict[str, int] = {}
    queue = [start, f"{ADMIN_ROOT}newsroom/article/?q={article.headline[:20]}"]
    if may_delete:  # Editors unpublish; only an Admin deletes a story
        queue.append(f"{ADMIN_ROOT}newsroom/article/{article.pk}/delete/")
    while queue:
        url = queue.pop(0)
        if url in statuses:
            continue
        response = client.get(url)
        statuses[url] = response.status_code
        if response.status_code == 200 and "html" in response.get("Content-Type", ""):
            queue += [link for link in admin_links(response.content.decode()) if any(
                part in link for part in own
            )]  # fmt: skip
    return statuses


@pytest.fixture(autouse=True)
def publication():
    return make_publication(name="The Harbor Gazette", time_zone="America/New_York")


@pytest.mark.parametrize(("fmt", "name"), IMPORTS, ids=[name for _fmt, name in IMPORTS])
def test_every_admin_page_of_an_imported_story_opens(fmt: str, name: str, fixtures: Path) -> None:
    call_command("import", fmt, str(fixtures / name), stdout=StringIO(), stderr=StringIO())
    articles = list(Article.objects.all())
    assert articles, f"{name} imported no story"
    # What made these pages fail before: history with nobody's name on it.
    assert any(a.status_changes.filter(changed_by=None).exists() for a in articles) or any(
        a.revisions.filter(created_by=None).exists() for a in articles
    )
    for role in (ADMIN, EDITOR):
        client = Client()
        user = make_user(role=role, is_staff=True)
        client.force_login(user)
        for article in articles:
            statuses = story_pages(
                client, article, may_delete=user.has_perm("newsroom.delete_article")
            )
            failing = {url: code for url, code in statuses.items() if code >= 400}
            assert not failing, f"{role} on {article.headline!r}: {failing}"
            change = client.get(f"{ADMIN_ROOT}newsroom/article/{article.pk}/change/")
            assert escape(article.headline).encode() in change.content
            # The story's own pages were reached: its history and its revisions.
            assert any(url.endswith(f"/article/{article.pk}/history/") for url in statuses)
            assert any("revisions" in url for url in statuses)
