"""Write the saved pages bench/extraction_f1.py scores: invented stories in the shapes of real
news sites and hosted blog builders, with the chrome each shape carries. Run it again after
editing; the .html and .json files it writes are committed."""

from __future__ import annotations

import json
from html import escape
from pathlib import Path

HERE = Path(__file__).parent

STORIES = [
    {
        "slug": "ferry-returns-after-late-thaw",
        "headline": "Ferry returns to the island after a late thaw",
        "byline": "Tomas Reyes",
        "date": "2026-03-05",
        "body": [
            "The island ferry made its first crossing of the season on Thursday, two weeks "
            "later than planned because ice had lingered in the harbour mouth.",
            "\u201cWe waited for the channel to clear, and it cleared,\u201d the harbourmaster "
            "said as the first cars rolled off the ramp.",
            "Sixty-one passengers and nine cars made the trip, and the return sailing was full "
            "before it left the pier.",
            "Shop owners on the island said the late start had cost them most of a month of "
            "deliveries, which came by the mail boat instead.",
            "The timetable runs four crossings a day until the end of May, then six through "
            "the summer.",
        ],
    },
    {
        "slug": "school-board-delays-vote-on-bus-routes",
        "headline": "School board delays vote on new bus routes",
        "byline": "Priya Natarajan",
        "date": "2025-11-18",
        "body": [
            "The county school board put off a vote on redrawn bus routes on Monday night after "
            "more than forty parents asked to speak.",
            "The plan would merge three rural routes into two and move the first pickup of the "
            "day twenty minutes earlier for some children.",
            "Several parents said their children would stand at unlit roadsides before sunrise "
            "for most of the winter.",
            "The transport director said the district is short of six drivers and cannot fill "
            "the routes it has.",
            "The board will take up the plan again at its December meeting, with a public "
            "session on the routes beforehand.",
        ],
    },
    {
        "slug": "orchard-growers-count-frost-damage",
        "headline": "Orchard growers count the cost of an April frost",
        "byline": "Hanne Lindqvist and Owen Mbeki",
        "date": "2024-04-22",
        "body": [
            "Apple growers in the valley are still walking their rows a week after two nights "
            "of hard frost caught the trees in full blossom.",
            "Early counts suggest that half of the blossom on low-lying orchards was killed, "
            "though trees on the slopes fared better.",
            "One grower said he had run his frost fans all night and still found brown centres "
            "in most of the flowers by morning.",
            "The growers\u2019 association has asked the state for an assessment so that "
            "members can apply for disaster relief.",
            "Cherries, which flowered earlier, were mostly past the stage at which frost does "
            "the worst damage.",
        ],
    },
]

NAV = """<header class="site-header"><a class="skip-link" href="#main">Skip to content</a>
<a href="/" class="logo"><img src="/logo.svg" alt="The Valley Courier"></a>
<nav><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li>
<li><a href="/opinion">Opinion</a></li><li><a href="/obituaries">Obituaries</a></li></ul></nav>
<form role="search" action="/search"><label>Search <input name="q"></label>
<button>Search</button></form></header>"""
COOKIES = """<div id="cookie-banner"><p>We use cookies to understand how you use our site and
to improve your experience. By continuing you accept our use of cookies.</p>
<button>Accept all</button><button>Manage choices</button></div>"""
NEWSLETTER = """<div class="newsletter-box"><h3>Get the morning briefing</h3><p>The day's top
stories from the valley in your inbox every morning at six.</p><form><input type="email"
placeholder="Email address"><button>Sign up</button></form></div>"""
RELATED = """<section class="related-stories"><h2>Related stories</h2><ul>
<li><a href="/news/library-hours">Library extends its weekend hours</a></li>
<li><a href="/news/pier-vote">Council votes to rebuild the old pier</a></li>
<li><a href="/news/bridge">Bridge closes for two nights of repairs</a></li></ul></section>"""
WEATHER = """<div class="weather-promo"><p>Loading weather data ...</p></div>"""
COMMENTS = """<section id="comments"><h2>3 Comments</h2><div class="comment"><p>Marta K.
</p><p>About time too. We have been waiting for this since the winter began.</p></div>
<form><textarea name="comment"></textarea><button>Post comment</button></form></section>"""
FOOTER = """<footer><p>\u00a9 2026 The Valley Courier. All rights reserved.</p><ul><li>
<a href="/about">About us</a></li><li><a href="/privacy">Privacy policy</a></li><li>
<a href="/contact">Contact the newsroom</a></li></ul></footer>"""
READ_MORE = """<div class="read-more"><h3>Read more</h3><p><a href="/news/harbour">Harbour
dredging to start in June after years of delay</a></p></div>"""
SIDEBAR = """<aside class="sidebar"><h2>Most read</h2><ol><li><a href="/a">Fire station gets a
new engine</a></li><li><a href="/b">Market hall reopens after renovation</a></li></ol></aside>"""
SHARE = """<div class="share-buttons"><a href="https://facebook.example/share">Share on
Facebook</a> <a href="https://x.example/intent">Post on X</a> <a href="#">Copy link</a></div>"""


