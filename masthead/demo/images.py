"""Demo artwork for the sample newsroom: news photos, staff portraits and a masthead logo.

Everything is drawn with Pillow alone, with no downloaded assets and no fonts beyond Pillow's
built-in one, so a fresh install can fill its demo stories with credited, captioned pictures.
The pictures are stylised scenes (layered skies, hills, buildings, boats, trees, people)
rather than noise, softened with a light blur, a vignette and a little film grain so that
they look like photographs or editorial illustrations and compress well as JPEG.

Output is deterministic: the same arguments always give the same bytes. The composition of a
photo depends only on ``(motif, seed)``; the size only changes the resolution, so a thumbnail
and a full-size rendition of the same seed show the same scene.
"""

from __future__ import annotations

import colorsys
import io
import itertools
import math
import random
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

MOTIFS = (
    "harbor", "skyline", "field", "classroom", "stadium",
    "market", "river", "hall", "forest", "night",
)  # fmt: skip

JPEG_QUALITY = 82
MIN_SIDE = 16
MAX_SIDE = 6000

Color = tuple[int, int, int]
Point = tuple[float, float]

_BILINEAR = Image.Resampling.BILINEAR


# --------------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------------


def make_photo(motif: str, seed: int, size: tuple[int, int] = (1600, 900)) -> bytes:
    """Return a JPEG of a stylised news-photo scene for ``motif``.

    ``motif`` is one of :data:`MOTIFS`; ``seed`` varies palette, time of day and placement.
    The result is deterministic for the same ``(motif, seed, size)``. The JPEG is saved at
    quality 82, progressive and optimized.
    """
    painter = _PAINTERS.get(motif)
    if painter is None:
        raise ValueError(f"Unknown motif {motif!r}; expected one of: {', '.join(MOTIFS)}.")
    w, h = _check_size(size)
    rng = random.Random(f"masthead-photo:{motif}:{seed}")
    scene = _Scene((w, h), rng)
    painter(scene)
    img = _finish(
        scene.img,
        random.Random(f"masthead-grain:{motif}:{seed}:{w}x{h}"),
        vignette=scene.vignette,
    )
    return _jpeg(img)


def make_portrait(seed: int, size: int = 400) -> bytes:
    """Return a square JPEG avatar: a stylised head-and-shoulders silhouette on a colour."""
    side = _check_size((size, size))[0]
    rng = random.Random(f"masthead-portrait:{seed}")
    ss = 2  # draw at twice the size and shrink, for smooth edges
    big = side * ss
    hue = rng.random()
    bg_top = _hsv(hue, rng.uniform(0.25, 0.45), rng.uniform(0.78, 0.9))
    bg_bottom = _hsv(hue + rng.uniform(-0.04, 0.04), rng.uniform(0.35, 0.6), rng.uniform(0.5, 0.66))
    img = _gradient((big, big), [(0.0, bg_top), (1.0, bg_bottom)])
    # Soft light behind the head.
    _paste_soft(
        img,
        _mix(bg_top, (255, 255, 255), 0.35),
        lambda pen: pen.ellipse(0.5, 0.38, 0.34, 0.34, 150),
        blur=0.12,
    )

    pen = _Pen(ImageDraw.Draw(img), big, big)
    figure = _mix(bg_bottom, (255, 255, 255), rng.uniform(0.6, 0.75))
    face = _mix(figure, (255, 255, 255), 0.15)
    hair = _mix(bg_bottom, (30, 30, 40), rng.uniform(0.25, 0.5))
    shirt = _hsv(hue + rng.choice((0.33, 0.5, 0.62)), rng.uniform(0.2, 0.45), rng.uniform(0.3, 0.5))
    collar = _mix(shirt, (255, 255, 255), 0.6)
    hx = 0.5
    rx = rng.uniform(0.13, 0.15)  # head half-width
    ry = rx * rng.uniform(1.22, 1.32)  # head half-height
    hy = rng.uniform(0.38, 0.41)  # head centre
    chin = hy + ry
    shoulder_top = chin + rng.uniform(0.08, 0.1)
    style = rng.choice(("short", "long", "bun", "crop", "side", "bob"))

    # Hair that falls behind the neck and shoulders goes first.
    if style == "long":
        pen.rounded(
            hx - rx * 1.22, hy - ry * 0.7, hx + rx * 1.22, shoulder_top + 0.12, rx * 0.8, hair
        )
    elif style == "bob":
        pen.rounded(hx - rx * 1.2, hy - ry * 0.8, hx + rx * 1.2, chin - 0.01, rx * 0.7, hair)
    # Shoulders, neck and neckline.
    half_w = rng.uniform(0.36, 0.42)
    pen.ellipse(hx, shoulder_top + 0.2, half_w, 0.2, shirt)
    pen.rect(hx - half_w, shoulder_top + 0.2, hx + half_w, 1.01, shirt)
    neck = rx * 0.5
    pen.rect(hx - neck, hy + ry * 0.3, hx + neck, shoulder_top + 0.01, figure)
    pen.ellipse(hx, shoulder_top + 0.005, neck, 0.03, figure)
    if rng.random() < 0.5:  # V-neck
        pen.poly(
            [
                (hx - neck * 1.3, shoulder_top - 0.003),
                (hx + neck * 1.3, shoulder_top - 0.003),
                (hx, shoulder_top + 0.1),
            ],
            figure,
        )
    else:  # shirt collar
        for sgn in (-1, 1):
            pen.poly(
                [
                    (hx + sgn * neck * 1.5, shoulder_top - 0.01),
                    (hx, shoulder_top + 0.05),
                    (hx + sgn * neck * 0.5, shoulder_top + 0.09),
                ],
                collar,
            )
    # Head: a hair mass, with the face drawn over it to leave a hairline.
    pen.ellipse(hx - rx, hy + 0.015, 0.022, 0.038, face)  # ears
    pen.ellipse(hx + rx, hy + 0.015, 0.022, 0.038, face)
    if style == "bun":
        pen.circle(hx, hy - ry * 1.05, rx * 0.5, hair)
    if style == "crop":
        pen.ellipse(hx, hy - ry * 0.05, rx * 1.03, ry * 1.0, hair)
        pen.ellipse(hx, hy + ry * 0.12, rx * 0.97, ry * 0.9, face)
    else:
        pen.ellipse(hx, hy - ry * 0.1, rx * 1.1, ry * 1.02, hair)
        pen.ellipse(hx, hy + ry * 0.18, rx * 0.93, ry * 0.84, face)
    if style in ("side", "short"):  # hair swept over one side of the forehead
        sgn = rng.choice((-1, 1))
        pen.ellipse(hx + sgn * rx * 0.35, hy - ry * 0.58, rx * 0.72, ry * 0.28, hair)

    img = img.resize((side, side), Image.Resampling.LANCZOS)
    img = _grain(img, random.Random(f"masthead-portrait-grain:{seed}:{side}"), 3)
    return _jpeg(img)


def make_logo(name: str, size: tuple[int, int] = (600, 120)) -> bytes:
    """Return a PNG logo block for the newspaper called ``name``.

    The block has an emblem (circle, shield, rounded square or diamond, chosen from the name)
    with the paper's initials, followed by the name set in Pillow's built-in font.
    """
    name = " ".join(str(name).split())
    if not name:
        raise ValueError("A logo needs a newspaper name.")
    w, h = _check_size(size)
    ss = 2
    bw, bh = w * ss, h * ss
    rng = random.Random(zlib.crc32(name.encode()))
    paper = (250, 248, 243)
    ink = (24, 26, 32)
    accent = _hsv(rng.random(), rng.uniform(0.55, 0.75), rng.uniform(0.45, 0.62))
    img = Image.new("RGB", (bw, bh), paper)
    draw = ImageDraw.Draw(img)

    pad = round(bh * 0.12)
    em = bh - 2 * pad  # emblem side
    x0, y0, x1, y1 = pad, pad, pad + em, pad + em
    shape = rng.choice(("circle", "shield", "square", "diamond"))
    if shape == "circle":
        draw.ellipse([x0, y0, x1, y1], fill=accent)
        inset = em * 0.07
        draw.ellipse(
            [x0 + inset, y0 + inset, x1 - inset, y1 - inset],
            outline=paper,
            width=max(1, round(em * 0.025)),
        )
    elif shape == "shield":
        mx = (x0 + x1) / 2
        draw.polygon(
            [(x0, y0), (x1, y0), (x1, y0 + em * 0.55), (mx, y1), (x0, y0 + em * 0.55)], fill=accent
        )
    elif shape == "square":
        draw.rounded_rectangle([x0, y0, x1, y1], radius=em * 0.18, fill=accent)
    else:
        mx, my = (x0 + x1) / 2, (y0 + y1) / 2
        draw.polygon([(mx, y0), (x1, my), (mx, y1), (x0, my)], fill=accent)

    initials = _initials(name)
    font = _fit_font(draw, initials, em * (0.5 if shape == "diamond" else 0.62), em * 0.5)
    cy = y0 + em * (0.42 if shape == "shield" else 0.5)
    _draw_centered(draw, ((x0 + x1) / 2, cy), initials, font, paper)

    text_x = x1 + pad
    avail = bw - text_x - pad
    if avail > bh * 0.3:
        font = _fit_font(draw, name, avail, bh * 0.42)
        box = draw.textbbox((0, 0), name, font=font)
        ty = (bh - (box[3] - box[1])) / 2 - box[1] - bh * 0.05
        draw.text((text_x - box[0], ty), name, font=font, fill=ink)
        rule_y = ty + box[3] + bh * 0.08
        draw.rectangle(
            [text_x, rule_y, text_x + (box[2] - box[0]), rule_y + max(2, bh * 0.025)], fill=accent
        )

    img = img.resize((w, h), Image.Resampling.LANCZOS)
    buf = io.BytesIO()
    img.save(buf, "PNG", optimize=True)
    return buf.getvalue()


# --------------------------------------------------------------------------------------------
# Colour and drawing helpers
# --------------------------------------------------------------------------------------------


def _check_size(size: Sequence[int]) -> tuple[int, int]:
    try:
        w, h = (int(v) for v in size)
    except (TypeError, ValueError):
        raise ValueError(f"size must be a (width, height) pair of integers, not {size!r}") from None
    if not (MIN_SIDE <= w <= MAX_SIDE and MIN_SIDE <= h <= MAX_SIDE):
        raise ValueError(f"size must be {MIN_SIDE} to {MAX_SIDE} pixels a side, not {w}x{h}")
    return w, h


def _clamp(v: float) -> int:
    return max(0, min(255, round(v)))


def _mix(a: Color, b: Color, t: float) -> Color:
    return (
        _clamp(a[0] + (b[0] - a[0]) * t),
        _clamp(a[1] + (b[1] - a[1]) * t),
        _clamp(a[2] + (b[2] - a[2]) * t),
    )


def _shade(c: Color, k: float) -> Color:
    return (_clamp(c[0] * k), _clamp(c[1] * k), _clamp(c[2] * k))


def _vary(rng: random.Random, c: Color, amount: float = 12) -> Color:
    return (
        _clamp(c[0] + rng.uniform(-amount, amount)),
        _clamp(c[1] + rng.uniform(-amount, amount)),
        _clamp(c[2] + rng.uniform(-amount, amount)),
    )


def _hsv(h: float, s: float, v: float) -> Color:
    r, g, b = colorsys.hsv_to_rgb(h % 1.0, max(0.0, min(1.0, s)), max(0.0, min(1.0, v)))
    return (_clamp(r * 255), _clamp(g * 255), _clamp(b * 255))


