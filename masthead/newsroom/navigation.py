"""The site navigation (sections), cached because every page shows it."""

from __future__ import annotations

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import Publication, Section

SECTIONS_CACHE_KEY = "masthead:nav-sections"


def navigation_sections() -> list[Section]:
    sections = cache.get(SECTIONS_CACHE_KEY)
    if sections is None:
        sections = list(Section.objects.only("name", "slug", "position", "translations"))
        cache.set(SECTIONS_CACHE_KEY, sections, 300)
    return sections


@receiver([post_save, post_delete], sender=Section)
def _forget_sections(**kwargs) -> None:
    cache.delete(SECTIONS_CACHE_KEY)


@receiver(post_delete, sender=Publication)
def _forget_publication(**kwargs) -> None:
    cache.delete(Publication.CACHE_KEY)
