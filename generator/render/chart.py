"""The weekly volume chart as inline SVG, readable without colour.

Deload, vacation, taper and race weeks differ by fill pattern *and* by a
letter above the bar, so the chart works in grayscale, in print and for
colour-blind readers. The same SVG serves the site and the PDF.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from markupsafe import Markup, escape

from ..describe import minutes_text, range_text, strength_volume_text
from ..expanded import ExpandedPlan, PlannedWeek
from ..i18n import N_, Words, gettext, ngettext, number, pgettext
from ..units import format_number, from_km
from .views import race_part, shown_kind

KIND_LETTER = Words({"load": "", "deload": N_("D"), "vacation": N_("V"), "taper": N_("T"), "race": N_("R")})
KIND_NAME = Words({"load": N_("loading week"), "deload": N_("deload week"), "lighter": N_("lighter week"), "vacation": N_("vacation week"),
                   "taper": N_("taper week"), "race": N_("race week"), "tune-up": N_("tune-up race week")})
WIDTH, HEIGHT = 720, 240
LEFT, RIGHT, TOP, BOTTOM = 62, 8, 22, 34


def _ticks(top: float) -> tuple[float, float]:
    """A round step and the axis top (4 or 5 steps) for values up to ``top``."""
    if top <= 0:
        return 1.0, 4.0
    for step in (0.1, 0.2, 0.25, 0.5, 1, 2, 2.5, 5, 10, 15, 20, 25, 50, 100, 200, 250, 500, 1000, 2000):
        if top <= step * 5 + 1e-9:
            return float(step), step * (4 if top <= step * 4 + 1e-9 else 5)
    return top / 4, top


def _defs(prefix: str) -> str:
    # Presentation attributes as well as classes: WeasyPrint ignores CSS inside patterns,
    # browsers let the stylesheet's colours (and dark mode) override them.
    line = 'fill="none" stroke="#444" stroke-width="2"'
    return (
        "<defs>"
        f'<pattern id="{prefix}-deload" width="8" height="8" patternUnits="userSpaceOnUse">'
        f'<rect width="8" height="8" fill="#fff" class="c-bg"/><path d="M-2 2L2 -2M0 8L8 0M6 10L10 6" {line} class="c-deload-line"/></pattern>'
        f'<pattern id="{prefix}-vacation" width="8" height="8" patternUnits="userSpaceOnUse">'
        f'<rect width="8" height="8" fill="#fff" class="c-bg"/><path d="M0 0L8 8M8 0L0 8" {line} class="c-vacation-line"/></pattern>'
        f'<pattern id="{prefix}-taper" width="6" height="6" patternUnits="userSpaceOnUse">'
        '<rect width="6" height="6" fill="#fff" class="c-bg"/><circle cx="3" cy="3" r="1.6" fill="#444" class="c-taper"/></pattern>'
        "</defs>"
    )


def volume_chart(expanded: ExpandedPlan, prefix: str = "vc", units: Sequence[str] | None = None) -> Markup:
    """An SVG bar chart of weekly volume; ``units`` are the unit systems to label (first shown)."""
    weeks = expanded.weeks
    if not weeks:
        return Markup("")
    basis = _basis(expanded)
    unit_list = list(units or [expanded.plan.units])
    values = [expanded.volume(w) for w in weeks]
    highs = [expanded.volume_high(w) for w in weeks]  # the top of a week written in ranges
    # The axis is the training's: a 100-miler's 30-hour race had squashed its 15-hour weeks to half
    # the chart. A race taller than the axis reaches its top (its bar's title gives its figures).
    races = [race_part(expanded, w, basis) for w in weeks]
    most = max([v - r for v, r in zip(values, races, strict=True)]
               + [h - r for h, r in zip(highs, races, strict=True) if h is not None])
    primary = unit_list[0]
    scale = _scale(basis, primary)
    _, top_primary = _ticks(scale(most))
    top = most * top_primary / scale(most) if most > 0 else 1.0  # the axis top in km or minutes
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_w / len(weeks)
    bar = max(min(slot * 0.72, 28), 2)
    # Messages outside the f-strings: pybabel finds no call inside one.
    title = ngettext("Weekly volume, %(num)d week", "Weekly volume, %(num)d weeks", len(weeks)) % {"num": len(weeks)}
    axis = pgettext("chart axis", "week")
    parts = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-labelledby="{prefix}-t {prefix}-d" '
        f'xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{prefix}-t">{escape(title)}</title>',
        f'<desc id="{prefix}-d">{escape(_describe(expanded))}</desc>',
        _defs(prefix),
    ]
    parts += _gridlines(unit_list, basis, top, plot_h)
    label_every = 1 if len(weeks) <= 24 else 2 if len(weeks) <= 52 else 4
    for index, (week, value, high) in enumerate(zip(weeks, values, highs, strict=True)):
        x = LEFT + slot * index + (slot - bar) / 2
        race = races[index]
        trained = min(plot_h * (value - race) / top, plot_h) if top else 0
        height = min(trained + (plot_h * race / top if top else 0), plot_h)  # a race taller than the axis reaches its top
        y = TOP + plot_h - height
        kind = shown_kind(week)  # as the page shows it
        fill = f' fill="url(#{prefix}-{kind})"' if kind in ("deload", "vacation", "taper") else ""
        if race and top:  # the race on top, outlined: the training of race week is the bar below it
            race_h = height - trained
            parts.append(f'<rect x="{x:.1f}" y="{y + race_h:.1f}" width="{bar:.1f}" height="{max(height - race_h, 0.5):.1f}" '
                         f'class="c-bar k-{kind}"{fill}><title>{escape(_bar_title(expanded, week))}</title></rect>')
            parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{race_h:.1f}" class="c-racepart" '
                         f'fill="#fff" stroke="#444" stroke-width="1.5"><title>{escape(_bar_title(expanded, week))}</title></rect>')
        else:
            parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{max(height, 0.5):.1f}" '
                         f'class="c-bar k-{kind}"{fill}><title>{escape(_bar_title(expanded, week))}</title></rect>')
        if high is not None and top:  # the rest of the range, as an outline above the bar
            y_high = max(TOP + plot_h - plot_h * high / top, float(TOP))
            parts.append(f'<rect x="{x:.1f}" y="{y_high:.1f}" width="{bar:.1f}" height="{y - y_high:.1f}" '
                         f'class="c-range k-{kind}" fill="none" stroke="#444" stroke-dasharray="3 2"/>')
            y = y_high
        letter = KIND_LETTER[kind]
        if letter:
            parts.append(f'<text x="{x + bar / 2:.1f}" y="{y - 5:.1f}" text-anchor="middle" class="c-letter">{escape(letter)}</text>')
        if index % label_every == 0 or index == len(weeks) - 1:
            parts.append(f'<text x="{x + bar / 2:.1f}" y="{HEIGHT - BOTTOM + 16}" text-anchor="middle" class="c-axis">{week.number}</text>')
    parts.append(f'<text x="{LEFT + plot_w / 2:.1f}" y="{HEIGHT - 4}" text-anchor="middle" class="c-axis">{escape(axis)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def _basis(expanded: ExpandedPlan) -> str:
    return "reps" if expanded.by_reps else "sets" if expanded.by_sets else expanded.basis


def _scale(basis: str, unit: str) -> Callable[[float], float]:
    """From the chart's values (km, minutes or sets) to the axis's unit."""
    if basis == "distance":
        return lambda v: from_km(v, unit)
    return (lambda v: v / 60) if basis == "minutes" else (lambda v: v)


def _gridlines(unit_list: Sequence[str], basis: str, top: float, plot_h: float) -> list[str]:
    """The value axis: a line at each tick (of the first unit) and a label in each unit."""
    parts = []
    for unit in unit_list if basis == "distance" else ["h" if basis == "minutes" else ""]:
        to_unit = _scale(basis, unit)
        step, _ = _ticks(to_unit(top))
        value = 0.0
        while value <= to_unit(top) + 1e-6:
            y = TOP + plot_h - plot_h * value / to_unit(top)
            if unit == unit_list[0] or basis != "distance":
                parts.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" class="c-grid"/>')
            # Sets and reps by their figures, the word once above them ("Wiederholungen" beside
            # each tick would not fit the margin)
            label = (number(format_number(value, 0)) if basis in ("sets", "reps")
                     else f"{number(format_number(value, 1))} {unit}")
            parts.append(f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" class="c-axis {_unit_class(unit, basis)}">{label}</text>')
            value += step
    if basis in ("sets", "reps"):
        word = pgettext("chart axis", "sets") if basis == "sets" else pgettext("chart axis", "reps")
        parts.append(f'<text x="4" y="{TOP - 8}" text-anchor="start" class="c-axis">{escape(word)}</text>')
    return parts


def _unit_class(unit: str, basis: str) -> str:
    return f"u-{unit}" if basis == "distance" else ""


def _bar_title(expanded: ExpandedPlan, week: PlannedWeek) -> str:
    units = expanded.plan.units
    if expanded.by_sets:
        amount = strength_volume_text(week.sets, week.reps)
    elif expanded.basis == "distance":
        amount = f"{number(format_number(from_km(week.distance_km, units), 1))} {units}"
        if week.distance_km_high is not None:
            amount = range_text(amount, f"{number(format_number(from_km(week.distance_km_high, units), 1))} {units}")
    else:
        amount = minutes_text(week.minutes)
        if week.minutes_high is not None:
            amount = range_text(amount, minutes_text(week.minutes_high))
    race = race_part(expanded, week, _basis(expanded))
    if race:
        rest = week.distance_km - race if expanded.basis == "distance" else week.minutes - race
        train = f"{number(format_number(from_km(rest, units), 1))} {units}" if expanded.basis == "distance" else minutes_text(rest)
        race_text = f"{number(format_number(from_km(race, units), 1))} {units}" if expanded.basis == "distance" else minutes_text(race)
        return gettext("Week %(number)d, %(kind)s: %(amount)s, of which %(training)s of training and the race, %(race)s") % {
            "number": week.number, "kind": _name(week), "amount": amount, "training": train, "race": race_text}
    return gettext("Week %(number)d, %(kind)s: %(amount)s") % {"number": week.number, "kind": _name(week), "amount": amount}


def _name(week: PlannedWeek) -> str:
    return KIND_NAME["lighter" if week.step_back else "tune-up" if week.tune_up else week.kind]


def _describe(expanded: ExpandedPlan) -> str:
    reduced = [f"{w.number} ({_name(w)})" for w in expanded.weeks if w.kind != "load" or w.step_back or w.tune_up]
    text = gettext("Bars show each week's volume. Marked weeks: %(weeks)s.") % {"weeks": ", ".join(reduced) if reduced else gettext("none")}
    text += " " + gettext("D = deload, V = vacation, T = taper, R = race; in race week the race is the outlined part on top.")
    return text
