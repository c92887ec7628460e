"""Masthead's settings with one change: the URLs of the benchmark's constant-bytes view.

Same middleware, same gunicorn: what the benchmark's "constant" target costs is Django and
Masthead's middleware answering with no work of its own, the floor a page-cache hit is
compared with. Never used by the product.
"""

from masthead.settings import *  # noqa: F403

ROOT_URLCONF = "bench.constant_urls"
