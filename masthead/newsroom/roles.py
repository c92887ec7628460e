"""The newsroom's roles, as Django groups: Contributor, Editor and Admin.

The permissions of each role are written here, in code, and given to its group by a migration
(``newsroom/migrations/0003_roles``) and again after every ``migrate``, so that permissions of
models added later reach the roles too. Syncing only ever adds: a permission removed from a
group by hand stays removed until it is named here again.

What the roles mean beyond Django's model permissions (a contributor edits only their *own*
drafts) is enforced by :mod:`masthead.newsroom.workflow` and the story admin.
"""

from __future__ import annotations

from django.apps.registry import Apps

CONTRIBUTOR = "Contributor"
EDITOR = "Editor"
ADMIN = "Admin"

_CONTRIBUTOR = [
    "newsroom.add_article",
    "newsroom.change_article",
    "newsroom.view_article",
    "newsroom.add_byline",
    "newsroom.change_byline",
    "newsroom.delete_byline",
    "newsroom.view_byline",
    "newsroom.view_author",
    "newsroom.view_section",
    "newsroom.view_tag",
    "newsroom.view_revision",
    "photos.add_photo",
    "photos.change_photo",
    "photos.view_photo",
]
_EDITOR = [
    *_CONTRIBUTOR,
    "newsroom.change_any_article",
    "newsroom.publish_article",
    "newsroom.schedule_article",
    "newsroom.unpublish_article",
    "newsroom.correct_article",
    "newsroom.add_correction",
    "newsroom.view_correction",
    "newsroom.view_statuschange",
    "newsroom.add_author",
    "newsroom.change_author",
    "newsroom.add_tag",
    "newsroom.change_tag",
    "photos.delete_photo",
    "comments.view_comment",
    "comments.change_comment",
    "comments.delete_comment",
    "comments.add_ban",
    "comments.change_ban",
    "comments.delete_ban",
    "comments.view_ban",
    "redirects.add_redirect",
    "redirects.change_redirect",
    "redirects.delete_redirect",
    "redirects.view_redirect",
    "ingest.run_import",
    "ingest.view_importrun",
    "frontpage.view_frontpage",
    "frontpage.change_frontpage",
    "frontpage.add_placedstory",
    "frontpage.change_placedstory",
    "frontpage.delete_placedstory",
    "frontpage.view_placedstory",
    "frontpage.add_sectionblock",
    "frontpage.change_sectionblock",
    "frontpage.delete_sectionblock",
    "frontpage.view_sectionblock",
    "pages.add_page",
    "pages.change_page",
    "pages.view_page",
]

# None means every permission there is.
ROLE_PERMISSIONS: dict[str, list[str] | None] = {
    CONTRIBUTOR: _CONTRIBUTOR,
    EDITOR: _EDITOR,
    ADMIN: None,
}


def sync_roles(apps: Apps) -> None:
    """Create the role groups and add to each the permissions it should have.

    Takes the app registry so that the roles migration can run it on historical models.
    Permissions that do not exist yet (an app not migrated yet) are skipped; the next sync
    adds them.
    """
    group_model = apps.get_model("auth", "Group")
    permission_model = apps.get_model("auth", "Permission")
    every = permission_model.objects.all()
    for name, wanted in ROLE_PERMISSIONS.items():
        group, _ = group_model.objects.get_or_create(name=name)
        if wanted is None:
            permissions = every
        else:
            pairs = {tuple(perm.split(".", 1)) for perm in wanted}
            permissions = [
                permission
                for permission in every.select_related("content_type")
                if (permission.content_type.app_label, permission.codename) in pairs
            ]
        group.permissions.add(*permissions)


def give_role(user, role: str) -> None:
    """Make ``user`` a member of ``role`` (a staff account, so it can log in to the newsroom)."""
    from django.contrib.auth.models import Group

    group, _ = Group.objects.get_or_create(name=role)
    if not user.is_staff:
        user.is_staff = True
        user.save(update_fields=["is_staff"])
    user.groups.add(group)
