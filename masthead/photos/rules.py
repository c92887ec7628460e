"""Who may change or delete a photo.

A photo on a live story is on the public page the moment it changes, with no review, so only
an Editor (the ``newsroom.change_any_article`` permission) changes or deletes it. A Contributor
changes only photos they uploaded that no live or scheduled story and no author profile shows.
"""

from __future__ import annotations

from masthead.newsroom.models import Article, Author

from .models import Photo


def photo_is_public(photo: Photo) -> bool:
    """Shown to readers: the hero of a live story, or an author's profile photo; or on its way
    to them: the hero of a story an Editor scheduled (a change would go live unreviewed)."""
    heroes = Article.objects.filter(hero_photo=photo)
    live = heroes.live().exists() or heroes.filter(status=Article.Status.SCHEDULED).exists()
    return live or Author.objects.filter(photo=photo).exists()


def photo_editable_by(user, photo: Photo) -> bool:
    if user.is_superuser or user.has_perm("newsroom.change_any_article"):
        return True
    if photo.uploaded_by_id is None or photo.uploaded_by_id != user.pk:
        return False
    return not photo_is_public(photo)
