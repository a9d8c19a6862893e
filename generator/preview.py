"""The preview ``deload serve`` shows: rebuilt on every change, told to browsers as it happens.

It is built into ``.deload/preview/`` with ``base_url`` pointing at the local server, so
``site/`` (what gets published) is never touched. A rebuild writes only the changed plans'
pages; the list pages and a plan's other files are rendered the first time a browser asks for
one (until the next rebuild). A build error is printed in the terminal and shown over the
page, while the last good build keeps being served.
"""

from __future__ import annotations

import json
import os
import re
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from .build import SitePages, build_site
from .config import CONFIG_NAME, Settings, load_settings
from .errors import DeloadError, Diagnostic, in_order
from .feeds import build_time
from .fsutil import BUILD_LOCKED
from .ondemand import last_site_pages, plan_files, plan_pdf
from .state import STATE_NAME

_PDF_PATH = re.compile(r"plans/([a-z0-9][a-z0-9-]*)/\1(-fridge)?-(a4|letter)\.pdf")
_PLAN_FILE = re.compile(r"plans/([a-z0-9][a-z0-9-]*)/((?:fit/)?[A-Za-z0-9._-]+)")


class Preview:
    """Builds on change and tells connected browsers what happened."""

    def __init__(self, settings: Settings, echo: Callable[[str], None], pdf: bool = False):
        self.settings = settings
        self.echo = echo
        self.pdf = pdf
        self.output = settings.work_dir / "preview"
        self.generation = 0
        self.error: str | None = None
        self.changed = threading.Condition()
        self.watching = threading.Event()  # set once file events are being received
        self._plan_files: dict[str, dict[str, bytes]] = {}  # slug -> the files of its folder rendered when asked
        self._built_at: datetime | None = None
        self._site_pages: SitePages = dict  # the list pages of the build shown, rendered when asked
        self._rendered: dict[str, bytes] = {}  # … and those rendered since that build
        self._shown = False  # whether a build of this server is shown (else the preview's folder as it was)
        self.last_good = False  # whether any good build is shown (this server's, or the preview's folder as it was)
        self._said: set[str] = set()  # the warnings of the last good build, as said
        self.said_lines: list[str] = []  # every warning (and note) of the last good build that stands, for the tabs
        self._retry_at: float | None = None  # when to build again, after a build found another one running
        self._waiting = False  # said that the preview waits for another build

    def snapshot(self) -> dict[str, tuple[int, int]]:
        """Modification times of everything a build reads."""
        root = self.settings.root
        files: dict[str, tuple[int, int]] = {}
        for folder in (root / "plans", root / "templates"):
            if folder.is_dir():
                for path in folder.rglob("*"):
                    if not _source_change(None, str(path)):
                        continue  # the state file a build writes, editors' temporary files
                    try:
                        stat = path.stat()
                    except OSError:
                        continue
                    if path.is_file():
                        files[str(path)] = (stat.st_mtime_ns, stat.st_size)
        config = root / CONFIG_NAME
        if config.exists():
            stat = config.stat()
            files[str(config)] = (stat.st_mtime_ns, stat.st_size)
        return files

    def current_settings(self) -> Settings:
        """``deload.toml`` as it is now (the coach may have edited it), at the preview's address."""
        return replace(load_settings(self.settings.root), base_url=self.settings.base_url)

    def rebuild(self) -> bool:
        """Build the preview again. The build looks at every plan file (none is read unless its
        size or times changed): a lost file event, a link among the plans, a checkout of many files
        are all seen."""
        started = time.perf_counter()
        self._retry_at = None
        try:
            settings = self.current_settings()
            result = build_site(settings, pdf=self.pdf, output=self.output, save_state=False, preview=True,
                                on_live=self._published, drafts=True)
        except DeloadError as exc:
            if any(d.code == BUILD_LOCKED for d in exc.diagnostics):  # a 'deload build' in a terminal: wait for it
                self._retry_at = time.monotonic() + LOCKED_RETRY_S
                if not self._waiting:
                    self.echo(f"{exc.diagnostics[0].message.split(';')[0]}: the preview builds when it is done")
                self._waiting = True
                return False
            return self._failed(exc.diagnostics)
        except OSError as exc:
            return self._failed([Diagnostic(str(self.settings.root), 1, 1, f"cannot write the preview: {exc}")])
        except Exception as exc:  # keep serving whatever goes wrong; show it instead of dying silently
            return self._failed([Diagnostic(str(self.settings.root), 1, 1, f"internal error: {exc.__class__.__name__}: {exc}")])
        self._waiting = False
        if result.noop:  # nothing new to show: still, the browsers clear a failed build's report
            self._published(None, result.on_request)
        self._say_warnings(result.to_say(), set(result.rendered))
        self.echo(f"✓ rebuilt in {time.perf_counter() - started:.2f} s: {result.preview_summary()}")
        return True

    def _say_warnings(self, warnings: list[Diagnostic], rendered: set[str]) -> None:
        """The warnings of the plans this build rendered, and any not said after the last build:
        a save shows what it caused, not every warning of the library again."""
        said, self._said = self._said, {w.format() for w in warnings}
        repeated = 0
        lines = []  # the tabs show every warning that stands (the terminal says each once)
        for warning in in_order(warnings):
            text = warning.format()
            lines.append(text)
            if warning.file in rendered or text not in said:
                self.echo(text)
            else:
                repeated += 1
        if repeated:
            self.echo(f"  ({repeated} more warning{'s' if repeated > 1 else ''}, said before, about plans this build "
                      "did not render again: deload check lists them all)")
        with self.changed:  # the open tabs show them too: a coach watching the page sees a risky week
            self.said_lines = lines
            self.changed.notify_all()

    def _published(self, now: datetime | None, site_pages: SitePages) -> None:
        """The new preview is in place: browsers reload now, while the build records what it made.
        ``now``: the build's clock, which the files rendered on demand are dated by (an undated
        plan's feeds are those of the build's day, as its page links them); ``site_pages``: its
        list pages, which it did not write (each is rendered when first asked for)."""
        with self.changed:
            if now is not None:
                self._built_at = now
            self._site_pages, self._rendered, self._plan_files, self._shown = site_pages, {}, {}, True
            self.last_good = True
            self.error = None
            self.generation += 1
            self.changed.notify_all()

    def _plan_file(self, settings: Settings, slug: str) -> Path | None:
        """The file of the plan the preview shows as ``slug``, by the preview's build record: a
        plan that is not in the last good build has no files to give."""
        from .build.manifest import Manifest

        if not (self.output / "plans" / slug).is_dir():
            return None
        for display, record in Manifest(settings.work_dir, self.output).body.records.items():
            if record.slug == slug and (settings.root / display).is_file():
                return settings.root / display
        return None

    def pdf_on_demand(self, relative: str) -> bytes | None:
        """A plan's PDF, rendered when a browser asks for it: the preview links PDFs without
        rendering them (unless ``--pdf``). None if the path names no plan's PDF."""
        match = _PDF_PATH.fullmatch(relative)
        if match is None:
            return None
        settings = self.current_settings()
        slug, fridge, paper = match[1], bool(match[2]), match[3]
        path = self._plan_file(settings, slug)
        if path is None:
            return None
        data = plan_pdf(settings, path, slug, fridge, paper)
        self.echo(f"rendered {relative} on demand (deload serve --pdf renders every PDF on each rebuild)")
        return data

    def plan_file_on_demand(self, relative: str) -> bytes | None:
        """A file of a plan's folder that the preview links without writing it (its JSON, feeds,
        watch files, embed view, preview image): a plan's are rendered when a browser first asks
        for one (until the next rebuild)."""
        match = _PLAN_FILE.fullmatch(relative)
        if match is None:
            return None
        slug, name = match[1], match[2]
        with self.changed:  # the build shown now's: a rebuild meanwhile gives the next request a table of its own
            rendered, built_at = self._plan_files, self._built_at
        cached = rendered.get(slug)
        if cached is None:
            settings = self.current_settings()
            path = self._plan_file(settings, slug)
            if path is None:
                return None
            cached = rendered[slug] = plan_files(settings, path, built_at or build_time())
        return cached.get(name)

    def site_page_on_demand(self, relative: str, render: bool = True) -> bytes | None:
        """One of the site's own pages (index, list pages, sitemap, Atom, 404) as the last good
        build would have written it; None if the path names none (``render=False``: b"" if it does)."""
        with self.changed:
            pages, rendered = self._site_pages, self._rendered
        if relative not in pages():
            return None
        if not render:
            return b""
        data = rendered.get(relative)
        if data is None:
            data = rendered[relative] = pages()[relative]()  # a race renders it twice, the same bytes
        return data

    def _failed(self, diagnostics: tuple[Diagnostic, ...] | list[Diagnostic]) -> bool:
        if not self._shown:  # the server's first build: the last good one is the preview's folder as it was
            try:
                pages = last_site_pages(self.settings, self.output, build_time())
            except DeloadError:  # its templates are broken too: the error is shown
                pages = None
            with self.changed:
                if pages is not None and not self._shown:
                    self._site_pages = pages
                    self.last_good = True
        self.report(diagnostics)
        self.echo("✗ build failed; " + ("still serving the last good build" if self.last_good else
                                        "nothing to show until a build succeeds"))
        return False

    def report(self, diagnostics: tuple[Diagnostic, ...] | list[Diagnostic]) -> str:
        """Say what went wrong, in the terminal and over the pages; returns the text."""
        text = "\n".join(d.format() for d in in_order(diagnostics))
        for line in text.splitlines():
            self.echo(line)
        with self.changed:
            self.error = text
            self.changed.notify_all()
        return text

    def watch(self, stop: threading.Event, before: dict[str, tuple[int, int]]) -> None:
        """Rebuild on every change to the plans, templates or deload.toml: file-system events
        (watchfiles), a save's burst of events gathered for :data:`DEBOUNCE_MS`."""
        try:
            while not stop.is_set():
                before = self._watch(stop, before)
        except Exception as exc:  # no file events here (a full inotify table): look every half second instead
            self.echo(f"deload serve: watching by polling ({exc.__class__.__name__}: {exc})")
            self.watching.set()
            self.poll(stop, before)

    def _watch(self, stop: threading.Event, before: dict[str, tuple[int, int]]) -> dict[str, tuple[int, int]]:
        """Watch until stopped, or until ``deload.toml`` changed: an editor that saves by writing a
        new file and renaming it over the old one (``sed -i``, vim) leaves the watch on the old
        file, so it is watched again. Returns what the files were before that change's rebuild,
        to catch an edit made before the new watches are in place."""
        from watchfiles import watch as file_events

        root = self.settings.root
        config = os.path.abspath(root / CONFIG_NAME)
        paths = [p for p in (root / "plans", root / "templates", root / CONFIG_NAME) if p.exists()] or [root]
        ready = False
        # yield_on_timeout: an empty batch once the watches are in place (and every
        # WAKE_MS after), the moment to catch an edit made before they were.
        for changes in file_events(*paths, watch_filter=_source_change, debounce=DEBOUNCE_MS, step=STEP_MS,
                                   stop_event=stop, raise_interrupt=False, rust_timeout=WAKE_MS, yield_on_timeout=True):
            if not changes:
                if not ready:
                    ready = True
                    if self.snapshot() != before:  # changed while the first build ran, or before the watches were in place
                        self._guarded(self.rebuild)
                    self.watching.set()
                elif self._retry_at is not None and time.monotonic() >= self._retry_at:
                    self._guarded(self.rebuild)
                continue
            if any(os.path.abspath(path) == config for _, path in changes):
                before = self.snapshot()
                self._guarded(self.rebuild)
                return before
            self._guarded(self.rebuild)
        return before

    def _guarded(self, work: Callable[..., object], *args: object) -> None:
        try:
            work(*args)
        except Exception as exc:  # the watcher must outlive any one failure
            self.echo(f"deload serve: {exc.__class__.__name__}: {exc}")

    def poll(self, stop: threading.Event, before: dict[str, tuple[int, int]], interval: float = 0.5) -> None:
        while not stop.wait(interval):
            now = self.snapshot()
            if now != before or self._retry_at is not None:
                before = now
                self.rebuild()

    def events(self, stop: threading.Event) -> Iterator[bytes]:
        """Server-sent events for one browser: ok/error now, then reload or error on each build."""
        with self.changed:
            seen, error, lines = self.generation, self.error, self.said_lines
        yield _event("error-report", {"text": error, "shown": self.last_good}) if error else _event("ok", {})
        yield _warnings_event(lines)
        while not stop.is_set():
            with self.changed:
                if stop.is_set():  # set before this thread took the lock: the notify that follows it came already
                    break
                self.changed.wait(timeout=15)
                generation, error, now = self.generation, self.error, self.said_lines
            if generation != seen:
                seen = generation
                yield _event("reload", {})
            elif error is not None:
                yield _event("error-report", {"text": error, "shown": self.last_good})
            elif now is not lines:
                lines = now
                yield _warnings_event(lines)
            else:
                yield b": keep-alive\n\n"


DEBOUNCE_MS, STEP_MS = 30, 5  # an editor's save is a burst of events within a few ms: a batch ends 5 ms after it stops
WAKE_MS = 200  # how often the watcher wakes without events (to see that the watches are in place)
MAX_SHOWN = 20  # warnings shown over a page (the terminal has them all)
LOCKED_RETRY_S = 0.5  # how often the preview tries again while another build holds the project


def _warnings_event(lines: list[str]) -> bytes:
    return _event("warnings", {"lines": lines[:MAX_SHOWN], "more": max(0, len(lines) - MAX_SHOWN)})


def _source_change(_change: object, path: str) -> bool:
    """Changes a build reads: not the state file a build writes, nor editors' temporary files
    (``#plan.md#``, ``plan.md~``, ``.plan.md.swp``)."""
    name = os.path.basename(path)
    return not (name == STATE_NAME or name.startswith(".") or name.endswith((".tmp", "~", ".swp", "#")))


def _event(name: str, data: dict[str, object]) -> bytes:
    return f"event: {name}\ndata: {json.dumps(data)}\n\n".encode()
