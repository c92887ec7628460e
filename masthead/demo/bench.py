"""Invented archives of any size, for measuring Masthead at scale (``masthead bench-data``).

N live stories with their bylines (from a pool of authors), sections, three tags each (from a
pool), hero photos (rows pointing at a handful of generated image files) and readers' comments
(most stories a few, some stories hundreds), written by bulk inserts in batches: COPY on
PostgreSQL, one prepared multi-row INSERT per batch elsewhere. The same seed gives the same archive.

Rows get their ids here, so a batch of stories and everything hanging off them is written with
no round trip to learn an id; the id sequences are moved past them at the end. The search index
is filled once at the end for the new id range, in one statement on PostgreSQL.
"""

from __future__ import annotations

import json
import random
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.core.files.base import ContentFile
from django.core.management.color import no_style
from django.db import connection, models, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.text import slugify

from masthead.comments.models import Comment
from masthead.newsroom.models import Article, Author, Byline, Section, Tag
from masthead.photos.models import Photo
from masthead.search.services import search_index_update_range

from . import images

SLUG_PREFIX = "bench-"
BATCH_SIZE = 5_000
# One story every STORY_INTERVAL back from the newest: a million span about nine and a half
# years, a hundred stories eight hours.
STORY_INTERVAL = timedelta(minutes=5)
SECTIONS = ("News", "Politics", "Business", "Sports", "Culture", "Opinion", "Science", "Weather")
AUTHOR_POOL = 200
TAG_POOL = 500
TAGS_PER_STORY = 3
PHOTO_FILES = 6
# Share of stories with a hero photo, with comments, and with very many comments.
PHOTO_SHARE = 0.6
COMMENTED_SHARE = 0.3
BUSY_SHARE = 0.002
BUSY_COMMENTS = 150

_PLACES = (
    "harbor", "bridge", "school board", "council", "river", "stadium", "library", "market",
    "hospital", "airport", "old mill", "ferry", "county fair", "courthouse",
)  # fmt: skip
_VERBS = (
    "approves", "delays", "weighs", "rejects", "celebrates", "reopens", "questions", "funds",
    "plans", "debates", "expands", "closes",
)  # fmt: skip
_OBJECTS = (
    "new budget", "repairs", "a second vote", "longer hours", "the expansion",
    "a public hearing", "flood defences", "a new director", "the survey", "fare changes",
)  # fmt: skip
_FIRST = (
    "Ana", "Ben", "Chloe", "Dev", "Elena", "Farid", "Grace", "Hugo", "Iris", "Jonas", "Kemi",
    "Luis", "Maya", "Nils", "Omar", "Priya", "Quinn", "Rosa", "Sami", "Tess",
)  # fmt: skip
_LAST = (
    "Ruiz", "Okafor", "Lindqvist", "Moreau", "Tanaka", "Novak", "Haddad", "Kowalski", "Brennan",
    "Achebe",
)  # fmt: skip
_SENTENCES = (
    "The council met on Tuesday evening before a full public gallery.",
    "Residents said the plan had been years in the making.",
    "“We have waited long enough,” said one shop owner on Front Street.",
    "Officials expect the work to take most of next year.",
    "The vote passed by a narrow margin after a long debate.",
    "Critics argued that the cost had not been explained.",
    "The mayor said the town would publish the full figures next week.",
    "Parents and teachers lined the corridor outside the meeting room.",
    "A spokesperson declined to comment on the timetable.",
    "Local businesses welcomed the news but asked for more parking.",
    "The river rose two feet overnight, according to the county.",
    "Volunteers handed out sandbags from the fire station.",
)


class BenchDataRefused(Exception):
    """The database holds stories that bench-data did not make."""


@dataclass
class Pools:
    sections: list[int]
    authors: list[int]
    tags: list[int]
    photo_files: list[dict]
    bodies: list[dict]
    extra: dict = field(default_factory=dict)


def refuse_unless_safe(*, force: bool) -> None:
    """The rule: bench-data writes only into a database without stories, unless --force.

    A newsroom's stories are never mixed with invented ones by accident; a second run on a bench
    database needs --force too, since it would double the archive.
    """
    if force:
        return
    if Article.objects.exists():
        raise BenchDataRefused(
            "This database already holds stories. bench-data fills an empty database only "
            "(use a fresh DATABASE_URL); pass --force to add invented stories anyway."
        )


def _ids_after(model: type[models.Model]) -> int:
    return (model.objects.aggregate(top=Max("pk"))["top"] or 0) + 1


def _name(rng: random.Random) -> str:
    return f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"


