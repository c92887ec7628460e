from django.apps import AppConfig


class RedirectsConfig(AppConfig):
    name = "masthead.redirects"
    verbose_name = "Redirects"

    def ready(self) -> None:
        from . import signals  # noqa: F401  (records moves of stories, sections, tags, authors)
