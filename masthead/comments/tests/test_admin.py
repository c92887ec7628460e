"""The moderation queue in the newsroom admin, for editors holding comments.change_comment."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission

from masthead.comments.models import Ban, Comment
from masthead.testing.factories import make_comment

# Query counts are of pages being made, not served from the page cache.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_off")]

QUEUE = "/newsroom/comments/comment/"


def _staff(django_user_model, username: str, *codenames: str):
    user = django_user_model.objects.create_user(username, password="pw-for-tests", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename__in=codenames))
    return user


@pytest.fixture
def editor(django_user_model):
    return _staff(django_user_model, "editor", "view_comment", "change_comment", "view_ban",
                  "add_ban", "change_ban")  # fmt: skip


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def queue(story):
    return {
        "pending": [make_comment(story, status="pending", body=f"Waiting {i}.") for i in range(3)],
        "approved": make_comment(story, body="Already shown."),
        "spam": make_comment(story, status="spam", body="Buy pills."),
    }


def test_the_queue_opens_on_waiting_comments_and_says_how_many(editor_client, queue):
    response = editor_client.get(QUEUE)
    assert response.status_code == 200
    html = response.content.decode()
    assert [c.body for c in response.context["cl"].result_list] == [
        "Waiting 0.", "Waiting 1.", "Waiting 2.",
    ]  # fmt: skip
    assert "<strong>3</strong> comments waiting for moderation" in html
    assert "Waiting for moderation (3)" in html and "Spam (1)" in html
    # The full text, the sender's email and IP (editors need them to judge and to ban).
    assert "reader@example.com" in html
    assert 'name="_moderate" value="approve:' in html


def test_the_waiting_count_shows_on_every_newsroom_page(editor_client, queue):
    html = editor_client.get("/newsroom/").content.decode()
    assert "<strong>3</strong> comments waiting for moderation" in html
    Comment.objects.update(status="approved")
    assert "No comments waiting for moderation" in editor_client.get("/newsroom/").content.decode()


def test_other_statuses_and_all_are_one_click_away(editor_client, queue):
    spam = editor_client.get(QUEUE + "?status=spam").context["cl"].result_list
    assert [c.body for c in spam] == ["Buy pills."]
    assert len(editor_client.get(QUEUE + "?status=all").context["cl"].result_list) == 5


@pytest.mark.parametrize(
    ("action", "status"), [("approve", "approved"), ("spam", "spam"), ("remove", "removed")]
)
def test_one_by_one_buttons(editor_client, editor, queue, action, status):
    comment = queue["pending"][1]
    response = editor_client.post(
        QUEUE + "?status=pending", {"_moderate": f"{action}:{comment.pk}"}
    )
    assert response.status_code == 302
    assert response["Location"] == QUEUE + "?status=pending"
    comment.refresh_from_db()
    assert comment.status == status
    assert comment.moderated_by == editor
    assert Comment.objects.filter(status="pending").count() == 2


def test_approving_from_the_queue_shows_the_comment_on_the_story(
    editor_client, client, queue, story
):
    comment = queue["pending"][0]
    editor_client.post(QUEUE, {"_moderate": f"approve:{comment.pk}"})
    client.logout()
    assert "Waiting 0." in client.get(story.get_absolute_url()).content.decode()


@pytest.mark.parametrize(
    ("action", "status"),
    [("approve_selected", "approved"), ("spam_selected", "spam"), ("remove_selected", "removed")],
)
def test_bulk_actions(editor_client, queue, action, status):
    chosen = [c.pk for c in queue["pending"][:2]]
    response = editor_client.post(
        QUEUE, {"action": action, "_selected_action": chosen}, follow=True
    )
    assert response.status_code == 200
    assert set(Comment.objects.filter(pk__in=chosen).values_list("status", flat=True)) == {status}
    assert Comment.objects.get(pk=queue["pending"][2].pk).status == "pending"
    assert "2 comments" in response.content.decode()


def test_ban_senders_from_the_queue(editor_client, queue, story):
    troll = make_comment(
        story, status="pending", email="troll@example.com", ip_address="198.51.100.9"
    )
    editor_client.post(QUEUE, {"action": "ban_senders", "_selected_action": [troll.pk]})
    assert set(Ban.objects.values_list("value", flat=True)) == {"troll@example.com", "198.51.100.9"}
    troll.refresh_from_db()
    assert troll.status == "spam"


def test_an_editor_can_correct_a_comment_and_the_story_shows_it(
    editor_client, client, queue, story
):
    comment = queue["approved"]
    response = editor_client.post(
        f"{QUEUE}{comment.pk}/change/",
        {"author_name": "Reader", "body": "Shown, phone number taken out.", "status": "approved"},
    )
    assert response.status_code == 302
    client.logout()
    html = client.get(story.get_absolute_url()).content.decode()
    assert "Shown, phone number taken out." in html and "Already shown." not in html


def test_status_changed_in_the_form_goes_through_moderation(editor_client, editor, queue):
    comment = queue["pending"][0]
    editor_client.post(
        f"{QUEUE}{comment.pk}/change/",
        {"author_name": comment.author_name, "body": comment.body, "status": "approved"},
    )
    comment.refresh_from_db()
    assert comment.status == "approved" and comment.moderated_by == editor


def test_nobody_adds_comments_in_the_admin(editor_client):
    assert editor_client.get(QUEUE + "add/").status_code == 403


def test_staff_without_the_comment_permission_cannot_moderate(client, django_user_model, queue):
    client.force_login(_staff(django_user_model, "reporter"))
    assert client.get(QUEUE).status_code == 403
    comment = queue["pending"][0]
    assert client.post(QUEUE, {"_moderate": f"approve:{comment.pk}"}).status_code == 403
    assert "waiting for moderation" not in client.get("/newsroom/").content.decode()
    comment.refresh_from_db()
    assert comment.status == "pending"


def test_view_only_staff_see_the_queue_but_cannot_moderate(client, django_user_model, queue):
    client.force_login(_staff(django_user_model, "intern", "view_comment"))
    assert client.get(QUEUE).status_code == 200
    comment = queue["pending"][0]
    assert client.post(QUEUE, {"_moderate": f"approve:{comment.pk}"}).status_code == 403
    client.post(QUEUE, {"action": "approve_selected", "_selected_action": [comment.pk]})
    comment.refresh_from_db()
    assert comment.status == "pending"


def test_a_button_for_a_comment_that_is_gone_says_so(editor_client, queue):
    response = editor_client.post(QUEUE, {"_moderate": "approve:999999"}, follow=True)
    assert "That comment is no longer there." in response.content.decode()
    response = editor_client.post(QUEUE, {"_moderate": "explode:1"}, follow=True)
    assert response.status_code == 200


def test_bans_are_managed_in_the_admin_in_one_spelling(editor_client, editor):
    response = editor_client.post(
        "/newsroom/comments/ban/add/",
        {"kind": "email", "value": " Troll@Example.COM ", "reason": "abuse"},
    )
    assert response.status_code == 302
    ban = Ban.objects.get()
    assert ban.value == "troll@example.com" and ban.created_by == editor
    response = editor_client.post(
        "/newsroom/comments/ban/add/", {"kind": "ip", "value": "not-an-address"}
    )
    assert response.status_code == 200
    assert "Enter an IP address such as 203.0.113.7" in response.content.decode()


def test_a_search_looks_through_every_status(editor_client, queue):
    found = editor_client.get(QUEUE + "?q=pills").context["cl"].result_list
    assert [c.body for c in found] == ["Buy pills."]


def test_the_queue_costs_the_same_queries_with_5_or_40_comments(editor_client, story):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from masthead.testing.factories import make_article

    editor_client.get(QUEUE)  # warm the publication cache, as on a running site
    counts = []
    for size in (5, 40):
        Comment.objects.all().delete()
        for i in range(size):
            article = make_article(section=story.section) if i % 2 else story
            make_comment(article, status="pending", parent=None)
        with CaptureQueriesContext(connection) as captured:
            assert editor_client.get(QUEUE).status_code == 200
        counts.append(len(captured.captured_queries))
    assert counts[0] == counts[1], counts
