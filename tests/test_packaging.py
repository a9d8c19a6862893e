"""Deload as `pip install deload` gives it to a coach: a wheel, not this checkout."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from .conftest import ROOT
from .test_cli import tree_digest


def _files(folder: Path, pattern: str = "*") -> set[str]:
    """The repository's files under ``folder``, as paths in the wheel (no caches, editor backups)."""
    return {p.relative_to(ROOT).as_posix() for p in folder.rglob(pattern)
            if p.is_file() and "__pycache__" not in p.parts and not p.name.startswith(".") and not p.name.endswith("~")}


def _wheel(tmp_path: Path) -> Path:
    """Build the wheel from a copy of the sources, so the checkout gets no build/ or egg-info."""
    source = tmp_path / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    ignore = shutil.ignore_patterns("__pycache__")
    shutil.copytree(ROOT / "generator", source / "generator", ignore=ignore)
    shutil.copytree(ROOT / "templates", source / "templates", ignore=ignore)
    shutil.copytree(ROOT / "docs", source / "docs", ignore=ignore)
    out = tmp_path / "dist"
    # No build isolation: the test extra brings the setuptools the build needs, so no network.
    proc = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index",
                           "-q", "-w", str(out), str(source)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    (wheel,) = out.glob("deload-*.whl")
    return wheel


_BUILD = """
import sys
report = sys.argv.pop()  # where to write which file every Deload module came from
from generator.cli import main
try:
    main()
finally:
    with open(report, "w") as out:
        out.write("\\n".join(m.__file__ for n, m in sys.modules.items() if n.split(".")[0] == "generator"))
"""


def _build(project: Path, python_path: Path) -> list[Path]:
    """Build ``project`` with Deload imported from ``python_path``; return the modules' files."""
    env = dict(os.environ, SOURCE_DATE_EPOCH="1767225600", CI="true", PYTHONPATH=str(python_path))
    modules = project.parent / f"{project.name}-modules.txt"
    proc = subprocess.run([sys.executable, "-c", _BUILD, "build", "--project", str(project), "--no-pdf", "--quiet",
                           str(modules)], capture_output=True, text=True, cwd=project, env=env)
    assert proc.returncode == 0, proc.stderr
    return [Path(line) for line in modules.read_text().splitlines()]


def test_the_wheel_ships_the_default_templates_and_builds_the_same_site(tmp_path: Path) -> None:
    wheel = _wheel(tmp_path)
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        installed = tmp_path / "installed"
        archive.extractall(installed)
    templates = {name.replace("templates/", "generator/templates/", 1) for name in _files(ROOT / "templates")}
    assert templates <= names, f"templates missing from the wheel: {sorted(templates - names)}"
    modules = _files(ROOT / "generator", "*.py")
    assert modules <= names, f"modules missing from the wheel: {sorted(modules - names)}"
    guides = {name.replace("docs/", "generator/docs/", 1) for name in _files(ROOT / "docs", "*.md")}
    assert guides <= names, f"guides missing from the wheel: {sorted(guides - names)}"
    catalogs = _files(ROOT / "generator" / "locales", "*.mo")
    assert len(catalogs) == 4 and catalogs <= names, f"catalogs missing from the wheel: {sorted(catalogs - names)}"
    # `deload docs`, run from the wheel outside any checkout, finds the shipped guides.
    env = dict(os.environ, PYTHONPATH=str(installed))
    proc = subprocess.run([sys.executable, "-m", "generator.cli", "docs", "plan-format"], capture_output=True,
                          text=True, cwd=tmp_path, env=env)
    assert proc.returncode == 0 and proc.stdout == (ROOT / "docs" / "plan-format.md").read_text(encoding="utf-8"), proc.stderr

    sites = []
    for name, python_path in (("from-wheel", installed), ("from-checkout", ROOT)):
        project = tmp_path / name
        project.mkdir()
        shutil.copy(ROOT / "deload.toml", project / "deload.toml")  # no templates/: the defaults are used
        shutil.copytree(ROOT / "plans", project / "plans")
        loaded = _build(project, python_path)
        assert loaded and all(path.is_relative_to(python_path) for path in loaded), loaded
        sites.append(project / "site")
    assert (sites[0] / "index.html").is_file()
    assert tree_digest(sites[0]) == tree_digest(sites[1])
