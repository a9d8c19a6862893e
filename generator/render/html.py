"""The HTML site: index, plan pages, embeds, list pages, explainer, sitemap, Atom, robots, 404.

Templates come from the project's ``templates/`` first and Deload's defaults
second, so a coach overrides one file without copying the rest. Links between
pages are relative, so the site works under any sub-path and from disk;
canonical, Open Graph and feed URLs are absolute, from ``base_url``.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import jinja2
from markupsafe import Markup

from .. import __version__
from ..config import Settings
from ..errors import DeloadError, Diagnostic
from ..expanded import ExpandedPlan
from ..feeds import Feed
from ..source.reader import slug_from
from . import views
from .chart import volume_chart
from .markdown import plain_text, render_markdown
from .og import preview_png

PACKAGE_TEMPLATES = Path(__file__).resolve().parent.parent.parent / "templates"
STATIC_DIR = "static"


def template_dirs(settings: Settings) -> list[Path]:
    dirs = [settings.templates_dir]
    if PACKAGE_TEMPLATES.resolve() != settings.templates_dir.resolve():
        dirs.append(PACKAGE_TEMPLATES)
    return [d for d in dirs if d.is_dir()]


def _format_date(value: date | None, style: str = "long") -> str:
    if value is None:
        return ""
    if style == "short":
        return f"{value:%a} {value.day} {value:%b}"
    return f"{value:%a} {value.day} {value:%b %Y}"


def make_environment(settings: Settings) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(d) for d in template_dirs(settings)]),
        autoescape=jinja2.select_autoescape(["html", "xml", "svg"]),
        undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
    )
    env.filters["day"] = _format_date
    env.filters["iso"] = lambda value: value.isoformat() if value else ""
    env.filters["urlquote"] = lambda value: quote(str(value), safe="")
    return env


@dataclass
class PlanPage:
    expanded: ExpandedPlan
    slug: str
    url: str  # relative to the site root: plans/<slug>/
    feeds: list[Feed]
    published: str
    updated: str
    pdfs: list[tuple[str, str]]  # (label, file name)

    @property
    def plan(self) -> Any:
        return self.expanded.plan


class HtmlSite:
    """Renders every page; :meth:`pages` yields (path inside site/, bytes)."""

    def __init__(self, settings: Settings, pages: Sequence[PlanPage], build_stamp: str):
        self.settings = settings
        self.plans = list(pages)
        self.build_stamp = build_stamp
        self.env = make_environment(settings)
        self.base = settings.base_url
        self.base_path = urlsplit(self.base).path or "/"

    # -- helpers --

    def absolute(self, path: str) -> str:
        return self.base + path

    def _render(self, template: str, depth: int, **context: Any) -> bytes:
        root = "../" * depth
        try:
            text = self.env.get_template(template).render(
                site=self.settings, root=root, base_url=self.base, version=__version__, **context)
        except jinja2.TemplateSyntaxError as exc:
            raise DeloadError([Diagnostic(exc.filename or template, exc.lineno or 1, 1, f"template error: {exc.message}")]) from None
        except jinja2.TemplateError as exc:
            raise DeloadError([Diagnostic(template, 1, 1, f"template error: {exc}")]) from None
        return text.encode("utf-8")

    def _card(self, page: PlanPage) -> dict[str, Any]:
        expanded = page.expanded
        plan = expanded.plan
        return {
            "title": plan.title, "summary": plan.summary, "url": page.url, "level": plan.level,
            "level_name": views.LEVEL_NAMES.get(plan.level, ""), "level_url": f"level/{slug_from(plan.level)}/" if plan.level else "",
            "category": views.category(plan), "category_name": views.CATEGORY_NAMES[views.category(plan)],
            "category_url": f"distance/{views.category(plan)}/", "race": views.race_label(plan),
            "weeks": len(expanded.weeks), "peak": views.figures(expanded).peak, "units": plan.units,
            "tags": [(tag, f"tags/{slug_from(tag)}/") for tag in plan.tags], "deloads": expanded.deload_weeks,
        }

    def groups(self) -> dict[str, dict[str, list[PlanPage]]]:
        by: dict[str, dict[str, list[PlanPage]]] = {"distance": {}, "level": {}, "tags": {}}
        for page in self.plans:
            plan = page.plan
            by["distance"].setdefault(views.category(plan), []).append(page)
            if plan.level:
                by["level"].setdefault(slug_from(plan.level), []).append(page)
            for tag in plan.tags:
                by["tags"].setdefault(slug_from(tag), []).append(page)
        return by

    def filters(self) -> dict[str, list[tuple[str, str]]]:
        groups = self.groups()
        distance = [(views.CATEGORY_NAMES[c], f"distance/{c}/") for c in views.CATEGORY_NAMES if c in groups["distance"]]
        levels = [(views.LEVEL_NAMES.get(lv.replace("-", " "), lv), f"level/{lv}/") for lv in
                  [slug_from(x) for x in views.LEVEL_NAMES] if lv in groups["level"]]
        return {"distance": distance, "level": levels}

    # -- pages --

    def pages(self) -> Iterator[tuple[str, bytes]]:
        filters = self.filters()
        cards = [self._card(p) for p in self.plans]
        yield "index.html", self._render("index.html", 0, cards=cards, filters=filters, heading=None,
                                         canonical=self.absolute(""), description=self.settings.description,
                                         og_image=self.absolute("assets/og/default.png"), current="")
        for kind, grouped in self.groups().items():
            for key, members in sorted(grouped.items()):
                heading = self._group_heading(kind, key, members)
                path = f"{kind}/{key}/"
                yield path + "index.html", self._render(
                    "index.html", 2, cards=[self._card(p) for p in members], filters=filters, heading=heading,
                    canonical=self.absolute(path), description=f"{heading} — {self.settings.title}",
                    og_image=self.absolute("assets/og/default.png"), current=path)
        for page in self.plans:
            yield from self.plan_pages(page)
        yield "deload-weeks/index.html", self._render(
            "explainer.html", 1, canonical=self.absolute("deload-weeks/"), og_image=self.absolute("assets/og/default.png"),
            description="What deload weeks and tapers are, why they work, and how Deload builds them.")
        yield "404.html", self._render("404.html", 0, canonical=self.absolute("404.html"), absolute_root=self.base_path,
                                       og_image=self.absolute("assets/og/default.png"), description="Page not found")
        yield "sitemap.xml", self._render("sitemap.xml", 0, urls=list(self.sitemap()))
        yield "feed.xml", self._render("feed.xml", 0, entries=self.plans, updated=self._latest())
        yield "robots.txt", f"User-agent: *\nAllow: /\n\nSitemap: {self.absolute('sitemap.xml')}\n".encode()
        yield "assets/og/default.png", preview_png(None, self.settings.title, self.settings.title, self.settings.description)

    def _group_heading(self, kind: str, key: str, members: list[PlanPage]) -> str:
        if kind == "distance":
            return f"{views.CATEGORY_NAMES[key]} plans"
        if kind == "level":
            return f"{views.LEVEL_NAMES.get(key.replace('-', ' '), key)} plans"
        name = next(t for t in members[0].plan.tags if slug_from(t) == key)
        return f"Plans tagged “{name}”"

    def plan_pages(self, page: PlanPage) -> Iterator[tuple[str, bytes]]:
        expanded = page.expanded
        plan = expanded.plan
        context = self.plan_context(page)
        yield f"{page.url}index.html", self._render("plan.html", 2, **context)
        yield f"{page.url}embed/index.html", self._render("embed.html", 3, **context)
        subtitle = " · ".join(filter(None, [views.LEVEL_NAMES.get(plan.level, ""), f"{len(expanded.weeks)} weeks",
                                            plain_text(str(views.race_label(plan) or "")).replace("\n", " ")]))
        yield f"assets/og/{page.slug}.png", preview_png(expanded, self.settings.title, plan.title, subtitle)

    def plan_context(self, page: PlanPage) -> dict[str, Any]:
        expanded = page.expanded
        plan = expanded.plan
        url = self.absolute(page.url)
        feeds = page.feeds
        fixed = feeds[0] if feeds and feeds[0].date is not None and expanded.start is not None else None
        dated_feeds = [f for f in feeds if f.anchor and expanded.start is None]
        race_offset = (len(expanded.weeks) - 1) * 7 + (expanded.race_session.day - 1) if expanded.race_session else None
        default = _default_feed(dated_feeds, plan, race_offset)
        first_feed = fixed or default
        return {
            "page": page, "plan": plan, "expanded": expanded, "figures": views.figures(expanded),
            "weeks": views.week_views(expanded), "race": views.race_label(plan),
            "chart": volume_chart(expanded, "vc", [plan.units, "mi" if plan.units == "km" else "km"]),
            "intro": render_markdown(plan.intro, top=3),
            "canonical": url, "description": plan.summary or plan_description(expanded),
            "og_image": self.absolute(f"assets/og/{page.slug}.png"),
            "fixed_feed": fixed, "feeds": dated_feeds, "default_feed": default,
            "feed_url": self.absolute(f"{page.url}{first_feed.name}") if first_feed else "",
            "feed_base": self.absolute(page.url), "race_offset": race_offset,
            "category": views.category(plan), "category_name": views.CATEGORY_NAMES[views.category(plan)],
            "level_name": views.LEVEL_NAMES.get(plan.level, ""), "level_url": f"level/{slug_from(plan.level)}/",
            "tags": [(tag, f"tags/{slug_from(tag)}/") for tag in plan.tags],
            "embed_url": self.absolute(f"{page.url}embed/"), "kinds": views.KIND_LABELS,
            "embed_code": embed_snippet(self.absolute(f"{page.url}embed/"), plan.title),
        }

    def sitemap(self) -> Iterator[tuple[str, str]]:
        latest = self._latest()
        yield self.absolute(""), latest
        for page in self.plans:
            yield self.absolute(page.url), page.updated
        for kind, grouped in self.groups().items():
            for key, members in sorted(grouped.items()):
                yield self.absolute(f"{kind}/{key}/"), max(p.updated for p in members)
        yield self.absolute("deload-weeks/"), latest

    def _latest(self) -> str:
        return max((p.updated for p in self.plans), default=self.build_stamp)


def _default_feed(feeds: list[Feed], plan: Any, race_offset: int | None) -> Feed | None:
    """The soonest date a reader can still follow the whole plan for, on the plan's own weekday if possible."""
    if not feeds or feeds[0].date is None:
        return None
    first = feeds[0].date
    earliest = first + timedelta(days=race_offset) if race_offset is not None else first
    weekday = (plan.week_starts + (race_offset or 0)) % 7
    later = [f for f in feeds if f.date is not None and f.date >= earliest]
    same_day = [f for f in later if f.date is not None and f.date.weekday() == weekday]
    return (same_day or later or feeds)[0]


