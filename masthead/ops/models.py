from __future__ import annotations

from django.db import models


class WorkerHeartbeat(models.Model):
    """The last sign of life of the background worker on one host (one row per host, so rows
    never pile up however often workers restart). Written by ``record_worker_heartbeat()``,
    read by ``/readyz``; a row, not a cache key, so every web process sees it whatever the
    cache is."""

    host = models.CharField(max_length=255, primary_key=True)
    beat_at = models.DateTimeField()
    pid = models.PositiveIntegerField()

    class Meta:
        verbose_name = "worker heartbeat"

    def __str__(self) -> str:
        return f"{self.host} (pid {self.pid}) at {self.beat_at:%Y-%m-%d %H:%M:%S}"