def paragraphs(story: dict, dateline: str = "") -> str:
    body = [f"<p>{escape(p, quote=False)}</p>" for p in story["body"]]
    if dateline:
        body[0] = f"<p>{dateline} \u2014 {escape(story['body'][0], quote=False)}</p>"
    return "\n".join(body)


def printed(date: str) -> str:
    months = ["January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December"]  # fmt: skip
    year, month, day = date.split("-")
    return f"{months[int(month) - 1]} {int(day)}, {year}"


def json_ld(story: dict, url: str) -> str:
    authors = [{"@type": "Person", "name": n} for n in story["byline"].split(" and ")]
    data = {
        "@context": "https://schema.org", "@type": "NewsArticle", "headline": story["headline"],
        "datePublished": story["date"] + "T07:30:00-05:00", "author": authors, "url": url,
        "image": {"@type": "ImageObject", "url": f"https://cdn.valley.example/{story['slug']}.jpg"},
        "publisher": {"@type": "Organization", "name": "The Valley Courier"},
    }  # fmt: skip
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def news_json_ld(story: dict) -> str:
    url = f"https://www.valley.example/news/{story['slug']}.html"
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>{story["headline"]} | The Valley Courier</title>
<link rel="canonical" href="/news/{story["slug"]}.html">
<meta property="og:url" content="{url}"><meta property="og:title" content="{story["headline"]}">
{json_ld(story, url)}</head><body>{NAV}{COOKIES}<main id="main"><article>
<h1>{story["headline"]}</h1><p class="byline">By {story["byline"]}</p>
<time datetime="{story["date"]}">{printed(story["date"])}</time>
<figure><img src="https://cdn.valley.example/{story["slug"]}.jpg" alt="The scene">
<figcaption>The scene on the day. (Dana Holt/Valley Courier)</figcaption></figure>
{paragraphs(story)[: paragraphs(story).index("</p>") + 4]}{NEWSLETTER}
{paragraphs(story)[paragraphs(story).index("</p>") + 4 :]}{SHARE}</article>{RELATED}
</main>{SIDEBAR}{FOOTER}</body></html>"""


def microdata(story: dict) -> str:
    authors = "".join(
        f'<span itemprop="author" itemscope itemtype="https://schema.org/Person">'
        f'<span itemprop="name">{n}</span></span> '
        for n in story["byline"].split(" and ")
    )
    return f"""<!doctype html><html><head><meta charset="utf-8"><title>{story["headline"]}</title>
<meta property="og:image" content="https://img.ridge.example/{story["slug"]}-1600.jpg">
</head><body>{NAV}<div class="layout"><article itemscope itemtype="https://schema.org/NewsArticle">
<h1 itemprop="headline">{story["headline"]}</h1><div class="article-meta">{authors}
<meta itemprop="datePublished" content="{story["date"]}T09:00:00Z">
<span>{printed(story["date"])}</span></div>{WEATHER}
<div itemprop="articleBody">{paragraphs(story)}</div></article>{SIDEBAR}</div>
{COMMENTS}{FOOTER}</body></html>"""


def parsely(story: dict) -> str:
    first_author = story["byline"].split(" and ")
    meta_authors = "".join(f'<meta name="parsely-author" content="{n}">' for n in first_author)
    dateline = f"RIVERTON, {printed(story['date'])}"
    return f"""<!doctype html><html><head><meta charset="utf-8"><title>{story["headline"]}</title>
