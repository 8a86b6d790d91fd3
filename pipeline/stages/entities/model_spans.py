"""The statistical NER's spans corrected: edges and titles trimmed, generic document names and
currency names dropped, one-word person or body guesses that are places relabelled, and the
priority a model span gets against gazetteer matches."""

from __future__ import annotations

import bisect
import re
from typing import Optional

from spacy.attrs import IDX
from spacy.tokens import Doc, Span

from ...core.text import fold
from .gazetteer import Gazetteer
from .institutions import CONNECTORS
from pipeline.core.text import text_of

#: where a line's first word starts (after any blanks: what `str.strip` removes)
LINE_START = re.compile(r"^\s*", re.M)


def _trim_edges(doc: Doc, s: int, e: int) -> tuple[int, int]:
    while s < e and (doc[s].pos_ in ("DET", "ADP", "PRON", "CCONJ") or doc[s].is_punct or doc[s].is_space):
        s += 1
    while e > s and (doc[e - 1].is_punct or doc[e - 1].is_space) and doc[e - 1].text not in (".",):
        e -= 1
    return s, e


def clean_model_span(ent: Span, gaz: Gazetteer, currency_nouns: frozenset) -> Optional[Span]:
    """Trim what the statistical NER wrongly includes: leading determiners and
    prepositions ("a Memorandum", "Through Global Gateway"), quotation marks and
    punctuation at the edges, titles before a name; an ORG running into a title and a
    name ("Joint Chiefs of Staff Admiral Mullen") ends before the title. A span that is
    only a title ("Majesty") is dropped."""
    doc = ent.doc
    s, e = _trim_edges(doc, ent.start, ent.end)
    if ent.label_ == "PERSON":
        while s < e and (gaz.title_at(doc, s) or (doc[s].pos_ == "NOUN" and e - s > 1)):
            s += gaz.title_at(doc, s) or 1     # "Historian Huw Lewis-Jones"
        if s < e and doc[s].text.lower() in ("his", "her"):
            return None
    else:
        for k in range(s + 1, e):
            if gaz.title_at(doc, k) and k + gaz.title_at(doc, k) < e:
                e = k
                break
    if s >= e or all(not t.is_alpha for t in doc[s:e]):
        return None
    if ent.label_ != "PERSON" and _not_a_name(doc, s, e, ent.label_, gaz, currency_nouns):
        return None
    for k in range(max(0, s - 3), s + 1):   # the span is only (the end of) a title
        if k + gaz.title_at(doc, k) >= e:
            return None
    return Span(doc, s, e, label=ent.label_)


def _not_a_name(doc: Doc, s: int, e: int, label: str, gaz: Gazetteer, currency_nouns: frozenset) -> bool:
    """A model span (not a person) that names a document type, a currency or a portfolio."""
    if fold(doc[s:e].text.lower()) in gaz.generic_names:
        return True
    if label in ("GPE", "NORP") and e < len(doc) and doc[e].lower_ in currency_nouns:
        return True         # "U.S. dollars" names a currency
    if s >= 2 and doc[s - 1].lower_ in ("of", "for") \
            and gaz.title_at(doc, s - 2) and all(t.lower_ in gaz.portfolio or t.lower_ in CONNECTORS
                                                 for t in doc[s:e]):
        return True         # "National Economy" of "Minister of National Economy"
    # "Insular" of "Secretary of Insular and International Affairs"
    return e - s == 1 and doc[s].lower_ in gaz.portfolio


def model_priority(span: Span, entries: dict) -> int:
    """A model name of a place, body or event that starts with a country, city or
    nationality and goes on in capitals ("Prague Castle", "Spanish Hall", "Fergana Valley") beats the
    gazetteer match of its first word (unless the gazetteer knows the whole span: "Hokkaido
    Prefecture")."""
    if span.label_ in ("FAC", "ORG", "EVENT", "LAW", "PRODUCT", "LOC") and (span.start, span.end) not in entries:
        for (s, e), entry in entries.items():
            if s == span.start and e < span.end and entry.label in ("GPE", "NORP") \
                    and all(t.is_title or t.is_upper for t in span.doc[e:span.end]):
                return 3
    return 1


def person_or_place(span: Span, entries: dict, gaz: Gazetteer) -> Span:
    """A one-word PERSON guess that is the object of a place preposition ('in', 'near')
    or of between/from/to after a route noun ('the railway between Tacheng and Ayagoz')
    is a place; so is a one-word ORG guess after a verb or noun of being somewhere
    ('met in Khiva', 'the plant in Kostanay')."""
    if span.label_ not in ("PERSON", "ORG") or len(span) != 1 or (span.start, span.end) in entries:
        return span
    tok = span[0]
    if span.label_ == "ORG" and (tok.is_upper or gaz.is_head(tok.text)):
        return span             # acronyms and institution words are organisations
    while tok.dep_ == "conj" and tok.head is not tok:
        tok = tok.head
    prep = tok.head
    if tok.dep_ != "pobj" or prep.pos_ != "ADP":
        return span
    near = prep.lower_ in ("in", "near", "at")
    route = prep.lower_ in ("between", "from", "to", "via")
    located = prep.head.lemma_.lower() in gaz.place_nouns
    # a person is never "in" somewhere's place; an organisation can be ("shares in
    # Gazprom"), so an ORG needs a located head ("met in Khiva", "a plant in Kostanay")
    if (span.label_ == "PERSON" and (near or (route and located))) or \
            (span.label_ == "ORG" and (near or route) and located):
        return Span(span.doc, span.start, span.end, label="GPE")
    return span


def dateline_places(doc: Doc, entries: dict, gaz: Gazetteer) -> list[Span]:
    """"ALMATY, May 5 (Kazinform) –", "TASHKENT. KAZINFORM –": a capitalised word
    opening a line and followed by a comma, full stop, bracket or dash is the
    dateline's place (names known to the gazetteer are matched there already)."""
    out = []
    text = text_of(doc)
    starts = doc.to_array(IDX).tolist()
    for line in LINE_START.finditer(text):
        k = bisect.bisect_left(starts, line.end())
        if k >= len(doc) or starts[k] != line.end():
            continue
        tok = doc[k]
        if not (tok.is_upper and tok.is_alpha and len(tok) >= 3) or tok.i + 1 >= len(doc):
            continue
        if doc[tok.i + 1].text not in (",", ".", "(", "-", "–", "—"):
            continue
        if any(s <= tok.i < e for s, e in entries) or gaz.is_head(tok.text):
            continue
        out.append(Span(doc, tok.i, tok.i + 1, label="GPE"))
    return out