def _make_pools(rng: random.Random, run: str) -> Pools:
    """Sections, authors, tags, photo files and story bodies: few, made the ordinary way."""
    sections = [
        Section.objects.get_or_create(
            slug=slugify(name), defaults={"name": name, "position": position}
        )[0].pk
        for position, name in enumerate(SECTIONS)
    ]
    authors = Author.objects.bulk_create(
        [
            Author(name=f"{_name(rng)} {i}", slug=f"{SLUG_PREFIX}{run}author-{i}")
            for i in range(AUTHOR_POOL)
        ],
        batch_size=BATCH_SIZE,
    )
    tags = Tag.objects.bulk_create(
        [
            Tag(
                name=f"{rng.choice(_PLACES).title()} {i} {run}".strip(),
                slug=f"{SLUG_PREFIX}{run}tag-{i}",
            )
            for i in range(TAG_POOL)
        ],
        batch_size=BATCH_SIZE,
    )
    photo_files = []
    for i in range(PHOTO_FILES):
        photo = Photo(caption="Bench photo", photographer="Bench Desk")
        photo.image.save(
            f"bench-{i}.jpg",
            ContentFile(images.make_photo(images.MOTIFS[i % len(images.MOTIFS)], seed=i)),
            save=False,
        )
        photo.save()  # makes the renditions once; every row below shares them
        photo_files.append(
            {
                "image": photo.image.name,
                "width": photo.width,
                "height": photo.height,
                "renditions": photo.renditions,
            }
        )
    bodies = []
    for _ in range(40):
        paragraphs = [
            " ".join(rng.choice(_SENTENCES) for _ in range(rng.randint(3, 6)))
            for _ in range(rng.randint(4, 9))
        ]
        story = Article(body="\n\n".join(paragraphs))
        story.refresh_body()  # rendered once per body, not once per story
        bodies.append(
            {
                "body": story.body,
                "body_html": story.body_html,
                "word_count": story.word_count,
                "reading_minutes": story.reading_minutes,
            }
        )
    return Pools(
        sections=sections,
        authors=[a.pk for a in authors],
        tags=[t.pk for t in tags],
        photo_files=photo_files,
        bodies=bodies,
    )


def _defaults(model: type[models.Model], given: dict) -> dict:
    """Every column of ``model``: the given values, else each field's default."""
    row = {}
    for f in model._meta.concrete_fields:
        if f.attname in given:
            row[f.attname] = given[f.attname]
        elif f.has_default():
            row[f.attname] = f.get_default()
        elif f.null:
            row[f.attname] = None
        else:
            row[f.attname] = ""
    return row


class _Table:
    """Rows for one table, written a batch at a time: COPY on PostgreSQL, else bulk_create."""

    def __init__(self, model: type[models.Model], template: dict) -> None:
        self.model = model
        self.columns = [f.attname for f in model._meta.concrete_fields]
        self.column_names = [f.column for f in model._meta.concrete_fields]
        self.template = _defaults(model, template)
        self.json_columns = {
            f.attname for f in model._meta.concrete_fields if isinstance(f, models.JSONField)
        }
        self.rows: list[dict] = []
        self.written = 0

    def add(self, **values) -> None:
        self.rows.append(values)

    def flush(self) -> None:
        if not self.rows:
            return
        rows = ([self._value(name, row) for name in self.columns]
                for row in ({**self.template, **values} for values in self.rows))  # fmt: skip
        table = connection.ops.quote_name(self.model._meta.db_table)
        names = ", ".join(connection.ops.quote_name(c) for c in self.column_names)
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                with cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
            else:
                # One prepared INSERT for the batch: what bulk_create does, without building
                # a model instance and re-preparing every value per row.
                marks = ", ".join(["%s"] * len(self.columns))
                cursor.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", list(rows))  # noqa: S608
        self.written += len(self.rows)
        self.rows = []

    def _value(self, name: str, row: dict):
        value = row[name]
        if name in self.json_columns:
            return json.dumps(value)
        if connection.vendor != "postgresql":
            if isinstance(value, datetime):
                return connection.ops.adapt_datetimefield_value(value)
            if isinstance(value, uuid.UUID):
                return value.hex  # as Django stores a UUIDField on SQLite
        return value


