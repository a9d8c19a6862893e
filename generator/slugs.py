"""Slugs: the ASCII names of a plan's folder and of the level and tag pages that list it.

The reader makes a plan's slug from its file name; the renderers make the list pages'
folders with the same function, so a link and the folder it points to always agree.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache


@lru_cache(maxsize=4096)  # list pages ask for the slug of each plan's level and tags
def slug_from(stem: str, fallback: str = "plan") -> str:
    ascii_text = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:80].strip("-") or fallback
