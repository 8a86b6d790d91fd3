"""The speaker a subject token refers to."""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from .clauses import _misattached_conj
from .context import DocContext
from .mentions import stamp
from .grammar import name_phrase, subject_of, subtree
from .pronouns import PronounMixin
from .roles import RoleMixin
from .rules import GROUP_SEP


class _Doc(DocContext, RoleMixin, PronounMixin):
    """The per-doc view with speaker resolution."""

    def medium(self, tok: Token) -> Optional[dict]:
        """A news medium as the speaker ("Saudi state media", "Chinese state broadcaster CCTV"):
        the phrase as written (without a determiner) is speaker_text; the speaker is the outlet's
        entity when one is named in it ("CCTV"), else the phrase; speaker_label MEDIA."""
        core = [t for t in tok.lefts if t.dep_ in ("compound", "amod", "nmod", "poss")] + [tok]
        if not any(t.lower_ in self.rules.media for t in core):
            return None
        start = min(x.i for t in core for x in subtree(t) if not (x.dep_ == "det" and x.i < tok.i))
        span = self.doc[start:tok.i + 1]
        inside = [m for m in self.index.overlapping(span.start_char, span.end_char)
                  if m["label"] == "ORG" and m["start"] >= span.start_char and m["end"] <= span.end_char]
        if inside:
            return dict(self.from_mention(inside[-1], span.text), speaker_label="MEDIA")
        return {"speaker": span.text, "speaker_entity_id": None, "speaker_text": span.text, "speaker_label": "MEDIA"}

    def description(self, tok: Token) -> dict:
        """An unnamed speaker described by a common noun with a nationality or place ("U.S.
        delegate", "Indian pharmaceutical exporter in Tashkent"): no speaker, speaker_text the
        description (its modifiers and of/in/at/from phrases, no determiner)."""
        start = min([tok.i] + [x.i for t in tok.lefts if t.dep_ not in ("det", "predet", "punct", "nummod")
                               for x in subtree(t)])
        end = tok.i + 1
        for prep in tok.rights:
            if prep.dep_ == "prep" and prep.lower_ in ("of", "in", "at", "from") and prep.i == end:
                end = prep.right_edge.i + 1
        return {"speaker": None, "speaker_entity_id": None, "speaker_text": self.doc[start:end].text}

    def body(self, tok: Token) -> dict:
        """A body the article does not name, as written ("Chinese embassy", "city's customs
        office", "Kazakhstan's foreign ministry"): speaker and speaker_text the phrase (its
        modifiers, no determiner), label ORG."""
        start = min([tok.i] + [x.i for t in tok.lefts if t.dep_ not in ("det", "predet", "punct")
                               and t.tag_ != "PRP$" for x in subtree(t)])
        while start < tok.i and self.doc[start].dep_ in ("det", "predet", "punct"):
            start += 1
        written = self.doc[start:tok.i + 1].text
        return {"speaker": written, "speaker_entity_id": None, "speaker_text": written, "speaker_label": "ORG",
                "body": True}

    def resolve_role_noun(self, tok: Token, role: dict, role_toks: list) -> Optional[dict]:
        """The speaker a role noun ("the Chinese leader", "the sides", "the ministry") refers to."""
        kind = role["kind"]
        if kind in ("person", "description", "representative"):
            named = self.appositive_name(tok)
            if named is not None:  # "The Kano State Governor, Abba Kabir Yusuf, said"
                return named
        written = self.written_role(tok, role_toks)
        unnamed = {"speaker": None, "speaker_entity_id": None, "speaker_text": written}
        if kind == "unnamed" or (kind in ("person", "group") and self.is_unnamed(tok)):
            return unnamed  # "a senior official", "the official, who spoke on condition of anonymity"
        if kind == "representative" and self.is_unnamed(tok) and not any(
                p.dep_ == "prep" and p.lower_ in ("of", "for") for p in tok.rights):
            return unnamed  # "a Commission spokesperson" (but "a spokesman for X" speaks for X)
        if kind in ("person", "group") and tok.tag_ in ("NNS", "NNPS"):
            # "the two leaders", "both sides" point back; "two diplomats", "officials" are new, unnamed
            definite = any(c.dep_ in ("det", "predet") and c.lower_ not in self.rules.unnamed_det
                           for c in tok.lefts)
            if not definite:
                return self.employer(tok) or unnamed  # "officials said" unnamed; "analysts at X said" -> X
            return self.resolve_group(tok, written) or unnamed  # "the two leaders", "the sides"
        if kind == "group":
            return self.resolve_side(tok, written) or unnamed  # "the Kazakh side"
        if kind == "representative":
            principal = self.principal_of(tok)
            if principal is not None:
                return principal
            if tok.tag_ not in ("NNS", "NNPS"):
                found = self.introduced_as(tok, written)
                if found is not None:  # "the spokesperson" after "Spokesperson Mao Ning: …"
                    return found
            if any(c.dep_ in ("poss", "compound") for c in tok.lefts):
                return self.body(tok)  # "the ministry's press service" with no ministry named
        elif kind == "person":
            found = None
            if tok.tag_ not in ("NNS", "NNPS") and not any(c.dep_ in ("amod", "compound") for c in tok.lefts):
                found = self.titled_as(tok, written)  # "the minister" after "Energy Minister X"
            found = found or self.resolve_role(tok, role, role_toks)
            if found is not None:
                return found
            if tok.tag_ not in ("NNS", "NNPS") and not any(
                    self.mention_at(t, ("PERSON",)) for t in subtree(tok) if t.i != tok.i):
                return unnamed  # "the Chinese ambassador" with no such person: not the NORP "Chinese"
        elif kind == "description":  # "the founder", "the 36-year-old", "its chief executive"
            written = self.description(tok)["speaker_text"]
            if tok.tag_ in ("NNS", "NNPS") or self.is_unnamed(tok):
                return dict(unnamed, speaker_text=written)  # "36-year-old", "its chief executive"
            found = self.described_as(tok, written) or self.resolve_pronoun(tok, "sg")
            return dict(found, speaker_text=written) if found is not None else dict(unnamed, speaker_text=written)
        elif kind == "org_any":
            return self.resolve_org_any(tok, written)
        elif kind in ("org", "state"):
            found = self.resolve_org(tok, role_toks)
            if found is None and any(c.dep_ == "poss" and not self.mention_at(c, ("GPE", "NORP")) for c in tok.lefts):
                found = self.principal_of(tok)  # "Mr Erdogan's office", "the prime minister's office"
                if found is not None:
                    found = dict(found, speaker_text=written)
            if found is None and kind == "state":
                found = self.resolve_side(tok, written)  # "the Israeli government" -> Israel
            return found or self.body(tok)
        return None

    def appositive_name(self, tok: Token) -> Optional[dict]:
        """A person's name of two or more capitalised words set off after a role noun, which the
        entities stage did not tag as a person ("the minister of Kenya, Aden Duale,"): the name
        as written, label PERSON."""
        heads = [tok] + [o for p in tok.rights if p.dep_ == "prep" and p.lower_ == "of"
                         for o in p.children if o.dep_ == "pobj"]  # "the governor of Lagos, X Y,"
        for c in (c for h in heads for c in h.rights):
            if c.dep_ != "appos" or c.pos_ != "PROPN" or self.mention_at(c, ("PERSON", "GPE", "NORP")):
                continue
            span = name_phrase(c)
            if len(span) >= 2 and all((t.text[:1].isupper() and t.is_alpha) or t.text == "-" for t in span):
                return {"speaker": span.text, "speaker_entity_id": None, "speaker_text": span.text,
                        "speaker_label": "PERSON"}
        return None

    def report_owner(self, tok: Token) -> Optional[dict]:
        """A report noun whose owner speaks (``source_nouns.tsv``) as the subject, with the owner
        after "by"/"from" ("a study by the X Institute warned", "a report from the bank said"):
        the owner."""
        if not self.rules.source_nouns.get(tok.lower_, self.rules.source_nouns.get(tok.lemma_.lower(), False)):
            return None
        for prep in tok.rights:
            if prep.dep_ == "prep" and prep.lower_ in ("by", "from"):
                for obj in prep.children:
                    m = self.mention_at(obj, ("ORG", "PERSON", "GPE")) if obj.dep_ == "pobj" else None
                    if m is not None:
                        return self.from_mention(m)
        return None

    def employer(self, tok: Token) -> Optional[dict]:
        """"analysts at X", "economists from X": the organisation X they speak for."""
        for prep in tok.rights:
            if prep.dep_ == "prep" and prep.lower_ in ("at", "from", "with"):
                for obj in prep.children:
                    m = self.mention_at(obj, ("ORG",)) if obj.dep_ == "pobj" else None
                    if m is not None:
                        return self.from_mention(m)
        return None

    def resolve(self, tok: Optional[Token]) -> Optional[dict]:
        """The speaker a subject token refers to, or None."""
        if tok is None:
            return None
        medium = self.medium(tok)
        if medium is not None:  # "Saudi state media", "state television": never the bare "Saudi"
            return medium
        initialled = self.initialled_as(tok)
        if initialled is not None:  # "the CS said" after "Cabinet Secretary Jane Doe"
            return initialled
        m = self.mention_at(tok)
        if m is not None and not (m["text"].islower() and self.role_of(tok)[0] is not None):
            return self.from_mention(m)  # (a lower-case "mention", "foreign ministry", is a description)
        low = tok.lower_
        pron = self.rules.pronouns.get(low)
        if pron is not None:
            if pron[0] != "3":
                return None
            if pron[1] == "org":
                return self.resolve_org_pronoun(tok)
            return self.resolve_pronoun(tok, pron[1])
        if low in self.rules.unnamed_det and any(p.dep_ == "prep" and p.lower_ == "of" for p in tok.rights):
            return self.description(tok)  # "One of them said", "one of the diplomats": unnamed
        owner = self.report_owner(tok)
        if owner is not None:  # "A study by the X Institute warned that C"
            return owner
        named = self.titled_name(tok)
        if named is not None:  # "The Chairman of the Board of X, Nurlan Zhakupov," / "Minister of Y Murat Nurtleu"
            return named
        role, role_toks = self.role_of(tok)
        if role is not None:
            found = self.resolve_role_noun(tok, role, role_toks)
            if found is not None:
                return found
        if tok.tag_ in ("NNS", "NNPS"):
            found = self.employer(tok)
            if found is not None:  # "analysts at X said"
                return found
        # "Her attorney, Lenard Leeds, said": a named apposition
        for app in tok.rights:
            if app.dep_ == "appos":
                m = self.mention_at(app, ("PERSON",))
                if m is not None:
                    return self.from_mention(m)
        # the subject's own words (not a possessor, an apposition or a prepositional phrase)
        core = [t for t in tok.lefts if t.dep_ in ("compound", "amod", "nmod")] + [tok]
        inside = [m for m in (self.mention_at(t) for t in core) if m is not None]
        if inside and tok.pos_ == "NOUN" and tok.i not in {t.i for m in inside for t in self.mention_tokens(m)} \
                and all(m["label"] in ("NORP", "GPE") for m in inside):
            return self.description(tok)  # "a U.S. delegate", "an Indian exporter": never the bare nationality
        if inside:
            persons = [m for m in inside if m["label"] == "PERSON"]
            return self.from_mention((persons or inside)[0])
        if tok.pos_ == "PROPN":  # a name the entities stage did not keep: the name as written
            name = [t for t in tok.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"] + [tok]
            first = name[0].i
            while first > 0 and self.doc[first - 1].pos_ == "PROPN" and self.doc[first - 1].is_alpha \
                    and self.doc[first - 1].text[:1].isupper() and not self.doc[first - 1].whitespace_.count("\n") \
                    and self.doc[first - 1].whitespace_ and self.mention_at(self.doc[first - 1]) is None:
                first -= 1  # a first name the parser split off into its own sentence ("Alibek | Kuantyrov")
            written = self.doc[first:tok.i + 1].text
            return {"speaker": written, "speaker_entity_id": None, "speaker_text": written}
        return None


    def nearest_named(self, verb: Token) -> Optional[Token]:
        """Fallback subject when the parse gives none: a mention/pronoun right before the verb
        (only adverbs/auxiliaries between), else right after it ("said Tokayev")."""
        j = verb.i - 1
        while j >= verb.sent.start and self.doc[j].pos_ in ("ADV", "AUX", "PART"):
            j -= 1
        if j >= verb.sent.start:
            t = self.doc[j]
            if self.mention_at(t, ("PERSON", "ORG")) is not None or self.rules.pronouns.get(t.lower_, ("",))[0] == "3":
                return t
        j = verb.i + 1
        if j < verb.sent.end and self.mention_at(self.doc[j], ("PERSON", "ORG")) is not None \
                and not self.covered(self.doc[j].idx) \
                and self.doc[j].dep_ not in ("dobj", "dative"):  # "told Kazinform C": the addressee
            # (a name opening the reported clause, "confirmed Putin plans to …", is no speaker)
            return self.doc[j]
        return None

    def coordinated(self, subj: Token, found: dict) -> dict:
        """A subject coordinated with other named parties ("Maersk and Hapag-Lloyd", "Kenya and
        Uganda"): the group of their names, in text order; the single speaker otherwise."""
        names = [found["speaker"]]
        for c in subtree(subj):
            if c.dep_ != "conj" or c.head.i != subj.i and c.head.dep_ != "conj":
                continue
            m = self.mention_at(c)
            if m is None or m["start"] < subj.idx and m["end"] > subj.idx:
                continue
            name = m.get("canonical") or m["text"]
            if name not in names:
                names.append(name)
        if len(names) == 1:
            return found
        toks = [t for t in subtree(subj) if t.dep_ not in ("det", "punct") or t.i > subj.left_edge.i]
        written = self.doc[toks[0].i:toks[-1].i + 1].text if toks else found.get("speaker_text")
        return {"speaker": GROUP_SEP.join(names), "speaker_entity_id": None, "speaker_text": written}

    def after_dateline(self, verb: Token) -> Optional[dict]:
        """The speaker when the parser made a dateline place the verb's subject: the last person or
        organisation named between the dateline and the verb (not a prepositional object)."""
        cands = [m for m in self.index.overlapping(verb.sent.start_char, verb.idx)
                 if m["label"] in ("PERSON", "ORG") and not self.covered(m["start"])
                 and not self.in_dateline(self.tok_at(m["start"]))
                 and self.tok_at(m["end"] - 1).dep_ != "pobj"]
        if cands:
            return self.from_mention(cands[-1])
        names = [t for t in verb.sent if t.i < verb.i and t.pos_ == "PROPN" and t.dep_ in ("appos", "conj", "nsubj")
                 and not self.in_dateline(t) and not self.covered(t.idx) and self.mention_at(t) is None
                 and any(x.text in ("-", "--", "–", "—") or x.text.startswith("/") for x in self.doc[verb.sent.start:t.i])]
        if names:  # a name the NER did not tag, after the dateline's dash
            written = name_phrase(names[-1]).text
            return {"speaker": written, "speaker_entity_id": None, "speaker_text": written}
        return None

    def speaker_of_verb(self, verb: Token, exclude: tuple[int, int] = (0, 0)) -> Optional[dict]:
        """The speaker of a reporting verb, its mention's offsets stamped (nearest the verb)."""
        return stamp(self, self._speaker_of_verb(verb, exclude), verb.idx)

    def _speaker_of_verb(self, verb: Token, exclude: tuple[int, int] = (0, 0)) -> Optional[dict]:
        if _misattached_conj(verb, self.rules):
            return self.speaker_of_verb(verb.head.head, exclude)  # "X said C and vowed …"
        subj = subject_of(verb)
        if subj is not None and exclude[0] <= subj.idx < exclude[1]:
            subj = None
        if subj is not None and (subj.lower_ in ("this", "that", "which") or
                                 (subj.lower_ == "it" and subj.dep_ != "nsubj")):
            return None
        if subj is not None and self.in_dateline(subj):
            return self.after_dateline(verb)  # "NEW DELHI, Sep 10 (PTI) Minister X on Thursday said"
        found = self.resolve(subj) if subj is not None else None
        if found is not None and found.get("speaker"):
            found = self.coordinated(subj, found)  # "Maersk and Hapag-Lloyd said"
        if found is None:
            near = self.nearest_named(verb)
            if near is not None and near is not subj:
                found = self.resolve(near)
        if found is None and subj is not None:
            toks = []
            for t in subtree(subj):
                if t.i > subj.i and t.text in (",", "(", "—", "–"):
                    break
                if not t.is_punct:
                    toks.append(t)
            while toks and toks[0].dep_ == "det":
                toks = toks[1:]
            if 0 < len(toks) <= 8:
                found = {"speaker": None, "speaker_entity_id": None, "speaker_text": self.doc[toks[0].i:toks[-1].i + 1].text}
        return found
