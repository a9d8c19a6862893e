"""Open Graph preview images (800x420 grayscale PNG, the 1.91:1 shape every platform shows): the plan's title over its volume chart.

Drawn with Pillow (a WeasyPrint dependency) and a bundled system font, with no
timestamps in the file, so the same plan always gives the same bytes.
"""

from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from ..expanded import ExpandedPlan

SIZE = (800, 420)
K = SIZE[0] / 1200  # the layout below is drawn for 1200 pixels wide
# Grayscale: a third of the bytes to encode of a colour image, and it reads on every theme.
BG, INK, MUTED, BAR, REDUCED = 248, 24, 88, 48, 170
_FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"))


@lru_cache(maxsize=8)
def _font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
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


def preview_png(expanded: ExpandedPlan | None, site_title: str, title: str, subtitle: str) -> bytes:
    image = Image.new("L", SIZE, BG)
    draw = ImageDraw.Draw(image)

    def px(value: float) -> int:
        return round(value * K)

    draw.rectangle((0, 0, SIZE[0], px(14)), fill=BAR)
    draw.text((px(64), px(48)), site_title, font=_font(px(30), bold=True), fill=MUTED)
    y = px(100)
    for line in _wrap(draw, title, _font(px(64), bold=True), SIZE[0] - px(128), 2):
        draw.text((px(64), y), line, font=_font(px(64), bold=True), fill=INK)
        y += px(78)
    for line in _wrap(draw, subtitle, _font(px(32)), SIZE[0] - px(128), 2):
        draw.text((px(64), y + px(8)), line, font=_font(px(32)), fill=MUTED)
        y += px(42)
    if expanded is not None and expanded.weeks:
        values = [w.distance_km if expanded.basis == "distance" else w.minutes for w in expanded.weeks]
        top = max(values) or 1.0
        left, right, bottom, height = px(64), SIZE[0] - px(64), SIZE[1] - px(48), px(200)
        slot = (right - left) / len(values)
        for index, (week, value) in enumerate(zip(expanded.weeks, values, strict=True)):
            x0 = left + slot * index + slot * 0.15
            x1 = left + slot * (index + 1) - slot * 0.15
            y0 = bottom - height * value / top
            draw.rectangle((x0, y0, x1, bottom), fill=BAR if week.kind == "load" else REDUCED)
    buffer = io.BytesIO()
    # Named rather than format="PNG": Pillow then loads only its PNG writer, not five image plugins.
    buffer.name = "preview.png"
    # Level 1: half the time of the default for a file a quarter bigger (about 14 KB).
    image.save(buffer, compress_level=1)
    return buffer.getvalue()
