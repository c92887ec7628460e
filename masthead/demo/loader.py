"""Loads the demo newsroom: the publication, sections, authors, photos and stories of
:mod:`masthead.demo.content`. Running it again adds nothing twice."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from masthead.frontpage.models import FrontPage, PlacedStory
from masthead.newsroom.bylines import bylines_set
from masthead.newsroom.corrections import correction_add
from masthead.newsroom.models import Article, Author, Correction, Publication, Section, Tag
from masthead.newsroom.roles import CONTRIBUTOR, EDITOR, give_role
from masthead.pagecache import versions
from masthead.pages.models import Page
from masthead.photos.models import Photo
from masthead.private_files import write_private_file

from . import content, content_es, images

DEMO_EDITOR = "editor"
DEMO_CONTRIBUTOR = "reporter"


@dataclass
class DemoLogin:
    username: str
    password: str
    created: bool


def _publication() -> Publication:
    publication = Publication.objects.order_by("pk").first()
    if publication is None:
        publication = Publication(**content.PUBLICATION)
        publication.logo.save(
            "logo.png", ContentFile(images.make_logo(publication.name)), save=False
        )
        publication.save()
    return publication


def _photo(spec: dict, seed: int) -> Photo:
    photo = Photo(
        alt_text=spec["alt"],
        caption=spec["caption"],
        photographer=spec["photographer"],
        agency=spec["agency"],
    )
    photo.image.save(
        f"demo-{spec['motif']}-{seed}.jpg",
        ContentFile(images.make_photo(spec["motif"], seed)),
        save=False,
    )
    # As an upload from the admin: the copies pages show are cut by the worker (which `make
    # demo` starts), so the demo is ready in seconds.
    photo.renditions_in_background = True
    photo.save()
    return photo


def _published_at(story: dict, zone) -> datetime:
    day = timezone.localdate(timezone=zone) - timedelta(days=story["days_ago"])
    moment = datetime.combine(day, time(story["hour"], (len(story["slug"]) * 7) % 60), zone)
    # A story "published" later today than now would be a scheduled one: keep the demo live.
    return min(moment, timezone.now() - timedelta(minutes=5 + story["days_ago"]))


def _authors(publication: Publication) -> dict[str, Author]:
    authors = {}
    for index, spec in enumerate(content.AUTHORS):
        author, created = Author.objects.get_or_create(
            slug=spec["slug"],
            defaults={key: spec[key] for key in ("name", "kind", "title", "bio")},
        )
        if created and spec["kind"] == Author.Kind.PERSON:
            portrait = Photo(alt_text="", caption=f"{author.name}", agency=publication.name)
            portrait.image.save(
                f"portrait-{author.slug}.jpg", ContentFile(images.make_portrait(index)), save=False
            )
            portrait.renditions_in_background = True
            portrait.save()
            author.photo = portrait
            author.save(update_fields=["photo"])
        authors[spec["slug"]] = author
    return authors


@transaction.atomic
def load_demo_newsroom(progress: Callable[[str], None] = lambda message: None) -> dict[str, int]:
    """Create whatever part of the demo newsroom is missing; return what was created."""
    publication = _publication()
    zone = publication.zone
    sections = {}
    for position, spec in enumerate(content.SECTIONS):
        sections[spec["slug"]], _ = Section.objects.get_or_create(
            slug=spec["slug"],
            defaults={
                "name": spec["name"],
                "description": spec["description"],
                "position": position,
            },
        )
    authors = _authors(publication)
    created = 0
    for slug, names in content_es.SECTIONS.items():
        section = sections.get(slug)
        if section is not None and "es" not in section.translations:
            section.translations = {**section.translations, "es": names}
            section.save(update_fields=["translations"])
    stories = [*content.STORIES, *content_es.STORIES]
    for seed, story in enumerate(stories):
        if Article.objects.filter(slug=story["slug"]).exists():
            continue
        progress(story["headline"])
        published = _published_at(story, zone)
        article = Article(
            slug=story["slug"],
            headline=story["headline"],
            dek=story["dek"],
            body=story["body"],
            section=sections[story["section"]],
            writer=authors.get(story["writer"]),
            byline_text=story["byline_text"],
            status=Article.Status.PUBLISHED,
            published_at=published,
        )
        if story in content_es.STORIES:
            article.language = "es"
            original = Article.objects.filter(slug=story.get("translation_of", "")).first()
            if original is not None:
                article.translation_group = original.translation_group
                article.hero_photo = original.hero_photo  # the same picture, its own words
        if story.get("updated_hours_later"):
            article.updated_at = min(
                published + timedelta(hours=story["updated_hours_later"]), timezone.now()
            )
        if story.get("source"):
            article.source_name = story["source"]["name"]
            article.source_credit = story["source"]["credit_line"]
            article.original_url = story["source"]["original_url"]
        if story.get("photo"):
            article.hero_photo = _photo(story["photo"], seed)
        article.save()
        bylines_set(article=article, authors=[authors[slug] for slug in story["authors"]])
        article.tags.set(
            Tag.objects.get_or_create(name=name, defaults={"slug": ""})[0] for name in story["tags"]
        )
        created += 1
    for name, names in content_es.TAGS.items():
        tag = Tag.objects.filter(name=name).first()
        if tag is not None and "es" not in tag.translations:
            tag.translations = {**tag.translations, "es": names}
            tag.save(update_fields=["translations"])
    _set_front_page()
    for position, spec in enumerate(content.PAGES):
        Page.objects.get_or_create(slug=spec["slug"], defaults={**spec, "position": position})
    return {"stories": created, "total": Article.objects.count()}


def _set_front_page() -> None:
    """Place the demo's lead and top stories, unless the desk has placed any itself."""
    if PlacedStory.objects.exists():
        return
    page = FrontPage.current()
    found = {story.slug: story for story in Article.objects.filter(slug__in=content.FRONT_PAGE)}
    PlacedStory.objects.bulk_create(
        PlacedStory(front_page=page, article=found[slug], position=position)
        for position, slug in enumerate(content.FRONT_PAGE, start=1)
        if slug in found
    )
    versions.bump({"list:home"})


