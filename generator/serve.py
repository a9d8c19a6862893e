"""``deload serve``: preview the site on localhost, rebuild on every change, reload the browser.

The preview is built into ``.deload/preview/`` with ``base_url`` pointing at the
local server, so ``site/`` (what gets published) is never touched. A build error
is printed in the terminal and shown over the page, while the last good build
keeps being served.
"""

from __future__ import annotations

import contextlib
import functools
import html
import json
import os
import re
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import datetime
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from .build import SitePages, build_site, last_site_pages
from .config import CONFIG_NAME, Settings, load_settings
from .errors import DeloadError, Diagnostic
from .feeds import build_time
from .i18n import plan_language, use
from .state import STATE_NAME

LIVE_SCRIPT = b"""(function () {
  "use strict";
  var overlay = null;
  function show(text) {
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.setAttribute("role", "alert");
      overlay.id = "deload-build-error";
      var s = overlay.style;
      s.position = "fixed"; s.inset = "0"; s.zIndex = "2147483647"; s.overflow = "auto";
      s.background = "rgba(20,0,0,0.92)"; s.color = "#fff"; s.padding = "2rem";
      s.font = "14px/1.5 ui-monospace, monospace"; s.whiteSpace = "pre-wrap";
      document.body.appendChild(overlay);
    }
    overlay.textContent = "deload build failed (the last good build is shown underneath):\\n\\n" + text;
  }
  var source = new EventSource("/__deload/events");
  source.addEventListener("reload", function () { location.reload(); });
  source.addEventListener("error-report", function (event) { show(JSON.parse(event.data).text); });
  source.addEventListener("ok", function () { if (overlay) { overlay.remove(); overlay = null; } });
})();
"""


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
        self._plan_files: dict[str, dict[str, bytes]] = {}  # slug -> the files of its folder the preview renders when asked
        self._files_generation = -1
        self._built_at: datetime | None = None
        self._site_pages: SitePages = dict  # the list pages of the build shown, rendered when asked
        self._rendered: dict[str, bytes] = {}  # … and those rendered since that build
        self._shown = False  # whether a build of this server is shown (else the preview's folder as it was)

    def snapshot(self) -> dict[str, tuple[int, int]]:
        """Modification times of everything a build reads."""
        root = self.settings.root
        files: dict[str, tuple[int, int]] = {}
        for folder in (root / "plans", root / "templates"):
            if folder.is_dir():
                for path in folder.rglob("*"):
                    name = path.name
                    if name == STATE_NAME or name.startswith((".", "#")) or name.endswith((".tmp", "~", ".swp")):
                        continue  # editors' temporary files come and go
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
        started = time.perf_counter()
        try:
            settings = self.current_settings()
            result = build_site(settings, pdf=self.pdf, output=self.output, save_state=False, preview=True,
                                on_live=self._published)
        except DeloadError as exc:
            return self._failed(exc.diagnostics)
        except OSError as exc:
            return self._failed([Diagnostic(str(self.settings.root), 1, 1, f"cannot write the preview: {exc}")])
        except Exception as exc:  # keep serving whatever goes wrong; show it instead of dying silently
            return self._failed([Diagnostic(str(self.settings.root), 1, 1, f"internal error: {exc.__class__.__name__}: {exc}")])
        if result.noop:  # nothing new to show: still, the browsers clear a failed build's report
            self._published(None, result.on_request)
        for warning in result.warnings:
            self.echo(warning.format())
        self.echo(f"✓ rebuilt in {time.perf_counter() - started:.2f} s: {result.summary()}")
        return True

    def _published(self, now: datetime | None, site_pages: SitePages) -> None:
        """The new preview is in place: browsers reload now, while the build records what it made.
        ``now``: the build's clock, which the files rendered on demand are dated by (an undated
        plan's feeds are those of the build's day, as its page links them); ``site_pages``: its
        list pages, which it did not write (each is rendered when first asked for)."""
        with self.changed:
            if now is not None:
                self._built_at = now
            self._site_pages, self._rendered, self._shown = site_pages, {}, True
            self.error = None
            self.generation += 1
            self.changed.notify_all()

    def _plan_file(self, settings: Settings, slug: str) -> Path | None:
        """The file of the plan the preview shows as ``slug``, by the preview's build record: a
        plan that is not in the last good build has no files to give."""
        from .build.manifest import Manifest

        if not (self.output / "plans" / slug).is_dir():
            return None
        for display, record in Manifest(settings.work_dir, self.output).records().items():
            if record.slug == slug and (settings.root / display).is_file():
                return settings.root / display
        return None

    def pdf_on_demand(self, relative: str) -> bytes | None:
        """A plan's PDF, rendered when a browser asks for it: the preview links PDFs without
        rendering them (unless ``--pdf``). None if the path names no plan's PDF."""
        match = _PDF_PATH.fullmatch(relative)
        if match is None:
            return None
        from .periodize import expand
        from .render.pdf import FRIDGE, fridge_html, init_worker, print_html, render_pdf, stylesheet_text
        from .source import read_plan

        settings = self.current_settings()
        slug, fridge, paper = match[1], bool(match[2]), match[3]
        path = self._plan_file(settings, slug)
        if path is None:
            return None
        key = FRIDGE + paper if fridge else paper
        make = fridge_html if fridge else print_html
        plan = read_plan(path, settings)[0]
        with use(plan_language(plan, settings)):
            html = make(expand(plan), settings, key, f"{settings.base_url}plans/{slug}/")
        init_worker({key: stylesheet_text(settings, key)})  # the print stylesheet as it is now
        self.echo(f"rendered {relative} on demand (deload serve --pdf renders every PDF on each rebuild)")
        return render_pdf(html, key).data

    def plan_file_on_demand(self, relative: str) -> bytes | None:
        """A file of a plan's folder that the preview links without writing it (its JSON, feeds,
        watch files, embed view, preview image): a plan's are rendered when a browser first asks
        for one (until the next rebuild)."""
        from .build.plans import files_on_demand

        match = _PLAN_FILE.fullmatch(relative)
        if match is None:
            return None
        slug, name = match[1], match[2]
        with self.changed:
            generation = self.generation
            cached = self._plan_files.get(slug) if self._files_generation == generation else None
        if cached is None:
            settings = self.current_settings()
            path = self._plan_file(settings, slug)
            if path is None:
                return None
            cached = files_on_demand(settings, path, self._built_at or build_time())
            with self.changed:
                if self._files_generation != generation:
                    self._plan_files, self._files_generation = {}, generation
                self._plan_files[slug] = cached
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
        self.report(diagnostics)
        self.echo("✗ build failed; still serving the last good build")
        if not self._shown:  # the server's first build: the last good one is the preview's folder as it was
            try:
                pages = last_site_pages(self.settings, self.output, build_time())
            except DeloadError:  # its templates are broken too: the error is shown
                pages = None
            with self.changed:
                if pages is not None and not self._shown:
                    self._site_pages = pages
        return False

    def report(self, diagnostics: tuple[Diagnostic, ...] | list[Diagnostic]) -> str:
        """Say what went wrong, in the terminal and over the pages; returns the text."""
        text = "\n".join(d.format() for d in diagnostics)
        for line in text.splitlines():
            self.echo(line)
        with self.changed:
            self.error = text
            self.changed.notify_all()
        return text

    def watch(self, stop: threading.Event, before: dict[str, tuple[int, int]]) -> None:
        """Rebuild on every change to the plans, templates or deload.toml: file-system events
        (watchfiles), a save's burst of events gathered for :data:`DEBOUNCE_MS`."""
        from watchfiles import watch as file_events

        root = self.settings.root
        paths = [p for p in (root / "plans", root / "templates", root / CONFIG_NAME) if p.exists()] or [root]
        try:
            # yield_on_timeout: an empty batch once the watches are in place (and every
            # WAKE_MS after), the moment to catch an edit made before they were.
            for changes in file_events(*paths, watch_filter=_source_change, debounce=DEBOUNCE_MS, step=STEP_MS,
                                       stop_event=stop, raise_interrupt=False, rust_timeout=WAKE_MS,
                                       yield_on_timeout=True):
                if not changes:
                    if not self.watching.is_set():
                        if self.snapshot() != before:  # changed while the first build ran
                            self.rebuild()
                        self.watching.set()
                    continue
                try:
                    self.rebuild()
                except Exception as exc:  # the watcher must outlive any one failure
                    self.echo(f"deload serve: {exc.__class__.__name__}: {exc}")
        except Exception as exc:  # no file events here (a full inotify table): look every half second instead
            self.echo(f"deload serve: watching by polling ({exc.__class__.__name__}: {exc})")
            self.watching.set()
            self.poll(stop, before)

    def poll(self, stop: threading.Event, before: dict[str, tuple[int, int]], interval: float = 0.5) -> None:
        while not stop.wait(interval):
            now = self.snapshot()
            if now != before:
                before = now
                self.rebuild()

    def events(self, stop: threading.Event) -> Iterator[bytes]:
        """Server-sent events for one browser: ok/error now, then reload or error on each build."""
        with self.changed:
            seen, error = self.generation, self.error
        yield _event("error-report", {"text": error}) if error else _event("ok", {})
        while not stop.is_set():
            with self.changed:
                self.changed.wait(timeout=15)
                generation, error = self.generation, self.error
            if generation != seen:
                seen = generation
                yield _event("reload", {})
            elif error is not None:
                yield _event("error-report", {"text": error})
            else:
                yield b": keep-alive\n\n"


