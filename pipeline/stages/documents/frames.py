"""Signing frames: signing verbs and nouns of a sentence, their planned/negated status, the
objects they report (document names or a collective batch) and list lead-ins."""

from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Span

from ...core.text import alternation
from .grammar import RELATIVES, COORDINATORS, BE_AUX, DET_ALT
from .phrases import find_types


class FramesMixin:
    """Signing frames: signing verbs and nouns of a sentence, their planned/negated status, the
    objects they report (document names or a collective batch) and list lead-ins."""

    def is_planned(self, tok) -> bool:
        """Modal/infinitive/negation governing a signing verb, or a planned nominal signing."""
        lex = self.lex
        if tok.lower_ in lex.sign_nouns or (tok.i + 1 < len(self.doc) and self.doc[tok.i + 1].lower_ == "of"
                                            and tok.lower_.endswith("ing")):
            before = self.text[max(tok.sent.start_char, tok.idx - 40):tok.idx]
            after = self.text[tok.idx:tok.sent.end_char]
            return bool(lex.nominal_planned_re.search(before)) or bool(lex.cancelled_re.search(after))
        toks = [tok]
        if tok.dep_ == "conj" and tok.head.pos_ in ("VERB", "AUX"):
            toks.append(tok.head)
        for t in toks:
            for c in t.children:
                if c.dep_ in ("aux", "auxpass", "neg") and (c.lower_ in lex.modals or c.lower_ in lex.negations
                                                           or c.tag_ == "TO"):
                    return True
        # textual window: "expected to be signed", "will not sign", "yet to sign"
        i = tok.i - 1
        steps = 0
        while i >= tok.sent.start and steps < 5:
            w = self.doc[i]
            if w.is_punct or w.lower_ in COORDINATORS or w.lower_ in RELATIVES:
                break
            if w.lower_ in lex.modals or w.lower_ in lex.negations:
                # "to" before a non-base form ("to signed") plans nothing unless "to be signed"
                if not (w.lower_ == "to" and tok.lower_ not in lex.sign_base and not any(
                        self.doc[k].lower_ == "be" for k in range(i + 1, tok.i))):
                    return True
            if w.pos_ in ("VERB",) and w.lower_ not in BE_AUX and steps > 0:
                break
            i -= 1
            steps += 1
        return False

    def signing_tokens(self, sent: Span):
        lex, lowers, words, n = self.lex, self.lowers, self.signing_words, len(self.doc)
        for i in range(sent.start, sent.end):
            low = lowers[i]
            if low not in words:  # no branch below can hold (the view's per-doc word columns)
                continue
            tok = self.doc[i]
            if low in lex.sign_nouns and i + 1 < n and lowers[i + 1] == "of":
                yield tok, "nominal"
            elif low in lex.sign_forms:
                if lex.sign_forms[low] in lex.verb_only and tok.pos_ != "VERB" and not self.verb_slot(tok):
                    continue
                if i + 1 < n and lowers[i + 1] == "of" and low.endswith("ing"):
                    yield tok, "nominal"
                    continue
                yield tok, "verb"
            elif low in lex.entry_verbs and tok.pos_ == "VERB" and self.particle(tok) is not None \
                    and any(self.objects(tok, "verb", sent)):
                yield tok, "verb"  # "A entered into an agreement with B", never "entered into force"
            elif low in lex.particle_verbs and tok.pos_ == "VERB" and self.particle(tok) is not None \
                    and any(self.sents[ev["sent"]].end_char <= sent.start_char for ev in self.found.events):
                yield tok, "verb"  # "A and B agreed on a roadmap" after a signing

    def particle(self, tok):
        """The particle token after a particle verb ("agreed on"), else None."""
        nxt = self.doc[tok.i + 1] if tok.i + 1 < len(self.doc) else None
        allowed = self.lex.particle_verbs.get(tok.lower_) or self.lex.entry_verbs.get(tok.lower_, ())
        return nxt if nxt is not None and nxt.lower_ in allowed else None

    def verb_slot(self, tok) -> bool:
        """Is a verb-only signing word the tagger took for a noun in a verb's place: lowercase,
        after a name ("China, Kazakhstan ink 30 deals", "Turkmenistan, Iran ink gas swap deal"),
        outside any entity, and followed by a document noun phrase or an amount?"""
        if not tok.text.islower() or tok.i == 0 or any(m["start"] <= tok.idx < m["end"] for m in self.ents.mentions):
            return False
        prev = self.doc[tok.i - 1]
        if prev.pos_ not in ("PROPN", "PRON") and not any(m["end"] == prev.idx + len(prev.text) for m in self.ents.mentions):
            return False
        after = tok.idx + len(tok.text)
        limit = tok.sent.end_char
        types = find_types(self.text, self.lex, after, limit)
        cm = self.lex.collective_re.search(self.text, after, limit)
        money = next((m for m in self.money if m.get("start") is not None and after <= m["start"] <= after + 1), None)
        return money is not None or any(self._np_chars(after, x) for x in
                                        [t["start"] for t in types[:1]] + ([cm.start()] if cm else []))

    def objects(self, tok, kind: str, sent: Span) -> tuple[list[dict], Optional[tuple[int, int]]]:
        """The documents a signing token reports (type matches), or the span of a collective
        object ("a set of documents", "24 agreements")."""
        text = self.text
        limit = sent.end_char
        after = tok.idx + len(tok.text)
        if kind == "verb" and self.particle(tok) is not None:
            after = self.particle(tok).idx + len(self.particle(tok).text)  # "agreed on | a roadmap"
        found: list[dict] = []
        collective = None
        if kind == "nominal":
            of = self.doc[tok.i + 1]
            types = find_types(text, self.lex, of.idx + 2, limit)
            cm = self.lex.collective_re.search(text, of.idx + 2, limit)
            if cm and self._np_chars(of.idx + 2, cm.start()) and not (types and types[0]["start"] < cm.start()):
                # "the signing of 12 cooperation documents, including an agreement on X": the batch
                collective = (of.idx + 2, cm.end())
            elif types and self._np_chars(of.idx + 2, types[0]["start"]):
                found = [types[0]]
        else:
            types = find_types(text, self.lex, after, limit)
            cm = self.lex.collective_re.search(text, after, limit)
            first_t = types[0] if types else None
            if cm and self._np_chars(after, cm.start()) and (first_t is None or cm.start() < first_t["start"]):
                collective = (after, cm.end())
            elif first_t and self._np_chars(after, first_t["start"]):
                found = [first_t]
                # coordinated documents: "an agreement on X and a memorandum on Y"
                for t in types[1:]:
                    prev = found[-1]
                    gap = text[prev["end"]:t["start"]]
                    j = re.search(rf"(?:,|;|\b(?i:{self.lex.link_alt})\b)\s*(?:(?:{DET_ALT})\s+)?(?:[\w’'-]+\s+){{0,4}}$", gap)
                    if j and not re.search(rf"\b(?:{alternation(RELATIVES)}|was|were|is|are|has|have|had)\b", gap) \
                            and self._np_chars(prev["end"] + j.end(), t["start"]) \
                            and self._coordinated(prev["end"], t["start"]):
                        found.append(t)
            if not found and collective is None and self.lex.sign_forms.get(tok.lower_) == "exchange":
                forms = "|".join(re.escape(f) for f in sorted(self.lex.exchange_objects, key=len, reverse=True))
                xm = re.match(rf"\s+(?:(?:the|official|their)\s+)?({forms})\b", text[after:limit], re.I) if forms else None
                if xm:
                    found = [{"start": after + xm.start(1), "end": after + xm.end(1), "form": xm.group(1),
                              "doc_type": self.lex.exchange_objects[xm.group(1).lower()], "plural": False,
                              "anaphoric": False}]
            if not found and collective is None:
                collective = self.amount_object(after, limit)
            if not found and collective is None and tok.lower_ not in self.lex.entry_verbs:
                found, collective = self.passive_subject(tok, sent)  # never "the treaty entered into force"
        if found and found[0]["plural"] and collective is None:
            collective = (after if found[0]["start"] > tok.idx else self.np_start(found[0]["start"], sent.start_char),
                          found[0]["end"])
            found = []
        return found, collective

    def amount_object(self, after: int, limit: int) -> Optional[tuple[int, int]]:
        """"signed €76 million in grants", "sign $2 billion of loans": an amount as the object of
        a signing verb names documents signed as a batch (a signing row with its value, no count)."""
        money = next((m for m in self.money if m.get("start") is not None and m.get("amount") is not None
                      and after <= m["start"] <= after + 1 + len(self.text[after:m["start"]]) - len(self.text[after:m["start"]].lstrip())
                      and not self.text[after:m["start"]].strip(" ")), None)
        if money is None or money["end"] > limit:
            return None
        tail = re.match(r"\s+(?:in|of|worth\s+of)\s+(?:[\w’'-]+\s+){0,2}?(?:" + self.lex.collective_re.pattern
                        + r"|(?:" + alternation(f for f, v in self.lex.type_of.items() if v[1]) + r")\b)", self.text[money["end"]:limit], re.I)
        end = money["end"] + tail.end() if tail else money["end"]
        if not tail and not re.match(r"\s*(?:[,.;]|$|\s(?:in|at|on|with|during|for|to|from)\s)", self.text[end:limit] or ""):
            return None
        return after, end

    def collective_signing(self, sent: Span) -> bool:
        for tok, kind in self.signing_tokens(sent):
            if not self.is_planned(tok) and self.objects(tok, kind, sent)[1] is not None:
                return True
        return False

    def lead_in(self, sent: Span) -> Optional[int]:
        """The offset of the colon closing a signing lead-in in ``sent``, else None."""
        text = self.sent_text(sent)
        for m in re.finditer(r":", text):
            head = text[:m.start()]
            if not head.strip():
                continue
            colon = sent.start_char + m.start()
            types = find_types(head, self.lex)
            plural = any(t["plural"] for t in types) or bool(self.lex.collective_re.search(head))
            cue = bool(self.lex.lead_cues_re.search(head))
            verbs = [(t, k) for t, k in self.signing_tokens(sent) if t.idx < colon]
            live = [t for t, k in verbs if not self.is_planned(t)]
            if verbs and not live:
                return None
            if not live and any(p.search(head) for p in self.lex.unsigned_res):
                return None  # "The draft documents are as follows:": not signed
            if (live and (plural or cue)) or (plural and self.lex.lead_alone_re.search(head)):
                return colon
        return None

    def back_reference(self, sent: Span) -> Optional[re.Match]:
        """An opening that presents what follows as one of the documents of an earlier signing
        ("The largest of the deals is", "Among them are", "Another agreement", ranking_openers.txt)."""
        t = self.sent_text(sent)
        lead = len(t) - len(t.lstrip())
        am = self.lex.adverb_re.match(t, lead)
        for start in ((lead, am.end()) if am else (lead,)):
            for p in self.lex.ranking_res:
                m = p.match(t, start)
                if m:
                    return m
        return None
