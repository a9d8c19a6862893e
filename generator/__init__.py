"""Deload: a static-site generator for training plans with deload weeks built in."""

__version__ = "0.1.0"