DEBOUNCE_MS, STEP_MS = 30, 10  # an editor's save is a burst of events within a few ms
WAKE_MS = 200  # how often the watcher wakes without events (to see that the watches are in place)


def _error_page(text: str) -> bytes:
    return f"<!doctype html><title>Deload preview</title><body><pre>{html.escape(text)}</pre></body>".encode()


def _with_live_script(page: bytes) -> bytes:
    return page.replace(b"</body>", b'<script src="/__deload/live.js"></script>\n</body>', 1)


def _source_change(_change: object, path: str) -> bool:
    """Changes a build reads: not the state file a build writes, nor editors' temporary files."""
    name = os.path.basename(path)
    return not (name == STATE_NAME or name.startswith((".", "#")) or name.endswith((".tmp", "~", ".swp")))


def _event(name: str, data: dict[str, object]) -> bytes:
    return f"event: {name}\ndata: {json.dumps(data)}\n\n".encode()


_PDF_PATH = re.compile(r"plans/([a-z0-9][a-z0-9-]*)/\1(-fridge)?-(a4|letter)\.pdf")
_PLAN_FILE = re.compile(r"plans/([a-z0-9][a-z0-9-]*)/((?:fit/)?[A-Za-z0-9._-]+)")
IDLE_SECONDS = 10.0  # a connection that sends no request for this long is closed
MAX_CONNECTIONS = 64  # at once: each holds a thread (a browser tab holds one for live reload)


