"""A story whose usage rights expire leaves the site at that moment, with no job to run."""

from datetime import timedelta

import pytest
from django.utils import timezone

from masthead.newsroom.models import Article
from masthead.testing.clock import frozen_clock
from masthead.testing.factories import make_article, make_publication

pytestmark = pytest.mark.django_db


def test_live_excludes_a_story_once_its_rights_expire() -> None:
    now = timezone.now()
    article = make_article(expires_at=now + timedelta(hours=1))
    forever = make_article()
    assert set(Article.objects.live()) == {article, forever}
    assert set(Article.objects.live(at=now + timedelta(hours=1))) == {forever}
    assert article.is_live and not article.rights_expired


def test_expired_story_page_answers_404_and_leaves_the_listings(client) -> None:
    make_publication()
    with frozen_clock(timezone.now()) as clock:
        article = make_article(
            headline="Agency story with rights for a day",
            expires_at=clock.now + timedelta(minutes=1),
        )
        url = article.get_absolute_url()
        assert client.get(url).status_code == 200
        assert "Agency story with rights" in client.get("/").content.decode()
        # Both pages are in the page cache now; the rights end with no save to bump them.
        assert client.get(url)["X-Cache"] == "hit"
        clock.advance(minutes=1, seconds=1)
        assert client.get(url).status_code == 404
        assert "Agency story with rights" not in client.get("/").content.decode()
        article.refresh_from_db()
        assert article.rights_expired and not article.is_live


def test_editors_see_the_expiry_in_the_admin(admin_client) -> None:
    make_publication()
    article = make_article(expires_at=timezone.now() - timedelta(days=1))
    listing = admin_client.get("/newsroom/newsroom/article/").content.decode()
    assert "Rights expire" in listing and "Expired" in listing
    form = admin_client.get(f"/newsroom/newsroom/article/{article.pk}/change/").content.decode()
    assert 'name="expires_at_0"' in form and "usage rights expire" in form.lower()


def test_caches_learn_when_a_story_leaves_as_well_as_when_one_arrives() -> None:
    now = timezone.now()
    leaving = now + timedelta(hours=2)
    make_article(expires_at=leaving)
    arriving = make_article(status=Article.Status.SCHEDULED, published_at=now + timedelta(hours=5))
    assert Article.objects.next_going_live(after=now) == leaving
    assert Article.objects.next_going_live(after=leaving) == arriving.published_at
    assert Article.objects.next_going_live(after=arriving.published_at) is None
