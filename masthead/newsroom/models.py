from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import datetime
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, available_timezones

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from masthead import text
from masthead.web_urls import validate_web_url, web_url_or_blank

from .querysets import ArticleQuerySet, TagQuerySet

# Section slugs are the first part of story URLs, so they must not shadow the site's own paths.
RESERVED_SLUGS = frozenset(
    (
        "about admin api archive author authors comments corrections feed feeds healthz media "
        "newsroom preview readyz robots.txt search section sections sitemap.xml static tag tags"
    ).split()
)


def validate_time_zone(value: str) -> None:
    if value not in available_timezones():
        raise ValidationError(f"“{value}” is not a time zone name such as Europe/London.")


def validate_other_languages(value: str) -> None:
    known = dict(settings.LANGUAGES)
    for code in value.split():
        if code not in known:
            names = ", ".join(f"{c} ({n})" for c, n in known.items())
            raise ValidationError(f"“{code[:16]}” is not one of the languages here: {names}.")


def validate_section_slug(value: str) -> None:
    # A language code would shadow that language's pages (/es/).
    if value in RESERVED_SLUGS or value in dict(settings.LANGUAGES):
        raise ValidationError(f"“{value}” is used by the site itself; choose another slug.")


def unique_slug(model: type[models.Model], source: str, *, exclude_pk: int | None = None) -> str:
    """A slug from ``source`` that no other row of ``model`` has: "budget", "budget-2", ..."""
    field = model._meta.get_field("slug")
    base = (slugify(source) or "story")[: field.max_length - 6].strip("-") or "story"
    candidate, n = base, 1
    others = model._default_manager.all()
    if exclude_pk is not None:
        others = others.exclude(pk=exclude_pk)
    while others.filter(slug=candidate).exists():
        n += 1
        candidate = f"{base}-{n}"
    return candidate


# The publication as read at the start of the current request; None outside requests.
_request_publication: ContextVar[Publication | None] = ContextVar(
    "masthead_request_publication", default=None
)


class Publication(models.Model):
    """The newspaper itself. A site has one; :meth:`current` returns it, cached."""

    CACHE_KEY = "masthead:publication"

    class CommentModeration(models.TextChoices):
        ALL = "all", "Hold every comment for a moderator"
        FIRST_TIME = "first-time", "Hold a commenter's comments until one is approved"
        NONE = "none", "Publish comments at once"

    name = models.CharField(max_length=120)
    tagline = models.CharField(max_length=200, blank=True)
    logo = models.ImageField(upload_to="publication/", blank=True)
    time_zone = models.CharField(
        max_length=64, default="UTC", validators=[validate_time_zone],
        help_text="Dates on the site are shown in this time zone.",
    )  # fmt: skip
    language = models.CharField(
        "default language", max_length=16, default="en", choices=settings.LANGUAGES,
        help_text="The language of addresses without a language prefix, such as /city/.",
    )  # fmt: skip
    other_languages = models.CharField(
        max_length=60, blank=True, validators=[validate_other_languages],
        help_text="Codes of the other languages the paper publishes in, such as “es”; their "
        "pages live under /es/.",
    )  # fmt: skip
    site_url = models.URLField(
        "site address", blank=True, help_text="Public address, such as https://news.example."
    )
    comment_moderation = models.CharField(
        max_length=10, choices=CommentModeration.choices, default=CommentModeration.FIRST_TIME,
        help_text="The environment variable MASTHEAD_COMMENTS_MODERATION overrides this.",
    )  # fmt: skip
    comments_close_after_days = models.PositiveSmallIntegerField(
        "close comments after (days)", default=30,
        help_text="Days after publication when a story stops taking comments; 0 never closes.",
    )  # fmt: skip
    feed_full_text = models.BooleanField(
        "full text in feeds",
        default=False,
        help_text=(
            "Put whole stories in the RSS, Atom and JSON feeds instead of summaries. Stories "
            "from news services are always summarized: their licences rarely allow more."
        ),
    )

    class Meta:
        verbose_name = "publication"

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        super().save(*args, **kwargs)
        cache.delete(self.CACHE_KEY)
        if _request_publication.get() is not None:
            _request_publication.set(self)  # the rest of this request sees the new settings

    @classmethod
    def current(cls) -> Publication:
        """The site's publication, from the cache when it can be; a placeholder before setup.

        Within a request (see ``PublicationMiddleware``) it is read from the cache once: every
        story URL on a page asks for it, and with Redis each ask would be a round trip.
        """
        publication = _request_publication.get()
        if publication is not None:
            return publication
        publication = cache.get(cls.CACHE_KEY)
        if publication is None:
            publication = cls.objects.order_by("pk").first() or cls(name="Masthead")
            cache.set(cls.CACHE_KEY, publication, 300)
        return publication

    @classmethod
    @contextmanager
    def held_for_request(cls) -> Iterator[Publication]:
        """Keep :meth:`current`'s answer for the duration of one request."""
        publication = cls.current()
        token = _request_publication.set(publication)
        try:
            yield publication
        finally:
            _request_publication.reset(token)

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.time_zone)


