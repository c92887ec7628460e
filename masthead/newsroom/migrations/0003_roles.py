"""The Contributor, Editor and Admin groups with their permissions (see newsroom/roles.py)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from masthead.newsroom.roles import ROLE_PERMISSIONS, sync_roles


def create_roles(apps, schema_editor):
    # Permissions are normally created after all migrations have run; make them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    sync_roles(apps)


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLE_PERMISSIONS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("newsroom", "0002_workflow"),
        ("photos", "0002_focal_point"),
        ("comments", "0001_initial"),
        ("redirects", "0001_redirects"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
