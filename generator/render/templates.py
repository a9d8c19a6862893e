"""The Jinja2 environment every page, feed text and print document is rendered with.

Templates come from the project's ``templates/`` first and Deload's defaults second
(:func:`generator.render.paths.template_files`); a failure inside one, possibly the coach's
own, becomes an error at its file and line.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from urllib.parse import quote

import jinja2

from .. import i18n
from ..errors import DeloadError, Diagnostic
from ..i18n import day_text
from ..settings import Settings
from .paths import template_files

STATIC_DIR = "static"


def format_date(value: date | None, style: str = "long") -> str:
    """``Tue 9 Mar 2027`` (or ``Tue 9 Mar``) in the plan's language, whatever the machine's locale."""
    return "" if value is None else day_text(value, style)


class TemplateLoader(jinja2.BaseLoader):
    """Loads the templates :func:`template_files` found, and nothing else. ``frozen``: as they
    are now, whenever they are rendered (the preview renders list pages when asked, as the
    build that made them saw the templates)."""

    def __init__(self, files: dict[str, Path], frozen: bool = False):
        self.files = files
        self.frozen = {name: path.read_text(encoding="utf-8") for name, path in files.items()
                       if not name.startswith(f"{STATIC_DIR}/")} if frozen else None

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str, Callable[[], bool]]:
        path = self.files.get(template)
        if path is None:
            raise jinja2.TemplateNotFound(template)
        if self.frozen is not None and template in self.frozen:
            return self.frozen[template], str(path), lambda: True
        source = path.read_text(encoding="utf-8")
        mtime = path.stat().st_mtime_ns

        def uptodate() -> bool:
            try:
                return path.stat().st_mtime_ns == mtime
            except OSError:
                return False

        return source, str(path), uptodate

    def list_templates(self) -> list[str]:
        return sorted(self.files)


def make_environment(settings: Settings, frozen: bool = False) -> jinja2.Environment:
    cache = settings.work_dir / "cache" / "templates"
    bytecode: jinja2.BytecodeCache | None = None  # a standalone plan, or a read-only project: compiled every time
    if not settings.standalone:
        try:
            cache.mkdir(parents=True, exist_ok=True)
            bytecode = jinja2.FileSystemBytecodeCache(str(cache))
        except OSError:
            pass
    env = jinja2.Environment(
        loader=TemplateLoader(template_files(settings), frozen), bytecode_cache=bytecode,
        autoescape=jinja2.select_autoescape(["html", "xml", "svg"]),
        undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
        extensions=["jinja2.ext.i18n"],
    )
    # {% trans %} and _() read the language each plan is rendered in (see generator.i18n).
    env.install_gettext_callables(i18n.gettext, i18n.ngettext, newstyle=True, pgettext=i18n.pgettext)  # type: ignore[attr-defined]
    env.filters["day"] = format_date
    env.filters["lower_first"] = i18n.lower_first
    env.filters["decimal"] = lambda value, places=1: i18n.number(str(round(value, places)))  # 0.9, as round() wrote it
    env.filters["iso"] = lambda value: value.isoformat() if value else ""
    env.filters["urlquote"] = lambda value: quote(str(value), safe="")
    return env


@contextmanager
def template_errors(name: str) -> Iterator[None]:
    """Turn any failure inside a (possibly the coach's own) template into ``file:line`` errors."""
    try:
        yield
    except jinja2.TemplateSyntaxError as exc:
        raise DeloadError([Diagnostic(exc.filename or name, exc.lineno or 1, 1, f"template error: {exc.message}")]) from None
    except DeloadError:
        raise
    except Exception as exc:  # a template can raise anything: report it, never a traceback
        file, line = name, 1
        trace = exc.__traceback__
        while trace is not None:  # Jinja maps template frames back to the template's file and line
            if trace.tb_frame.f_code.co_filename.endswith((".html", ".xml", ".txt")):
                file, line = trace.tb_frame.f_code.co_filename, trace.tb_lineno
            trace = trace.tb_next
        raise DeloadError([Diagnostic(file, line, 1, f"template error: {exc.__class__.__name__}: {exc}")]) from None
