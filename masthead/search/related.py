"""Related stories for a story page, from its own database in one query.

Candidates are live stories from around the same time that share a tag or two words of the
headline (a full-text match), and the section's stories of the weeks around. They score
3 points a shared tag, 2 for similar words and 1 for the same section, and the latest of the
best come first. Each source of candidates is an index lookup bounded in time, so the cost
follows the number of stories around that time, not the size of the archive.
"""

from __future__ import annotations

from datetime import timedelta

from django.db.models import Case, Count, F, IntegerField, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce

from masthead.newsroom.models import Article
from masthead.newsroom.querysets import LINK_FIELDS

from . import backends
from .query import any_two_of, keywords

RELATED_COUNT = 4
# Distinctive headline words looked for in other stories (any two of them: 6 pairs at most).
KEYWORDS = 4
# Related stories come from a window around the story's date: it keeps the candidates few on
# a large archive, and news from years apart is seldom what a reader wants next.
WINDOW = timedelta(days=180)
# Stories sharing only words come from the months around, and stories sharing only the
# section from the weeks around: weaker links, so kept closer in time.
WORDS_WINDOW = timedelta(days=60)
SECTION_WINDOW = timedelta(days=14)

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

    The desk's picks (``related_picks``) come first. Uses the story's prefetched tags, so it
    costs one query.
    """
    tag_ids = [tag.pk for tag in article.tags.all()]
    # The longest words of the headline: longer words are rarer, so more telling and cheaper
    # to look up.
    words = sorted(keywords(article.headline, stop_words=STOP_WORDS), key=len, reverse=True)
    words = words[:KEYWORDS]
    moment = article.published_at or article.created_at
    span = (moment - WINDOW, moment + WINDOW)
    # Each source of candidates is an index lookup bounded by the window; their union is the
    # candidate set, so the outer query reads only those stories.
    sources = [
        Article.objects.filter(
            section_id=article.section_id,
            published_at__range=(moment - SECTION_WINDOW, moment + SECTION_WINDOW),
        )
        .order_by()
        .values("pk")
    ]
    shared_tags = Value(0)
    similar = Value(0)
    if tag_ids:
        tagged = Article.tags.through.objects.filter(tag_id__in=tag_ids)
        sources.append(tagged.order_by().values("article_id"))
        shared_tags = Coalesce(
            Subquery(
                tagged.filter(article_id=OuterRef("pk"))
                .order_by()
                .values("article_id")
                .annotate(shared=Count("tag_id"))
                .values("shared")[:1],
                output_field=IntegerField(),
            ),
            0,
        )
    if words:
        engine, query = backends.current(), any_two_of(words)
        sources.append(
            engine.matching_ids(
                query,
                published=(moment - WORDS_WINDOW, moment + WORDS_WINDOW),
                language=article.language,
            )
        )
        similar = Case(
            When(engine.matches_story(query, article.language), then=Value(2)), default=Value(0)
        )
    # The desk's own picks come first, from whenever they were published.
    picks = (
        Article.related_picks.through.objects.filter(from_article_id=article.pk)
        .order_by()
        .values("to_article_id")
    )
    sources.append(picks)
    candidates = sources[0].union(*sources[1:])
    stories = (
        Article.objects.live()
        .in_language(article.language)
        .exclude(pk=article.pk)
        .filter(pk__in=candidates)
        .filter(Q(published_at__range=span) | Q(pk__in=picks))
        # alias(), not annotate(): each part is computed once, for the ordering only.
        .alias(
            picked=Case(When(pk__in=picks, then=Value(1)), default=Value(0)),
            shared_tags=shared_tags,
            similar=similar,
            same_section=Case(When(section_id=article.section_id, then=Value(1)), default=Value(0)),
        )
        .alias(score=F("shared_tags") * 3 + F("similar") + F("same_section"))
        .select_related("section")
        .only(*LINK_FIELDS, "section__name")
        .order_by("-picked", "-score", "-published_at", "-pk")
    )
    return list(stories[:limit])
