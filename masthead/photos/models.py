from __future__ import annotations

import secrets
from io import BytesIO
from pathlib import PurePosixPath

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.db.models import F, Q
from django.db.models.fields.json import KeyTextTransform
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils import timezone
from PIL import Image, ImageOps, UnidentifiedImageError

from masthead.web_urls import validate_web_url

# Widths of the smaller copies made of every photo, for srcset: a phone downloads the 480 or
# 960 copy instead of the original.
RENDITION_WIDTHS = (480, 960, 1600)


# File name endings by the format Pillow reads in the file, not by the name it was sent with.
EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "GIF": "gif", "WEBP": "webp"}


def photo_file_name(instance: Photo, filename: str) -> str:
    """A random name with the extension of the image's real format: a photo of a story not yet
    published is at no address anyone could guess from its slug or its upload name."""
    # Code that saves straight to storage (an import, the demo) gives the file's own name only.
    extension = PurePosixPath(filename).suffix.lower().lstrip(".").replace("jpeg", "jpg")
    if extension not in EXTENSIONS.values():
        extension = "bin"  # not an image Masthead knows: served as a download, never shown
    upload = getattr(instance.image, "_file", None) if not instance.image._committed else None
    if upload is not None:  # an upload (the admin): its content decides
        try:
            upload.seek(0)
            with Image.open(upload) as image:
                extension = EXTENSIONS.get(image.format or "", "bin")
        except (UnidentifiedImageError, OSError, ValueError):
            extension = "bin"
        finally:
            upload.seek(0)
    return f"photos/{timezone.now():%Y/%m}/{secrets.token_urlsafe(16)}.{extension}"