def _at(stops: Sequence[tuple[float, Color]], t: float) -> Color:
    if t <= stops[0][0]:
        return stops[0][1]
    for (p0, c0), (p1, c1) in itertools.pairwise(stops):
        if t <= p1:
            return _mix(c0, c1, (t - p0) / (p1 - p0) if p1 > p0 else 1.0)
    return stops[-1][1]


def _gradient(size: tuple[int, int], stops: Sequence[tuple[float, Color]]) -> Image.Image:
    """A vertical gradient through ``stops`` (position 0 = top, 1 = bottom)."""
    strip = Image.new("RGB", (1, 256))
    strip.putdata([_at(stops, i / 255) for i in range(256)])
    return strip.resize(size, _BILINEAR)


def _profile(rng: random.Random, octaves: int = 4, freq: float = 1.5) -> Callable[[float], float]:
    """A smooth random 1-D profile in roughly [-1, 1], built from a few sine octaves."""
    parts = [
        (freq * 2**k * rng.uniform(0.8, 1.25), 0.55**k, rng.uniform(0, math.tau))
        for k in range(octaves)
    ]
    norm = sum(a for _, a, _ in parts)
    return lambda x: sum(a * math.sin(math.tau * f * x + p) for f, a, p in parts) / norm


class _Pen:
    """Draws on an image using coordinates given as fractions of its width and height.

    Horizontal positions are fractions of the width, vertical ones of the height; round
    things (circles, line widths) are sized as fractions of the height.
    """

    def __init__(self, draw: ImageDraw.ImageDraw, w: int, h: int) -> None:
        self.d, self.w, self.h = draw, w, h

    def pt(self, x: float, y: float) -> Point:
        return (x * self.w, y * self.h)

    def box(self, x0: float, y0: float, x1: float, y1: float) -> list[float]:
        return [
            min(x0, x1) * self.w,
            min(y0, y1) * self.h,
            max(x0, x1) * self.w,
            max(y0, y1) * self.h,
        ]

    def rect(self, x0: float, y0: float, x1: float, y1: float, fill) -> None:
        self.d.rectangle(self.box(x0, y0, x1, y1), fill=fill)

    def rounded(self, x0: float, y0: float, x1: float, y1: float, r: float, fill) -> None:
        b = self.box(x0, y0, x1, y1)
        radius = min(r * self.h, (b[2] - b[0]) / 2, (b[3] - b[1]) / 2)
        self.d.rounded_rectangle(b, radius=max(0, radius), fill=fill)

    def ellipse(self, cx: float, cy: float, rx: float, ry: float, fill) -> None:
        """Ellipse with centre (cx, cy); rx is a fraction of the width, ry of the height."""
        self.d.ellipse(self.box(cx - rx, cy - ry, cx + rx, cy + ry), fill=fill)

    def circle(self, cx: float, cy: float, r: float, fill) -> None:
        """Circle with radius r as a fraction of the height."""
        x, y, rp = cx * self.w, cy * self.h, max(0.5, r * self.h)
        self.d.ellipse([x - rp, y - rp, x + rp, y + rp], fill=fill)

    def chord(self, cx: float, cy: float, rx: float, ry: float, a0: float, a1: float, fill) -> None:
        self.d.chord(self.box(cx - rx, cy - ry, cx + rx, cy + ry), a0, a1, fill=fill)

    def poly(self, pts: Sequence[Point], fill) -> None:
        self.d.polygon([self.pt(x, y) for x, y in pts], fill=fill)

    def line(self, pts: Sequence[Point], fill, width: float) -> None:
        self.d.line([self.pt(x, y) for x, y in pts], fill=fill, width=max(1, round(width * self.h)))

    def lw(self, width: float) -> int:
        return max(1, round(width * self.h))


def _paste_soft(
    img: Image.Image, color: Color, paint: Callable[[_Pen], None], blur: float = 0.0, scale: int = 4
) -> None:
    """Paint a mask with ``paint`` (greys = opacity) at reduced size, blur it, and use it to lay
    ``color`` over ``img``. ``blur`` is a fraction of the image height."""
    w, h = img.size
    mw, mh = max(1, math.ceil(w / scale)), max(1, math.ceil(h / scale))
    mask = Image.new("L", (mw, mh), 0)
    paint(_Pen(ImageDraw.Draw(mask), mw, mh))
    if blur > 0:
        mask = mask.filter(ImageFilter.GaussianBlur(blur * mh))
    if (mw, mh) != (w, h):
        mask = mask.resize((w, h), _BILINEAR)
    img.paste(color, (0, 0, w, h), mask)


def _grain(img: Image.Image, rng: random.Random, amount: int) -> Image.Image:
    """Add soft, deterministic monochrome grain of +/- ``amount`` levels."""
    if amount <= 0:
        return img
    w, h = img.size
    gw, gh = max(1, w // 2), max(1, h // 2)
    noise = Image.frombytes("L", (gw, gh), rng.randbytes(gw * gh)).resize((w, h), _BILINEAR)
    noise = noise.point([round(v / 255 * 2 * amount) for v in range(256)])
    return ImageChops.add(img, Image.merge("RGB", (noise, noise, noise)), 1.0, -amount)


def _finish(img: Image.Image, rng: random.Random, vignette: float = 0.35) -> Image.Image:
    w, h = img.size
    img = img.filter(ImageFilter.GaussianBlur(max(0.4, 0.85 * h / 900)))
    if vignette > 0:
        radial = Image.radial_gradient("L").resize((w, h), _BILINEAR)
        lut = [
            round(min(1.0, max(0.0, (v - 80) / 175)) ** 1.7 * 255 * vignette) for v in range(256)
        ]
        img.paste((10, 10, 18), (0, 0, w, h), radial.point(lut))
    return _grain(img, rng, 4)


def _jpeg(img: Image.Image) -> bytes:
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=JPEG_QUALITY, progressive=True, optimize=True)
    return buf.getvalue()


def _initials(name: str) -> str:
    skip = {"the", "a", "an", "of", "and", "&", "for", "le", "la", "el", "die", "der", "das"}
    words = [w for w in name.replace("-", " ").split() if w[0].isalnum()]
    significant = [w for w in words if w.lower() not in skip] or words or [name]
    return "".join(w[0] for w in significant[:2]).upper()


def _font(size: float) -> ImageFont.ImageFont | ImageFont.FreeTypeFont:
    return ImageFont.load_default(size=max(6, round(size)))


def _fit_font(draw: ImageDraw.ImageDraw, text: str, max_w: float, max_h: float):
    """The largest built-in font size at which ``text`` fits ``max_w`` x ``max_h``."""
    size = max_h * 1.35
    font = _font(size)
    for _ in range(40):
        box = draw.textbbox((0, 0), text, font=font)
        if (box[2] - box[0] <= max_w and box[3] - box[1] <= max_h) or size <= 6:
            break
        size *= 0.92
        font = _font(size)
    return font


def _draw_centered(draw: ImageDraw.ImageDraw, centre: Point, text: str, font, fill) -> None:
    box = draw.textbbox((0, 0), text, font=font)
    x = centre[0] - (box[0] + box[2]) / 2
    y = centre[1] - (box[1] + box[3]) / 2
    draw.text((x, y), text, font=font, fill=fill)


# --------------------------------------------------------------------------------------------
# Scenes
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Mood:
    sky: tuple[tuple[float, Color], ...]  # stops from the top (0) to the horizon (1)
    sun: Color
    tint: Color  # colour cast laid over every object
    tint_amount: float
    light: float  # brightness of objects
    cloud: Color
    water: Color
    air: Color | None = None  # colour distant things fade into; defaults to the horizon sky


_MOODS = {
    "day": _Mood(((0, (58, 112, 186)), (0.6, (128, 176, 222)), (1, (208, 226, 238))),
                 (255, 250, 232), (255, 248, 235), 0.04, 1.0, (250, 250, 252), (40, 92, 126)),
    "golden": _Mood(((0, (74, 104, 162)), (0.55, (196, 166, 150)), (1, (250, 206, 142))),
                    (255, 226, 160), (255, 186, 112), 0.16, 0.97, (255, 232, 206), (58, 78, 100)),
    "dusk": _Mood(((0, (32, 36, 82)), (0.5, (122, 74, 118)), (1, (238, 142, 94))),
                  (255, 196, 130), (96, 64, 110), 0.3, 0.72, (214, 150, 150), (36, 38, 66),
                  (150, 104, 126)),
    "overcast": _Mood(((0, (122, 132, 146)), (1, (204, 208, 212))),
                      (236, 236, 232), (190, 196, 204), 0.18, 0.9, (222, 224, 228), (78, 94, 106)),
    "night": _Mood(((0, (6, 10, 28)), (0.65, (18, 28, 64)), (1, (50, 56, 92))),
                   (236, 236, 220), (30, 40, 80), 0.35, 0.5, (60, 66, 96), (10, 16, 34)),
}  # fmt: skip


