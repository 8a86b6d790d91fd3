"""The list pass: documents listed after a signing lead-in (bulleted, numbered, run together
or headline-style), with the lead-in's parties, date and place."""

from __future__ import annotations

import re

from spacy.tokens import Span

from ...core.text import alternation
from .grammar import DET_ALT, RELATIVES, run_start
from .phrases import trim_span, find_types, list_marker, split_items, parse_after_type
from .findings import Mention


class ListsMixin:
    """The list pass: documents listed after a signing lead-in (bulleted, numbered, run together
    or headline-style), with the lead-in's parties, date and place."""

    def lists(self) -> None:
        text = self.text
        for i, sent in enumerate(self.sents):
            if sent.start_char < self.title_end:
                continue
            colon = self.lead_in(sent)
            if colon is None:
                stripped = sent.text.rstrip()
                if stripped.endswith(":") and len(stripped.split()) <= 6 and i > 0 \
                        and self.collective_signing(self.sents[i - 1]):
                    colon = sent.start_char + len(stripped) - 1  # "Among them:" after "24 agreements were signed."
                elif self.collective_signing(sent):
                    nxt = text[sent.end_char:].lstrip(" \t\n")
                    if nxt and list_marker(nxt, self.lex):
                        colon = sent.start_char + len(stripped) - 1  # "... exchanged two documents. First: ..."
                if colon is None:
                    continue
            line_end = text.find("\n", colon)
            line_end = len(text) if line_end == -1 else line_end
            items: list[tuple[int, int]] = []
            block_end = line_end
            if text[colon + 1:line_end].strip():
                items = split_items(text[colon + 1:line_end], self.lex, colon + 1)
            else:
                items, block_end = self.line_items(line_end)
            if not items:
                continue
            lead_sent = sent if self.lead_in(sent) is not None or i == 0 or self.collective_signing(sent) \
                else self.sents[i - 1]
            lead_parties = self.lead_parties(lead_sent, min(colon, lead_sent.end_char))
            date = self.signed_date(i) or self.signed_date(self.sents.index(lead_sent)) or self.lead_date(i)
            place = self.place_in(sent.start_char, colon) or None
            made = 0
            for s, e in items:
                types = find_types(text, self.lex, s, e)
                if not types or types[0]["plural"]:
                    continue
                t = types[0]
                self.found.consumed.append((s, e))
                clause = re.search(run_start(r"\s*") + rf",\s+(?:{self.lex.sign_past_re.pattern}|\b(?:{alternation(RELATIVES)})\b)", text[t["end"]:e])
                if clause:
                    e = t["end"] + clause.start()
                parse = parse_after_type(text, t["end"], e, self.lex, self.protected(t["end"], e))
                cut = self.between_cut(*parse["subject"], pos=s) if parse["subject"] and not parse["parties"] else None
                if cut:
                    # "Agreement on cooperation between the Chamber of ... of A and the Chamber of ... of B"
                    parties, parse["subject"] = cut[0], (parse["subject"][0], cut[1])
                else:
                    parties = self.parties_from_zone(*parse["parties"], pos=s) if parse["parties"] else list(lead_parties)
                if parse["parties"] and parse["party_kind"] == "with" and lead_parties:
                    parties = [p for p in lead_parties if p["country"] not in {q.get("country") for q in parties}][:1] + parties
                subject = text[parse["subject"][0]:parse["subject"][1]] if parse["subject"] else None
                rec = Mention(start=s, end=e, type_start=t["start"], type_end=t["end"], doc_type=t["doc_type"],
                              anaphoric=False, definite=False,
                              title=re.sub(rf"^(?:(?:{DET_ALT})\s+)", "", text[s:e], flags=re.I), subject=subject,
                              parties=[dict(p) for p in parties], explicit_parties=bool(parse["parties"] or cut),
                              signed_date=date, signed_place=place or self.item_place(date), proper=True)
                self.found.records.append(rec)
                made += 1
            if made:
                self.note_event(i, date, place)

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
                found = self.signers(tok, kind, tok.idx + len(tok.text), sent)
                if found:
                    return found
        return self.context_sides(sent.start_char)

    def line_items(self, after: int) -> tuple[list[tuple[int, int]], int]:
        """Items on the lines after a lead-in: marked lines (bullets, numbers, ordinals), or
        lines starting with a document name (plain or headline-style lists)."""
        text = self.text
        items: list[tuple[int, int]] = []
        mode = None
        pos = after
        while pos < len(text):
            nl = text.find("\n", pos + 1)
            nl = len(text) if nl == -1 else nl
            line = text[pos:nl]
            ls = pos + (len(line) - len(line.lstrip()))
            stripped = line.strip()
            if not stripped:
                pos = nl
                continue
            mk = list_marker(text[ls:nl], self.lex)
            starts_type = False
            if not mk:
                types = find_types(text, self.lex, ls, min(nl, ls + 120))
                if types and not types[0]["plural"]:
                    lead_words = text[ls:types[0]["start"]]
                    # the name opens the line, maybe after capitalised modifiers ("Financial Framework ...")
                    starts_type = not lead_words.strip() or bool(
                        re.fullmatch(r"(?:[A-Z][\w’'.-]*\s+){1,5}", lead_words))
            if mk and mode in (None, "marker"):
                mode = "marker"
                items += split_items(text[ls:nl], self.lex, ls) if ";" in stripped[:-1] else \
                    [trim_span(text, ls + mk.end(), nl)]
            elif starts_type and mode in (None, "headline", "plain") and len(stripped.split()) <= 40:
                if stripped[-1] not in ".!?" or stripped[-1] == ";" or mode == "plain" or len(stripped.split()) <= 15:
                    mode = mode or ("headline" if stripped[-1] not in ".;" else "plain")
                    items += split_items(text[ls:nl], self.lex, ls)
                else:
                    break
            elif mode == "headline" and (stripped[-1] in ".!?»”\"" or len(stripped.split()) > 15):
                pass  # the descriptive paragraph under a headline item
            else:
                break
            pos = nl
        return items, pos
