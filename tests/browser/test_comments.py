"""Readers' comments in a real headless Chromium: posting with JavaScript off and on, replies,
errors with the text kept, hostile comments that must stay text, the rate limit, and the
moderation queue. Screenshots go to test-artifacts/comments-*.png."""

from __future__ import annotations

import re
import time

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

from masthead.comments import spam
from masthead.comments.models import Comment
from masthead.comments.services import comment_approve, comments_moderate
from masthead.newsroom.models import Publication

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}

# Each one sets window.__pwned or opens a dialog if it ever runs.
HOSTILE = [
    "<script>alert('script tag')</script>",
    "<img src=x onerror=\"alert('img onerror');window.__pwned=1\">",
    "<svg onload=alert('svg onload')>",
    "<a href=\"javascript:alert('js link')\">click me</a>",
    "javascript:alert('bare js url')",
    '"><script>window.__pwned=1</script>',
    "</textarea><script>alert('textarea breakout')</script>",
    '<b><i>broken markup <div class="injected" onclick="alert(1)">',
    'https://x.example/"onmouseover="alert(\'attr breakout\')" x="',
    "<iframe src=\"javascript:alert('iframe')\"></iframe>",
    "<style>body{display:none}</style><!--",
]


@pytest.fixture
def policy(newsroom, settings, monkeypatch):
    """Set the moderation policy; the form may be sent at once (the timing test sets its own)."""
    settings.MASTHEAD_COMMENTS_RATE_LIMIT = 100
    monkeypatch.setattr(spam, "MIN_SECONDS_TO_SUBMIT", 0)

    def set_policy(value: str) -> None:
        publication = Publication.objects.get()
        publication.comment_moderation = value
        publication.save()

    return set_policy


def _watch(page: Page) -> list[str]:
    """Record every dialog (alert, confirm, prompt) and page error; dismiss the dialogs."""
    seen: list[str] = []

    def on_dialog(dialog) -> None:
        seen.append(f"dialog: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.on("pageerror", lambda error: seen.append(f"page error: {error}"))
    return seen


def _fill(page: Page, *, name: str, body: str, email: str = "new.reader@example.com") -> None:
    form = page.locator("#respond form")
    form.get_by_label("Name", exact=True).fill(name)
    form.get_by_label("Email", exact=True).fill(email)
    form.get_by_label("Comment", exact=True).fill(body)


def _send(page: Page) -> None:
    page.locator("#respond").get_by_role("button", name=re.compile("^Send")).click()
    page.wait_for_load_state()


def _assert_nothing_injected(page: Page) -> None:
    injected = page.evaluate(
        """() => {
          const found = [];
          for (const el of document.querySelectorAll('*')) {
            for (const attr of el.attributes) {
              if (attr.name.startsWith('on')) found.push(`${el.tagName} ${attr.name}`);
            }
          }
          const comments = document.getElementById('comments');
          const foreign = 'img, svg, iframe, object, embed, style, div.injected, script:not([src])';
          for (const el of comments.querySelectorAll(foreign)) {
            found.push(el.outerHTML.slice(0, 80));
          }
          for (const a of comments.querySelectorAll('.comment-body a')) {
            if (!/^https?:/.test(a.getAttribute('href'))) found.push(a.outerHTML);
            if (a.rel !== 'nofollow ugc') found.push('rel ' + a.outerHTML);
          }
          if (window.__pwned) found.push('window.__pwned is set');
          if (getComputedStyle(document.body).display === 'none') found.push('body hidden');
          return found;
        }"""
    )
    assert injected == []


def _axe_clean(page: Page) -> None:
    result = Axe().run(page)
    assert result.violations_count == 0, result.generate_report()


def test_post_with_javascript_off_is_held_then_shown_once_approved(
    browser: Browser, live_server, newsroom, policy, artifacts_dir
):
    policy("first-time")
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    story_url = live_server.url + newsroom.get_absolute_url()
    page.goto(story_url)
    _fill(page, name="Marta Keel", body="I ride the ferry every day.\nGood to have it back!")
    _send(page)
    expect(page).to_have_url(story_url + "#comments")
    expect(page.get_by_role("status")).to_contain_text("We read a reader’s first comment")
    expect(page.get_by_text("I ride the ferry every day.")).to_have_count(0)
    page.screenshot(path=artifacts_dir / "comments-held-nojs-phone.png", full_page=True)

    comment_approve(comment=Comment.objects.get(author_name="Marta Keel"))
    page.goto(story_url)
    body = page.locator(".comment-body", has_text="I ride the ferry every day.")
    expect(body).to_be_visible()
    assert body.inner_html() == "<p>I ride the ferry every day.<br>Good to have it back!</p>"
    expect(page.locator(".dateline")).to_contain_text("2 comments")
    context.close()


def test_post_is_published_at_once_and_highlighted(
    page: Page, live_server, newsroom, policy, artifacts_dir
):
    policy("none")
    seen = _watch(page)
    page.set_viewport_size(DESKTOP)
    page.goto(live_server.url + newsroom.get_absolute_url())
    _fill(page, name="Omar Quay", body="Fares are the same, see https://ferry.example/fares.")
    _send(page)
    comment = Comment.objects.get(author_name="Omar Quay")
    expect(page).to_have_url(re.compile(f"#comment-{comment.pk}$"))
    expect(page.get_by_role("status")).to_have_text("Thank you: your comment is published.")
    mine = page.locator(f"#comment-{comment.pk}")
    expect(mine).to_be_visible()
    link = mine.get_by_role("link", name="https://ferry.example/fares")
    expect(link).to_have_attribute("href", "https://ferry.example/fares")
    expect(link).to_have_attribute("rel", "nofollow ugc")
    assert mine.evaluate("el => getComputedStyle(el).backgroundColor") != "rgba(0, 0, 0, 0)"
    page.screenshot(path=artifacts_dir / "comments-published-desktop.png", full_page=True)
    _axe_clean(page)
    assert seen == []


def test_validation_error_keeps_the_text_and_is_accessible(
    page: Page, live_server, newsroom, policy, artifacts_dir
):
    policy("none")
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + newsroom.get_absolute_url())
    long_text = "A long letter to the editor. " * 200  # 5,800 characters
    _fill(page, name="Verbose Reader", body=long_text)
    _send(page)
    expect(page).to_have_url(re.compile(r"/comments/\d+/#respond$"))
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("Your comment was not sent.")
    expect(alert).to_contain_text("the limit is 5,000")
    expect(page.get_by_label("Comment", exact=True)).to_have_value(long_text)
    expect(page.get_by_label("Comment", exact=True)).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_label("Name", exact=True)).to_have_value("Verbose Reader")
    expect(page.locator("#respond .form-errors")).to_be_in_viewport()  # the action's #respond
    page.screenshot(path=artifacts_dir / "comments-error-phone.png", full_page=False)
    _axe_clean(page)
    # Shorten and send again from the error page.
    page.get_by_label("Comment", exact=True).fill("A shorter letter.")
    _send(page)
    expect(page.get_by_role("status")).to_have_text("Thank you: your comment is published.")
    assert Comment.objects.filter(author_name="Verbose Reader").count() == 1


