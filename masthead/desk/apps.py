from django.apps import AppConfig


class DeskConfig(AppConfig):
    """The newsroom's first page after login: what waits for whom today."""

    name = "masthead.desk"
    verbose_name = "Desk"
