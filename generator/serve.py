"""``deload serve``: preview the site on localhost, rebuild on every change, reload the browser.

The HTTP side of the preview (:mod:`generator.preview`): its files as built, what it renders
when asked, and a script in every page that reloads it when a rebuild is in place or shows a
build's error over it.
"""

from __future__ import annotations

import contextlib
import functools
import html
import os
import sys
import threading
from collections.abc import Callable
from dataclasses import replace
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from .config import Settings, load_settings
from .errors import DeloadError
from .fsutil import serve_lock, serving
from .preview import Preview

LIVE_SCRIPT = b"""(function () {
  "use strict";
  var overlay = null;
  function show(text, shown) {
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
    overlay.textContent = "deload build failed (" + (shown ? "the last good build is shown underneath" :
      "no build has succeeded yet: this page appears when one does") + "):\\n\\n" + text;
  }
  var notes = null;
  function warn(data) {
    if (notes) { notes.remove(); notes = null; }
    var text = "deload build said:\\n" + data.lines.join("\\n") + (data.more ? "\\n(" + data.more + " more in the terminal)" : "");
    var closed = null;
    try { closed = sessionStorage.getItem("deload-warnings-closed"); } catch (e) { /* storage off */ }
    if (!data.lines.length || closed === text) { return; }  // closed once: not again on every reload, until it changes
    notes = document.createElement("div");
    notes.setAttribute("role", "status");
    notes.id = "deload-build-warnings";
    var s = notes.style;
    s.position = "fixed"; s.left = "0"; s.right = "0"; s.bottom = "0"; s.zIndex = "2147483646"; s.maxHeight = "40vh";
    s.overflow = "auto"; s.background = "#fff8db"; s.color = "#3d2f00"; s.borderTop = "2px solid #c9a400";
    s.padding = "0.75rem 2.5rem 0.75rem 1rem"; s.font = "13px/1.45 ui-monospace, monospace"; s.whiteSpace = "pre-wrap";
    var close = document.createElement("button");
    close.type = "button"; close.textContent = "\\u00d7"; close.setAttribute("aria-label", "Close");
    close.style.cssText = "position:absolute;top:0.25rem;right:0.5rem;font:20px/1 sans-serif;background:none;border:0;cursor:pointer";
    close.addEventListener("click", function () {
      try { sessionStorage.setItem("deload-warnings-closed", text); } catch (e) { /* storage off */ }
      notes.remove(); notes = null;
    });
    notes.textContent = text;
    notes.appendChild(close);
    document.body.appendChild(notes);
  }
  var source = new EventSource("/__deload/events");
  source.addEventListener("warnings", function (event) { warn(JSON.parse(event.data)); });
  source.addEventListener("reload", function () { location.reload(); });
  source.addEventListener("error-report", function (event) { var data = JSON.parse(event.data); show(data.text, data.shown); });
  source.addEventListener("ok", function () { if (overlay) { overlay.remove(); overlay = null; } });
})();
"""


def _error_page(text: str) -> bytes:
    return f"<!doctype html><title>Deload preview</title><body><pre>{html.escape(text)}</pre></body>".encode()


def _with_live_script(page: bytes) -> bytes:
    return page.replace(b"</body>", b'<script src="/__deload/live.js"></script>\n</body>', 1)


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
    running = serving(settings.work_dir)
    if running is not None:
        raise running
    server = Server((host, port), Handler)
    url = f"http://{host if host not in ('0.0.0.0', '') else 'localhost'}:{server.server_address[1]}/"
    try:
        with serve_lock(settings.work_dir, url):
            _serve(server, settings, url, echo, pdf, ready, stop or threading.Event())
    finally:
        server.server_close()


def _serve(server: Server, settings: Settings, url: str, echo: Callable[[str], None], pdf: bool,
           ready: Callable[[str], None] | None, stop: threading.Event) -> None:
    project = settings.root
    preview = Preview(replace(settings, base_url=url), echo, pdf=pdf)
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
        with preview.changed:  # each tab's live-reload stream ends now, not at its next keep-alive
            preview.changed.notify_all()
        server.shutdown()
