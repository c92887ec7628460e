from __future__ import annotations

from collections.abc import Iterator

import pytest

from masthead.tasks import schedule

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


@pytest.fixture
def registry() -> Iterator[dict[str, schedule.JobSpec]]:
    """An empty job registry for the test, the real one put back afterwards."""
    saved = dict(schedule._registry)
    schedule._registry.clear()
    try:
        yield schedule._registry
    finally:
        schedule._registry.clear()
        schedule._registry.update(saved)


@pytest.fixture
def database_tasks(settings) -> None:
    """One-off tasks wait in the database for the worker, as outside the tests."""
    settings.TASKS = DATABASE_TASKS
