"""The HTML site: plan pages and embeds (per plan), and the pages that list plans.

Templates come from the project's ``templates/`` first and Deload's defaults
second, so a coach overrides one file without copying the rest. Links between
pages are relative, so the site works under any sub-path and from disk;
canonical, Open Graph and feed URLs are absolute, from ``base_url``.

Per-plan pages are rendered by :class:`PlanRenderer` (in worker processes during
a build); they also produce the plan's :class:`Listing`, the little that list
pages, the sitemap and the Atom feed need, so an unchanged plan never has to be
read again for those.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from datetime import timedelta
from functools import cache, cached_property
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jinja2
from markupsafe import Markup

from .. import __version__, i18n
from ..digest import canonical, digest_parts
from ..expanded import ExpandedPlan
from ..feeds import Feed
from ..periodize import dates_change_layout
from ..settings import Settings
from ..slugs import slug_from
from . import views
from .chart import volume_chart
from .glance import glance_html
from .markdown import plain_text, render_markdown
from .og import draw_preview, preview_inputs, preview_png
from .paceview import pace_panel
from .paths import template_files
from .templates import STATIC_DIR, format_date, make_environment, template_errors

_JS_MESSAGE = re.compile(r'\bt\("((?:[^"\\]|\\.)*)"')  # t("…") in the scripts (see static/messages.js)


@dataclass
class Listing:
    """What list pages, the sitemap and the Atom feed need of one plan (JSON-serialisable)."""

    slug: str
    url: str
    title: str
    summary: str
    author: str
    level: str
    category: str
    tags: list[str]
    weeks: int
    deloads: int
    published: str
    updated: str
    language: str = "en"  # the plan's: its card's title and summary, its Atom entry
    translation_key: str = ""  # plans with the same key are translations of each other (hreflang)
    cards: dict[str, str] = field(default_factory=dict)  # rendered card HTML by folder depth
    card_keys: dict[str, str] = field(default_factory=dict)  # a hash of each card: list pages are keyed by these

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    def card_key(self, depth: str) -> str:
        return self.card_keys.get(depth) or digest_parts(self.cards[depth])


@dataclass
class PlanPage:
    expanded: ExpandedPlan
    slug: str
    url: str  # relative to the site root: plans/<slug>/
    feeds: list[Feed]
    published: str
    updated: str
    pdfs: list[tuple[str, str]]  # (label, file name)
    sheets: list[tuple[str, str]] = field(default_factory=list)  # the one-page sheets: (label, file name)
    alternates: list[tuple[str, str]] = field(default_factory=list)  # its translations and itself: (language, url in site)

    @property
    def plan(self) -> Any:
        return self.expanded.plan


@dataclass(frozen=True)
class SitePage:
    """A page that lists plans (or belongs to the site), rendered only when needed; its key,
    too, is worked out only when asked for (the preview renders list pages on request, unkeyed)."""

    path: str
    make_key: Callable[[], str] = field(repr=False)  # the same key, the same bytes
    render: Callable[[], bytes] = field(repr=False)

    @cached_property
    def key(self) -> str:
        return self.make_key()


class Renderer:
    def __init__(self, settings: Settings, env: jinja2.Environment | None = None):
        self.settings = settings
        self.env = env or make_environment(settings)
        self.base = settings.base_url
        self.base_path = urlsplit(self.base).path or "/"
        self._js_ids: list[str] | None = None

    def absolute(self, path: str) -> str:
        return self.base + path

    def render(self, template: str, depth: int, root: str | None = None, **context: Any) -> str:
        with template_errors(template):
            return self.env.get_template(template).render(
                site=self.settings, root="../" * depth if root is None else root, base_url=self.base, version=__version__,
                lang_tag=i18n.current().tag, js_messages=self.js_messages(), **context)

    def js_messages(self) -> dict[str, str]:
        """The scripts' messages (every ``t("…")`` in the site's scripts) in the current language;
        none in English, the scripts' own."""
        language = i18n.current()
        if language.code == "en":
            return {}
        if self._js_ids is None:
            self._js_ids = sorted({m for name, path in template_files(self.settings).items() if name.endswith(".js")
                                   for m in _JS_MESSAGE.findall(path.read_text(encoding="utf-8"))})
        return {message: language.gettext(message) for message in self._js_ids}

    def macro(self, name: str) -> Any:
        with template_errors("_macros.html"):
            return getattr(self.env.get_template("_macros.html").module, name)


