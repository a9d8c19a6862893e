"""Build a project into a temporary folder, once per test module, for the site tests."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable
from contextlib import contextmanager
from pathlib import Path

from click.testing import CliRunner

from generator.cli import main

from .conftest import ROOT

EPOCH = "1796774400"  # 2026-12-09T00:00:00Z: a fixed build date, so feeds and windows are stable


@contextmanager
def fixed_clock(epoch: str = EPOCH):  # type: ignore[no-untyped-def]
    old = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = epoch
    try:
        yield
    finally:
        if old is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = old


def make_project(folder: Path, plans: Iterable[Path] | None = None) -> Path:
    """A project with the bundled config and the given plan files (default: the library)."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "deload.toml", folder / "deload.toml")
    target = folder / "plans"
    target.mkdir(exist_ok=True)
    for plan in plans if plans is not None else sorted((ROOT / "plans").glob("*.md")):
        shutil.copy(plan, target / plan.name)
    return folder


def build_project(folder: Path, *args: str, epoch: str = EPOCH) -> str:
    with fixed_clock(epoch):
        result = CliRunner().invoke(main, ["build", "--project", str(folder), *args])
    assert result.exit_code == 0, result.output
    return result.output
