"""What the passes share for one doc: entity index, token and sentence lookups, covered ranges."""

from __future__ import annotations

import bisect
from typing import Optional

from spacy.tokens import Doc, Token

from ..entity_lookup import EntityIndex
from .grammar import segment_breaks
from .marks import _Marks
from .rules import SPEAKER_LABELS, QuoteRules
from pipeline.core.text import text_of


class Ranges:
    """Covered text (quotes with their marks, statements): ``covered`` in O(log n). Ranges added
    with ``+=`` are indexed (sorted starts, running maximum of ends, rebuilt once per batch);
    ``append``/``pop`` hold a short stack of temporary ranges (a clause while its speaker is
    resolved), checked one by one."""

    def __init__(self, pairs=()):
        self._base = list(pairs)
        self._temp: list[tuple[int, int]] = []
        self._index: Optional[tuple[list[int], list[int]]] = None

    def __iadd__(self, pairs):
        self._base.extend(pairs)
        self._index = None
        return self

    def append(self, pair: tuple[int, int]) -> None:
        self._temp.append(pair)

    def pop(self) -> tuple[int, int]:
        return self._temp.pop()

    def __iter__(self):
        return iter(self._base + self._temp)

    def overlaps(self, start: int, end: int) -> bool:
        if any(s < end and start < e for s, e in self._temp):
            return True
        if self._index is None:
            ordered = sorted(self._base)
            reach, ends = -1, []
            for _, e in ordered:
                reach = max(reach, e)
                ends.append(reach)
            self._index = ([s for s, _ in ordered], ends)
        starts, ends = self._index
        k = bisect.bisect_left(starts, end)  # ranges starting before `end`
        return k > 0 and ends[k - 1] > start


class DocContext:
    """What the finders share for one doc: entity index, token lookup, quote ranges."""

    def __init__(self, doc: Doc, rules: QuoteRules):
        self.doc = doc
        self.text = text_of(doc)
        self.rules = rules
        self.index = EntityIndex(doc)
        self.tok_starts = [t.idx for t in doc]
        self.sents = list(doc.sents)
        self.sent_starts = [s.start for s in self.sents]
        self._ranges = Ranges()   # covered text: quotes with their marks
        self.rules_marks = set(_Marks(rules.marks).chars)
        self.breaks = segment_breaks(doc)   # sentence ends, for clause bounds

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
        return self._ranges.overlaps(start, end)

    @property
    def ranges(self) -> Ranges:
        return self._ranges

    @ranges.setter
    def ranges(self, pairs) -> None:
        self._ranges = pairs if isinstance(pairs, Ranges) else Ranges(pairs)

    def mention_at(self, tok: Token, labels=SPEAKER_LABELS) -> Optional[dict]:
        found = [m for m in self.index.overlapping(tok.idx, tok.idx + len(tok)) if m["label"] in labels]
        if not found:
            return None
        persons = [m for m in found if m["label"] == "PERSON"]
        return (persons or found)[0]

    def in_dateline(self, tok: Token) -> bool:
        """Whether tok is part of a dateline place opening its line ("New Delhi, Sep 10 (PTI)",
        "ALMATY, Kazakhstan and ISTANBUL, Türkiye, December 1, 2025 /PRNewswire/ --",
        "BUENOS AIRES, Sept 10 -"): a GPE mention (or a word in capitals) first on its line,
        followed by a comma or dash and, within eight words on the line, a number, a parenthesis,
        a slash or a dash. A place there is where the story was filed, never a speaker."""
        m = self.mention_at(tok, ("GPE",))
        if m is None and not (tok.is_upper and tok.is_alpha and len(tok) > 2):
            return False
        first = self.tok_at(m["start"]) if m is not None else tok
        line_start = self.text.rfind("\n", 0, first.idx) + 1
        if self.text[line_start:first.idx].strip():
            return False
        last = self.tok_at(m["end"] - 1) if m is not None else tok
        after = [t for t in self.doc[last.i + 1:last.i + 10] if not t.is_space]
        if not after or after[0].text not in (",", "-", "–", "—", "--") or "\n" in self.text[last.idx:after[-1].idx]:
            return False
        return after[0].text != "," or any(t.like_num or t.text[:1] in "(/-–—" for t in after[1:])

    def mention_tokens(self, m: dict) -> list[Token]:
        return self.tokens_in(m["start"], m["end"])

    # -- speakers
    @staticmethod
    def from_mention(m: dict, written: Optional[str] = None) -> dict:
        return {"speaker": m.get("canonical") or m["text"], "speaker_entity_id": m.get("entity_id"),
                "speaker_text": written if written is not None else m["text"]}
