from django.apps import AppConfig


class PageCacheConfig(AppConfig):
    name = "masthead.pagecache"
    verbose_name = "Page cache"

    def ready(self) -> None:
        from . import signals

        signals.connect()
