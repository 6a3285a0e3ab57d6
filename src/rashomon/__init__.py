"""Rashomon: read one news story through every outlet that told it."""

__version__ = "0.1.0"
