"""The newsroom admin shows each job's state, last run, last error, next run and failures in a
row, runs a job now on request, and lists one-off task results."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from masthead.tasks.models import PeriodicJob
from masthead.tasks.schedule import periodic_job_add
from masthead.tasks.worker import Worker
from masthead.testing.factories import make_publication, make_user

pytestmark = pytest.mark.django_db

JOBS = "/newsroom/tasks/periodicjob/"


@pytest.fixture
def admin_client() -> Client:
    make_publication()
    client = Client()
    client.force_login(make_user(is_staff=True, is_superuser=True))
    return client


def _broken() -> None:
    raise RuntimeError("feed file is not valid XML at line 3")


def test_the_job_list_shows_state_runs_and_errors(registry, admin_client: Client) -> None:
    periodic_job_add("wire-sources", lambda: "2 sources polled", every=timedelta(minutes=1))
    periodic_job_add("spam-purge", _broken, every=timedelta(days=1))
    Worker(sleep=1).tick()
    page = admin_client.get(JOBS).content.decode()
    assert "wire-sources" in page and "spam-purge" in page
    assert "RuntimeError: feed file is not valid XML at line 3" in page
    assert "failing" in page and "waiting" in page
    failed = PeriodicJob.objects.get(name="spam-purge")
    assert failed.attempts == 1
    detail = admin_client.get(f"{JOBS}{failed.pk}/change/").content.decode()
    assert "Traceback" in detail and "feed file is not valid XML" in detail
    assert "failures in a row" in detail.lower()
    ok = PeriodicJob.objects.get(name="wire-sources")
    assert "2 sources polled" in admin_client.get(f"{JOBS}{ok.pk}/change/").content.decode()


def test_run_now_makes_a_job_due_for_the_next_pass(registry, admin_client: Client) -> None:
    runs: list[int] = []
    periodic_job_add("spam-purge", lambda: runs.append(1), every=timedelta(days=1))
    worker = Worker(sleep=1)
    worker.tick()
    job = PeriodicJob.objects.get()
    assert job.next_run_at > timezone.now() + timedelta(hours=23)
    response = admin_client.post(
        JOBS, {"action": "run_now", "_selected_action": [job.pk]}, follow=True
    )
    assert "will run on the worker" in response.content.decode()
    job.refresh_from_db()
    assert job.next_run_at <= timezone.now()
    worker.tick()
    assert runs == [1, 1]


def test_jobs_cannot_be_added_or_deleted_by_hand(registry, admin_client: Client) -> None:
    periodic_job_add("spam-purge", lambda: None, every=timedelta(days=1))
    Worker(sleep=1).tick()
    job = PeriodicJob.objects.get()
    assert admin_client.get(f"{JOBS}add/").status_code == 403
    assert admin_client.post(f"{JOBS}{job.pk}/delete/", {"post": "yes"}).status_code == 403
    assert PeriodicJob.objects.exists()


def test_one_off_task_results_are_listed(admin_client: Client, database_tasks) -> None:
    from masthead.photos.tasks import photo_renditions_make

    photo_renditions_make.enqueue(12345)  # no such photo: a task that succeeds doing nothing
    Worker(sleep=1).tasks_run()
    page = admin_client.get("/newsroom/django_tasks_database/dbtaskresult/").content.decode()
    assert "photo_renditions_make" in page and "SUCCESSFUL" in page.upper()
