from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "masthead.search"
    verbose_name = "Search"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from . import signals

        signals.connect()
        post_migrate.connect(signals.fill_index_after_migrate, sender=self)
