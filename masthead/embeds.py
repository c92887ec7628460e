"""Embedded media in imported bodies, kept as a link card that survives the sanitizer.

Bodies from Ghost, WordPress and feeds carry embeds as iframes, oEmbed blockquotes
(``blockquote.twitter-tweet``, ``.instagram-media``, ``.tiktok-embed``), Ghost's
``figure.kg-embed-card`` and WordPress's ``figure.wp-block-embed``. The sanitizer drops
iframes and scripts, which used to leave nothing, or a bare link. Each embed is stored as::

    <figure class="embed embed--youtube"><a href="https://www.youtube.com/watch?v=…">Watch on
    YouTube: Title</a><figcaption>…</figcaption></figure>

The provider is the class, the URL the link: a plain, accessible link that needs no script
and no frame, so it passes nh3 and the site's CSP. Only http(s) URLs ever become cards. The
stored words ("Watch on YouTube") are English; a reader page shows them in its own language
(:func:`with_players`).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from urllib.parse import parse_qs, quote, urlsplit

import lxml.html
from django.utils.translation import gettext, gettext_noop
from lxml import etree

from masthead.text import parse_fragment, serialize_fragment


@dataclass(frozen=True, slots=True)
class Provider:
    name: str
    action: str
    hosts: re.Pattern[str]


def _hosts(*domains: str) -> re.Pattern[str]:
    return re.compile(rf"^(?:[\w-]+\.)*(?:{'|'.join(re.escape(d) for d in domains)})$", re.I)


# The actions are stored in English in the card and translated when a page shows them.
PROVIDERS = (
    Provider(
        "youtube",
        gettext_noop("Watch on YouTube"),
        _hosts("youtube.com", "youtu.be", "youtube-nocookie.com"),
    ),
    Provider("vimeo", gettext_noop("Watch on Vimeo"), _hosts("vimeo.com")),
    Provider("twitter", gettext_noop("View the post on X"), _hosts("twitter.com", "x.com")),
    Provider("instagram", gettext_noop("View on Instagram"), _hosts("instagram.com", "instagr.am")),
    Provider(
        "facebook", gettext_noop("View on Facebook"), _hosts("facebook.com", "fb.watch", "fb.com")
    ),
    Provider("tiktok", gettext_noop("Watch on TikTok"), _hosts("tiktok.com")),
    Provider("soundcloud", gettext_noop("Listen on SoundCloud"), _hosts("soundcloud.com")),
    Provider("spotify", gettext_noop("Listen on Spotify"), _hosts("spotify.com")),
    Provider(
        "documentcloud",
        gettext_noop("Read the document on DocumentCloud"),
        _hosts("documentcloud.org"),
    ),
    Provider(
        "map",
        gettext_noop("View the map"),
        _hosts("openstreetmap.org", "maps.google.com", "maps.app.goo.gl"),
    ),
)
OTHER = Provider("other", gettext_noop("Open the embedded content"), re.compile(r"^$"))
CLASSES = frozenset({"embed", *(f"embed--{p.name}" for p in (*PROVIDERS, OTHER))})

_OEMBED_CLASSES = {"twitter-tweet", "twitter-video", "instagram-media", "tiktok-embed"}
_FIGURE_CLASSES = {"kg-embed-card", "wp-block-embed"}
_LOOKS_EMBEDDED = re.compile(
    r"<(?:iframe|embed|object|video|audio|blockquote|figure)\b|<p>\s*https?://|\bfb-(?:post|video)\b",
    re.I,
)
_URL_ONLY = re.compile(r"^\s*(https?://[^\s<>\"']+)\s*$", re.I)


def provider_of(url: str) -> Provider:
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if host.startswith("www.google.") and parts.path.startswith("/maps"):
        return PROVIDERS[-1]
    return next((p for p in PROVIDERS if p.hosts.match(host)), OTHER)


def is_known_embed(url: str) -> bool:
    """A URL that WordPress or Ghost would turn into an embed when it stands on its own line."""
    return _http_url(url) != "" and provider_of(url) is not OTHER


def page_url(url: str) -> str:
    """The reader-facing page for a player URL: ``/embed/ID`` -> ``/watch?v=ID`` and so on."""
    url = _http_url(html.unescape(url or "").strip())
    if not url:
        return ""
    parts = urlsplit(url)
    host, path = (parts.hostname or "").lower(), parts.path
    # Players that carry the real address in their query (SoundCloud, Facebook plugins).
    for key in ("url", "href"):
        inner = parse_qs(parts.query).get(key)
        if inner and _http_url(inner[0]) and ("soundcloud" in host or "facebook" in host):
            return _http_url(inner[0])
    youtube = re.match(r"^/embed/([\w-]{6,})", path)
    if youtube and "youtube" in host:
        return f"https://www.youtube.com/watch?v={youtube.group(1)}"
    vimeo = re.match(r"^/video/(\d+)", path)
    if vimeo and host == "player.vimeo.com":
        return f"https://vimeo.com/{vimeo.group(1)}"
    spotify = re.match(r"^/embed(/.*)$", path)
    if spotify and host == "open.spotify.com":
        return f"https://open.spotify.com{spotify.group(1)}"
    return url


def embed_card(url: str, title: str = "", caption: str = "") -> str:
    """The stored form of one embed; "" when the URL is not http(s)."""
    url = page_url(url)
    if not url:
        return ""
    provider = provider_of(url)
    title = re.sub(r"\s+", " ", title or "").strip()[:200] or url
    figcaption = f"<figcaption>{html.escape(caption)}</figcaption>" if caption.strip() else ""
    return (
        f'<figure class="embed embed--{provider.name}"><a href="{html.escape(url)}">'
        f"{html.escape(provider.action)}: {html.escape(title)}</a>{figcaption}</figure>"
    )


def embed_cards(fragment: str) -> str:
    """Replace every embed in an HTML fragment by its card; other markup is left as it is."""
    if not fragment or not _LOOKS_EMBEDDED.search(fragment):
        return fragment
    if (root := parse_fragment(fragment)) is None:
        return fragment
    changed = False
    for element in list(root.iter()):
        if element is root or not isinstance(element.tag, str) or _detached(element, root):
            continue
        card = _card_for(element)
        if card is None:
            continue
        _replace(element, card)
        changed = True
    if not changed:
        return fragment
    return serialize_fragment(root)


def _card_for(element: etree._Element) -> str | None:
    tag = element.tag.lower()
    classes = set((element.get("class") or "").split())
    if tag == "figure" and classes & _FIGURE_CLASSES:
        caption = _text(next(iter(element.iter("figcaption")), None))
        url, title = _inner_url(element)
        return embed_card(url, title, caption) if url else None
    if tag == "blockquote" and classes & _OEMBED_CLASSES:
        url, title = _inner_url(element)
        return embed_card(url, title) if url else None
    if tag == "div" and classes & {"fb-post", "fb-video"} and element.get("data-href"):
        return embed_card(element.get("data-href", ""), _text(element)) or None
    if tag in {"iframe", "embed", "video", "audio", "object"}:
        src = _frame_src(element)
        return embed_card(src, element.get("title", "")) if src else ""
    if tag == "p" and len(element) == 0:
        match = _URL_ONLY.match(element.text or "")
        if match and is_known_embed(match.group(1)):
            return embed_card(match.group(1))
    return None


def _inner_url(element: etree._Element) -> tuple[str, str]:
    """The embedded address inside a container, and a title for it."""
    for frame in element.iter("iframe", "embed", "video", "audio", "object"):
        if _frame_src(frame):
            return _frame_src(frame), frame.get("title", "")
    direct = element.get("cite") or element.get("data-instgrm-permalink") or ""
    links = [a.get("href", "") for a in element.iter("a") if _http_url(a.get("href", ""))]
    for block in element.iter("blockquote"):
        direct = direct or block.get("cite") or block.get("data-instgrm-permalink") or ""
    title = _text(next(iter(element.iter("p")), None))
    if _http_url(direct):
        return direct, title
    # A tweet ends with its own status link; WordPress puts the bare URL in the wrapper.
    known = [link for link in links if is_known_embed(link)]
    if known:
        return known[-1], title
    wrapper = _URL_ONLY.match(" ".join(element.itertext()).strip().split(" ")[0] or "")
    if wrapper:
        return wrapper.group(1), title
    return (links[-1], title) if links else ("", "")


def _frame_src(frame: etree._Element) -> str:
    """A frame's address; lazy loaders keep it in ``data-src`` behind ``src="about:blank"``."""
    for name in ("src", "data-src", "data-lazy-src", "data"):
        if _http_url(frame.get(name, "")):
            return frame.get(name, "")
    # <video>/<audio> may name their file only in <source> children.
    for source in frame.iter("source"):
        if _http_url(source.get("src", "")):
            return source.get("src", "")
    return ""


