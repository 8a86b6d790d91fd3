"""Coordinated subjects: a plural document name whose subject lists several topics ("signed
agreements on insurance regulation, space exploration, renewable energy and skill
development", "pacts to combat cybercrime and to protect heritage") names one document per
topic (unless a stated count says otherwise: "12 agreements on trade, energy and transport")."""

from __future__ import annotations

import re

from spacy.tokens import Span

from .findings import Mention
from ...core.text import alternation
from .grammar import COORDINATORS, run_start, trim_span
from .phrases import count_of, find_types, parse_after_type


#: a list separator: a comma (with an optional coordinator) or a coordinator
_SEP = re.compile(run_start(r"(?:\s*,\s*(?:(?:" + alternation(COORDINATORS) + r")\s+)?|\s+(?:"
                             + alternation(COORDINATORS) + r")\s+)"))

#: a serial comma before the last topic (", and")
_SERIAL = re.compile(r"\s*,\s*(?:" + alternation(COORDINATORS) + r")\s+")


def split_topics(text: str, start: int, end: int, markers: list[str]) -> list[tuple[int, int]]:
    """The topics of a subject text[start:end]: "A, B, C and D" (a list with commas) splits at
    each comma and its last coordinator; without a comma only a coordinator repeating a subject
    marker splits ("to combat X and to protect Y"), so "trade and economic cooperation" stays one."""
    zone = text[start:end]
    seps = list(_SEP.finditer(zone))
    if not any("," in m.group(0) for m in seps):
        seps = [m for m in seps if any(zone[m.end():].lower().startswith(mk + " ") for mk in markers)]
    out, pos = [], start
    for m in seps:
        s, e = trim_span(text, pos, start + m.start())
        if e > s:
            out.append((s, e))
        pos = start + m.end()
    s, e = trim_span(text, pos, end)
    if e > s:
        out.append((s, e))
    return out


class CoordinatedMixin:
    """The coordinated-subjects pass (see the module docstring)."""

    def coordinated_subjects(self, i: int, sent: Span, tok, kind: str, collective: tuple[int, int]) -> int:
        """Records of the topics after the plural document name ending ``collective``; their count."""
        text = self.text
        types = [t for t in find_types(text, self.lex, collective[0], collective[1]) if t["plural"]]
        if not types or types[-1]["end"] != collective[1]:
            return 0
        t = types[-1]
        end = self.list_end(self.description_end(t["end"], sent.end_char), sent.end_char)
        parse = parse_after_type(text, t["end"], end, self.lex, self.protected(t["end"], end))
        if not parse["subject"] or parse["parties"]:
            return 0
        topics = [self.topic(a, b) for a, b in split_topics(text, *parse["subject"], self.lex.subject_markers)]
        topics = [x for x in topics if x[1] > x[0]]
        count = count_of(text[collective[0]:collective[1]], self.lex)
        if len(topics) < 2 or (count is not None and count != len(topics)):
            return 0
        parties = self.sides_of(tok if kind == "verb" else None, sent, end)
        date, place = self.batch_occasion(i, sent, tok)
        for a, b in topics:
            self.found.records.append(Mention(
                start=a, end=b, type_start=t["start"], type_end=t["end"], doc_type=t["doc_type"], anaphoric=False,
                definite=False, title=None, subject=text[a:b], parties=[dict(p) for p in parties],
                explicit_parties=bool(parties), signed_date=date, signed_place=place, deal=True))
        return len(topics)

    def list_end(self, end: int, limit: int) -> int:
        """``end`` carried past a serial comma ("water, roads, and power") when what follows the
        coordinator is noun-phrase material up to the next stop."""
        m = _SERIAL.match(self.text, end, limit)
        if m is None:
            return end
        nxt = self.description_end(m.end(), limit)
        return nxt if nxt > m.end() and self._np_chars(m.end(), nxt) else end

    def topic(self, a: int, b: int) -> tuple[int, int]:
        """A topic without the subject marker repeated before it ("and to protect heritage")."""
        low = self.text[a:b].lower()
        for mk in self.lex.subject_markers:
            if low.startswith(mk + " "):
                return trim_span(self.text, a + len(mk), b)
        return a, b
