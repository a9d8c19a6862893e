"""Shared fixtures: real plan files under tests/fixtures/ and the bundled library."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

from generator.config import Settings

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
LIBRARY = ROOT / "plans"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")

# Property tests: random and exploring locally; a fixed, reproducible set of examples in CI;
# HYPOTHESIS_PROFILE=hunt for a long search.
_SLOW = [HealthCheck.too_slow, HealthCheck.data_too_large]
hypothesis_settings.register_profile("dev", max_examples=150, deadline=None, suppress_health_check=_SLOW)
hypothesis_settings.register_profile("ci", max_examples=200, deadline=None, derandomize=True, suppress_health_check=_SLOW)
hypothesis_settings.register_profile("hunt", max_examples=3000, deadline=None, suppress_health_check=_SLOW)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if IN_CI else "dev"))


def need(tool: str) -> str:
    """Path of an external tool; a missing tool fails in CI and skips elsewhere."""
    path = shutil.which(tool)
    if path is None:
        message = f"{tool} is not installed (run 'make test', which installs it)"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    return path


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(root=tmp_path)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """An empty project folder with a plans/ directory."""
    (tmp_path / "plans").mkdir()
    return tmp_path


def library_plans() -> list[Path]:
    return sorted(LIBRARY.glob("*.md"))
