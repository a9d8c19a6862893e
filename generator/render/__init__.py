"""Renderers: the expanded plan as JSON, text, HTML, iCalendar and PDF."""