class _Scene:
    def __init__(self, size: tuple[int, int], rng: random.Random) -> None:
        self.w, self.h = size
        self.rng = rng
        self.img = Image.new("RGB", size, (0, 0, 0))
        self.pen = _Pen(ImageDraw.Draw(self.img), self.w, self.h)
        self.mood = _MOODS["day"]
        self.horizon = 0.5
        self.vignette = 0.35

    # -- palette --------------------------------------------------------------------------

    def set_mood(self, *names: str, weights: Sequence[float] | None = None) -> str:
        name = self.rng.choices(names, weights=weights)[0]
        self.mood = _MOODS[name]
        return name

    @property
    def haze(self) -> Color:
        return self.mood.air or self.mood.sky[-1][1]

    def tone(self, c: Color) -> Color:
        """Light an object colour for the current mood."""
        return _shade(_mix(c, self.mood.tint, self.mood.tint_amount), self.mood.light)

    def far(self, c: Color, depth: float) -> Color:
        """Tone ``c`` and fade it into the haze by ``depth`` (0 near, 1 gone)."""
        return _mix(self.tone(c), self.haze, depth)

    def vary(self, c: Color, amount: float = 12) -> Color:
        return _vary(self.rng, c, amount)

    def sub_rng(self) -> random.Random:
        """An independent generator, for loops whose length depends on the pixel size."""
        return random.Random(self.rng.random())

    # -- common elements -------------------------------------------------------------------

    def sky(self, horizon: float) -> None:
        self.horizon = horizon
        stops = [(p * horizon, self.vary(c, 6)) for p, c in self.mood.sky]
        self.img.paste(_gradient((self.w, self.h), stops), (0, 0))

    def sun(self, x: float, y: float, r: float = 0.04, glow: float = 1.0) -> None:
        color = self.mood.sun
        _paste_soft(
            self.img, color, lambda p: p.circle(x, y, r * 3.2, round(110 * glow)), blur=r * 2
        )
        _paste_soft(
            self.img, color, lambda p: p.circle(x, y, r * 1.4, round(150 * glow)), blur=r * 0.6
        )
        self.pen.circle(x, y, r, _mix(color, (255, 255, 255), 0.5))

    def clouds(self, top: float, bottom: float, count: int) -> None:
        rng = self.rng
        blobs = []
        for _ in range(count):
            cx, cy = rng.uniform(-0.1, 1.1), rng.uniform(top, bottom)
            width = rng.uniform(0.08, 0.22) * (0.5 + (cy - top) / max(0.01, bottom - top))
            for _ in range(rng.randint(4, 8)):
                blobs.append(
                    (
                        cx + rng.uniform(-width, width) * 0.6,
                        cy - rng.uniform(0, 0.03),
                        rng.uniform(0.25, 0.5) * width,
                        rng.uniform(0.02, 0.05),
                    )
                )
            blobs.append((cx, cy, width, 0.018))

        def paint(dy: float, alpha: int) -> Callable[[_Pen], None]:
            def _p(pen: _Pen) -> None:
                for bx, by, rx, ry in blobs:
                    pen.ellipse(bx, by + dy, rx, ry, alpha)

            return _p

        shadow = _mix(self.mood.cloud, self.mood.sky[0][1], 0.35)
        _paste_soft(self.img, shadow, paint(0.012, 170), blur=0.012)
        _paste_soft(self.img, self.mood.cloud, paint(0.0, 200), blur=0.01)

    def hills(
        self,
        base: float,
        amp: float,
        color: Color,
        depth: float,
        freq: float = 1.5,
        octaves: int = 4,
    ) -> Callable[[float], float]:
        """A range of hills whose foot is at ``base``; returns the ridge line y(x)."""
        prof = _profile(self.rng, octaves, freq)

        def ridge(x: float) -> float:
            return base - amp * (0.55 + 0.45 * prof(x))

        pts = [(i / 80, ridge(i / 80)) for i in range(81)]
        self.pen.poly([*pts, (1, 1.01), (0, 1.01)], self.far(color, depth))
        return ridge

    def ground(self, top: float, near: Color, far: Color) -> None:
        grad = _gradient((self.w, self.h), [(top, self.tone(far)), (1.0, self.tone(near))])
        hpx = round(top * self.h)
        if hpx < self.h:
            self.img.paste(grad.crop((0, hpx, self.w, self.h)), (0, hpx))

    def haze_band(self, y0: float, y1: float, alpha: float, color: Color | None = None) -> None:
        """Fade toward the haze colour: ``alpha`` at ``y0`` falling to nothing at ``y1``."""
        mask = _gradient((1, self.h), [(y0, (255, 255, 255)), (y1, (0, 0, 0))]).convert("L")
        top = round(y0 * self.h)
        lut = [round(v * alpha) for v in range(256)]
        mask = mask.point(lut).resize((self.w, self.h), _BILINEAR)
        if top > 0:
            mask.paste(0, (0, 0, self.w, top))
        self.img.paste(color or self.haze, (0, 0, self.w, self.h), mask)

    def mist(self, y0: float, y1: float, alpha: float, color: Color) -> None:
        """A soft horizontal band of ``color``, strongest midway between ``y0`` and ``y1``."""
        ym = (y0 + y1) / 2
        peak = (255, 255, 255)
        stops = [(y0, (0, 0, 0)), (ym, peak), (y1, (0, 0, 0))]
        mask = _gradient((1, self.h), stops).convert("L")
        mask = mask.point([round(v * alpha) for v in range(256)]).resize(
            (self.w, self.h), _BILINEAR
        )
        self.img.paste(color, (0, 0, self.w, self.h), mask)

    def water_layer(self, top: float, strength: float = 0.5) -> Image.Image:
        """A full-size image of water below ``top`` that mirrors whatever is above it."""
        w, h = self.w, self.h
        yt = max(1, min(h - 1, round(top * h)))
        wh = h - yt
        src_h = min(yt, wh)
        refl = self.img.crop((0, yt - src_h, w, yt)).transpose(Image.Transpose.FLIP_TOP_BOTTOM)
        if src_h != wh:
            refl = refl.resize((w, wh), _BILINEAR)
        deep = self.mood.water
        grad = _gradient((w, wh), [(0.0, _mix(deep, self.haze, 0.35)), (1.0, deep)])
        refl = Image.blend(refl, grad, strength)
        refl = refl.filter(ImageFilter.GaussianBlur((max(1.0, w / 300), max(0.5, h / 1800))))
        # Break the reflection into ripples by shifting bands sideways.
        rng = self.sub_rng()
        out = refl.copy()
        y = 0
        while y < wh:
            frac = y / wh
            band = max(1, round((1 + 5 * frac) * h / 900 * rng.uniform(0.6, 1.5)))
            dx = round(rng.uniform(-1, 1) * (2 + 14 * frac) * w / 1600)
            out.paste(refl.crop((0, y, w, min(wh, y + band))), (dx, y))
            y += band
        full = self.img.copy()
        full.paste(out, (0, yt))
        return full

    def ripples(self, top: float, count: int, base: Color) -> None:
        rng, pen = self.rng, self.pen
        light = _mix(base, self.haze, 0.45)
        dark = _shade(base, 0.8)
        for _ in range(count):
            t = rng.random() ** 1.5
            y = top + (1 - top) * t
            x = rng.uniform(-0.05, 1.05)
            length = (0.01 + 0.06 * t) * rng.uniform(0.5, 1.5)
            pen.line(
                [(x, y), (x + length, y)], light if rng.random() < 0.5 else dark, 0.0015 + 0.003 * t
            )

    def glitter(self, x: float, top: float, color: Color, count: int = 70) -> None:
        """The sun's broken reflection on water, below ``x``."""
        rng = self.rng
        marks = []
        for _ in range(count):
            t = rng.random() ** 1.3
            y = top + 0.005 + (1 - top) * t
            spread = 0.01 + 0.12 * t
            cx = x + rng.gauss(0, spread * 0.5)
            length = (0.006 + 0.05 * t) * rng.uniform(0.5, 1.3)
            marks.append((cx, y, length, 0.002 + 0.004 * t, round(230 * (1 - 0.6 * t))))

        def paint(pen: _Pen) -> None:
            for cx, y, length, th, a in marks:
                pen.ellipse(cx, y, length / 2, th, a)

        _paste_soft(self.img, color, paint, scale=1)

    def person(
        self,
        x: float,
        feet: float,
        height: float,
        body: Color,
        head: Color,
        legs: Color | None = None,
        stride: float = 0.0,
    ) -> None:
        """A simple standing figure with its feet at (x, feet); height is a fraction of h."""
        pen = self.pen
        u = height
        ar = self.h / self.w  # convert height units to width fractions
        legs = legs or _shade(body, 0.55)
        hip = feet - 0.47 * u
        lw = 0.075 * u
        pen.line([(x - 0.03 * u * ar, hip), (x - (0.04 + stride) * u * ar, feet)], legs, lw)
        pen.line([(x + 0.03 * u * ar, hip), (x + (0.04 + stride * 0.3) * u * ar, feet)], legs, lw)
        pen.rounded(
            x - 0.1 * u * ar, feet - 0.82 * u, x + 0.1 * u * ar, hip + 0.03 * u, 0.05 * u, body
        )
        pen.circle(x, feet - 0.9 * u, 0.075 * u, head)

    def tree(self, x: float, base: float, height: float, leaf: Color, depth: float = 0.0) -> None:
        """A round-crowned deciduous tree."""
        rng, pen = self.rng, self.pen
        ar = self.h / self.w
        trunk = self.far((84, 64, 48), depth)
        pen.rect(x - 0.035 * height * ar, base - 0.5 * height, x + 0.035 * height * ar, base, trunk)
        dark = self.far(_shade(leaf, 0.72), depth)
        mid = self.far(leaf, depth)
        light = self.far(_mix(leaf, (230, 230, 150), 0.25), depth)
        cy = base - 0.62 * height
        r = 0.3 * height
        blobs = [
            (
                x + rng.uniform(-0.9, 0.9) * r * ar,
                cy + rng.uniform(-0.8, 0.6) * r,
                r * rng.uniform(0.45, 0.7),
            )
            for _ in range(7)
        ]
        for bx, by, br in blobs:
            pen.circle(bx, by + 0.08 * height, br, dark)
        for bx, by, br in blobs:
            pen.circle(bx, by, br * 0.9, mid)
        for bx, by, br in blobs[:3]:
            pen.circle(bx - 0.25 * br * ar, by - 0.3 * br, br * 0.45, light)

    def pine(self, x: float, base: float, height: float, color: Color) -> None:
        """A conifer as stacked jagged tiers."""
        rng = self.rng
        ar = self.h / self.w
        half = 0.2 * height * ar * rng.uniform(0.8, 1.2)
        tiers = 5
        pts_l: list[Point] = []
        pts_r: list[Point] = []
        top = base - height
        for i in range(tiers):
            t0 = i / tiers
            t1 = (i + 1) / tiers
            y_out = top + height * (t1 * 0.92)
            y_in = top + height * (t0 + 0.6 * (t1 - t0)) * 0.92
            wid = half * (0.25 + 0.75 * t1)
            pts_l += [(x - wid * 0.45, y_in), (x - wid, y_out)]
            pts_r += [(x + wid * 0.45, y_in), (x + wid, y_out)]
        foot = top + height * 0.92
        trunk = half * 0.1
        pts = [
            (x, top),
            *pts_r,
            (x + trunk, foot),
            (x + trunk, base),
            (x - trunk, base),
            (x - trunk, foot),
            *pts_l[::-1],
        ]
        self.pen.poly(pts, color)


# --------------------------------------------------------------------------------------------
# Motifs
# --------------------------------------------------------------------------------------------


def _boat(s: _Scene, x: float, y: float, length: float, water: Color) -> None:
    """A boat whose waterline centre is at (x, y); ``length`` is in units of the height."""
    rng, pen = s.rng, s.pen
    ar = s.h / s.w
    L = length
    d = rng.choice((-1, 1))  # which way the bow points
    hull = s.tone(
        s.vary(
            rng.choice(
                [
                    (236, 236, 232),
                    (178, 44, 40),
                    (30, 54, 92),
                    (32, 110, 112),
                    (226, 176, 46),
                    (60, 60, 64),
                ]
            ),
            8,
        )
    )

    def X(u: float) -> float:  # local coordinate helper
        return x + d * u * L * ar

    deck = y - 0.16 * L
    # Reflection first, as broken strokes below the waterline.
    refl = _mix(hull, water, 0.55)
    for i in range(5):
        yy = y + 0.02 * L + i * 0.035 * L
        span = 0.45 - i * 0.06
        pen.line([(X(-span + rng.uniform(-0.05, 0.05)), yy), (X(span), yy)], refl, 0.012 * L)
    pen.poly([(X(-0.5), deck), (X(0.58), deck - 0.05 * L), (X(0.4), y), (X(-0.44), y)], hull)
    pen.line(
        [(X(-0.5), deck), (X(0.58), deck - 0.05 * L)], _mix(hull, (255, 255, 255), 0.5), 0.012 * L
    )
    pen.line([(X(-0.46), y - 0.035 * L), (X(0.45), y - 0.035 * L)], _shade(hull, 0.6), 0.015 * L)
    if rng.random() < 0.45:  # sailboat
        mast_top = deck - 0.95 * L
        pen.line([(X(0.02), deck), (X(0.02), mast_top)], s.tone((70, 70, 70)), 0.008 * L)
        sail = s.tone((246, 244, 236))
        pen.poly(
            [(X(0.0), mast_top + 0.05 * L), (X(0.0), deck - 0.08 * L), (X(-0.42), deck - 0.08 * L)],
            sail,
        )
        pen.poly(
            [
                (X(0.05), mast_top + 0.12 * L),
                (X(0.05), deck - 0.08 * L),
                (X(0.38), deck - 0.08 * L),
            ],
            _shade(sail, 0.88),
        )
    else:  # motor boat or fishing boat with a cabin
        cabin = s.tone(s.vary((228, 226, 218), 8))
        pen.rect(X(-0.28), deck - 0.2 * L, X(0.08), deck + 0.005 * L, cabin)
        pen.rect(X(-0.3), deck - 0.23 * L, X(0.1), deck - 0.2 * L, _shade(cabin, 0.7))
        for k in range(3):
            pen.rect(
                X(-0.24 + k * 0.1),
                deck - 0.16 * L,
                X(-0.18 + k * 0.1),
                deck - 0.09 * L,
                s.tone((40, 52, 66)),
            )
        if rng.random() < 0.5:
            pen.line(
                [(X(-0.2), deck - 0.23 * L), (X(-0.2), deck - 0.55 * L)],
                s.tone((60, 60, 60)),
                0.007 * L,
            )


