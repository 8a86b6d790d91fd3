"""The read-only view of one doc: its text, sentences, entity index, the other stages'
records (dates, money, quotes), headline and dateline bounds, and token/offset lookups."""

from __future__ import annotations

import bisect
import functools
import re
from typing import Optional

from spacy.attrs import IDX, LOWER
from spacy.tokens import Doc

from ...core.extensions import records
from ...core.text import alternation
from ..entity_lookup import EntityIndex
from .grammar import ISO_VALUE, NP_POS, NP_PUNCT, RELATIVES
from .lexicon import Lexicon
from .findings import Findings
from pipeline.core.text import text_of


class DocView:
    """The read-only view of one doc: its text, sentences, entity index, the other stages'
    records (dates, money, quotes), headline and dateline bounds, and token/offset lookups."""

    def __init__(self, doc: Doc, lex: Lexicon):
        self.doc, self.lex, self.text = doc, lex, text_of(doc)
        self.ents = EntityIndex(doc)
        self.sents = list(doc.sents)
        self.dates = [d for d in records(doc, "dates") if d.get("value") and ISO_VALUE.match(str(d["value"]))]
        self.money = records(doc, "money")
        self.quotes = [q for q in records(doc, "quotes") if q.get("start") is not None]
        self.published = getattr(doc._, "published", None)
        self.found = Findings()
        self.title_end = self._title_end()
        self.dateline_end = self._dateline_end()

    def _title_end(self) -> int:
        text = self.text
        first = text.lstrip()
        lead = len(text) - len(first)
        nl = text.find("\n", lead)
        line = text[lead:nl if nl != -1 else len(text)].rstrip()
        if line and line[-1] not in ".!?:;" and len(line.split()) <= 25 and nl != -1:
            return lead + len(line)
        return 0

    def _dateline_end(self) -> int:
        """The offset after a wire dateline opening the body ("TASHKENT, May 14 (Xinhua) -- "),
        else 0: its date is the filing day, not the time of what the sentence reports."""
        first = self.text[self.title_end:].lstrip()
        off = len(self.text) - len(first)
        # city, date, then an agency mark or a dash (dateline_patterns.txt)
        m = next((m for p in self.lex.dateline_res for m in [p.match(first)] if m), None)
        return off + m.end() if m else 0

    def sent_of(self, char: int) -> int:
        """The sentence holding ``char`` (the last sentence for a char between sentences)."""
        i = bisect.bisect_right(self.sent_starts, char) - 1
        if i >= 0 and char < self.sents[i].end_char:
            return i
        return len(self.sents) - 1

    @functools.cached_property
    def sent_starts(self) -> list[int]:
        return [s.start_char for s in self.sents]

    @functools.cached_property
    def tok_starts(self) -> list[int]:
        """Each token's start offset (``token.idx``), in token order: offsets to tokens by
        ``bisect`` instead of a walk over the doc (each step of ``for t in doc`` builds a Token)."""
        return self.doc.to_array(IDX).tolist() if len(self.doc) else []

    @functools.cached_property
    def lowers(self) -> list[str]:
        """Each token's ``lower_``, in token order, read once per doc (no Token objects)."""
        strings = self.doc.vocab.strings
        return [strings[h] for h in self.doc.to_array(LOWER).tolist()] if len(self.doc) else []

    @functools.cached_property
    def signing_words(self) -> frozenset:
        """The lower-case forms a signing token can have (signing nouns, signing verb forms, entry
        and particle verbs): ``signing_tokens`` looks only at tokens holding one."""
        lex = self.lex
        return frozenset(lex.sign_nouns) | frozenset(lex.sign_forms) | frozenset(lex.entry_verbs) \
            | frozenset(lex.particle_verbs)

    def sent_text(self, sent) -> str:
        """``sent.text`` (a Span's text ends at its last token, trailing space excluded) as a
        slice of the doc's text: ``Span.text`` builds a Token per token on every access."""
        return self.text[sent.start_char:sent.end_char]

    def tok_range(self, a: int, b: int) -> range:
        """The indices of the tokens starting in [a, b) (``a <= t.idx < b``)."""
        starts = self.tok_starts
        return range(bisect.bisect_left(starts, a), bisect.bisect_left(starts, b)) if b > a else range(0)

    def tokens_in(self, a: int, b: int) -> list:
        """The tokens starting in [a, b), in order (``[t for t in doc if a <= t.idx < b]``)."""
        r = self.tok_range(a, b)
        return list(self.doc[r.start:r.stop]) if r else []

    def protected(self, start: int, end: int) -> list[tuple[int, int]]:
        return [(m["start"], m["end"]) for m in self.ents.overlapping(start, end)
                if m["label"] in ("ORG", "GPE", "FAC", "NORP", "PERSON", "LOC", "WORK_OF_ART", "LAW")]

    def country_of_iso(self, iso: Optional[str]) -> Optional[str]:
        return self.lex.country_name.get(iso) if iso else None

    def gpe_entity(self, iso: str) -> Optional[int]:
        for m in self.ents.mentions:
            if m["label"] == "GPE" and (m.get("country") == iso or self.lex.is_country_name(m.get("canonical") or m["text"]) == iso) \
                    and self.lex.is_country_name(m.get("canonical") or m["text"]):
                return m["entity_id"]
        return None

    def tok_from(self, char: int):
        """The first token starting at or after ``char``."""
        i = bisect.bisect_left(self.tok_starts, char)
        return self.doc[i] if i < len(self.tok_starts) else None

    def tok_at(self, char: int):
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        return span[0] if span is not None and len(span) else None

    def np_between(self, a: int, b: int) -> bool:
        """Are the tokens in [a, b) (token indices) noun-phrase material?"""
        for k in range(a, b):
            t = self.doc[k]
            if t.is_space:
                continue
            if t.text in NP_PUNCT or t.pos_ in NP_POS or t.tag_ in ("PRP$", "POS") or t.lower_ in ("and", "new"):
                if t.pos_ in ("VERB", "AUX", "ADP") and t.lower_ not in ("of",):
                    return False
                continue
            if t.pos_ == "ADV" and t.lower_ in self.lex.np_adverbs:
                continue
            if t.pos_ == "VERB" and t.tag_ in ("VBN", "VBG") and t.lower_ not in self.lex.sign_forms:
                continue  # "a newly revised agreement"
            return False
        return True

    def np_start(self, type_start: int, limit: int) -> int:
        """Start of the noun phrase ending in the type form (pre-modifiers included)."""
        tok = self.tok_at(type_start)
        if tok is None:
            return type_start
        i = tok.i
        while i - 1 >= 0 and self.doc[i - 1].idx >= limit:
            t = self.doc[i - 1]
            if t.is_space or t.is_sent_end and i - 1 != tok.i - 1:
                break
            if any(m["start"] <= t.idx < m["end"] for m in self.money):
                break  # "a $400 billion contract": the value is not part of the description
            cur = self.doc[i]
            if cur.is_title and i - 2 >= 0 and self.doc[i - 2].idx >= limit and (
                    (t.lower_ in ("and", "&") and self.doc[i - 2].is_title and not self.lex.is_country_name(self.doc[i - 2].text))
                    or (t.is_title and t.tag_ in ("VBN", "VBG", "JJ") and t.i > t.sent.start)):
                i -= 1  # a title's coordinated or participle words ("Enhanced Partnership and Cooperation Agreement")
                continue
            if t.pos_ in ("DET", "ADJ", "NUM", "PROPN", "NOUN") or t.tag_ in ("PRP$", "POS") or t.text in ("’", "'", "“", "”", '"', "-"):
                if t.pos_ == "NOUN" and t.lower_ in self.lex.sign_nouns:
                    break
                if t.lower_ in self.lex.sign_forms and t.text.islower() and self.verb_slot(t):
                    break  # "Iran ink gas swap deal": the verb the tagger took for a noun
                i -= 1
                if t.pos_ == "DET" or t.tag_ == "PRP$":
                    break
                continue
            break
        return self.doc[i].idx

    def in_quote(self, start: int, tok=None) -> bool:
        """Is ``start`` inside a quote's content that does not also hold the event token?"""
        for q in self.quotes:
            if q["start"] <= start < q["end"]:
                if tok is not None and q["start"] <= tok.idx < q["end"]:
                    continue
                return True
        return False

    def _np_chars(self, a: int, b: int) -> bool:
        """Is text[a:b] (between a verb and a document name) noun-phrase material only?"""
        if b < a:
            return False
        if not self.text[a:b].strip():
            return True
        idx = self.tok_range(a, b)
        if not idx or len(idx) > 14:
            return False
        return self.np_between(idx.start, idx.stop)

    def _coord_start(self, type_start: int) -> int:
        s = self.np_start(type_start, 0)
        back = re.search(rf"(?:,|;|\b(?i:{self.lex.link_alt}))\s*$", self.text[:s])
        return back.start() if back else s

    def _coordinated(self, a: int, b: int) -> bool:
        gap = self.text[a:b]
        return not (self.lex.sign_past_re.search(gap) or re.search(rf"\b(?:was|were|{alternation(RELATIVES)})\b", gap))

    def measure_start(self, toks: list, k: int) -> Optional[int]:
        """The index in ``toks`` where a number-unit compound ending at ``toks[k]`` starts ("ten-year",
        "10-year", "five - year"), else None."""
        t = toks[k]
        number = lambda w: w.like_num or w.lower_ in self.lex.numbers
        if t.lower_ in self.lex.units and k >= 2 and toks[k - 1].text in ("-", "–") and number(toks[k - 2]):
            return k - 2
        m = re.fullmatch(r"(\w+)[-–](\w+)", t.lower_)
        if m and m.group(2) in self.lex.units and (m.group(1).isdigit() or m.group(1) in self.lex.numbers):
            return k
        return None
