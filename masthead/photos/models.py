from __future__ import annotations

import secrets
import time
from functools import cached_property
from pathlib import PurePosixPath

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.db.models import F, Q
from django.db.models.fields.json import KeyTextTransform
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone
from PIL import Image, UnidentifiedImageError

from masthead.photos import renditions as cuts
from masthead.web_urls import validate_web_url

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
            if not self.renditions_missing():
                return
            if self.renditions_in_background:
                from masthead.photos.tasks import photo_renditions_make

                if self.renditions.get("of"):
                    # Cut around a focal point since moved: pages keep the old copies until
                    # the new ones are made, and the worker's sweep sees them as missing.
                    self.renditions = {**self.renditions, "of": ""}
                    super().save(update_fields=["renditions"])
                photo_renditions_make.enqueue(self.pk)
                return
            # The file is in storage only now: read its size and make the smaller copies.
            previous = self.renditions
            try:
                self.renditions = cuts.retire(previous, self._make_renditions())
                self.__dict__.pop("copies", None)
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

    def _make_renditions(self) -> dict:
        """Cut and save every copy (renditions.py); on a failed write, delete those made."""
        storage = self.image.storage
        focus = (self.focal_x, self.focal_y)
        self.image.open("rb")
        try:
            (self.width, self.height), made = cuts.make_copies(self.image, focus, storage.save)
        except Exception as exc:
            # No room left (or a write failed): take back the copies made so far, so a failed
            # save leaves no files that nothing points at.
            for entry in getattr(exc, "made_so_far", ()):
                storage.delete(entry[4])
            raise
        finally:
            self.image.close()
        return {"of": self.image.name, "scheme": cuts.SCHEME, "focus": list(focus), "copies": made}

    def renditions_missing(self) -> bool:
        """True when the copies are not made yet, or were cut from another file, by an older
        scheme or around another focal point."""
        if not self.image:
            return False
        made = self.renditions
        return (
            made.get("of") != self.image.name
            or (made.get("scheme") != cuts.SCHEME and "error" not in made)
            or ("focus" in made and made["focus"] != [self.focal_x, self.focal_y])
        )

    @cached_property
    def copies(self) -> list[cuts.Copy]:
        """The copies made of this photo (renditions.py), read once per instance."""
        return cuts.copies_of(self.renditions)

    def sized_renditions(self) -> list[tuple[int, str]]:
        """``(width, storage name)`` of each JPEG copy in the photo's own shape, narrowest
        first (the first scheme's copies until the worker makes them again)."""
        if self.renditions.get("scheme") == cuts.SCHEME:
            return sorted(
                (copy.width, copy.name)
                for copy in self.copies
                if copy.shape == "original" and copy.format == "jpeg"
            )
        return sorted((int(key), name) for key, name in self.renditions.items() if key.isdigit())

    @property
    def srcset(self) -> str:
        """``srcset`` of the JPEG copies in the photo's own shape; the original when none is
        made yet, or when it is wider than them all and no larger than the largest place."""
        storage = self.image.storage
        sized = self.sized_renditions()
        entries = [f"{storage.url(name)} {width}w" for width, name in sized]
        if not sized or (sized[-1][0] < self.width and self.width <= cuts.WIDTHS["original"][-1]):
            entries.append(f"{self.image.url} {self.width}w")
        return ", ".join(entries)

    def url_for_width(self, width: int) -> str:
        """The smallest JPEG copy at least ``width`` pixels wide; else the widest, else the
        original."""
        sized = self.sized_renditions()
        for size, name in sized:
            if size >= width:
                return self.image.storage.url(name)
        if sized and sized[-1][0] < self.width <= cuts.WIDTHS["original"][-1]:
            return self.image.url
        return self.image.storage.url(sized[-1][1]) if sized else self.image.url

    def sizes(self) -> list[tuple[str, int, int]]:
        """``(url, width, height)`` of the original and of every JPEG copy in its own shape,
        widest first."""
        sizes = [(self.image.url, self.width, self.height)]
        for width, name in reversed(self.sized_renditions()):
            if width == self.width:
                continue
            height = round(self.height * width / self.width) if self.width else 0
            sizes.append((self.image.storage.url(name), width, height))
        return sizes

    def shaped(self, shape: str) -> dict[str, list[cuts.Copy]]:
        """The copies of one shape ("16x9", "3x2", "1x1", "original") by format, best format
        first, narrowest first; empty until they are made."""
        return cuts.best_first(self.copies, shape)

    def largest(self, shape: str) -> cuts.Copy | None:
        """The widest JPEG of a shape, for cards that machines read (search engines, feeds)."""
        jpegs = self.shaped(shape).get("jpeg")
        return jpegs[-1] if jpegs else None

    @property
    def small_url(self) -> str:
        return self.url_for_width(480)


