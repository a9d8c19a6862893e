"""Deload: a static-site generator for training plans with deload weeks built in."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

__version__ = "0.1.0"


def shipped_folder(name: str) -> Path:
    """A folder that ships with Deload (``templates``, ``docs``): ``generator/<name>`` when
    installed from a wheel, the repository's ``<name>/`` in a checkout or an editable install."""
    from pathlib import Path

    package = Path(__file__).resolve().parent
    return package / name if (package / name).is_dir() else package.parent / name