def _ensure_demo_login(
    username: str, role: str, first_name: str, last_name: str, login_file: Path
) -> DemoLogin:
    """A staff account in ``role``, its password kept in a private file under the data dir."""
    user_model = get_user_model()
    user = user_model.objects.filter(username=username).first()
    stored = login_file.read_text().strip() if login_file.exists() else ""
    if user is not None and stored and user.check_password(stored):
        if user.is_superuser:  # made by an older demo
            user.is_superuser = False
            user.save(update_fields=["is_superuser"])
        give_role(user, role)
        return DemoLogin(username, stored, created=False)
    password = secrets.token_urlsafe(12)
    if user is None:
        user = user_model(username=username, first_name=first_name, last_name=last_name)
    user.is_staff = True
    # A role, not a superuser: the demo shows what an editor or a contributor may do.
    user.is_superuser = False
    user.set_password(password)
    user.save()
    give_role(user, role)
    login_file.parent.mkdir(parents=True, exist_ok=True)
    write_private_file(login_file, password + "\n")
    return DemoLogin(username, password, created=True)


def ensure_demo_editor(login_file: Path | None = None) -> DemoLogin:
    """The demo editor account (Editor role): reviews, publishes, schedules, corrects."""
    login_file = login_file or Path(settings.DATA_DIR) / "demo-login.txt"
    return _ensure_demo_login(DEMO_EDITOR, EDITOR, "Demo", "Editor", login_file)


def ensure_demo_contributor(login_file: Path | None = None) -> DemoLogin:
    """The demo reporter account (Contributor role): writes drafts and submits them."""
    login_file = login_file or Path(settings.DATA_DIR) / "demo-reporter-login.txt"
    return _ensure_demo_login(DEMO_CONTRIBUTOR, CONTRIBUTOR, "Demo", "Reporter", login_file)


# A correction and an update note, so the demo shows how the desk corrects in the open.
DEMO_NOTES = [
    (
        "city-council-approves-budget-harbor-patrol-library-hours",
        Correction.Kind.CORRECTION,
        "An earlier version of this story said the library’s Sunday hours would begin at 10 a.m. "
        "The main branch will open at noon on Sundays.",
    ),
    (
        "storm-surge-floods-lower-harbor-district",
        Correction.Kind.UPDATE,
        "The Wren Island ferry resumed its regular schedule with the 3:40 p.m. crossing, the "
        "port authority said.",
    ),
]


def add_demo_notes(editor) -> int:
    """Append the demo's correction and update note once, through the newsroom's service."""
    added = 0
    for slug, kind, note in DEMO_NOTES:
        article = Article.objects.filter(slug=slug).first()
        if article is None or article.corrections.exists():
            continue
        correction_add(article=article, user=editor, text=note, kind=kind)
        added += 1
    return added
