"""Coordinated subjects: a plural document name whose subject lists several topics ("signed
agreements on insurance regulation, space exploration, renewable energy and skill
development", "pacts to combat cybercrime and to protect heritage") names one document per
topic (unless a stated count says otherwise: "12 agreements on trade, energy and transport")."""

from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Span

from .findings import Mention
from ...core.text import alternation
from .grammar import COORDINATORS, PARTY_KINDS, FINITE_TAGS, run_start, trim_span
from .phrases import count_of, find_types, parse_after_type


#: a list separator: a comma (with an optional coordinator) or a coordinator
_SEP = re.compile(run_start(r"(?:\s*,\s*(?:(?:" + alternation(COORDINATORS) + r")\s+)?|\s+(?:"
                             + alternation(COORDINATORS) + r")\s+)"))

#: a serial comma before the last topic (", and")
_SERIAL = re.compile(r"\s*,\s*(?:" + alternation(COORDINATORS) + r")\s+")

#: the first of the two ways a document name introduces its parties ("between A and B")
_BETWEEN = re.compile(r"\b" + PARTY_KINDS[0] + r"\b", re.I)


def split_topics(text: str, start: int, end: int, markers: list[str]) -> list[tuple[int, int]]:
    """The topics of a subject text[start:end]: "A, B, C and D" (a list with commas) splits at
    each comma and at the last coordinator after the last comma, unless the list has a serial
    comma (", and D"): then "and" inside a topic stays ("the Belt and Road Initiative, the green
    economy and ..."; "X, Y, and cooperation between A and B"); a coordinator after "between"
    joins the parties, not two topics. Without a comma only a coordinator repeating a subject
    marker splits ("to combat X and to protect Y"), so "trade and economic cooperation" stays one."""
    zone = text[start:end]
    seps = list(_SEP.finditer(zone))
    commas = [m for m in seps if "," in m.group(0)]
    if not commas:
        seps = [m for m in seps if any(zone[m.end():].lower().startswith(mk + " ") for mk in markers)]
    else:
        serial = any(_SERIAL.fullmatch(m.group(0)) for m in commas)
        last = commas[-1].end()
        bare = [m for m in seps if "," not in m.group(0) and m.start() >= last and not serial]
        seps = sorted(commas + bare[-1:], key=lambda m: m.start())
    out, pos = [], start
    for m in seps:
        if _BETWEEN.search(text, pos, start + m.start()) and "," not in m.group(0):
            continue  # "cooperation between A and B": one topic
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
        """Records of the topics after the plural document name ending ``collective`` (or after
        a passive signing verb, or after an inclusion cue naming a plural: "21 memoranda, including
        pacts on X, Y and Z"); their count."""
        text = self.text
        head = self.topic_head(tok, sent, collective)
        if head is None:
            return 0
        t, anchor, doc_type, counted = head
        end = self.list_end(self.description_end(anchor, sent.end_char), sent.end_char)
        parse = parse_after_type(text, anchor, end, self.lex, self.protected(anchor, end))
        if not parse["subject"] or parse["parties"]:
            return 0
        topics = [self.topic(a, b) for a, b in split_topics(text, *parse["subject"], self.lex.subject_markers)]
        topics = [x for x in topics if x[1] > x[0]]
        count = count_of(text[collective[0]:collective[1]], self.lex) if counted else None
        if len(topics) < 2 or (count is not None and count != len(topics)):
            return 0
        parties = self.sides_of(tok if kind == "verb" else None, sent, end)
        date, place = self.batch_occasion(i, sent, tok)
        for a, b in topics:
            own, sub_end = parties, b
            cut = self.between_cut(a, b, a)
            if cut:
                own, sub_end = cut  # "and cooperation between the Oman Investment Authority and ..."
            self.found.records.append(Mention(
                start=a, end=b, type_start=t["start"], type_end=t["end"], doc_type=doc_type, anaphoric=False,
                definite=False, title=None, subject=text[a:sub_end], parties=[dict(p) for p in own],
                explicit_parties=bool(own), signed_date=date, signed_place=place, deal=True))
        return len(topics)

    def topic_head(self, tok, sent: Span, collective: tuple[int, int]) -> Optional[tuple[dict, int, str, bool]]:
        """The plural document name whose topics follow, where they start, the records' doc_type
        and whether the collective's count must match them: the collective itself ("signed
        agreements on X, Y and Z"), its passive verb ("Memoranda were exchanged on X, Y and Z"),
        or a plural after an inclusion cue ("21 memoranda, including pacts on X, Y and Z": some of
        the memoranda, so no count to match)."""
        text = self.text
        types = [t for t in find_types(text, self.lex, collective[0], collective[1]) if t["plural"]]
        zone = self.inclusion_zone(collective, sent)
        if zone is not None:
            nxt = [t for t in find_types(text, self.lex, zone, sent.end_char) if t["plural"]]
            if nxt and self._np_chars(zone, nxt[0]["start"]):
                own = [t["doc_type"] for t in types if not t["anaphoric"]]
                return nxt[0], nxt[0]["end"], own[-1] if own else nxt[0]["doc_type"], False
        if not types or types[-1]["end"] != collective[1]:
            return None
        t = types[-1]
        tok_end = tok.idx + len(tok.text)
        if t["end"] <= tok.idx and re.fullmatch(r"\s*", text[tok_end:tok_end + 1]):
            return t, tok_end, t["doc_type"], True  # the passive subject: the topics follow the verb
        return t, t["end"], t["doc_type"], True

    def inclusion_zone(self, collective: tuple[int, int], sent: Span) -> Optional[int]:
        """Where the documents named after an inclusion cue start ("21 memoranda, including
        pacts on X", "a set of documents, among them ..."), or None."""
        cue = re.match(r"(?:\s+of\s+[\w’'-]+(?:\s+[\w’'-]+){0,3}?)?\s*,?\s*(?:" + self.lex.inclusion_re.pattern
                       + r")\s+", self.text[collective[1]:sent.end_char], re.I)
        return None if cue is None else collective[1] + cue.end()

    def list_end(self, end: int, limit: int) -> int:
        """``end`` carried past a serial comma ("water, roads, and power") when what follows the
        coordinator is noun-phrase material up to the next stop."""
        m = _SERIAL.match(self.text, end, limit)
        if m is None:
            return end
        nxt = self.description_end(m.end(), limit)
        verb = self.tok_from(nxt)
        if verb is not None and verb.tag_ in FINITE_TAGS and verb.idx < limit:
            return end  # ", and our central banks signed ...": a clause of its own, no topic
        between = _BETWEEN.search(self.text, m.end(), nxt)
        np_end = between.start() if between else nxt  # "and cooperation between A and B"
        return nxt if nxt > m.end() and self._np_chars(m.end(), np_end) else end

    def topic(self, a: int, b: int) -> tuple[int, int]:
        """A topic without the subject marker repeated before it ("and to protect heritage")."""
        low = self.text[a:b].lower()
        for mk in self.lex.subject_markers:
            if low.startswith(mk + " "):
                return trim_span(self.text, a + len(mk), b)
        return a, b

    def listed_topics(self, t: dict, limit: int, sent: Span, tok, i: int) -> list[Mention]:
        """Mentions of a plural document name ``t`` among the documents of a list ("Among them are
        agreements on X and on Y"): one per topic of its subject when it has two or more (and a
        count before the name agrees), else none: a plural alone is no record."""
        text = self.text
        end = self.description_end(t["end"], limit)
        parse = parse_after_type(text, t["end"], end, self.lex, self.protected(t["end"], end))
        if not parse["subject"] or parse["parties"]:
            return []
        topics = [self.topic(a, b) for a, b in split_topics(text, *parse["subject"], self.lex.subject_markers)]
        topics = [x for x in topics if x[1] > x[0]]
        count = count_of(text[self.np_start(t["start"], sent.start_char):t["end"]], self.lex)
        if len(topics) < 2 or (count is not None and count != len(topics)):
            return []
        return [Mention(start=a, end=b, type_start=t["start"], type_end=t["end"], doc_type=t["doc_type"],
                        anaphoric=False, definite=False, title=None, subject=text[a:b], parties=[],
                        explicit_parties=False, signed_date=None, signed_place=None, deal=True)
                for a, b in topics]
