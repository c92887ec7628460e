from __future__ import annotations

from django.contrib.postgres.search import SearchVectorField
from django.db import models

from masthead.newsroom.models import Article


class StoryVector(models.Model):
    """A story's weighted full-text vector, stored for PostgreSQL's search.

    It lives in its own table rather than on Article so that story pages and listings never
    carry the vector, and so that rebuilding it never touches the story rows. On SQLite the
    table stays empty: the FTS5 table ``search_storytext`` (made by this app's migration) does
    the same job there. Its GIN index is made by the migration too, on PostgreSQL only, and it
    keeps the vectors in the table's own pages rather than in TOAST (see the migration).
    """

    article = models.OneToOneField(
        Article, on_delete=models.CASCADE, primary_key=True, related_name="search_vector"
    )
    vector = SearchVectorField(null=True)
    # A copy of the story's publication time, so that "matches these words and was published
    # around then" (related stories) combines two indexes of this one table.
    published_at = models.DateTimeField(null=True, db_index=True)

    class Meta:
        verbose_name = "story search vector"

    def __str__(self) -> str:
        return f"search vector of story {self.article_id}"