def _harbor(s: _Scene) -> None:
    rng, pen = s.rng, s.pen
    mood = s.set_mood("day", "golden", "dusk", "overcast", weights=(4, 3, 2, 2))
    hz = rng.uniform(0.46, 0.56)
    s.sky(hz)
    s.clouds(0.05, hz - 0.12, rng.randint(3, 7))
    sun_x = rng.uniform(0.2, 0.8)
    sun_y = hz - (rng.uniform(0.04, 0.14) if mood in ("golden", "dusk") else rng.uniform(0.2, 0.35))
    if mood != "overcast":
        s.sun(sun_x, sun_y, 0.035)
    ridge = s.hills(hz, rng.uniform(0.04, 0.1), (70, 96, 86), 0.62, freq=1.2)
    # A town along the far shore, and sometimes a lighthouse.
    for _ in range(rng.randint(25, 45)):
        bx = rng.uniform(-0.02, 1.0)
        bw, bh = rng.uniform(0.006, 0.02), rng.uniform(0.008, 0.035)
        c = s.far(s.vary(rng.choice([(220, 214, 200), (190, 120, 90), (160, 170, 180)]), 15), 0.45)
        pen.rect(bx, hz - bh, bx + bw, hz + 0.002, c)
    if rng.random() < 0.6:
        lx = rng.uniform(0.08, 0.92)
        top = min(ridge(lx), hz) - 0.07
        pen.poly(
            [(lx - 0.006, hz), (lx + 0.006, hz), (lx + 0.004, top), (lx - 0.004, top)],
            s.far((236, 232, 226), 0.3),
        )
        pen.rect(lx - 0.0045, top + 0.02, lx + 0.0045, top + 0.03, s.far((180, 40, 40), 0.3))
        pen.rect(lx - 0.005, top - 0.012, lx + 0.005, top, s.far((250, 236, 170), 0.2))
    s.img.paste(s.water_layer(hz, 0.55))
    water = _mix(s.mood.water, s.haze, 0.3)
    s.ripples(hz, 220, water)
    if mood != "overcast":
        s.glitter(sun_x, hz, s.mood.sun)
    # A jetty from one side.
    side = rng.choice((0, 1))
    jy = rng.uniform(0.76, 0.86)
    jx = rng.uniform(0.22, 0.38)
    x0, x1 = (0.0, jx) if side == 0 else (1 - jx, 1.0)
    wood = s.tone((112, 84, 60))
    for k in range(9):
        px = x0 + (x1 - x0) * (k + 0.5) / 9
        pen.rect(px - 0.004, jy, px + 0.004, jy + 0.07, _shade(wood, 0.7))
        pen.line([(px, jy + 0.075), (px, jy + 0.12)], _mix(_shade(wood, 0.6), water, 0.5), 0.006)
    pen.rect(x0, jy - 0.018, x1, jy, _mix(wood, (200, 180, 150), 0.2))
    pen.rect(x0, jy, x1, jy + 0.008, _shade(wood, 0.6))
    for k in range(3):
        bx = x0 + (x1 - x0) * (0.2 + 0.3 * k)
        pen.rect(bx - 0.004, jy - 0.035, bx + 0.004, jy - 0.018, s.tone((50, 50, 56)))
    # Boats, far ones first.
    placed: list[tuple[float, float, float]] = []  # (x, y, half-width) of each boat
    ar = s.h / s.w
    for by in sorted(rng.uniform(hz + 0.04, 0.95) for _ in range(rng.randint(3, 6))):
        length = (0.06 + 0.38 * (by - hz) / (1 - hz)) * rng.uniform(0.8, 1.15)
        half = length * 0.6 * ar
        for _ in range(25):
            bx = rng.uniform(0.06, 0.94)
            clear_of_jetty = bx - half > x1 or bx + half < x0 or not jy - 0.1 < by < jy + 0.2
            if clear_of_jetty and all(
                abs(bx - px) > half + ph or by - py > length * 1.2 for px, py, ph in placed
            ):
                break
        else:
            continue
        placed.append((bx, by, half))
        _boat(s, bx, by, length, water)


def _buildings(
    s: _Scene,
    base: float,
    depth: float,
    hmin: float,
    hmax: float,
    wmin: float,
    wmax: float,
    night: bool,
    windows: bool,
    details: bool,
    lit_share: float = 0.0,
) -> None:
    rng, pen = s.rng, s.pen
    palette = [
        (150, 160, 172),
        (118, 130, 150),
        (176, 166, 152),
        (92, 110, 132),
        (196, 190, 178),
        (126, 136, 124),
        (156, 100, 84),
        (210, 204, 196),
        (84, 94, 108),
    ]
    lit = [(255, 214, 140), (255, 232, 186), (250, 200, 120), (200, 224, 255)]
    shade_right = rng.random() < 0.5
    x = -rng.uniform(0.0, 0.04)
    while x < 1.0:
        bw = rng.uniform(wmin, wmax)
        bh = rng.uniform(hmin, hmax)
        top = base - bh
        if night:
            face = s.vary((34, 40, 60), 8)
            face = _mix(face, s.haze, depth * 0.5)
        else:
            face = s.far(s.vary(rng.choice(palette), 10), depth)
        side = _shade(face, 0.72)
        pen.rect(x, top, x + bw, base, face)
        sw = bw * 0.18
        if shade_right:
            pen.rect(x + bw - sw, top, x + bw, base, side)
        else:
            pen.rect(x, top, x + sw, base, side)
        feature = rng.random() if details else 1.0
        if feature < 0.2:  # setback
            inset = bw * rng.uniform(0.15, 0.3)
            th = rng.uniform(0.03, 0.08)
            pen.rect(x + inset, top - th, x + bw - inset, top, face)
            if rng.random() < 0.6:
                pen.line(
                    [(x + bw / 2, top - th), (x + bw / 2, top - th - rng.uniform(0.03, 0.08))],
                    side,
                    0.002,
                )
        elif feature < 0.3:  # spire
            pen.poly(
                [(x + bw * 0.2, top), (x + bw * 0.8, top), (x + bw / 2, top - bh * 0.25)], side
            )
        elif feature < 0.45:  # antenna
            pen.line(
                [(x + bw * 0.6, top), (x + bw * 0.6, top - rng.uniform(0.02, 0.06))], side, 0.002
            )
        elif feature < 0.52:  # water tower
            tx = x + bw * rng.uniform(0.25, 0.6)
            pen.line([(tx, top), (tx, top - 0.015)], side, 0.002)
            pen.line([(tx + 0.02, top), (tx + 0.02, top - 0.015)], side, 0.002)
            pen.rect(tx - 0.003, top - 0.045, tx + 0.023, top - 0.015, s.far((120, 90, 70), depth))
            pen.poly(
                [(tx - 0.004, top - 0.045), (tx + 0.024, top - 0.045), (tx + 0.01, top - 0.06)],
                s.far((90, 70, 60), depth),
            )
        if windows:
            cols = max(2, round(bw / 0.011))
            rows = max(2, round(bh / 0.026))
            mx, my = bw * 0.12, 0.012
            cw = (bw - 2 * mx) / cols
            rh = (bh - 2 * my) / rows
            glass_a = _mix(s.haze, face, 0.35)
            glass_b = _shade(_mix(s.mood.sky[0][1], face, 0.4), 0.85)
            for r in range(rows):
                wy = top + my + r * rh
                for c in range(cols):
                    wx = x + mx + c * cw
                    if rng.random() < lit_share:
                        col = rng.choice(lit)
                    elif night:
                        col = _shade(face, 1.25)
                    else:
                        col = glass_a if rng.random() < 0.55 else glass_b
                    pen.rect(wx + cw * 0.18, wy + rh * 0.22, wx + cw * 0.82, wy + rh * 0.78, col)
        x += bw + rng.uniform(-0.008, 0.012)


def _car(s: _Scene, x: float, y: float, length: float) -> None:
    rng, pen = s.rng, s.pen
    ar = s.h / s.w
    L = length
    body = s.tone(
        s.vary(
            rng.choice(
                [
                    (180, 40, 40),
                    (230, 230, 226),
                    (40, 60, 110),
                    (40, 40, 44),
                    (150, 156, 160),
                    (220, 180, 50),
                ]
            ),
            8,
        )
    )
    pen.rounded(x - L * ar / 2, y - 0.3 * L, x + L * ar / 2, y - 0.08 * L, 0.06 * L, body)
    pen.rounded(x - L * ar * 0.28, y - 0.48 * L, x + L * ar * 0.22, y - 0.28 * L, 0.06 * L, body)
    pen.rect(
        x - L * ar * 0.24,
        y - 0.44 * L,
        x + L * ar * 0.18,
        y - 0.3 * L,
        _mix(s.haze, (40, 50, 60), 0.5),
    )
    for wx in (-0.3, 0.3):
        pen.circle(x + wx * L * ar, y - 0.08 * L, 0.085 * L, (24, 24, 26))


def _skyline(s: _Scene) -> None:
    rng, pen = s.rng, s.pen
    mood = s.set_mood("day", "golden", "dusk", "overcast", weights=(4, 3, 2, 2))
    gl = rng.uniform(0.8, 0.87)
    s.sky(gl)
    s.clouds(0.04, 0.4, rng.randint(2, 6))
    if mood != "overcast":
        s.sun(rng.uniform(0.1, 0.9), rng.uniform(0.12, 0.3) if mood == "day" else 0.45, 0.035)
    lit = 0.28 if mood == "dusk" else 0.0
    _buildings(s, gl, 0.62, 0.3, 0.6, 0.03, 0.07, False, False, True)
    _buildings(s, gl, 0.35, 0.2, 0.5, 0.04, 0.09, False, True, True, lit * 0.6)
    _buildings(s, gl, 0.06, 0.1, 0.36, 0.06, 0.13, False, True, True, lit)
    # Street.
    pen.rect(0, gl, 1, 1.01, s.tone((84, 86, 90)))
    pen.rect(0, gl, 1, gl + 0.018, s.tone((168, 164, 156)))
    for k in range(8):
        dx = k / 7 + rng.uniform(-0.02, 0.02)
        pen.rect(
            dx - 0.03, (gl + 1) / 2 + 0.01, dx + 0.03, (gl + 1) / 2 + 0.016, s.tone((220, 214, 180))
        )
    leaf = rng.choice([(76, 120, 60), (96, 132, 64), (64, 104, 70)])
    for _ in range(rng.randint(3, 6)):
        s.tree(rng.uniform(0.02, 0.98), gl + 0.014, rng.uniform(0.15, 0.2), s.vary(leaf, 10))
    for k in range(5):  # street lamps
        lx = (k + 0.5) / 5
        pen.line([(lx, gl + 0.016), (lx, gl - 0.11)], s.tone((50, 52, 58)), 0.003)
        pen.line([(lx, gl - 0.11), (lx + 0.015, gl - 0.11)], s.tone((50, 52, 58)), 0.003)
        pen.rect(lx + 0.01, gl - 0.112, lx + 0.022, gl - 0.104, s.tone((250, 240, 200)))
    lanes = [gl + (1 - gl) * 0.45, 0.99]
    for _ in range(rng.randint(2, 4)):
        _car(s, rng.uniform(0.05, 0.95), rng.choice(lanes), rng.uniform(0.11, 0.13))
    for _ in range(rng.randint(2, 6)):
        s.person(
            rng.uniform(0.03, 0.97),
            gl + 0.016,
            rng.uniform(0.07, 0.08),
            s.tone(s.vary((90, 80, 110), 40)),
            s.tone((150, 110, 80)),
        )


