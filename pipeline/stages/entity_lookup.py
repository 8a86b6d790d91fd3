"""Read-only access to the entities stage's records for later stages (quotes, documents).

``doc._.entities`` is a list of dicts, one per mention, sorted by start:
``{"start", "end", "text", "label", "entity_id", "canonical", "country"}`` (char offsets
into doc.text; ``country`` an ISO 3166-1 alpha-2 code or None; ``role`` may be present
for persons known to the gazetteer, e.g. "president").
"""

from __future__ import annotations

import bisect
from typing import Iterable, Optional

from spacy.tokens import Doc, Span

from ..core.extensions import records


class EntityIndex:
    def __init__(self, doc: Doc):
        self.doc = doc
        self.mentions = sorted(records(doc, "entities"), key=lambda m: (m["start"], m["end"]))
        self._starts = [m["start"] for m in self.mentions]

    def overlapping(self, start: int, end: int) -> list[dict]:
        """Mentions overlapping the character range [start, end)."""
        i = bisect.bisect_left(self._starts, start)
        # a mention starting before `start` may still overlap it
        j = i
        while j > 0 and self.mentions[j - 1]["end"] > start:
            j -= 1
        out = []
        for m in self.mentions[j:]:
            if m["start"] >= end:
                break
            if m["end"] > start:
                out.append(m)
        return out

    def at(self, start: int, end: int) -> Optional[dict]:
        """The longest mention inside or overlapping [start, end), preferring exact matches."""
        found = self.overlapping(start, end)
        if not found:
            return None
        exact = [m for m in found if m["start"] == start and m["end"] == end]
        if exact:
            return exact[0]
        return max(found, key=lambda m: (m["end"] - m["start"], -m["start"]))

    def in_span(self, span: Span) -> list[dict]:
        return [m for m in self.overlapping(span.start_char, span.end_char)
                if m["start"] >= span.start_char and m["end"] <= span.end_char]

    def by_id(self, entity_id: int) -> list[dict]:
        return [m for m in self.mentions if m["entity_id"] == entity_id]

    def entities(self, labels: Optional[Iterable[str]] = None) -> dict[int, dict]:
        """entity_id -> its first mention (with canonical, label, country), optionally by label."""
        wanted = set(labels) if labels else None
        out: dict[int, dict] = {}
        for m in self.mentions:
            if wanted is not None and m["label"] not in wanted:
                continue
            out.setdefault(m["entity_id"], m)
        return out

    def before(self, char: int, labels: Optional[Iterable[str]] = None) -> list[dict]:
        """Mentions ending at or before ``char``, nearest last."""
        wanted = set(labels) if labels else None
        return [m for m in self.mentions if m["end"] <= char and (wanted is None or m["label"] in wanted)]
