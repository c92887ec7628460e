"""Related stories for a story page, from its own database in one query.

Candidates are live stories from around the same time that share a tag, share words of the
headline (full-text match) or share the section. They are scored 3 points a shared tag,
2 for similar words and 1 for the same section, and the latest of the best come first.
"""

from __future__ import annotations

from datetime import timedelta

from django.db.models import Case, Count, F, Q, Value, When

from masthead.newsroom.models import Article

from . import backends
from .query import any_of, keywords

RELATED_COUNT = 4
# Related stories come from a window around the story's date: it keeps the candidates few on
# a large archive, and news from years apart is seldom what a reader wants next.
WINDOW = timedelta(days=365)

# Words too common to say two English headlines are about the same thing.
STOP_WORDS = frozenset(
    (
        "about after again against also amid among back been before being could does during "
        "each even from have here into just last like more most much next only other over "
        "said says some still such than that their them then there these they this those "
        "through under until very were what when where which while will with would year "
        "years your"
    ).split()
)


def related_stories(article: Article, *, limit: int = RELATED_COUNT) -> list[Article]:
    """Up to ``limit`` live stories related to ``article``, most related first.

    Uses the story's prefetched tags, so it costs one query.
    """
    tag_ids = [tag.pk for tag in article.tags.all()]
    words = keywords(article.headline, stop_words=STOP_WORDS)
    candidates = Q(section_id=article.section_id)
    shared_tags = Value(0)
    similar = Value(0)
    if tag_ids:
        candidates |= Q(tags__in=tag_ids)
        shared_tags = Count("tags", filter=Q(tags__in=tag_ids), distinct=True)
    if words:
        matching = backends.current().matching_ids(any_of(words))
        candidates |= Q(pk__in=matching)
        similar = Case(When(pk__in=matching, then=Value(2)), default=Value(0))
    moment = article.published_at or article.created_at
    stories = (
        Article.objects.live()
        .exclude(pk=article.pk)
        .filter(candidates, published_at__gte=moment - WINDOW, published_at__lte=moment + WINDOW)
        .annotate(
            shared_tags=shared_tags,
            similar=similar,
            same_section=Case(When(section_id=article.section_id, then=Value(1)), default=Value(0)),
        )
        .annotate(score=F("shared_tags") * 3 + F("similar") + F("same_section"))
        .select_related("section")
        .only("headline", "slug", "published_at", "created_at", "section__slug", "section__name")
        .order_by("-score", "-published_at", "-pk")
    )
    return list(stories[:limit])