def photos_without_renditions() -> models.QuerySet[Photo]:
    """Photos whose copies are not made yet, or were made of a replaced file, by an older
    scheme (the worker makes them again) or around a focal point since moved (``save`` marks
    those by dropping ``of``)."""
    return (
        Photo.objects.exclude(image="")
        .alias(renditions_of=KeyTextTransform("of", "renditions"))
        # Spelled out: "not equal" alone would skip a photo with no copies (NULL).
        .filter(
            Q(renditions_of__isnull=True)
            | ~Q(renditions_of=F("image"))
            | (
                # Both spelled out for the same reason: a missing key is NULL, not "other".
                (~Q(renditions__has_key="scheme") | ~Q(renditions__scheme=cuts.SCHEME))
                & ~Q(renditions__has_key="error")
            )
        )
    )


def photo_renditions_fill(photo_id: int) -> bool:
    """Make the smaller copies of one photo if they are missing; True when it made them.

    Safe to run twice or in two workers at once: the copies are recorded only while still
    missing, and a second maker's copies are deleted again.
    """
    photo = Photo.objects.filter(pk=photo_id).first()
    if photo is None or not photo.renditions_missing():
        return False
    name, previous = photo.image.name, photo.renditions
    try:
        made = photo._make_renditions()
    except (UnidentifiedImageError, Image.DecompressionBombError) as exc:
        # Not a picture Pillow can shrink: pages show the original; trying again cannot help.
        made = {
            "of": name,
            "focus": [photo.focal_x, photo.focal_y],
            "error": f"{type(exc).__name__}: {exc}"[:300],
        }
    recorded = (
        photos_without_renditions()
        .filter(pk=photo.pk, image=name, focal_x=photo.focal_x, focal_y=photo.focal_y)
        .update(renditions=cuts.retire(previous, made), width=photo.width, height=photo.height)
    )
    if not recorded:  # another worker made them first, or the photo changed meanwhile
        storage = photo.image.storage
        for entry in made.get("copies", ()):
            storage.delete(entry[4])
        return False
    # Pages that show the photo name its new copies from now on.
    photo.renditions = cuts.retire(previous, made)
    photo.__dict__.pop("copies", None)
    post_save.send(Photo, instance=photo, created=False, update_fields={"renditions"}, raw=False)
    return True


def retired_copies_delete(now: float | None = None) -> int:
    """Delete the old copies of photos whose day of grace is over; the number deleted."""
    now = time.time() if now is None else now
    deleted = 0
    retiring = Photo.objects.filter(renditions__has_key="retired").only("pk", "image", "renditions")
    for photo in retiring.iterator(chunk_size=200):
        due, left = cuts.due_for_deletion(photo.renditions, now)
        if not due:
            continue
        if Photo.objects.filter(pk=photo.pk, renditions=photo.renditions).update(renditions=left):
            for name in due:
                photo.image.storage.delete(name)
            deleted += len(due)
    return deleted


@receiver(post_delete, sender=Photo)
def _delete_photo_files(sender: type[Photo], instance: Photo, **kwargs: object) -> None:
    """A deleted photo takes its file and its renditions with it (on disk or in the bucket),
    once the deletion is committed: a rolled-back delete keeps them."""
    names = [instance.image.name, *cuts.stored_names(instance.renditions)]
    storage = instance.image.storage

    def delete_files() -> None:
        for name in names:
            if name:
                storage.delete(name)

    transaction.on_commit(delete_files)
