"""Parse helpers: reporting verbs and their subjects."""

from __future__ import annotations

from typing import Iterable, Optional

from spacy.tokens import Doc, Token

from .rules import SENT_END, SUBJ_DEPS, QuoteRules


def verb_lemma(tok: Token) -> str:
    lemma = tok.lemma_.lower()
    for child in tok.children:
        if child.dep_ == "prt":
            return f"{lemma} {child.lower_}"
    return lemma


def is_speech_verb(tok: Token, rules: QuoteRules) -> bool:
    if not tok.tag_.startswith("VB"):
        return False
    lemma = verb_lemma(tok)
    if lemma in rules.aspectual_verbs and any(c.dep_ == "xcomp" for c in tok.children):
        return False  # "will continue to support": aspect, not speech
    if lemma in rules.speech_verbs:
        return True
    base = lemma.split(" ")[0]
    return " " in lemma and lemma not in rules.non_speech_verbs and base in rules.speech_verbs


def subject_of(verb: Token) -> Optional[Token]:
    """The subject of a verb, climbing through xcomp/advcl/conj/pcomp ("was quoted as saying")."""
    t = verb
    for _ in range(5):
        subs = [c for c in t.children if c.dep_ in SUBJ_DEPS]
        if subs:  # the subject nearest the verb ("Washington - When …, President Obama announced")
            left = [c for c in subs if c.i < t.i]
            return max(left, key=lambda c: c.i) if left else subs[0]
        if t.dep_ in ("xcomp", "advcl", "conj", "pcomp", "prep", "acl") and t.head is not t:
            t = t.head
            continue
        break
    return None


def _small_number(tok: Token) -> Optional[int]:
    """"two" / "3" -> 2 / 3 (the count of a plural role noun), else None."""
    words = {"two": 2, "three": 3, "four": 4}
    if tok.lower_ in words:
        return words[tok.lower_]
    return int(tok.text) if tok.text.isdigit() and len(tok.text) == 1 else None


def _has_finite_verb(toks: Iterable[Token]) -> bool:
    return any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in toks)


def segment_breaks(doc: Doc) -> list[int]:
    """Prefix counts of sentence ends (. ! ? before a capitalised word, spaces skipped): entry i
    is the number of such ends among tokens [0, i). Built once per doc, in one pass, so that
    ``_segment_break`` is O(1) (a clause-by-clause scan made "X said that Y said that …" chains
    cubic)."""
    out = [0] * (len(doc) + 1)
    upper_next = False  # whether the next non-space token after position i starts upper-case
    flags = [False] * len(doc)
    for t in reversed(doc):
        flags[t.i] = t.text in SENT_END and upper_next and t.i + 1 < len(doc)
        if not t.is_space:
            upper_next = t.text[:1].isupper()
    for i, f in enumerate(flags):
        out[i + 1] = out[i] + f
    return out


def _segment_break(breaks: list[int], a: int, b: int) -> bool:
    """Whether a sentence end (. ! ? before a capitalised word) lies between tokens a and b
    (``breaks`` from ``segment_breaks``); the parser sometimes hangs a following sentence on a
    reporting verb."""
    lo, hi = min(a, b), max(a, b)
    return breaks[hi] - breaks[lo] > 0


def subtree(tok: Token) -> list[Token]:
    """``tok.subtree`` in text order, built by an explicit stack: spaCy's own generator nests one
    generator per level, quadratic on a deep chain ("X said that Y said that …")."""
    out, stack = [], [tok]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(t.children)
    out.sort(key=lambda t: t.i)
    return out


def name_phrase(tok: Token):
    """A proper name as written: tok with the proper-noun compounds before it ("Baltic Freight")."""
    doc, start = tok.doc, tok.i
    while start > 0:
        prev = doc[start - 1]
        if prev.dep_ == "compound" and prev.pos_ == "PROPN" and prev.head.i in range(start, tok.i + 1):
            start -= 1
        elif prev.text == "-" and not prev.whitespace_ and start > 1 and not doc[start - 2].whitespace_ \
                and doc[start - 2].pos_ == "PROPN":
            start -= 2  # a hyphenated name ("Sanwo-Olu")
        else:
            break
    return doc[start:tok.i + 1]