class Server(ThreadingHTTPServer):
    """One thread a connection, at most :data:`MAX_CONNECTIONS` of them; a client that goes
    away (a closed tab, a reload) is no error worth a traceback."""

    daemon_threads = True
    request_queue_size = 128  # a page and its assets connect at once; a short queue makes browsers retry after 1 s

    def __init__(self, address: tuple[str, int], handler: type[SimpleHTTPRequestHandler]):
        super().__init__(address, handler)
        self.slots = threading.BoundedSemaphore(MAX_CONNECTIONS)

    def process_request(self, request: Any, client_address: Any) -> None:
        if not self.slots.acquire(blocking=False):
            with contextlib.suppress(OSError):
                request.sendall(b"HTTP/1.0 503 Service Unavailable\r\nContent-Length: 0\r\nRetry-After: 1\r\n\r\n")
            self.shutdown_request(request)
            return
        try:
            super().process_request(request, client_address)
        except BaseException:
            self.slots.release()
            raise

    def process_request_thread(self, request: Any, client_address: Any) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self.slots.release()

    def handle_error(self, request: Any, client_address: Any) -> None:
        error = sys.exc_info()[1]
        if isinstance(error, ConnectionError | TimeoutError):
            return  # the client left or stalled
        super().handle_error(request, client_address)


