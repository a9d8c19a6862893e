"""Readers: plan files (Markdown + YAML frontmatter) into the typed model."""

from .reader import ReadResult, find_plan_files, read_plan, read_plans

__all__ = ["ReadResult", "find_plan_files", "read_plan", "read_plans"]
