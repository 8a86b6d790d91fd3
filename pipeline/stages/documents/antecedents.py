"""Signers written as a pronoun or a bare definite head ("it signed", "the Group signed", "The
State had signed"): the organisation or government the text named before. Pure functions over
the entity mentions and the sentence bounds."""

from __future__ import annotations

import re
from typing import Optional

from ...core.text import fold


def pronoun_antecedent(text: str, mentions: list, sent_start: int, prev_start: int, pos: int) -> Optional[dict]:
    """"KMG announces that it signed", "APSEZ said it had signed", "a contract it signed with NAT":
    the first organisation named in the sentence before ``pos``, else in the sentence before it,
    as written with the legal forms before it ("JSC NC KazMunayGas")."""
    for lo, hi in ((sent_start, pos), (prev_start, sent_start)):
        orgs = sorted((m for m in mentions if m["label"] == "ORG" and lo <= m["start"] and m["end"] <= hi),
                      key=lambda m: m["start"])
        if orgs:
            m = orgs[0]
            legal = re.search(r"(?:\b[A-Z]{2,5}\s+)+$", text[max(lo, m["start"] - 16):m["start"]])
            name = (legal.group(0) if legal else "") + m["text"]
            return {"party": name, "party_entity_id": m.get("entity_id"), "country": m.get("country")}
    return None


def reporter_antecedent(text: str, sent_start: int, pos: int, verbs: frozenset) -> Optional[dict]:
    """"JSC KEGOC announces that it signed", "Uzbekneftegaz reported on Monday it had signed": the
    capitalised name (with the legal forms before it) right before a reporting verb (``verbs``)
    in the sentence before ``pos``, when the entities stage named no organisation there."""
    if not verbs:
        return None
    alt = "|".join(sorted(map(re.escape, verbs), key=len, reverse=True))
    found = None
    for m in re.finditer(rf"((?:[A-Z]{{2,5}}\s+)*[A-Z][\w&'’.-]*(?:\s+(?:of\s+)?[A-Z][\w&'’.-]*){{0,4}})\s+(?:{alt})\b",
                         text[sent_start:pos]):
        found = m
    if found is None:
        return None
    return {"party": found.group(1), "party_entity_id": None, "country": None}


def head_antecedent(raw: str, mentions: list, pos: int, lex) -> Optional[dict]:
    """"the Group", "the state", "The State": a definite article and one noun that is a word of an
    organisation or sub-national government named before ``pos`` ("Air Astana Group", "the Lagos
    State Government"): the nearest such name as written; None for anything else."""
    m = re.fullmatch(r"(?:the|The)\s+([A-Za-z][a-z]+)", raw.strip())
    if not m:
        return None
    head = m.group(1).lower()
    for x in sorted(mentions, key=lambda x: -x["start"]):
        if x["end"] > pos or x["label"] not in ("ORG", "GPE"):
            continue
        name = x["text"]
        if x["label"] == "GPE" and lex.is_country_name(x.get("canonical") or name):
            continue
        words = [w.lower() for w in re.findall(r"[\w'’-]+", fold(name))]
        if len(words) >= 2 and head in words:
            return {"party": re.sub(r"^(?:the|The)\s+", "", name), "party_entity_id": x.get("entity_id"),
                    "country": x.get("country")}
    return None
