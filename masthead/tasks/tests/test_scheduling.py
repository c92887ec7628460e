"""Periodic jobs run at their intervals, one worker at a time, with backoff after failures."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from masthead.tasks.models import PeriodicJob
from masthead.tasks.schedule import JobContext, periodic_job_add
from masthead.tasks.scheduler import job_claim, job_run, retry_delay, schedule_sync
from masthead.tasks.worker import Worker
from masthead.testing.clock import frozen_clock

pytestmark = pytest.mark.django_db

T0 = datetime(2026, 3, 3, 9, 0, tzinfo=UTC)


def job(name: str) -> PeriodicJob:
    return PeriodicJob.objects.get(name=name)


def test_a_new_job_runs_at_once_then_once_per_interval(registry) -> None:
    calls: list[datetime] = []
    with frozen_clock(T0) as clock:
        periodic_job_add("tick", lambda: calls.append(clock.now), every=timedelta(minutes=10))
        worker = Worker(sleep=1)
        worker.tick()
        assert calls == [T0]
        assert job("tick").next_run_at == T0 + timedelta(minutes=10)
        assert job("tick").last_status == PeriodicJob.Status.SUCCEEDED
        clock.advance(minutes=9, seconds=59)
        worker.tick()
        assert len(calls) == 1  # not due yet
        clock.advance(seconds=1)
        worker.tick()
        assert calls == [T0, T0 + timedelta(minutes=10)]
        clock.advance(hours=5)  # a worker that was down runs the job once, not 30 times
        worker.tick()
        assert len(calls) == 3
        assert job("tick").next_run_at == clock.now + timedelta(minutes=10)


def test_each_job_keeps_its_own_interval(registry) -> None:
    runs = {"often": 0, "daily": 0}
    with frozen_clock(T0) as clock:
        periodic_job_add(
            "often",
            lambda: runs.__setitem__("often", runs["often"] + 1),
            every=timedelta(minutes=1),
        )
        periodic_job_add(
            "daily", lambda: runs.__setitem__("daily", runs["daily"] + 1), every=timedelta(days=1)
        )
        worker = Worker(sleep=1)
        for _ in range(120):  # two hours, a pass a minute
            worker.tick()
            clock.advance(minutes=1)
    assert runs == {"often": 120, "daily": 1}


def test_a_failure_is_kept_and_retried_with_growing_waits(registry, settings) -> None:
    settings.MASTHEAD_WORKER_RETRY_SECONDS = 60
    settings.MASTHEAD_WORKER_RETRY_MAX_SECONDS = 600
    outcome = {"fail": True}

    def flaky() -> str:
        if outcome["fail"]:
            raise ConnectionError("the agency's server did not answer")
        return "polled"

    with frozen_clock(T0) as clock:
        periodic_job_add("flaky", flaky, every=timedelta(hours=6))
        worker = Worker(sleep=1)
        waits = []
        for _ in range(6):
            worker.tick()
            state = job("flaky")
            waits.append(state.next_run_at - clock.now)
            clock.now = state.next_run_at
        assert [wait.total_seconds() for wait in waits] == [60, 120, 240, 480, 600, 600]
        state = job("flaky")
        assert state.attempts == 6 and state.last_status == PeriodicJob.Status.FAILED
        assert state.last_error.startswith("ConnectionError: the agency's server did not answer")
        assert "Traceback" in state.last_error and state.state == "failing"
        outcome["fail"] = False
        worker.tick()
        state = job("flaky")
        assert state.attempts == 0 and state.last_error == "" and state.last_result == "polled"
        assert state.next_run_at == clock.now + timedelta(hours=6)


def test_retries_never_wait_longer_than_the_jobs_interval(settings) -> None:
    settings.MASTHEAD_WORKER_RETRY_SECONDS = 60
    settings.MASTHEAD_WORKER_RETRY_MAX_SECONDS = 3600
    assert retry_delay(1, timedelta(days=1)) == timedelta(minutes=1)
    assert retry_delay(4, timedelta(days=1)) == timedelta(minutes=8)
    assert retry_delay(50, timedelta(days=1)) == timedelta(hours=1)
    assert retry_delay(5, timedelta(minutes=2)) == timedelta(minutes=2)


def test_a_disabled_job_does_not_run(registry) -> None:
    calls = []
    periodic_job_add("quiet", lambda: calls.append(1), every=timedelta(minutes=1))
    schedule_sync()
    PeriodicJob.objects.filter(name="quiet").update(enabled=False)
    Worker(sleep=1).tick()
    assert calls == [] and job("quiet").state == "off"


def test_a_job_no_longer_in_the_code_is_left_alone(registry) -> None:
    PeriodicJob.objects.create(name="retired", interval=timedelta(minutes=1))
    assert job_claim("worker-a") is None


def test_a_claimed_job_is_not_claimed_again(registry) -> None:
    periodic_job_add("once", lambda: None, every=timedelta(minutes=5))
    schedule_sync()
    first = job_claim("worker-a")
    assert first is not None and first.claimed_by == "worker-a"
    assert first.last_status == PeriodicJob.Status.RUNNING and first.state == "running"
    assert job_claim("worker-b") is None
    job_run(first, "worker-a")
    assert job("once").claimed_by == "" and job_claim("worker-b") is None  # not due for 5 min


def test_a_run_whose_worker_died_is_taken_over_after_its_timeout(registry) -> None:
    with frozen_clock(T0) as clock:
        periodic_job_add(
            "long", lambda: "ok", every=timedelta(hours=1), timeout=timedelta(minutes=30)
        )
        schedule_sync()
        assert job_claim("killed-worker") is not None  # ... and never finishes
        clock.advance(minutes=29)
        assert job_claim("worker-b") is None
        clock.advance(minutes=2)
        taken = job_claim("worker-b")
        assert taken is not None and taken.claimed_by == "worker-b"
        assert "killed-worker never finished" in taken.last_error
        assert job_run(taken, "worker-b").last_status == PeriodicJob.Status.SUCCEEDED


def test_the_late_finish_of_a_taken_over_run_changes_nothing(registry) -> None:
    with frozen_clock(T0) as clock:
        periodic_job_add(
            "long", lambda: "ok", every=timedelta(hours=1), timeout=timedelta(minutes=30)
        )
        schedule_sync()
        stale = job_claim("slow-worker")
        clock.advance(minutes=31)
        taken = job_claim("worker-b")
        job_run(stale, "slow-worker")  # it was only slow: its record must not clear b's claim
        assert job("long").claimed_by == "worker-b"
        job_run(taken, "worker-b")
        assert job("long").claimed_by == ""


def test_a_job_can_ask_for_its_last_success(registry) -> None:
    seen: list[JobContext] = []
    with frozen_clock(T0) as clock:
        periodic_job_add("since", seen.append, every=timedelta(minutes=10), takes_context=True)
        worker = Worker(sleep=1)
        worker.tick()
        clock.advance(minutes=10)
        worker.tick()
    assert [(c.now, c.previous_success) for c in seen] == [
        (T0, None),
        (T0 + timedelta(minutes=10), T0),
    ]


def test_a_changed_interval_takes_effect(registry) -> None:
    with frozen_clock(T0) as clock:
        periodic_job_add("poll", lambda: None, every=timedelta(hours=1))
        Worker(sleep=1).tick()
        periodic_job_add("poll", lambda: None, every=timedelta(minutes=5))
        schedule_sync()
        assert job("poll").interval == timedelta(minutes=5)
        assert job("poll").next_run_at == clock.now + timedelta(minutes=5)


@pytest.mark.parametrize(
    ("name", "every"), [("Bad Name", timedelta(minutes=1)), ("ok", timedelta(0))]
)
def test_a_bad_registration_is_refused_clearly(registry, name: str, every: timedelta) -> None:
    with pytest.raises(ValueError, match=r"name must be|positive interval"):
        periodic_job_add(name, lambda: None, every=every)


def test_a_restarted_worker_frees_the_claims_of_a_killed_one_on_this_machine(registry) -> None:
    import os
    import subprocess

    from django.utils.timezone import now

    from masthead.tasks.worker import _hostname

    gone = subprocess.Popen(["true"])  # a process id that no longer runs
    gone.wait()
    periodic_job_add("killed", lambda: "ran", every=timedelta(hours=1))
    periodic_job_add("alive", lambda: "ran", every=timedelta(hours=1))
    periodic_job_add("elsewhere", lambda: "ran", every=timedelta(hours=1))
    schedule_sync()
    here = _hostname()
    claims = {
        "killed": f"{here}:{gone.pid}:dead00",
        "alive": f"{here}:{os.getpid()}:live00",  # a worker of this machine still running
        "elsewhere": f"another-server:{gone.pid}:far000",
    }
    for name, worker_id in claims.items():
        PeriodicJob.objects.filter(name=name).update(claimed_by=worker_id, claimed_at=now())
    Worker(sleep=1).tick()
    assert job("killed").last_status == PeriodicJob.Status.SUCCEEDED
    assert job("killed").last_result == "ran" and job("killed").claimed_by == ""
    assert job("alive").claimed_by == claims["alive"]
    assert job("elsewhere").claimed_by == claims["elsewhere"]
