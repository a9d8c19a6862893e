"""Markdown from plans: safe HTML for pages, plain text for calendars and meta tags."""

from __future__ import annotations

from generator.render.markdown import plain_text, render_markdown


def test_plain_text_keeps_words_apart_across_line_breaks() -> None:
    note = "Run the first mile easy,\nthen settle into *goal pace*  \nand finish with `4 x 20 s` strides."
    assert plain_text(note) == "Run the first mile easy, then settle into goal pace\nand finish with 4 x 20 s strides."


def test_plain_text_keeps_an_images_description_and_code_blocks() -> None:
    assert plain_text("See ![the hill profile](hill.png) first.") == "See the hill profile first."
    assert plain_text("Warm-up:\n\n    10 min jog\n    drills") == "Warm-up:\n10 min jog\ndrills"


def test_rendered_notes_never_carry_script() -> None:
    html = render_markdown("<script>alert(1)</script>\n\n[x](javascript:alert(1)) *ok*")
    assert "<script" not in html and "href=\"javascript" not in html and "<em>ok</em>" in html
