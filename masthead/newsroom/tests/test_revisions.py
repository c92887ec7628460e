"""Revisions: what changed between two, shown escaped, and restores that are new revisions."""

import pytest
from django.urls import reverse
from hypothesis import assume, given
from hypothesis import strategies as st

from masthead.newsroom import revisions
from masthead.newsroom.models import Article, Revision
from masthead.newsroom.roles import CONTRIBUTOR, EDITOR
from masthead.newsroom.workflow import WorkflowPermissionError
from masthead.testing.factories import (
    make_article,
    make_author,
    make_publication,
    make_tag,
    make_user,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _publication():
    make_publication()


@pytest.fixture
def editor():
    return make_user(role=EDITOR)


def test_word_diff_marks_what_was_removed_and_added():
    segments = revisions.word_diff("The mayor said no.", "The governor said yes.")
    assert [(s.op, s.text) for s in segments if s.op != "equal"] == [
        ("delete", "mayor"),
        ("insert", "governor"),
        ("delete", "no"),
        ("insert", "yes"),
    ]
    assert "".join(s.text for s in segments if s.op != "insert") == "The mayor said no."
    assert "".join(s.text for s in segments if s.op != "delete") == "The governor said yes."


def test_line_diff_folds_long_unchanged_stretches():
    old = "\n".join(f"Paragraph {i}." for i in range(20))
    new = old.replace("Paragraph 10.", "Paragraph ten, rewritten.")
    lines = revisions.line_diff(old, new)
    kinds = [line.kind for line in lines]
    assert kinds == ["skip", "equal", "equal", "change", "equal", "equal", "skip"]
    assert lines[0].count == 8 and lines[-1].count == 7
    changed = lines[3].segments
    assert ("delete", "10") in [(s.op, s.text) for s in changed]


def test_identical_texts_fold_into_one_unchanged_stretch():
    assert [(line.kind, line.count) for line in revisions.line_diff("a\nb", "a\nb")] == [
        ("skip", 2)
    ]


def test_compare_lists_only_the_fields_that_changed():
    article = make_article(headline="Old headline", tags=[make_tag(name="Harbor")])
    before = revisions.snapshot(article)
    article.headline = "New headline"
    article.save()
    article.tags.add(make_tag(name="Ferry"))
    changes = revisions.compare(before, revisions.snapshot(article))
    assert [change.name for change in changes] == ["headline", "tags"]


def test_the_compare_page_shows_differences_escaped(client, editor):
    article = make_article(body="Calm first paragraph.")
    first = revisions.revision_create(article=article, user=editor)
    article.body = "Calm first paragraph.\n\n<script>alert('x')</script> new words"
    article.save()
    second = revisions.revision_create(article=article, user=editor)
    client.force_login(editor)
    url = reverse("admin:newsroom_article_compare", args=[article.pk])
    page = client.get(url, {"from": first.number, "to": second.number}).content.decode()
    assert "<ins>&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; new words</ins>" in page
    assert "<script>alert" not in page
    listing = client.get(reverse("admin:newsroom_article_revisions", args=[article.pk]))
    assert listing.status_code == 200
    assert "Compare" in listing.content.decode()
    assert client.get(url, {"from": 99, "to": 1}).status_code == 404
    assert client.get(url, {"from": "x", "to": 1}).status_code == 404


def test_restoring_puts_old_content_back_as_a_new_revision(client, editor):
    ana, tom = make_author(name="Ana Ruiz"), make_author(name="Tom Bell")
    harbor = make_tag(name="Harbor")
    article = make_article(headline="Ferry returns", body="First text.", authors=[ana],
                           tags=[harbor])  # fmt: skip
    first = revisions.revision_create(article=article, user=editor)
    article.headline, article.body = "Ferry is back", "Second text."
    article.save()
    article.bylines.all().delete()
    article.bylines.create(author=tom, position=0)
    article.tags.set([])
    revisions.revision_create(article=article, user=editor)
    status, published = article.status, article.published_at

    client.force_login(editor)
    url = reverse("admin:newsroom_article_restore", args=[article.pk, first.number])
    confirm = client.get(url)
    assert confirm.status_code == 200
    assert "Restore revision 1" in confirm.content.decode()
    assert client.post(url).status_code == 302

    article = Article.objects.get(pk=article.pk)
    assert (article.headline, article.body) == ("Ferry returns", "First text.")
    assert article.byline_authors == [ana]
    assert list(article.tags.all()) == [harbor]
    assert (article.status, article.published_at) == (status, published)
    latest = Revision.objects.filter(article=article).first()
    assert (latest.number, latest.note) == (3, "Restored revision 1")
    assert latest.content["headline"] == "Ferry returns"
    assert latest.created_by == editor


def test_a_contributor_cannot_restore_a_story_they_may_not_edit():
    contributor = make_user(role=CONTRIBUTOR)
    article = make_article(created_by=contributor)  # live: no longer theirs to edit
    revision = revisions.revision_create(article=article, user=contributor)
    with pytest.raises(WorkflowPermissionError):
        revisions.revision_restore(revision=revision, user=contributor)
    assert article.revisions.count() == 1


# Any two texts: the diff keeps all of both, in order.
texts = st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=200)


@given(old=texts, new=texts)
def test_word_diff_always_rebuilds_both_texts(old, new):
    segments = revisions.word_diff(old, new)
    assert "".join(s.text for s in segments if s.op != "insert") == old
    assert "".join(s.text for s in segments if s.op != "delete") == new


@given(
    old=st.lists(st.text(alphabet="abc xyz.", max_size=12), max_size=12),
    new=st.lists(st.text(alphabet="abc xyz.", max_size=12), max_size=12),
)
def test_line_diff_without_folding_rebuilds_both_texts(old, new):
    old_text, new_text = "\n".join(old), "\n".join(new)
    assume(old_text.splitlines() != new_text.splitlines())
    lines = revisions.line_diff(old_text, new_text, context=10_000)
    assert all(line.kind != "skip" for line in lines)

    old_side = [
        "".join(s.text for s in line.segments if s.op != "insert")
        for line in lines
        if line.kind in ("equal", "change", "delete")
    ]
    new_side = [
        "".join(s.text for s in line.segments if s.op != "delete")
        for line in lines
        if line.kind in ("equal", "change", "insert")
    ]
    assert old_side == old_text.splitlines()
    assert new_side == new_text.splitlines()