def _replace(element: etree._Element, card: str) -> None:
    parent = element.getparent()
    if card and parent.tag == "p" and parent.getparent() is not None:
        # A <figure> cannot sit inside a <p>: the card goes after the paragraph (or replaces
        # it when the embed was all it held), the paragraph's words stay where they were.
        _remove(element)
        new = lxml.html.fragment_fromstring(card)
        if len(parent) == 0 and not (parent.text or "").strip():
            new.tail = parent.tail
            parent.getparent().replace(parent, new)
        else:
            parent.addnext(new)
        return
    if card:
        new = lxml.html.fragment_fromstring(card)
        new.tail = element.tail
        parent.replace(element, new)
        return
    _remove(element)


def _remove(element: etree._Element) -> None:
    """Drop an element but keep the text after it."""
    parent, tail = element.getparent(), element.tail
    previous = element.getprevious()
    if tail:
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)


def _detached(element: etree._Element, root: etree._Element) -> bool:
    node = element.getparent()
    while node is not None and node is not root:
        node = node.getparent()
    return node is None


def _text(element: etree._Element | None) -> str:
    return re.sub(r"\s+", " ", element.text_content()).strip() if element is not None else ""


def _http_url(url: str) -> str:
    url = (url or "").strip()
    if url.startswith("//"):
        url = "https:" + url
    parts = urlsplit(url)
    return url if parts.scheme.lower() in {"http", "https"} and parts.hostname else ""


