"""Static files: WhiteNoise, without the manifest.

``collectstatic`` leaves ``staticfiles.json`` in the static folder; it lists every file and its
hashed name (an inventory of the admin and its versions), which readers have no use for.
"""

from __future__ import annotations

from whitenoise.middleware import WhiteNoiseMiddleware

PRIVATE_NAMES = ("staticfiles.json",)


def _is_private(url: str) -> bool:
    return url.rsplit("/", 1)[-1].split(".gz")[0].split(".br")[0] in PRIVATE_NAMES


class PublicStaticMiddleware(WhiteNoiseMiddleware):
    def add_file_to_dictionary(self, url, path, stat_cache=None):
        if not _is_private(url):
            super().add_file_to_dictionary(url, path, stat_cache=stat_cache)

    def find_file(self, url):
        # The autorefresh path (development) looks files up per request.
        return None if _is_private(url) else super().find_file(url)
