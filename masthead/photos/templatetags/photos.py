"""``{% picture %}``: a photo in the shape a page shows it, best format first."""

from __future__ import annotations

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from masthead.photos.models import Photo
from masthead.photos.renditions import MIME_TYPES, SHAPES

register = template.Library()


@register.simple_tag
def picture(
    photo: Photo,
    shape: str = "original",
    sizes: str = "100vw",
    alt: str = "",
    css_class: str = "",
    first_view: bool = False,
) -> SafeString:
    """``<picture>`` with an AVIF and a WebP source and a JPEG ``<img>``, all cut to ``shape``
    around the focal point, with width and height so the page does not jump as it loads.

    ``first_view``: the photo is in the first screenful (a story's hero, the lead card), so it
    is fetched first; every other photo loads lazily, when the reader scrolls to it. Until the
    copies are made (just after an upload) the original is shown, cropped by the stylesheet.
    """
    if shape not in SHAPES:
        raise template.TemplateSyntaxError(f"picture: no shape {shape!r}")
    loading = mark_safe('fetchpriority="high"' if first_view else 'loading="lazy"')
    classes = f"{css_class} {photo.focal_class}".strip()
    storage = photo.image.storage
    shaped = photo.shaped(shape)
    jpegs = shaped.pop("jpeg", None)
    if not jpegs:
        return format_html(
            '<img class="{}" src="{}" srcset="{}" sizes="{}" width="{}" height="{}" alt="{}" {}'
            ' decoding="async">',
            classes,
            photo.image.url,
            photo.srcset,
            sizes,
            photo.width,
            photo.height,
            alt,
            loading,
        )

    def srcset(copies) -> str:
        return ", ".join(f"{storage.url(copy.name)} {copy.width}w" for copy in copies)

    sources = format_html_join(
        "",
        '<source type="{}" srcset="{}" sizes="{}">',
        ((MIME_TYPES[name], srcset(found), sizes) for name, found in shaped.items()),
    )
    widest = jpegs[-1]
    fallback = next((copy for copy in jpegs if copy.width >= 480), widest)
    return format_html(
        '<picture>{}<img class="{}" src="{}" srcset="{}" sizes="{}" width="{}" height="{}"'
        ' alt="{}" {} decoding="async"></picture>',
        sources,
        classes,
        storage.url(fallback.name),
        srcset(jpegs),
        sizes,
        widest.width,
        widest.height,
        alt,
        loading,
    )
