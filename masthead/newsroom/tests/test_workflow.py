"""The story state machine: every move, who may make it, and what it records."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from masthead.newsroom import workflow
from masthead.newsroom.models import Article, StatusChange
from masthead.newsroom.roles import ADMIN, CONTRIBUTOR, EDITOR, ROLE_PERMISSIONS, sync_roles
from masthead.newsroom.workflow import Move, WorkflowError, WorkflowPermissionError
from masthead.testing.factories import (
    make_article,
    make_author,
    make_photo,
    make_publication,
    make_user,
)

pytestmark = pytest.mark.django_db

Status = Article.Status


@pytest.fixture(autouse=True)
def _publication():
    make_publication()


@pytest.fixture
def contributor():
    return make_user(role=CONTRIBUTOR, first_name="Cora", last_name="Writer")


@pytest.fixture
def editor():
    return make_user(role=EDITOR, first_name="Eddie", last_name="Desk")


def draft_by(user, **fields) -> Article:
    fields.setdefault("status", Status.DRAFT)
    fields.setdefault("published_at", None)
    article = make_article(created_by=user, **fields)
    if fields["published_at"] is None:
        Article.objects.filter(pk=article.pk).update(published_at=None)
        article.refresh_from_db()
    return article


# --- Roles ---------------------------------------------------------------------------------


def test_the_roles_migration_created_the_three_groups_with_their_permissions():
    for role, wanted in ROLE_PERMISSIONS.items():
        group = Group.objects.get(name=role)
        have = {
            f"{app}.{codename}"
            for app, codename in group.permissions.values_list(
                "content_type__app_label", "codename"
            )
        }
        if wanted is None:
            assert len(have) == Permission.objects.count()
        else:
            assert have == set(wanted), set(wanted) ^ have


def test_every_permission_a_role_names_exists():
    named = {perm for perms in ROLE_PERMISSIONS.values() if perms for perm in perms}
    existing = {
        f"{app}.{codename}"
        for app, codename in Permission.objects.values_list("content_type__app_label", "codename")
    }
    assert named - existing == set()


def test_contributors_cannot_publish_and_editors_can(contributor, editor):
    for perm in ("publish_article", "schedule_article", "unpublish_article", "correct_article"):
        assert not contributor.has_perm(f"newsroom.{perm}")
        assert editor.has_perm(f"newsroom.{perm}")
    assert contributor.has_perm("newsroom.add_article")
    assert not contributor.has_perm("newsroom.change_any_article")
    assert editor.has_perm("comments.change_comment")
    assert not editor.is_superuser


def test_admins_have_every_permission():
    admin = make_user(role=ADMIN)
    assert admin.has_perm("auth.change_user")
    assert admin.has_perm("newsroom.publish_article")
    assert admin.has_perm("redirects.add_redirect")


def test_syncing_roles_again_only_adds(editor):
    group = Group.objects.get(name=EDITOR)
    group.permissions.remove(Permission.objects.get(codename="publish_article"))
    extra = Permission.objects.get(codename="add_section")
    group.permissions.add(extra)
    from django.apps import apps

    sync_roles(apps)
    assert group.permissions.filter(codename="publish_article").exists()
    assert group.permissions.filter(pk=extra.pk).exists()


# --- Moves and their permissions -----------------------------------------------------------


def test_a_contributor_submits_their_own_draft_for_review(contributor):
    article = draft_by(contributor)
    result = workflow.article_submit_for_review(article=article, user=contributor)
    article.refresh_from_db()
    assert article.status == Status.IN_REVIEW
    change = StatusChange.objects.get(article=article)
    assert (change.from_status, change.to_status) == (Status.DRAFT, Status.IN_REVIEW)
    assert change.changed_by == contributor
    assert abs(change.changed_at - timezone.now()) < timedelta(seconds=5)
    assert result.message == f"“{article}” is now in review."


def test_a_contributor_cannot_submit_someone_elses_draft(contributor):
    other = make_user(role=CONTRIBUTOR)
    article = draft_by(other)
    with pytest.raises(WorkflowPermissionError):
        workflow.article_submit_for_review(article=article, user=contributor)
    assert Article.objects.get(pk=article.pk).status == Status.DRAFT


def test_a_byline_makes_a_story_the_contributors_own(contributor):
    article = draft_by(make_user(role=EDITOR), authors=[make_author(user=contributor)])
    assert workflow.owns(contributor, article)
    workflow.article_submit_for_review(article=article, user=contributor)
    assert Article.objects.get(pk=article.pk).status == Status.IN_REVIEW


@pytest.mark.parametrize("move", [Move.PUBLISH, Move.SCHEDULE, Move.UNPUBLISH])
@pytest.mark.parametrize("status", [Status.DRAFT, Status.IN_REVIEW])
def test_a_contributor_can_never_publish_schedule_or_unpublish(contributor, move, status):
    article = draft_by(contributor, status=status)
    with pytest.raises(PermissionDenied):
        workflow.article_move(
            article=article,
            user=contributor,
            move=move,
            publish_at=timezone.now() + timedelta(days=1),
        )
    assert not Article.objects.live(at=timezone.now() + timedelta(days=2)).exists()
    assert not StatusChange.objects.exists()


def test_a_contributor_cannot_unpublish_their_own_live_story(contributor):
    article = make_article(created_by=contributor)
    with pytest.raises(WorkflowPermissionError):
        workflow.article_unpublish(article=article, user=contributor)
    assert Article.objects.live().filter(pk=article.pk).exists()


def test_an_inactive_editor_can_do_nothing(editor):
    editor.is_active = False
    editor.save()
    article = draft_by(editor)
    with pytest.raises(WorkflowPermissionError):
        workflow.article_publish(article=article, user=editor)


def test_a_contributor_withdraws_their_story_from_review(contributor):
    article = draft_by(contributor, status=Status.IN_REVIEW)
    workflow.article_return_to_draft(article=article, user=contributor)
    assert Article.objects.get(pk=article.pk).status == Status.DRAFT


def test_an_editor_publishes_a_story_in_review(contributor, editor):
    article = draft_by(contributor, status=Status.IN_REVIEW)
    before = timezone.now()
    workflow.article_publish(article=article, user=editor)
    assert article.status == Status.PUBLISHED  # the caller's copy is up to date too
    article.refresh_from_db()
    assert article.status == Status.PUBLISHED
    assert article.published_at >= before
    assert article.is_live
    assert StatusChange.objects.get(article=article).changed_by == editor


def test_an_editor_schedules_a_story_and_it_goes_live_at_its_time(editor):
    article = draft_by(editor)
    at = timezone.now() + timedelta(hours=3)
    result = workflow.article_schedule(article=article, user=editor, publish_at=at)
    article.refresh_from_db()
    assert (article.status, article.published_at) == (Status.SCHEDULED, at)
    assert not article.is_live
    assert list(Article.objects.live(at=at)) == [article]
    assert "scheduled for" in result.message
    assert StatusChange.objects.get(article=article).published_at == at


def test_a_schedule_in_the_past_is_refused(editor):
    article = draft_by(editor)
    with pytest.raises(WorkflowError, match="already passed"):
        workflow.article_schedule(
            article=article, user=editor, publish_at=timezone.now() - timedelta(minutes=1)
        )


def test_an_editor_reschedules_and_calls_off_a_schedule(editor):
    article = draft_by(editor)
    workflow.article_schedule(
        article=article, user=editor, publish_at=timezone.now() + timedelta(hours=1)
    )
    later = timezone.now() + timedelta(days=1)
    workflow.article_schedule(article=article, user=editor, publish_at=later)
    assert Article.objects.get(pk=article.pk).published_at == later
    workflow.article_return_to_draft(article=article, user=editor)
    article.refresh_from_db()
    assert (article.status, article.published_at) == (Status.DRAFT, None)


def test_a_live_story_cannot_be_scheduled_or_published_again(editor):
    article = make_article()
    with pytest.raises(WorkflowError, match="already live"):
        workflow.article_publish(article=article, user=editor)
    with pytest.raises(WorkflowError, match="already live"):
        workflow.article_schedule(
            article=article, user=editor, publish_at=timezone.now() + timedelta(hours=1)
        )


def test_a_scheduled_story_whose_time_has_come_is_live_and_can_be_unpublished(editor):
    article = make_article(status=Status.SCHEDULED, published_at=timezone.now() - timedelta(1))
    assert workflow.available_moves(user=editor, article=article) == [Move.UNPUBLISH]
    workflow.article_unpublish(article=article, user=editor)
    assert Article.objects.get(pk=article.pk).status == Status.UNPUBLISHED


def test_unpublishing_and_publishing_again_keeps_the_first_time_and_address(editor):
    first = timezone.now() - timedelta(days=3)
    article = make_article(published_at=first)
    address = article.get_absolute_url()
    workflow.article_unpublish(article=article, user=editor)
    assert not Article.objects.live().exists()
    workflow.article_publish(article=article, user=editor)
    article.refresh_from_db()
    assert article.published_at == first
    assert article.get_absolute_url() == address
    moves = list(
        StatusChange.objects.filter(article=article)
        .order_by("pk")
        .values_list("from_status", "to_status")
    )
    assert moves == [
        (Status.PUBLISHED, Status.UNPUBLISHED),
        (Status.UNPUBLISHED, Status.PUBLISHED),
    ]


def test_only_a_live_story_can_be_unpublished(editor):
    article = draft_by(editor)
    with pytest.raises(WorkflowError, match="Only a live story"):
        workflow.article_unpublish(article=article, user=editor)


def test_only_a_draft_can_be_submitted(editor):
    article = draft_by(editor, status=Status.IN_REVIEW)
    with pytest.raises(WorkflowError, match="Only a draft"):
        workflow.article_submit_for_review(article=article, user=editor)


def test_publishing_refuses_a_hero_photo_without_alt_text(editor):
    photo = make_photo(alt_text="")
    article = draft_by(editor, hero_photo=photo)
    with pytest.raises(WorkflowError, match="hero photo has no alt text"):
        workflow.article_publish(article=article, user=editor)
    with pytest.raises(WorkflowError, match="hero photo has no alt text"):
        workflow.article_schedule(
            article=article, user=editor, publish_at=timezone.now() + timedelta(hours=1)
        )
    assert Article.objects.get(pk=article.pk).status == Status.DRAFT
    photo.alt_text = "A ferry at the pier."
    photo.save()
    workflow.article_publish(article=article, user=editor)
    assert Article.objects.get(pk=article.pk).is_live


def test_publishing_refuses_an_empty_story(editor):
    article = draft_by(editor, body="   ")
    with pytest.raises(WorkflowError, match="no body"):
        workflow.article_publish(article=article, user=editor)


def test_every_move_bumps_the_version(editor):
    article = draft_by(editor)
    version = article.version
    workflow.article_submit_for_review(article=article, user=editor)
    assert Article.objects.get(pk=article.pk).version == version + 1 == article.version


@pytest.mark.parametrize(
    ("status", "contributor_moves", "editor_moves"),
    [
        (Status.DRAFT, [Move.SUBMIT], [Move.SUBMIT, Move.PUBLISH, Move.SCHEDULE]),
        (Status.IN_REVIEW, [Move.RETURN_TO_DRAFT],
         [Move.PUBLISH, Move.SCHEDULE, Move.RETURN_TO_DRAFT]),
        (Status.UNPUBLISHED, [], [Move.PUBLISH, Move.SCHEDULE, Move.RETURN_TO_DRAFT]),
    ],
)  # fmt: skip
def test_available_moves_by_role_and_state(
    contributor, editor, status, contributor_moves, editor_moves
):
    article = draft_by(contributor, status=status)
    assert workflow.available_moves(user=contributor, article=article) == contributor_moves
    assert workflow.available_moves(user=editor, article=article) == editor_moves


def test_a_contributor_edits_only_their_own_drafts(contributor, editor):
    own = draft_by(contributor)
    assert workflow.can_edit(contributor, own)
    own.status = Status.IN_REVIEW
    assert not workflow.can_edit(contributor, own)
    assert workflow.can_edit(editor, own)
    assert not workflow.can_edit(contributor, draft_by(editor))
    assert not workflow.can_view(contributor, draft_by(editor))


def test_a_draft_carrying_an_old_time_is_published_now_not_backdated(editor):
    article = draft_by(editor, published_at=timezone.now() - timedelta(days=300))
    before = timezone.now()
    workflow.article_publish(article=article, user=editor)
    assert Article.objects.get(pk=article.pk).published_at >= before


def test_a_story_unpublished_then_drafted_keeps_its_first_time_when_published_again(editor):
    first = timezone.now() - timedelta(days=3)
    article = make_article(published_at=first)
    workflow.article_unpublish(article=article, user=editor)
    workflow.article_return_to_draft(article=article, user=editor)
    workflow.article_publish(article=article, user=editor)
    assert Article.objects.get(pk=article.pk).published_at == first
