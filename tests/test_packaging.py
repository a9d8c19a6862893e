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


def _wheel(tmp_path: Path) -> Path:
    """Build the wheel from a copy of the sources, so the checkout gets no build/ or egg-info."""
    source = tmp_path / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    ignore = shutil.ignore_patterns("__pycache__")
    shutil.copytree(ROOT / "generator", source / "generator", ignore=ignore)
    shutil.copytree(ROOT / "templates", source / "templates", ignore=ignore)
    out = tmp_path / "dist"
    # No build isolation: the test extra brings the setuptools the build needs, so no network.
    proc = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index",
                           "-q", "-w", str(out), str(source)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    (wheel,) = out.glob("deload-*.whl")
    return wheel


def _build(project: Path, python_path: str | None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, SOURCE_DATE_EPOCH="1767225600", CI="true")
    env.pop("PYTHONPATH", None)
    if python_path:
        env["PYTHONPATH"] = python_path
    code = "import generator, sys; print(generator.__file__, file=sys.stderr); from generator.cli import main; main()"
    return subprocess.run([sys.executable, "-c", code, "build", "--project", str(project), "--no-pdf", "--quiet"],
                          capture_output=True, text=True, cwd=project, env=env)


def test_the_wheel_ships_the_default_templates_and_builds_the_same_site(tmp_path: Path) -> None:
    wheel = _wheel(tmp_path)
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = {f"generator/templates/{p.relative_to(ROOT / 'templates').as_posix()}"
               for p in (ROOT / "templates").rglob("*") if p.is_file()}
    assert shipped <= names, f"templates missing from the wheel: {sorted(shipped - names)}"
    modules = {p.relative_to(ROOT).as_posix() for p in (ROOT / "generator").rglob("*.py")}
    assert modules <= names, f"modules missing from the wheel: {sorted(modules - names)}"

    installed = tmp_path / "installed"
    zipfile.ZipFile(wheel).extractall(installed)
    sites = []
    for name, python_path in (("from-wheel", str(installed)), ("from-checkout", None)):
        project = tmp_path / name
        project.mkdir()
        shutil.copy(ROOT / "deload.toml", project / "deload.toml")  # no templates/: the defaults are used
        shutil.copytree(ROOT / "plans", project / "plans")
        proc = _build(project, python_path)
        assert proc.returncode == 0, proc.stderr
        where = Path(proc.stderr.splitlines()[0])
        assert where.is_relative_to(installed if python_path else ROOT), where
        sites.append(project / "site")
    assert (sites[0] / "index.html").is_file()
    assert tree_digest(sites[0]) == tree_digest(sites[1])
