"""The sides of a signing frame: what a collective phrase ("the two sides", "the heads of the two
cities") stands for. Pure functions over the findings' records and the lexicon."""

from __future__ import annotations

import re
from typing import Callable, Optional

from ...core.text import alternation, fold

#: how many sentences back the latest document's parties still are the frame's sides
FRAME_REACH = 2


def heads_of_sides(raw: str, lex) -> Optional[tuple[str, str]]:
    """"the rectors of the two universities", "the heads of the two cities": people of a plural
    head "of" a quantified side head -> the collective (singular, "side"); "the energy ministries
    of the two countries", "the central banks of both states": bodies of a plural head (with up
    to two lowercase modifiers) "of" quantified countries -> the countries (singular, "country");
    None otherwise."""
    quant, heads = alternation(lex.quantifiers), lex.heads_alt
    m = re.fullmatch(rf"(?:(?:{quant})\s+)*((?:[a-z][\w-]*\s+){{0,2}})({heads})\s+of\s+(?:(?:{quant})\s+)+({heads})",
                     fold(raw).strip().lower())
    if not m:
        return None
    kind = lex.heads[m.group(3)][1]
    if kind == "side" and not m.group(1):
        return lex.heads[m.group(3)][0], "side"
    before = m.group(1) + m.group(2)  # "central banks": the longest head it ends with
    if kind == "country" and any(before == h or before.endswith(" " + h) for h, (_, k) in lex.heads.items()
                                 if k == "institution"):
        return lex.heads[m.group(3)][0], "country"
    return None


def sides_head(raw: str, coll: tuple[str, str], lex) -> tuple[str, str]:
    """The collective (singular, kind) of ``raw`` with the kind of a trailing "of the two <head>"
    when that head names sides ("the heads of the two cities" -> the sides, not the countries)."""
    m = re.search(rf"\bof\s+(?:(?:{alternation(lex.quantifiers)})\s+)+({lex.heads_alt})$", fold(raw).strip().lower())
    if m and lex.heads.get(m.group(1), ("", ""))[1] == "side":
        return coll[0], "side"
    return coll


def frame_sides(records: list, pos: int, sent_of: Callable[[int], int],
                recalled: Callable[[object], bool] = lambda rec: rec.passing) -> Optional[list[dict]]:
    """The parties of the latest document before ``pos`` (within FRAME_REACH sentences) that names
    two or more, each with a name: the sides a later "the two sides" refers to. None when the
    latest document is ``recalled`` from another time: the context's sides decide then."""
    here = sent_of(pos)
    for rec in sorted((r for r in records if r.start < pos), key=lambda r: -r.start):
        if here - sent_of(rec.start) > FRAME_REACH:
            break
        if recalled(rec):
            return None  # the frame is a document of another time ("signed a swap agreement last month")
        named = [p for p in rec.parties if p.get("party")]
        if len(named) >= 2 and len(named) == len(rec.parties):
            return [{k: p.get(k) for k in ("party", "party_entity_id", "country")} for p in named]
    return None


def named_bodies(mentions: list, sents: list, i: int, pos: int, lex) -> Optional[list[dict]]:
    """The two bodies a phrase like "the rectors of the two universities" stands for when no
    document names them yet: exactly two distinct organisations or sub-national places (no
    country) named before ``pos`` in sentence ``i`` and the one before it, in text order."""
    lo = sents[max(0, i - 1)].start_char
    out, seen = [], set()
    for m in sorted(mentions, key=lambda m: m["start"]):
        if not (lo <= m["start"] and m["end"] <= pos) or m["label"] not in ("ORG", "GPE"):
            continue
        name = m.get("canonical") or m["text"]
        if m["label"] == "GPE" and lex.is_country_name(name):
            continue
        text = m["text"]
        key = fold(text).lower()
        if key not in seen:
            seen.add(key)
            out.append({"party": text, "party_entity_id": m.get("entity_id"), "country": m.get("country")})
    return out if len(out) == 2 else None