class PlanRenderer(Renderer):
    """One plan's page, embed view and preview image, and its listing. ``draw`` makes the image
    from :func:`og.preview_inputs` (a build passes one that keeps images by their inputs)."""

    def __init__(self, settings: Settings, draw: Callable[[dict[str, Any]], bytes] = draw_preview):
        super().__init__(settings)
        self.draw = draw

    def outputs(self, page: PlanPage, own: bool = True, others: bool = True) -> Iterator[tuple[str, bytes]]:
        """The plan's page (``own``), and (``others``) its embed view and preview image."""
        expanded = page.expanded
        plan = expanded.plan
        context = self.plan_context(page)
        if own:
            yield f"{page.url}index.html", self.render("plan.html", 2, **context).encode("utf-8")
        if others:
            yield f"{page.url}embed.html", self.render("embed.html", 2, **context).encode("utf-8")
            yield f"{page.url}og.png", self.draw(preview_inputs(expanded, self.settings.title, plan.title))

    def listing(self, page: PlanPage) -> Listing:
        plan = page.plan
        expanded = page.expanded
        listing = Listing(
            slug=page.slug, url=page.url, title=plan.title, summary=plan.summary, author=plan.author,
            level=plan.level, category=views.category(plan), tags=list(plan.tags), weeks=len(expanded.weeks),
            deloads=views.lighter_weeks(expanded), published=page.published, updated=page.updated,
            language=i18n.plan_language(plan, self.settings), translation_key=plan.translation_key,
        )
        with i18n.use(self.settings.language):  # cards are shown on the site's pages, in the site's language
            card, render_card = self._card(page), self.macro("card")
            with template_errors("_macros.html"):
                listing.cards = {str(depth): str(render_card(card, "../" * depth)) for depth in (0, 2)}
        listing.card_keys = {depth: digest_parts(text) for depth, text in listing.cards.items()}
        return listing

    def _card(self, page: PlanPage) -> dict[str, Any]:
        expanded = page.expanded
        plan = expanded.plan
        language = i18n.plan_language(plan, self.settings)
        return {
            "title": plan.title, "summary": plan.summary, "url": page.url, "level": plan.level,
            "lang": language if language != self.settings.language else "",
            "level_name": views.LEVEL_NAMES.get(plan.level, ""), "level_url": f"level/{slug_from(plan.level)}/" if plan.level else "",
            "category": views.category(plan), "category_name": views.CATEGORY_NAMES[views.category(plan)],
            "category_url": f"distance/{views.category(plan)}/", "race": views.race_label(plan),
            "weeks": len(expanded.weeks), "peak": views.peak_text(expanded), "units": plan.units,
            "tags": [(tag, f"tags/{views.tag_slug(tag)}/") for tag in plan.tags], "deloads": views.lighter_weeks(expanded),
        }

    def plan_context(self, page: PlanPage) -> dict[str, Any]:
        expanded = page.expanded
        plan = expanded.plan
        url = self.absolute(page.url)
        feeds = page.feeds
        fixed = feeds[0] if feeds and feeds[0].date is not None and expanded.start is not None else None
        dated_feeds = [f for f in feeds if f.anchor and expanded.start is None]
        race_offset = (len(expanded.weeks) - 1) * 7 + (expanded.race_session.day - 1) if expanded.race_session else None
        default = _default_feed(dated_feeds, plan, race_offset if race_offset is not None else len(expanded.weeks) * 7)
        first_feed = fixed or default
        weeks = views.week_views(expanded)
        if not self.settings.watch_files:
            weeks = views.without_watch_files(weeks)
        week_macro = self.macro("week")
        with template_errors("_macros.html"):
            weeks_html = Markup("").join(week_macro(w) for w in weeks)  # the page's

        glance = glance_html(weeks, format_date)  # the embed's: the same weeks at a glance
        return {
            "page": page, "plan": plan, "expanded": expanded, "figures": views.figures(expanded),
            "weeks": weeks, "race": views.race_label(plan), "weeks_html": weeks_html, "glance": glance,
            # A plan without runs (strength work alone) has no paces to show.
            "paces": pace_panel(expanded) if any(p.kind.is_run for w in expanded.weeks for p in w.sessions) else None,
            "has_calendar_file": bool(dated_feeds) and not dates_change_layout(plan),
            "has_watch_files": self.settings.watch_files and any(w.fit_zip for w in weeks),
            "chart": volume_chart(expanded, "vc", [plan.units, "mi" if plan.units == "km" else "km"]),
            "intro": render_markdown(plan.intro, top=3),
            "canonical": url, "description": plan.summary or plan_description(expanded),
            "og_image": self.absolute(f"{page.url}og.png"),
            "fixed_feed": fixed, "feeds": dated_feeds, "default_feed": default,
            "feed_url": self.absolute(f"{page.url}{first_feed.name}") if first_feed else "",
            "feed_base": self.absolute(page.url), "race_offset": race_offset,
            "category": views.category(plan), "category_name": views.CATEGORY_NAMES[views.category(plan)],
            "level_name": views.LEVEL_NAMES.get(plan.level, ""), "level_url": f"level/{slug_from(plan.level)}/",
            "tags": [(tag, f"tags/{views.tag_slug(tag)}/") for tag in plan.tags],
            "embed_url": self.absolute(f"{page.url}embed.html"), "kinds": {w.kind for w in expanded.weeks} | ({"lighter"} if any(w.step_back for w in expanded.weeks) else set())
                     | ({"race"} if any(w.tune_up for w in expanded.weeks) else set()),
            "embed_code": embed_snippet(self.absolute(f"{page.url}embed.html"), plan.title),
            "alternates": [(lang, self.absolute(url), language_name(lang), url == page.url) for lang, url in page.alternates],
        }


