"""The deal-list pass: a collective signing whose object is followed by two or more
counterparties ("agreements worth $2 billion with A for X and $500 million with B for Y")
gives one document per counterparty: the signers and the counterparty as parties, the item's
purpose as subject, its amount as ``value_money_id``."""

from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Span

from ...core.text import alternation
from .deals import deal_items
from .grammar import COORDINATORS, OCCASION_WINDOW
from .findings import Mention
from .phrases import find_types
from ...core.extensions import records


#: a sentence ending where a list goes on (", ", "; ", " and")
_OPEN_END = re.compile(r"(?:[,;]|\b(?:" + alternation(COORDINATORS) + r"))\s*$")


class DealListMixin:
    """The deal-list pass (see the module docstring)."""

    def deal_list(self, i: int, sent: Span, tok, kind: str, collective: tuple[int, int]) -> int:
        """Records of the deal list after ``collective`` (the plural object of ``tok``); their count."""
        types = [t for t in find_types(self.text, self.lex, collective[0], collective[1]) if t["plural"]]
        if not types:
            return 0
        zone_s = max(collective[1], tok.idx + len(tok.text))
        money = [(m["start"], m["end"], n) for n, m in enumerate(self.money)
                 if m.get("start") is not None and sent.start_char <= m["start"] < sent.end_char]
        zone_e = self.continued_end(i)
        money = [m for m in money if m[0] < zone_e] + [
            (m["start"], m["end"], n) for n, m in enumerate(self.money)
            if m.get("start") is not None and sent.end_char <= m["start"] < zone_e]
        items = deal_items(self.text, zone_s, zone_e, money, self.lex.deal_item_markers,
                           first_money_from=min(collective[0], tok.idx), times=self.time_starts())
        if not items:
            return 0
        signers = self.signers(tok, kind, collective[1], sent) if kind == "verb" else []
        if not signers:
            signers = [p for p in self.event_sides(i, sent)][:1]
        date, place = self.batch_occasion(i, sent, tok)
        for item in items:
            self.found.records.append(self.deal_mention(item, types[0]["doc_type"], signers, date, place))
        return len(items)

    def listed_deals(self, i: int, sent: Span, zone_s: int) -> int:
        """"They include $1.2 billion with A for X and $900 million with B for Y" after a signing
        of plural documents: one record per counterparty, with the signing's first side, its
        document type, date and place; their count."""
        ev, types = None, []
        for e in reversed(self.found.events):
            # the latest signing of plural document names within the occasion window
            if e["sent"] < i and i - e["sent"] <= OCCASION_WINDOW and e["parties"]:
                earlier = self.sents[e["sent"]]
                types = [t for t in find_types(self.text, self.lex, earlier.start_char, earlier.end_char) if t["plural"]]
                if types:
                    ev = e
                    break
        if ev is None:
            return 0
        money = [(m["start"], m["end"], n) for n, m in enumerate(self.money)
                 if m.get("start") is not None and zone_s <= m["start"] < sent.end_char]
        items = deal_items(self.text, zone_s, sent.end_char, money, self.lex.deal_item_markers, first_money_from=zone_s,
                           times=self.time_starts())
        if not types or not items:
            return 0
        date, place = self.same_occasion(i, None, None, linked=True)
        for item in items:
            self.found.records.append(self.deal_mention(item, types[0]["doc_type"], ev["parties"][:1], date, place))
        return len(items)

    def time_starts(self) -> frozenset:
        """Start offsets of the doc's time expressions (the dates stage's records)."""
        return frozenset(d["start"] for d in records(self.doc, "dates") if d.get("start") is not None)

    def batch_occasion(self, i: int, sent: Span, tok) -> tuple[Optional[str], Optional[str]]:
        """Date and place of the documents a batch signing ``tok`` of sentence ``i`` lists."""
        date, place = self.signed_date(i, tok=tok), self.sentence_place(sent)
        return self.same_occasion(i, date, place, earlier=self.earlier_marked(sent, tok))

    def continued_end(self, i: int) -> int:
        """The end of sentence ``i``, or of the next one when ``i`` ends in a separator (a comma,
        a semicolon, a coordinator: the parser cut a list in two)."""
        sent = self.sents[i]
        if i + 1 < len(self.sents) and _OPEN_END.search(self.sent_text(sent)):
            return self.sents[i + 1].end_char
        return sent.end_char

    def deal_mention(self, item, doc_type: str, signers: list, date: Optional[str], place: Optional[str]) -> Mention:
        text = self.text
        other = self.resolve_party(*item.counterparty)
        if other is not None and not other.get("party") and "collective" not in other:
            # a name the NER took for a person ("Omega Agro"): in a deal list it is the counterparty,
            # without a possessor country ("Tajikistan's Barqi Tojik" -> "Barqi Tojik", TJ)
            s, e, iso, _ = self.name_bounds(*item.counterparty)
            other = {"party": text[s:e], "party_entity_id": None, "country": iso}
        parties = [dict(p) for p in signers if p.get("party")]
        if other and other.get("party") and other["party"] not in {p["party"] for p in parties}:
            parties.append({k: other.get(k) for k in ("party", "party_entity_id", "country")})
        subject = text[item.subject[0]:item.subject[1]] if item.subject else None
        return Mention(start=item.start, end=item.end, type_start=item.start, type_end=item.start,
                       doc_type=doc_type, anaphoric=False, definite=False, title=None, subject=subject,
                       parties=parties, explicit_parties=True, signed_date=date, signed_place=place,
                       value_money_id=item.money, deal=True)
