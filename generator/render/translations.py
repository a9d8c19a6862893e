"""Which plans' pages link to each other as translations: plans that share a
``translation_key``, one plan a language (the first by url)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from ..errors import Diagnostic, Severity

Groups = dict[str, list[tuple[str, str]]]  # translation key -> [(language, url)], in url order


def translation_groups(listings: Iterable[Mapping[str, Any]]) -> Groups:
    """The plans' translation groups, from their listings; a second plan of one language in a
    group is left out (:func:`translation_warnings` says so)."""
    groups: dict[str, dict[str, str]] = {}
    # Only plans with a key are sorted: in a library of thousands, few are translations.
    for listing in sorted((item for item in listings if item.get("translation_key")), key=lambda item: item["url"]):
        groups.setdefault(listing["translation_key"], {}).setdefault(listing.get("language", "en"), listing["url"])
    return {key: sorted(group.items(), key=lambda item: item[1]) for key, group in groups.items()}


def alternates_of(listing: Mapping[str, Any], groups: Groups) -> list[list[str]]:
    """What the plan's page links to: its group, if it has another member."""
    key = listing.get("translation_key", "")
    if not key:  # most plans: no group to look for
        return []
    group = groups.get(key, [])
    mine = (listing.get("language", "en"), listing["url"])
    return [list(item) for item in group] if len(group) > 1 and mine in group else []


def translation_warnings(listings: Mapping[str, Mapping[str, Any]]) -> list[Diagnostic]:
    """A translation_key that two plans (by their display path) of one language share."""
    first: dict[tuple[str, str], str] = {}
    said = []
    keyed = ((display, listing) for display, listing in listings.items() if listing.get("translation_key"))
    for display, listing in sorted(keyed, key=lambda item: item[1]["url"]):
        key, language = listing["translation_key"], listing.get("language", "en")
        if (other := first.setdefault((key, language), display)) != display:
            said.append(Diagnostic(display, 1, 1, f"translation_key '{key}' is shared with {other}, in the same language "
                                   f"'{language}': give each translation its own 'language:' (this plan is not linked "
                                   "as a translation)", Severity.WARNING, "translation"))
    return said
