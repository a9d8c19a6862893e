"""Where a project is: the folder holding ``deload.toml`` or ``plans/``, found by walking up
from where a command runs, as git finds its repository."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from .config import CONFIG_NAME

PLACEHOLDER_HOSTS = ("localhost", "127.0.0.1", "::1", "example.org", "example.com", "example.net")


def find_root(start: Path) -> Path | None:
    """The nearest folder at or above ``start`` with a ``deload.toml`` or a ``plans/`` folder."""
    folder = start.resolve()
    for candidate in (folder, *folder.parents):
        if (candidate / CONFIG_NAME).is_file() or (candidate / "plans").is_dir():
            return candidate
    return None


def placeholder_base_url(base_url: str) -> bool:
    """True for an address readers cannot reach: localhost, or the documentation's example.org."""
    host = (urlsplit(base_url).hostname or "").lower()
    return any(host == h or host.endswith("." + h) for h in PLACEHOLDER_HOSTS)
