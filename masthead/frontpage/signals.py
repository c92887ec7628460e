"""Every change at the desk refreshes the stored front page, and what it shows next: a placed
story's or the banner's end time becomes the stored copies' deadline (``schedule=True``)."""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save

from masthead.pagecache import versions


def _front_page_changed(sender, raw: bool = False, **kwargs) -> None:
    if not raw:
        versions.bump({"list:home"}, schedule=True)


def connect() -> None:
    from .models import FrontPage, PlacedStory, SectionBlock

    for model in (FrontPage, PlacedStory, SectionBlock):
        name = f"masthead.frontpage.{model.__name__}"
        post_save.connect(_front_page_changed, sender=model, dispatch_uid=f"{name}.saved")
        post_delete.connect(_front_page_changed, sender=model, dispatch_uid=f"{name}.deleted")