class SiteRenderer(Renderer):
    """The pages that are not one plan's: index, list pages, explainer, 404, sitemap, Atom, robots."""

    #: The templates of the site's own pages (a preview checks them when it builds, and renders the pages when asked).
    TEMPLATES = ("index.html", "explainer.html", "404.html", "sitemap.xml", "feed.xml")

    def __init__(self, settings: Settings, listings: Sequence[Listing], build_stamp: str,
                 env: jinja2.Environment | None = None):
        super().__init__(settings, env)
        self.plans = list(listings)
        self.build_stamp = build_stamp

    def check_templates(self) -> None:
        """Compile the templates of the site's own pages: a syntax error is the build's error."""
        for name in self.TEMPLATES:
            with template_errors(name):
                self.env.get_template(name)

    def groups(self) -> dict[str, dict[str, list[Listing]]]:
        by: dict[str, dict[str, list[Listing]]] = {"distance": {}, "level": {}, "tags": {}}
        for plan in self.plans:
            by["distance"].setdefault(plan.category, []).append(plan)
            if plan.level:
                by["level"].setdefault(slug_from(plan.level), []).append(plan)
            for tag in plan.tags:
                by["tags"].setdefault(views.tag_slug(tag), []).append(plan)
        return by

    def filters(self, groups: dict[str, dict[str, list[Listing]]]) -> dict[str, list[tuple[str, str]]]:
        distance = [(views.CATEGORY_NAMES[c], f"distance/{c}/") for c in views.CATEGORY_NAMES if c in groups["distance"]]
        levels = [(views.LEVEL_NAMES.get(lv.replace("-", " "), lv), f"level/{lv}/") for lv in
                  [slug_from(x) for x in views.LEVEL_NAMES] if lv in groups["level"]]
        return {"distance": distance, "level": levels}

    def pages(self, salt: str = "") -> Iterator[SitePage]:
        """Every page, each with a key that changes whenever its bytes would: a build compares
        it with the last build's and renders only pages whose key changed. ``salt`` stands for
        everything else a page depends on (settings, templates, Deload's version)."""
        groups = self.groups()
        filters = self.filters(groups)
        default_og = self.absolute("assets/og/default.png")

        @cache
        def shared() -> str:  # what every list page shows besides its cards
            return canonical(filters)

        yield self._listing_page(salt, "index.html", 0, self.plans, shared, filters=filters, heading=None,
                                 canonical=self.absolute(""), description=self.settings.description, og_image=default_og,
                                 current="")
        for kind, grouped in groups.items():
            for key, members in sorted(grouped.items()):
                heading = self._group_heading(kind, key, members)
                path = f"{kind}/{key}/"
                yield self._listing_page(
                    salt, path + "index.html", 2, members, shared, filters=filters, heading=heading,
                    canonical=self.absolute(path), description=f"{heading} — {self.settings.title}", og_image=default_og,
                    current=path)
        # These depend on nothing but the settings and templates, which the salt stands for.
        yield SitePage("deload-weeks/index.html", lambda: digest_parts(salt, "deload-weeks"), lambda: self._page(
            "explainer.html", 1, canonical=self.absolute("deload-weeks/"), og_image=default_og,
            description=i18n.gettext("What deload weeks and tapers are, why they work, and how Deload builds them.")))
        # The 404 page is served at any depth, so its links start from the site's own path.
        yield SitePage("404.html", lambda: digest_parts(salt, "404"), lambda: self._page(
            "404.html", 0, root=self.base_path, canonical=self.absolute("404.html"), absolute_root=self.base_path,
            og_image=default_og, description=i18n.gettext("Page not found")))
        urls = list(self.sitemap(groups))
        yield SitePage("sitemap.xml", lambda: digest_parts(salt, "sitemap", canonical(urls)), lambda: self._page("sitemap.xml", 0, urls=urls))
        updated = self._latest()
        # The Atom feed announces new and updated plans: the latest first, as many as a reader needs.
        recent = sorted(self.plans, key=lambda p: (p.updated, p.published, p.slug), reverse=True)[:self.settings.feed_entries]

        def entries() -> str:  # every field but the rendered cards
            return canonical([(p.slug, p.url, p.title, p.summary, p.author, p.level, p.category, p.tags, p.weeks,
                               p.deloads, p.published, p.updated, p.language) for p in recent])

        yield SitePage("feed.xml", lambda: digest_parts(salt, "feed", updated, entries()),
                       lambda: self._page("feed.xml", 0, entries=recent, updated=updated))
        yield SitePage("robots.txt", lambda: digest_parts(salt, "robots"),
                       lambda: f"User-agent: *\nAllow: /\n\nSitemap: {self.absolute('sitemap.xml')}\n".encode())
        yield SitePage("assets/og/default.png", lambda: digest_parts(salt, "og"), lambda: preview_png(
            None, self.settings.title, self.settings.title, self.settings.description))

    def _listing_page(self, salt: str, path: str, depth: int, plans: list[Listing], shared: Callable[[], str],
                      **context: Any) -> SitePage:
        at = str(depth)

        def key() -> str:  # by the cards' hashes: the cards themselves are needed only if the page is rendered
            scalars = canonical([(k, v) for k, v in sorted(context.items()) if k != "filters"])
            return digest_parts(salt, path, shared(), scalars, *[p.card_key(at) for p in plans])

        return SitePage(path, key,
                        lambda: self._page("index.html", depth, cards=[Markup(p.cards[at]) for p in plans], **context))

    def _page(self, template: str, depth: int, root: str | None = None, **context: Any) -> bytes:
        return self.render(template, depth, root, **context).encode("utf-8")

    def _group_heading(self, kind: str, key: str, members: list[Listing]) -> str:
        if kind == "distance":
            return i18n.gettext("%(group)s plans") % {"group": views.CATEGORY_NAMES[key]}
        if kind == "level":
            return i18n.gettext("%(group)s plans") % {"group": views.LEVEL_NAMES.get(key.replace("-", " "), key)}
        name = next(t for t in members[0].tags if views.tag_slug(t) == key)
        return i18n.gettext("Plans tagged “%(tag)s”") % {"tag": name}

    def sitemap(self, groups: dict[str, dict[str, list[Listing]]]) -> Iterator[tuple[str, str, list[tuple[str, str]]]]:
        """Every page's address and last change; a plan with translations lists them all, itself
        too, with their languages (hreflang: search engines show each reader their language's)."""
        latest = self._latest()
        yield self.absolute(""), latest, []
        translations: dict[str, list[Listing]] = {}
        for plan in self.plans:
            if plan.translation_key:
                translations.setdefault(plan.translation_key, []).append(plan)
        for plan in self.plans:
            versions = translations.get(plan.translation_key, []) if plan.translation_key else []
            alternates = [(p.language, self.absolute(p.url)) for p in versions] if len(versions) > 1 else []
            yield self.absolute(plan.url), plan.updated, alternates
        for kind, grouped in groups.items():
            for key, members in sorted(grouped.items()):
                yield self.absolute(f"{kind}/{key}/"), max(p.updated for p in members), []
        yield self.absolute("deload-weeks/"), latest, []

    def _latest(self) -> str:
        return max((p.updated for p in self.plans), default=self.build_stamp)


