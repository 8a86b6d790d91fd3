"""Merge: a later mention of a recorded document (definite, same title, headline) fills in
its record instead of adding one; the final ordering and fallbacks."""

from __future__ import annotations

import re
from typing import Optional

from ...core.text import alternation, fold
from .grammar import DETERMINERS, INDEFINITE, PARTY_KINDS, DET_ALT
from .lexicon import Lexicon
from .findings import Mention


class MergeMixin:
    """Merge: a later mention of a recorded document (definite, same title, headline) fills in
    its record instead of adding one; the final ordering and fallbacks."""

    def compatible(self, a: Mention, m: Mention) -> bool:
        if a.doc_type != m.doc_type:
            like = self.lex.agreement_like
            if not (m.anaphoric and a.doc_type in like and m.doc_type in like):
                return False
        if m.subject and a.subject and not _similar(a.subject, m.subject):
            return False
        if m.subject and not a.subject and not m.headline:
            return False
        if m.proper and a.proper and m.title and a.title and m.definite:
            if not _similar(_name_part(a.title, self.lex), _name_part(m.title, self.lex)):
                return False
        if m.signed_date and a.signed_date and m.signed_date[:4] != a.signed_date[:4]:
            return False
        # a name of its own ("the 1987 Border Treaty") is another document
        mods = re.findall(r"[A-Z][\w’'-]*", self.text[m.start:m.type_start])
        mods = [w for w in mods if w.lower() not in DETERMINERS and w.lower() != "new"]
        if mods and not all(w.lower() in fold(a.title or "").lower() for w in mods):
            return False
        ca = {p.get("country") for p in a.parties if p.get("country")}
        cm = {p.get("country") for p in m.parties if p.get("country")}
        if ca and cm and not cm <= ca:
            return False
        return True

    def add_mention(self, m: Mention) -> None:
        if m.headline:
            self.found.records.append(m)  # resolved in finish()
            return
        indefinite = re.match(rf"(?:{alternation(INDEFINITE)})\s", self.text[m.start:m.type_start], re.I)
        if (m.definite or (m.proper and m.title)) and not indefinite:
            for a in reversed(self.found.records):
                if a.headline or a.start >= m.start:
                    continue
                same_name = _norm_title(a.title) == _norm_title(m.title)
                if self.compatible(a, m) and (m.definite or same_name):
                    _fill(a, m)
                    return
        self.found.records.append(m)

    def finish(self) -> None:
        body = [r for r in self.found.records if not r.headline]
        heads = [r for r in self.found.records if r.headline]
        for h in heads:
            target = next((a for a in body if self.compatible(a, h) or
                           (a.doc_type == h.doc_type and not h.subject)), None)
            if target is not None:
                _fill(target, h)
            else:
                body.append(h)
        body.sort(key=lambda r: r.start)
        self.found.records = self.repeated(body)
        body = self.found.records
        for r in body:
            if r.subject is None:
                r.subject = self.fallback_subject(r)
            if r.signed_place is None:
                r.signed_place = self.later_place(r)
        sbody = list(self.found.signings)
        day = self.dateline_date() or self.published
        first = next((ev for ev in sorted(self.found.events, key=lambda x: x["sent"]) if ev["date"]), None)
        for r in sbody:
            if r.pop("headline", None) and first is not None and r["signed_date"] is None:
                # a headline ("A, B sign 15 documents") sums up the body's first dated signing
                r["signed_date"] = first["date"]
                r["signed_place"] = r["signed_place"] or first["place"]
            if r["signed_place"] is None and r["signed_date"] and r["signed_date"] == day:
                r["signed_place"] = self.default_place()  # signed on the day of the dateline
        self.found.signings = sorted(sbody, key=lambda r: r["start"])


    def repeated(self, body: list) -> list:
        """``body`` without a document named twice with the same type and the same subject words
        (a quote and a list item after it, a summary and its list): the later mention fills in
        the first. Deal-list items and conjunct records are never merged; "number 5" and "number
        6" are two subjects."""
        out: list = []
        first: dict = {}
        for r in body:
            key = (r.doc_type, _subject_words(r.subject)) if r.subject and not r.deal else None
            a = first.get(key) if key and key[1] else None
            if a is not None and self.compatible(a, r):
                _fill(a, r)
                continue
            out.append(r)
            if key and key[1] and key not in first:
                first[key] = r
        return out


def _subject_words(subject: str) -> frozenset:
    """The words of a subject, without determiners."""
    return frozenset(w for w in re.findall(r"\w+", fold(subject).lower()) if w not in DETERMINERS)


def _name_part(title: str, lex: Lexicon) -> str:
    """A title up to its parties or subject ("Agreement on X" -> "Agreement")."""
    m = re.search(rf"\s(?:{alternation(PARTY_KINDS + tuple(lex.subject_markers))})\s", title)
    return title[:m.start()] if m else title


def _norm_title(t: Optional[str]) -> str:
    t = re.sub(rf"^(?:(?:{DET_ALT}|new)\s+)+", "", fold(t or "").lower())
    return " ".join(t.split())


def _similar(a: str, b: str) -> bool:
    ta = set(re.findall(r"\w+", fold(a).lower()))
    tb = set(re.findall(r"\w+", fold(b).lower()))
    if not ta or not tb:
        return False
    common = len(ta & tb)
    return common / min(len(ta), len(tb)) >= 0.6


def _fill(a: Mention, m: Mention) -> None:
    """Merge a later mention of the same document into its record (missing fields only)."""
    for attr in ("subject", "signed_date", "signed_place", "value_money_id"):
        if getattr(a, attr) is None and getattr(m, attr) is not None:
            setattr(a, attr, getattr(m, attr))
    if not a.parties and m.parties:
        a.parties = m.parties
    elif m.parties and len(m.parties) > len(a.parties) and not a.explicit_parties:
        a.parties = m.parties
    if (not a.proper) and m.proper and not m.headline:
        a.title = m.title


def clean_subject(subject: Optional[str], lex: Lexicon) -> Optional[str]:
    """A subject without its trails (``subject_trails.txt``), its leads (``subject_leads.txt``) and without a dangling function
    word (``dangling_words.txt``) or punctuation at its end ("... assistance to")."""
    if not subject:
        return subject
    out = subject
    for p in lex.subject_trails:
        out = p.sub("", out)
    for p in lex.subject_leads:
        out = p.sub("", out, count=1)
    if lex.dangling:
        out = re.sub(rf"(?:[\s,;:]+(?:{alternation(lex.dangling)}))+[\s,;:.]*$", "", out)
    return out.strip(" ,;:") or None
