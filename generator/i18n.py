"""Reader-facing words in a plan's language: Babel message catalogs and the locale's formats.

The messages are English in the code (``_("Key figures")``), translated through the
compiled catalogs in ``generator/locales/<lang>/LC_MESSAGES/deload.mo`` (made with
``make messages``, see the README). Renderers never pass a language around: a build
renders each plan inside :func:`use` with the plan's language, and :func:`_` and the
formatters below read it (a context variable, so threads such as ``deload serve``'s
each have their own).
"""

from __future__ import annotations

import gettext as gettext_module
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from babel import Locale, UnknownLocaleError
from babel.numbers import format_percent

if TYPE_CHECKING:  # the model imports this module: the types only
    from .model import Plan
    from .settings import Settings

#: The languages Deload ships complete catalogs for; English is the messages' own language.
LANGUAGES = ("en", "de", "fr", "es", "nl")
DOMAIN = "deload"
CATALOGS = Path(__file__).parent / "locales"

#: Date forms the templates ask for: English's own pattern (``Sun 24 Jan 2027``, as Deload has
#: always written it), and the CLDR skeleton the other locales order and punctuate their own way.
DATE_FORMS = {"short": ("EEE d MMM", "MMMEd"), "long": ("EEE d MMM y", "yMMMEd"), "month": ("d MMMM y", "yMMMMd")}


@dataclass(frozen=True)
class Lang:
    """One language: its catalog and its locale's formats."""

    code: str  # a bundled language: "en", "de", …
    tag: str  # as the site or plan gives it: "de-AT"
    locale: Locale
    translations: gettext_module.NullTranslations
    decimal: str = "."  # the locale's decimal sign, looked up once (numbers are written thousands of times a build)

    def gettext(self, message: str) -> str:
        return self.translations.gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self.translations.ngettext(singular, plural, n)

    def pgettext(self, context: str, message: str) -> str:
        return self.translations.pgettext(context, message)


def _decimal_symbol(locale: Locale) -> str:
    symbols = locale.number_symbols
    latin = symbols.get("latn", symbols)  # Babel 2.14+ keys the symbols by numbering system
    return str(latin.get("decimal", ".")) if isinstance(latin, dict) or hasattr(latin, "get") else "."


def code_of(tag: str) -> str:
    """The bundled language a tag such as ``de-AT`` is written in; English for any other."""
    primary = tag.replace("_", "-").split("-", 1)[0].lower()
    return primary if primary in LANGUAGES else "en"