# --- Players: what a reader may choose to load in place of a card ------------------------------

# Where each provider's player is served from: the page's CSP opens frames to these, and only on
# a page whose story has such an embed. YouTube's is its no-cookie host; Vimeo's is told not to
# track (dnt=1).
PLAYER_ORIGINS = {
    "youtube": "https://www.youtube-nocookie.com",
    "vimeo": "https://player.vimeo.com",
    "spotify": "https://open.spotify.com",
    "soundcloud": "https://w.soundcloud.com",
    "documentcloud": "https://embed.documentcloud.org",
    "instagram": "https://www.instagram.com",
    "tiktok": "https://www.tiktok.com",
    "twitter": "https://platform.twitter.com",
    "facebook": "https://www.facebook.com",
    "map": "https://www.openstreetmap.org",
}
PROVIDER_NAMES = {
    "youtube": "YouTube", "vimeo": "Vimeo", "spotify": "Spotify", "soundcloud": "SoundCloud",
    "documentcloud": "DocumentCloud", "instagram": "Instagram", "tiktok": "TikTok",
    "twitter": "X", "facebook": "Facebook", "map": "OpenStreetMap",
}  # fmt: skip


def player_url(url: str) -> str:
    """The address of the provider's player for a card's link; "" when there is none (a
    Google Maps link, an unknown site): the card then stays a link."""
    url = _http_url(url)
    if not url:
        return ""
    parts = urlsplit(url)
    host, path = (parts.hostname or "").lower(), parts.path
    name = provider_of(url).name
    query = parse_qs(parts.query)
    if name == "youtube":
        found = (
            query.get("v", [""])[0]
            or _match(r"^/(?:shorts|live|embed)/([\w-]{6,})", path)
            or (_match(r"^/([\w-]{6,})$", path) if host.endswith("youtu.be") else "")
        )
        return f"https://www.youtube-nocookie.com/embed/{found}" if _id(found) else ""
    if name in _PLAYER_PATHS:
        pattern, player = _PLAYER_PATHS[name]
        found = _match(pattern, path)
        return player.format(found) if found else ""
    if name == "soundcloud" and path.strip("/"):
        return f"https://w.soundcloud.com/player/?url={quote(url, safe='')}"
    if name == "facebook" and path.strip("/"):
        plugin = "video" if "/videos/" in path or host == "fb.watch" else "post"
        return f"https://www.facebook.com/plugins/{plugin}.php?href={quote(url, safe='')}"
    if name == "map" and host.endswith("openstreetmap.org"):
        found = re.match(r"^map=(\d+)/(-?\d+(?:\.\d+)?)/(-?\d+(?:\.\d+)?)$", parts.fragment)
        if found:
            zoom, lat, lon = int(found.group(1)), float(found.group(2)), float(found.group(3))
            span = 360 / 2 ** max(1, min(zoom, 19))
            box = f"{lon - span:.5f},{lat - span / 2:.5f},{lon + span:.5f},{lat + span / 2:.5f}"
            return f"https://www.openstreetmap.org/export/embed.html?bbox={box}&layer=mapnik"
    return ""