MOST_PROFILE_LINKS = 8
_PROFILE_SITES = {
    "bsky.app": "Bluesky", "x.com": "X", "twitter.com": "X", "linkedin.com": "LinkedIn",
    "instagram.com": "Instagram", "facebook.com": "Facebook", "threads.net": "Threads",
    "github.com": "GitHub", "youtube.com": "YouTube", "tiktok.com": "TikTok",
}  # fmt: skip


def validate_profile_links(value: str) -> None:
    links = value.split()
    if len(links) > MOST_PROFILE_LINKS:
        raise ValidationError(f"At most {MOST_PROFILE_LINKS} profiles, one per line.")
    check = URLValidator(schemes=["https", "http"])
    for link in links:
        try:
            check(link)
        except ValidationError:
            raise ValidationError(
                f"“{link[:80]}” is not a web address such as https://bsky.app/profile/name."
            ) from None


def profile_site_name(url: str) -> str:
    parts = urlsplit(url)
    host = (parts.hostname or "").removeprefix("www.")
    if host in _PROFILE_SITES:
        return _PROFILE_SITES[host]
    if parts.path.startswith("/@"):
        return "Mastodon"  # a fediverse profile: https://server.example/@name
    return host


class Author(models.Model):
    """A person (reporter, editor, photographer) or an organization that stories are credited to."""

    class Kind(models.TextChoices):
        PERSON = "person", "Person"
        ORGANIZATION = "organization", "Organization"

    name = models.CharField(max_length=120)
    slug = models.SlugField(max_length=120, unique=True)
    kind = models.CharField(max_length=12, choices=Kind.choices, default=Kind.PERSON)
    title = models.CharField("job title", max_length=120, blank=True)
    bio = models.TextField(blank=True)
    photo = models.ForeignKey(
        "photos.Photo", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="author_profile",
        help_text="The newsroom account of this author, if they have one.",
    )
    email = models.EmailField(
        "public email", blank=True, help_text="Shown on the author page for readers' tips."
    )
    profile_links = models.TextField(
        "profiles",
        blank=True,
        validators=[validate_profile_links],
        help_text="Addresses of the author's pages elsewhere (Bluesky, Mastodon, LinkedIn, a "
        "website), one per line.",
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("newsroom:author", args=[self.slug])

    @property
    def profiles(self) -> list[tuple[str, str]]:
        """The profile links as (name of the site, address), for the author page and JSON-LD."""
        return [(profile_site_name(url), url) for url in self.profile_links.split() if url]


class NamedInLanguages(models.Model):
    """A name and slug in the default language, and the same in the paper's other languages
    (``translations``: {"es": {"name": "Ciudad", "slug": "ciudad"}}), falling back to the
    default's where one is missing. Kept on the row, so a page showing sections or tags reads
    their names in every language with the row itself."""

    translations = models.JSONField(default=dict, blank=True)

    class Meta:
        abstract = True

    def name_in(self, language: str) -> str:
        return (self.translations or {}).get(language, {}).get("name") or self.name

    def slug_in(self, language: str) -> str:
        return (self.translations or {}).get(language, {}).get("slug") or self.slug

    @property
    def local_name(self) -> str:
        """The name in the page's language."""
        from masthead.languages.codes import current_language

        return self.name_in(current_language())

    @property
    def local_description(self) -> str:
        """A section's description in the page's language; none where it has no translation
        (an English paragraph on a Spanish page helps nobody)."""
        from masthead.languages.codes import current_language, default_language

        language = current_language()
        own = (self.translations or {}).get(language, {}).get("description", "")
        return own or (getattr(self, "description", "") if language == default_language() else "")

    @property
    def local_slug(self) -> str:
        from masthead.languages.codes import current_language

        return self.slug_in(current_language())

    @classmethod
    def local_slug_lookup(cls, slug: str) -> Q:
        """Rows whose slug in the page's language is ``slug``."""
        from masthead.languages.codes import current_language, default_language

        language = current_language()
        if language == default_language():
            return Q(slug=slug)
        return cls._slug_in(language, slug)

    @staticmethod
    def _slug_in(language: str, slug: str) -> Q:
        """Rows whose ``language`` slug is ``slug``: their own, else the default they fall
        back to."""
        own = {f"translations__{language}__slug": slug}
        missing = {f"translations__{language}__slug__isnull": True}
        return Q(**own) | (Q(slug=slug) & Q(**missing))

    def clean(self) -> None:
        super().clean()
        from masthead.languages.codes import catalogue_languages

        errors = []
        for language, names in (self.translations or {}).items():
            if language not in catalogue_languages() or not isinstance(names, dict):
                errors.append(f"“{str(language)[:16]}” is not a language here.")
                continue
            slug = names.get("slug") or ""
            if not slug:
                continue
            if slugify(slug) != slug:
                errors.append(f"“{slug[:80]}” is not a slug (letters, digits and hyphens).")
                continue
            others = type(self)._default_manager.exclude(pk=self.pk)
            if others.filter(self._slug_in(language, slug)).exists():
                errors.append(f"Another {self._meta.verbose_name} uses “{slug}” in {language}.")
        if errors:
            raise ValidationError(errors)


class Section(NamedInLanguages):
    name = models.CharField(max_length=80)
    slug = models.SlugField(max_length=80, unique=True, validators=[validate_section_slug])
    description = models.TextField(blank=True)
    position = models.PositiveSmallIntegerField(
        default=0, help_text="Order of the section in the navigation; smaller comes first."
    )

    class Meta:
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        """The section's page in the page's language."""
        return reverse("newsroom:section", args=[self.local_slug])


class Tag(NamedInLanguages):
    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(max_length=80, unique=True)

    objects = TagQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        if not self.slug:
            self.slug = unique_slug(Tag, self.name, exclude_pk=self.pk)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("newsroom:tag", args=[self.local_slug])


def default_story_language() -> str:
    from masthead.languages.codes import default_language

    return default_language()


# Article.LIVE_STATUSES as stored, for the partial indexes in Article.Meta (which cannot see the
# class's own names); a test checks the two agree.
LIVE_STATUS_VALUES = ("published", "scheduled")


class Article(models.Model):
    """A story: what the reader sees on a story page, and what the newsroom keeps about it."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        IN_REVIEW = "review", _("In review")
        SCHEDULED = "scheduled", _("Scheduled")
        PUBLISHED = "published", _("Published")
        UNPUBLISHED = "unpublished", _("Unpublished")

    class Label(models.TextChoices):
        ANALYSIS = "analysis", _("Analysis")
        OPINION = "opinion", _("Opinion")
        EXCLUSIVE = "exclusive", _("Exclusive")
        SPONSORED = "sponsored", _("Sponsored")

    class BodyFormat(models.TextChoices):
        MARKDOWN = "markdown", "Markdown"
        HTML = "html", "HTML"

    # A scheduled story is live once its publication time has passed.
    LIVE_STATUSES = (Status.PUBLISHED, Status.SCHEDULED)

    headline = models.CharField(max_length=200)
    slug = models.SlugField(max_length=120, unique=True)
    dek = models.CharField(
        max_length=300, blank=True, help_text="The summary line under the headline."
    )
    body = models.TextField(blank=True, help_text="The story, in Markdown.")
    body_format = models.CharField(
        max_length=10, choices=BodyFormat.choices, default=BodyFormat.MARKDOWN
    )
    body_html = models.TextField(editable=False, blank=True)
    hero_photo = models.ForeignKey(
        "photos.Photo", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    authors = models.ManyToManyField(Author, through="Byline", related_name="articles", blank=True)
    byline_text = models.CharField(
        "free-text byline",
        max_length=200,
        blank=True,
        help_text="For reporters without an author page, such as a wire reporter.",
    )
    # Who posted the story: a newsroom fact shown to staff. Readers see the byline only.
    writer = models.ForeignKey(
        Author,
        verbose_name="posted by",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Who posted the story, for the newsroom; readers see the byline only.",
    )
    label = models.CharField(
        max_length=12,
        choices=Label.choices,
        blank=True,
        help_text="Shown above the headline, so readers know what kind of piece this is.",
    )
    related_picks = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="+",
        verbose_name="related stories",
        help_text="Chosen by the desk; they come before the ones found by topic.",
    )
    source_name = models.CharField(
        "news service",
        max_length=200,
        blank=True,
        help_text="The agency or partner a syndicated story came from.",
    )
    source_credit = models.CharField("credit line", max_length=300, blank=True)
    # No longer read: preview links are revoked one by one (PreviewLink). Kept one release, so
    # a process of the previous version still running during an upgrade finds its column
    # (docs/upgrading.md: removals come a release later).
    preview_generation = models.PositiveIntegerField(default=0, editable=False)
    original_url = models.URLField(
        "original URL", max_length=500, blank=True, validators=[validate_web_url]
    )
    language = models.CharField(
        max_length=16, default=default_story_language, choices=settings.LANGUAGES, db_index=True
    )
    # A story and its translations share a group; each is a story of its own (slug, byline,
    # times, corrections, revisions), as Wagtail's translation_key and Polylang link them.
    translation_group = models.UUIDField(default=uuid.uuid4, db_index=True, editable=False)
    section = models.ForeignKey(Section, on_delete=models.PROTECT, related_name="articles")
    tags = models.ManyToManyField(Tag, related_name="articles", blank=True)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.DRAFT)
    published_at = models.DateTimeField("published", null=True, blank=True, db_index=True)
    updated_at = models.DateTimeField(
        "updated", null=True, blank=True, help_text="Set when the story is meaningfully updated."
    )
    expires_at = models.DateTimeField(
        "usage rights expire",
        null=True,
        blank=True,
        help_text="Readers stop seeing the story at this time (wire usage rights). Empty: never.",
    )
    word_count = models.PositiveIntegerField(default=0, editable=False)
    # The embed providers whose players the body may load (masthead/embeds.py): the story
    # page's CSP opens frames to them alone.
    players = models.CharField(max_length=200, blank=True, editable=False)
    reading_minutes = models.PositiveSmallIntegerField(default=1, editable=False)
    comments_enabled = models.BooleanField(default=True)
    noindex = models.BooleanField(
        "hide from search engines",
        default=False,
        help_text="Keep the story out of sitemaps and ask search engines not to index it.",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    modified_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(
        default=1,
        editable=False,
        help_text="Goes up by one on every save, so two editors never overwrite each other.",
    )

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        indexes = [
            models.Index(fields=["status", "published_at"]),
            # The reader lists, newest first (see pagination.py): partial on the live statuses,
            # which every reader query names, so drafts and takedowns never fill these indexes.
            models.Index(
                fields=["-published_at", "-id"],
                condition=Q(status__in=LIVE_STATUS_VALUES),
                name="article_live_latest",
            ),
            models.Index(
                fields=["section", "-published_at", "-id"],
                condition=Q(status__in=LIVE_STATUS_VALUES),
                name="article_live_section_latest",
            ),
            # The sitemaps' "last modified": the newest update, found without reading them all.
            models.Index(fields=["updated_at"], name="article_updated_at"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["translation_group", "language"], name="one_translation_per_language"
            ),
        ]
        permissions = [
            ("change_any_article", "Can edit any story, not only their own drafts"),
            ("publish_article", "Can publish stories"),
            ("schedule_article", "Can schedule stories"),
            ("unpublish_article", "Can unpublish stories"),
            ("correct_article", "Can append corrections and updates to stories"),
        ]

    def __str__(self) -> str:
        return self.headline

    def save(self, *args, **kwargs) -> None:
        if not self.slug:
            self.slug = unique_slug(Article, self.headline, exclude_pk=self.pk)
        self.refresh_body()
        if not self._state.adding:
            self.version += 1
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "version", "modified_at"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        """The story's address, in its own language's part of the site."""
        day = self.url_date
        with translation.override(self.language):
            return reverse(
                "newsroom:article",
                kwargs={
                    "section": self.section.slug_in(self.language),
                    "year": day.year,
                    "month": f"{day.month:02d}",
                    "day": f"{day.day:02d}",
                    "slug": self.slug,
                },
            )

    @property
    def safe_original_url(self) -> str:
        """The original URL for output: blank unless it is http(s), whatever got stored."""
        return web_url_or_blank(self.original_url)

    def refresh_body(self) -> None:
        """Render and sanitize the body, and count its words for the reading time."""
        from masthead.embeds import embed_cards, players_in

        # A provider's URL on a line of its own, or a pasted player, is stored as an embed
        # card (masthead/embeds.py) before sanitizing, which would drop a frame.
        raw = (
            self.body if self.body_format == self.BodyFormat.HTML else text.markdown_html(self.body)
        )
        self.body_html = text.sanitize_html(embed_cards(raw))
        self.players = ",".join(players_in(self.body_html))
        self.word_count = text.count_words(text.plain_text(self.body_html))
        self.reading_minutes = text.reading_minutes(self.word_count, self.language)

    @property
    def is_live(self) -> bool:
        now = timezone.now()
        return (
            self.status in self.LIVE_STATUSES
            and self.published_at is not None
            and self.published_at <= now
            and (self.expires_at is None or self.expires_at > now)
        )

    @property
    def rights_expired(self) -> bool:
        return self.expires_at is not None and self.expires_at <= timezone.now()

    @property
    def url_date(self) -> datetime:
        moment = self.published_at or self.created_at or timezone.now()
        return timezone.localtime(moment, Publication.current().zone)

    @cached_property
    def byline_authors(self) -> list[Author]:
        """Authors in byline order (uses the prefetched bylines when there are some)."""
        return [byline.author for byline in self.bylines.all()]

    @property
    def byline(self) -> str:
        """The printed byline without "By": "Ana Ruiz and Tom Bell", or the free-text byline."""
        names = [author.name for author in self.byline_authors]
        if self.byline_text:
            names.append(self.byline_text)
        if len(names) <= 1:
            return "".join(names)
        return gettext("%(names)s and %(last)s") % {
            "names": ", ".join(names[:-1]),
            "last": names[-1],
        }

    @property
    def description(self) -> str:
        """For meta descriptions and cards: the dek, else the start of the body."""
        return self.dek or text.summarize(text.plain_text(self.body_html))

    @property
    def was_updated(self) -> bool:
        return bool(self.updated_at and self.published_at and self.updated_at > self.published_at)

    @property
    def has_been_public(self) -> bool:
        """Whether readers may have seen the story at its address (now or before)."""
        return self.is_live or (
            self.status == self.Status.UNPUBLISHED and self.published_at is not None
        )

    @cached_property
    def public_corrections(self) -> list[Correction]:
        """Corrections and update notes, oldest first, for the story page and its JSON-LD.

        Appending one always sets ``updated_at`` (see :mod:`.corrections`), so a story that was
        never updated skips the query: most story pages cost nothing extra.
        """
        if self.updated_at is None or self.pk is None:
            return []
        return list(self.corrections.all())


class Byline(models.Model):
    """One author on a story's byline, in order."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="bylines")
    author = models.ForeignKey(Author, on_delete=models.PROTECT, related_name="bylines")
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["article", "author"], name="one_byline_per_author")
        ]

    def __str__(self) -> str:
        return f"{self.author} on {self.article}"


