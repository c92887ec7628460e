"""The search index: a stored tsvector with a GIN index on PostgreSQL, an FTS5 table on SQLite.

The engine-specific objects are made by RunPython steps that look at the connection, so one
migration serves both databases. The index is filled after ``migrate`` (see signals.py) and
rebuilt at any time with ``masthead rebuild_search_index``.
"""

import django.contrib.postgres.search
import django.db.models.deletion
from django.db import migrations, models

# Columns of the FTS5 table, in this order: bm25() weights and snippet() column numbers in
# masthead/search/backends/sqlite.py depend on it.
FTS5_TABLE = """
CREATE VIRTUAL TABLE IF NOT EXISTS search_storytext USING fts5(
    headline, dek, bylines, body, tags,
    tokenize = 'porter unicode61 remove_diacritics 2'
)
"""


def create_engine_objects(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS search_storyvector_vector_gin "
            "ON search_storyvector USING gin (vector)"
        )
        # Vectors stay (compressed) in the table's own pages, not in TOAST. The planner does
        # not count the cost of fetching a value from TOAST: with vectors there the table
        # looked tiny, and it scanned every vector for a rare word instead of using the index
        # (200 ms instead of 2 ms at 100,000 stories). Ranking reads each vector, faster too.
        schema_editor.execute(
            "ALTER TABLE search_storyvector ALTER COLUMN vector SET STORAGE MAIN, "
            "SET (toast_tuple_target = 8160)"
        )
    elif vendor == "sqlite":
        schema_editor.execute(FTS5_TABLE)


def drop_engine_objects(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS search_storyvector_vector_gin")
    elif vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS search_storytext")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("newsroom", "0006_distribution_settings"),
    ]

    operations = [
        migrations.CreateModel(
            name="StoryVector",
            fields=[
                (
                    "article",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="search_vector",
                        serialize=False,
                        to="newsroom.article",
                    ),
                ),
                ("vector", django.contrib.postgres.search.SearchVectorField(null=True)),
                ("published_at", models.DateTimeField(db_index=True, null=True)),
            ],
            options={"verbose_name": "story search vector"},
        ),
        migrations.RunPython(create_engine_objects, drop_engine_objects),
    ]
