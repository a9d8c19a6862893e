"""Frontmatter values in the plan's language.

- ``paces:``: an effort named as the plan's own pace table names it (``Locker``, ``Schwelle``,
  ``10-km-Tempo``) or by a word of the language that means it (``GA2``, ``MRT``, ``AS10``);
  its pace read in the language (``HMRT - 5 s``), and the reference performance too
  (``Halbmarathon in 1:50:00``, ``10 km en 50:00``);
- ``level:`` as the site names it in the language (``Einsteiger``, ``débutant``);
- ``race: distance:`` with the language's race names and decimal comma (``Halbmarathon``,
  ``semi-marathon``, ``21,1 km``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from ..i18n import gettext, use
from ..paces import EFFORT_NAMES, EFFORT_ORDER
from .frontmatter import effort_pace_in
from .performance import PerformanceError, parse_performance
from .schema import INVALID, Checker, Converter, choice, text
from .words import Words
from .words.compiled import fold

# The English meaning of a language's effort word -> the pace table's key it names.
_MEANINGS = {"easy": "easy", "steady": "steady", "threshold": "threshold", "recovery": "recovery", "long": "long",
             "interval": "interval", "repetition": "repetition", "mp": "marathon", "marathon pace": "marathon",
             "hmp": "half_marathon", "half marathon pace": "half_marathon", "10k pace": "10k", "5k pace": "5k",
             "mile pace": "mile"}


def _key(word: str) -> str:
    return re.sub(r"[\s_-]+", "", fold(word))


def pace_names(words: Words) -> tuple[dict[str, str], list[str]]:
    """The names a plan's ``paces:`` may give each effort (normalized -> the table's key), and
    the names to list when a key is unknown (as the plan's pace table shows them)."""
    with use(words.code):
        shown = {EFFORT_NAMES[key]: key for key in EFFORT_ORDER}
    names = {_key(name): key for name, key in shown.items()}
    for word, meaning in (*words.lexicon.efforts.items(), *words.lexicon.pace_words.items()):
        if (key := _MEANINGS.get(meaning.lower())) is not None:
            names.setdefault(_key(word), key)
    return names | {key: key for key in EFFORT_ORDER}, sorted(shown)


def performance_in(words: Words) -> Converter:
    """``10 km en 50:00``, ``Halbmarathon in 1:50:00``: the performance the example paces are for."""
    def convert(value: Any, path: tuple, check: Checker) -> Any:
        written = text(60)(value, path, check)
        if written is INVALID:
            return written
        try:  # shown as written: 'Halbmarathon in 1:50:00' on a German page
            return replace(parse_performance(words.performance_english(written)), label=" ".join(written.split()))
        except PerformanceError as exc:
            return check.error(path, str(exc))
    return convert


def paces_in(words: Words) -> Callable[[Any, tuple, Checker], Any]:
    """The ``paces:`` table of a plan in ``words``' language; keys as the pace table names them."""
    names, shown = pace_names(words)
    effort, reference = effort_pace_in(words), performance_in(words)
    known: dict[str, Converter] = {"reference": reference, **{key: effort for key in (*EFFORT_ORDER, *shown)}}

    def convert(value: Any, path: tuple, check: Checker) -> Any:
        if not isinstance(value, dict):
            return check.table(value, path, known)
        result: dict[str, Any] = {}
        for key, item in value.items():  # one key at a time, so that mistakes are said in the order written
            meant = "reference" if key == "reference" else names.get(_key(key)) if isinstance(key, str) else None
            if meant in result:
                check.key_error((*path, key), f"'{key}' is the pace of '{meant}', which the table already gives")
                continue
            given = check.table({key: item}, path, {**known, key: effort} if meant not in (None, "reference") else known)
            if given is not INVALID and key in given:
                result[str(meant)] = given[key]
        return result
    return convert


def level_in(words: Words, levels: tuple[str, ...]) -> Converter:
    """``level:`` by its English name, as the site names it in the plan's language, or by
    another word of that language for it (``fortgeschritten``, ``avancé``)."""
    with use(words.code):  # the names the site's pages give the levels ("All levels": the catalog's)
        names = {level: gettext(level[0].upper() + level[1:]) for level in levels}
    aliases = {spelt: level for level, name in names.items() for spelt in _spellings(name)}
    aliases |= {spelt: level for word, level in words.lexicon.levels.items() for spelt in _spellings(word)}
    if words.english:
        return choice(*levels, aliases=aliases)
    shown = [f"'{name}' ({level})" if name.lower() != level else f"'{name}'" for level, name in names.items()]
    return choice(*levels, aliases=aliases, shown=shown)


def race_distance_in(words: Words, english: Converter) -> Converter:
    """``race: distance:`` with the language's race names and decimal comma: ``Halbmarathon``, ``21,1 km``."""
    def convert(value: Any, path: tuple, check: Checker) -> Any:
        return english(words.performance_english(value) if isinstance(value, str) else value, path, check)
    return convert


def _spellings(name: str) -> set[str]:
    return {name.lower(), fold(name)}

