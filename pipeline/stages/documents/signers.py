"""Signers: the sides of a signing frame (the verb's subject, "signed by", "between"), the
side a document is signed for, and the sides inherited from the signing occasion."""

from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Span

from ...core.extensions import records
from ...core.text import alternation, fold
from .grammar import BE_AUX, FINITE_TAGS, RELATIVES, run_start
from .phrases import trim_span, find_types


class SignersMixin:
    """Signers: the sides of a signing frame (the verb's subject, "signed by", "between"), the
    side a document is signed for, and the sides inherited from the signing occasion."""

    def between_cut(self, ss: int, se: int, pos: int) -> Optional[tuple[list, int]]:
        """A between-phrase of names ending the subject text[ss:se] ("cooperation between the
        Chamber of Commerce and Industry of A and the Chamber of Commerce and Industry of B"):
        (its parties, the subject's new end), else None (a relational noun keeps it: "diplomatic
        relations between A and B", and so does a route: "the railway between Andijan and Osh")."""
        text = self.text
        tm = re.search(run_start(r"\s+between\s+(.+)$"), text[ss:se])
        if not tm:
            return None
        zs, ze = ss + tm.start(1), se
        zone = text[zs:ze]
        for p in self.lex.subject_trails:
            zone = p.sub("", zone)  # "between A and B for 2024-2028": the period is no side
        ze = zs + len(zone.rstrip())
        relational = re.search(r"(?:^|\s)(?:" + "|".join(map(re.escape, self.lex.relational)) + r")$",
                               text[ss:ss + tm.start()].lower())
        sides = [] if relational else self.parties_from_zone(zs, ze, pos=pos)
        if len(sides) >= 2 and self.named_sides(zs, ze):
            return sides, ss + tm.start()
        return None

    def behalf_of(self, s: int, end: int) -> bool:
        """Does text[s:end] (right after "for") name a side the document is signed for ("signed
        the Memorandum for the United States and ...", "for the Government of X", "for the Kazakh
        side") rather than what it is for ("for the avoidance of double taxation", "for
        Kazakhstan's accession")? The side must be followed by the end of the description, a
        comma, "and" or a verb."""
        text = self.text
        seg = fold(text[s:end])
        lead = re.match(r"(?:the\s+)?", seg, re.I).end()
        stop = rf"(?=\s*$|\s*[,;.]|\s+(?:and|as well as|while|{alternation(RELATIVES)})\b|\s+{self.lex.sign_past_re.pattern})"
        # a country name, alias or adjective + "side(s)"
        m = self.lex.country_re.match(seg, lead)
        if m:
            rest = seg[m.end():]
            if self.lex.is_country_name(m.group(0)) and re.match(stop, rest):
                return True
            if re.match(self.lex.side_re.pattern + stop, rest, re.I):
                return True
        # an institution "<Head> of <...>" or a named entity ending at a boundary
        im = self.lex.institution_re.match(seg, lead)
        if im and re.match(r"\s+of\s+", seg[im.end():]):
            return True
        for e in self.ents.overlapping(s, end):
            if e["label"] in ("GPE", "ORG", "NORP") and e["start"] <= s + lead + 1:
                if re.match(stop, fold(text[e["end"]:end])):
                    return True
        # a capitalised name that the article names elsewhere as a place or organisation
        nm = re.match(r"[A-Z][\w'-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w'-]*){0,5}" + stop, seg[lead:])
        if nm:
            name = nm.group(0)
            for e in self.ents.mentions:
                if e["label"] in ("GPE", "ORG", "NORP") and not (s <= e["start"] < end) and \
                        re.search(rf"(?<!\w){re.escape(name)}(?!\w)", fold(e["text"])):
                    return True
        return False

    def subject_span(self, verb) -> Optional[tuple[int, int]]:
        v = verb
        own = [c for c in v.children if c.dep_ == "nsubj"]
        if v.dep_ == "conj" and v.head.pos_ in ("NOUN", "PROPN") and v.head.i < v.i and own and \
                own[0].left_edge.i > 0 and self.doc[own[0].left_edge.i - 1].lower_ in ("and", "&"):
            # "A (X) and B signed ...", parsed as A + conj(signed) with B its only subject:
            # the subject is everything from A to the verb
            s, last = v.head.left_edge.idx, self.doc[v.i - 1]
            if last.idx >= s and v.head.left_edge.sent == v.sent:
                return s, last.idx + len(last.text)
        for _ in range(3):
            subj = [c for c in v.children if c.dep_ in ("nsubj",)]
            if subj:
                before = [x for x in subj if x.i < v.i]
                if len(before) > 1:
                    # two subjects parsed side by side ("A's X and Uzbek utility B signed"): both
                    a, b = min(x.left_edge.i for x in before), max(x.right_edge.i for x in before)
                    return self.doc[a].idx, self.doc[b].idx + len(self.doc[b].text)
                sub = subj[-1] if subj[-1].i < v.i else subj[0]
                toks = list(sub.subtree)
                s, e = toks[0].idx, toks[-1].idx + len(toks[-1].text)
                return s, e
            if v.dep_ in ("conj", "xcomp", "advcl") and v.head is not v:
                v = v.head
            else:
                break
        return None

    def agent_span(self, after: int, limit: int, word: str = "by") -> Optional[tuple[int, int]]:
        """The signers after ``word`` ("signed by A and B", "was signed on Tuesday between A and B")."""
        m = re.match(rf"[^.;]{{0,60}}?\b{word}\s+", self.text[after:limit])
        if not m:
            return None
        s = after + m.end()
        seg = self.text[s:limit]
        # the agent ends at punctuation, a circumstance/relative word or "and" + a finite verb
        ends = run_start(r"\s*") + r"(?:,|;|(?<![A-Z])\.(?:\s|$)|\s(?:" + alternation(self.lex.agent_stops)
        clause = r"|and\s+(?:the\s+)?(?:" + alternation({f for f in self.lex.sign_forms if f.endswith("ed")} | {"was", "were", "is", "are"}) + ")"
        stops = list(re.finditer(ends + clause + r")\s)", seg))
        k = 0
        while k < len(stops) and seg[stops[k].start():stops[k].end()].strip() == ",":
            # "by A, the national operator, and B": a descriptor between commas, and the list goes on
            am = re.match(r"\s*,\s*([^,;]{2,80}?)\s*,\s*(?:and\s+)?(?=\S)", seg[stops[k].start():])
            if not (am and self.appositive(s + stops[k].start() + am.start(1), s + stops[k].start() + am.end(1))):
                break
            skip_to = stops[k].start() + am.end()
            k = next((n for n in range(k + 1, len(stops)) if stops[n].start() >= skip_to), len(stops))
        stop = stops[k] if k < len(stops) else None
        e = s + (stop.start() if stop else len(seg))
        protected = self.protected(s, e)
        # do not stop inside an entity ("Chief of Defense")
        while stop and any(a < e < b for a, b in protected):
            nxt = re.search(ends + r")\s)", seg[e - s + 1:])
            e = (e + 1 + nxt.start()) if nxt else s + len(seg)
            if not nxt:
                break
        return trim_span(self.text, s, e)

    def tidy_subject(self, span: tuple[int, int], sent: Span) -> tuple[int, int]:
        """A signing verb's subject without a dateline ("TASHKENT, March 4 (Kazinform) - A and B
        signed") and with the names a headline lists before it ("A, B sign 20 documents")."""
        s, e = span
        text = self.text
        dash = list(re.finditer(r"\s[-–—]+\s", text[sent.start_char:e]))
        if dash and sent.start_char + dash[-1].start() < sent.start_char + 80:
            s = max(s, sent.start_char + dash[-1].end())
        # "Separately, X and Y signed": a sentence adverb is no signer
        am = self.lex.adverb_re.match(text[s:e])
        if am and s + am.end() < e:
            s += am.end()
        head = text[sent.start_char:s]
        first = self.tok_from(sent.start_char)
        if first is not None and (first.pos_ == "ADP" or first.like_num) or \
                any(sent.start_char <= d["start"] < s for d in records(self.doc, "dates")):
            head = ""  # "On Monday, A and B signed": a time adjunct, not names
        if s > sent.start_char and head and re.fullmatch(r"\s*(?:[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,4},\s*)+", head):
            s = sent.start_char + len(head) - len(head.lstrip())
        return s, e

    def signers(self, verb, kind: str, mention_end: int, sent: Span) -> list[dict]:
        if kind == "verb" and not (verb.tag_ == "VBN" and any(c.dep_ in ("auxpass",) for c in verb.children)):
            span = self.subject_span(verb)
            if span and span[1] <= verb.idx:
                span = self.tidy_subject(span, sent)
                sides = self.parties_from_zone(*span, pos=span[0])
                if sides:
                    return sides
        ag = self.agent_span(verb.idx + len(verb.text) if kind != "nominal" else mention_end, sent.end_char)
        if ag is None and kind != "nominal":
            ag = self.agent_span(mention_end, sent.end_char)
        if ag is None:
            # "A memorandum was signed on Tuesday between A and B"
            ag = self.agent_span(max(mention_end, verb.idx + len(verb.text)), sent.end_char, "between")
            if ag and find_types(self.text, self.lex, verb.idx, ag[0]) and mention_end <= verb.idx:
                ag = None  # the between-phrase of another document name
        if ag and ag[1] > ag[0]:
            return self.parties_from_zone(*ag, pos=ag[0])
        return []

    def passive_subject(self, tok, sent: Span) -> tuple[list, Optional[tuple[int, int]]]:
        """Documents that are the passive subject of ``tok`` ("An agreement was signed",
        "..., which was signed by ...") or the subject of a sentence opened by a participle."""
        text = self.text
        # "Signed today by A and B, this landmark agreement ..."
        first = next((t for t in sent if not t.is_space and not t.is_punct), None)
        if first is not None and first.i == tok.i and tok.lower_.endswith("ed"):
            comma = text.find(",", tok.idx, sent.end_char)
            if comma != -1:
                types = find_types(text, self.lex, comma, sent.end_char)
                if types and self._np_chars(comma + 1, types[0]["start"]):
                    return [types[0]], None
        # an active verb with a subject of its own ("... and Minister X signed for Y") has no
        # passive subject: the document before it belongs to another clause
        # ("the agreement which/that Kazakhstan signed" is a relative clause: it stays)
        subj = [c for c in tok.children if c.dep_ == "nsubj"]
        if tok.pos_ == "VERB" and tok.dep_ not in ("relcl", "acl") and subj \
                and not any(c.dep_ in ("auxpass", "nsubjpass") or c.lower_ in RELATIVES for c in tok.children) \
                and not self.reduced_relative(tok, subj):
            return [], None
        before = find_types(text, self.lex, sent.start_char, tok.idx)
        colls = list(self.lex.collective_re.finditer(text, sent.start_char, tok.idx))
        cands = [("t", t["start"], t["end"], t) for t in before] + [("c", m.start(), m.end(), None) for m in colls]
        if not cands:
            return [], None
        kind, s, e, t = max(cands, key=lambda c: c[2])
        # nothing but the description (no finite verb) between the noun and the verb
        ta, tb = self.tok_from(e), tok
        if ta is None:
            return [], None
        aux_ok = False
        for k in range(ta.i, tb.i):
            w = self.doc[k]
            if w.tag_ in FINITE_TAGS and w.lower_ not in BE_AUX and w.lower_ not in RELATIVES:
                return [], None
            if w.lower_ in BE_AUX:
                aux_ok = True
        reduced = tok.tag_ == "VBN" or tok.lower_.endswith("ed")
        if not (aux_ok or reduced):
            return [], None
        if kind == "c" or (t and t["plural"]):
            np_s = self.np_start(s, sent.start_char)
            return [], (np_s, e)
        return [t], None

    def reduced_relative(self, tok, subj: list) -> bool:
        """"the 1998 Treaty on X between A and B signed in Bishkek", parsed as an active verb
        whose subject is the document: no object, the subject a (singular) document name right
        before it, and the verb not sentence-initial's finite head of its own clause."""
        if any(c.dep_ in ("dobj", "obj", "attr") for c in tok.children) or tok.dep_ == "ROOT":
            return False
        head = subj[-1]
        t = find_types(self.text, self.lex, head.idx, head.idx + len(head.text))
        return bool(t) and not t[0]["plural"] and head.i < tok.i

    def sides_of(self, tok, sent: Span, mention_end: int) -> list[dict]:
        """The signing sides of a signing token, else the sides the context names (two or more)."""
        parties = self.signers(tok, "verb", mention_end, sent) if tok is not None else []
        if not parties:
            sides = self.context_sides(sent.start_char)
            parties = sides if len(sides) >= 2 else []
        return parties

    def event_sides(self, i: int, sent: Span) -> list[dict]:
        """The sides of the latest signing before sentence ``i`` (its row's or records'
        parties), else the sides the context names."""
        for ev in sorted(self.found.events, key=lambda x: -x["sent"]):
            if ev["sent"] < i and ev.get("parties"):
                return [dict(p) for p in ev["parties"]]
        sides = self.context_sides(sent.start_char)
        return sides if len(sides) >= 2 else []

    def main_sides(self, i: int) -> list[dict]:
        """The sides of the article's main relationship before sentence ``i``: the parties of its
        main (first dated) signing, else of its first signing naming two or more."""
        sides = lambda ev: ev["parties"] if len(ev["parties"]) >= 2 else ev["doc_parties"]
        main = self.main_event(i)
        if main is not None and len(sides(main)) >= 2:
            return [dict(p) for p in sides(main)]
        for ev in sorted(self.found.events, key=lambda x: x["sent"]):
            if ev["sent"] < i and len(sides(ev)) >= 2 and self.sents[ev["sent"]].start_char >= self.title_end:
                return [dict(p) for p in sides(ev)]
        return []

    def unnamed_sides(self, i: int, sent: Span, passing: bool) -> list[dict]:
        """The parties of a document that names none and has no signer ("It will replace the
        Partnership and Cooperation Agreement, which was signed in Florence in 1996"): for a
        document mentioned in passing (signed at another time than the article's main event, or
        marked earlier) the article's main relationship, not countries that merely appear in
        nearby sentences; otherwise the sides the context names, else the main relationship."""
        main = self.main_sides(i)
        if passing and main:
            return main
        sides = self.context_sides(sent.start_char)
        return sides if len(sides) >= 2 else main