def embed_snippet(url: str, title: str) -> str:
    """The iframe code a coach pastes into a blog, as text: attribute values escaped, so a
    plan title can never add attributes to the coach's page."""
    return (f'<iframe src="{html.escape(url, quote=True)}" title="{html.escape(title, quote=True)}" loading="lazy" '
            'style="width:100%;height:640px;border:0"></iframe>')


def plan_description(expanded: ExpandedPlan) -> str:
    plan = expanded.plan
    parts = [f"A {len(expanded.weeks)}-week plan"]
    if plan.race:
        parts.append(f"for the {plain_text(str(views.race_label(plan)))}")
    parts.append(f"with {expanded.deload_weeks} deload weeks" if expanded.deload_weeks else "")
    return re.sub(r"\s+", " ", " ".join(p for p in parts if p)) + "."


def static_files(settings: Settings) -> Iterator[tuple[str, Path]]:
    """(path inside site/assets/, source file): the project's files override Deload's."""
    seen: dict[str, Path] = {}
    for folder in reversed(template_dirs(settings)):
        static = folder / STATIC_DIR
        if static.is_dir():
            for path in sorted(static.rglob("*")):
                if path.is_file():
                    seen[str(path.relative_to(static))] = path
    for name in sorted(seen):
        yield f"assets/{name}", seen[name]


__all__ = ["HtmlSite", "Markup", "PlanPage", "make_environment", "static_files"]