# Players addressed by an id in the page's path: (the id's pattern, the player's address).
_PLAYER_PATHS = {
    "vimeo": (r"^/(?:video/)?(\d+)", "https://player.vimeo.com/video/{}?dnt=1"),
    "spotify": (
        r"^/((?:track|album|playlist|episode|show)/[A-Za-z0-9]+)",
        "https://open.spotify.com/embed/{}",
    ),
    "documentcloud": (r"^/documents/([\w-]+)", "https://embed.documentcloud.org/documents/{}/"),
    "instagram": (r"^/(?:p|reel|tv)/([\w-]+)", "https://www.instagram.com/p/{}/embed/"),
    "tiktok": (r"/video/(\d+)", "https://www.tiktok.com/embed/v2/{}"),
    "twitter": (r"/status(?:es)?/(\d+)", "https://platform.twitter.com/embed/Tweet.html?id={}"),
}


def _match(pattern: str, text: str) -> str:
    found = re.search(pattern, text)
    return found.group(1) if found else ""


def _id(value: str) -> bool:
    return bool(re.fullmatch(r"[\w-]{6,20}", value or ""))


_CARD_RE = re.compile(r'<figure class="embed embed--([a-z]+)"><a href="([^"]+)"')
# A card's stored action, "Watch on YouTube: ", right after its link opens.
_CARD_ACTION_RE = re.compile(
    r'(<figure class="embed embed--([a-z]+)"[^>]*><a href="[^"]+">)([^<:]+): '
)
_ACTIONS = {p.name: p.action for p in (*PROVIDERS, OTHER)}


def players_in(body_html: str) -> list[str]:
    """The providers whose players a story body can load, in order of first appearance."""
    found: list[str] = []
    for name, href in _CARD_RE.findall(body_html or ""):
        if name in PLAYER_ORIGINS and name not in found and player_url(html.unescape(href)):
            found.append(name)
    return found


def with_players(body_html: str) -> str:
    """Cards whose provider has a player carry its address and name for embeds.js, which offers
    to load it on a click; until then nothing is fetched from the provider. The cards' words
    and the offer's are in the page's language."""

    def mark(match: re.Match[str]) -> str:
        name, href = match.group(1), match.group(2)
        player = player_url(html.unescape(href)) if name in PLAYER_ORIGINS else ""
        if not player:
            return match.group(0)
        provider = PROVIDER_NAMES[name]
        load = gettext("Load the %(provider)s player") % {"provider": provider}
        note = gettext("It comes from %(provider)s, which may set cookies.") % {
            "provider": provider
        }
        return (
            f'<figure class="embed embed--{name}" data-player="{html.escape(player)}" '
            f'data-provider="{provider}" data-load="{html.escape(load)}" '
            f'data-note="{html.escape(note)}"><a href="{href}"'
        )

    return _localized_actions(_CARD_RE.sub(mark, body_html or ""))


def _localized_actions(body_html: str) -> str:
    """Each card's stored English action ("Watch on YouTube") in the page's language."""

    def local(match: re.Match[str]) -> str:
        action = _ACTIONS.get(match.group(2))
        if action is None or match.group(3) != action:
            return match.group(0)
        return f"{match.group(1)}{html.escape(gettext(action))}: "

    return _CARD_ACTION_RE.sub(local, body_html)
