"""Writes for redirects: recording moved and removed pages, and importing lists of them."""

from __future__ import annotations

from django.db import transaction

from masthead.newsroom.models import Article

from .models import Redirect


@transaction.atomic
def redirect_record_article_move(*, article: Article, old_path: str) -> Redirect | None:
    """Keep ``old_path`` answering for ``article`` after its address changed."""
    new_path = article.get_absolute_url()
    if old_path == new_path:
        return None
    # Back at an address it had before: that address must not redirect any more.
    Redirect.objects.filter(old_path=new_path).delete()
    redirect, _ = Redirect.objects.update_or_create(
        old_path=old_path, defaults={"article": article, "new_path": "", "is_automatic": True}
    )
    return redirect


@transaction.atomic
def redirect_record_page_move(*, old_path: str, new_path: str) -> Redirect | None:
    """Keep a section, tag or author page's old address answering with its new one."""
    if old_path == new_path:
        return None
    Redirect.objects.filter(old_path=new_path, article=None).delete()
    # Redirects that led to the old address lead straight to the new one: no chains.
    Redirect.objects.filter(new_path=old_path).update(new_path=new_path)
    redirect, _ = Redirect.objects.update_or_create(
        old_path=old_path, defaults={"article": None, "new_path": new_path, "is_automatic": True}
    )
    return redirect


def redirect_record_gone(*, old_path: str) -> Redirect:
    """Answer 410 Gone at ``old_path`` from now on (a deleted story that readers had seen)."""
    redirect, _ = Redirect.objects.update_or_create(
        old_path=old_path, defaults={"article": None, "new_path": "", "is_automatic": True}
    )
    return redirect
