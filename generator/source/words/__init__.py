"""The plan language's words, per language: English, German, French, Spanish and Dutch.

A plan says its language in its frontmatter (``language: de``) or takes the site's; the
parser asks :func:`words_for` for that language's compiled words once per plan. Each
language is a data module (:mod:`.de`, :mod:`.fr` …) of :class:`~.lexicon.Lexicon` words;
:mod:`.compiled` turns one into patterns, once per process.
"""

from __future__ import annotations

import re
from functools import cache

from . import de, en, es, fr, nl
from .compiled import Words, fold, variants
from .lexicon import Lexicon

LEXICONS: dict[str, Lexicon] = {lex.code: lex for lex in (en.LEXICON, de.LEXICON, fr.LEXICON, es.LEXICON, nl.LEXICON)}
SUPPORTED = tuple(LEXICONS)
_TAG = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$")


@cache
def words_for(code: str) -> Words:
    """The compiled words of a supported language (its primary subtag: 'de')."""
    lexicon = LEXICONS[code]
    return Words(lexicon) if code == "en" else Words(lexicon, en.LEXICON)


ENGLISH = words_for("en")


def canonical(tag: str) -> str:
    """A language tag as the model keeps it: lower-cased, '_' read as '-' ('de_AT' -> 'de-at')."""
    return tag.strip().replace("_", "-").lower()


def primary(tag: str) -> str:
    """The primary subtag that picks the words: 'de-at' -> 'de'."""
    return canonical(tag).split("-")[0]


def tag_problem(tag: str) -> str | None:
    """Why ``tag`` cannot be a plan's language, or None when it can."""
    shown = tag.strip()
    if not _TAG.match(shown.replace("_", "-")):
        return f"'{shown}' is not a language tag; write one such as 'de', 'de-AT' or 'fr'"
    if primary(shown) not in LEXICONS:
        names = ", ".join(f"'{code}' ({lex.name})" for code, lex in LEXICONS.items())
        return f"plans cannot be written in '{shown}' yet; the plan language is one of {names}"
    return None


__all__ = ["ENGLISH", "LEXICONS", "SUPPORTED", "Lexicon", "Words", "canonical", "fold", "primary", "tag_problem", "variants", "words_for"]
