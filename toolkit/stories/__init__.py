"""stories: which articles tell the same event, found by content and date."""

from .grouping import group

__all__ = ["group"]
