"""Text in both unit systems, of which the page shows one (``html[data-units]``)."""

from __future__ import annotations

from collections.abc import Callable

from markupsafe import Markup, escape


def dual(make: Callable[[str], str], primary: str) -> Markup:
    """Text in both unit systems; ``make(unit)`` gives the text for one. One span when they agree."""
    km, mi = make("km"), make("mi")
    if km == mi:
        return escape(km)
    first, second = ("km", "mi") if primary == "km" else ("mi", "km")
    texts = {"km": escape(km), "mi": escape(mi)}
    return Markup(f'<span class="u-{first}">{texts[first]}</span><span class="u-{second}">{texts[second]}</span>')


def pick(texts: dict[str, list[str]], index: int) -> Callable[[str], str]:
    """``make`` for :func:`dual` from lists of texts by unit: the ``index``-th of each."""
    return lambda unit: texts[unit][index]
