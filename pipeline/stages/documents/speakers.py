"""The speaker's side of a first-person signing in a quote ("Today we signed ...", "X and I
signed ..."): the body the speaker is introduced as heading or working for ("DP World chairman
X", "akim of the region X") when the text names one, else the speaker's country. Pure functions
over the quote records, the entity mentions and the text."""

from __future__ import annotations

import re
from typing import Optional

from ...core.text import fold

#: how far before a speaker's name its introduction ("DP World chairman", "akim of the region") may start
INTRO_REACH = 60


def quote_at(quotes: list, pos: int) -> Optional[dict]:
    return next((q for q in quotes if q["start"] <= pos < q["end"]), None)


def speaker_mentions(q: dict, mentions: list) -> list[dict]:
    """The mentions of the quote's speaker entity, in text order."""
    if q.get("speaker_entity_id") is None:
        return []
    return sorted((m for m in mentions if m["entity_id"] == q["speaker_entity_id"]), key=lambda m: m["start"])


def titled_person(text: str, q: dict, mentions: list) -> list[dict]:
    """An unnamed speaker ("the akim said") is the latest person before the quote introduced with
    that title ("Akim of Karaganda region Yermaganbet Bulekpayev"): [that mention] or []."""
    word = str(q.get("speaker_text") or "").strip().lower()
    if not re.fullmatch(r"[a-z][\w-]+", word):
        return []
    for m in sorted(mentions, key=lambda m: -m["start"]):
        if m["label"] == "PERSON" and m["end"] <= q["start"] and \
                re.search(rf"\b{re.escape(word)}\b", text[max(0, m["start"] - INTRO_REACH):m["start"]].lower()):
            return [m]
    return []


def introduced_body(text: str, person: dict, mentions: list, lex) -> Optional[dict]:
    """The body a person mention is introduced with: an organisation or sub-national place ending
    right before the name with at most a title of lowercase/title words between ("DP World chairman
    Sultan ...", "Almaty akim X"), or "<title> of the <body noun> <Name>" where the body noun
    (body_heads.tsv) is the head of a place named earlier ("akim of the region X" after "Kostanay
    region"). None when the introduction names no body, or names a country."""
    lo = max(0, person["start"] - INTRO_REACH)
    for m in sorted(mentions, key=lambda m: -m["end"]):
        if m["label"] not in ("ORG", "GPE") or not (lo <= m["start"] and m["end"] <= person["start"]):
            continue
        gap = text[m["end"]:person["start"]]
        if re.fullmatch(r"\s+(?:[A-Za-z][\w-]*\s+){0,3}", gap) and not re.search(r"[,;]", gap) \
                and not lex.is_country_name(m.get("canonical") or m["text"]):
            return {"party": m["text"], "party_entity_id": m.get("entity_id"), "country": m.get("country")}
        break
    pm = re.search(r"\bof\s+the\s+([a-z]+)\s+$", text[lo:person["start"]])
    if pm and pm.group(1) in lex.party_words.body_of:
        noun = lex.party_words.body_of[pm.group(1)][0]
        for m in sorted(mentions, key=lambda m: -m["start"]):
            if m["label"] == "GPE" and m["end"] <= person["start"] and fold(m["text"]).lower().endswith(" " + noun):
                return {"party": m["text"], "party_entity_id": m.get("entity_id"), "country": m.get("country")}
    return None


def speaker_side(text: str, quotes: list, mentions: list, pos: int, lex, gpe_entity) -> Optional[dict]:
    """The side of the speaker of the quote holding ``pos``: the body the speaker is introduced
    with (introduced_body, at any mention of the speaker), else the speaker's country from the
    speaker's entity or the words naming the speaker. Marked {"speaker": True}."""
    q = quote_at(quotes, pos)
    if q is None:
        return None
    ments = speaker_mentions(q, mentions) or titled_person(text, q, mentions)
    for m in ments:
        body = introduced_body(text, m, mentions, lex)
        if body:
            return {**body, "speaker": True}
    ent = next((m for m in ments if m.get("country")), None)
    iso = ent["country"] if ent else lex.country_in(" ".join(str(q.get(k) or "") for k in ("speaker_text", "speaker")))
    if not iso:
        return None
    return {"party": lex.country_name.get(iso, iso), "party_entity_id": gpe_entity(iso), "country": iso, "speaker": True}
