"""Parties: a side named in a phrase (countries, institutions, companies, persons' countries),
split lists of sides, descriptors, collective heads ("the two sides") and the context's sides."""

from __future__ import annotations

import re
from typing import Optional

from ...core.extensions import records
from ...core.text import fold
from .grammar import DET_ALT, run_start
from .phrases import strip_the, trim_span, split_conjuncts, adjective_parties, collective_head
from .party_text import (strip_leads, cut_time, country_possessor, descriptor_before, descriptor_after,
                         place_after, coordinated_bodies, heads_of_countries, side_people)


class PartiesMixin:
    """Parties: a side named in a phrase (countries, institutions, companies, persons' countries),
    split lists of sides, descriptors, collective heads ("the two sides") and the context's sides."""

    def resolve_party(self, s: int, e: int) -> Optional[dict]:
        """A party dict for text[s:e]; {"party": None, ...} for a person of unknown country;
        {"collective": (singular, kind)} for "the two sides". The phrase is first taken down to
        the name it holds (party_text: no dateline, time, descriptor or locating place)."""
        text = self.text
        # drop a trailing parenthesised short form
        m = re.search(run_start(r"\s*\([^()]{1,40}\)\s*$"), text[s:e])
        if m:
            e = s + m.start()
        with_the = text[s:e]
        s, e, iso, body = self.name_bounds(s, e)
        if e <= s:
            return None
        if body:
            return {"party": text[s:e], "party_entity_id": None, "country": iso or self.place_country(s, e)}
        own = with_the.split()[0].lower() in self.lex.party_words.possessives if with_the.split() else False
        if (own or not (collective_head(strip_the(with_the), self.lex) or collective_head(with_the.strip(), self.lex))) \
                and side_people(with_the.strip(), self.lex.heads, self.lex.party_words, self.lex.country_re):
            return {"collective": ("side", "country")}  # "our ministers of education": the sides
        p = self.resolve_name(s, e, with_the)
        if p and p.get("party") and iso and not p.get("country"):
            p["country"] = iso
        return p

    def name_bounds(self, s: int, e: int) -> tuple[int, int, Optional[str], bool]:
        """The bounds of the name in the party phrase text[s:e], the country a possessor before
        it gives ("Kazakhstan's Almaty region on Thursday" -> "Almaty region", KZ) and whether a
        body head named it ("the northern border province of Quang Ninh": a place, no person)."""
        text, words = self.text, self.lex.party_words
        s = strip_leads(text, s, e, words)
        lead = re.match(r"(?:the|The)\s+", text[s:e])
        s += lead.end() if lead else 0
        e = cut_time(text, s, e, records(self.doc, "dates"), words)
        s, e = trim_span(text, s, e, " \t\n;.,:'\"’")
        iso = None
        owner = country_possessor(text[s:e], self.lex.country_re, self.lex.country_of)
        if owner:
            s, iso = s + owner[0], owner[1]
        cut, body = descriptor_before(text[s:e], self.lex.appositive_heads, words)
        s += cut
        e = s + descriptor_after(text[s:e], self.lex.appositive_heads)
        ents = list(self.ents.overlapping(s, e))
        places = [m for m in ents if m["label"] in ("GPE", "LOC")] + self.named_places(s, e)
        e = place_after(text, s, e, places, [m for m in ents if m["label"] in ("ORG", "FAC")], words)
        s, e = trim_span(text, s, e, " \t\n;.,:'\"’")
        return s, e, iso, body

    def named_places(self, s: int, e: int) -> list[dict]:
        """Places inside text[s:e] that an organisation's span swallowed ("Fudan University in
        Shanghai" as one ORG): the words after its last " in " when they are a capital or a
        place the article names elsewhere."""
        m = None
        for m in self.lex.party_words.place_link_re.finditer(self.text, s, e):
            pass
        if m is None:
            return []
        name = self.text[m.end():e].strip()
        known = fold(name).lower() in self.lex.capitals or any(
            x["label"] == "GPE" and x["text"] == name for x in self.ents.mentions)
        return [{"start": m.end(), "end": e, "label": "GPE"}] if known and name else []

    def resolve_name(self, s: int, e: int, with_the: str) -> Optional[dict]:
        """A party dict for the name text[s:e] (``with_the``: the phrase as written)."""
        text = self.text
        lead = with_the.lstrip()[:4].lower() == "the "
        raw = text[s:e]
        if raw.lower() in self.lex.speaker_pronouns:
            return self.speaker_side(s)
        if self.lex.adverb_re.match(raw + " "):
            return None  # "Separately, ...": a sentence adverb, not a signer
        bm = self.lex.based_re.match(raw)
        if bm and s + bm.end() < e:
            # "Heilongjiang-based Jinlong Food", "the Almaty-based lender Kaspi Bank": the base is no name
            p = self.resolve_party(s + bm.end(), e)
            if p and p.get("party") and not p.get("country"):
                p["country"] = self.place_country(s + bm.start("place"), s + bm.end("place"))
            return p
        for m in self.ents.overlapping(s, e):
            # "Kazakh Invest national company": the name without a descriptor written after it
            if m["label"] in ("ORG", "FAC") and m["start"] <= s + 1 and s < m["end"] < e:
                tail = text[m["end"]:e].split()
                if tail and all(re.match(r"[a-z][\w-]*$", w) for w in tail) \
                        and tail[-1].lower() in self.lex.appositive_heads:
                    e = m["end"]
                    raw = text[s:e]
                break
        if any(d["start"] <= s and d["end"] >= e for d in records(self.doc, "dates")):
            return None  # "Today, A and B signed": a time, not a signer
        coll = collective_head(raw, self.lex) or (collective_head(with_the.strip(), self.lex) if lead else None)
        if coll:
            return {"collective": coll}
        mentions = [m for m in self.ents.overlapping(s, e) if m["start"] >= s - 4 and m["end"] <= e + 1]
        whole = [m for m in mentions if m["start"] <= s + 1 and m["end"] >= e - 1]
        if not whole:
            # a legal form before the name ("JSC Samruk-Kazyna", "PJSC Gazprom")
            whole = [m for m in mentions if m["end"] >= e - 1 and m["label"] in ("ORG", "FAC")
                     and re.fullmatch(r"[A-Z]{2,5}\s+", text[s:m["start"]])]
        iso_name = self.lex.is_country_name(raw)
        if iso_name:
            return {"party": self.lex.country_name[iso_name], "party_entity_id": self._eid(whole) or self.gpe_entity(iso_name),
                    "country": iso_name}
        persons = [m for m in mentions if m["label"] == "PERSON" and not self.lone_name(m)]
        orgs = [m for m in mentions if m["label"] in ("ORG", "GPE", "NORP", "FAC")]
        if whole and whole[0]["label"] == "GPE":
            iso = whole[0].get("country") or self.lex.country_in(whole[0].get("canonical") or raw)
            if whole[0].get("canonical") and not self.lex.is_country_name(whole[0]["canonical"]):
                # a sub-national place (region, province, city): the body as written, with its country
                return {"party": raw, "party_entity_id": whole[0]["entity_id"], "country": iso}
            name = self.country_of_iso(iso) or whole[0].get("canonical") or raw
            return {"party": name, "party_entity_id": whole[0]["entity_id"], "country": iso}
        side = self.person_side(s, e, raw, mentions, persons, whole)
        if side is not None:
            return side
        if not mentions and raw[:1].isupper() and len(raw.split()) <= 2 and not self.lex.country_in(raw) \
                and not self.lex.institution_re.search(raw) and self.person_word(raw):
            # a bare surname the NER missed ("Medvedev" after "Dmitri Medvedev"): a person of unknown country
            return {"party": None, "party_entity_id": None, "country": None, "person": raw}
        desc = self.described_name(s, e, raw, mentions)
        if desc is not None:
            return desc
        iso = None
        if whole and whole[0].get("country"):
            iso = whole[0]["country"]
        if not iso:
            for m in orgs:
                if m.get("country"):
                    iso = m["country"]
                    break
        if not iso:
            iso = self.lex.country_in(raw)
        return {"party": raw, "party_entity_id": self._eid(whole), "country": iso}

    def person_side(self, s: int, e: int, raw: str, mentions: list, persons: list, whole: list) -> Optional[dict]:
        """The side of a signer phrase text[s:e] that names a person (a PERSON mention ending it,
        or a title before a name the NER missed): the person's country, else a person of unknown
        country ({"party": None, "person": raw}); None when the phrase names no person."""
        text = self.text
        last = re.search(r"[A-Z][\w’'.-]*$", raw)
        titled = bool(last) and bool(self.lex.person_title_re.search(raw)) and not any(
            m["label"] in ("ORG", "GPE", "FAC") and m["start"] <= s + last.start() < m["end"] for m in mentions)
        if titled and not (persons and persons[-1]["end"] >= e - 1):
            persons = [{"start": e, "end": e, "country": None}]
        if persons and persons[-1]["end"] >= e - 1 and not (whole and whole[0]["label"] in ("ORG", "FAC")):
            person = persons[-1]
            iso = person.get("country")
            if not iso:
                before = text[s:person["start"]]
                iso = self.lex.country_in(before)
                if not iso:
                    m2 = re.search(r"\bof\s+(?:the\s+)?(.+)$", text[person["end"]:e])
                    iso = self.lex.country_in(m2.group(1)) if m2 else None
            if iso:
                return {"party": self.lex.country_name.get(iso, iso), "party_entity_id": self.gpe_entity(iso), "country": iso}
            return {"party": None, "party_entity_id": None, "country": None, "person": raw}
        return None

    def place_country(self, s: int, e: int) -> Optional[str]:
        """The country of the place text[s:e]: a country name or adjective, a capital, or the
        country the entities stage gives its mention."""
        name = fold(self.text[s:e]).strip()
        iso = self.lex.is_country_name(name) or (self.lex.country_of[name] if self.lex.adjective_re.fullmatch(name)
                                                  else None) or self.lex.capital_of.get(name.lower())
        if iso:
            return iso
        return next((m.get("country") for m in self.ents.overlapping(s, e)
                     if m["label"] in ("GPE", "LOC") and m.get("country")), None)

    def lone_name(self, m: dict) -> bool:
        """A one-word PERSON mention of no known country that no fuller person name of the
        article contains ("Cameco and Kazatomprom signed"): a signer named so is an organisation
        (people are introduced by their full name before a surname alone signs)."""
        if m.get("country") or len(m["text"].split()) != 1:
            return False
        word = fold(m["text"]).lower()
        for o in self.ents.mentions:
            if o["label"] == "PERSON" and len((o.get("canonical") or o["text"]).split()) > 1:
                words = {w.lower() for w in re.findall(r"[\w'’-]+", fold(o["text"] + " " + (o.get("canonical") or "")))}
                if word in words:
                    return False
        return not self.lex.person_title_re.search(self.text[max(0, m["start"] - 40):m["start"]])

    def person_word(self, raw: str) -> bool:
        """Is ``raw`` (or its last word) a word of a person the article names?"""
        last = fold(raw.split()[-1]).lower()
        for m in self.ents.mentions:
            if m["label"] == "PERSON":
                words = {w.lower() for w in re.findall(r"[\w'’-]+", fold(m["text"] + " " + (m.get("canonical") or "")))}
                if last in words:
                    return True
        return False

    def described_name(self, s: int, e: int, raw: str, mentions: list) -> Optional[dict]:
        """A name after a descriptor ("Kazakhstan's national oil company KazMunayGas", "Italy's
        Eni", "Chinese carmaker Geely"): the party is the name; its country is the entity's, else
        the descriptor's country."""
        m = re.match(r"^(?:(?P<poss>[A-Z][\w .'’-]*?)['’]s\s+(?:[a-z][\w-]*\s+)*|(?P<adj>[A-Z][\w-]*)\s+(?:[a-z][\w-]*\s+)+)"
                     r"(?P<name>[A-Z][\w'’&.-]*(?:\s+(?:(?:of|and|&|for)\s+)?[A-Z0-9][\w'’&.-]*){0,5})$", fold(raw))
        if not m:
            return None
        iso = None
        if m.group("poss"):
            iso = self.lex.is_country_name(m.group("poss"))
            if not iso:
                return None
        else:
            am = self.lex.adjective_re.fullmatch(m.group("adj"))
            if not am:
                return None
            iso = self.lex.country_of[am.group(0)]
        ns = s + m.start("name")
        name = self.text[ns:e]
        ent = next((x for x in mentions if x["start"] <= ns + 1 and x["end"] >= e - 1
                    and x["label"] in ("ORG", "FAC", "GPE")), None)
        if ent is None and any(x["label"] == "PERSON" and x["start"] >= ns - 1 and not self.lone_name(x)
                               for x in mentions):
            return None
        return {"party": name, "party_entity_id": ent["entity_id"] if ent else None,
                "country": (ent.get("country") if ent else None) or iso}

    @staticmethod
    def _eid(whole: list) -> Optional[int]:
        return whole[0]["entity_id"] if whole else None

    def parties_from_zone(self, s: int, e: int, pos: int) -> list[dict]:
        s = strip_leads(self.text, s, e, self.lex.party_words)
        adj = adjective_parties(self.text[s:e], self.lex) or self.zone_forms(s, e)
        if adj:
            return adj
        out = []
        pieces = self.split_names(split_conjuncts(self.text, s, e, self.protected(s, e)))
        for n, (a, b) in enumerate(pieces):
            if n and "," in self.text[pieces[n - 1][1]:a] and self.appositive(a, b):
                # "KTZ, the national railway operator, and COSCO": a descriptor of the name before
                iso = self.lex.country_in(self.text[a:b])
                if out and out[-1].get("party") and iso and not out[-1].get("country"):
                    out[-1]["country"] = iso
                    out[-1].pop("unrecognised", None)
                continue
            p = self.resolve_party(a, b)
            if p is None:
                continue
            if "collective" in p:
                out.extend(self.resolve_collective(p["collective"], pos))
            else:
                if p.get("party") and p.get("country") is None and not any(
                        m["label"] in ("ORG", "GPE", "NORP", "FAC", "PERSON", "LOC") for m in self.ents.overlapping(a, b)):
                    p["unrecognised"] = True
                out.append(p)
        if len(out) == 1 and out[0].pop("speaker", False):
            # "we signed" in a quote: the speaker's side and the other side the context names
            other = [c for c in self.context_sides(pos) if c["country"] != out[0].get("country")]
            out += other[:1]
        return self.context_country(self.fill_unknown(out, pos), pos)

    def zone_forms(self, s: int, e: int) -> Optional[list[dict]]:
        """Parties a whole phrase names at once: names sharing a plural body head ("the Osh and
        Andijan regions" -> Osh region | Andijan region) or countries after a plural head
        ("Presidents of Kyrgyzstan and Uzbekistan Sadyr Japarov and ..." -> the countries)."""
        text, lex = self.text, self.lex
        e = cut_time(text, s, e, records(self.doc, "dates"), lex.party_words)
        raw = text[s:e].strip()
        bodies = coordinated_bodies(raw, lex.party_words)
        if bodies:
            out = []
            for name in bodies:
                a = text.find(name.rsplit(" ", 1)[0], s, e)
                b = a + len(name.rsplit(" ", 1)[0])
                ent = next((m for m in self.ents.overlapping(a, b) if m["start"] <= a and m["end"] >= b), None)
                out.append({"party": name, "party_entity_id": ent["entity_id"] if ent else None,
                            "country": self.place_country(a, b) if a >= 0 else None})
            return out
        isos = heads_of_countries(raw, lex.heads_alt, lex.country_re, lex.country_of)
        if isos:
            return [{"party": lex.country_name.get(i, i), "party_entity_id": self.gpe_entity(i), "country": i}
                    for i in isos]
        return None

    def speaker_side(self, pos: int) -> Optional[dict]:
        """The side of the speaker of the quote holding ``pos`` (a "we" signing in a quote): the
        speaker's country, from the speaker's entity or the words naming the speaker."""
        q = next((q for q in self.quotes if q["start"] <= pos < q["end"]), None)
        if q is None:
            return None
        ent = next((m for m in self.ents.mentions if q.get("speaker_entity_id") is not None
                    and m["entity_id"] == q["speaker_entity_id"] and m.get("country")), None)
        iso = ent["country"] if ent else self.lex.country_in(" ".join(
            str(q.get(k) or "") for k in ("speaker_text", "speaker")))
        if not iso:
            return None
        return {"party": self.lex.country_name.get(iso, iso), "party_entity_id": self.gpe_entity(iso),
                "country": iso, "speaker": True}

    def named_sides(self, s: int, e: int, least: int = 2) -> bool:
        """Does text[s:e] (after "between") list names only, the parties of the document it
        follows ("an agreement on X between Chile and Peru", "... between KTZ and COSCO") rather
        than what the subject relates ("relations between Kazakhstan and China to the level of",
        "the railway between Tacheng and Ayagoz", "transport between China and Europe by rail")?
        Each conjunct is a capitalised name (of/for/and/the inside), no capital city, region or
        other location."""
        pieces = split_conjuncts(self.text, s, e, self.protected(s, e))
        if len(pieces) < least:
            return False
        for a, b in pieces:
            seg = strip_the(self.text[a:b])
            if not re.fullmatch(r"[A-Z][\w'’&.-]*(?:\s+(?:(?:of|for|and|the|de|&)\s+)*[A-Z0-9][\w'’&.-]*)*", fold(seg)):
                return False
            ents = [m for m in self.ents.overlapping(a, b)]
            whole = [m for m in ents if m["start"] <= a + 4 and m["end"] >= b - 1]
            if fold(seg).lower() in self.lex.capitals or any(m["label"] == "LOC" for m in whole) or \
                    self.lex.region_heads_re.match(" " + seg.split()[-1]):
                return False  # a city or region: the subject's route, not a side
        return True

    def appositive(self, a: int, b: int) -> bool:
        """Is text[a:b] a descriptor ("the national railway operator", "Uzbekistan's state
        uranium miner", "a Chinese carmaker"): an optional determiner or country possessive /
        adjective, then lowercase words ending in a descriptor head (appositive_heads.txt), and no
        organisation or person in it?"""
        t = fold(self.text[a:b]).strip()
        if any(m["label"] in ("ORG", "PERSON", "FAC") for m in self.ents.overlapping(a, b)):
            return False
        m = re.match(rf"(?:(?i:{DET_ALT}|one\s+of)\s+)?(?:([A-Z][\w .-]*?)'s?\s+|([A-Z][\w-]*)\s+)?", t)
        if m.group(1) and not self.lex.is_country_name(m.group(1)):
            return False
        if m.group(2) and not (self.lex.adjective_re.fullmatch(m.group(2)) or self.lex.is_country_name(m.group(2))):
            return False
        words = t[m.end():].split()
        if not words or any(not re.match(r"[a-z0-9][\w-]*$", w) for w in words):
            return False
        return words[-1] in self.lex.appositive_heads

    def split_names(self, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """A piece that one entity span covers although it joins two names with "and" ("China
        Energy Engineering Corporation and Uzbekenergo" as one ORG): split at the " and " when
        the left side ends in a company suffix (company_suffixes.txt), or the left side is one
        coined name ("KazMunayGas") and the right side ends in a suffix or opens with an acronym
        or inner-capital name ("Uzbekenergo and ACWA Power")."""
        out = []
        for a, b in pieces:
            seg = self.text[a:b]
            m = re.search(run_start(r"\s+(?:and|&)\s+(?=[A-Z])"), seg)
            ents = [x for x in self.ents.overlapping(a, b) if x["label"] in ("ORG", "FAC")]
            if m and ents and ents[0]["start"] <= a + m.start() and ents[0]["end"] >= a + m.end() \
                    and seg[:1].isupper() and not re.search(run_start(r"\s+(?:and|&)\s+"), seg[m.end():]):
                left, right = seg[:m.start()].split(), seg[m.end():].split()
                coined = len(left) == 1 and self.coined(left[0], a, b)
                # (or two coined names: "Uzbekenergo and ACWA Power")
                if left[-1] in self.lex.company_suffixes or (right[-1] in self.lex.company_suffixes and coined) \
                        or (coined and re.fullmatch(r"[A-Z0-9-]{2,}|[A-Z][a-z]+[A-Z][\w-]*", right[0])):
                    out += [(a, a + m.start()), (a + m.end(), b)]
                    continue
            out.append((a, b))
        return out

    def coined(self, word: str, a: int, b: int) -> bool:
        """Is ``word`` a coined company name rather than an English word of a longer name: all
        capitals or inner capitals ("KTZ", "KazMunayGas"), a country name/adjective run into
        lowercase letters ("Uzbekneftegaz", "Kazakhtelecom"), or a word the article uses alone
        elsewhere (outside text[a:b])?"""
        if re.fullmatch(r"[A-Z0-9-]{2,}|[A-Z][a-z]+[A-Z][\w-]*", word):
            return True
        for k in range(3, len(word) - 2):
            if self.lex.country_re.fullmatch(fold(word[:k])) and word[k:].islower():
                return True
        for m in re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w-])", self.text):
            if not (a <= m.start() < b) and not re.match(r"\s+(?:and|&)\s", self.text[m.end():m.end() + 6]):
                return True
        return False

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
        for m in self.lex.country_re.finditer(fold(self.text[s:e])):
            iso = self.lex.country_of[m.group(0)]
            if iso not in seen and not in_money(s + m.start()):
                seen.add(iso)
                found.append((s + m.start(), {"party": self.lex.country_name.get(iso, iso),
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
                                 sent.text):
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
