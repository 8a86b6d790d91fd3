"""The inline pass: documents reported by a signing verb or noun in running text, collective
signings (signings rows), and documents presented as part of an earlier signing."""

from __future__ import annotations

from typing import Optional

import re

from spacy.tokens import Span

from ...core.extensions import records
from .grammar import FINITE_TAGS, OCCASION_WINDOW
from .phrases import count_of, find_types


class InlineMixin:
    """The inline pass: documents reported by a signing verb or noun in running text, collective
    signings (signings rows), and documents presented as part of an earlier signing."""

    def inline(self, i: int, sent: Span) -> None:
        text = self.text
        headline = sent.start_char < self.title_end
        if self.sent_text(sent).rstrip().endswith("?"):
            return  # a question reports no signing ("What kind of agreements have they signed?")
        used: set = set()  # document names of this sentence already recorded (one record per mention)
        for tok, kind in self.signing_tokens(sent):
            if any(a <= tok.idx < b for a, b in self.found.consumed):
                continue
            if self.is_planned(tok):
                continue
            limit = sent.end_char
            found, collective = self.objects(tok, kind, sent)
            if collective is not None:
                np_s = self.np_start(collective[0], sent.start_char) if collective[0] < tok.idx else collective[0]
                if self.lex.neg_det_re.match(text[np_s:collective[1]]):
                    continue  # "No agreements were signed"
                row = self.add_signing(i, sent, tok, kind, collective)
                before = len(self.found.records)
                if not self.deal_list(i, sent, tok, kind, collective) \
                        and not self.with_list(i, sent, tok, kind, collective) \
                        and not self.between_pairs(i, sent, tok, kind, collective):
                    self.coordinated_subjects(i, sent, tok, kind, collective)
                nl = self.text.find("\n", tok.idx, sent.end_char)
                line_end = sent.end_char if nl == -1 else nl  # list items on the lines below are not this line
                if row is not None and self.inclusion_zone(collective, sent) is None \
                        and any(sent.start_char <= r.start < line_end for r in self.found.records[before:]):
                    # the sentence names its documents one by one as records: no collective row
                    # (guidelines, signings.csv: "without naming the documents one by one")
                    self.found.signings.remove(row)
                for t in self.included(tok, collective[1], sent):
                    used.add(t["start"])
                continue
            for n, t in enumerate(found):
                if t["plural"] or t["start"] in used:
                    continue
                used.add(t["start"])
                np_s = self.np_start(t["start"], sent.start_char)
                if self.lex.neg_det_re.match(text[np_s:t["end"]]):
                    continue  # "No agreement was signed", "signed no contract"
                nxt = found[n + 1]["start"] if n + 1 < len(found) else None
                m = self.mention_from(t, limit, self._coord_start(nxt) if nxt else None, i)
                m.headline = headline
                if not m.explicit_parties or m.parties == [] or m.with_side:
                    signers = self.signers(tok, kind, m.end, sent)
                    if m.with_subject and len(signers) >= 2:
                        # "A and B signed an agreement on trade with China": China is what the trade is with
                        m.subject, m.parties = m.with_subject, signers
                    elif m.explicit_parties and m.with_side:
                        m.parties = signers + [p for p in m.parties if p.get("country") not in
                                               {q.get("country") for q in signers} or not p.get("country")]
                    elif not m.explicit_parties:
                        m.parties = signers
                subj = (m.type_end, m.end)
                m.signed_date = self.signed_date(i, exclude=subj, near=tok.idx, tok=tok)
                if m.signed_date is None and kind == "verb" and self.perfect(tok):
                    m.signed_date = self.dateline_date()
                m.signed_place = self.sentence_place(sent)
                if not headline:
                    earlier = self.earlier_marked(sent, tok)
                    m.signed_date, m.signed_place = self.same_occasion(i, m.signed_date, m.signed_place,
                                                                       self.back_reference(sent) is not None, earlier)
                    m.passing = earlier or self.other_time(i, m.signed_date)
                if not m.parties:
                    m.parties = self.unnamed_sides(i, sent, m.passing)
                if not headline:
                    self.note_event(i, m.signed_date, m.signed_place, doc_parties=[p for p in m.parties if p.get("party")])
                self.add_mention(m)

    def context_documents(self, i: int, sent: Span) -> None:
        """Documents named without a signing verb in a sentence that presents them as part of
        an earlier signing ("The sides signed 15 agreements. The largest of the deals is a $1.1
        billion contract between A and B for C."; "Another agreement, between A and B, provides
        for ..."): records with the earlier signing's date and place."""
        if sent.start_char < self.title_end or self.sent_text(sent).rstrip().endswith("?"):
            return
        if self.found.record_starts.any_in(self.found.records, sent.start_char, sent.end_char) or \
                self.found.signing_starts.any_in(self.found.signings, sent.start_char, sent.end_char):
            return
        if not any(ev["sent"] < i for ev in self.found.events):
            return
        m = self.back_reference(sent)
        if m is None:
            self.provision_document(i, sent)
            return
        if any(t.lower_ in self.lex.negations or (t.lower_ in self.lex.modals and t.tag_ == "MD") for t in sent) \
                or any(p.search(self.sent_text(sent)) for p in self.lex.unsigned_res):
            return  # "Another agreement would follow", "... is being negotiated": not (yet) signed
        zone_s = sent.start_char + m.start()
        subject_position = re.match(r"(?i:another|a\s+further|a\s+second|a\s+third|one\s+more|a\s+separate)\b",
                                    self.sent_text(sent)[m.start():]) is not None
        if not subject_position:
            zone_s = sent.start_char + m.end()
        # a document in subject position needs a verb stating its content ("Another agreement provides for")
        if not self.named_documents(zone_s, sent, None, linked=True, need_content=subject_position) \
                and not subject_position:
            self.listed_deals(i, sent, zone_s)  # "They include $1.2 billion with A for X, ..."

    def provision_document(self, i: int, sent: Span) -> None:
        """A new document introduced by what it provides after a signing ("Under another deal,
        ACWA Power will build ...", "Under a third document, a memorandum between A and B, the two
        will ...": provision_openers.txt): the document named up to the last comma before the
        sentence's first finite verb is a record with its own parties, else the signing's sides,
        and the signing's date and place. The main clause's modal is the document's obligation,
        not a planned signing; a negation or an unsigned cue inside the opening gives nothing."""
        t = self.sent_text(sent)
        lead = len(t) - len(t.lstrip())
        am = self.lex.adverb_re.match(t, lead)
        m = next((pm for start in ((lead, am.end()) if am else (lead,)) for p in self.lex.provision_res
                  for pm in [p.match(t, start)] if pm), None)
        if m is None:
            return
        zone_s = sent.start_char + m.end()
        fin = next((x for x in sent if x.idx >= zone_s and x.tag_ in FINITE_TAGS), None)
        if fin is None:
            return
        comma = self.text.rfind(",", zone_s, fin.idx)
        if comma == -1:
            return
        opening = self.text[zone_s:comma]
        if any(w.lower() in self.lex.negations for w in re.findall(r"[\w’'-]+", opening)) \
                or any(p.search(opening) for p in self.lex.unsigned_res):
            return
        self.named_documents(zone_s, sent, None, linked=True, zone_e=comma)

    def coordinated_batch_start(self, np_s: int, floor: int) -> int:
        """Where a batch subject starts when two plural heads share its count ("A further 11
        interdepartmental documents and commercial agreements ... were signed"): the first
        conjunct's start when it is itself a collective noun phrase, else ``np_s``."""
        back = self._coord_start(np_s)
        if back >= np_s or back <= floor:
            return np_s
        first = self.np_start(back, floor)
        heads = [cm.end() for cm in self.lex.collective_re.finditer(self.text, first, back)]
        heads += [t["end"] for t in find_types(self.text, self.lex, first, back) if t["plural"]]
        if first < back and any(not self.text[h:back].strip() for h in heads):
            return first
        return np_s

    def name_at(self, start: int, limit: int) -> Optional[dict]:
        """A proper name the entities stage missed, opening at ``start`` ("two agreements with
        Uzbekneftegaz, the national ..."): a run of capitalised proper nouns outside any entity."""
        toks, first = [], self.tok_from(start)
        for t in self.doc[first.i:] if first is not None and first.idx == start else ():
            if t.idx >= limit or t.pos_ != "PROPN" or not t.text[:1].isupper() \
                    or self.ents.overlapping(t.idx, t.idx + len(t.text)):
                break
            toks.append(t)
        if not toks:
            return None
        return {"start": toks[0].idx, "end": toks[-1].idx + len(toks[-1].text)}

    def add_signing(self, i: int, sent: Span, tok, kind: str, obj: tuple[int, int]) -> dict | None:
        """The signing row of a collective object (None when the sentence has one already)."""
        text = self.text
        np_s = self.np_start(obj[0], sent.start_char) if obj[0] < tok.idx else obj[0]
        if obj[0] < tok.idx:
            np_s = self.coordinated_batch_start(np_s, sent.start_char)
        obj_text = text[np_s:obj[1]]
        for m in self.money:
            if m.get("start") is not None and np_s <= m["start"] and m["end"] <= obj[1]:
                a, b = m["start"] - np_s, m["end"] - np_s
                obj_text = obj_text[:a] + " " * (b - a) + obj_text[b:]  # "€30 million grant deals": no count
        count = count_of(obj_text, self.lex)
        value = currency = None
        for m in self.money:
            if sent.start_char <= m["start"] < sent.end_char and m.get("amount") is not None \
                    and not m.get("range_bound") == "min" and m.get("equivalent_of") is None:
                value, currency = m["amount"], m.get("currency")
                break
        parties = self.signers(tok, kind, obj[1], sent) if kind == "verb" else []
        wm = re.match(r"\s+with\s+(?:the\s+)?", text[obj[1]:sent.end_char])
        if parties and wm:
            # "EU inks €30 million grant deals with Kyrgyzstan": the other side
            other = next((m for m in self.ents.overlapping(obj[1], sent.end_char)
                          if m["start"] == obj[1] + wm.end() and m["label"] in ("GPE", "ORG")), None)
            other = other or self.name_at(obj[1] + wm.end(), sent.end_char)
            if other is not None:
                p = self.resolve_party(other["start"], other["end"])
                if p and p.get("party") and p["party"] not in {q.get("party") for q in parties}:
                    parties = parties + [p]
        if not parties:
            # "The grants were signed at a ceremony": the sides of the signing just reported
            prev = [ev for ev in self.found.events if ev["sent"] <= i and i - ev["sent"] <= OCCASION_WINDOW and ev["parties"]]
            parties = [dict(p) for p in max(prev, key=lambda x: x["sent"])["parties"]] if prev else []
        if not parties:
            sides = self.context_sides(sent.start_char)
            parties = sides if len(sides) >= 2 else []
        stext = self.sent_text(sent).rstrip()
        rec = {"start": sent.start_char, "end": sent.start_char + len(stext), "text": stext, "count": count,
               "value": value, "currency": currency,
               "parties": " | ".join(p["party"] for p in parties if p.get("party")) or None,
               "signed_date": self.signed_date(i, tok=tok), "signed_place": self.sentence_place(sent)}
        rec["headline"] = sent.start_char < self.title_end
        for prev in self.found.signings:
            if prev["start"] == rec["start"]:
                return None
        if not rec["headline"]:
            rec["signed_date"], rec["signed_place"] = self.same_occasion(i, rec["signed_date"], rec["signed_place"],
                                                                         earlier=self.earlier_marked(sent, tok))
            self.note_event(i, rec["signed_date"], rec["signed_place"], [p for p in parties if p.get("party")])
        # the same event reported again (a caption, a summary) adds no row
        self.found.signings.append(rec)
        return rec