def test_sending_too_fast_is_refused_then_accepted(page: Page, live_server, newsroom, settings):
    settings.MASTHEAD_COMMENTS_RATE_LIMIT = 100
    assert spam.MIN_SECONDS_TO_SUBMIT == 3  # the real threshold
    page.goto(live_server.url + newsroom.get_absolute_url())
    _fill(page, name="Quick Bot", body="Posted in a blink.")
    _send(page)
    expect(page.get_by_role("alert")).to_contain_text("quicker than we expect from a person")
    expect(page.get_by_label("Comment", exact=True)).to_have_value("Posted in a blink.")
    page.wait_for_timeout(3100)
    _send(page)
    expect(page.get_by_role("status")).to_contain_text("Thank you")
    assert Comment.objects.filter(author_name="Quick Bot").count() == 1


@pytest.mark.parametrize("javascript", [True, False], ids=["js-on", "js-off"])
def test_hostile_comments_stay_text(
    browser: Browser, live_server, newsroom, policy, artifacts_dir, javascript
):
    policy("none")
    context = browser.new_context(java_script_enabled=javascript, viewport=DESKTOP)
    page = context.new_page()
    seen = _watch(page)
    story_url = live_server.url + newsroom.get_absolute_url()
    for i, payload in enumerate(HOSTILE):
        page.goto(story_url)
        _fill(page, name=payload[:80], body=f"Payload {i}: {payload}\nsecond line {payload}")
        _send(page)
    # The link rules hold some of them; show them all, as a moderator might by mistake.
    comments_moderate(comments=Comment.objects.all(), status=Comment.Status.APPROVED)
    page.goto(story_url)
    for i, payload in enumerate(HOSTILE):
        body = page.locator(".comment-body", has_text=f"Payload {i}:")
        expect(body).to_have_count(1)
        # The reader's text, character for character, as text.
        assert body.inner_text() == f"Payload {i}: {payload}\nsecond line {payload}".strip()
    _assert_nothing_injected(page)
    if javascript:
        # Mouse over and click every comment link and reply link: nothing may run.
        for link in page.locator("#comments .comment-body a").all():
            link.hover()
        page.locator(".comment-reply-link").last.click()
        expect(page.locator("#respond-heading")).to_contain_text("Reply to")
    page.screenshot(
        path=artifacts_dir / f"comments-hostile-{'js' if javascript else 'nojs'}.png",
        full_page=True,
    )
    # The error page puts the hostile text back into the form: still only text.
    page.goto(story_url)
    _fill(page, name=" ", body=HOSTILE[6])  # a blank name passes the browser, not the server
    _send(page)
    expect(page.get_by_role("alert")).to_contain_text("Please give your name.")
    expect(page.get_by_label("Comment", exact=True)).to_have_value(HOSTILE[6])
    _assert_nothing_injected(page)
    assert seen == []
    context.close()


