from __future__ import annotations

from django import template

from masthead import __version__

register = template.Library()


@register.simple_tag
def masthead_version() -> str:
    """The running Masthead's version, for the newsroom's footer (what an upgrade changed)."""
    return __version__
