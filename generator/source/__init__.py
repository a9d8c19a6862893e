"""Readers: plan files (Markdown + YAML frontmatter) into the typed model."""

from __future__ import annotations

from typing import Any

__all__ = ["ReadResult", "find_plan_files", "read_plan", "read_plans"]


def __getattr__(name: str) -> Any:
    # Imported on first use, so that light commands (and no-op builds) start fast.
    if name == "find_plan_files":
        from .files import find_plan_files

        return find_plan_files
    if name in __all__:
        from . import reader

        return getattr(reader, name)
    raise AttributeError(name)
