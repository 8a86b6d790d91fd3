"""Parties: a side named in a phrase (countries, institutions, companies, persons' countries):
the phrase taken down to its name and resolved against the entities. Lists of sides are
``party_lists``, collectives and the context's sides ``sides``."""

from __future__ import annotations

import functools
import re
from typing import Optional

from ...core.extensions import records
from ...core.text import fold
from .grammar import run_start
from .phrases import strip_the, trim_span, collective_head
from .party_text import (strip_leads, cut_time, country_possessor, descriptor_before, descriptor_after,
                         place_after, side_people, name_before_purpose, nationality_person,
                         introduced_as_person, settled_countries)
from .antecedents import head_antecedent, pronoun_antecedent, reporter_antecedent
from .sides import SidesMixin, heads_of_sides, sides_head
from .party_lists import PartyListsMixin


class PartiesMixin(PartyListsMixin, SidesMixin):
    """Parties: a side named in a phrase (countries, institutions, companies, persons' countries),
    split lists of sides, descriptors, collective heads ("the two sides") and the context's sides."""

    def resolve_party(self, s: int, e: int) -> Optional[dict]:
        """A party dict for text[s:e]; {"party": None, ...} for a person of unknown country;
        {"collective": (singular, kind)} for "the two sides". The phrase is first taken down to
        the name it holds (party_text: no dateline, time, descriptor or locating place)."""
        text = self.text
        if s < self.dateline_end:  # the body's wire dateline (city, agency) is never part of a party
            if e <= self.dateline_end:
                return None
            s = self.dateline_end
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
        of_sides = heads_of_sides(with_the, self.lex)
        if of_sides:
            return {"collective": of_sides}
        own = with_the.split()[0].lower() in self.lex.party_words.possessives if with_the.split() else False
        if (own or not (collective_head(strip_the(with_the), self.lex) or collective_head(with_the.strip(), self.lex))) \
                and side_people(with_the.strip(), self.lex.heads, self.lex.party_words, self.lex.country_re):
            return {"collective": ("side", "country")}  # "our ministers of education": the sides
        people = nationality_person(with_the, self.lex.party_words, self.lex.country_in)
        if people:  # "his Argentine counterpart": the country of a person named by nationality
            return {"party": self.lex.country_name.get(people, people),
                    "party_entity_id": self.gpe_entity(people), "country": people}
        p = self.resolve_name(s, e, with_the)
        if p and p.get("party") and iso and not p.get("country"):
            p["country"] = iso
        if p and p.get("party") and p.get("country") and self.bare_title(s, e):
            # "Kazakhstan's Minister of Industry": a minister signing for the country
            p = {"party": self.lex.country_name.get(p["country"], p["country"]),
                 "party_entity_id": self.gpe_entity(p["country"]), "country": p["country"]}
        return p

    def bare_title(self, s: int, e: int) -> bool:
        """Is text[s:e] a person's title without a name ("Minister of Industry", "Secretary for
        Trade"): a title word (person_titles.txt) alone or before "of"/"for", names no organisation
        (institution_words.txt heads an institution: "Ministry of Industry" is a body; an
        organisation span opening with a title is the NER's misreading) and no person."""
        raw = self.text[s:e]
        m = self.lex.person_title_re.match(raw)
        if not m or self.lex.institution_re.match(raw) or not re.match(r"\s*$|\s+(?:of|for)\s", raw[m.end():]):
            return False  # "General Administration of Customs": a title word opening a body's name
        return not any(x["label"] in ("ORG", "PERSON", "FAC") and not self.lex.person_title_re.match(x["text"])
                       and not self.portfolio(x) for x in self.ents.overlapping(s, e))

    def portfolio(self, m: dict) -> bool:
        """Is the ORG mention ``m`` only a minister's portfolio the NER took for an organisation
        ("Minister of Mines, Petroleum and Energy": "Petroleum and Energy"): after "of" or a comma,
        capitalised words and "and" only, no institution word, no company suffix, no country?"""
        before = self.text[max(0, m["start"] - 4):m["start"]]
        words = m["text"].split()
        return m["label"] == "ORG" and not m.get("country") and bool(re.search(r"(?:\bof|,)\s+$", before)) \
            and re.fullmatch(r"[A-Z][\w-]*(?:\s+(?:and\s+)?[A-Z][\w-]*)*", m["text"]) is not None \
            and not self.lex.institution_re.search(m["text"]) and words[-1] not in self.lex.company_suffixes

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
        if cut and not iso:  # "the Tashkent city transport company X": the place gives the country
            iso = next((m.get("country") for m in self.ents.overlapping(s, s + cut)
                        if m["label"] in ("GPE", "NORP") and m.get("country")), None)
        s += cut
        e = s + descriptor_after(text[s:e], self.lex.appositive_heads)
        ents = list(self.ents.overlapping(s, e))
        places = [m for m in ents if m["label"] in ("GPE", "LOC")] + self.named_places(s, e)
        e = place_after(text, s, e, places, [m for m in ents if m["label"] in ("ORG", "FAC")], words)
        e = s + name_before_purpose(text[s:e], words, tuple(m["end"] - s for m in ents if m["start"] <= s + 1),
                                    self.lex.institution_re)
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
        if raw.lower() in self.lex.party_words.org_pronouns:
            i = self.sent_of(s)
            lo = max(self.sents[i].start_char, self.dateline_end)
            return pronoun_antecedent(self.text, self.ents.mentions, lo,
                                      max(self.sents[max(0, i - 1)].start_char, self.dateline_end), s) or \
                reporter_antecedent(self.text, lo, s, self.lex.party_words.report_verbs)
        named = head_antecedent(with_the, self.ents.mentions, s, self.lex)
        if named:
            return named
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
            return {"collective": sides_head(raw, coll, self.lex)}
        mentions = [m for m in self.ents.overlapping(s, e) if m["start"] >= s - 4 and m["end"] <= e + 1]
        whole = [m for m in mentions if m["start"] <= s + 1 and m["end"] >= e - 1]
        if not whole:
            # a legal form before the name ("JSC Samruk-Kazyna", "PJSC Gazprom")
            whole = [m for m in mentions if m["end"] >= e - 1 and m["label"] in ("ORG", "FAC")
                     and re.fullmatch(r"[A-Z]{2,5}\s+", text[s:m["start"]])]
        iso_name = self.lex.is_country_name(raw) or self.settled_name(raw)
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

    @functools.cached_property
    def settled(self) -> list:
        """The shared country words ("Korea") this article's context settles (context_countries.tsv)."""
        return settled_countries(self.text, self.lex.party_words.context_countries)

    def settled_name(self, raw: str) -> Optional[str]:
        """The ISO2 of ``raw`` when it is a shared country word the context settles ("Korea")."""
        return next((iso for word, iso in self.settled if word.fullmatch(strip_the(raw).strip())), None)

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
        if m.get("country"):
            return False
        if len(m["text"].split()) != 1:
            return self.unintroduced_name(m)
        word = fold(m["text"]).lower()
        for o in self.ents.mentions:
            if o["label"] == "PERSON" and len((o.get("canonical") or o["text"]).split()) > 1:
                words = {w.lower() for w in re.findall(r"[\w'’-]+", fold(o["text"] + " " + (o.get("canonical") or "")))}
                if word in words:
                    return False
        return not self.lex.person_title_re.search(self.text[max(0, m["start"] - 40):m["start"]])

    def unintroduced_name(self, m: dict) -> bool:
        """A PERSON mention of several words and no known country that no title or person cue
        introduces anywhere in the article and whose words never stand alone as a person ("Air
        Astana and Lufthansa Technik inked"): a company the NER took for a person."""
        words = {w.lower() for w in re.findall(r"[\w'’-]+", fold(m["text"]))}
        same = [o["start"] for o in self.ents.mentions if o["label"] == "PERSON" and (
            o["text"] == m["text"] or (o.get("entity_id") is not None and o.get("entity_id") == m.get("entity_id")))]
        if any(o["label"] == "PERSON" and len(o["text"].split()) == 1 and fold(o["text"]).lower() in words
               for o in self.ents.mentions):
            return False  # "Smith said": the surname alone names a person
        return not introduced_as_person(self.text, same or [m["start"]], self.lex.person_title_re,
                                        self.lex.party_words.person_cues)

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
