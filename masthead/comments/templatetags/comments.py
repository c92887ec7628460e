from __future__ import annotations

from django import template
from django.utils.safestring import SafeString

from ..models import Comment
from ..rendering import render_comment

register = template.Library()


@register.filter
def comment_text(body: str) -> SafeString:
    """A comment body as escaped paragraphs with line breaks and nofollow links."""
    return render_comment(body)


@register.simple_tag
def comments_waiting() -> int:
    """How many comments wait for a moderator (one indexed COUNT, for the newsroom header)."""
    return Comment.objects.waiting().count()
