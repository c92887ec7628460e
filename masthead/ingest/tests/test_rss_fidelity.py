"""Feeds as large news sites write them: tracking links, advertising items, credits repeated
per rendition, a thumbnail before the full picture, and bylines that already say "By"."""

from __future__ import annotations

import pytest

from masthead.ingest.formats import rss
from masthead.ingest.loader import load_records
from masthead.newsroom.models import Article

NEWS_FEED = b"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"
     xmlns:dc="http://purl.org/dc/elements/1.1/"
     xmlns:feedburner="http://rssnamespace.org/feedburner/ext/1.0">
  <channel>
    <title>The Lakeshore Ledger</title>
    <link>https://ledger.example/</link>
    <description>Regional news</description>
    <item>
      <title>Bridge inspection finds cracked bearings</title>
      <link>https://feeds.tracker.example/~r/ledger/~3/abc123/</link>
      <feedburner:origLink>https://ledger.example/2026/03/bridge-bearings</feedburner:origLink>
      <guid isPermaLink="false">ledger-5521</guid>
      <dc:creator>By Imani Okafor</dc:creator>
      <pubDate>Wed, 04 Mar 2026 07:15:00 GMT</pubDate>
      <description><![CDATA[<p>Engineers found cracks in two bearings.</p>]]></description>
      <media:content url="https://img.ledger.example/bridge-140.jpg" medium="image"
                     width="140" height="84">
        <media:description>Inspectors under the bridge on Tuesday.</media:description>
        <media:credit scheme="urn:ebu">Photograph: Tomas Berg</media:credit>
      </media:content>
      <media:content url="https://img.ledger.example/bridge-1600.jpg" medium="image"
                     width="1600" height="960">
        <media:description>Inspectors under the bridge on Tuesday.</media:description>
        <media:credit scheme="urn:ebu">Photograph: Tomas Berg</media:credit>
      </media:content>
    </item>
    <item>
      <title>Sponsored: Ten reasons to visit our showroom</title>
      <link>https://ledger.example/partner/showroom</link>
      <guid isPermaLink="false">ledger-ad-1</guid>
      <description>Buy now.</description>
    </item>
    <item>
      <title>Weekend sale at the mall</title>
      <link>https://ledger.example/partner/mall</link>
      <category>Advertisement</category>
      <guid isPermaLink="false">ledger-ad-2</guid>
      <description>Everything must go.</description>
    </item>
  </channel>
</rss>
"""


def test_origlink_beats_the_tracking_link() -> None:
    (story,) = rss.parse(NEWS_FEED).records
    assert story.original_url == "https://ledger.example/2026/03/bridge-bearings"
    assert story.slug == "bridge-bearings"


def test_advertising_items_are_skipped_and_counted() -> None:
    result = rss.parse(NEWS_FEED)
    assert [r.headline for r in result.records] == ["Bridge inspection finds cracked bearings"]
    assert len(result.skipped_items) == 2
    assert any("advertisement" in line for line in result.skipped_items)


def test_the_credit_is_never_doubled_and_the_largest_rendition_is_the_hero() -> None:
    (story,) = rss.parse(NEWS_FEED).records
    hero = story.photos[0]
    assert hero.url == "https://img.ledger.example/bridge-1600.jpg"
    assert hero.credit == "Tomas Berg"
    assert hero.caption == "Inspectors under the bridge on Tuesday."


def test_a_byline_that_says_by_is_not_doubled() -> None:
    (story,) = rss.parse(NEWS_FEED).records
    assert story.bylines == ["Imani Okafor"]


@pytest.mark.django_db
def test_the_skipped_advertising_shows_in_the_import_counts() -> None:
    from masthead.testing.factories import make_publication

    make_publication()
    result = rss.parse(NEWS_FEED)
    report = load_records(result.records, download_photos=False)
    report.add_parse_errors(result)
    assert (report.created, report.skipped, report.failed) == (1, 2, 0)
    assert Article.objects.get().byline_text in {"", "Imani Okafor"}
