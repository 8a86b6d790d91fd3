"""find_candidates(): the date expression spans of a doc (rules, then the model's DATEs)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Doc

from .grammar import Grammar
from .normalise import _modifier_ok
from pipeline.core.text import text_of


def _token_at(doc: Doc, char: int):
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _prev_token(doc: Doc, char: int):
    tok = _token_at(doc, char)
    if tok is None or tok.i == 0:
        return None
    prev = doc[tok.i - 1]
    while prev.i > 0 and prev.is_punct and prev.text in "-–":
        prev = doc[prev.i - 1]
    return prev


class EntIndex:
    """The model's entities of one doc, read once (``doc.ents`` rebuilds every Span on each
    access) and looked up by offset with bisect: no walk over the doc per date."""

    def __init__(self, doc: Doc):
        self.ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        self.starts = [e[0] for e in self.ents]

    def covering(self, start: int, end: int):
        """(start, end, label) of the entity holding [start, end), or None."""
        i = bisect_right(self.starts, start) - 1
        if i >= 0 and end <= self.ents[i][1]:
            return self.ents[i]
        return None


@dataclass
class Taken:
    """Non-overlapping chosen intervals, sorted: overlap test and insertion in O(log n)."""

    starts: list = field(default_factory=list)
    ends: list = field(default_factory=list)

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_left(self.starts, start)
        return (i > 0 and self.ends[i - 1] > start) or (i < len(self.starts) and self.starts[i] < end)

    def add(self, start: int, end: int) -> None:
        i = bisect_left(self.starts, start)
        self.starts.insert(i, start)
        self.ends.insert(i, end)


def _in_date_ent(ix: EntIndex, start: int, end: int) -> bool:
    ent = ix.covering(start, end)
    return ent is not None and ent[2] == "DATE"


def _year_context(doc: Doc, start: int, end: int, g: Grammar, ix: EntIndex) -> bool:
    """A bare 4-digit number is a year in a date context: a time preposition or modifier
    before it, a verb or possessive after it, a sentence-initial "2022," or the model's DATE;
    never before a scale word or a counted plural noun the model does not call a date."""
    in_ent = _in_date_ent(ix, start, end)
    last = _token_at(doc, end - 1)
    nxt = doc[last.i + 1] if last is not None and last.i + 1 < len(doc) else None
    prev = _prev_token(doc, start)
    prev_word = prev.lower_ if prev is not None else ""
    if prev is not None and prev.is_sent_start and prev_word in g.year_context and nxt is not None and nxt.like_num:
        return True   # a sentence opening "In 2022 3.5 million ...": the comma left out
    if nxt is not None and (nxt.like_num or nxt.lower_ in ("percent", "per", "%", "million", "billion")):
        return False
    if nxt is not None and nxt.pos_ in ("NOUN", "PROPN") and prev_word in g.year_attributive:
        return True
    if nxt is not None and nxt.tag_ in ("NNS", "NNPS"):
        return False
    if in_ent or prev_word in g.year_context:
        return True
    if nxt is not None and (nxt.pos_ in ("VERB", "AUX") or nxt.lower_ == "'s"):
        return True
    first = _token_at(doc, start)
    if first is not None and first.is_sent_start and nxt is not None and nxt.text == ",":
        return True
    return False


def _numeric_context(doc: Doc, start: int, end: int, g: Grammar, ix: EntIndex) -> bool:
    """A day and month without a year ("2/15", "22/04") only after a time preposition
    (numeric_context.txt: "on 2/15", "by 22/04") or inside the model's DATE: "1/2 of the stock",
    "a 3/4 majority" are fractions."""
    prev = _prev_token(doc, start)
    return _in_date_ent(ix, start, end) or (prev is not None and prev.lower_ in g.numeric_context)


def _part_of_day_anchor(g: Grammar, m: re.Match, before: re.Match) -> bool:
    """"late yesterday", "early tomorrow": a START/MID/END modifier joins a day anchor (not a
    reference such as "now", nor "about"/"later")."""
    akind = g.anchors.get(re.sub(r"\s+", " ", m.group("anchor").lower()), ("", ""))[0]
    return akind == "day" and g.mod_of(before.group("mod")) in ("START", "MID", "END")


def _after_word(doc: Doc, start: int, words: set) -> bool:
    prev = _prev_token(doc, start)
    return prev is not None and prev.lower_ in words


def _lower_context(doc: Doc, start: int, end: int, g: Grammar) -> bool:
    """A lower-case month ("in july"), a month abbreviation alone ("in Sept") or a year
    written "'98": only after a time preposition (year_context.txt), never a modal or verb."""
    tok = _token_at(doc, start)
    if tok is None or tok.tag_ == "MD" or tok.pos_ in ("VERB", "AUX") or tok.text in g.lower_not_months:
        return False
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if nxt is not None and nxt.lower_ in ("'s", "’s"):
        return False
    return _after_word(doc, start, g.year_context)


def _month_context(doc: Doc, start: int, end: int, g: Grammar, ix: EntIndex) -> bool:
    """A bare month name is a month unless tagged as a modal ("May") or lower-level noun."""
    tok = _token_at(doc, start)
    if tok is None:
        return False
    if tok.tag_ == "MD":
        return False
    if _in_date_ent(ix, start, end):
        return True
    prev = _prev_token(doc, start)
    if prev is not None and prev.lower_ in g.year_context:
        return True
    return tok.tag_ in ("NNP", "NNPS") and (prev is None or prev.lower_ not in ("the", "a", "an"))


def _season_context(doc: Doc, start: int, modified: bool, g: Grammar) -> bool:
    """A bare season name is a date after a time preposition or a modifier (a leading "the"
    skipped: "in the spring", "during summer", "the end of the summer") and not as the first
    part of a compound ("spring session", "summer school"); never a verb ("to fall")."""
    tok = _token_at(doc, start)
    if tok is None or tok.pos_ not in ("NOUN", "PROPN"):   # "expected to fall", "to spring up"
        return False
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if nxt is not None and nxt.pos_ in ("NOUN", "PROPN") and not nxt.is_punct:
        return False
    if modified:
        return True
    prev = _prev_token(doc, start)
    if prev is not None and prev.lower_ == "the":
        prev = _prev_token(doc, prev.idx)
    return prev is not None and prev.lower_ in g.season_context


@dataclass
class Candidate:
    start: int
    end: int
    norm_text: str          # the text to normalise (a range bound may be expanded: "17" -> "2017")
    kind: str
    rank: int


def _inside_name(text: str, start: int, end: int, g: Grammar, ix: EntIndex) -> bool:
    """A weekday or month inside a longer name ("the Sunday Times", "Good Friday
    Agreement", "the May Fourth Movement": names.txt or a non-date entity) is not a date.
    ``text`` is doc.text read once (spaCy rebuilds it from the tokens on every access)."""
    for m in g.names.finditer(text, max(0, start - 30), min(len(text), end + 30)):
        if m.start() <= start and end <= m.end():
            return True
    ent = ix.covering(start, end)
    return ent is not None and ent[2] not in ("DATE", "TIME", "CARDINAL", "ORDINAL") and ent[1] - ent[0] > end - start


def _sentence_ends(text: str, end: int) -> bool:
    """The text ends at ``end`` or a new sentence starts after it (a line break or a capital)."""
    rest = text[end:end + 3]
    return not rest.strip() or rest[0] == "\n" or (rest[0] == " " and rest.strip()[:1].isupper())


def _day_range(m: re.Match, rank: int) -> list[Candidate]:
    """'16-17 October 2023', 'Oct. 16 to 18': one row per bound, each normalised as a day
    with the shared month (and year)."""
    month, year = m.group("month"), m.group("year")
    tail = f" {year}" if year else ""
    d1, d2 = m.group("day"), m.group("day2")
    if int(re.sub(r"\D", "", d2)) <= int(re.sub(r"\D", "", d1)):
        return []
    if m.start("month") < m.start("day"):   # month first: "Oct. 16-18, 2023"
        first = Candidate(m.start("month"), m.end("day"), f"{month} {d1}{tail}", "md", rank)
        second = Candidate(m.start("day2"), m.end(), f"{month} {d2}{tail}", "md", rank)
    else:                                    # day first: "16-18 October 2023"
        first = Candidate(m.start("day"), m.end("day"), f"{d1} {month}{tail}", "dm", rank)
        second = Candidate(m.start("day2"), m.end(), f"{d2} {month}{tail}", "dm", rank)
    first.kind = second.kind = "day_range"
    return [first, second]


def _alone(text: str, start: int, end: int) -> bool:
    """The expression is its whole line (a headline, a table cell, a form field: "week 12",
    "aug", "2/15"): it needs no date context, there is no running text to misread."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    return not text[line_start:start].strip() and not text[end:line_end].strip(" .!?:;")


def _context_ok(doc: Doc, s: int, e: int, kind: str, context: str, g: Grammar, ix: EntIndex) -> bool:
    """The date context a pattern's ``context`` column asks for (see the README)."""
    if context == "context" and kind == "year":
        return _year_context(doc, s, e, g, ix)
    if context == "context" and kind == "month":
        return _month_context(doc, s, e, g, ix)
    if context == "context" and kind == "weekend":
        return _after_word(doc, s, g.season_context)
    if context == "lower":
        return _lower_context(doc, s, e, g)
    if context == "numeric":
        return _numeric_context(doc, s, e, g, ix)
    return True


def _runnable(g: Grammar, text: str) -> list[tuple]:
    """(rank, kind, context, regex) of the patterns that can match in ``text``: a pattern whose
    ``needs`` (a word every match holds: "quarter", "week", a season or holiday name) is not in
    the text is not run (one cheap search per distinct need instead of a full pattern pass)."""
    seen: dict = {}
    out = []
    for rank, ((kind, context, rx), need) in enumerate(zip(g.patterns, g.needs)):
        if need is not None:
            if need not in seen:
                seen[need] = need.search(text) is not None
            if not seen[need]:
                continue
        out.append((rank, kind, context, rx))
    return out


def find_candidates(doc: Doc, g: Grammar) -> list[Candidate]:
    """Date expression spans in ``doc`` (rules first, then the model's DATE entities),
    non-overlapping, in text order."""
    text = text_of(doc)
    ix = EntIndex(doc)
    found: list[Candidate] = []
    for rank, kind, context, rx in _runnable(g, text):
        for m in rx.finditer(text):
            s, e = m.start(), m.end()
            before = g.mod_prefix.search(text, max(0, s - 40), s)
            if context == "modifier" and not _modifier_ok(before, m.group(0)):
                continue
            alone = _alone(text, s, e)
            if not alone and not _context_ok(doc, s, e, kind, context, g, ix):
                continue
            if kind == "season":
                if not alone and not _season_context(doc, m.start("season"), before is not None, g):
                    continue
                if before is None and m.group("the"):
                    s = m.start("season")   # "in the spring" -> "spring"
            if kind == "year_range":
                y1, y2 = m.group("year"), m.group("year2")
                if len(y2) == 2:
                    y2 = y1[:2] + y2
                if int(y2) <= int(y1) or int(y2) - int(y1) > 50:
                    continue
                found.append(Candidate(m.start("year"), m.end("year"), y1, "year_range", rank))
                found.append(Candidate(m.start("year2"), m.end("year2"), y2, "year_range", rank))
                continue
            if kind == "day_range":
                found.extend(_day_range(m, rank))
                continue
            if kind in ("weekday", "month", "md", "dm", "season") and _inside_name(text, s, e, g, ix):
                continue
            if before and (kind != "anchor" or _part_of_day_anchor(g, m, before)):
                s = before.start("mod")
            if text[e - 1] == "." and _sentence_ends(text, e):
                e -= 1   # "on the 2nd of feb." - the abbreviation's dot is the full stop
            found.append(Candidate(s, e, text[s:e], kind, rank))
    # resolve overlaps: ranges first (they hold their bounds), then longest, then pattern order
    found.sort(key=lambda c: (c.kind not in ("year_range", "day_range"), -(c.end - c.start), c.rank, c.start))
    chosen: list[Candidate] = []
    taken = Taken()
    for c in found:
        if taken.overlaps(c.start, c.end):
            continue
        chosen.append(c)
        taken.add(c.start, c.end)
    for start, end, label in ix.ents:
        ent_text = text[start:end]
        if label != "DATE" or taken.overlaps(start, end) or any(rx.search(ent_text) for rx in g.not_dates):
            continue
        chosen.append(Candidate(start, end, ent_text, "entity", len(g.patterns)))
    chosen.sort(key=lambda c: c.start)
    return chosen