<meta name="parsely-title" content="{story["headline"]}">
<meta name="parsely-pub-date" content="{story["date"]}T12:00:00Z">{meta_authors}
<meta property="og:url" content="https://riverton.example/{story["date"][:4]}/{story["slug"]}/">
<meta property="og:image" content="https://riverton.example/images/{story["slug"]}.jpg">
</head><body>{NAV}<div id="content"><div class="story"><h1>{story["headline"]}</h1>
<p class="dateline">{dateline}</p><h2>{story["headline"]}</h2>
{paragraphs(story, dateline)}{READ_MORE}</div></div>{FOOTER}</body></html>"""


def blog_builder(story: dict) -> str:
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{story["headline"]}</title>
<meta property="og:title" content="{story["headline"]}">
<meta property="og:url" content="https://www.harborpaper.example/post/{story["slug"]}">
<meta property="og:image" content="https://static.blog.example/media/{story["slug"]}~mv2.jpg">
<meta property="article:published_time" content="{story["date"]}T10:00:00.000Z">
<meta name="author" content="{story["byline"]}"></head><body>
<a href="#content">top of page</a><header><a href="/"><span></span></a><nav><a href="/blog">Blog
</a> <a href="/about">About</a> <a href="/login">Log in</a></nav></header>
<main><div class="post-wrapper"><h1>{story["headline"]}</h1><ul class="post-meta"><li>Writer: The
Harbor Paper</li><li>{printed(story["date"])}</li><li>3 min read</li></ul>
<a href="/post/{story["slug"]}"></a><div class="image-wrapper"><img
src="https://static.blog.example/media/{story["slug"]}~mv2.jpg/v1/fill/w_40,blur_2/x.jpg"
class="blur-placeholder" alt=""></div><div id="content" class="post-content">
<p>By {story["byline"]}</p>{paragraphs(story)}</div>
<div class="post-footer"><span>12 views</span><span>0 comments</span><a href="#">Like</a></div>
</div><section class="recent-posts"><h2>Recent Posts</h2><a href="/blog">See All</a>
<a href="/post/x">Library extends weekend hours</a></section>{COMMENTS}</main>
<a href="#top">bottom of page</a></body></html>"""


def parsely_json(story: dict) -> str:
    metadata = json.dumps({"pub_date": story["date"] + "T06:00:00Z",
                           "authors": story["byline"].split(" and ")})  # fmt: skip
    return f"""<!doctype html><html><head><meta charset="utf-8"><title>{story["headline"]}</title>
<meta name="parsely-metadata" content='{escape(metadata)}'>
<link rel="canonical" href="https://metro.example/story/{story["slug"]}/index.html">
</head><body>{NAV}{COOKIES}<article><header><h1>{story["headline"]}</h1>
<p>By <a rel="author" href="/staff/x">{story["byline"]}</a> |
<time datetime="{story["date"]}T06:00:00Z">{printed(story["date"])}</time></p></header>
<picture><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" class="lazy"
data-srcset="https://metro.example/img/{story["slug"]}-480.jpg 480w,
https://metro.example/img/{story["slug"]}-1920.jpg 1920w" alt="A photo"></picture>
{paragraphs(story)}{READ_MORE}{SHARE}</article>{RELATED}{FOOTER}</body></html>"""


def dateline_only(story: dict) -> str:
    return f"""<!doctype html><html><head><meta charset="utf-8"><title>{story["headline"]}</title>
<meta name="author" content="{story["byline"]}"></head><body>{COOKIES}{NAV}
<div class="main-column"><h1>{story["headline"]}</h1><p><em>Published {printed(story["date"])}
</em></p>{paragraphs(story)}{NEWSLETTER}{WEATHER}</div>{SIDEBAR}{FOOTER}</body></html>"""


SHAPES = [news_json_ld, microdata, parsely, blog_builder, parsely_json, dateline_only]


def main() -> None:
    for shape in SHAPES:
        for story in STORIES:
            stem = f"{shape.__name__.replace('_', '-')}-{story['slug']}"
            (HERE / f"{stem}.html").write_text(shape(story), encoding="utf-8")
            expected = {key: story[key] for key in ("headline", "byline", "date")}
            expected["body"] = "\n\n".join(story["body"])
            (HERE / f"{stem}.json").write_text(json.dumps(expected, indent=1) + "\n")


if __name__ == "__main__":
    main()