class Handler(SimpleHTTPRequestHandler):
    preview: Preview
    stop: threading.Event
    head = False  # answering a HEAD request: headers only
    timeout = IDLE_SECONDS  # on the socket: a stalled client frees its thread

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        self._respond()

    def do_HEAD(self) -> None:
        self._respond(head=True)

    def _respond(self, head: bool = False) -> None:
        self.head = head
        if self.path == "/__deload/live.js":
            self._send(200, "text/javascript; charset=utf-8", LIVE_SCRIPT)
            return
        if self.path == "/__deload/events":
            self._events()
            return
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix == ".html" and path.is_file():
            self._send(200, "text/html; charset=utf-8", _with_live_script(path.read_bytes()))
        elif path.exists():
            super().do_HEAD() if head else super().do_GET()
        else:
            self._on_demand(path)

    def _events(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if self.head:
            return
        try:
            for chunk in self.preview.events(self.stop):
                self.wfile.write(chunk)
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            pass

    def _on_demand(self, path: Path) -> None:
        """What the preview renders when asked: the list pages, and all of a plan's files but its page."""
        url = urlsplit(self.path)
        relative = unquote(url.path).lstrip("/")
        relative += "index.html" if relative.endswith("/") or not relative else ""
        preview = self.preview
        if preview.site_page_on_demand(relative + "/index.html", render=False) is not None:
            self.send_response(301)  # a list page's folder, asked for without its slash (as a folder on disk)
            self.send_header("Location", url.path + "/" + (f"?{url.query}" if url.query else ""))
            self.end_headers()
            return
        try:
            if not relative.startswith("plans/"):
                data = preview.site_page_on_demand(relative)
            else:
                data = (preview.pdf_on_demand(relative) if path.suffix == ".pdf" else preview.plan_file_on_demand(relative))
        except DeloadError as exc:  # a template error in a page the build did not render
            text = preview.report(exc.diagnostics)
            self._send(500, "text/html; charset=utf-8", _with_live_script(_error_page(text)))
            return
        if data is not None:
            html = relative.endswith(".html")
            self._send(200, "text/html; charset=utf-8" if html else self.guess_type(relative),
                       _with_live_script(data) if html else data)
            return
        missing = preview.site_page_on_demand("404.html") or _error_page("Not found")
        self._send(404, "text/html; charset=utf-8", _with_live_script(missing))

    def _send(self, code: int, kind: str, body: bytes) -> None:
        self.send_response(code)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if not self.head:
            self.wfile.write(body)

    def guess_type(self, path: str | os.PathLike[str]) -> str:
        if str(path).endswith(".ics"):
            return "text/calendar; charset=utf-8"
        return super().guess_type(path)


def serve(project: Path, host: str, port: int, echo: Callable[[str], None], pdf: bool = False,
          ready: Callable[[str], None] | None = None, stop: threading.Event | None = None) -> None:
    settings = load_settings(project)
    server = Server((host, port), Handler)
    url = f"http://{host if host not in ('0.0.0.0', '') else 'localhost'}:{server.server_address[1]}/"
    preview = Preview(replace(settings, base_url=url), echo, pdf=pdf)
    stop = stop or threading.Event()
    # The baseline is taken before the first build, so an edit made while it runs is not missed.
    baseline = preview.snapshot()
    preview.rebuild()
    preview.output.mkdir(parents=True, exist_ok=True)
    handler = type("BoundHandler", (Handler,), {"preview": preview, "stop": stop})
    server.RequestHandlerClass = functools.partial(handler, directory=str(preview.output))
    watcher = threading.Thread(target=preview.watch, args=(stop, baseline), daemon=True)
    watcher.start()
    preview.watching.wait(timeout=10)  # "ready" means an edit from now on is seen
    echo(f"Serving {project.resolve()} at {url} (Ctrl+C to stop); rebuilding on every change.")
    if ready:
        ready(url)
    server_thread = threading.Thread(target=server.serve_forever, daemon=True)
    server_thread.start()
    try:
        while not stop.wait(0.5):
            pass
    except KeyboardInterrupt:
        echo("Stopped.")
    finally:
        stop.set()
        server.shutdown()
        server.server_close()
