from django.apps import AppConfig


class FrontPageConfig(AppConfig):
    name = "masthead.frontpage"
    verbose_name = "Front page"

    def ready(self) -> None:
        from . import signals

        signals.connect()