class SidesMixin:
    """The sides of a collective phrase or of the context (a between-phrase, the countries named
    nearby), and the sides filling signers of unknown country."""

    def context_country(self, parties: list[dict], pos: int) -> list[dict]:
        """A signer the entities stage did not recognise ("CNPC and Uzbekneftegaz signed") gets
        the country of the one side the context names that no other signer holds, when the
        context names exactly two sides."""
        unknown = [p for p in parties if p.pop("unrecognised", False)]
        if len(unknown) != 1 or len(parties) < 2:
            return parties
        sides = self.context_sides(pos)
        used = {p.get("country") for p in parties if p.get("country")}
        spare = [c["country"] for c in sides if c["country"] not in used]
        if len(sides) == 2 and len(spare) == 1 and used <= {c["country"] for c in sides}:
            unknown[0]["country"] = spare[0]
        return parties

    def fill_unknown(self, parties: list[dict], pos: int) -> list[dict]:
        if not any(p.get("party") is None for p in parties):
            return parties
        used = {p.get("country") for p in parties if p.get("country")}
        spare = [c for c in self.context_sides(pos) if c["country"] not in used]
        out = []
        for p in parties:
            if p.get("party") is None:
                if spare:
                    c = spare.pop(0)
                    out.append(c)
                    used.add(c["country"])
                continue
            out.append({k: p.get(k) for k in ("party", "party_entity_id", "country")})
        return out

    def resolve_collective(self, head: tuple[str, str], pos: int) -> list[dict]:
        singular, kind = head
        if kind == "institution":
            for rec in reversed(self.found.records):
                same = [p for p in rec.parties if (p.get("party") or "").lower().startswith(singular.lower())]
                if len(same) >= 2:
                    return [dict(p) for p in same]
            return [{"party": f"{singular} of {c['party']}", "party_entity_id": None, "country": c["country"]}
                    for c in self.context_sides(pos)]
        if kind == "side":
            return frame_sides(self.found.records, pos, self.sent_of, self.recalled) or (
                named_bodies(self.ents.mentions, self.sents, self.sent_of(pos), pos, self.lex)
                if singular.lower() not in self.lex.party_words.side_words else None) or self.context_sides(pos)
        if kind == "organisation":
            for rec in reversed(self.found.records):
                orgs = [p for p in rec.parties if p.get("party") and not self.lex.is_country_name(p["party"])]
                if len(orgs) >= 2 and len(orgs) == len(rec.parties):
                    return [dict(p) for p in orgs]
        return self.context_sides(pos)

    def countries_in(self, s: int, e: int) -> list[dict]:
        """Country sides named in text[s:e], in order: countries, persons with a country, adjectives."""
        found = []
        seen = set()
        money = [(m["start"], m["end"]) for m in self.money if m.get("start") is not None]
        in_money = lambda a: any(ms <= a < me for ms, me in money)  # "1.2 billion U.S. dollars": no side
        for m in self.ents.overlapping(s, e):
            if in_money(m["start"]):
                continue
            iso = None
            if m["label"] == "GPE":
                iso = self.lex.is_country_name(m.get("canonical") or m["text"]) or \
                    (m.get("country") if self.lex.is_country_name(m["text"]) else None)
            elif m["label"] in ("PERSON", "NORP"):
                iso = m.get("country") or (self.lex.country_in(m["text"]) if m["label"] == "NORP" else None)
            if iso and iso not in seen:
                seen.add(iso)
                found.append((m["start"], {"party": self.lex.country_name.get(iso, iso),
                                           "party_entity_id": self.gpe_entity(iso), "country": iso}))
        named = list(self.lex.country_re.finditer(fold(self.text[s:e])))
        words = [(m.start(), self.lex.country_of[m.group(0)]) for m in named]
        # a shared word the article settles ("Korea" beside Seoul), unless inside a name ("South Korea")
        words += [(m.start() - s, iso) for word, iso in self.settled for m in word.finditer(self.text, s, e)
                  if not any(n.start() <= m.start() - s < n.end() for n in named)]
        for start, iso in sorted(words):
            if iso not in seen and not in_money(s + start):
                seen.add(iso)
                found.append((s + start, {"party": self.lex.country_name.get(iso, iso),
                                          "party_entity_id": self.gpe_entity(iso), "country": iso}))
        return [p for _, p in sorted(found, key=lambda x: x[0])]

    def context_sides(self, pos: int) -> list[dict]:
        """The two (or more) sides the context names: a "between A and B" in the sentence or
        the preceding ones, else the countries named in them (nearest sentences first)."""
        i = self.sent_of(pos)
        acc: list[dict] = []
        for j in range(i, max(-1, i - 8), -1):
            sent = self.sents[j]
            for m in re.finditer(r"\bbetween\s+((?:[^,;.:]+?,\s+)*.+?)(?=(?<!\s)\s+(?:on|in|to|for|were|was|is|are|has|have|had|at)\s|[,;.:]|$)",
                                 self.sent_text(sent)):
                s, e = sent.start_char + m.start(1), sent.start_char + m.end(1)
                sides = self.countries_in(s, e)
                if len(sides) >= 2:
                    return sides
            found = self.countries_in(sent.start_char, sent.end_char)
            new = [c for c in found if c["country"] not in {a["country"] for a in acc}]
            acc = new + acc if j < i else acc + new
            if len(acc) >= 2:
                return self.article_order(acc[:2])
        return acc

    def article_order(self, sides: list[dict]) -> list[dict]:
        """Sides the context implies, in the order the article names them: as in the first body
        sentence naming them all ("President of Kazakhstan X and President of Kyrgyzstan Y held
        talks" -> Kazakhstan, Kyrgyzstan), else as found."""
        want = [p["country"] for p in sides]
        if len(want) < 2 or None in want:
            return sides
        for st in self.sents:
            if st.start_char < self.title_end:
                continue
            order = [p["country"] for p in self.countries_in(st.start_char, st.end_char) if p["country"] in want]
            if set(order) == set(want):
                return sorted(sides, key=lambda p: order.index(p["country"]))
        return sides

    def recalled(self, rec) -> bool:
        """Is the record a document of another time than the article's main signing (its own
        date differs: "signed a swap agreement last month")?"""
        return rec.passing or self.other_time(self.sent_of(rec.start), rec.signed_date)
