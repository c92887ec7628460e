"""What each of the newsroom's periodic jobs does, and that running it twice does no harm."""

from __future__ import annotations

import time
from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from masthead.comments.models import Comment
from masthead.newsroom.models import Article
from masthead.photos.models import Photo, photos_without_renditions, retired_copies_delete
from masthead.search import backends
from masthead.search.stories import search_stories
from masthead.tasks import jobs
from masthead.tasks.models import PeriodicJob
from masthead.tasks.schedule import JobContext, registered_jobs
from masthead.tasks.worker import Worker
from masthead.testing.clock import frozen_clock
from masthead.testing.factories import jpeg_bytes, make_article, make_comment, make_publication

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def publication(settings, tmp_path):
    settings.MASTHEAD_BACKUP_DIR = tmp_path / "backups"  # the scheduled backup writes here
    return make_publication()


def test_every_job_of_the_newsroom_is_registered() -> None:
    assert set(registered_jobs()) >= {
        "wire-sources",
        "photo-renditions",
        "missing-photos",
        "spam-purge",
        "search-index",
        "task-results-prune",
        "backup",
    }


@pytest.mark.django_db(transaction=True)  # the backup opens its own snapshot transaction
def test_one_pass_runs_every_job_and_a_second_pass_nothing(settings) -> None:
    worker = Worker(sleep=1)
    assert worker.tick() == len(registered_jobs())
    assert set(PeriodicJob.objects.values_list("last_status", flat=True)) == {"succeeded"}
    assert worker.tick() == 0  # none is due again yet
    assert len(list((settings.MASTHEAD_BACKUP_DIR).glob("masthead-backup-*.tar.gz"))) == 1


def test_the_spam_purge_deletes_old_spam_only(settings) -> None:
    settings.MASTHEAD_SPAM_KEEP_DAYS = 30
    story = make_article()
    old_spam = make_comment(story, status=Comment.Status.SPAM, body="Buy pills now")
    new_spam = make_comment(story, status=Comment.Status.SPAM, body="Cheap watches")
    old_reader = make_comment(story, body="A thoughtful comment from long ago.")
    long_ago = timezone.now() - timedelta(days=31)
    Comment.objects.filter(pk__in=[old_spam.pk, old_reader.pk]).update(created_at=long_ago)
    assert jobs.spam_purge() == "deleted 1 spam comment(s) older than 30 days"
    assert set(Comment.objects.values_list("pk", flat=True)) == {new_spam.pk, old_reader.pk}
    assert jobs.spam_purge() == "deleted 0 spam comment(s) older than 30 days"
    assert Comment.objects.count() == 2


def _uploaded_photo() -> Photo:
    """A photo saved as the admin's upload saves it: renditions left to the worker."""
    photo = Photo(alt_text="Fishing boats at dawn", caption="Boats leave the harbor.")
    photo.image.save("boats.jpg", ContentFile(jpeg_bytes(2000, 1125)), save=False)
    photo.renditions_in_background = True
    photo.save()
    return photo


def test_an_upload_leaves_its_renditions_to_the_worker(database_tasks) -> None:
    photo = _uploaded_photo()
    photo.refresh_from_db()
    assert photo.renditions == {} and photo.srcset.endswith("2000w")  # the original serves
    waiting = DBTaskResult.objects.get()
    assert waiting.task_name == "photo_renditions_make" and waiting.status == "READY"
    assert Worker(sleep=1).tasks_run() == 1
    photo.refresh_from_db()
    assert photo.renditions["of"] == photo.image.name
    assert [width for width, _ in photo.sized_renditions()] == [480, 960, 1600]
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"
    assert Worker(sleep=1).tasks_run() == 0


def test_the_renditions_sweep_makes_what_is_missing_once(database_tasks, settings) -> None:
    photo = _uploaded_photo()
    DBTaskResult.objects.all().delete()  # the task was lost: the sweep catches it
    assert list(photos_without_renditions()) == [photo]
    assert jobs.photo_renditions_sweep() == "made renditions of 1 photo(s)"
    photo.refresh_from_db()
    made = dict(photo.renditions)
    files = sorted(p.name for p in (settings.MEDIA_ROOT / "renditions").iterdir())
    recorded = sorted({entry[4].rsplit("/", 1)[-1] for entry in made["copies"]})
    assert files == recorded and not photos_without_renditions().exists()
    assert {shape for shape, *_ in made["copies"]} == {"original", "16x9", "3x2", "1x1"}
    assert jobs.photo_renditions_sweep() == "made renditions of 0 photo(s)"
    photo.refresh_from_db()
    assert photo.renditions == made
    assert sorted(p.name for p in (settings.MEDIA_ROOT / "renditions").iterdir()) == files


def test_renditions_of_a_replaced_file_are_made_again(database_tasks) -> None:
    photo = _uploaded_photo()
    Worker(sleep=1).tasks_run()
    photo.refresh_from_db()
    photo.image.save("boats-2.jpg", ContentFile(jpeg_bytes(1000, 600)), save=False)
    photo.renditions_in_background = True
    photo.save()
    assert list(photos_without_renditions()) == [photo]
    Worker(sleep=1).tasks_run()
    photo.refresh_from_db()
    assert photo.renditions["of"] == photo.image.name
    # Never wider than the new file: 1000 pixels, the largest copy.
    assert [width for width, _ in photo.sized_renditions()] == [480, 960, 1000]


