"""The docs' list of every word a plan may be written with, per language, made from the
vocabulary itself (so the docs cannot drift from it: ``tests/test_plan_languages.py`` checks
``docs/plan-format.md``). ``python -m generator.source.words.docs docs/plan-format.md``
rewrites the list between its two markers."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Mapping
from pathlib import Path

from . import LEXICONS
from .lexicon import Lexicon

BEGIN = "<!-- words: made by `python -m generator.source.words.docs docs/plan-format.md`; do not edit by hand -->"
END = "<!-- words: end -->"


def _code(words: Iterable[str]) -> str:
    return ", ".join(f"`{w}`" for w in words)


def _by_meaning(table: Mapping[str, object]) -> list[tuple[str, list[str]]]:
    """Words grouped by what they mean, in the order the meanings first appear."""
    groups: dict[str, list[str]] = {}
    for word, meaning in table.items():
        groups.setdefault(str(meaning), []).append(word)
    return list(groups.items())


def _meanings(table: Mapping[str, object]) -> str:
    """``Trabpause``, ``Trab`` (jog); ``Gehpause`` (walk): each group of words, then what it means."""
    return "; ".join(f"{_code(words)} ({meaning})" for meaning, words in _by_meaning(table))


def _joiners(lexicon: Lexicon) -> dict[str, str]:
    return {w: e.strip() for w, e in lexicon.efforts.items() if e.strip() in ("to", "or", "then", "of", "progressing to")}


def language_section(lexicon: Lexicon) -> str:
    """The Markdown for one language: every word it accepts, and what each means."""
    joiners = _joiners(lexicon)
    kinds = {w: k.value for w, k in lexicon.kinds.items()}
    rows = [
        ("headings", f"{_code(f'## {w} 3' for w in lexicon.week)}"
                     f"{'; ' + _code(f'## 3{s} {lexicon.week[0].lower()}' for s in lexicon.number_first) if lexicon.number_first else ''}"
                     f"; {_code(f'## {w} 1' for w in lexicon.day)}"),
        ("weekdays", "; ".join(_code(w for w, i in lexicon.weekdays.items() if i == day) for day in range(7))),
        *((f"session: `{kind}`", _code(words)) for kind, words in _by_meaning(kinds)),
        ("before a main set (`with`)", _code(lexicon.main)),
        ("a main set that ends the run (`with the last`)", _code(f"… {w}" for w in lexicon.last)),
        ("before a recovery (`w/`)", _code(lexicon.recovery)),
        ("for `@` before a target (`en EF`: `@ EF`)", _code(lexicon.at)),
        ("before efforts without `@` (`from easy to threshold`)", _code(lexicon.from_)),
        ("between parts (`then`)", _code(lexicon.then)),
        ("a session the reader may skip, counted (`Rest or`)", _code(f"{w} …" for w in lexicon.rest_or)),
        ("not counted (`Optional`)", _code(lexicon.optional)),
        ("a range of amounts (`5 to 6 km`)", _code(lexicon.to)),
        ("the other length (`Easy 5 mi or 45 min`)", _code(w for w, e in joiners.items() if e == "or")),
        ("strides (after `+` or `with`)", _code(lexicon.strides)),
        ("recoveries within / between sets", _code(lexicon.within_between)),
        ("step labels in a main set", _meanings(lexicon.labels)),
        ("efforts (after `@`)", _meanings({w: e for w, e in lexicon.efforts.items() if w not in joiners})),
        ("in an effort (`easy to moderate`, `90% of 5K pace`)", _meanings(joiners)),
        ("a race's pace", _pace(lexicon) + ("; " + _meanings(lexicon.pace_words) if lexicon.pace_words else "")),
        ("race (`Race half`)", _code(lexicon.races)),
        ("strength: no added weight", _code(lexicon.bodyweight)),
        ("`level:` (besides the site's names)", _meanings(lexicon.levels)),
        ("units (besides `km`, `m`, `mi`, `h`, `min`, `s`)",
         _meanings(lexicon.units) + "; `40'` (min), `30''` (s), `1'30''` (1 min 30 s); a pace `5'30''/km`"
         if lexicon.units else ""),
        ("numbers", "a decimal comma: `12,5 km`, `1,5 h`, `22,5 kg`" if lexicon.decimal_comma else "a decimal point"),
    ]
    table = "\n".join(f"| {what} | {words} |" for what, words in rows if words)
    return f"### {lexicon.name} (`language: {lexicon.code}`)\n\n| what | words |\n|---|---|\n{table}\n"


def _pace(lexicon: Lexicon) -> str:
    races = _code(lexicon.pace_races)
    if lexicon.pace_first:
        return f"`{lexicon.pace} 10 km`, `{lexicon.pace} 5K` (`{lexicon.pace} de 10 km`), or `{lexicon.pace}` and {races}"
    return f"`10-km-{lexicon.pace}`, `10 km-{lexicon.pace}`, `5K-{lexicon.pace}`, or {races} and `-{lexicon.pace}` (`{lexicon.pace}` written on)"


def words_markdown() -> str:
    """The whole generated list, every language but English (which the rest of the page describes)."""
    return "\n".join(language_section(lex) for code, lex in LEXICONS.items() if code != "en")


def rewrite(path: Path) -> None:
    text = path.read_text()
    start, end = text.index(BEGIN) + len(BEGIN), text.index(END)
    path.write_text(text[:start] + "\n\n" + words_markdown() + "\n" + text[end:])


if __name__ == "__main__":
    rewrite(Path(sys.argv[1]))
    print(f"{sys.argv[1]}: {', '.join(lex.name for lex in LEXICONS.values() if lex.code != 'en')} written")
