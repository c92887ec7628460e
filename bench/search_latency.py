"""Search latency on PostgreSQL at 10,000 and 100,000 stories.

Builds a separate database (masthead_bench by default: dropped and made again), fills it with
generated stories by bulk inserts, builds every search vector with one statement, then times
about 200 realistic reader queries through ``search_stories`` exactly as the search page runs
them (the count, then the first page of 20 with snippets), and the related-stories query of
the story page. Prints median and 95th percentile for each size.

    .venv/bin/python bench/search_latency.py                      # 10,000 then 100,000
    .venv/bin/python bench/search_latency.py --sizes 1000 --queries 50   # a quick look

Needs a PostgreSQL server the URL can create databases on. Takes about ten minutes on a
2-core machine, most of it writing and indexing the 100,000 stories.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/masthead_bench"
PAGE_SIZE = 20
SEED = 20260226

# Words of local news, most common first; text is drawn from them with Zipf-like weights so
# that some query words match a third of the archive and others a handful of stories.
NEWS_WORDS = """
said city council county school police state year new people board plan budget million
officials public district road water mayor project residents community meeting local
students health department vote program housing week center court members funding
service area building report park business hospital families police fire tax money
commission election workers development support street downtown market land river
church library festival season team coach game win championship players field score
harbor ferry pier boat bridge storm flood rain snow weather wind power outage repair
construction traffic highway bus transit parking airport rail train station crash
teacher classroom college university graduation scholarship museum art music theater
restaurant farm crop harvest price food bank shelter homeless rent apartment zoning
permit license lawsuit judge jury trial sentence arrest charge investigation sheriff
deputy emergency ambulance clinic doctor nurse vaccine virus care senior center veteran
memorial anniversary history heritage tourism visitor hotel festival parade concert
grant federal legislature senator representative governor campaign candidate ballot
referendum levy bond audit contract salary pension union strike layoff hiring jobs
economy industry factory plant mill mine energy solar wind turbine pipeline wildlife
forest trail lake beach coast island lighthouse fishing hunting garden recycling trash
landfill sewer pollution cleanup environment climate drought wildfire evacuation
""".split()
# The most frequent words of English, which also come first in news text (search ignores
# them as stop words, as it does in real stories).
FUNCTION_WORDS = """
the of and to a in that is for on it with as was at by he she they be this have from or
had not but an are his her their we were which been has will would there when who all
one so if its into more can about than after over out also up what two only some could
other new first said them time no then most over three our him me any these did just
such made like back before being through where while both those down each many very
""".split()
PLACES = """
Riverside Millbrook Oakdale Pinecrest Harborview Northfield Cedar Lakeshore Brookside
Maplewood Stonebridge Fairhaven Westport Eastlake Granite Willow Clearwater Summit
""".split()
FIRST_NAMES = """
Ana Tom Lou Dana Marcus Priya Elena Samuel Grace Omar Hannah Diego Ingrid Kenji Fatima
Rosa Victor Leah Noah Chloe Ibrahim Mei Tariq Sofia Owen Nadia Felix Zoe Andre Lina
""".split()
LAST_NAMES = """
Ruiz Bell Chen Whitfield Okafor Patel Novak Haugland Brennan Castillo Yamada Lindqvist
Mensah Duarte Kowalski Farouk Sullivan Moreau Abara Nguyen Delgado Petrov Olsen Tanaka
Rahman Fischer Morales Quinn Adeyemi Larsen
""".split()


SYLLABLES = """
ka lo ver bri tosh man del ra sen mo lin tar ve qui no pel dra sto fen ari ham bel
cor dun eli gro hal iver jas kel lum mar nev orl pra rin sol tev ul wen yor zan
""".split()
# Real text has tens of thousands of distinct words: the newsroom words above stand for the
# common ones, made-up words for the names, places and terms that make stories specific.
VOCABULARY_SIZE = 30_000


def vocabulary(rng: random.Random) -> list[str]:
    made = {
        rng.choice(SYLLABLES) + rng.choice(SYLLABLES) + rng.choice(SYLLABLES)
        for _ in range(VOCABULARY_SIZE * 3)
    }
    extra = sorted(made - set(NEWS_WORDS))
    rng.shuffle(extra)
    common = list(dict.fromkeys(FUNCTION_WORDS))
    return common + NEWS_WORDS + [place.lower() for place in PLACES] + extra[:VOCABULARY_SIZE]


class TextMaker:
    """Text with a Zipf distribution of words (the word of rank r is drawn ~1/r as often)."""

    def __init__(self, rng: random.Random, words: list[str]) -> None:
        self.rng = rng
        self.words = words
        total, self.cumulative = 0.0, []
        for rank in range(len(words)):
            total += 1 / (rank + 1)
            self.cumulative.append(total)

    def words_of(self, count: int) -> list[str]:
        return self.rng.choices(self.words, cum_weights=self.cumulative, k=count)

    def sentence(self) -> str:
        words = self.words_of(self.rng.randint(8, 22))
        words.insert(self.rng.randrange(len(words)), self.rng.choice(PLACES))
        return " ".join(words).capitalize() + "."

    def headline(self) -> str:
        words = self.words_of(self.rng.randint(5, 10))
        words.insert(0, self.rng.choice(PLACES))
        return " ".join(words).capitalize()

    def body(self) -> tuple[str, str, int]:
        paragraphs = [
            " ".join(self.sentence() for _ in range(self.rng.randint(2, 4)))
            for _ in range(self.rng.randint(5, 14))
        ]
        words = sum(len(p.split()) for p in paragraphs)
        return "\n\n".join(paragraphs), "".join(f"<p>{p}</p>\n" for p in paragraphs), words


def realistic_queries(
    rng: random.Random, count: int, words: list[str], sections: list, tags: list
) -> list[dict]:
    """Queries like readers type: mostly one or two words, some names, phrases, filters.

    Words come from every band of frequency: common newsroom words (in a third of stories
    or more), topic words, and the specific names and terms most searches are for.
    """
    # From "city" on: nobody searches a news site for "said", the first newsroom word.
    start = len(set(FUNCTION_WORDS)) + 1
    common, middle = words[start : start + 60], words[start + 60 : start + 2000]
    rare = words[start + 2000 : start + 20000]
    people = [f"{first} {last}" for first in FIRST_NAMES for last in LAST_NAMES]
    queries = []
    for _ in range(count):
        kind = rng.random()
        if kind < 0.25:
            text = rng.choice(middle)
        elif kind < 0.35:
            text = rng.choice(common)
        elif kind < 0.45:
            text = rng.choice(rare)
        elif kind < 0.65:
            text = f"{rng.choice(middle)} {rng.choice(words)}"
        elif kind < 0.72:
            text = f"{rng.choice(words)} {rng.choice(rare)} {rng.choice(middle)}"
        elif kind < 0.80:
            text = f'"{rng.choice(common)} {rng.choice(middle)}"'
        elif kind < 0.88:
            text = rng.choice(people).split()[1] if rng.random() < 0.5 else rng.choice(people)
        elif kind < 0.93:
            text = f"{rng.choice(middle)} -{rng.choice(middle)}"
        elif kind < 0.97:
            text = f"{rng.choice(rare)} or {rng.choice(rare)}"
        else:
            text = f"{rng.choice(PLACES)} {rng.choice(tags).name}"
        query = {"query": text}
        if rng.random() < 0.2:
            query["section"] = rng.choice(sections)
        if rng.random() < 0.15:
            start = datetime(2022, 1, 1).date() + timedelta(days=rng.randrange(1200))
            query["date_from"] = start
            query["date_to"] = start + timedelta(days=rng.choice([7, 30, 365]))
        queries.append(query)
    return queries


def recreate_database(url: str) -> None:
    import psycopg

    base, name = url.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))
    return ordered[index]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=DEFAULT_URL)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--queries", type=int, default=200)
    args = parser.parse_args()

    recreate_database(args.database_url)
    os.environ["DATABASE_URL"] = args.database_url
    os.environ["MASTHEAD_ENV"] = "test"
    os.environ["DJANGO_SETTINGS_MODULE"] = "masthead.settings"
    os.environ.setdefault("MASTHEAD_LOG_LEVEL", "WARNING")
    import django

    django.setup()

    from django.core.management import call_command
    from django.db import connection, transaction
    from django.utils import timezone

    from masthead.newsroom.models import Article, Author, Byline, Publication, Section, Tag
    from masthead.search.related import related_stories
    from masthead.search.services import search_index_rebuild
    from masthead.search.stories import search_stories

    call_command("migrate", verbosity=0)
    version = connection.cursor().connection.info.server_version
    print(f"PostgreSQL {version // 10000}.{version % 10000}; database {args.database_url}")
    rng = random.Random(SEED)
    words = vocabulary(rng)
    maker = TextMaker(rng, words)
    Publication.objects.create(name="The Bench Gazette", language="en", time_zone="America/Chicago")
    section_names = "News Sports Business Schools Opinion Arts Weather Obituaries".split()
    sections = [
        Section.objects.create(name=name, slug=name.lower(), position=i)
        for i, name in enumerate(section_names)
    ]
    authors = Author.objects.bulk_create(
        Author(name=f"{first} {last}", slug=f"{first}-{last}".lower())
        for first in FIRST_NAMES[:12] for last in LAST_NAMES[:10]
    )  # fmt: skip
    tags = Tag.objects.bulk_create(
        Tag(name=f"{place} {word}", slug=f"{place}-{word}".lower())
        for place in PLACES for word in rng.sample(NEWS_WORDS[:120], 16)
    )  # fmt: skip
    now = timezone.now()
    five_years = timedelta(days=5 * 365).total_seconds()

    def add_stories(count: int, start: int) -> None:
        made = 0
        while made < count:
            batch = []
            for i in range(start + made, start + min(count, made + 2000)):
                body, body_html, words = maker.body()
                roll = rng.random()
                status, moment = "published", now - timedelta(seconds=rng.random() * five_years)
                if roll < 0.02:
                    status = "draft"
                elif roll < 0.03:
                    status, moment = "scheduled", now + timedelta(hours=rng.randint(1, 48))
                batch.append(
                    Article(
                        headline=maker.headline()[:200],
                        slug=f"story-{i}",
                        dek=maker.sentence()[:300] if rng.random() < 0.7 else "",
                        body=body,
                        body_html=body_html,
                        word_count=words,
                        reading_minutes=max(1, words // 230),
                        section=rng.choice(sections),
                        status=status,
                        published_at=moment,
                    )
                )
            with transaction.atomic():
                stories = Article.objects.bulk_create(batch)
                Byline.objects.bulk_create(
                    Byline(article=story, author=author, position=position)
                    for story in stories
                    for position, author in enumerate(rng.sample(authors, rng.choice([1, 1, 1, 2])))
                )
                Article.tags.through.objects.bulk_create(
                    Article.tags.through(article_id=story.pk, tag_id=tag.pk)
                    for story in stories
                    for tag in rng.sample(tags, rng.randint(0, 4))
                )
            made += len(batch)

    results = []
    have = 0
    for size in sorted(args.sizes):
        started = time.monotonic()
        add_stories(size - have, have)
        have = size
        generated = time.monotonic() - started
        started = time.monotonic()
        search_index_rebuild()
        indexed = time.monotonic() - started
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
            cursor.execute(
                "SELECT pg_size_pretty(pg_relation_size('search_storyvector_vector_gin'))"
            )
            gin_size = cursor.fetchone()[0]
        print(
            f"\n{size:,} stories: generated in {generated:.0f} s, vectors built in {indexed:.0f} s"
            f" (one statement), GIN index {gin_size}"
        )

        queries = realistic_queries(random.Random(SEED + size), args.queries, words, sections, tags)

        def run(query: dict) -> tuple[float, int]:
            options = {key: value for key, value in query.items() if key != "query"}
            started = time.perf_counter()
            found = search_stories(query["query"], **options)
            total = found.count()
            page = found[:PAGE_SIZE]
            for hit in page:  # what the template reads
                str(hit.snippet_html), hit.article.byline
            return (time.perf_counter() - started) * 1000, total

        for query in queries:  # warm the caches, as on a running site
            run(query)
        timings, totals = zip(*(run(query) for query in queries), strict=True)
        sample = list(Article.objects.live().for_story_page().order_by("?")[: min(100, size // 10)])
        related = []
        for story in sample:
            started = time.perf_counter()
            related_stories(story)
            related.append((time.perf_counter() - started) * 1000)
        row = {
            "size": size,
            "median": statistics.median(timings),
            "p95": percentile(list(timings), 0.95),
            "max": max(timings),
            "hits": statistics.median(totals),
            "related_median": statistics.median(related),
            "related_p95": percentile(related, 0.95),
        }
        results.append(row)
        print(
            f"search ({len(queries)} queries, count + first page of {PAGE_SIZE}): "
            f"median {row['median']:.1f} ms, p95 {row['p95']:.1f} ms, max {row['max']:.1f} ms; "
            f"median matches {row['hits']:.0f}"
        )
        print(
            f"related stories ({len(related)} story pages): median {row['related_median']:.1f} ms,"
            f" p95 {row['related_p95']:.1f} ms"
        )

    print("\n| stories | search median | search p95 | related median | related p95 |")
    print("|---:|---:|---:|---:|---:|")
    for row in results:
        print(
            f"| {row['size']:,} | {row['median']:.1f} ms | {row['p95']:.1f} ms "
            f"| {row['related_median']:.1f} ms | {row['related_p95']:.1f} ms |"
        )


if __name__ == "__main__":
    main()
