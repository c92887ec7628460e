"""A Contributor changes no live story (their own or another's), author, section or tag."""

from __future__ import annotations

import pytest

from masthead.newsroom.models import Article, Author, Section, Tag
from masthead.newsroom.roles import CONTRIBUTOR
from masthead.testing.factories import (
    make_article,
    make_author,
    make_publication,
    make_section,
    make_tag,
    make_user,
)

pytestmark = pytest.mark.django_db


def test_crafted_posts_from_a_contributor_are_refused(client):
    make_publication()
    reporter = make_user(role=CONTRIBUTOR)
    own_live = make_article(created_by=reporter, status=Article.Status.PUBLISHED)
    others = make_article(created_by=make_user(role=CONTRIBUTOR), status=Article.Status.PUBLISHED)
    client.force_login(reporter)
    targets = [
        f"/newsroom/newsroom/article/{own_live.pk}/change/",
        f"/newsroom/newsroom/article/{others.pk}/change/",
        f"/newsroom/newsroom/author/{make_author().pk}/change/",
        f"/newsroom/newsroom/section/{make_section().pk}/change/",
        f"/newsroom/newsroom/tag/{make_tag(name='Harbor').pk}/change/",
    ]
    for url in targets:
        response = client.post(url, {"headline": "Hijacked", "name": "Hijacked"})
        # 403, or sent to the newsroom's front page for a story they may not even see.
        assert response.status_code == 403 or response["Location"] == "/newsroom/", url
    assert not Article.objects.filter(headline="Hijacked").exists()
    for model in (Author, Section, Tag):
        assert not model.objects.filter(name="Hijacked").exists()
