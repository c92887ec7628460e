from __future__ import annotations

import time

import pytest

from masthead.comments import spam
from masthead.testing.factories import make_article, make_publication, make_section


@pytest.fixture
def publication(db):
    return make_publication(name="The Test Gazette", comment_moderation="none")


@pytest.fixture
def story(publication):
    return make_article(
        section=make_section(name="City", slug="city"),
        headline="Ferry service returns to the north pier",
    )


def form_data(**fields) -> dict:
    """What a reader's browser sends, with a stamp from a form shown a minute ago."""
    data = {
        "name": "Ana Reader",
        "email": "ana@example.com",
        "body": "Glad the ferry is back.",
        "website": "",
        "stamp": spam.issue_stamp(now=time.time() - 60),
        "parent": "",
    }
    data.update(fields)
    return data


@pytest.fixture
def post_comment(client):
    def post(article, **fields):
        return client.post(f"/comments/{article.pk}/", form_data(**fields))

    return post
