"""Ghost exports of every generation: 0.x integer ids and epoch dates, 1.x mobiledoc, 5.x
lexical with members-only visibility."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from masthead.ingest.formats import ghost


def export(data: dict, *, wrapped: bool = True) -> bytes:
    body = {"meta": {"exported_on": 1489000000000, "version": data.pop("_version")}, "data": data}
    return json.dumps({"db": [body]} if wrapped else body).encode()


def ghost_0_11(*, wrapped: bool = True) -> bytes:
    return export(
        {
            "_version": "011",
            "posts": [
                {"id": 1, "uuid": "5f1c", "title": "Harbour wall repaired", "slug": "harbour-wall",
                 "markdown": "The wall *held*.\n\n![](/content/images/2016/03/wall.jpg)",
                 "html": "<p>The wall <em>held</em>.</p><p><img src=\"/content/images/2016/03/"
                         "wall.jpg\"></p>",
                 "image": "/content/images/2016/03/hero.jpg", "featured": 0, "page": 0,
                 "status": "published", "language": "en_US", "meta_title": None,
                 "meta_description": "Crews finished a week early.", "author_id": 1,
                 "created_at": 1457000000000, "published_at": 1457100000000,
                 "updated_at": "2016-03-05T10:00:00.000Z"},
                {"id": 2, "uuid": "77aa", "title": "About us", "slug": "about",
                 "markdown": "We cover the *harbour*.", "html": None, "image": None,
                 "page": 1, "status": "published", "author_id": 2,
                 "published_at": "2016-01-01 09:30:00", "updated_at": 1451640600000},
            ],
            "tags": [{"id": 1, "name": "Harbour", "slug": "harbour"}],
            "posts_tags": [{"id": 1, "post_id": 1, "tag_id": 1}],
            "users": [{"id": 1, "name": "Ann Lee", "slug": "ann"},
                      {"id": 2, "name": "Bo Chen", "slug": "bo"}],
            "settings": [{"id": 3, "key": "url", "value": "https://old.harbour.example"},
                         {"id": 4, "key": "password", "value": "s3cret-setting"}],
        },
        wrapped=wrapped,
    )  # fmt: skip


def test_ghost_0_11_posts_with_integer_ids_all_import() -> None:
    for wrapped in (True, False):
        result = ghost.parse(ghost_0_11(wrapped=wrapped))
        assert result.errors == []
        post, page = result.records
        assert (post.source_id, page.source_id) == ("1", "2")
        assert post.writer == "Ann Lee" and page.writer == "Bo Chen"
        assert post.tags == ["Harbour"] and post.section == "Harbour"
        assert (post.kind, page.kind) == ("post", "page")


def test_ghost_0_11_dates_epoch_and_iso() -> None:
    post, page = ghost.parse(ghost_0_11()).records
    assert post.published == datetime.fromtimestamp(1457100000, tz=UTC)
    assert post.updated == datetime(2016, 3, 5, 10, 0, tzinfo=UTC)
    assert page.published == datetime(2016, 1, 1, 9, 30, tzinfo=UTC)
    assert page.updated == datetime.fromtimestamp(1451640600, tz=UTC)


def test_ghost_0_11_image_is_the_hero_and_relative_images_use_the_site_setting() -> None:
    post, page = ghost.parse(ghost_0_11()).records
    assert [p.url for p in post.photos] == [
        "https://old.harbour.example/content/images/2016/03/hero.jpg"
    ]
    assert 'src="https://old.harbour.example/content/images/2016/03/wall.jpg"' in post.body_html
    assert post.dek == "Crews finished a week early."
    # no html: the 0.x markdown is the body
    assert page.body_html == "<p>We cover the <em>harbour</em>.</p>"
    assert "s3cret-setting" not in repr(ghost.parse(ghost_0_11()))


def test_site_url_option_wins_over_the_export_setting() -> None:
    post, _page = ghost.parse(ghost_0_11(), site_url="https://new.example").records
    assert post.photos[0].url == "https://new.example/content/images/2016/03/hero.jpg"


def test_relative_images_without_any_site_address_are_warned_about() -> None:
    data = json.loads(ghost_0_11())
    data["db"][0]["data"]["settings"] = []
    result = ghost.parse(json.dumps(data).encode())
    assert any("--site-url" in w for w in result.warnings)


MOBILEDOC = {
    "version": "0.3.1", "atoms": [], "markups": [["a", ["href", "https://example.org"]]],
    "cards": [["embed", {"url": "https://www.youtube.com/watch?v=abc123XYZ",
                         "html": "<iframe src=\"https://www.youtube.com/embed/abc123XYZ\" "
                                 "title=\"Tide\"></iframe>", "type": "video"}]],
    "sections": [[1, "p", [[0, [], 0, "Read "], [0, [0], 1, "this"]]], [10, 0]],
}  # fmt: skip


def test_ghost_1_mobiledoc_with_embed_card_and_string_ids() -> None:
    data = export({
        "_version": "1.25.0",
        "posts": [{"id": "5a1b2c3d4e5f60718293a4b5", "title": "Tide", "slug": "tide",
                   "mobiledoc": json.dumps(MOBILEDOC), "html": None, "page": False,
                   "feature_image": "https://cdn.example/tide.jpg", "status": "published",
                   "author_id": "1", "published_at": "2018-02-01T08:00:00.000Z"}],
        "users": [{"id": "1", "name": "Cy Park"}],
    })  # fmt: skip
    (post,) = ghost.parse(data).records
    assert post.writer == "Cy Park" and post.kind == "post"
    assert '<a href="https://example.org" rel="noopener noreferrer">this</a>' in post.body_html
    assert (
        '<figure class="embed embed--youtube"><a href="https://www.youtube.com/watch?v=abc123XYZ"'
        in post.body_html
    )


def lexical(*children: dict) -> str:
    return json.dumps({"root": {"type": "root", "children": list(children)}})


def test_ghost_5_lexical_embed_card_without_html_keeps_its_url() -> None:
    node = {"type": "embed", "url": "https://open.spotify.com/episode/9xyz", "html": "",
            "embedType": "rich"}  # fmt: skip
    data = export({"_version": "5.80.0", "posts": [
        {"id": "b" * 24, "title": "Podcast", "slug": "pod", "html": None, "lexical": lexical(node),
         "status": "published"}]})  # fmt: skip
    (post,) = ghost.parse(data).records
    assert post.body_html.startswith(
        '<figure class="embed embed--spotify"><a href="https://open.spotify.com/episode/9xyz"'
    )


def test_ghost_5_members_and_paid_posts_never_become_public() -> None:
    text = {"type": "paragraph", "children": [{"type": "text", "text": "Members read this."}]}
    posts = [
        {"id": f"6{n:023d}", "title": f"Post {visibility}", "slug": f"p-{n}", "html": None,
         "lexical": lexical(text), "type": "post", "status": "published",
         "visibility": visibility, "email_only": False, "published_at": "2024-05-01T08:00:00Z"}
        for n, visibility in enumerate(["public", "members", "paid", "tiers"])
    ] + [{"id": "7" * 24, "title": "Newsletter", "slug": "nl", "html": "<p>x</p>",
          "status": "published", "visibility": "public", "email_only": True}]  # fmt: skip
    result = ghost.parse(export({"_version": "5.80.0", "posts": posts}))
    assert result.errors == []
    statuses = [r.status for r in result.records]
    assert statuses == ["published", "private", "private", "private", "private"]
    assert result.records[1].body_html == "<p>Members read this.</p>"
    assert sum("imported unpublished" in w for w in result.warnings) == 4


def test_ghost_5_feature_image_caption_credit_and_ghost_url() -> None:
    data = export({
        "_version": "5.80.0",
        "posts": [{"id": "a" * 24, "title": "Fog", "slug": "fog", "type": "page",
                   "html": '<p><img src="__GHOST_URL__/content/images/fog.jpg"></p>',
                   "feature_image": "__GHOST_URL__/content/images/hero.jpg",
                   "status": "published", "visibility": "public"}],
        "posts_meta": [{"post_id": "a" * 24, "feature_image_alt": "Fog over the pier",
                        "feature_image_caption": 'Morning fog. Photo by <a href="https://'
                        'unsplash.com/@jr">Jane Roe</a> on <a href="https://unsplash.com">'
                        "Unsplash</a>"}],
    })  # fmt: skip
    (page,) = ghost.parse(data, site_url="https://fog.example/").records
    assert page.kind == "page"
    photo = page.photos[0]
    assert photo.url == "https://fog.example/content/images/hero.jpg"
    assert (photo.caption, photo.credit) == ("Morning fog.", "Jane Roe/Unsplash")
    assert (photo.photographer, photo.agency, photo.alt) == (
        "Jane Roe",
        "Unsplash",
        "Fog over the pier",
    )
    assert 'src="https://fog.example/content/images/fog.jpg"' in page.body_html


@pytest.mark.django_db
def test_an_import_where_every_item_fails_exits_with_an_error(tmp_path) -> None:
    from masthead.testing.factories import make_publication

    make_publication()
    path = tmp_path / "broken.json"
    path.write_text(json.dumps({"db": [{"meta": {}, "data": {"posts": [
        {"title": "No id one"}, {"title": "No id two"}]}}]}))  # fmt: skip
    with pytest.raises(CommandError, match="All 2 item"):
        call_command("import", "ghost", str(path), stdout=StringIO(), stderr=StringIO())


@pytest.mark.django_db
def test_ghost_0_11_export_end_to_end_pages_apart_members_unpublished(tmp_path) -> None:
    from masthead.ingest.loader import PAGES_SECTION
    from masthead.ingest.models import ImportedItem
    from masthead.newsroom.models import Article
    from masthead.testing.factories import make_publication

    make_publication()
    data = json.loads(ghost_0_11())
    data["db"][0]["data"]["posts"].append(
        {"id": 3, "title": "Members briefing", "slug": "briefing", "html": "<p>For members.</p>",
         "status": "published", "visibility": "paid", "published_at": 1457200000000}
    )  # fmt: skip
    path = tmp_path / "ghost-0.11.json"
    path.write_text(json.dumps(data))
    out, err = StringIO(), StringIO()
    call_command("import", "ghost", str(path), "--no-download", stdout=out, stderr=err)
    assert "3 created" in out.getvalue() and "0 failed" in out.getvalue()
    article = {i.source_id: i.article for i in ImportedItem.objects.select_related("article")}
    assert article["2"].section.name == PAGES_SECTION != article["1"].section.name
    assert article["1"].status == Article.Status.PUBLISHED
    assert article["3"].status == Article.Status.UNPUBLISHED
    assert "post 3 is for paid in Ghost: imported unpublished" in err.getvalue()