def test_sending_the_same_comment_twice_makes_one(page: Page, live_server, newsroom, policy):
    policy("none")
    page.goto(live_server.url + newsroom.get_absolute_url())
    _fill(page, name="Eager Clicker", body="Clicked twice, posted once.")
    posts: list[str] = []
    page.on("request", lambda r: r.method == "POST" and posts.append(r.url))
    send = page.locator("#respond").get_by_role("button", name="Send comment")
    send.dblclick()
    expect(page.get_by_role("status")).to_have_text("Thank you: your comment is published.")
    # Back to the filled-in form, and send it again.
    page.go_back()
    _fill(page, name="Eager Clicker", body="Clicked twice, posted once.")
    send.click()
    expect(page.get_by_role("status")).to_have_text("Thank you: your comment is published.")
    assert len(posts) >= 2
    expect(page.get_by_text("Clicked twice, posted once.")).to_have_count(1)
    assert Comment.objects.filter(author_name="Eager Clicker").count() == 1


def test_reply_in_place_with_javascript(page: Page, live_server, newsroom, policy, artifacts_dir):
    policy("none")
    seen = _watch(page)
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + newsroom.get_absolute_url())
    first = Comment.objects.get(author_name="Kind Reader")
    page.get_by_role("link", name="Reply to Kind Reader").click()
    respond = page.locator(f"#comment-{first.pk} #respond")
    expect(respond).to_be_visible()
    expect(page.locator("#respond-heading")).to_have_text("Reply to Kind Reader")
    expect(page.get_by_label("Comment", exact=True)).to_be_focused()
    assert "reply_to" not in page.url  # no page load
    page.screenshot(path=artifacts_dir / "comments-reply-js-phone.png", full_page=True)
    page.get_by_role("link", name="Cancel reply").click()
    expect(page.locator("#respond-heading")).to_have_text("Leave a comment")
    expect(page.locator(f"#comment-{first.pk} #respond")).to_have_count(0)
    page.get_by_role("link", name="Reply to Kind Reader").click()
    _fill(page, name="Second Reader", body="Agreed, it was a long two months.")
    _send(page)
    reply = Comment.objects.get(author_name="Second Reader")
    assert reply.parent_id == first.pk
    nested = page.locator(f"#comment-{first.pk} ~ .comment-replies #comment-{reply.pk}")
    expect(nested).to_be_visible()
    assert seen == []


def test_reply_without_javascript(browser: Browser, live_server, newsroom, policy, artifacts_dir):
    policy("none")
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    page.goto(live_server.url + newsroom.get_absolute_url())
    first = Comment.objects.get(author_name="Kind Reader")
    page.get_by_role("link", name="Reply to Kind Reader").click()
    expect(page).to_have_url(re.compile(rf"\?reply_to={first.pk}#respond$"))
    expect(page.locator(f"#comment-{first.pk} #respond-heading")).to_have_text(
        "Reply to Kind Reader"
    )
    _fill(page, name="No Script Reader", body="Replying the old way.")
    _send(page)
    reply = Comment.objects.get(author_name="No Script Reader")
    assert reply.parent_id == first.pk
    expect(page.locator(f".comment-replies #comment-{reply.pk}")).to_be_visible()
    page.screenshot(path=artifacts_dir / "comments-reply-nojs-phone.png", full_page=True)
    context.close()


def test_rate_limit_page(page: Page, live_server, newsroom, policy, settings, artifacts_dir):
    policy("none")
    settings.MASTHEAD_COMMENTS_RATE_LIMIT = 1
    page.set_viewport_size(PHONE)
    url = live_server.url + newsroom.get_absolute_url()
    page.goto(url)
    _fill(page, name="Busy Reader", body="First.")
    _send(page)
    page.goto(url)
    _fill(page, name="Busy Reader", body="Second, and kept for me.")
    with page.expect_response(re.compile(r"/comments/\d+/")) as answer:
        _send(page)
    assert answer.value.status == 429
    expect(page.get_by_role("heading", level=1)).to_have_text("Please wait a moment")
    expect(page.get_by_label("Your comment, to copy and keep:")).to_have_value(
        "Second, and kept for me."
    )
    page.screenshot(path=artifacts_dir / "comments-429-phone.png", full_page=True)
    _axe_clean(page)


