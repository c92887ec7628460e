from django.contrib import admin, messages
from django.utils.html import format_html

from .forms import PhotoForm
from .models import Photo
from .rules import photo_editable_by


def thumbnail_tag(photo: Photo | None, width: int) -> str:
    """A small lazy ``<img>`` of a photo for admin lists, or a dash when there is none."""
    if photo is None or not photo.image:
        return "—"
    return format_html(
        '<img src="{}" alt="" width="{}" height="{}" loading="lazy">',
        photo.small_url,
        width,
        round(width * photo.height / photo.width) if photo.width else round(width * 2 / 3),
    )


@admin.register(Photo)
class PhotoAdmin(admin.ModelAdmin):
    form = PhotoForm
    list_display = ["thumbnail", "__str__", "photographer", "agency", "dimensions", "created_at"]
    # One link a row, on the name: a second on the thumbnail would be a link with no words.
    list_display_links = ["__str__"]
    search_fields = ["caption", "alt_text", "photographer", "agency"]
    list_filter = ["agency", "created_at"]
    readonly_fields = ["preview", "width", "height"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "image",
                    "preview",
                    "alt_text",
                    "caption",
                    "photographer",
                    "agency",
                    "source_url",
                ]
            },
        ),
        (
            "Focal point",
            {
                "fields": ["focal_x", "focal_y"],
                "description": "The part of the photo that must stay in view when a page crops "
                "it. Click the preview to set it, or type values from 0 to 1.",
            },
        ),
        ("Size", {"fields": ["width", "height"]}),
    ]
    date_hierarchy = "created_at"

    class Media:
        js = ["photos/admin/focal-point.js"]
        css = {"all": ["photos/admin/focal-point.css"]}

    @admin.display(description="Photo")
    def thumbnail(self, photo: Photo) -> str:
        return thumbnail_tag(photo, 96)

    @admin.display(description="Preview")
    def preview(self, photo: Photo) -> str:
        if not photo.image:
            return "—"
        return format_html(
            '<span class="focal-picker" data-focal-x="{}" data-focal-y="{}">'
            '<img src="{}" alt="" width="480" height="{}"></span>',
            photo.focal_x,
            photo.focal_y,
            photo.small_url,
            round(480 * photo.height / photo.width) if photo.width else 270,
        )

    @admin.display(description="Size")
    def dimensions(self, photo: Photo) -> str:
        return f"{photo.width} × {photo.height}"

    def has_change_permission(self, request, obj: Photo | None = None) -> bool:
        # Without it the change form is read-only and a POST to it answers 403.
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or photo_editable_by(request.user, obj))

    def has_delete_permission(self, request, obj: Photo | None = None) -> bool:
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or photo_editable_by(request.user, obj))

    def save_model(self, request, obj: Photo, form: PhotoForm, change: bool) -> None:
        if not change:
            obj.uploaded_by = request.user
        obj.renditions_in_background = True  # the worker makes them; the editor need not wait
        super().save_model(request, obj, form, change)
        filled = getattr(form, "filled_from_metadata", [])
        if filled:
            self.message_user(
                request,
                "Filled from the photo’s embedded metadata: "
                + ", ".join(str(name).lower() for name in filled)
                + ". Check them.",
                messages.INFO,
            )