@lru_cache(maxsize=32)
def lang(tag: str = "en") -> Lang:
    """The language of ``tag`` (``de``, ``de-AT``, ``en-GB``): its catalog and its locale."""
    code = code_of(tag)
    try:
        # English pages (en-GB, en-ZA, or a language without a catalog) are written as Deload has
        # always written English: "Sep", "12.5 km". Another English would change every calendar
        # event a reader subscribed to, for a month's spelling.
        locale = Locale.parse("en" if code == "en" else tag.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        locale = Locale.parse(code)
    if code == "en":
        translations: gettext_module.NullTranslations = gettext_module.NullTranslations()
    else:
        translations = gettext_module.translation(DOMAIN, CATALOGS, languages=[code])
    return Lang(code, tag, locale, translations, _decimal_symbol(locale))


#: Where distances are in miles (CLDR's "measurementSystem" is US there), by territory. Not GB:
#: British runners race in kilometres as often as in miles, and a British site always had km.
MILE_TERRITORIES = frozenset({"US", "LR", "MM"})


def locale_units(tag: str) -> str:
    """The distance unit runners of a locale use by default: ``mi`` for ``en-US``, else ``km``
    (a language without a territory, ``en``, is read as everywhere: km)."""
    parts = tag.replace("_", "-").split("-")
    territory = next((p.upper() for p in parts[1:] if len(p) == 2 and p.isalpha()), "")
    return "mi" if territory in MILE_TERRITORIES else "km"


def plan_language(plan: Plan, settings: Settings) -> str:
    """The language a plan is written and rendered in: its own ``language``, else the site's."""
    return plan.language or settings.language or "en"


_CURRENT: ContextVar[Lang | None] = ContextVar("deload_language", default=None)


def current() -> Lang:
    return _CURRENT.get() or lang("en")


@contextmanager
def use(tag: str) -> Iterator[Lang]:
    """Render in the language ``tag`` inside the block."""
    token = _CURRENT.set(lang(tag))
    try:
        yield current()
    finally:
        _CURRENT.reset(token)


def speak(tag: str) -> Callable[[], None]:
    """The language of everything rendered from now on in this context, for a command that renders
    one plan (``deload pdf``); returns what puts the language before it back (a build renders each
    plan inside :func:`use` instead)."""
    token = _CURRENT.set(lang(tag))
    return lambda: _CURRENT.reset(token)


def gettext(message: str) -> str:
    """``message`` in the current language."""
    return current().gettext(message)


_ = gettext


def N_(message: str) -> str:
    """Mark a message for the catalog where it is defined; it is translated where it is shown."""
    return message


def ngettext(singular: str, plural: str, n: int) -> str:
    return current().ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """A message whose English word has several meanings (``"Long"`` the run, ``"Long"`` the date)."""
    return current().pgettext(context, message)


def lower_first(text: str) -> str:
    """A word in lower case inside a sentence (``Rest or easy``), but not a German noun (``Ruhetag oder Dauerlauf``)."""
    if not text or current().code == "de":
        return text
    return text[0].lower() + text[1:]


def number(text: str) -> str:
    """A number written with a point (``"12.5"``) in the current locale (``"12,5"``)."""
    decimal = current().decimal
    return text.replace(".", decimal) if decimal != "." else text


def day_text(value: date, form: str = "long") -> str:
    """A date in words: ``Sun 24 Jan 2027``, ``So., 24. Jan. 2027`` (``form``: short, long, month)."""
    return _day_text(value, form, current().tag)


@lru_cache(maxsize=8192)  # a plan's pages, feeds and sheets name its days again and again; Babel is slow at it
def _day_text(value: date, form: str, tag: str) -> str:
    # Imported here: babel.dates finds the machine's time zone on import (40 ms a command), and
    # check or a build with nothing to do names no day.
    from babel.dates import format_date, format_skeleton

    language = lang(tag)
    pattern, skeleton = DATE_FORMS[form]
    if language.code == "en":
        return format_date(value, pattern, locale=language.locale)
    return format_skeleton(skeleton, value, locale=language.locale)


@lru_cache(maxsize=512)
def _weekday(locale: Locale, weekday: int, width: str) -> str:
    return str(locale.days["format"][width][weekday])


def weekday(index: int, width: str = "wide") -> str:
    """The name of weekday ``index`` (0 is Monday): ``Monday``/``Montag``, or ``abbreviated``."""
    name = _weekday(current().locale, index % 7, width)
    return name[:1].upper() + name[1:]


Message = str | tuple[str, str]  # a message, or (context, message)


def pgettext_noop(context: str, message: str) -> tuple[str, str]:
    """Mark a message with a context for the catalog; :class:`Words` translates it where shown."""
    return (context, message)


class Words(Mapping[str, str]):
    """A table of messages (each marked with :func:`N_`) read in the current language:
    ``KIND_LABELS["deload"]`` is "Deload week", or "Entlastungswoche" inside ``use("de")``."""

    def __init__(self, messages: Mapping[str, Message]):
        self._messages = dict(messages)

    def __getitem__(self, key: str) -> str:
        message = self._messages[key]
        if isinstance(message, tuple):
            return pgettext(*message)
        return gettext(message) if message else ""  # gettext("") is the catalog's header

    def __iter__(self) -> Iterator[str]:
        return iter(self._messages)

    def __len__(self) -> int:
        return len(self._messages)


def percent(share: float) -> str:
    """``0.25`` as ``25%`` (English, as Deload has always written it), ``25 %`` in German or French."""
    language = current()
    if language.code == "en":
        return f"{share:.0%}"
    return format_percent(share, locale=language.locale)
