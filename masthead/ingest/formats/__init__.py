"""One parser per foreign format; the CLI's ``masthead import FORMAT PATH`` looks them up here.

Every parser is ``parse(source, *, source_label=None, **options) -> ParseResult`` where
``source`` is a path or the file's bytes (see :mod:`masthead.ingest.records`).
"""

from __future__ import annotations

from collections.abc import Callable

from masthead.ingest.formats import ghost, ninjs, page, rss, wix_csv, wxr
from masthead.ingest.records import ParseResult

Parser = Callable[..., ParseResult]

FORMATS: dict[str, Parser] = {
    "ghost": ghost.parse,
    "ninjs": ninjs.parse,
    "page": page.parse,
    "rss": rss.parse,
    "wix-csv": wix_csv.parse,
    "wxr": wxr.parse,
}


def get_parser(name: str) -> Parser:
    try:
        return FORMATS[name]
    except KeyError:
        known = ", ".join(sorted(FORMATS))
        raise KeyError(f"unknown import format {name!r} (known: {known})") from None


__all__ = ["FORMATS", "Parser", "get_parser"]
