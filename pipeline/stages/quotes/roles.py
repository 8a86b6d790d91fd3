"""Speakers named by a role: titles with names, role nouns, groups, sides, representatives, organisations."""

from __future__ import annotations

import bisect
from typing import Iterable, Optional

from spacy.tokens import Token

from ...core.text import fold
from .grammar import _small_number, name_phrase, subtree
from .rules import GROUP_SEP, PRONOUN_WINDOW


class RoleMixin:
    """Role-noun resolution (mixed into the per-doc speaker resolver)."""

    def titled_name(self, tok: Token) -> Optional[dict]:
        """The person a title phrase names when the parser hung the name inside the title's
        prepositional phrase: a comma-set apposition anywhere in the phrase ("The Chairman of the
        Board of X, Nurlan Zhakupov, said") or a name run into the title at the end of the
        phrase ("Minister of Foreign Affairs Murat Nurtleu stated")."""
        if not (tok.text[:1].isupper() or self.role_of(tok)[0] is not None):
            return None

        def inside(t: Token, deps: tuple) -> bool:
            for _ in range(12):
                if t.i == tok.i:
                    return True
                if t.dep_ not in deps or t.head.i == t.i:
                    return False
                t = t.head
            return False

        chain = ("prep", "pobj", "compound", "appos", "conj", "cc", "amod", "nmod", "poss")
        sub = sorted(subtree(tok), key=lambda t: t.i)
        for t in sub:  # a comma-set apposition naming a person
            if t.dep_ == "appos" and t.i > tok.i and inside(t, chain):
                m = self.mention_at(t, ("PERSON",))
                if m is not None and self.text[:min(m["start"], t.left_edge.idx)].rstrip().endswith((",", "—", "–")):
                    return self.from_mention(m)  # (a title may open the apposition: ", Baroness Keane,")
        # a name run into the title: the phrase (up to its first comma) ends with a PERSON mention
        # whose previous word is a capitalised title word ("… Affairs Murat Nurtleu")
        phrase = []
        for t in sub:
            if t.i > tok.i and t.text in (",", "(", "—", "–"):
                break
            phrase.append(t)
        if not phrase or phrase[-1].i <= tok.i or not inside(phrase[-1], chain):
            return None
        m = self.mention_at(phrase[-1], ("PERSON",))
        if m is None or m["end"] != phrase[-1].idx + len(phrase[-1]):
            return None
        first = self.tok_at(m["start"])
        prev = self.doc[first.i - 1] if first.i > tok.i else None
        if prev is None or not prev.is_alpha or not prev.text[:1].isupper() or prev.pos_ in ("DET", "ADP"):
            return None
        if self.mention_at(prev, ("PERSON",)) is not None:
            return None
        return self.from_mention(m)

    def introduced_as(self, tok: Token, written: str) -> Optional[dict]:
        """The latest PERSON introduced earlier with this role word as title or apposition
        ("Foreign Ministry Spokesperson Mao Ning", "Dmitry Peskov, the Kremlin spokesman") — a
        representative with no principal named ("the spokesperson further pointed out")."""
        best = None
        for m in reversed(self._introductions(tok.lower_)):
            if m["start"] < tok.idx and not self.covered(m["start"]):
                best = m
                break
        return self.from_mention(best, written) if best is not None else None

    def titled_as(self, tok: Token, written: str) -> Optional[dict]:
        """The latest PERSON (before tok) named with this role word right before the name
        ("Energy Minister Taalaibek Ibraev") or in a comma apposition right after it ("X, the
        minister,") — "the minister replied" after a deputy asked is still the minister."""
        titled = self._titled(tok.lemma_.lower())
        k = bisect.bisect_left([m["start"] for m in titled], tok.idx)
        for m in reversed(titled[:k]):
            if not self.covered(m["start"]):
                return self.from_mention(m, written)
        return None

    def initialled_as(self, tok: Token) -> Optional[dict]:
        """A definite role written as the initials of a title ("the CS" after "Cabinet Secretary
        Jane Doe", "the MD" after "Managing Director X"): the latest PERSON (before tok) whose
        capitalised title words right before the name have these initials."""
        word = tok.text.rstrip(".").replace(".", "")
        if not (2 <= len(word) <= 4 and word.isalpha() and word.isupper()) or self.covered(tok.idx) \
                or not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.lefts):
            return None
        found = None
        for m in self.index.mentions:
            if m["label"] != "PERSON" or m["start"] >= tok.idx:
                continue
            first = self.tok_at(m["start"])
            title = []
            for t in reversed(self.doc[max(0, first.i - len(word) - 1):first.i]):
                if not (t.is_alpha and t.text[:1].isupper()) or t.is_upper:
                    break
                title.insert(0, t.text[0])
                if "".join(title) == word and not self.covered(m["start"]):
                    found = m
                    break
        if found is None:
            return None
        written = self.doc[min([tok.i] + [c.i for c in tok.lefts if c.dep_ == "compound"]):tok.i + 1].text
        return self.from_mention(found, written)

    def _titled(self, word: str) -> list[dict]:
        """PERSON mentions titled ``word`` (right before the name, or ", the word" right after), in
        text order; computed once per word and doc."""
        cache = self.__dict__.setdefault("_titled_cache", {})
        if word not in cache:
            found = []
            for m in self.index.mentions:
                if m["label"] != "PERSON":
                    continue
                first, last = self.tok_at(m["start"]), self.tok_at(m["end"] - 1)
                before = self.doc[first.i - 1] if first.i > 0 else None
                after = [t for t in self.doc[last.i + 1:last.i + 4] if t.dep_ != "det"]
                before2 = self.doc[first.i - 2] if first.i > 1 and before is not None and before.text == "," else None
                if (before is not None and before.lemma_.lower() == word) or \
                        (before2 is not None and before2.lemma_.lower() == word) or \
                        (len(after) > 1 and after[0].text == "," and after[1].lemma_.lower() == word):
                    found.append(m)
            cache[word] = found
        return cache[word]

    def described_as(self, tok: Token, written: str, labels: tuple = ("PERSON",)) -> Optional[dict]:
        """The latest mention (before tok) of these labels described with this word: among the
        four words before the name ("founder Jane Doe", "the truckers' federation CNT") or in the
        comma apposition after it ("Jane Doe, the 41-year-old chief executive of X,", "Tengri
        Pay, a Kazakh payments company,")."""
        word = tok.lemma_.lower()
        cache = self.__dict__.setdefault("_described", {})
        if (word, labels) not in cache:
            found = []
            for m in self.index.mentions:
                if m["label"] not in labels:
                    continue
                first, last = self.tok_at(m["start"]), self.tok_at(m["end"] - 1)
                near = []  # the words of the name's own phrase before it ("the truckers' federation CNT")
                for t in reversed(self.doc[max(first.sent.start, first.i - 4):first.i]):
                    if t.pos_ in ("VERB", "AUX", "ADP", "PUNCT", "SCONJ", "CCONJ") or t.is_space:
                        break
                    near.append(t)
                if last.i + 1 < len(self.doc) and self.doc[last.i + 1].text == ",":
                    for t in self.doc[last.i + 2:min(last.sent.end, last.i + 14)]:
                        if t.text in (",", ";", "(", ")") or t.is_space:
                            break
                        if t.dep_ == "appos" or (t.dep_ in ("compound", "amod") and t.head.dep_ == "appos"):
                            near.append(t)  # the apposition's head, not a possessor in it ("the company's CEO")
                if any(t.lemma_.lower() == word for t in near):
                    found.append(m)
            cache[(word, labels)] = found
        found = None
        for m in reversed(cache[(word, labels)]):
            if m["start"] < tok.idx and not self.covered(m["start"]):
                found = self.from_mention(m, written), m["start"]
                break
        if labels != ("PERSON",):  # an organisation the NER did not tag ("Baltic Freight, a Latvian company,")
            named = self._unlabelled_described(tok, word)
            if named is not None and (found is None or named[1] > found[1]):
                found = named
        return dict(found[0], speaker_text=written) if found is not None else None

    def _unlabelled_described(self, tok: Token, word: str) -> Optional[tuple[dict, int]]:
        """(speaker, start) of the latest proper name before tok with no entity mention whose
        apposition is this word ("Baltic Freight, a Latvian logistics company,")."""
        for t in reversed(self.doc[:tok.sent.start if tok.sent.start else 0]):
            if t.dep_ != "appos" or t.lemma_.lower() != word or t.head.pos_ != "PROPN" or t.head.i > t.i:
                continue
            head = t.head
            if self.covered(head.idx) or self.mention_at(head) is not None:
                return None
            written = name_phrase(head).text
            return {"speaker": written, "speaker_entity_id": None, "speaker_text": written}, head.idx
        return None

    def _introductions(self, word: str) -> list[dict]:
        """PERSON mentions with ``word`` among the four words before or five after them (same
        sentence), in text order; computed once per word and doc."""
        cache = self.__dict__.setdefault("_introduced", {})
        if word not in cache:
            found = []
            for m in self.index.mentions:
                if m["label"] != "PERSON":
                    continue
                first = self.tok_at(m["start"])
                last = self.tok_at(m["end"] - 1)
                near = list(self.doc[max(first.sent.start, first.i - 4):first.i]) + \
                    list(self.doc[last.i + 1:min(last.sent.end, last.i + 6)])
                if any(t.lower_ == word for t in near):
                    found.append(m)
            cache[word] = found
        return cache[word]

    def role_of(self, tok: Token) -> tuple[Optional[dict], list[Token]]:
        """The longest role noun phrase headed by tok ("head of state", "press service", "leader")."""
        roles = self.rules.roles
        cands = []
        lefts = [c for c in tok.lefts if c.dep_ == "compound"]
        if lefts:
            cands.append((" ".join(t.lower_ for t in lefts + [tok]), lefts + [tok]))
        for prep in tok.rights:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                objs = [c for c in prep.children if c.dep_ == "pobj"]
                if objs:
                    cands.append((f"{tok.lower_} of {objs[0].lower_}", [tok, prep, objs[0]]))
                    cands.append((f"{tok.lemma_.lower()} of {objs[0].lower_}", [tok, prep, objs[0]]))
        cands.append((tok.lower_, [tok]))
        cands.append((tok.lemma_.lower(), [tok]))
        for phrase, toks in cands:
            if phrase in roles:
                return roles[phrase], toks
        return None, []

    def written_role(self, tok: Token, role_toks: list[Token]) -> str:
        """A role noun phrase as written, without a determiner or a clause: "senior official",
        "President of Kazakhstan", "two leaders"."""
        starts = [tok.i]
        for t in tok.lefts:
            if t.dep_ in ("det", "punct", "predet") or t.i < tok.i - 4 or t.tag_ == "PRP$":
                continue
            sub = [x for x in subtree(t) if not (x.dep_ == "det" and x.i < t.i)]
            starts.append(min(x.i for x in sub) if t.dep_ == "poss" else t.i)
        start = min(starts)
        end = max(t.i for t in role_toks) + 1
        for prep in tok.rights:
            if prep.dep_ == "prep" and prep.lower_ in ("of", "for") and prep.i == end:
                end = prep.right_edge.i + 1
        return self.doc[start:end].text

    def is_unnamed(self, tok: Token) -> bool:
        """An indefinite role noun ("a senior official", "one diplomat") or one described as
        anonymous: a new, unnamed source, never an earlier named person."""
        if any(c.dep_ in ("det", "nummod") and c.lower_ in self.rules.unnamed_det for c in tok.lefts):
            return True
        return any(t.lower_ in self.rules.unnamed_desc for t in subtree(tok) if t.i > tok.i)

    def resolve_group(self, tok: Token, written: str) -> Optional[dict]:
        """"the two leaders" / "the sides": the coordinated subject of a recent sentence
        ("X and Y held talks"), else the persons named in the previous sentence."""
        si = self.sent_index(tok)
        for k in range(si, max(-1, si - PRONOUN_WINDOW - 1), -1):
            found = self.plural_antecedent(self.sents[k], tok, persons_only=True)
            if found is not None and found.get("speaker_entity_id") is None:
                found["speaker_text"] = written
                return found
        # the persons named just before (this sentence and the two before it), the last N for "the N leaders"
        count = next((_small_number(c) for c in tok.lefts if c.dep_ == "nummod"), None)
        # "the two leaders" counts its persons: as far back as needed; else this sentence and the two before
        first = 0 if count else self.sents[max(0, si - 2)].start_char
        names: list[str] = []
        for m in self.index.overlapping(first, tok.idx):
            if m["label"] == "PERSON" and not self.covered(m["start"]):
                name = m.get("canonical") or m["text"]
                if name in names:
                    names.remove(name)
                names.append(name)
        if count and len(names) >= count:
            names = names[-count:]
        if 2 <= len(names) <= 4:
            names.sort(key=lambda n: self._first_mention(n))  # in the order the article introduces them
            return {"speaker": GROUP_SEP.join(names), "speaker_entity_id": None, "speaker_text": written}
        return None

    def _first_mention(self, name: str) -> int:
        return next((m["start"] for m in self.index.mentions if (m.get("canonical") or m["text"]) == name), 0)

    def resolve_side(self, tok: Token, written: str) -> Optional[dict]:
        """"the Kazakh side" -> the country (its latest mention as a country, else the adjective)."""
        mods = [c for c in tok.lefts if c.dep_ in ("amod", "compound", "nmod", "poss")]
        code = self.country_evidence(mods)
        if code is None:
            return None
        best = None
        for m in self.index.mentions:
            if m["start"] >= tok.idx:
                break
            name = (m.get("canonical") or m["text"]).lower()
            if m["label"] == "GPE" and self.rules.countries.get(name) == code:
                best = m
        if best is not None:
            return self.from_mention(best, written)
        for t in mods:
            m = self.mention_at(t, ("NORP",))
            if m is not None:
                return self.from_mention(m, written)
        return None

    def principal_of(self, tok: Token) -> Optional[dict]:
        """"the press service of X" / "a spokesman for X" -> X."""
        for prep in tok.rights:
            if prep.dep_ == "prep" and prep.lower_ in ("of", "for"):
                for obj in prep.children:
                    if obj.dep_ == "pobj":
                        return self.resolve(obj)
        for left in tok.lefts:  # "Kremlin spokesman", "ministry spokesperson"
            m = self.mention_at(left)
            if m is not None:
                return self.from_mention(m)
        for left in tok.lefts:  # "the prime minister's spokesman" (a named principal only)
            if left.dep_ == "poss" and left.lower_ not in self.rules.pronouns:
                found = self.resolve(left)
                if found is not None and found.get("speaker") and not found.get("body"):
                    return found
        return None

    def country_evidence(self, toks: Iterable[Token]) -> Optional[str]:
        for t in toks:
            m = self.mention_at(t, ("NORP", "GPE"))
            if m is not None and m.get("country"):
                return m["country"]
            code = self.rules.countries.get(fold(t.text.lower()))
            if code:
                return code
        return None

    def resolve_role(self, tok: Token, role: dict, role_toks: list[Token]) -> Optional[dict]:
        """"the Chinese leader" -> the most recent PERSON whose country/role fit."""
        mods = [c for c in tok.lefts if c.dep_ in ("amod", "compound", "nmod", "poss")]
        for prep in tok.rights:  # "the President of Kazakhstan"
            if prep.dep_ == "prep" and prep.lower_ == "of":
                mods.extend(c for c in prep.children if c.dep_ == "pobj")
        country = self.country_evidence(mods)
        written = self.written_role(tok, role_toks)
        entities: dict[int, dict] = {}
        for m in self.index.mentions:
            if m["label"] != "PERSON" or m["start"] >= tok.idx or self.covered(m["start"]):
                continue
            e = entities.setdefault(m["entity_id"], {"last": m, "country": None, "role": None})
            e["last"] = m
            e["country"] = e["country"] or m.get("country")
            e["role"] = e["role"] or m.get("role")
        cands = list(entities.values())
        if country:  # "the president of Cyprus": only a person known to be of that country
            cands = [e for e in cands if e["country"] == country]
        if "*" not in role["matches"]:
            cands = [e for e in cands
                     if not e["role"] or str(e["role"]).lower().replace(" ", "_") in role["matches"]]
        if not cands:
            return None
        best = max(cands, key=lambda e: e["last"]["start"])
        return self.from_mention(best["last"], written)

    def resolve_org_pronoun(self, tok: Token) -> Optional[dict]:
        """"It said" -> the latest organisation mentioned in this or the previous sentence,
        a subject preferred."""
        if tok.dep_ != "nsubj":
            return None
        si = self.sent_index(tok)
        for k in range(si, max(-1, si - 2), -1):
            sent = self.sents[k]
            cands = [m for m in self.index.overlapping(sent.start_char, sent.end_char)
                     if m["label"] == "ORG" and m["end"] <= tok.idx and not self.covered(m["start"])]
            if cands:
                best = max(cands, key=lambda m: (self.subject_rank(m), m["start"]))
                return self.from_mention(best, tok.text)
        return None

    def resolve_org_any(self, tok: Token, written: str) -> Optional[dict]:
        """"the oil giant", "the firm" -> the latest organisation the article described with that
        word ("Tengri Pay, a Kazakh payments company"), else the latest organisation mentioned
        before."""
        described = self.described_as(tok, written, ("ORG", "PERSON"))  # (a firm the NER took for a person)
        if described is not None:
            return described
        best = None
        for m in self.index.mentions:
            if m["start"] >= tok.idx:
                break
            if m["label"] == "ORG" and not self.covered(m["start"]):
                best = m
        return self.from_mention(best, written) if best is not None else None

    def resolve_org(self, tok: Token, role_toks: list[Token]) -> Optional[dict]:
        """"the ministry" -> the most recent ORG mention containing the noun."""
        written_start = min([tok.i] + [t.i for t in tok.lefts if t.dep_ != "det"])
        written = self.doc[written_start:tok.i + 1].text
        noun = tok.lower_
        first = self.doc[written_start].idx
        best = None
        for m in self.index.mentions:  # a name (capitalised), not the description itself
            if m["label"] == "ORG" and m["end"] <= first and noun in m["text"].lower() \
                    and any(c.isupper() for c in m["text"]):
                best = m
        if best is None:  # "the federation" after "the truckers' federation CNT"
            return self.described_as(tok, written, ("ORG",))
        return self.from_mention(best, written)
