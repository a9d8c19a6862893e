"""Markdown from plans, rendered safely: no raw HTML, only safe link schemes, no remote images.

Plan text is untrusted (a platform may host many coaches' plans). markdown-it-py's
``js-default`` preset escapes raw HTML, and its link validation drops
``javascript:``, ``vbscript:`` and ``file:`` URLs. On top of that, images are
shown as links (an ``<img>`` would make the page — or WeasyPrint — fetch from
another host), headings are demoted below the page's own, and links to other
sites are marked ``nofollow``.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from markupsafe import Markup, escape

SAFE_SCHEMES = ("http", "https", "mailto")


def _safe_url(url: str) -> bool:
    scheme = urlsplit(url.strip()).scheme.lower()
    return scheme in SAFE_SCHEMES or (not scheme and not url.strip().startswith("//"))


def _html_renderer(md: MarkdownIt) -> RendererHTML:
    """The HTML renderer (the ``renderer`` attribute is typed as a protocol)."""
    assert isinstance(md.renderer, RendererHTML)
    return md.renderer


def _make(heading_shift: int) -> MarkdownIt:
    # maxNesting 20 (as CommonMark's preset), not js-default's 100: each level of nesting that
    # markdown-it tries costs it time on every '[' of a hostile note (21 µs, not 88 µs, a bracket).
    md = MarkdownIt("js-default", {"html": False, "linkify": False, "typographer": False, "maxNesting": 20})
    md.validateLink = _safe_url  # type: ignore[method-assign]
    renderer = _html_renderer(md)
    rules: dict[str, Any] = renderer.rules  # typed as bound methods; plain functions work too
    default_link_open = rules.get("link_open")

    def heading_open(tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        level = min(int(tokens[idx].tag[1]) + heading_shift, 6)
        return f"<h{level}>"

    def heading_close(tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        level = min(int(tokens[idx].tag[1]) + heading_shift, 6)
        return f"</h{level}>\n"

    def link_open(tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        href = str(tokens[idx].attrGet("href") or "")
        if urlsplit(href).scheme in ("http", "https"):
            tokens[idx].attrSet("rel", "nofollow noopener")
        if default_link_open is not None:
            return default_link_open(tokens, idx, options, env)
        return renderer.renderToken(tokens, idx, options, env)

    def image(tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        token = tokens[idx]
        src = str(token.attrGet("src") or "")
        alt = escape(token.content or "image")
        if urlsplit(src).scheme in ("http", "https"):
            return f'<a href="{escape(src)}" rel="nofollow noopener">{alt} (image)</a>'
        return f"{alt} (image)"

    rules["heading_open"] = heading_open
    rules["heading_close"] = heading_close
    rules["link_open"] = link_open
    rules["image"] = image
    return md


@lru_cache(maxsize=4)
def _parser(heading_shift: int) -> MarkdownIt:
    return _make(heading_shift)


@lru_cache(maxsize=4096)  # notes repeat from week to week and plan to plan
def _tokens(text: str) -> list[Token]:
    """The parse of a block of Markdown, shared by its HTML and its plain text (a plan's notes
    are rendered for its pages and again for its calendar). Parsing does not depend on the
    heading shift, only rendering does. Rendering only ever sets a link's ``rel`` to the same
    value, so a second render of the same tokens gives the same HTML."""
    return _parser(0).parse(text)


@lru_cache(maxsize=4096)
def render_markdown(text: str, top: int = 2) -> Markup:
    """Block Markdown to safe HTML; the text's biggest heading becomes ``h{top}`` and the
    others follow it, so headings never skip a level below the page's own."""
    if not text.strip():
        return Markup("")
    tokens = _tokens(text)
    levels = [int(t.tag[1]) for t in tokens if t.type == "heading_open"]
    shift = max(top - min(levels), 0) if levels else 0
    md = _parser(shift)
    return Markup(md.renderer.render(tokens, md.options, {}))


@lru_cache(maxsize=4096)
def render_inline(text: str) -> Markup:
    """One line of Markdown (a comment, a title) without the surrounding paragraph."""
    if not text.strip():
        return Markup("")
    return Markup(_parser(1).renderInline(text))


_TEXT_TOKENS = frozenset({"text", "code_inline", "image"})  # an image keeps its alt text
_BREAKS = {"softbreak": " ", "hardbreak": "\n"}


@lru_cache(maxsize=4096)
def plain_text(text: str) -> str:
    """Markdown reduced to plain text, for calendar descriptions and meta tags."""
    parts: list[str] = []
    for token in _tokens(text):
        if token.type == "inline" and token.children:
            parts.append("".join(child.content if child.type in _TEXT_TOKENS else _BREAKS.get(child.type, "")
                                 for child in token.children))
        elif token.type in ("fence", "code_block"):
            parts.append(token.content.rstrip("\n"))
    return "\n".join(p for p in parts if p)
