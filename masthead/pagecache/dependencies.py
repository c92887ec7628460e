"""What a reader page shows, in dependency names (see :mod:`.versions`)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from django.http import HttpRequest

# Lists that a story appears in besides its section's, tags' and authors' lists.
SITE_LISTS = ("list:home", "list:archive", "list:search")


def depends(request: HttpRequest, *names: str, modified: datetime | None = None) -> None:
    """Record that the page being made for ``request`` shows ``names``; ``modified`` is when
    its content last changed (for Last-Modified). Only pages that call this are ever stored
    in the page cache or sent as public: a new view stays private until it says what it shows."""
    deps: set[str] = request.__dict__.setdefault("page_dependencies", {"site"})
    deps.update(names)
    if modified is not None:
        earlier = getattr(request, "page_modified", None)
        if earlier is None or modified > earlier:
            request.page_modified = modified


def story_page_dependencies(article) -> list[str]:
    """A story page: the story, the other stories it lists, and the names it shows of its tags
    and authors (uses the story page's prefetched tags and bylines)."""
    names = ["stories", f"story:{article.pk}"]
    names += [f"tag-name:{tag.pk}" for tag in article.tags.all()]
    author_ids = {author.pk for author in article.byline_authors}
    if article.writer_id:
        author_ids.add(article.writer_id)
    names += [f"author-name:{pk}" for pk in sorted(author_ids)]
    return names


def story_lists(
    *,
    section_ids: Iterable[int | None],
    tag_ids: Iterable[int],
    author_ids: Iterable[int],
    feeds: bool = True,
) -> set[str]:
    """Every list (and, with ``feeds``, every feed) that shows a story of these sections, tags
    and authors."""
    names = set(SITE_LISTS)
    kinds = (("section", section_ids), ("tag", tag_ids), ("author", author_ids))
    for kind, ids in kinds:
        for pk in ids:
            if pk is None:
                continue
            names.add(f"list:{kind}:{pk}")
            if feeds:
                names.add(f"feed:{kind}:{pk}")
    if feeds:
        names.add("feed:site")
    return names