def _night(s: _Scene) -> None:
    rng, pen = s.rng, s.pen
    s.set_mood("night")
    s.vignette = 0.45
    wl = rng.uniform(0.7, 0.78)  # waterline
    s.sky(wl)
    stars = [
        (
            rng.random(),
            rng.random() ** 1.4 * (wl - 0.2),
            rng.uniform(0.0008, 0.0022),
            rng.randint(140, 255),
        )
        for _ in range(160)
    ]
    for x, y, r, b in stars:
        pen.circle(x, y, r, (b, b, min(255, b + 10)))
    mx, my, mr = rng.uniform(0.12, 0.88), rng.uniform(0.1, 0.22), 0.04
    if rng.random() < 0.5:
        s.sun(mx, my, mr, glow=0.6)
    else:  # a crescent: the lit part of the disc only, so no dark "eclipse" disc
        moon = s.mood.sun
        _paste_soft(s.img, moon, lambda p: p.circle(mx, my, mr * 3, 60), blur=mr * 1.5)
        off = rng.choice((-1, 1)) * mr * 0.5 * s.h / s.w

        def crescent(p: _Pen) -> None:
            p.circle(mx, my, mr, 255)
            p.circle(mx + off, my - mr * 0.25, mr * 0.95, 0)

        _paste_soft(s.img, _mix(moon, (255, 255, 255), 0.5), crescent, scale=1)
    s.hills(wl, 0.09, (26, 30, 48), 0.3, freq=1.0)
    _buildings(s, wl, 0.4, 0.25, 0.5, 0.03, 0.07, True, True, True, 0.3)
    _buildings(s, wl, 0.05, 0.12, 0.38, 0.06, 0.12, True, True, True, 0.34)
    # Promenade lights along the waterfront.
    lights = [(k / 14 + rng.uniform(-0.01, 0.01), wl - 0.012) for k in range(15)]
    warm = (255, 206, 130)

    def glow(pen: _Pen) -> None:
        for lx, ly in lights:
            pen.circle(lx, ly, 0.02, 120)

    _paste_soft(s.img, warm, glow, blur=0.012)
    pen.rect(0, wl - 0.006, 1, wl + 0.002, (18, 20, 30))
    for lx, ly in lights:
        pen.line([(lx, ly), (lx, wl)], (40, 40, 50), 0.002)
        pen.circle(lx, ly, 0.004, (255, 236, 190))
    s.img.paste(s.water_layer(wl + 0.002, 0.35))
    s.ripples(wl, 160, (20, 28, 52))


def _field(s: _Scene) -> None:
    rng, pen = s.rng, s.pen
    mood = s.set_mood("day", "golden", "overcast", weights=(4, 3, 2))
    hz = rng.uniform(0.4, 0.52)
    s.sky(hz)
    s.clouds(0.04, hz - 0.1, rng.randint(3, 8))
    if mood != "overcast":
        s.sun(rng.uniform(0.1, 0.9), hz - rng.uniform(0.06, 0.25), 0.035)
    s.hills(hz + 0.005, rng.uniform(0.06, 0.12), (96, 120, 110), 0.62, freq=0.9)
    s.hills(hz + 0.005, rng.uniform(0.02, 0.05), (80, 112, 70), 0.35, freq=1.6)
    # Tree line along parts of the horizon.
    leaf = (52, 82, 48)
    start = rng.uniform(-0.1, 0.5)
    for _ in range(70):
        x = start + rng.uniform(0, 0.55)
        pen.circle(
            x, hz - rng.uniform(0.0, 0.012), rng.uniform(0.01, 0.02), s.far(s.vary(leaf), 0.3)
        )
    crop = rng.choice(
        [
            ((214, 180, 92), (178, 140, 66)),
            ((110, 154, 64), (78, 116, 48)),
            ((150, 120, 186), (96, 126, 74)),
            ((128, 96, 68), (98, 72, 52)),
        ]
    )
    row, furrow = s.tone(crop[0]), s.tone(crop[1])
    pen.rect(0, hz, 1, 1.01, row)
    vx = rng.uniform(0.3, 0.7)
    # Rows converge on a vanishing point on the horizon.
    x = -3.0
    while x < 4.0:
        wrow, wfur = 0.08, 0.035
        pen.poly([(vx, hz), (x + wrow, 1.0), (x + wrow + wfur, 1.0)], furrow)
        x += wrow + wfur
    s.haze_band(hz, hz + (1 - hz) * 0.35, 0.7, _mix(s.haze, row, 0.4))
    # Barn and silo.
    if rng.random() < 0.7:
        bx = rng.uniform(0.1, 0.8)
        by = hz + 0.012
        red = s.far(s.vary((150, 46, 38), 10), 0.2)
        bw, bh = 0.06, 0.05
        pen.rect(bx, by - bh, bx + bw, by, red)
        pen.poly(
            [(bx - 0.004, by - bh), (bx + bw / 2, by - bh - 0.035), (bx + bw + 0.004, by - bh)],
            s.far((70, 60, 60), 0.2),
        )
        pen.rect(bx + bw * 0.35, by - bh * 0.6, bx + bw * 0.65, by, s.far((236, 230, 220), 0.2))
        pen.rect(bx + bw * 0.4, by - bh * 0.55, bx + bw * 0.6, by, _shade(red, 0.7))
        sx = bx + bw + 0.012
        grey = s.far((176, 180, 184), 0.2)
        pen.rect(sx, by - 0.09, sx + 0.018, by, grey)
        pen.ellipse(sx + 0.009, by - 0.09, 0.009, 0.012, _shade(grey, 0.9))
    # A fence receding toward the vanishing point.
    ax, ay = rng.choice((0.04, 0.96)), 0.98
    post = s.tone((96, 74, 56))
    prev = None
    for k in range(1, 26):
        z = 1 + k * 0.45
        fx = vx + (ax - vx) / z
        fy = hz + (ay - hz) / z
        ph = 0.28 / z
        pen.line([(fx, fy), (fx, fy - ph)], post, 0.02 / z)
        if prev is not None:
            px, py, pph = prev
            pen.line([(px, py - pph * 0.9), (fx, fy - ph * 0.9)], post, 0.008 / z)
            pen.line([(px, py - pph * 0.5), (fx, fy - ph * 0.5)], post, 0.008 / z)
        prev = (fx, fy, ph)
    if rng.random() < 0.6:
        tx = 1 - ax + rng.uniform(-0.15, 0.15) * (1 if ax < 0.5 else -1)
        s.tree(min(0.92, max(0.08, tx)), hz + 0.1, 0.22, (70, 110, 56))


