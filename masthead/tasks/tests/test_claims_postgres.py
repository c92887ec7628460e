"""Two workers at once on PostgreSQL never run the same job twice (SELECT ... FOR UPDATE SKIP
LOCKED). SQLite has no row locks and one writer at a time: its conditional UPDATE is covered
in test_scheduling.py; `make test` runs this file on PostgreSQL."""

from __future__ import annotations

import threading
import time
from collections import Counter
from datetime import timedelta

import pytest
from django.db import connection, connections

from masthead.tasks.models import PeriodicJob
from masthead.tasks.schedule import periodic_job_add
from masthead.tasks.scheduler import schedule_sync
from masthead.tasks.worker import Worker

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="row locks: the PostgreSQL run covers this"
    ),
]


def test_four_workers_run_each_due_job_exactly_once(registry) -> None:
    runs: Counter[str] = Counter()
    lock = threading.Lock()

    def job_for(name: str):
        def run() -> None:
            with lock:
                runs[name] += 1
            time.sleep(0.05)  # long enough for the other workers to look at the same rows

        return run

    names = [f"job-{n}" for n in range(12)]
    for name in names:
        periodic_job_add(name, job_for(name), every=timedelta(hours=1))
    schedule_sync()
    start = threading.Barrier(4)
    failures: list[BaseException] = []

    def work(n: int) -> None:
        try:
            worker = Worker(worker_id=f"worker-{n}", sleep=1)
            start.wait()
            for _ in range(3):
                worker.periodic_jobs_run()
        except BaseException as exc:
            failures.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not failures
    assert runs == Counter(dict.fromkeys(names, 1))
    assert set(PeriodicJob.objects.values_list("last_status", flat=True)) == {"succeeded"}
    assert set(PeriodicJob.objects.values_list("claimed_by", flat=True)) == {""}
