"""SQLite FTS5 search over the ``search_storytext`` virtual table (made by the migration).

The table keeps a plain-text copy of each story's searchable fields, one column each, with the
story id as its rowid. bm25() weighs the columns as PostgreSQL's A-D weights do: a headline
match ranks above any number of body matches.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import datetime
from itertools import islice

from django.db import connection, transaction
from django.db.models import Q, QuerySet
from django.db.models.expressions import RawSQL

from masthead import text
from masthead.newsroom.models import Article

from .. import results
from ..query import ParsedQuery
from ..results import MARK_END, MARK_START, Hit, SearchResults, marked_html

TABLE = "search_storytext"
COLUMNS = ("headline", "dek", "bylines", "body", "tags")
HEADLINE_COLUMN, BODY_COLUMN = 0, 3
# FTS5's bm25() weighs term counts, not scores: a body repeating a word ten times would
# outweigh a headline. So each group of columns is scored on its own (bm25 saturates as a
# word repeats) and the scores are weighed like PostgreSQL's A, B, C and D weights.
RANK = " + ".join(
    f"{weight} * bm25({TABLE}, {columns})"
    for weight, columns in (
        (10.0, "1, 0, 0, 0, 0"),  # headline
        (4.0, "0, 1, 1, 0, 0"),  # dek and bylines
        (1.0, "0, 0, 0, 1, 0"),  # body
        (0.5, "0, 0, 0, 0, 1"),  # tags
    )
)
BATCH = 500


def batched(items: Iterable[int], size: int) -> Iterator[tuple[int, ...]]:
    # itertools.batched arrives with Python 3.12.
    iterator = iter(items)
    while batch := tuple(islice(iterator, size)):
        yield batch


def _documents(article_ids: Iterable[int]) -> Iterator[tuple]:
    stories = (
        Article.objects.filter(pk__in=list(article_ids))
        .with_bylines()
        .prefetch_related("tags")
        .only("headline", "dek", "byline_text", "source_name", "body_html")
    )
    for story in stories:
        bylines = [author.name for author in story.byline_authors]
        bylines += [story.byline_text, story.source_name]
        yield (
            story.pk,
            story.headline,
            story.dek,
            " ".join(part for part in bylines if part),
            text.plain_text(story.body_html),
            " ".join(tag.name for tag in story.tags.all()),
        )


def update(article_ids: Iterable[int]) -> None:
    for batch in batched(article_ids, BATCH):
        placeholders = ", ".join(["%s"] * len(batch))
        # One transaction for the delete and the insert: a save outside one (a script, the
        # shell) could otherwise meet the worker's upkeep re-inserting the same rowid between
        # its two statements and fail on the rowid's uniqueness.
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {TABLE} WHERE rowid IN ({placeholders})", batch)  # noqa: S608
            cursor.executemany(
                f"INSERT INTO {TABLE} (rowid, {', '.join(COLUMNS)}) "  # noqa: S608
                "VALUES (%s, %s, %s, %s, %s, %s)",
                list(_documents(batch)),
            )


def update_range(first_id: int, last_id: int, *, shared_bodies: bool = False) -> None:
    ids = Article.objects.filter(pk__range=(first_id, last_id)).order_by("pk")
    update(list(ids.values_list("pk", flat=True)))


def remove(article_ids: Iterable[int]) -> None:
    for batch in batched(article_ids, BATCH):
        placeholders = ", ".join(["%s"] * len(batch))
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {TABLE} WHERE rowid IN ({placeholders})", batch)  # noqa: S608


def is_empty() -> bool:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT 1 FROM {TABLE} LIMIT 1")  # noqa: S608
        return cursor.fetchone() is None


def unindexed_ids(limit: int) -> list[int]:
    """Stories with no row in the index (made by a bulk insert, a restore, a crash)."""
    article = Article._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT a.id FROM {article} a WHERE NOT EXISTS "  # noqa: S608 - our table names
            f"(SELECT 1 FROM {TABLE} s WHERE s.rowid = a.id) ORDER BY a.id LIMIT %s",
            [limit],
        )
        return [row[0] for row in cursor.fetchall()]


def rebuild() -> int:
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {TABLE}")  # noqa: S608
    count = 0
    for batch in batched(Article.objects.order_by("pk").values_list("pk", flat=True), BATCH):
        update(batch)
        count += len(batch)
    with connection.cursor() as cursor:
        # Merge the index's segments, as a freshly built index should be.
        cursor.execute(f"INSERT INTO {TABLE} ({TABLE}) VALUES ('optimize')")  # noqa: S608
    return count


def matching_ids(
    query: ParsedQuery, *, published: tuple[datetime, datetime], language: str | None = None
) -> QuerySet:
    """Ids of the stories published in that span that match ``query``, as a subquery."""
    sql = f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s"  # noqa: S608 - our table name
    matches = RawSQL(sql, [query.to_fts5()])  # noqa: S611 - the query is a parameter
    return (
        Article.objects.filter(pk__in=matches, published_at__range=published)
        .order_by()
        .values("pk")
    )


def matches_story(query: ParsedQuery, language: str | None = None) -> Q:
    """True for a story (the outer query's) that matches ``query``."""
    sql = f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s"  # noqa: S608 - our table name
    return Q(pk__in=RawSQL(sql, [query.to_fts5()]))  # noqa: S611 - the query is a parameter


class Results(SearchResults):
    def __init__(self, query: ParsedQuery, stories: QuerySet, languages=()) -> None:
        # FTS5's one tokenizer serves every language: unicode61 folds accents ("inundacion"
        # finds "inundación"); its Porter stemmer is English's (PostgreSQL stems each).
        super().__init__(query)
        # The visible stories (live, filtered) as a subquery: visibility stays decided in one
        # place, ArticleQuerySet.live().
        sql, params = stories.order_by().values("pk", "published_at").query.sql_with_params()
        self._from = f"{TABLE} JOIN ({sql}) AS visible ON visible.pk = {TABLE}.rowid"
        self._params = [*params, query.to_fts5()]

    def _count_hits(self) -> int:
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT count(*) FROM {self._from} WHERE {TABLE} MATCH %s",  # noqa: S608
                self._params,
            )
            return cursor.fetchone()[0]

    def _ranked_since(self) -> str | None:
        """Publication time of the oldest match ranked by relevance, when not all of them are
        (see RANK_WINDOW); kept as SQLite stores it, to compare with the stored times."""
        if self.count() <= results.RANK_WINDOW:
            return None
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT visible.published_at FROM {self._from} WHERE {TABLE} MATCH %s "  # noqa: S608
                "ORDER BY visible.published_at DESC, visible.pk DESC LIMIT 1 OFFSET %s",
                [*self._params, results.RANK_WINDOW - 1],
            )
            return cursor.fetchone()[0]

    def _fetch(self, offset: int, limit: int) -> list[Hit]:
        since = self._ranked_since()
        # Only the window's stories are ranked; the others follow, newest first.
        order, order_params = RANK, []
        if since is not None:
            order = (
                "CASE WHEN visible.published_at >= %s THEN 0 ELSE 1 END, "
                f"CASE WHEN visible.published_at >= %s THEN {RANK} END"
            )
            order_params = [since, since]
        marks = [MARK_START, MARK_END, MARK_START, MARK_END]
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT {TABLE}.rowid, "  # noqa: S608
                f"highlight({TABLE}, {HEADLINE_COLUMN}, %s, %s), "
                f"snippet({TABLE}, {BODY_COLUMN}, %s, %s, '…', 32) "
                f"FROM {self._from} WHERE {TABLE} MATCH %s "
                f"ORDER BY {order}, visible.published_at DESC, "
                f"{TABLE}.rowid DESC LIMIT %s OFFSET %s",
                [*marks, *self._params, *order_params, limit, offset],
            )
            rows = cursor.fetchall()
        stories = Article.objects.for_listing().in_bulk([row[0] for row in rows])
        return [
            Hit(
                article=stories[pk],
                headline_html=marked_html(headline),
                snippet_html=marked_html(snippet),
            )
            for pk, headline, snippet in rows
            if pk in stories
        ]