def _classroom(s: _Scene) -> None:
    rng, pen = s.rng, s.pen
    s.set_mood("day", "golden", weights=(3, 2))
    s.vignette = 0.4
    w, h = s.w, s.h
    vx, vy = rng.uniform(0.44, 0.56), rng.uniform(0.4, 0.46)
    F = 0.9  # focal length, as a fraction of the height

    def P(X: float, Y: float, Z: float) -> Point:  # perspective projection
        return (vx + F * X / Z * h / w, vy - F * Y / Z)

    XW, YF, YC, ZB = 3.0, -1.3, 1.8, 6.0  # walls, floor, ceiling, back wall
    wall = s.tone(
        s.vary(rng.choice([(232, 222, 196), (206, 222, 210), (214, 224, 232), (236, 214, 190)]), 6)
    )
    floor = s.tone(rng.choice([(160, 116, 74), (176, 160, 136), (140, 110, 84)]))
    ceiling = _mix(wall, (255, 255, 255), 0.4)
    s.img.paste(wall, (0, 0, w, h))
    near = 0.35
    pen.poly([P(-XW, YC, near), P(XW, YC, near), P(XW, YC, ZB), P(-XW, YC, ZB)], ceiling)
    pen.poly([P(-XW, YF, near), P(-XW, YF, ZB), P(XW, YF, ZB), P(XW, YF, near)], floor)
    pen.poly(
        [P(-XW, YC, near), P(-XW, YC, ZB), P(-XW, YF, ZB), P(-XW, YF, near)], _shade(wall, 0.9)
    )
    pen.poly([P(XW, YC, near), P(XW, YC, ZB), P(XW, YF, ZB), P(XW, YF, near)], _shade(wall, 0.82))
    # Floor boards.
    for k in range(-14, 15):
        X = k * 0.22
        pen.line([P(X, YF, ZB), P(X, YF, near)], _shade(floor, 0.85), 0.0015)
    # Ceiling lights.
    for Z in (2.2, 3.6, 5.0):
        for X in (-1.2, 1.2):
            pen.poly(
                [
                    P(X - 0.5, YC, Z - 0.2),
                    P(X + 0.5, YC, Z - 0.2),
                    P(X + 0.5, YC, Z + 0.2),
                    P(X - 0.5, YC, Z + 0.2),
                ],
                (250, 250, 244),
            )
    # Chalkboard with writing.
    board = s.tone(rng.choice([(44, 74, 60), (40, 46, 52), (34, 60, 56)]))
    frame = s.tone((150, 110, 70))
    bx0, by0 = P(-1.9, 1.05, ZB)
    bx1, by1 = P(1.9, -0.15, ZB)
    pen.rect(bx0 - 0.008, by0 - 0.012, bx1 + 0.008, by1 + 0.012, frame)
    pen.rect(bx0, by0, bx1, by1, board)
    chalk = _mix(board, (240, 240, 232), 0.75)
    lines = rng.randint(3, 6)
    for li in range(lines):
        ly = by0 + (by1 - by0) * (0.15 + 0.7 * li / max(1, lines - 1))
        lx = bx0 + (bx1 - bx0) * rng.uniform(0.05, 0.12)
        end = bx0 + (bx1 - bx0) * rng.uniform(0.45, 0.9)
        while lx < end:
            word = rng.uniform(0.012, 0.04)
            pts = [(lx + word * i / 6, ly + 0.004 * math.sin(i * 2.1 + li)) for i in range(7)]
            pen.line(pts, chalk, 0.0025)
            lx += word + 0.01
    if rng.random() < 0.7:  # a diagram at the right of the board
        cx = bx0 + (bx1 - bx0) * 0.8
        cy = (by0 + by1) / 2
        r = (by1 - by0) * 0.28
        pen.d.ellipse(
            pen.box(cx - r * h / w, cy - r, cx + r * h / w, cy + r),
            outline=chalk,
            width=pen.lw(0.003),
        )
        pen.line(
            [
                (cx - r * h / w, cy + r),
                (cx, cy - r),
                (cx + r * h / w, cy + r),
                (cx - r * h / w, cy + r),
            ],
            chalk,
            0.003,
        )
    # Clock.
    cx, cy = P(2.4, 1.2, ZB)
    pen.circle(cx, cy, 0.03, s.tone((60, 60, 64)))
    pen.circle(cx, cy, 0.026, s.tone((248, 246, 240)))
    ang = rng.uniform(0, math.tau)
    pen.line(
        [(cx, cy), (cx + 0.018 * math.sin(ang) * h / w, cy - 0.018 * math.cos(ang))],
        (30, 30, 30),
        0.003,
    )
    pen.line([(cx, cy), (cx, cy - 0.022)], (30, 30, 30), 0.002)
    # Windows on the left wall, with light falling on the floor.
    sky_top, sky_bottom = s.mood.sky[0][1], s.mood.sky[-1][1]
    for Z0 in (2.2, 3.6, 5.0):
        Z1 = Z0 + 0.9
        quad = [P(-XW, 1.3, Z0), P(-XW, 1.3, Z1), P(-XW, -0.3, Z1), P(-XW, -0.3, Z0)]
        pen.poly(quad, _shade(wall, 0.7))
        inner = [
            P(-XW, 1.22, Z0 + 0.06),
            P(-XW, 1.22, Z1 - 0.06),
            P(-XW, -0.22, Z1 - 0.06),
            P(-XW, -0.22, Z0 + 0.06),
        ]
        pen.poly(inner, _mix(sky_top, sky_bottom, 0.6))
        pen.poly([*inner[:2], P(-XW, 0.5, Z1 - 0.06), P(-XW, 0.5, Z0 + 0.06)], sky_top)
        pen.line([P(-XW, 0.5, Z0), P(-XW, 0.5, Z1)], _shade(wall, 0.75), 0.004)
        pen.line(
            [P(-XW, 1.3, (Z0 + Z1) / 2), P(-XW, -0.3, (Z0 + Z1) / 2)], _shade(wall, 0.75), 0.004
        )

    def sunlight(p: _Pen) -> None:
        for Z0 in (2.2, 3.6, 5.0):
            p.poly(
                [
                    P(-XW + 0.2, YF, Z0 - 0.6),
                    P(-XW + 2.2, YF, Z0 - 0.2),
                    P(-XW + 2.2, YF, Z0 + 0.7),
                    P(-XW + 0.2, YF, Z0 + 0.3),
                ],
                70,
            )

    _paste_soft(s.img, s.mood.sun, sunlight, blur=0.01)
    # Posters on the right wall.
    for Z0 in (2.6, 3.8, 5.0):
        c = s.tone(
            s.vary(rng.choice([(200, 80, 60), (60, 120, 170), (230, 190, 80), (90, 150, 100)]), 20)
        )
        pen.poly([P(XW, 1.0, Z0), P(XW, 1.0, Z0 + 0.6), P(XW, 0.1, Z0 + 0.6), P(XW, 0.1, Z0)], c)
    # Desks and chairs, far to near.
    wood = s.tone(s.vary((190, 150, 100), 10))
    metal = s.tone((70, 72, 80))
    chair = s.tone(
        s.vary(rng.choice([(44, 90, 160), (210, 110, 40), (60, 130, 90), (170, 50, 50)]), 10)
    )
    hair_colors = [(40, 30, 24), (90, 60, 36), (20, 18, 18), (150, 110, 60), (60, 40, 30)]
    shirts = [
        (60, 90, 150),
        (200, 70, 60),
        (240, 240, 236),
        (80, 130, 90),
        (230, 180, 60),
        (120, 80, 140),
    ]
    DY = -0.5  # desk top height
    for Z in (5.0, 4.1, 3.2, 2.3, 1.6):
        for X in (-2.0, -0.75, 0.75, 2.0):
            X0, X1, Z0, Z1 = X - 0.42, X + 0.42, Z - 0.25, Z + 0.25
            for lx, lz in ((X0 + 0.04, Z0 + 0.04), (X1 - 0.04, Z0 + 0.04)):
                pen.line([P(lx, DY, lz), P(lx, YF, lz)], metal, 0.004 / Z * 2)
            pen.poly([P(X0, DY, Z0), P(X1, DY, Z0), P(X1, DY, Z1), P(X0, DY, Z1)], wood)
            pen.poly(
                [P(X0, DY, Z0), P(X1, DY, Z0), P(X1, DY - 0.07, Z0), P(X0, DY - 0.07, Z0)],
                _shade(wood, 0.75),
            )
            pen.poly(
                [
                    P(X0 + 0.05, DY - 0.07, Z0),
                    P(X1 - 0.05, DY - 0.07, Z0),
                    P(X1 - 0.05, DY - 0.35, Z0),
                    P(X0 + 0.05, DY - 0.35, Z0),
                ],
                _shade(wood, 0.6),
            )
            cz = Z0 - 0.3
            seated = Z > 2.0 and rng.random() < 0.75
            if seated:
                shirt = s.tone(s.vary(rng.choice(shirts), 15))
                hair = s.tone(rng.choice(hair_colors))
                tx, ty = P(X, -0.1, cz)
                seat_y = P(X, -0.85, cz)[1]
                half = 0.2 / cz * F * h / w
                pen.rounded(tx - half, ty, tx + half, seat_y, 0.06 / cz, shirt)
                hx, hy = P(X, 0.08, cz)
                pen.circle(hx, hy, 0.11 / cz * F, hair)
            pen.poly(
                [
                    P(X - 0.25, -0.85, cz - 0.15),
                    P(X + 0.25, -0.85, cz - 0.15),
                    P(X + 0.25, -0.85, cz + 0.15),
                    P(X - 0.25, -0.85, cz + 0.15),
                ],
                chair,
            )
            back_top = -0.45 if not seated else -0.55
            pen.poly(
                [
                    P(X - 0.24, back_top, cz - 0.16),
                    P(X + 0.24, back_top, cz - 0.16),
                    P(X + 0.24, -0.75, cz - 0.16),
                    P(X - 0.24, -0.75, cz - 0.16),
                ],
                _shade(chair, 0.85),
            )
            for lx in (X - 0.22, X + 0.22):
                pen.line([P(lx, -0.75, cz - 0.16), P(lx, YF, cz - 0.16)], metal, 0.006 / cz)


def _stadium(s: _Scene) -> None:
    rng, pen = s.rng, s.pen
    mood = s.set_mood("day", "golden", "dusk", weights=(3, 2, 2))
    roof_y = rng.uniform(0.1, 0.16)
    stand_bottom = rng.uniform(0.44, 0.5)
    s.sky(roof_y + 0.05)
    if mood == "day":
        s.clouds(0.0, roof_y, 3)
    # Roof and its trusses.
    roof = s.tone((60, 64, 72))
    pen.rect(0, roof_y - 0.02, 1, roof_y + 0.03, roof)
    for k in range(40):
        x = k / 39
        pen.line([(x, roof_y - 0.02), (x + 0.012, roof_y + 0.03)], _shade(roof, 1.3), 0.002)
    # Stands: two tiers of seats and crowd, with a band of boxes between.
    seat = s.tone(
        s.vary(rng.choice([(170, 40, 44), (40, 70, 150), (220, 190, 50), (40, 120, 80)]), 10)
    )
    crowd = [
        (230, 230, 230),
        (30, 30, 36),
        (200, 50, 50),
        (50, 80, 160),
        (240, 200, 60),
        (120, 90, 70),
        (180, 140, 110),
        (90, 150, 200),
        (160, 60, 120),
    ]
    crowd = [_mix(s.tone(c), seat, 0.2) for c in crowd]
    mid = roof_y + 0.03 + (stand_bottom - roof_y - 0.03) * 0.5
    tiers = [(roof_y + 0.03, mid - 0.02), (mid + 0.03, stand_bottom - 0.025)]
    pen.rect(0, roof_y + 0.03, 1, stand_bottom, _shade(seat, 0.45))
    fill = rng.uniform(0.65, 0.95)
    for t0, t1 in tiers:
        pen.rect(0, t0, 1, t1, _shade(seat, 0.8))
        rows, cols = 9, 96
        for r in range(rows):
            y = t0 + (t1 - t0) * (r + 0.5) / rows
            for c in range(cols):
                if rng.random() < fill:
                    x = (c + 0.5 + rng.uniform(-0.3, 0.3)) / cols
                    pen.ellipse(x, y, 0.004, (t1 - t0) / rows * 0.42, rng.choice(crowd))
    # The crowd is far away: soften it (which also keeps the JPEG small).
    stands = (0, round((roof_y + 0.03) * s.h), s.w, round(stand_bottom * s.h))
    if stands[3] > stands[1]:
        soft = s.img.crop(stands).filter(ImageFilter.GaussianBlur(max(0.5, 0.0016 * s.h)))
        s.img.paste(soft, stands[:2])
    box = s.tone((40, 44, 52))
    pen.rect(0, mid - 0.02, 1, mid + 0.03, box)
    for k in range(24):
        x = (k + 0.15) / 24
        pen.rect(x, mid - 0.012, x + 0.03, mid + 0.02, _mix(s.haze, box, 0.5))
    # Advertising boards.
    ad_top = stand_bottom - 0.025
    ads = [(200, 30, 40), (20, 60, 140), (250, 250, 250), (20, 20, 24), (240, 190, 20)]
    x = 0.0
    while x < 1:
        aw = rng.uniform(0.1, 0.2)
        c = rng.choice(ads)
        pen.rect(x, ad_top, x + aw, stand_bottom, s.tone(c))
        ink = (20, 20, 24) if sum(c) > 500 else (250, 250, 250)
        lx = x + 0.02
        while lx < x + aw - 0.03:
            lw = rng.uniform(0.006, 0.014)
            pen.rect(lx, ad_top + 0.007, lx + lw, stand_bottom - 0.007, s.tone(ink))
            lx += lw + 0.004
        x += aw
    # Pitch with mowing stripes, converging on a point high above.
    pt = stand_bottom
    grass_a = s.tone(s.vary((64, 140, 64), 8))
    grass_b = s.tone(_shade((64, 140, 64), 0.85))
    pen.rect(0, pt, 1, 1.01, grass_a)
    vx, vy = 0.5, -1.4

    def down(x: float, y: float = 1.0) -> float:
        return vx + (x - vx) * (y - vy) / (pt - vy)

    n = 14
    for k in range(-4, n + 4, 2):
        xa, xb = k / n, (k + 1) / n
        pen.poly([(xa, pt), (xb, pt), (down(xb), 1.0), (down(xa), 1.0)], grass_b)
    s.haze_band(pt, pt + 0.2, 0.25)
    white = s.tone((240, 240, 236))
    line_y = pt + 0.035
    pen.line([(0, line_y), (1, line_y)], white, 0.004)
    pen.line([(vx, line_y), (vx, 1.0)], white, 0.004)
    ccy = line_y + (1 - line_y) * 0.42
    ring = pen.box(vx - 0.11, ccy - 0.11, vx + 0.11, ccy + 0.11)
    pen.d.ellipse(ring, outline=white, width=pen.lw(0.005))
    pen.circle(vx, ccy, 0.005, white)
    # Players from two teams, and the ball.
    kits = [
        s.tone(s.vary(rng.choice([(200, 30, 40), (250, 250, 250)]), 5)),
        s.tone(s.vary(rng.choice([(30, 70, 170), (240, 200, 30), (30, 30, 34)]), 5)),
    ]
    players = sorted(
        (rng.uniform(line_y + 0.04, 0.97), rng.uniform(0.05, 0.95), rng.randint(0, 1))
        for _ in range(rng.randint(8, 14))
    )
    ball_y = rng.uniform(line_y + 0.1, 0.9)
    for y, x, team in players:
        hgt = 0.06 + (y - pt) * 0.18
        s.pen.ellipse(x, y, hgt * 0.18 * s.h / s.w, hgt * 0.04, _shade(grass_a, 0.6))
        s.person(
            x,
            y,
            hgt,
            kits[team],
            s.tone((150, 110, 80)),
            _shade(kits[team], 0.5),
            stride=rng.uniform(-0.08, 0.08),
        )
    pen.circle(rng.uniform(0.2, 0.8), ball_y, 0.006 + ball_y * 0.004, white)
    # Floodlights, lit toward evening.
    for fx in (rng.uniform(0.05, 0.2), rng.uniform(0.8, 0.95)):
        pen.rect(fx - 0.04, roof_y - 0.08, fx + 0.04, roof_y - 0.02, s.tone((70, 72, 78)))
        if mood != "day":
            _paste_soft(
                s.img,
                (255, 250, 230),
                lambda p, fx=fx: p.ellipse(fx, roof_y - 0.05, 0.08, 0.1, 190),
                blur=0.04,
            )
        for i in range(4):
            for j in range(2):
                lx = fx - 0.032 + i * 0.019
                ly = roof_y - 0.072 + j * 0.026
                pen.rect(
                    lx,
                    ly,
                    lx + 0.014,
                    ly + 0.02,
                    (255, 252, 236) if mood != "day" else s.tone((200, 204, 210)),
                )


