"""Counterparty lists: a plural document signed by one side "with" two or more named bodies
("The EU signed memoranda on raw materials with Kazakhstan and Uzbekistan", "The bank signed
loan agreements with A, B and C") names one document per counterparty: the signer and that
counterparty as parties, the shared subject. Two or more signers make the with-phrase part of
the subject instead ("A and B signed agreements on trade with China and India")."""

from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Span

from ...core.text import alternation
from .findings import Mention
from .grammar import COORDINATORS, trim_span
from .phrases import count_of, find_types, parse_after_type

#: a separator of coordinated names: a comma (with an optional coordinator) or a coordinator
_NAME_SEP = re.compile(r"\s*,\s*(?:(?:" + alternation(COORDINATORS) + r")\s+)?|\s+(?:"
                       + alternation(COORDINATORS) + r")\s+")


class CounterpartiesMixin:
    """The counterparty-list pass (see the module docstring)."""

    def with_list(self, i: int, sent: Span, tok, kind: str, collective: tuple[int, int]) -> int:
        """Records of the counterparties after the plural document name ending ``collective``
        (the object of the signing verb ``tok``); their count (0: not such a list)."""
        text = self.text
        types = [t for t in find_types(text, self.lex, collective[0], collective[1]) if t["plural"]]
        if kind != "verb" or not types or types[-1]["end"] != collective[1]:
            return 0
        end = self.description_end(collective[1], sent.end_char)
        names = self.counterparty_names(collective[1], end)
        if names is None:
            return 0
        with_s, others, purpose = names
        count = count_of(text[collective[0]:collective[1]], self.lex)
        if count is not None and count != len(others):
            return 0
        signers = [p for p in self.signers(tok, kind, collective[1], sent) if p.get("party")]
        if len(signers) != 1:
            return 0  # none to pair with, or two signers: "A and B signed agreements on trade with C and D"
        parse = parse_after_type(text, collective[1], with_s, self.lex, self.protected(collective[1], with_s))
        subject = text[slice(*parse["subject"])] if parse["subject"] and not parse["parties"] else None
        if subject is None and purpose is not None:
            subject = text[slice(*purpose)]  # "signed MoUs with A and B for the development of X"
        date, place = self.batch_occasion(i, sent, tok)
        for (a, b), other in others:
            self.found.records.append(Mention(
                start=a, end=b, type_start=types[-1]["start"], type_end=types[-1]["end"],
                doc_type=types[-1]["doc_type"], anaphoric=False, definite=False, title=None, subject=subject,
                parties=[dict(signers[0]), {k: other.get(k) for k in ("party", "party_entity_id", "country")}],
                explicit_parties=True, signed_date=date, signed_place=place, deal=True))
        return len(others)

    def counterparty_names(self, start: int, end: int) -> Optional[tuple[int, list, Optional[tuple[int, int]]]]:
        """(where "with" starts, [((s, e), party), ...], the purpose after the names or None) when
        text[start:end] ends in "with" and two or more coordinated names that are each a named
        body, optionally followed by a purpose ("for the development of X"); else None."""
        text = self.text
        marks = list(self.lex.deal_markers.counterparty.finditer(text, start, end))
        if len(marks) != 1:
            return None  # none, or "with A for X and with B for Y" (the deal-list pass)
        m = marks[0]
        purpose = None
        for pm in self.lex.deal_markers.purpose.finditer(text, m.end(), end):
            if not text[pm.end():pm.end() + 1].isupper():  # "the Agency for Strategic ..." is a name
                purpose, end = trim_span(text, pm.end(), end), pm.start()
                break
        out, pos = [], m.end()
        seps = list(_NAME_SEP.finditer(text, m.end(), end)) + [None]
        for sep in seps:
            s, e = trim_span(text, pos, sep.start() if sep else end)
            if not any(x["label"] in ("GPE", "ORG", "NORP", "FAC") for x in self.ents.overlapping(s, e)):
                return None  # a topic, not a named body ("with Kazakhstan and renewable energy")
            party = self.resolve_party(s, e)
            if not party or not party.get("party"):
                return None
            out.append(((s, e), party))
            pos = sep.end() if sep else end
        return (m.start(), out, purpose) if len(out) >= 2 else None
