"""newsie's spaCy components, one module each; importing this package registers their factories."""

from . import segmentation, entities, dates, money, quotes, documents  # noqa: F401

__all__ = ["segmentation", "entities", "dates", "money", "quotes", "documents"]
