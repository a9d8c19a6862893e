"""Deload's own documentation, readable offline with ``deload docs``.

The guides are the repository's ``docs/*.md``; a wheel ships them as ``generator/docs``, so a
coach who installed Deload with pip has them too (the scaffold and ``--help`` point here).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import shipped_folder

DOCS_DIR = shipped_folder("docs")


@dataclass(frozen=True)
class Guide:
    name: str  # the file's stem: what `deload docs NAME` takes
    title: str  # its first heading
    path: Path


def guides() -> list[Guide]:
    """Every guide, by name."""
    found = []
    for path in sorted(DOCS_DIR.glob("*.md")):
        lines = path.read_text(encoding="utf-8").splitlines()
        title = next((line.lstrip("#").strip() for line in lines if line.startswith("#")), path.stem)
        found.append(Guide(path.stem, title, path))
    return found


def find_guide(name: str) -> Guide | None:
    """The guide called ``name`` (with or without ``.md``, any case), or None."""
    wanted = name.lower().removesuffix(".md")
    return next((g for g in guides() if g.name.lower() == wanted), None)
