"""One-off background tasks of the photo library, run by ``masthead worker``."""

from __future__ import annotations

from django_tasks import task

from masthead.photos.models import photo_renditions_fill


@task()
def photo_renditions_make(photo_id: int) -> bool:
    """The smaller copies of a photo just uploaded. If this task fails, the worker's
    ``photo-renditions`` sweep makes them on its next run."""
    return photo_renditions_fill(photo_id)
