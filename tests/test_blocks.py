"""The block scanner that outlines plan bodies (CommonMark rules for the parts plans use)."""

from __future__ import annotations

from generator.source.blocks import scan


def outline(text: str) -> list[tuple[str, int, int]]:
    return [(b.kind, b.start, b.end) for b in scan(text.split("\n"))]


def test_headings_lists_and_paragraphs() -> None:
    text = "Intro line\nmore intro\n\n## Week 1\n- Tue: Easy\n- Thu: Tempo\n\nA note.\n### Sub\n"
    assert outline(text) == [("other", 0, 2), ("heading", 3, 4), ("list", 4, 6), ("other", 7, 8), ("heading", 8, 9)]
    assert scan(text.split("\n"))[1].text == "Week 1" and scan(text.split("\n"))[1].level == 2


def test_a_heading_inside_a_fence_is_not_a_heading() -> None:
    text = "```\n## Week 9\n- Mon: x\n```\n## Week 1\n"
    assert outline(text) == [("other", 0, 4), ("heading", 4, 5)]


def test_nested_items_loose_lists_and_lazy_lines() -> None:
    text = ("- Wed: Strength\n  - Back squat 3x8 @ 100 lb\n  - Rest 90 s\n    between sets\n\n"
            "- Thu: Easy 5 mi\nlazy continuation\n  indented continuation\n\n  second paragraph\n"
            "1. Fri: Rest\n")
    [block] = [b for b in scan(text.split("\n")) if b.kind == "list"][:1]
    first, second = block.items[0], block.items[1]
    assert first.lines == ["Wed: Strength"] and first.content_col == 2
    [sub] = first.children
    assert [item.lines for item in sub.items] == [["Back squat 3x8 @ 100 lb"], ["Rest 90 s", "between sets"]]
    assert second.lines == ["Thu: Easy 5 mi", "lazy continuation", "indented continuation"]
    assert [c.kind for c in second.children] == ["other"]
    assert [b.kind for b in scan(text.split("\n"))] == ["list", "list"]  # a numbered list starts a new list


def test_thematic_break_and_tabs() -> None:
    assert outline("- - -\n") == [("other", 0, 1)]
    blocks = scan(["-\tTue: Easy 5 km", "\t- note", ""])
    assert blocks[0].items[0].lines == ["Tue: Easy 5 km"] and blocks[0].items[0].children[0].kind == "list"
