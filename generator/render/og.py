"""Open Graph preview images (800x420 PNG, the 1.91:1 shape every platform shows): the plan's title over its volume chart.

Drawn with Pillow (a WeasyPrint dependency) and a bundled system font, with no
timestamps in the file, so the same plan always gives the same bytes.

:func:`preview_inputs` gives everything the image depends on as plain values (the
texts and each bar's height in pixels), and :func:`draw_preview` draws from those
alone: a build can keep images keyed on :func:`inputs_key` and draw only when it
changes.

The image is 16 grays, stored as a 4-bit palette: it is drawn in palette indexes
(a grayscale image whose values are 0-15, the antialiasing of its text included),
so the file is a third of an 8-bit grayscale one and nothing is quantised.
"""

from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from markupsafe import escape

from ..describe import race_text
from ..digest import digest
from ..expanded import ExpandedPlan
from ..i18n import ngettext
from .markdown import plain_text
from .views import LEVEL_NAMES

if TYPE_CHECKING:  # Pillow is imported when an image is drawn: a build whose images are all cached never needs it
    from PIL import ImageDraw, ImageFont

SIZE = (800, 420)
K = SIZE[0] / 1200  # the layout below is drawn for 1200 pixels wide
STYLE = 2  # bumped whenever the drawing changes, so images kept by their inputs are drawn again
# Grayscale reads on every theme. Palette indexes: 0 is the darkest gray, 15 the lightest.
LEVELS = 16
DARK, LIGHT = 24, 248  # the grays of index 0 and index 15; the others lie evenly between
BG, INK, MUTED, BAR, REDUCED = 15, 0, 4, 2, 10
PALETTE = [round(DARK + (LIGHT - DARK) * i / (LEVELS - 1)) for i in range(LEVELS) for _ in range(3)]
CHART_HEIGHT = 200  # of the tallest bar, at 1200 pixels wide
_FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"))


def px(value: float) -> int:
    return round(value * K)


@lru_cache(maxsize=8)
def _font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    from PIL import ImageFont

    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    for folder in _FONT_DIRS:
        if (folder / name).exists():
            return ImageFont.truetype(str(folder / name), size)
    return ImageFont.load_default(size)


def _wrap(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont | ImageFont.ImageFont, width: int, lines: int) -> list[str]:
    words, result, line = text.split(), [], ""
    for word in words:
        trial = f"{line} {word}".strip()
        if draw.textlength(trial, font=font) <= width:
            line = trial
            continue
        if line:
            result.append(line)
        line = word
        if len(result) == lines:
            break
    if line and len(result) < lines:
        result.append(line)
    if len(result) == lines and " ".join(result) != " ".join(words):
        result[-1] = result[-1].rstrip(".,;:") + "…"
    return result


def plan_subtitle(expanded: ExpandedPlan) -> str:
    """``Novice · 16 weeks · Spring 10K — 10K``: the level, the length and the race, in the plan's units."""
    plan = expanded.plan
    race = ""
    if plan.race is not None:
        distance = escape(race_text(plan.race.length, plan.units))
        race = plain_text(f"{escape(plan.race.name)} — {distance}" if plan.race.name else str(distance))
    return " · ".join(filter(None, [LEVEL_NAMES.get(plan.level, ""), ngettext("%(num)d week", "%(num)d weeks", len(expanded.weeks)) % {"num": len(expanded.weeks)},
                                    race.replace("\n", " ")]))


def preview_inputs(expanded: ExpandedPlan | None, site_title: str, title: str, subtitle: str | None = None) -> dict[str, Any]:
    """Everything the image shows, as plain values: the same inputs, the same image. Pure: a
    cache of images can be keyed on it. ``subtitle``: a plan's is :func:`plan_subtitle`."""
    if subtitle is None:
        subtitle = plan_subtitle(expanded) if expanded is not None else ""
    bars: list[list[Any]] = []
    if expanded is not None and expanded.weeks:
        values = [expanded.volume(w) for w in expanded.weeks]
        top = max(values) or 1.0
        bars = [[round(px(CHART_HEIGHT) * value / top), week.kind != "load"]
                for week, value in zip(expanded.weeks, values, strict=True)]
    return {"style": STYLE, "size": list(SIZE), "site_title": site_title, "title": title, "subtitle": subtitle,
            "bars": bars}


def inputs_key(inputs: dict[str, Any]) -> str:
    """A short hash of :func:`preview_inputs`, to keep images by."""
    return digest(inputs)


def preview_png(expanded: ExpandedPlan | None, site_title: str, title: str, subtitle: str | None = None) -> bytes:
    """A plan's preview (``expanded`` None: the site's), drawn from :func:`preview_inputs`."""
    return draw_preview(preview_inputs(expanded, site_title, title, subtitle))


def draw_preview(inputs: dict[str, Any]) -> bytes:
    """The image of :func:`preview_inputs`, from them alone."""
    from PIL import Image, ImageDraw

    width, height = inputs["size"]
    image = Image.new("L", (width, height), BG)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, width, px(14)), fill=BAR)
    draw.text((px(64), px(48)), inputs["site_title"], font=_font(px(30), bold=True), fill=MUTED)
    y = px(100)
    for line in _wrap(draw, inputs["title"], _font(px(64), bold=True), width - px(128), 2):
        draw.text((px(64), y), line, font=_font(px(64), bold=True), fill=INK)
        y += px(78)
    for line in _wrap(draw, inputs["subtitle"], _font(px(32)), width - px(128), 2):
        draw.text((px(64), y + px(8)), line, font=_font(px(32)), fill=MUTED)
        y += px(42)
    bars = inputs["bars"]
    if bars:
        left, right, bottom = px(64), width - px(64), height - px(48)
        slot = (right - left) / len(bars)
        for index, (bar, reduced) in enumerate(bars):
            x0 = left + slot * index + slot * 0.15
            x1 = left + slot * (index + 1) - slot * 0.15
            draw.rectangle((x0, bottom - bar, x1, bottom), fill=REDUCED if reduced else BAR)
    image.putpalette(PALETTE)  # the values drawn are the palette's indexes
    buffer = io.BytesIO()
    # Named rather than format="PNG": Pillow then loads only its PNG writer, not five image plugins.
    buffer.name = "preview.png"
    # Level 3: a tenth bigger than the default level 6, in half its time.
    image.save(buffer, bits=4, compress_level=3)
    return buffer.getvalue()
