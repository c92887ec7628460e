from django.contrib import admin
from django.utils.html import format_html

from .models import Photo


@admin.register(Photo)
class PhotoAdmin(admin.ModelAdmin):
    list_display = ["thumbnail", "__str__", "photographer", "agency", "dimensions", "created_at"]
    list_display_links = ["thumbnail", "__str__"]
    search_fields = ["caption", "alt_text", "photographer", "agency"]
    list_filter = ["agency", "created_at"]
    readonly_fields = ["preview", "width", "height"]
    fields = ["image", "preview", "alt_text", "caption", "photographer", "agency", "source_url",
              "width", "height"]  # fmt: skip
    date_hierarchy = "created_at"

    @admin.display(description="Photo")
    def thumbnail(self, photo: Photo) -> str:
        if not photo.image:
            return "—"
        return format_html(
            '<img src="{}" alt="" width="96" height="{}" loading="lazy">',
            photo.small_url,
            round(96 * photo.height / photo.width) if photo.width else 64,
        )

    @admin.display(description="Preview")
    def preview(self, photo: Photo) -> str:
        if not photo.image:
            return "—"
        return format_html(
            '<img src="{}" alt="" width="480" height="{}">',
            photo.small_url,
            round(480 * photo.height / photo.width) if photo.width else 270,
        )

    @admin.display(description="Size")
    def dimensions(self, photo: Photo) -> str:
        return f"{photo.width} × {photo.height}"