def test_story_with_a_thread_is_accessible(page: Page, live_server, newsroom, artifacts_dir):
    first = Comment.objects.get(author_name="Kind Reader")
    Comment.objects.create(
        article=newsroom, parent=first, author_name="Ravi Dock", email="r@example.com",
        body="My bus connects with the 7:40 boat.\n\nDoes anyone know the winter times?",
        status="approved",
    )  # fmt: skip
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + newsroom.get_absolute_url() + "#comments")
    expect(page.locator(".comment-replies .comment")).to_have_count(1)
    page.locator("#comments").screenshot(path=artifacts_dir / "comments-thread-phone.png")
    _axe_clean(page)
    page.goto(live_server.url + "/archive/")
    expect(page.get_by_role("link", name=f"2 comments on “{newsroom.headline}”")).to_be_visible()


def test_editor_moderates_from_the_queue(
    page: Page, live_server, newsroom, django_user_model, artifacts_dir
):
    from django.contrib.auth.models import Permission

    editor = django_user_model.objects.create_user(
        "ed", password="a-long-test-password", is_staff=True
    )
    editor.user_permissions.set(
        Permission.objects.filter(codename__in=["view_comment", "change_comment"])
    )
    for i in range(3):
        Comment.objects.create(
            article=newsroom, author_name=f"Waiting Reader {i}", email=f"w{i}@example.com",
            body=f"Waiting comment {i}, see https://example.org/{i}", status="pending",
        )  # fmt: skip
    page.set_viewport_size(DESKTOP)
    page.goto(live_server.url + "/newsroom/")
    page.get_by_label("Username").fill("ed")
    page.get_by_label("Password").fill("a-long-test-password")
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("link", name="3 comments waiting for moderation").click()
    expect(page.locator("#result_list tbody tr")).to_have_count(3)
    page.screenshot(path=artifacts_dir / "comments-queue-desktop.png", full_page=True)
    row = page.locator("#result_list tbody tr", has_text="Waiting comment 0")
    row.get_by_role("button", name="Approve").click()
    expect(page.locator(".messagelist")).to_contain_text(
        "The comment by Waiting Reader 0 is approved."
    )
    expect(page.locator("#result_list tbody tr")).to_have_count(2)
    page.locator("#result_list tbody input[type=checkbox]").first.check()
    page.locator("#result_list tbody input[type=checkbox]").last.check()
    page.locator("select[name=action]").select_option("spam_selected")
    page.get_by_role("button", name="Go").click()
    expect(page.locator(".messagelist")).to_contain_text("2 comments marked as spam.")
    expect(page.get_by_role("link", name="No comments waiting for moderation")).to_be_visible()
    page.screenshot(path=artifacts_dir / "comments-queue-empty-desktop.png", full_page=True)
    page.goto(live_server.url + newsroom.get_absolute_url())
    expect(page.get_by_text("Waiting comment 0")).to_be_visible()
    expect(page.get_by_text("Waiting comment 1")).to_have_count(0)


def test_story_page_sets_no_cookie_and_a_forged_cross_site_post_is_refused(
    browser: Browser, live_server, newsroom, policy, artifacts_dir
):
    """No cookie from a reader page; a form on another site that posts to ours, sent by the
    reader's own browser (JavaScript off), is refused on our page with the text kept."""
    policy("none")
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    story_url = live_server.url + newsroom.get_absolute_url()
    page.goto(story_url)
    page.goto(story_url)  # the second time from the page cache
    assert context.cookies() == []
    stamp = spam.issue_stamp(now=time.time() - 60)
    forged_form = f"""<!doctype html><title>Win a prize</title>
      <form method="post" action="{live_server.url}/comments/{newsroom.pk}/">
        <input name="name" value="Victim"><input name="email" value="victim@example.com">
        <textarea name="body">Forged words from elsewhere</textarea>
        <input name="stamp" value="{stamp}"><button>Claim</button>
      </form>"""
    page.route(
        "https://evil.example/**",
        lambda route: route.fulfill(status=200, content_type="text/html", body=forged_form),
    )
    page.goto("https://evil.example/prize")
    page.get_by_role("button", name="Claim").click()
    page.wait_for_load_state()
    expect(
        page.get_by_text("We could not confirm that this comment was sent from our page")
    ).to_be_visible()
    assert "Forged words from elsewhere" in page.content()
    page.screenshot(path=artifacts_dir / "comments-forged-refused.png", full_page=True)
    assert not Comment.objects.filter(author_name="Victim").exists()
    context.close()
