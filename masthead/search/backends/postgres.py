"""PostgreSQL full-text search over a stored, GIN-indexed tsvector per story.

Weights: A headline; B dek, bylines and news service; C body; D tags. ``ts_rank``'s default
weights (1.0, 0.4, 0.2, 0.1) then rank a headline match above any number of body matches.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from html import unescape

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import connection
from django.db.models import Exists, F, Func, OuterRef, QuerySet, Value

from masthead.newsroom.models import Article, Author, Byline, Publication, Tag

from .. import results
from ..models import StoryVector
from ..query import ParsedQuery
from ..results import MARK_END, MARK_START, Hit, SearchResults, marked_html

# PostgreSQL's text search configurations (stemmers and stop words) by language code; others
# use "simple", which lower-cases words and does nothing more.
CONFIGS = {
    "ar": "arabic", "da": "danish", "de": "german", "el": "greek", "en": "english",
    "es": "spanish", "fi": "finnish", "fr": "french", "ga": "irish", "hu": "hungarian",
    "id": "indonesian", "it": "italian", "lt": "lithuanian", "nb": "norwegian", "ne": "nepali",
    "nl": "dutch", "nn": "norwegian", "no": "norwegian", "pt": "portuguese", "ro": "romanian",
    "ru": "russian", "sv": "swedish", "ta": "tamil", "tr": "turkish",
}  # fmt: skip


def text_search_config(language: str | None = None) -> str:
    """The configuration for ``language`` (by default the publication's)."""
    language = (language or Publication.current().language or "en").lower().split("-")[0]
    return CONFIGS.get(language, "simple")


def _story_config_sql(alias: str) -> str:
    """Each story is read with its own language's stemmer: a Spanish story's "inundaciones"
    is stored as "inund", found by "inundación". Codes come from CONFIGS, not from input."""
    cases = " ".join(f"WHEN '{code}' THEN '{config}'" for code, config in CONFIGS.items())
    return (
        f"(CASE lower(split_part({alias}.language, '-', 1)) {cases} ELSE 'simple' END)::regconfig"
    )


BODY_TEXT = "regexp_replace({a}.body_html, '<[^>]*>', ' ', 'g')"


def _vector_sql(where: str, *, shared_bodies: bool = False) -> str:
    """One statement that (re)writes the vectors of the stories ``where`` selects.

    ``shared_bodies``: many of the stories have the very same body (a bulk load of copies): each
    distinct body is read into a vector once, and the stories find theirs by its digest.
    """
    body = f"to_tsvector({_story_config_sql('a')}, {BODY_TEXT.format(a='a')})"
    bodies, join = "", ""
    if shared_bodies:
        body = "shared.vector"
        # MATERIALIZED: else PostgreSQL inlines the CTE and reads a body once per story again.
        bodies = f"""WITH shared AS MATERIALIZED (
            SELECT md5(d.body_html) AS digest, d.language,
                to_tsvector({_story_config_sql("d")}, {BODY_TEXT.format(a="d")}) AS vector
            FROM (
                SELECT DISTINCT a.body_html, a.language FROM {Article._meta.db_table} a {where}
            ) d
        )"""  # noqa: S608 - the table name comes from the model, values are parameters
        join = "JOIN shared ON shared.digest = md5(a.body_html) AND shared.language = a.language"
    config = _story_config_sql("a")
    article, byline, author = Article._meta.db_table, Byline._meta.db_table, Author._meta.db_table
    tag, article_tags = Tag._meta.db_table, Article.tags.through._meta.db_table
    vectors = StoryVector._meta.db_table
    return f"""
        {bodies}
        INSERT INTO {vectors} (article_id, published_at, vector)
        SELECT a.id, a.published_at,
            setweight(to_tsvector({config}, a.headline), 'A')
            || setweight(to_tsvector({config}, concat_ws(' ',
                a.dek, a.byline_text, a.source_name,
                (SELECT string_agg(au.name, ' ') FROM {byline} b
                    JOIN {author} au ON au.id = b.author_id WHERE b.article_id = a.id)
               )), 'B')
            || setweight({body}, 'C')
            || setweight(to_tsvector({config}, coalesce(
                (SELECT string_agg(t.name, ' ') FROM {article_tags} at
                    JOIN {tag} t ON t.id = at.tag_id WHERE at.article_id = a.id),
                '')), 'D')
        FROM {article} a
        {join}
        {where}
        ON CONFLICT (article_id) DO UPDATE
            SET vector = EXCLUDED.vector, published_at = EXCLUDED.published_at
    """  # noqa: S608 - table names come from the models, values are parameters


def update(article_ids: Iterable[int]) -> None:
    ids = list(article_ids)
    if ids:
        with connection.cursor() as cursor:
            cursor.execute(
                _vector_sql("WHERE a.id = ANY(%(ids)s)"),
                {"ids": ids},
            )


def update_range(first_id: int, last_id: int, *, shared_bodies: bool = False) -> None:
    """One statement for a whole id range, read in id order through the primary key."""
    with connection.cursor() as cursor:
        if shared_bodies and connection.in_atomic_block:
            # A bulk load of fresh tables: the planner would hash the small author and tag
            # tables again for every story; index lookups are three times quicker here, and
            # JIT compiling costs more than it saves on a statement this simple.
            cursor.execute("SET LOCAL enable_hashjoin = off")
            cursor.execute("SET LOCAL jit = off")
        cursor.execute(
            _vector_sql("WHERE a.id BETWEEN %(first)s AND %(last)s", shared_bodies=shared_bodies),
            {"first": first_id, "last": last_id},
        )
        if shared_bodies and connection.in_atomic_block:
            cursor.execute("RESET enable_hashjoin")  # the rest of the transaction as usual
            cursor.execute("RESET jit")


def remove(article_ids: Iterable[int]) -> None:
    # Django's cascade already deleted the row, but deleting a story's bylines afterwards
    # re-indexes it while its row still exists; this runs once the story row is gone.
    StoryVector.objects.filter(article_id__in=list(article_ids)).delete()


def is_empty() -> bool:
    return not StoryVector.objects.exists()


def unindexed_ids(limit: int) -> list[int]:
    """Stories with no vector (made by a bulk insert, a restore, a crash)."""
    return list(
        Article.objects.filter(search_vector__isnull=True)
        .order_by("pk")
        .values_list("pk", flat=True)[:limit]
    )


def rebuild() -> int:
    """Every story's vector in one statement."""
    with connection.cursor() as cursor:
        cursor.execute(_vector_sql(""))
        return cursor.rowcount


def _tsquery(query: ParsedQuery, languages: Iterable[str] = ()) -> SearchQuery:
    """The reader's words stemmed the way each language's stories were: searching English and
    Spanish stories together asks for either language's stems."""
    configs = list(dict.fromkeys(text_search_config(code) for code in languages)) or [
        text_search_config()
    ]
    words = query.to_websearch()
    combined = SearchQuery(words, search_type="websearch", config=configs[0])
    for config in configs[1:]:
        combined |= SearchQuery(words, search_type="websearch", config=config)
    return combined


def matching_ids(
    query: ParsedQuery, *, published: tuple[datetime, datetime], language: str | None = None
) -> QuerySet:
    """Ids of the stories published in that span that match ``query``, as a subquery."""
    vector = _tsquery(query, [language] if language else [])
    return StoryVector.objects.filter(vector=vector, published_at__range=published).values(
        "article_id"
    )


def matches_story(query: ParsedQuery, language: str | None = None) -> Exists:
    """True for a story (the outer query's) that matches ``query``: one index lookup each."""
    vector = _tsquery(query, [language] if language else [])
    return Exists(StoryVector.objects.filter(article_id=OuterRef("pk"), vector=vector))


def _body_text() -> Func:
    # The story text without its markup, for ts_headline; entities are decoded in Python.
    return Func(F("body_html"), Value("<[^>]*>"), Value(" "), Value("g"), function="regexp_replace")


class Results(SearchResults):
    def __init__(
        self, query: ParsedQuery, stories: QuerySet, languages: Iterable[str] = ()
    ) -> None:
        super().__init__(query)
        languages = list(languages)
        # Snippets are cut with the first language's rules; the match itself uses each.
        self._config = text_search_config(languages[0] if languages else None)
        self._tsquery = _tsquery(query, languages)
        self._matching = stories.filter(search_vector__vector=self._tsquery)

    def _count_hits(self) -> int:
        return self._matching.count()

    def _page_ids(self, offset: int, limit: int) -> list[int]:
        """Ids of a page of matches: best first among the newest RANK_WINDOW, then by date."""
        newest_first = self._matching.order_by("-published_at", "-pk").values_list("pk", flat=True)
        ranking = ("-rank", "-published_at", "-pk")
        rank = SearchRank(F("search_vector__vector"), self._tsquery)
        window = results.RANK_WINDOW
        if self.count() <= window:
            ranked = self._matching.annotate(rank=rank).order_by(*ranking)
            return list(ranked.values_list("pk", flat=True)[offset : offset + limit])
        # Many matches: take the newest by date alone (no vector is read for that), then rank
        # only those, so the cost of ranking stays bounded however common the word.
        ids: list[int] = []
        if offset < window:
            window_ids = list(newest_first[:window])
            ranked = Article.objects.filter(pk__in=window_ids).annotate(rank=rank)
            ids += ranked.order_by(*ranking).values_list("pk", flat=True)[
                offset : min(offset + limit, window)
            ]
        if offset + limit > window:
            ids += newest_first[max(offset, window) : offset + limit]
        return ids

    def _fetch(self, offset: int, limit: int) -> list[Hit]:
        ids = self._page_ids(offset, limit)
        marks = {"start_sel": MARK_START, "stop_sel": MARK_END, "config": self._config}
        stories = (
            Article.objects.for_listing()
            .annotate(
                headline_marked=SearchHeadline(
                    "headline", self._tsquery, highlight_all=True, **marks
                ),
                snippet_marked=SearchHeadline(
                    _body_text(),
                    self._tsquery,
                    max_words=32,
                    min_words=16,
                    max_fragments=2,
                    fragment_delimiter=" … ",
                    **marks,
                ),
            )
            .in_bulk(ids)
        )
        return [
            Hit(
                article=stories[pk],
                headline_html=marked_html(stories[pk].headline_marked),
                snippet_html=marked_html(" ".join(unescape(stories[pk].snippet_marked).split())),
            )
            for pk in ids
            if pk in stories
        ]
