"""Site-wide settings from ``deload.toml``, validated key by key.

Unknown keys are errors that suggest the closest known key, so a typo such as
``base_ulr`` never silently falls back to a default. The result, :class:`Settings`, lives in
:mod:`generator.settings`, so that the engine and the renderers can take it without the parser.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .errors import Collector, DeloadError, Diagnostic, Severity
from .i18n import LANGUAGES, code_of, locale_units
from .settings import Settings
from .source.located import Located, load_toml
from .source.schema import (
    INVALID,
    Checker,
    Converter,
    boolean,
    choice,
    integer,
    list_of,
    table,
    text,
    weekday,
)
from .source.textfile import TooLarge, decode, read_capped, too_large

CONFIG_NAME = "deload.toml"
MAX_CONFIG_BYTES = 1_000_000


def base_url(value: Any, path: tuple, check: Checker) -> Any:
    result = text(300)(value, path, check)
    if result is INVALID:
        return result
    parts = urlsplit(result)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        return check.error(path, f"base_url '{result}' must be an absolute http(s) address such as 'https://example.org/plans/'")
    return result if result.endswith("/") else result + "/"


def language(value: Any, path: tuple, check: Checker) -> Any:
    result = text(20)(value, path, check)
    if result is INVALID:
        return result
    if not re.match(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$", result):
        return check.error(path, f"language '{result}' must be a language tag such as 'en' or 'en-GB'")
    return result


def language_warnings(settings: Settings) -> list[Diagnostic]:
    """A site language Deload has no catalog for: its readers would get English without a word."""
    tag = settings.language
    if code_of(tag) != "en" or tag.lower().split("-")[0] == "en":
        return []
    line, col = 1, 1
    for number, row in enumerate(settings.source_text.splitlines(), start=1):
        match = re.match(r"\s*language\s*=", row)
        if match:
            line, col = number, row.index("language") + 1
            break
    bundled = ", ".join(LANGUAGES)
    return [Diagnostic("deload.toml", line, col, f"language '{tag}' has no bundled translation: pages, feeds and PDFs "
                       f"are in English (Deload speaks {bundled}; see 'Languages' in the README)", Severity.WARNING,
                       "language")]


def _plan_defaults(section: str) -> Converter:
    """The frontmatter's own schema for the plan defaults a deload.toml may set; imported only
    when a deload.toml has them, so that commands which read no plan start fast."""
    from .source.frontmatter import CHECKS, periodization_fields

    return table(periodization_fields(with_vacations=False) if section == "periodization" else CHECKS)


SCHEMA: dict[str, Converter] = {
    "site": table({
        "title": text(120, required=True),
        "description": text(500),
        "base_url": base_url,
        "language": language,
        "author": text(120),
        "default_units": choice("mi", "km"),
        "feed_entries": integer(1, 10000),
    }),
    "periodization": lambda value, path, check: _plan_defaults("periodization")(value, path, check),
    "checks": lambda value, path, check: _plan_defaults("checks")(value, path, check),
    "build": table({"jobs": integer(0, 64), "pdf": boolean(), "watch_files": boolean()}),
    "ical": table({
        "race_weekdays": list_of(weekday(), max_items=7),
        "window_weeks": integer(0, 104),
        "refresh_hours": integer(1, 168),
        "week_summaries": boolean(),
    }),
    "pdf": table({"papers": list_of(choice("a4", "letter"), max_items=2)}),
}


def load_settings(root: Path) -> Settings:
    """Read ``root/deload.toml`` (optional); raise :class:`DeloadError` listing every problem."""
    path = root / CONFIG_NAME
    if not path.exists():
        return Settings(root=root)
    errors = Collector(CONFIG_NAME)  # as the project names it, like plans/…: from the project folder
    try:
        raw_text = decode(read_capped(path, MAX_CONFIG_BYTES), errors, "deload.toml")
    except TooLarge as exc:
        errors.error(1, 1, too_large(exc.size, MAX_CONFIG_BYTES, "deload.toml"))
        raise DeloadError(errors.items) from None
    except OSError as exc:
        errors.error(1, 1, f"cannot read deload.toml: {exc.strerror}")
        raise DeloadError(errors.items) from None
    if raw_text is None:
        raise DeloadError(errors.items)
    located = load_toml(raw_text, errors)
    if located is None:
        raise DeloadError(errors.items)
    data = Checker(located, errors, name="deload.toml").table(located.data, (), SCHEMA)
    errors.raise_if_errors()
    return _settings(root, data, raw_text, located)


def _settings(root: Path, data: dict[str, Any], raw_text: str, located: Located) -> Settings:
    site = data.get("site", {})
    build = data.get("build", {})
    ical = data.get("ical", {})
    pdf = data.get("pdf", {})
    values: dict[str, Any] = {k: site[k] for k in ("title", "description", "base_url", "language", "author", "default_units", "feed_entries")
                               if k in site}
    if "default_units" not in values and "language" in values:
        values["default_units"] = locale_units(values["language"])
    if "jobs" in build:
        values["jobs"] = build["jobs"]
    if "pdf" in build:
        values["pdf"] = build["pdf"]
    if "watch_files" in build:
        values["watch_files"] = build["watch_files"]
    if "race_weekdays" in ical:
        values["race_weekdays"] = tuple(sorted(set(ical["race_weekdays"])))
    for key in ("window_weeks", "refresh_hours", "week_summaries"):
        if key in ical:
            values[key] = ical[key]
    if "papers" in pdf:
        values["papers"] = tuple(dict.fromkeys(pdf["papers"]))
    return Settings(root=root, periodization=data.get("periodization", {}), checks=data.get("checks", {}),
                    source_text=raw_text, **values)
