"""What the passes share for one doc: entity index, token and sentence lookups, covered ranges."""

from __future__ import annotations

import bisect
from typing import Optional

from spacy.tokens import Doc, Token

from ..entity_lookup import EntityIndex
from .marks import _Marks
from .rules import SPEAKER_LABELS, QuoteRules


class DocContext:
    """What the finders share for one doc: entity index, token lookup, quote ranges."""

    def __init__(self, doc: Doc, rules: QuoteRules):
        self.doc = doc
        self.text = doc.text
        self.rules = rules
        self.index = EntityIndex(doc)
        self.tok_starts = [t.idx for t in doc]
        self.sents = list(doc.sents)
        self.sent_starts = [s.start for s in self.sents]
        self.ranges: list[tuple[int, int]] = []   # covered text: quotes with their marks
        self.rules_marks = set(_Marks(rules.marks).chars)

    # -- lookups
    def tok_at(self, char: int) -> Token:
        i = max(0, bisect.bisect_right(self.tok_starts, char) - 1)
        return self.doc[i]

    def sent_index(self, tok: Token) -> int:
        return max(0, bisect.bisect_right(self.sent_starts, tok.i) - 1)

    def tokens_in(self, start: int, end: int) -> list[Token]:
        """Tokens starting in [start, end)."""
        i = bisect.bisect_left(self.tok_starts, start)
        j = bisect.bisect_left(self.tok_starts, end)
        return list(self.doc[i:j])

    def covered(self, start: int, end: Optional[int] = None) -> bool:
        end = start + 1 if end is None else end
        return any(s < end and start < e for s, e in self.ranges)

    def mention_at(self, tok: Token, labels=SPEAKER_LABELS) -> Optional[dict]:
        found = [m for m in self.index.overlapping(tok.idx, tok.idx + len(tok)) if m["label"] in labels]
        if not found:
            return None
        persons = [m for m in found if m["label"] == "PERSON"]
        return (persons or found)[0]

    def mention_tokens(self, m: dict) -> list[Token]:
        return self.tokens_in(m["start"], m["end"])

    # -- speakers
    @staticmethod
    def from_mention(m: dict, written: Optional[str] = None) -> dict:
        return {"speaker": m.get("canonical") or m["text"], "speaker_entity_id": m.get("entity_id"),
                "speaker_text": written if written is not None else m["text"]}
