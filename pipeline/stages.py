"""Importing this module registers every newsie factory with spaCy."""

from . import segmentation, entities, dates, money, quotes, documents  # noqa: F401

__all__ = ["segmentation", "entities", "dates", "money", "quotes", "documents"]