class StatusChange(models.Model):
    """One move of a story from one state to another: who made it, and when."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="status_changes")
    from_status = models.CharField(max_length=12, choices=Article.Status.choices, blank=True)
    to_status = models.CharField(max_length=12, choices=Article.Status.choices)
    published_at = models.DateTimeField(
        "publication time", null=True, blank=True, help_text="The time the story goes live."
    )
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    changed_at = models.DateTimeField(default=timezone.now, db_index=True)
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-changed_at", "-pk"]
        verbose_name = "status change"

    def __str__(self) -> str:
        return f"{self.article_id}: {self.from_status or '—'} → {self.to_status}"


class Revision(models.Model):
    """A saved version of a story's content, numbered 1, 2, 3... per story.

    ``content`` is a JSON snapshot of what a reader sees and what the desk edits (headline, dek,
    body, bylines, section, tags, photo, credits); see :mod:`.revisions`.
    """

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField()
    content = models.JSONField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    note = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["article", "number"], name="one_revision_number")
        ]

    def __str__(self) -> str:
        return f"Revision {self.number} of {self.article_id}"


class CorrectionQuerySet(models.QuerySet):
    def public(self) -> CorrectionQuerySet:
        """Notes on stories readers can see now."""
        return self.filter(article__in=Article.objects.live())


class Correction(models.Model):
    """A correction or an update note appended to a story, in the open, with its time."""

    class Kind(models.TextChoices):
        CORRECTION = "correction", _("Correction")
        UPDATE = "update", _("Update")

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="corrections")
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.CORRECTION)
    text = models.TextField(
        max_length=2000, help_text="What was wrong and what is right now, in plain words."
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = CorrectionQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} to {self.article_id}"

    def get_absolute_url(self) -> str:
        return f"{self.article.get_absolute_url()}#correction-{self.pk}"


class PreviewLinkQuerySet(models.QuerySet):
    def working(self) -> PreviewLinkQuerySet:
        """Links not revoked and not expired (the story's own state is checked on use)."""
        return self.filter(revoked_at__isnull=True, expires_at__gt=timezone.now())


class PreviewLink(models.Model):
    """One preview link sent out for a story: who made it, until when it works, and whether
    it was revoked. The link's address carries ``key`` signed with the secret key, so each
    link is revoked on its own (or all of a story's at once); see :mod:`.preview`."""

    key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    story = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="preview_links")
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    made_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = PreviewLinkQuerySet.as_manager()

    class Meta:
        ordering = ["-made_at", "-pk"]

    def __str__(self) -> str:
        return f"Preview link of story {self.story_id} made {self.made_at:%Y-%m-%d %H:%M}"

    @property
    def is_working(self) -> bool:
        return self.revoked_at is None and self.expires_at > timezone.now()
