from __future__ import annotations

from masthead.pagecache import versions


def page_changed(sender, instance, raw: bool = False, **kwargs) -> None:
    """A page's own address, and every page of the site: the footer lists the pages."""
    if not raw:
        versions.bump({"site", f"page:{instance.pk}"})
