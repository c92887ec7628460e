from django.apps import AppConfig


class TasksConfig(AppConfig):
    name = "masthead.tasks"
    label = "tasks"
    verbose_name = "Background work"

    def ready(self) -> None:
        # The newsroom's own periodic jobs join the schedule registry (see schedule.py).
        from . import jobs  # noqa: F401