class Photo(models.Model):
    """A photograph or illustration with its caption and credit kept as separate fields.

    The credit is shown as "(Photographer/Agency)" after the caption, but it is stored apart so
    that feeds, structured data and the wire desk can each use it on its own.
    """

    image = models.ImageField(upload_to=photo_file_name, width_field="width", height_field="height")
    width = models.PositiveIntegerField(editable=False, default=0)
    height = models.PositiveIntegerField(editable=False, default=0)
    alt_text = models.CharField(
        "alt text",
        max_length=300,
        blank=True,
        help_text="What the photo shows, for readers who cannot see it.",
    )
    caption = models.TextField(blank=True, help_text="Who, what, where and when. No credit here.")
    photographer = models.CharField(max_length=200, blank=True)
    agency = models.CharField(
        max_length=200, blank=True, help_text="Agency or publication that supplied the photo."
    )
    source_url = models.URLField(
        max_length=500,
        blank=True,
        validators=[validate_web_url],
        help_text="Where it was imported from.",
    )
    focal_x = models.FloatField(
        "focal point across",
        default=0.5,
        validators=[MinValueValidator(0.0), MaxValueValidator(1.0)],
        help_text="0 is the left edge, 1 the right. Crops keep this point in the frame.",
    )
    focal_y = models.FloatField(
        "focal point down",
        default=0.5,
        validators=[MinValueValidator(0.0), MaxValueValidator(1.0)],
        help_text="0 is the top edge, 1 the bottom.",
    )
    renditions = models.JSONField(default=dict, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    # Who uploaded it: a Contributor may change only their own photos (masthead/photos/rules.py).
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    # Set by the admin's upload: the smaller copies are made by `masthead worker`, off the
    # request path (masthead/photos/tasks.py), not while the editor waits.
    renditions_in_background = False

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.alt_text or self.caption[:80] or self.image.name

    def save(self, *args, **kwargs) -> None:
        # An image saved from memory (an import, the demo) can leave the dimension fields empty.
        self.width, self.height = self.width or 0, self.height or 0
        new_file = bool(self.image) and not self.image._committed
        with transaction.atomic():
            super().save(*args, **kwargs)
            if not (self.image and self.renditions.get("of") != self.image.name):
                return
            if self.renditions_in_background:
                from masthead.photos.tasks import photo_renditions_make

                photo_renditions_make.enqueue(self.pk)
                return
            # The file is in storage only now: read its size and make the smaller copies.
            try:
                self.renditions = self._make_renditions()
            except OSError:
                # No room for the copies: the row is rolled back, so the file goes too.
                if new_file:
                    self.image.storage.delete(self.image.name)
                raise
            super().save(update_fields=["width", "height", "renditions"])

    @property
    def credit(self) -> str:
        """The credit line as printed after a caption: "Photographer/Agency"."""
        return "/".join(part for part in (self.photographer, self.agency) if part)

    @property
    def focal_class(self) -> str:
        """CSS classes that keep the focal point in view when a page crops the photo.

        The CSP forbids style attributes, so the point is rounded to tenths and named by two of
        the 22 classes in site.css (``fx-0``..``fx-10``, ``fy-0``..``fy-10``) that set
        ``object-position`` through custom properties.
        """
        return f"fx-{round(self.focal_x * 10)} fy-{round(self.focal_y * 10)}"

    @property
    def description(self) -> str:
        """Alt text for the image: the written alt text, else the caption."""
        return self.alt_text or self.caption

    def _make_renditions(self) -> dict[str, str]:
        """Save JPEG copies at each rendition width narrower than the original."""
        storage = self.image.storage
        made: dict[str, str] = {}
        self.image.open("rb")
        try:
            return self._save_renditions(storage, made)
        except OSError:
            # No room left (or a write failed): take back the copies made so far, so a failed
            # save leaves no files that nothing points at.
            for key, name in made.items():
                if key != "of":
                    storage.delete(name)
            raise
        finally:
            self.image.close()

    def _save_renditions(self, storage, made: dict[str, str]) -> dict[str, str]:
        with Image.open(self.image) as original:
            original = ImageOps.exif_transpose(original).convert("RGB")
            self.width, self.height = original.size
            made["of"] = self.image.name
            for width in RENDITION_WIDTHS:
                if width >= original.width:
                    continue
                height = round(original.height * width / original.width)
                copy = original.resize((width, height), Image.Resampling.LANCZOS)
                buffer = BytesIO()
                copy.save(buffer, "JPEG", quality=80, optimize=True, progressive=True)
                # Random like the original's name, so neither can be guessed from the other.
                name = storage.save(
                    f"renditions/{secrets.token_urlsafe(16)}-w{width}.jpg",
                    ContentFile(buffer.getvalue()),
                )
                made[str(width)] = name
        return made

    def renditions_missing(self) -> bool:
        return bool(self.image) and self.renditions.get("of") != self.image.name

    @property
    def srcset(self) -> str:
        """``srcset`` for the photo: every rendition plus the original at its own width."""
        storage = self.image.storage
        entries = [f"{storage.url(name)} {width}w" for width, name in self.sized_renditions()]
        entries.append(f"{self.image.url} {self.width}w")
        return ", ".join(entries)

    def url_for_width(self, width: int) -> str:
        """The smallest copy at least ``width`` pixels wide (the original if none is)."""
        for size, name in self.sized_renditions():
            if size >= width:
                return self.image.storage.url(name)
        return self.image.url

    def sized_renditions(self) -> list[tuple[int, str]]:
        """``(width, storage name)`` of each smaller copy, narrowest first."""
        return sorted((int(key), name) for key, name in self.renditions.items() if key.isdigit())

    def sizes(self) -> list[tuple[str, int, int]]:
        """``(url, width, height)`` of every copy, the original first, then smaller ones."""
        sizes = [(self.image.url, self.width, self.height)]
        for width, name in reversed(self.sized_renditions()):
            height = round(self.height * width / self.width) if self.width else 0
            sizes.append((self.image.storage.url(name), width, height))
        return sizes

    @property
    def small_url(self) -> str:
        return self.url_for_width(480)


def photos_without_renditions() -> models.QuerySet[Photo]:
    """Photos whose smaller copies are not made yet, or were made of a replaced file."""
    return (
        Photo.objects.exclude(image="")
        .alias(renditions_of=KeyTextTransform("of", "renditions"))
        # Spelled out: "not equal" alone would skip a photo with no copies (NULL).
        .filter(Q(renditions_of__isnull=True) | ~Q(renditions_of=F("image")))
    )


def photo_renditions_fill(photo_id: int) -> bool:
    """Make the smaller copies of one photo if they are missing; True when it made them.

    Safe to run twice or in two workers at once: the copies are recorded only while still
    missing, and a second maker's copies are deleted again.
    """
    photo = Photo.objects.filter(pk=photo_id).first()
    if photo is None or not photo.renditions_missing():
        return False
    name = photo.image.name
    try:
        made = photo._make_renditions()
    except (UnidentifiedImageError, Image.DecompressionBombError) as exc:
        # Not a picture Pillow can shrink: pages show the original; trying again cannot help.
        made = {"of": name, "error": f"{type(exc).__name__}: {exc}"[:300]}
    recorded = (
        photos_without_renditions()
        .filter(pk=photo.pk, image=name)
        .update(renditions=made, width=photo.width, height=photo.height)
    )
    if not recorded:
        storage = photo.image.storage
        for key, copy in made.items():
            if key.isdigit():
                storage.delete(copy)
    return bool(recorded)


@receiver(post_delete, sender=Photo)
def _delete_photo_files(sender: type[Photo], instance: Photo, **kwargs: object) -> None:
    """A deleted photo takes its file and its renditions with it (on disk or in the bucket),
    once the deletion is committed: a rolled-back delete keeps them."""
    names = [instance.image.name, *(name for _, name in instance.sized_renditions())]
    storage = instance.image.storage

    def delete_files() -> None:
        for name in names:
            if name:
                storage.delete(name)

    transaction.on_commit(delete_files)