def _stall(s: _Scene, x0: float, x1: float, top: float, table: float, depth: float) -> None:
    rng, pen = s.rng, s.pen
    colors = [(200, 40, 44), (30, 100, 150), (40, 120, 70), (230, 150, 30), (110, 60, 120)]
    stripe = s.far(s.vary(rng.choice(colors), 10), depth)
    white = s.far((244, 240, 230), depth)
    post = s.far((90, 74, 60), depth)
    # Shadowy back of the stall, with shelves of jars and boxes.
    back = s.far((70, 60, 56), depth)
    pen.rect(x0, top, x1, table, back)
    goods = [(200, 120, 50), (230, 200, 120), (150, 60, 50), (120, 150, 80), (220, 220, 210)]
    for shelf_y in (top + 0.2, top + 0.29):
        pen.rect(x0 + 0.01, shelf_y, x1 - 0.01, shelf_y + 0.006, _shade(back, 1.5))
        gx = x0 + 0.015
        while gx < x1 - 0.03:
            gw, gh = rng.uniform(0.008, 0.018), rng.uniform(0.025, 0.05)
            item = _mix(s.far(rng.choice(goods), depth), back, 0.35)
            pen.rect(gx, shelf_y - gh, gx + gw, shelf_y, item)
            gx += gw + rng.uniform(0.003, 0.012)
    # Posts.
    pen.rect(x0, top, x0 + 0.006, 0.95, post)
    pen.rect(x1 - 0.006, top, x1, 0.95, post)
    # Awning: a slanted band of stripes with a scalloped edge.
    a_bot = top + 0.1
    n = max(4, round((x1 - x0) / 0.025))
    step = (x1 - x0 + 0.02) / n
    for k in range(n):
        xa = x0 - 0.01 + k * step
        c = stripe if k % 2 == 0 else white
        pen.poly(
            [
                (xa + 0.01, top - 0.04),
                (xa + step + 0.01, top - 0.04),
                (xa + step, a_bot),
                (xa, a_bot),
            ],
            c,
        )
        pen.chord(xa + step / 2, a_bot, step / 2, 0.022, 0, 180, c)
    pen.rect(x0 - 0.005, top - 0.05, x1 + 0.015, top - 0.035, _shade(stripe, 0.7))
    # Table and produce crates.
    pen.rect(x0 + 0.005, table, x1 - 0.005, table + 0.012, s.far((150, 116, 80), depth))
    cloth = s.far(s.vary(rng.choice([(236, 230, 214), (120, 40, 40), (60, 80, 120)]), 8), depth)
    pen.rect(x0 + 0.008, table + 0.012, x1 - 0.008, min(0.95, table + 0.18), cloth)
    produce = [
        (240, 140, 40),
        (200, 40, 40),
        (245, 215, 60),
        (90, 150, 60),
        (90, 50, 90),
        (220, 60, 40),
        (120, 180, 70),
    ]
    cx = x0 + 0.012
    ar = s.h / s.w
    while cx < x1 - 0.05:
        cw = rng.uniform(0.045, 0.07)
        crate = s.far((170, 130, 84), depth)
        fruit = s.far(rng.choice(produce), depth)
        r = rng.uniform(0.008, 0.011)
        rows = 4
        for ri in range(rows):
            cnt = max(1, int((cw - ri * 2 * r * ar) / (2 * r * ar)))
            for k in range(cnt):
                fx = cx + r * ar + ri * r * ar + k * 2 * r * ar
                fy = table - 0.02 - ri * r * 1.6
                pen.circle(fx, fy, r, _vary(rng, fruit, 12))
                pen.circle(
                    fx - 0.3 * r * ar, fy - 0.3 * r, r * 0.3, _mix(fruit, (255, 255, 255), 0.35)
                )
        pen.rect(cx, table - 0.03, cx + cw, table, crate)
        pen.line([(cx, table - 0.015), (cx + cw, table - 0.015)], _shade(crate, 0.75), 0.002)
        cx += cw + 0.008
    # A chalkboard price sign.
    sx = rng.uniform(x0 + 0.02, x1 - 0.06)
    pen.rect(sx, table + 0.03, sx + 0.04, table + 0.07, s.far((40, 44, 40), depth))
    pen.line([(sx + 0.008, table + 0.045), (sx + 0.03, table + 0.045)], (220, 220, 210), 0.002)
    pen.line([(sx + 0.008, table + 0.056), (sx + 0.024, table + 0.056)], (220, 220, 210), 0.002)


def _market(s: _Scene) -> None:
    rng, pen = s.rng, s.pen
    mood = s.set_mood("day", "golden", "overcast", weights=(4, 3, 2))
    gy = rng.uniform(0.6, 0.66)
    s.sky(0.35)
    # Facades behind the market.
    facades = [
        (222, 196, 140),
        (200, 120, 90),
        (234, 226, 206),
        (160, 180, 150),
        (210, 170, 120),
        (180, 190, 200),
    ]
    x = -rng.uniform(0, 0.05)
    while x < 1:
        fw = rng.uniform(0.12, 0.22)
        top = rng.uniform(0.05, 0.2)
        c = s.far(s.vary(rng.choice(facades), 10), 0.15)
        pen.rect(x, top, x + fw, gy, c)
        pen.rect(x - 0.004, top - 0.012, x + fw + 0.004, top, _shade(c, 0.8))
        shutters = s.tone(s.vary(rng.choice([(60, 100, 80), (80, 100, 140), (150, 80, 60)]), 10))
        cols = max(2, round(fw / 0.05))
        for r in range(3):
            wy = top + 0.04 + r * 0.09
            if wy + 0.06 > gy - 0.1:
                break
            for k in range(cols):
                wx = x + fw * (k + 0.5) / cols
                pen.rect(wx - 0.012, wy, wx + 0.012, wy + 0.06, _shade(c, 0.45))
                pen.rect(wx - 0.02, wy, wx - 0.012, wy + 0.06, shutters)
                pen.rect(wx + 0.012, wy, wx + 0.02, wy + 0.06, shutters)
        x += fw
    s.ground(gy, (150, 140, 128), (186, 176, 160))
    stone = s.tone((140, 130, 118))
    for k in range(12):
        y = gy + (1 - gy) * (k / 12) ** 1.3
        pen.line([(0, y), (1, y)], stone, 0.0015)
    # Stalls.
    n = rng.randint(3, 4)
    span = 1.0 / n
    for k in range(n):
        x0 = k * span + rng.uniform(0.005, 0.02)
        x1 = (k + 1) * span - rng.uniform(0.005, 0.02)
        _stall(s, x0, x1, rng.uniform(0.3, 0.36), gy + rng.uniform(0.04, 0.07), 0.0)
    # String lights.
    bulbs = []
    for k in range(n + 1):
        xa, xb = k * span - span / 2, k * span + span / 2
        for i in range(9):
            t = i / 8
            bx = xa + (xb - xa) * t
            by = 0.27 + 0.05 * math.sin(math.pi * t)
            bulbs.append((bx, by))
    pen.line(bulbs, (50, 46, 44), 0.0015)
    if mood != "day":
        _paste_soft(
            s.img,
            (255, 210, 140),
            lambda p: [p.circle(bx, by, 0.015, 150) for bx, by in bulbs],
            blur=0.01,
        )
    for bx, by in bulbs:
        pen.circle(bx, by + 0.006, 0.005, (255, 236, 180))
    # Shoppers in the foreground.
    clothes = [
        (60, 80, 120),
        (180, 60, 50),
        (220, 200, 160),
        (50, 50, 56),
        (90, 130, 90),
        (200, 150, 60),
        (140, 90, 130),
    ]
    skin = [(224, 180, 150), (180, 130, 96), (120, 84, 60), (236, 200, 170)]
    people = sorted(
        (rng.uniform(0.82, 1.12), rng.uniform(0.02, 0.98)) for _ in range(rng.randint(3, 6))
    )
    for feet, px in people:
        s.person(
            px,
            feet,
            0.28 + (feet - 0.8) * 0.6,
            s.tone(s.vary(rng.choice(clothes), 10)),
            s.tone(rng.choice(skin)),
            stride=rng.uniform(-0.06, 0.06),
        )


def _river(s: _Scene) -> None:
    rng, pen = s.rng, s.pen
    mood = s.set_mood("day", "golden", "overcast", "dusk", weights=(4, 3, 2, 1))
    hz = rng.uniform(0.36, 0.46)
    s.sky(hz)
    s.clouds(0.03, hz - 0.08, rng.randint(3, 7))
    cx = rng.uniform(0.35, 0.65)
    if mood != "overcast":
        s.sun(cx + rng.uniform(-0.2, 0.2), hz - rng.uniform(0.08, 0.22), 0.032)
    s.hills(hz + 0.004, rng.uniform(0.1, 0.18), (104, 118, 140), 0.55, freq=0.8, octaves=5)
    s.hills(hz + 0.004, rng.uniform(0.04, 0.08), (74, 108, 72), 0.3, freq=1.3)
    s.ground(hz, (84, 132, 58), (120, 150, 90))
    s.haze_band(hz, hz + 0.12, 0.55)
    # The river: meanders in world space, drawn in perspective.
    amp, omega, phase = rng.uniform(0.5, 0.9), rng.uniform(0.35, 0.6), rng.uniform(0, math.tau)
    width = rng.uniform(0.7, 1.0)
    ar = s.h / s.w
    left, right, centres = [], [], []
    for i in range(121):
        y = hz + 0.001 + (1.06 - hz) * (i / 120) ** 2
        d = y - hz
        z = 1 / d
        c = cx + d * amp * math.sin(phase + omega * z) * ar
        half = d * width / 2 * ar
        left.append((c - half, y))
        right.append((c + half, y))
        centres.append((c, y, half))
    bank = s.tone((150, 136, 100))
    pen.poly(
        [(x - 0.004 - (y - hz) * 0.04, y) for x, y in left]
        + [(x + 0.004 + (y - hz) * 0.04, y) for x, y in right[::-1]],
        bank,
    )
    water = s.water_layer(hz)
    mask = Image.new("L", (s.w, s.h), 0)
    _Pen(ImageDraw.Draw(mask), s.w, s.h).poly(left + right[::-1], 255)
    s.img.paste(water, (0, 0), mask)
    ripple = _mix(s.mood.water, s.haze, 0.55)
    for _ in range(90):
        c, y, half = rng.choice(centres[20:])
        x = c + rng.uniform(-0.7, 0.7) * half
        pen.line([(x, y), (x + half * rng.uniform(0.1, 0.3), y)], ripple, 0.001 + 0.003 * (y - hz))
    # Trees along the banks, far ones first.
    leaf = rng.choice([(70, 112, 56), (86, 120, 50), (60, 100, 64)])
    trees = []
    for _ in range(rng.randint(10, 16)):
        i = rng.randint(8, 100)
        c, y, half = centres[i]
        side = rng.choice((-1, 1))
        x = c + side * (half + (y - hz) * rng.uniform(0.15, 0.9) * ar)
        trees.append((y, x))
    for y, x in sorted(trees):
        depth = max(0.0, 0.5 - (y - hz) * 1.5)
        s.tree(x, y, (y - hz) * rng.uniform(0.8, 1.3), s.vary(leaf, 10), depth)


