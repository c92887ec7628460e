"""Body token F1 and headline/byline/date exact match of `page` import on bench/saved_pages/,
beside trafilatura alone on the same pages.

    MASTHEAD_ENV=test .venv/bin/python bench/extraction_f1.py
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

PAGES = Path(__file__).parent / "saved_pages"
_TOKEN_RE = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Score:
    name: str
    precision: float
    recall: float
    headline: bool
    byline: bool
    date: bool

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def tokens(text: str) -> Counter[str]:
    return Counter(t.casefold() for t in _TOKEN_RE.findall(text))


def precision_recall(found: str, expected: str) -> tuple[float, float]:
    got, want = tokens(found), tokens(expected)
    common = sum((got & want).values())
    return (common / sum(got.values()) if got else 0.0), (common / sum(want.values()) or 0.0)


def expected_pages() -> list[tuple[Path, dict[str, str]]]:
    return [
        (p, json.loads(p.with_suffix(".json").read_text())) for p in sorted(PAGES.glob("*.html"))
    ]


def score_page_import(path: Path, expected: dict[str, str]) -> Score:
    from masthead.ingest.formats import page
    from masthead.text import plain_text

    (story,) = page.parse(path).records
    body = plain_text(re.sub(r"</(p|h\d|li|blockquote)>", r"</\1>\n", story.body_html))
    precision, recall = precision_recall(body, expected["body"])
    return Score(
        path.stem, precision, recall, story.headline == expected["headline"],
        " and ".join(story.bylines) == expected["byline"],
        story.published is not None and story.published.date().isoformat() == expected["date"],
    )  # fmt: skip


def score_trafilatura(path: Path, expected: dict[str, str]) -> Score:
    import trafilatura

    html = path.read_text(encoding="utf-8")
    text = trafilatura.extract(html, deduplicate=False) or ""
    meta = trafilatura.extract_metadata(html)
    precision, recall = precision_recall(text, expected["body"])
    author = (meta.author or "").replace("; ", " and ") if meta else ""
    return Score(
        path.stem, precision, recall, bool(meta) and meta.title == expected["headline"],
        author == expected["byline"], bool(meta) and (meta.date or "")[:10] == expected["date"],
    )  # fmt: skip


def summary(scores: list[Score]) -> dict[str, float]:
    n = len(scores) or 1
    return {
        "precision": sum(s.precision for s in scores) / n,
        "recall": sum(s.recall for s in scores) / n,
        "f1": sum(s.f1 for s in scores) / n,
        "headline": sum(s.headline for s in scores) / n,
        "byline": sum(s.byline for s in scores) / n,
        "date": sum(s.date for s in scores) / n,
    }


def main() -> None:
    import django

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    import os

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "masthead.settings")
    django.setup()
    pages = expected_pages()
    ours = [score_page_import(p, e) for p, e in pages]
    theirs = [score_trafilatura(p, e) for p, e in pages]
    print(f"{'page':58} {'page F1':>8} {'H B D':>6} {'traf F1':>8} {'H B D':>6}")
    for a, b in zip(ours, theirs, strict=True):
        flags = lambda s: " ".join("y" if f else "-" for f in (s.headline, s.byline, s.date))  # noqa: E731
        print(f"{a.name[:58]:58} {a.f1:8.3f} {flags(a):>6} {b.f1:8.3f} {flags(b):>6}")
    for name, scores in (("page import", ours), ("trafilatura alone", theirs)):
        s = summary(scores)
        print(
            f"{name:18} {len(scores)} pages: F1 {s['f1']:.3f} (precision {s['precision']:.3f}, "
            f"recall {s['recall']:.3f}); headline {s['headline']:.0%}, byline {s['byline']:.0%}, "
            f"date {s['date']:.0%}"
        )


if __name__ == "__main__":
    main()
