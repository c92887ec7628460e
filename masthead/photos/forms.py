from __future__ import annotations

from django import forms

from .metadata import EmbeddedMetadata
from .models import Photo
from .uploads import check_photo_upload


class PhotoImageField(forms.ImageField):
    """An image upload checked by :func:`check_photo_upload` (real image, size and pixel
    limits) before Django's own Pillow check, so every refusal says what is wrong."""

    def to_python(self, data):
        upload = forms.FileField.to_python(self, data)
        if upload is None:
            return None
        checked = check_photo_upload(upload)
        upload.content_type = checked.content_type
        upload.embedded_metadata = checked.metadata
        return upload


class PhotoForm(forms.ModelForm):
    """A photo with its caption, credit and alt text; empty ones are filled from the metadata
    embedded in a newly uploaded file."""

    # The form fields each embedded value may fill, with the model field's length limit.
    FILLED_FROM_METADATA = ("caption", "photographer", "agency", "alt_text")

    image = PhotoImageField(
        help_text="JPEG, PNG, WebP or GIF. Caption and credit are read from the file when "
        "it has them (IPTC/XMP) and the boxes below are empty."
    )

    source_url = forms.URLField(
        label="Source URL",
        required=False,
        max_length=500,
        assume_scheme="https",
        help_text=Photo._meta.get_field("source_url").help_text,
    )

    class Meta:
        model = Photo
        fields = ["image", "alt_text", "caption", "photographer", "agency", "source_url",
                  "focal_x", "focal_y"]  # fmt: skip
        widgets = {
            "focal_x": forms.NumberInput(attrs={"step": "0.01", "min": "0", "max": "1"}),
            "focal_y": forms.NumberInput(attrs={"step": "0.01", "min": "0", "max": "1"}),
        }

    filled_from_metadata: list[str]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for name in ("focal_x", "focal_y"):
            if name in self.fields:
                self.fields[name].required = False  # empty means the middle

    def clean_focal_x(self) -> float:
        value = self.cleaned_data.get("focal_x")
        return 0.5 if value is None else value

    def clean_focal_y(self) -> float:
        value = self.cleaned_data.get("focal_y")
        return 0.5 if value is None else value

    def clean(self) -> dict:
        cleaned = super().clean()
        self.filled_from_metadata = []
        upload = cleaned.get("image")
        metadata: EmbeddedMetadata | None = getattr(upload, "embedded_metadata", None)
        if metadata and "image" in self.changed_data:
            self._fill_from(metadata, cleaned)
        self._check_alt_text_kept(cleaned)
        return cleaned

    def _check_alt_text_kept(self, cleaned: dict) -> None:
        # Publishing requires alt text on a story's hero photo; it must not vanish afterwards.
        if self.instance.pk is None or (cleaned.get("alt_text") or "").strip():
            return
        from masthead.newsroom.models import Article

        leading = Article.objects.filter(
            hero_photo=self.instance, status__in=Article.LIVE_STATUSES
        ).count()
        if leading:
            self.add_error(
                "alt_text",
                f"This photo leads {leading} published or scheduled "
                f"stor{'y' if leading == 1 else 'ies'}, so it needs alt text.",
            )

    def _fill_from(self, metadata: EmbeddedMetadata, cleaned: dict) -> None:
        for name in self.FILLED_FROM_METADATA:
            if name not in self.fields or (cleaned.get(name) or "").strip():
                continue
            value = getattr(metadata, name)
            if not value:
                continue
            limit = Photo._meta.get_field(name).max_length
            cleaned[name] = value[:limit] if limit else value
            self.filled_from_metadata.append(self.fields[name].label or name)
