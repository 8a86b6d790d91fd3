"""The between-pairs pass: a plural document name followed by two or more between-phrases
("twinning agreements between the cities of A and B and between C and D") names one document
per pair: the pair as parties, the name's own modifiers as the subject of each."""

from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Span

from .findings import Mention
from .grammar import trim_span
from .phrases import find_types

#: "between" opening a pair, the first right after the name, the next after "and"/a comma
_BETWEEN = re.compile(r"(?:^\s*|\s*,?\s*(?:and\s+|as\s+well\s+as\s+)?)\bbetween\s+", re.I)

#: a further between-phrase after a description's end
_NEXT = re.compile(r"\s*,?\s*(?:and\s+|as\s+well\s+as\s+)?between\s+", re.I)


def between_groups(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The zones of the between-phrases that follow one another from ``start`` (the end of a
    plural document name) to ``end``: [(s, e), ...] for "between A and B and between C and D"
    (each zone without "between"), [] unless the first opens right at ``start``."""
    seg = text[start:end]
    hits = [m for m in _BETWEEN.finditer(seg)]
    if not hits or hits[0].start() != 0:
        return []
    zones = []
    for k, m in enumerate(hits):
        e = hits[k + 1].start() if k + 1 < len(hits) else len(seg)
        a, b = trim_span(text, start + m.end(), start + e)
        if b > a:
            zones.append((a, b))
    return zones


class PairsMixin:
    """The between-pairs pass (see the module docstring)."""

    def between_pairs(self, i: int, sent: Span, tok, kind: str, collective: tuple[int, int]) -> int:
        """Records of the pairs after the plural document name ending ``collective``; their count
        (0 unless two or more between-phrases each name two sides)."""
        text = self.text
        types = [t for t in find_types(text, self.lex, collective[0], collective[1]) if t["plural"]]
        if not types or types[-1]["end"] != collective[1]:
            return 0
        t = types[-1]
        end = self.description_end(collective[1], sent.end_char)
        more = _NEXT.match(text, end, sent.end_char)
        while more is not None and more.end() > end:  # ", and between C and D", ", between E and F"
            end = self.description_end(more.end(), sent.end_char)
            more = _NEXT.match(text, end, sent.end_char)
        zones = between_groups(text, collective[1], end)
        if len(zones) < 2:
            return 0
        sides = [self.parties_from_zone(a, b, pos=a) for a, b in zones]
        if any(len(s) != 2 for s in sides):
            return 0
        np_s = self._pair_start(t, sent)
        date, place = self.batch_occasion(i, sent, tok)
        subject = self._pair_subject(np_s, t)
        for k, ((a, b), own) in enumerate(zip(zones, sides)):
            s = np_s if k == 0 else text.rfind("between", zones[k - 1][1], a)  # "between C and D"
            self.found.records.append(Mention(
                start=s, end=b, type_start=t["start"], type_end=t["end"], doc_type=t["doc_type"], anaphoric=False,
                definite=False, title=None, subject=subject, parties=[dict(p) for p in own],
                explicit_parties=True, signed_date=date, signed_place=place, deal=True))
        return len(zones)

    def _pair_start(self, t: dict, sent: Span) -> int:
        """Where the plural name starts: its noun phrase, with a gerund modifier the tagger
        reads as a verb ("twinning agreements", "Twinning agreements")."""
        s = self.np_start(t["start"], sent.start_char)
        first = self.tok_at(s)
        prev = self.doc[first.i - 1] if first is not None and first.i > sent.start else None
        if prev is not None and prev.tag_ == "VBG" and prev.dep_ in ("amod", "compound", "nmod") \
                and prev.head.i >= first.i:
            return prev.idx
        return s

    def _pair_subject(self, np_s: int, t: dict) -> Optional[str]:
        """The plural name's own modifiers ("twinning agreements" -> "twinning"), without
        determiners, numbers and generic modifiers."""
        words = [x for x in self.tokens_in(np_s, t["start"]) if x.is_alpha and not x.like_num
                 and x.pos_ != "DET" and x.lower_ not in self.lex.generic_modifiers]
        while words and words[0].pos_ not in ("NOUN", "PROPN", "VERB", "ADJ"):
            words.pop(0)
        return self.text[words[0].idx:words[-1].idx + len(words[-1].text)] if words else None