def _hall(s: _Scene) -> None:
    rng, pen = s.rng, s.pen
    mood = s.set_mood("day", "golden", "overcast", weights=(4, 3, 2))
    gy = rng.uniform(0.78, 0.84)
    s.sky(gy)
    s.clouds(0.03, 0.35, rng.randint(2, 5))
    sun_x = rng.choice((rng.uniform(0.05, 0.2), rng.uniform(0.8, 0.95)))
    if mood != "overcast":
        s.sun(sun_x, rng.uniform(0.1, 0.25), 0.032)
    stone = s.tone(
        s.vary(rng.choice([(226, 220, 204), (214, 206, 190), (232, 228, 220), (200, 186, 166)]), 6)
    )
    shadow = _shade(stone, 0.7)
    dark = _shade(stone, 0.45)
    cx = rng.uniform(0.45, 0.55)
    half = rng.uniform(0.22, 0.28)
    ncol = rng.choice((4, 6, 6, 8))
    steps_top = gy - 0.07
    col_top = steps_top - rng.uniform(0.25, 0.3)
    ent_top = col_top - 0.055
    ped_top = ent_top - rng.uniform(0.075, 0.095)  # apex of the pediment
    # Wings.
    wing = rng.uniform(0.14, 0.22)
    wing_top = col_top + 0.04
    for sgn in (-1, 1):
        a, b = cx + sgn * half, cx + sgn * (half + wing)
        pen.rect(a, wing_top, b, gy, _shade(stone, 0.92))
        pen.rect(a, wing_top - 0.015, b, wing_top, shadow)
        for r in range(2):
            for k in range(4):
                wx = min(a, b) + (abs(b - a)) * (k + 0.5) / 4
                wy = wing_top + 0.05 + r * 0.14
                pen.rect(wx - 0.012, wy, wx + 0.012, wy + 0.09, _mix(dark, s.haze, 0.2))
                pen.chord(wx, wy, 0.012, 0.015, 180, 360, _mix(dark, s.haze, 0.2))
    # Dome or clock tower behind the pediment; its top carries the flag.
    drum_top = ped_top - 0.06
    if rng.random() < 0.5:
        pen.rect(cx - 0.075, drum_top, cx + 0.075, ped_top + 0.05, shadow)
        pen.rect(cx - 0.08, drum_top - 0.008, cx + 0.08, drum_top + 0.004, stone)
        for k in range(7):
            px = cx - 0.066 + k * 0.0213
            pen.rect(px, drum_top + 0.01, px + 0.007, ped_top + 0.05, _shade(stone, 0.85))
        dome = s.tone(rng.choice([(120, 150, 140), (150, 150, 156), (170, 140, 100)]))
        pen.chord(cx, drum_top, 0.072, 0.1, 180, 360, dome)
        pen.chord(cx + 0.02, drum_top, 0.05, 0.09, 270, 360, _shade(dome, 0.85))
        pen.rect(cx - 0.006, drum_top - 0.125, cx + 0.006, drum_top - 0.095, stone)
        pole_base = drum_top - 0.125
    else:
        tower = _shade(stone, 0.93)
        pen.rect(cx - 0.042, drum_top - 0.07, cx + 0.042, ped_top + 0.05, tower)
        pen.circle(cx, drum_top - 0.025, 0.03, s.tone((246, 244, 236)))
        pen.line([(cx, drum_top - 0.025), (cx, drum_top - 0.046)], (40, 40, 40), 0.003)
        pen.line([(cx, drum_top - 0.025), (cx + 0.011, drum_top - 0.025)], (40, 40, 40), 0.003)
        pen.rect(cx - 0.048, drum_top - 0.078, cx + 0.048, drum_top - 0.068, shadow)
        pen.poly(
            [(cx - 0.048, drum_top - 0.078), (cx + 0.048, drum_top - 0.078), (cx, drum_top - 0.13)],
            shadow,
        )
        pole_base = drum_top - 0.13
    # Flag.
    pole_top = pole_base - 0.07
    pen.line([(cx, pole_base), (cx, pole_top)], (80, 80, 80), 0.002)
    flag = s.tone(s.vary(rng.choice([(180, 40, 40), (30, 70, 150), (40, 120, 70)]), 10))
    pen.poly(
        [
            (cx, pole_top),
            (cx + 0.035, pole_top + 0.006),
            (cx + 0.034, pole_top + 0.03),
            (cx, pole_top + 0.026),
        ],
        flag,
    )
    # Portico: back wall, doors, columns.
    pen.rect(cx - half, col_top, cx + half, steps_top, dark)
    for k in range(3):
        dx = cx + (k - 1) * half * 0.45
        pen.rect(dx - 0.02, steps_top - 0.16, dx + 0.02, steps_top, _shade(stone, 0.3))
        pen.chord(dx, steps_top - 0.16, 0.02, 0.025, 180, 360, _shade(stone, 0.3))
    light_left = sun_x < 0.5
    for k in range(ncol):
        px = cx - half + 0.02 + (2 * half - 0.04) * k / (ncol - 1)
        cw = 0.014
        pen.rect(px - cw, col_top + 0.015, px + cw, steps_top - 0.012, stone)
        if light_left:
            pen.rect(px + cw * 0.2, col_top + 0.015, px + cw, steps_top - 0.012, shadow)
        else:
            pen.rect(px - cw, col_top + 0.015, px - cw * 0.2, steps_top - 0.012, shadow)
        for f in (-0.5, 0.0, 0.5):
            pen.line(
                [(px + f * cw, col_top + 0.02), (px + f * cw, steps_top - 0.015)],
                _shade(stone, 0.85),
                0.0012,
            )
        pen.rect(px - cw * 1.5, col_top, px + cw * 1.5, col_top + 0.015, stone)
        pen.rect(px - cw * 1.4, steps_top - 0.015, px + cw * 1.4, steps_top, stone)
    # Entablature and pediment.
    pen.rect(cx - half - 0.01, ent_top, cx + half + 0.01, col_top, stone)
    pen.rect(cx - half - 0.01, col_top - 0.018, cx + half + 0.01, col_top - 0.012, shadow)
    pen.rect(cx - half - 0.015, ent_top - 0.008, cx + half + 0.015, ent_top + 0.004, shadow)
    pen.poly(
        [(cx - half - 0.015, ent_top - 0.008), (cx + half + 0.015, ent_top - 0.008), (cx, ped_top)],
        stone,
    )
    pen.poly(
        [
            (cx - half + 0.03, ent_top - 0.014),
            (cx + half - 0.03, ent_top - 0.014),
            (cx, ped_top + 0.02),
        ],
        shadow,
    )
    # Steps.
    nsteps = 6
    for k in range(nsteps):
        y0 = steps_top + (gy - steps_top) * k / nsteps
        y1 = steps_top + (gy - steps_top) * (k + 1) / nsteps
        grow = 0.01 + k * 0.008
        pen.rect(cx - half - grow, y0, cx + half + grow, y1, stone)
        pen.rect(cx - half - grow, y1 - (y1 - y0) * 0.3, cx + half + grow, y1, shadow)
    # Plaza.
    s.ground(gy, (170, 160, 146), (196, 188, 174))
    paving = s.tone((150, 142, 130))
    for k in range(-10, 11):
        pen.line([(cx + k * 0.02, gy), (cx + k * 0.16, 1.0)], paving, 0.0015)
    for k in range(1, 6):
        y = gy + (1 - gy) * (k / 6) ** 1.5
        pen.line([(0, y), (1, y)], paving, 0.0015)
    # Trees, lamps, people.
    leaf = rng.choice([(70, 110, 56), (86, 120, 50)])
    for sgn in (-1, 1):
        tx = cx + sgn * (half + wing + rng.uniform(0.02, 0.06))
        s.tree(tx, gy + 0.01, rng.uniform(0.3, 0.38), s.vary(leaf, 8))
        lx = cx + sgn * (half + 0.05)
        pen.line([(lx, gy + 0.03), (lx, gy - 0.12)], s.tone((40, 42, 46)), 0.004)
        pen.rounded(lx - 0.007, gy - 0.14, lx + 0.007, gy - 0.115, 0.005, s.tone((250, 236, 190)))
    clothes = [(60, 80, 120), (180, 60, 50), (220, 200, 160), (50, 50, 56), (90, 130, 90)]
    for _ in range(rng.randint(3, 7)):
        feet = rng.uniform(steps_top + 0.02, 0.97)
        s.person(
            rng.uniform(0.05, 0.95),
            feet,
            0.06 + (feet - steps_top) * 0.35,
            s.tone(s.vary(rng.choice(clothes), 10)),
            s.tone((170, 130, 100)),
        )


def _forest(s: _Scene) -> None:
    rng, pen = s.rng, s.pen
    mood = s.set_mood("day", "golden", "overcast", "dusk", weights=(2, 4, 3, 2))
    hz = rng.uniform(0.5, 0.6)
    s.sky(hz)
    sun_x = rng.uniform(0.2, 0.8)
    sun_y = hz - rng.uniform(0.1, 0.25)
    if mood != "overcast":
        s.sun(sun_x, sun_y, 0.035)
    else:
        s.clouds(0.02, hz - 0.1, 6)
    s.hills(hz, rng.uniform(0.08, 0.16), (110, 126, 150), 0.65, freq=0.9, octaves=5)
    green = s.vary(rng.choice([(34, 70, 52), (40, 76, 46), (30, 62, 60)]), 6)
    layers = 5
    rays = [(sun_x + rng.uniform(-0.4, 0.4), rng.uniform(0.02, 0.05)) for _ in range(5)]

    def shafts(p: _Pen) -> None:
        for tx, wdt in rays:
            p.poly([(sun_x, sun_y), (tx - wdt, 1.0), (tx + wdt, 1.0)], 40)

    for li in range(layers):
        if li == layers - 2 and mood != "overcast":  # light shafts behind the nearest trees
            _paste_soft(s.img, s.mood.sun, shafts, blur=0.02)
        t = li / (layers - 1)  # 0 far, 1 near
        depth = 0.72 * (1 - t) ** 1.3
        base = hz + 0.02 + t * (1.0 - hz) * 0.85
        ridge = _profile(rng, 3, 1.2)
        amp = 0.02 + 0.03 * t
        color = s.far(_shade(green, 1.0 - 0.3 * t), depth)

        def line(x: float, base: float = base, ridge=ridge, amp: float = amp) -> float:
            return base - amp * (0.5 + 0.5 * ridge(x))

        pen.poly([*[(i / 60, line(i / 60)) for i in range(61)], (1, 1.01), (0, 1.01)], color)
        tall = 0.08 + 0.32 * t**1.5
        count = int(70 - 45 * t)
        xs = sorted(rng.uniform(-0.05, 1.05) for _ in range(count))
        for x in xs:
            s.pine(x, line(x) + 0.01, tall * rng.uniform(0.6, 1.25), color)
        if li < layers - 1:  # mist settling in front of this layer
            mist = _mix(s.haze, (255, 255, 255), 0.25)
            s.mist(base - 0.06, base + 0.06, 0.6 - 0.35 * t, mist)


_PAINTERS: dict[str, Callable[[_Scene], None]] = {
    "harbor": _harbor,
    "skyline": _skyline,
    "field": _field,
    "classroom": _classroom,
    "stadium": _stadium,
    "market": _market,
    "river": _river,
    "hall": _hall,
    "forest": _forest,
    "night": _night,
}
