from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate


def _sync_roles(sender, **kwargs) -> None:
    # Once per migrate, after every app has made its permissions (the signal is sent for each
    # app that has models, in INSTALLED_APPS order).
    with_models = [config for config in apps.get_app_configs() if config.models_module]
    if sender.label != with_models[-1].label:
        return
    from django.contrib.auth.management import create_permissions

    from .roles import sync_roles

    # This handler may run before auth's own one for the last app: make sure all exist.
    for config in with_models:
        create_permissions(config, verbosity=0, using=kwargs.get("using", "default"))
    sync_roles(apps)


class NewsroomConfig(AppConfig):
    name = "masthead.newsroom"
    verbose_name = "Newsroom"

    def ready(self) -> None:
        post_migrate.connect(_sync_roles, dispatch_uid="masthead.newsroom.sync_roles")
