"""Lists of sides: a signer or between-phrase split into the parties it names (names joined by
"and", descriptors set off by commas, bodies sharing a plural head, the speaker's "we"), and
whether a between-phrase names sides at all."""

from __future__ import annotations

import re
from typing import Optional

from ...core.extensions import records
from ...core.text import fold
from .grammar import DET_ALT, run_start
from .phrases import strip_the, split_conjuncts, adjective_parties
from .party_text import strip_leads, cut_time, coordinated_bodies, heads_of_countries, descriptor_parts
from .speakers import speaker_side


class PartyListsMixin:
    """Splitting a phrase into the parties it names (see the module docstring)."""

    def parties_from_zone(self, s: int, e: int, pos: int) -> list[dict]:
        s = strip_leads(self.text, s, e, self.lex.party_words)
        am = self.lex.adverb_re.match(self.text[s:e])
        if am and s + am.end() < e:
            s += am.end()  # "Separately, Pavlodar and Omsk regions"
        adj = adjective_parties(self.text[s:e], self.lex) or self.zone_forms(s, e)
        if adj:
            return adj
        out = []
        pieces = self.shared_head(self.title_lists(self.split_names(split_conjuncts(self.text, s, e, self.protected(s, e)))))
        if len(pieces) >= 3 and self.common_phrase(*pieces[0]) and \
                all(any(True for _ in self.ents.overlapping(a, b)) for a, b in pieces[1:]):
            pieces = pieces[1:]  # "the railway administrations of our two countries, A and B"
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
            # (unless "we signed X with Y" names it: then a people the with-phrase names, "with
            # our Iraqi brothers" -> Iraq)
            with_s = self.with_after(e, pos)
            other = self.with_people(with_s) if with_s is not None else self.context_sides(pos)
            out += [c for c in other if c["country"] != out[0].get("country")][:1]
        return self.context_country(self.fill_unknown(out, pos), pos)

    def title_lists(self, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Pieces a comma split inside a title or institution's "of" list ("Minister of Mines,
        Petroleum and Energy", "Ministry of Trade, Industry and Tourism") joined again: a piece
        ending in a title or institution word (person_titles.txt, institution_words.txt) + "of" +
        capitalised words, and after its comma capitalised words (joined by "and") that name
        no place, person or institution (the NER may take the words for an organisation)."""
        out: list[tuple[int, int]] = []
        listing = False  # inside such a list: its last item follows "and"
        for a, b in pieces:
            sep = self.text[out[-1][1]:a].strip() if out else ""
            if out and (sep == "," and self.of_list_head(*out[-1]) or listing and sep in (",", "and", ", and")) \
                    and re.fullmatch(r"[A-Z][\w-]*(?:\s+(?:and|&)?\s*[A-Z][\w-]*)*", self.text[a:self.time_cut(a, b)].strip()) \
                    and not any(m["label"] != "ORG" or self.lex.institution_re.search(m["text"])
                                for m in self.ents.overlapping(a, b)):  # "Petroleum and Energy" as an ORG
                out[-1] = (out[-1][0], b)
                listing = sep.startswith(",")
                continue
            out.append((a, b))
            listing = False
        return out

    def time_cut(self, a: int, b: int) -> int:
        """The end of text[a:b] before a time written after it ("Water on Friday" -> "Water")."""
        return cut_time(self.text, a, b, records(self.doc, "dates"), self.lex.party_words)

    def of_list_head(self, a: int, b: int) -> bool:
        """Does text[a:b] end in a title or institution word + "of" + one to three capitalised words?"""
        m = re.search(r"(\S+(?:\s+\S+)?)\s+of\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2}$", self.text[a:b])
        return bool(m) and bool(self.lex.person_title_re.search(m.group(1)) or self.lex.institution_re.search(m.group(1)))

    def common_phrase(self, a: int, b: int) -> bool:
        """Is text[a:b] a common noun phrase: no entity and no capitalised word after an article?"""
        words = strip_the(self.text[a:b].strip()).split()
        return bool(words) and not any(w[:1].isupper() for w in words) and not any(
            True for _ in self.ents.overlapping(a, b))

    def with_after(self, e: int, pos: int) -> Optional[int]:
        """Where the signing clause after the signer phrase ending at ``e`` names the other side
        with a counterparty marker ("we signed a memorandum with X"): the marker's end, else None."""
        sent = self.sents[self.sent_of(pos)]
        m = self.lex.deal_markers.counterparty.search(self.text, e, sent.end_char)
        return m.end() if m else None

    def with_people(self, s: int) -> list[dict]:
        """The country a with-phrase starting at ``s`` names by its people when it names no
        organisation ("with our Iraqi brothers", "with our friends from Oman"): [] otherwise."""
        e = s + len(re.split(r"[,;:.!?\"“”]", self.text[s:s + 80])[0])
        if any(m["label"] in ("ORG", "FAC") for m in self.ents.overlapping(s, e)):
            return []
        return self.countries_in(s, e)[:1]

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
        """The side of the speaker of the quote holding ``pos`` (speakers.speaker_side)."""
        return speaker_side(self.text, self.quotes, self.ents.mentions, pos, self.lex, self.gpe_entity)

    def named_sides(self, s: int, e: int, least: int = 2) -> bool:
        """Does text[s:e] (after "between") list names only, the parties of the document it
        follows ("an agreement on X between Chile and Peru", "... between KTZ and COSCO") rather
        than what the subject relates ("relations between Kazakhstan and China to the level of",
        "the railway between Tacheng and Ayagoz", "transport between China and Europe by rail")?
        Each conjunct is a capitalised name (of/for/and/the inside), no capital city, region or
        other location; regions all written with their head ("between the Tashkent region and the
        Ganja-Dashkasan economic region", "between Hubei province and the Osh region") are sides."""
        pieces = split_conjuncts(self.text, s, e, self.protected(s, e))
        if len(pieces) < least:
            return False
        headed = [bool(self.lex.region_heads_re.match(" " + strip_the(self.text[a:b]).split()[-1]))
                  for a, b in pieces if self.text[a:b].split()]
        regions = len(pieces) >= 2 and len(headed) == len(pieces) and all(headed)
        for a, b in pieces:
            seg = strip_the(self.text[a:b])
            # "the Shirvan-Salyan economic region": the name before its lowercase head
            name = (re.sub(r"(?:\s+[a-z][\w-]*)+$", "", seg.strip()) or seg) if regions else seg
            if not re.fullmatch(r"[A-Z][\w'’&.-]*(?:\s+(?:(?:of|for|and|the|de|&)\s+)*[A-Z0-9][\w'’&.-]*)*", fold(name)):
                return False
            ents = [m for m in self.ents.overlapping(a, b)]
            whole = [m for m in ents if m["start"] <= a + 4 and m["end"] >= b - 1]
            if fold(seg).lower() in self.lex.capitals or any(m["label"] == "LOC" for m in whole) or \
                    (not regions and self.lex.region_heads_re.match(" " + seg.split()[-1])):
                return False  # a city or region: the subject's route, not a side
        return True

    def appositive(self, a: int, b: int) -> bool:
        """Is text[a:b] a descriptor of the name before it (party_text.descriptor_parts), with no
        organisation or person in its own words? A capitalised possessor must be a country or a
        name ("ADNOC's ... arm"), a capitalised adjective a country's ("a Chinese carmaker")."""
        lead = len(self.text[a:b]) - len(self.text[a:b].lstrip())
        a += lead
        t = fold(self.text[a:b]).rstrip()
        parts = descriptor_parts(t, self.lex.appositive_heads, DET_ALT)
        if parts is None:
            return False
        adj = re.match(r"(?:(?i:" + DET_ALT + r")\s+)?([A-Z][\w-]*)\s+(?=[a-z])", t)
        if adj and adj.end() == parts[0] and not (self.lex.adjective_re.fullmatch(adj.group(1))
                                                  or self.lex.is_country_name(adj.group(1))):
            return False
        return not any(m["label"] in ("ORG", "PERSON", "FAC") and a + parts[0] <= m["start"] < a + parts[1]
                       for m in self.ents.overlapping(a, b))

    def split_names(self, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """A piece that one entity span covers although it joins two names with "and" ("China
        Energy Engineering Corporation and Uzbekenergo" as one ORG): split at the " and " when
        the left side ends in a company suffix (company_suffixes.txt), or the left side is one
        coined name ("KazMunayGas") and the right side ends in a suffix or opens with an acronym
        or inner-capital name ("Uzbekenergo and ACWA Power"). Also split when the right side opens
        with a country's possessive ("... Authority and Peru's Tourism Board") or when the piece is
        the whole object of "between" (two sides: "between Fonterra and Dairy Board of Ghana")."""
        out = []
        pair = len(pieces) == 1 and bool(re.search(r"\bbetween\s+(?:the\s+)?$", self.text[:pieces[0][0]]))
        for a, b in pieces:
            seg = self.text[a:b]
            m = re.search(run_start(r"\s+(?:and|&)\s+(?=[A-Z])"), seg)
            ents = [x for x in self.ents.overlapping(a, b) if x["label"] in ("ORG", "FAC") or pair]
            if m and ents and ents[0]["start"] <= a + m.start() and ents[0]["end"] >= a + m.end() \
                    and re.match(r"(?:the\s+)?[A-Z]", seg) and not re.search(run_start(r"\s+(?:and|&)\s+"), seg[m.end():]):
                left, right = seg[:m.start()].split(), seg[m.end():].split()
                coined = len(left) == 1 and self.coined(left[0], a, b)
                # (or two coined names: "Uzbekenergo and ACWA Power")
                if left[-1] in self.lex.company_suffixes or (right[-1] in self.lex.company_suffixes and coined) \
                        or (coined and re.fullmatch(r"[A-Z0-9-]{2,}|[A-Z][a-z]+[A-Z][\w-]*", right[0])) \
                        or pair or self.possessive_country(right[0]):
                    out += [(a, a + m.start()), (a + m.end(), b)]
                    continue
            out.append((a, b))
        return out

    def shared_head(self, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Join a legal form split off at a comma ("X Co., Ltd.") to its name, and a portfolio split
        at "and" ("the Investment and Downstreaming Ministry", "Energy and Mineral Resources
        Agency"): a piece of capitalised words naming nothing the entities stage
        knows and holding no institution head, joined by a bare "and" (document_links.txt) to a
        piece of capitalised words ending in an institution head (institution_words.txt) that is no
        company suffix; a coined word ("QazaqGaz and China National Petroleum Corporation") is a name."""
        out: list[tuple[int, int]] = []
        for a, b in pieces:
            first = re.match(r"\s*([A-Z][\w]*)(\.?)(?:\s+(?![A-Z])|\s*$)", self.text[a:b])
            if out and first and first.group(1) + first.group(2) in self.lex.company_suffixes \
                    and self.text[out[-1][1]:a].strip(" .") == ",":
                out[-1] = (out[-1][0], b)  # "Thai Airport Ground Services Co., Ltd.": one name
                continue
            link = self.text[out[-1][1]:a].strip() if out else ""
            if out and self.portfolio_word(*out[-1]) and re.fullmatch(rf"(?i:{self.lex.link_alt}|&)", link) \
                    and re.fullmatch(r"[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*", self.text[a:b]) \
                    and self.lex.institution_re.fullmatch(self.text[a:b].split()[-1]) \
                    and self.text[a:b].split()[-1] not in self.lex.company_suffixes:
                out[-1] = (out[-1][0], b)
                continue
            out.append((a, b))
        return out

    def portfolio_word(self, a: int, b: int) -> bool:
        """Is text[a:b] one or two capitalised words of a portfolio: no entity of the entities stage
        (other than an ORG it reads into a portfolio), no institution head, no country?"""
        raw = strip_the(self.text[a:b])
        return bool(re.fullmatch(r"[A-Z][a-z][\w-]*(?:\s+[A-Z][a-z][\w-]*)?", raw)) \
            and not any(self.coined(w, a, b) for w in raw.split()) \
            and not self.lex.institution_re.search(raw) and not self.lex.country_in(raw) \
            and not any(m["label"] in ("GPE", "PERSON", "NORP", "FAC", "LOC") for m in self.ents.overlapping(a, b))

    def possessive_country(self, word: str) -> bool:
        """Is ``word`` a country's possessive ("Peru's", "Ghana’s")?"""
        m = re.fullmatch(r"(.+?)['’]s?", word)
        return bool(m) and bool(self.lex.is_country_name(m.group(1)))

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