def _story_rows(
    count: int,
    *,
    rng: random.Random,
    pools: Pools,
    run: str,
    newest: datetime,
    first_ids: dict[str, int],
) -> Iterator[tuple[int, dict, list[dict], list[int], dict | None, list[dict]]]:
    """Each story with its bylines, tags, photo and comments, as column values."""
    photo_id = first_ids["photo"]
    comment_id = first_ids["comment"]
    for i in range(count):
        pk = first_ids["article"] + i
        published = newest - STORY_INTERVAL * i
        body = rng.choice(pools.bodies)
        photo = None
        if rng.random() < PHOTO_SHARE:
            photo = {"id": photo_id, **rng.choice(pools.photo_files),
                     "caption": f"A scene from story {i}.", "created_at": published}  # fmt: skip
            photo_id += 1
        authors = rng.sample(pools.authors, 2 if rng.random() < 0.2 else 1)
        headline = f"{rng.choice(_PLACES).capitalize()} {rng.choice(_VERBS)} {rng.choice(_OBJECTS)}"
        story = {
            "id": pk,
            "headline": f"{headline} ({i})",
            "slug": f"{SLUG_PREFIX}{run}{i}",
            # Each story a translation group of its own (one per language is the rule).
            "translation_group": uuid.UUID(int=rng.getrandbits(128)),
            "dek": rng.choice(_SENTENCES),
            **body,
            "hero_photo_id": photo["id"] if photo else None,
            "writer_id": authors[0],
            "section_id": rng.choice(pools.sections),
            "status": Article.Status.PUBLISHED,
            "published_at": published,
            "created_at": published,
            "modified_at": published,
        }
        comments = []
        if rng.random() < COMMENTED_SHARE:
            many = rng.random() < BUSY_SHARE / COMMENTED_SHARE
            for n in range(BUSY_COMMENTS if many else rng.randint(1, 6)):
                comments.append(
                    {
                        "id": comment_id,
                        "article_id": pk,
                        "author_name": _name(rng),
                        "body": rng.choice(_SENTENCES),
                        "status": Comment.Status.APPROVED,
                        "created_at": published + timedelta(minutes=10 + n),
                    }
                )
                comment_id += 1
        bylines = [
            {"article_id": pk, "author_id": author, "position": position}
            for position, author in enumerate(authors)
        ]
        yield pk, story, bylines, rng.sample(pools.tags, TAGS_PER_STORY), photo, comments


def fill(
    stories: int,
    *,
    seed: int = 1,
    force: bool = False,
    newest: datetime | None = None,
    progress: Callable[[int], None] | None = None,
) -> dict[str, int]:
    """Add ``stories`` live stories and all that hangs off them; returns rows written."""
    if stories < 1:
        raise ValueError("Give a number of stories of at least 1.")
    refuse_unless_safe(force=force)
    rng = random.Random(seed)
    newest = (newest or timezone.now()).replace(second=0, microsecond=0) - timedelta(minutes=1)
    # Slugs of a second run (with --force) must not collide with the first's.
    run = "" if not Article.objects.filter(slug__startswith=SLUG_PREFIX).exists() else (
        f"{_ids_after(Article)}-"
    )  # fmt: skip
    with transaction.atomic():
        pools = _make_pools(rng, run)
        first_ids = {
            "article": _ids_after(Article),
            "photo": _ids_after(Photo),
            "comment": _ids_after(Comment),
        }
        tagging = Article.tags.through
        tables = {
            "photo": _Table(
                Photo,
                {"alt_text": "", "photographer": "Bench Desk", "focal_x": 0.5, "focal_y": 0.5},
            ),
            "article": _Table(Article, {}),
            "byline": _Table(Byline, {}),
            "tag": _Table(tagging, {}),
            "comment": _Table(Comment, {"email": "reader@example.org"}),
        }
        byline_id, tagging_id = _ids_after(Byline), _ids_after(tagging)
        rows = _story_rows(
            stories, rng=rng, pools=pools, run=run, newest=newest, first_ids=first_ids
        )
        for done, (pk, story, bylines, tag_ids, photo, comments) in enumerate(rows, 1):
            if photo:
                tables["photo"].add(**photo)
            tables["article"].add(**story)
            for byline in bylines:
                tables["byline"].add(id=byline_id, **byline)
                byline_id += 1
            for tag_id in tag_ids:
                tables["tag"].add(id=tagging_id, article_id=pk, tag_id=tag_id)
                tagging_id += 1
            for comment in comments:
                tables["comment"].add(**comment)
            if done % BATCH_SIZE == 0 or done == stories:
                # Parents before children, for the foreign keys.
                for table in tables.values():
                    table.flush()
                if progress:
                    progress(done % BATCH_SIZE or BATCH_SIZE)
        _reset_sequences([Photo, Article, Byline, tagging, Comment])
        _analyze()  # the search index's joins need the new sizes to pick their indexes
        search_index_update_range(
            first_ids["article"], first_ids["article"] + stories - 1, shared_bodies=True
        )
    _analyze()
    return {name: table.written for name, table in tables.items()}


def _analyze() -> None:
    """Fresh planner statistics (PostgreSQL) for the tables written, as autovacuum would."""
    if connection.vendor != "postgresql":
        return
    from masthead.search.models import StoryVector

    written = [Article, Article.tags.through, Byline, Author, Tag, Section, Photo, Comment]
    tables = ", ".join(connection.ops.quote_name(m._meta.db_table) for m in [*written, StoryVector])
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {tables}")


def _reset_sequences(model_list: Iterable[type[models.Model]]) -> None:
    statements = connection.ops.sequence_reset_sql(no_style(), list(model_list))
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)
