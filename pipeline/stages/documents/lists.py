"""The list pass: documents listed after a signing lead-in (bulleted, numbered, run together
or headline-style), with the lead-in's parties, date and place."""

from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Span

from ...core.text import alternation
from .grammar import DET_ALT, RELATIVES, run_start, trim_span
from .blocks import BlockItem, block_items
from .grammar import FINITE_TAGS
from .phrases import count_of, find_types, list_marker, split_items, parse_after_type
from .findings import Mention


class ListsMixin:
    """The list pass: documents listed after a signing lead-in (bulleted, numbered, run together
    or headline-style), with the lead-in's parties, date and place."""

    def lists(self) -> None:
        text = self.text
        for i, sent in enumerate(self.sents):
            if sent.start_char < self.title_end:
                continue
            colon = self.list_lead(i, sent)
            if colon is None:
                continue
            line_end = text.find("\n", colon)
            line_end = len(text) if line_end == -1 else line_end
            if text[colon + 1:line_end].strip():
                items = [BlockItem(start=s, end=e) for s, e in split_items(text[colon + 1:line_end], self.lex, colon + 1)]
            else:
                items = block_items(text, self.lex, line_end)[0]
            if not items:
                continue
            lead_sent = sent if self.lead_in(sent) is not None or i == 0 or self.collective_signing(sent) \
                or self.block_lead(sent) else self.sents[i - 1]
            lead_parties = self.lead_parties(lead_sent, min(colon, lead_sent.end_char))
            date = self.signed_date(i) or self.signed_date(self.sents.index(lead_sent)) or self.lead_date(i)
            place = self.place_in(sent.start_char, colon) or None
            made = 0
            for item in items:
                rec = self.list_record(item, lead_parties, date, place or self.item_place(date))
                if rec is not None:
                    self.found.records.append(rec)
                    made += 1
            if made:
                self.note_event(i, date, place)
                self.lead_in_row(lead_sent, min(colon, lead_sent.end_char), lead_parties, date, place)

    def lead_in_row(self, sent: Span, colon: int, parties: list, date, place) -> None:
        """The signing row of a sentence introducing a list whose items became records ("A and
        B concluded the following:", "Documents exchanged on 4 June in Delhi:"), unless the
        sentence has one already (a collective object: "signed 12 documents, namely:")."""
        if self.collective_signing(sent) or \
                self.found.signing_starts.any_in(self.found.signings, sent.start_char, sent.end_char):
            return  # the inline pass gives its row, with the object's count and value
        if not any(t.idx < colon and not self.is_planned(t) for t, _ in self.signing_tokens(sent)):
            return  # "The package includes:", "The list of documents:": the signing is reported elsewhere
        types = find_types(self.text, self.lex, sent.start_char, colon)
        if any(not t["plural"] for t in types):
            return  # the lead-in names documents of its own ("twinning agreements between ... and a treaty:")
        end = colon + 1 if self.text[colon:colon + 1] == ":" else colon
        stext = self.text[sent.start_char:end].rstrip()
        # a count only in the plural document name ("the following 5 agreements"), never "two presidents"
        count = count_of(self.text[self.np_start(types[0]["start"], sent.start_char):types[0]["end"]],
                         self.lex) if types else None
        self.found.signings.append({
            "start": sent.start_char, "end": sent.start_char + len(stext), "text": stext,
            "count": count, "value": None, "currency": None,
            "parties": " | ".join(p["party"] for p in parties if p.get("party")) or None,
            "signed_date": date, "signed_place": place, "headline": False})

    def list_lead(self, i: int, sent: Span) -> Optional[int]:
        """The offset where the lead-in of a list in ``sent`` ends (its colon, or the end of a
        sentence announcing the list on the next lines), else None."""
        text = self.text
        colon = self.lead_in(sent)
        if colon is not None:
            return colon
        stripped = self.sent_text(sent).rstrip()
        if stripped.endswith(":") and len(stripped.split()) <= 6 and i > 0 \
                and self.collective_signing(self.sents[i - 1]):
            return sent.start_char + len(stripped) - 1  # "Among them:" after "24 agreements were signed."
        if self.collective_signing(sent):
            nxt = text[sent.end_char:].lstrip(" \t\n")
            if nxt and list_marker(nxt, self.lex):
                return sent.start_char + len(stripped) - 1  # "... exchanged two documents. First: ..."
        if self.block_lead(sent):
            return sent.start_char + len(stripped) - 1
        return None

    def block_lead(self, sent: Span) -> bool:
        """Does ``sent`` announce a list on the lines after it without a colon ("are listed
        below", "the following outcomes": block_cues.txt), and not as planned or negated?"""
        if not self.lex.block_cue_re.search(self.sent_text(sent)):
            return False
        if any(self.is_planned(t) for t, _ in self.signing_tokens(sent)) \
                or any(p.search(self.sent_text(sent)) for p in self.lex.unsigned_res):
            return False
        return not any(t.lower_ in self.lex.negations or (t.lower_ in self.lex.modals and t.tag_ == "MD") for t in sent)

    def list_record(self, item: BlockItem, lead_parties: list, date, place) -> Optional[Mention]:
        """The record of one list item (a line, a piece of a run-together list, a table row), or
        None when it names no singular document or reads as not concluded."""
        text = self.text
        s, e = item.start, item.end
        side_zone = None
        if item.cells:
            cell = self.row_document(item)
            if cell is None:
                return self.row_record(item, lead_parties, date, place)
            s, e = cell
        types = find_types(text, self.lex, s, e)
        if not types or types[0]["plural"] or self.unconcluded(s, e, types[0]["start"]):
            return None
        t = types[0]
        colon = text.rfind(":", s, t["start"])
        if colon != -1 and self.named_sides(s, colon, least=1):
            side_zone = (s, colon)  # "Boeing and Air Astana: a purchase agreement for ..."
        self.found.consumed.append((item.start, item.end))
        clause = re.search(run_start(r"\s*") + rf",\s+(?:{self.lex.sign_past_re.pattern}|\b(?:{alternation(RELATIVES)})\b)", text[t["end"]:e])
        if clause:
            e = t["end"] + clause.start()
        e = self.participle_cut(t["end"], e)  # "Agreement on X, renewing the 2016 agreement"
        e = self.stop_cut(t["end"], e)  # "Agreement on X between A and B (value 1.6 billion yuan)"
        parse = parse_after_type(text, t["end"], e, self.lex, self.protected(t["end"], e))
        cut = self.between_cut(*parse["subject"], pos=s) if parse["subject"] and not parse["parties"] else None
        if cut:
            # "Agreement on cooperation between the Chamber of ... of A and the Chamber of ... of B"
            parties, parse["subject"] = cut[0], (parse["subject"][0], cut[1])
        elif parse["parties"]:
            parties = self.parties_from_zone(*parse["parties"], pos=s)
        elif side_zone:
            parties = self.parties_from_zone(*side_zone, pos=s)
        else:
            parties = self.row_parties(item) or list(lead_parties)
        if parse["parties"] and parse["party_kind"] == "with" and lead_parties:
            parties = [p for p in lead_parties if p["country"] not in {q.get("country") for q in parties}][:1] + parties
        subject = text[parse["subject"][0]:parse["subject"][1]] if parse["subject"] else None
        return Mention(start=s, end=e, type_start=t["start"], type_end=t["end"], doc_type=t["doc_type"],
                       anaphoric=False, definite=False,
                       title=re.sub(rf"^(?:(?:{DET_ALT})\s+)", "", text[s:e], flags=re.I), subject=subject,
                       parties=[dict(p) for p in parties], explicit_parties=bool(parse["parties"] or cut or side_zone),
                       signed_date=date, signed_place=place, proper=True)

    def unconcluded(self, s: int, e: int, type_start: int) -> bool:
        """Does the item text[s:e] read as not concluded: a draft, planned or negated document
        (unsigned_cues.txt, a modal or a negation), or a sentence whose own finite verb comes
        before the document name ("The two governments intend to launch talks on an agreement")?"""
        item = self.text[s:e]
        if any(p.search(item) for p in self.lex.unsigned_res):
            return True
        span = self.doc.char_span(s, e, alignment_mode="expand")
        toks = list(span) if span is not None else []
        if any(t.lower_ in self.lex.negations or (t.lower_ in self.lex.modals and t.tag_ == "MD") for t in toks):
            return True
        return any(t.idx < type_start and t.tag_ in FINITE_TAGS and t.lower_ not in self.lex.sign_forms for t in toks)

    def row_document(self, item: BlockItem) -> Optional[tuple[int, int]]:
        """The cell of a table row that names a document (not a signatory's or party's cell)."""
        for k, (a, b) in enumerate(item.cells):
            role = item.roles[k] if k < len(item.roles) else ""
            if role not in ("signatory", "party", "number") and find_types(self.text, self.lex, a, b):
                return a, b
        return None

    def row_parties(self, item: BlockItem) -> list[dict]:
        """The parties of a table row's party columns ("Company A | Company B")."""
        out = []
        for k, (a, b) in enumerate(item.cells):
            if k < len(item.roles) and item.roles[k] == "party":
                out += self.parties_from_zone(a, b, pos=a)
        return out

    def row_record(self, item: BlockItem, lead_parties: list, date, place) -> Optional[Mention]:
        """A table row that names no document ("Timber processing park in Suifenhe | Company A |
        Company B" under "Project | Chinese party | Russian party"): a record of the header's
        doc_type, its subject cell as subject, its party cells as parties."""
        if not item.row_type or "subject" not in item.roles:
            return None
        k = item.roles.index("subject")
        if k >= len(item.cells) or self.unconcluded(item.start, item.end, item.end):
            return None
        a, b = item.cells[k]
        parties = self.row_parties(item) or list(lead_parties)
        self.found.consumed.append((item.start, item.end))
        return Mention(start=item.start, end=item.end, type_start=a, type_end=a, doc_type=item.row_type,
                       anaphoric=False, definite=False, title=None, subject=self.text[a:b],
                       parties=[dict(p) for p in parties], explicit_parties=True,
                       signed_date=date, signed_place=place, proper=False, deal=True)

    def lead_parties(self, sent: Span, colon: int) -> list[dict]:
        text = self.text
        # the last "between A and B" of the lead-in ("the following agreements between A and B:")
        ms = list(re.finditer(r"\bbetween\s+", text[sent.start_char:colon]))
        if ms:
            s = sent.start_char + ms[-1].end()
            e = trim_span(text, s, colon)[1]
            sides = self.parties_from_zone(s, e, pos=s) if e > s else []
            if sides:
                return sides
        for tok, kind in self.signing_tokens(sent):
            if tok.idx < colon and kind == "verb" and not self.is_planned(tok):
                found = [p for p in self.signers(tok, kind, tok.idx + len(tok.text), sent)
                         if not find_types(p.get("party") or "", self.lex)
                         and not self.lex.collective_re.search(p.get("party") or "")]  # "Documents exchanged ...:" 
                if found:
                    return found
        return self.context_sides(sent.start_char)