def test_copies_a_new_file_replaces_are_deleted_a_day_later(database_tasks, settings) -> None:
    photo = _uploaded_photo()
    Worker(sleep=1).tasks_run()
    photo.refresh_from_db()
    first = {entry[4] for entry in photo.renditions["copies"]}
    photo.image.save("boats-2.jpg", ContentFile(jpeg_bytes(1000, 600)), save=False)
    photo.renditions_in_background = True
    photo.save()
    Worker(sleep=1).tasks_run()
    photo.refresh_from_db()
    retired = {name for name, _ in photo.renditions["retired"]}
    assert retired == first and not retired & {entry[4] for entry in photo.renditions["copies"]}
    # A page a CDN still holds names the old copies: they stay for a day.
    assert retired_copies_delete() == 0
    assert all(photo.image.storage.exists(name) for name in retired)
    assert retired_copies_delete(now=time.time() + 24 * 3600 + 1) == len(retired)
    photo.refresh_from_db()
    assert "retired" not in photo.renditions
    assert not any(photo.image.storage.exists(name) for name in retired)
    assert all(photo.image.storage.exists(entry[4]) for entry in photo.renditions["copies"])


def test_moving_the_focal_point_cuts_the_shapes_again(database_tasks) -> None:
    photo = _uploaded_photo()  # 2000 x 1125
    Worker(sleep=1).tasks_run()
    photo.refresh_from_db()
    before = {entry[4] for entry in photo.renditions["copies"] if entry[0] == "1x1"}
    photo.focal_x = 0.0
    photo.renditions_in_background = True
    photo.save()
    photo.refresh_from_db()
    # Until the worker runs, pages keep the old cuts and the sweep sees the photo as missing.
    assert {entry[4] for entry in photo.renditions["copies"] if entry[0] == "1x1"} == before
    assert list(photos_without_renditions()) == [photo]
    Worker(sleep=1).tasks_run()
    photo.refresh_from_db()
    assert photo.renditions["focus"] == [0.0, 0.5] and not photos_without_renditions().exists()
    assert not before & {entry[4] for entry in photo.renditions["copies"]}


def _upkeep(previous_success=None) -> str:
    return jobs.search_index_upkeep(JobContext("search-index", timezone.now(), previous_success))


def _found(words: str) -> list[int]:
    return [hit.article.pk for hit in search_stories(words)[:10]]


def test_search_upkeep_indexes_stories_missing_from_the_index() -> None:
    story = make_article(headline="Lighthouse keeper retires after thirty years")
    other = make_article(headline="Ferry timetable changes for winter")
    backends.current().remove([story.pk])  # as after a bulk insert or a restored backup
    assert _found("lighthouse") == []
    assert _upkeep() == "indexed 1 story(ies)"
    assert _found("lighthouse") == [story.pk] and _found("ferry") == [other.pk]
    assert _upkeep() == "indexed 0 story(ies)"
    assert _found("lighthouse") == [story.pk]


def test_search_upkeep_reindexes_stories_changed_behind_its_back() -> None:
    before = timezone.now()
    story = make_article(headline="Council approves harbor plan")
    Article.objects.filter(pk=story.pk).update(  # no signals: the index still has the old text
        headline="Council approves lighthouse plan", modified_at=timezone.now()
    )
    assert _found("lighthouse") == []
    assert _upkeep(previous_success=before) == "indexed 1 story(ies)"
    assert _found("lighthouse") == [story.pk] and _found("harbor") == []
    # A later run whose last success came after the change (and its minute of overlap).
    later = timezone.now() + timedelta(minutes=10)
    with frozen_clock(later):
        assert _upkeep(previous_success=later - timedelta(minutes=5)) == "indexed 0 story(ies)"


def test_the_index_is_rebuilt_when_it_is_empty() -> None:
    stories = [make_article(headline=f"Regatta day {n}") for n in range(3)]
    backends.current().remove([s.pk for s in stories])
    assert backends.current().is_empty()
    assert _upkeep() == "indexed 3 story(ies)"
    assert sorted(_found("regatta")) == sorted(s.pk for s in stories)


def test_old_task_results_are_pruned(database_tasks, settings) -> None:
    settings.MASTHEAD_TASK_RESULTS_KEEP_DAYS = 7
    _uploaded_photo()
    Worker(sleep=1).tasks_run()
    assert jobs.task_results_prune() == "deleted 0 finished task result(s)"
    DBTaskResult.objects.update(finished_at=timezone.now() - timedelta(days=8))
    assert jobs.task_results_prune() == "deleted 1 finished task result(s)"
    assert jobs.task_results_prune() == "deleted 0 finished task result(s)"
    assert not DBTaskResult.objects.exists()


def test_the_worker_says_it_is_alive_and_readyz_hears_it(settings, client) -> None:
    from masthead.ops.health import worker_heartbeat_age

    settings.MASTHEAD_READYZ_REQUIRE_WORKER = True
    assert worker_heartbeat_age() is None
    assert "worker" in client.get("/readyz").json()["failed"]
    Worker(sleep=1).tick()
    age = worker_heartbeat_age()
    assert age is not None and 0 <= age < 5
    assert client.get("/readyz").status_code == 200