def _default_feed(feeds: list[Feed], plan: Any, offset: int) -> Feed | None:
    """The soonest date a reader can still follow the whole plan for, on the plan's own weekday if possible.
    ``offset``: days from the first feed's date to the first that starts today or later (the feeds
    begin with today's race day, or, for a plan without a race, with a start day a plan's length ago)."""
    if not feeds or feeds[0].date is None:
        return None
    first = feeds[0].date
    earliest = first + timedelta(days=offset)
    weekday = (plan.week_starts + (offset if feeds[0].anchor == "race" else 0)) % 7
    later = [f for f in feeds if f.date is not None and f.date >= earliest]
    same_day = [f for f in later if f.date is not None and f.date.weekday() == weekday]
    return (same_day or later or feeds)[0]


def language_name(tag: str) -> str:
    """A language's name in that language, as a reader looks for it: ``Deutsch``, ``français``."""
    from babel import Locale, UnknownLocaleError

    try:
        name = Locale.parse(tag.replace("-", "_")).get_display_name() or tag
    except (ValueError, UnknownLocaleError):
        return tag
    return name[:1].upper() + name[1:]


def embed_snippet(url: str, title: str) -> str:
    """The iframe code a coach pastes into a blog, as text: attribute values escaped, so a
    plan title can never add attributes to the coach's page."""
    return (f'<iframe src="{html.escape(url, quote=True)}" title="{html.escape(title, quote=True)}" loading="lazy" '
            'style="width:100%;height:640px;border:0"></iframe>')


def plan_description(expanded: ExpandedPlan) -> str:
    plan = expanded.plan
    values = {"weeks": len(expanded.weeks), "deloads": views.lighter_weeks(expanded),
              "race": plain_text(str(views.race_label(plan))) if plan.race else ""}
    if plan.race and values["deloads"]:
        text = i18n.gettext("A %(weeks)d-week plan for the %(race)s with %(deloads)d deload weeks.")
    elif plan.race:
        text = i18n.gettext("A %(weeks)d-week plan for the %(race)s.")
    elif values["deloads"]:
        text = i18n.gettext("A %(weeks)d-week plan with %(deloads)d deload weeks.")
    else:
        text = i18n.gettext("A %(weeks)d-week plan.")
    return re.sub(r"\s+", " ", text % values)


def static_files(settings: Settings) -> Iterator[tuple[str, Path]]:
    """(path inside site/assets/, source file): the project's files override Deload's."""
    for name, path in template_files(settings).items():
        if name.startswith(f"{STATIC_DIR}/"):
            yield f"assets/{name[len(STATIC_DIR) + 1:]}", path


__all__ = ["Listing", "PlanPage", "PlanRenderer", "SitePage", "SiteRenderer", "static_files"]
