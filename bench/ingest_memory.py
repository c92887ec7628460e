"""How much memory a large WordPress import takes: generated exports of N posts, imported
through the real command path (``open_source`` + ``load_records``) into a fresh SQLite
database, with Python's peak traced by tracemalloc and the process's peak RSS (which also
counts libxml2's own allocations) from getrusage.

    .venv/bin/python bench/ingest_memory.py                 # 1,000 and 5,000 posts
    .venv/bin/python bench/ingest_memory.py --items 5000    # one size, in this process

Bounded memory means the peak stays nearly flat as the export grows five-fold. Not a test:
figures depend on the machine; see the report for the ones measured.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PARAGRAPH = (
    "The harbor commission met on Tuesday evening and heard three hours of comment on the "
    "dredging plan, which would deepen the channel by two metres before the autumn storms. "
)


def write_export(path: Path, items: int) -> None:
    """An invented WXR export with ``items`` posts, each with tags, two comments and a body
    of about 600 words, written item by item so the generator itself stays small."""
    with path.open("w", encoding="utf-8") as out:
        out.write(
            '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
            'xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n'
            "<title>Bench Gazette</title><link>https://bench.example.org</link>\n"
            "<wp:wxr_version>1.2</wp:wxr_version>\n"
            "<wp:author><wp:author_login>desk</wp:author_login>"
            "<wp:author_display_name>Bench Desk</wp:author_display_name></wp:author>\n"
        )
        body = "\n\n".join([PARAGRAPH * 3] * 5)
        for n in range(1, items + 1):
            day = 1 + n % 28
            out.write(
                f"<item><title>Harbor story number {n}</title>"
                f"<link>https://bench.example.org/2024/03/story-{n}/</link>"
                "<dc:creator>desk</dc:creator>"
                f"<content:encoded><![CDATA[{body}]]></content:encoded>"
                f"<wp:post_id>{n}</wp:post_id>"
                f"<wp:post_date_gmt>2024-03-{day:02d} 10:00:00</wp:post_date_gmt>"
                f"<wp:post_name>story-{n}</wp:post_name>"
                "<wp:status>publish</wp:status><wp:post_type>post</wp:post_type>"
                f'<category domain="category" nicename="s{n % 7}">Section {n % 7}</category>'
                f'<category domain="post_tag" nicename="t{n % 50}">topic {n % 50}</category>'
                + "".join(
                    f"<wp:comment><wp:comment_id>{n * 10 + c}</wp:comment_id>"
                    f"<wp:comment_author>Reader {c}</wp:comment_author>"
                    "<wp:comment_date_gmt>2024-03-02 10:00:00</wp:comment_date_gmt>"
                    "<wp:comment_content>Thanks for this.</wp:comment_content>"
                    "<wp:comment_approved>1</wp:comment_approved>"
                    f"<wp:comment_parent>{n * 10 if c == 2 else 0}</wp:comment_parent>"
                    "</wp:comment>"
                    for c in (1, 2)
                )
                + "</item>\n"
            )
        out.write("</channel>\n</rss>\n")


def measure(items: int) -> dict:
    """Import a fresh export of ``items`` posts in this process; return the figures."""
    workdir = Path(tempfile.mkdtemp(prefix="masthead-bench-"))
    os.environ.update(MASTHEAD_ENV="development", MASTHEAD_DATA_DIR=str(workdir))
    os.environ.pop("DATABASE_URL", None)
    sys.path.insert(0, str(ROOT))
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "masthead.settings")
    django.setup()
    from django.core.management import call_command

    from masthead.ingest.loader import load_records
    from masthead.ingest.sources import open_source
    from masthead.newsroom.models import Article

    call_command("migrate", verbosity=0)
    export = workdir / "export.xml"
    write_export(export, items)

    tracemalloc.start()
    started = time.perf_counter()
    opened = open_source("wxr", str(export))
    report = load_records(opened.records, download_photos=False)
    seconds = time.perf_counter() - started
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert report.created == items == Article.objects.count(), report.summary()
    export_mb = round(export.stat().st_size / 2**20, 1)
    shutil.rmtree(workdir, ignore_errors=True)
    return {
        "items": items,
        "export_mb": export_mb,
        "python_peak_mb": round(peak / 2**20, 1),
        "max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "seconds_with_tracemalloc": round(seconds, 1),
        "report": report.summary(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=int, help="measure one size in this process")
    parser.add_argument("--sizes", default="1000,5000", help="sizes to compare (subprocesses)")
    args = parser.parse_args()
    if args.items:
        print(json.dumps(measure(args.items)))
        return
    for size in (int(s) for s in args.sizes.split(",")):
        # One process per size, so each peak RSS is its own.
        result = subprocess.run(
            [sys.executable, __file__, "--items", str(size)],
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode:
            sys.exit(f"{size} items failed:\n{result.stderr[-3000:]}")
        print(result.stdout.strip().splitlines()[-1])


if __name__ == "__main__":
    main()
