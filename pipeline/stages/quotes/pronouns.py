"""Pronoun antecedents."""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from .grammar import subtree
from .rules import GROUP_SEP, PRONOUN_WINDOW, SUBJ_DEPS


class PronounMixin:
    """Pronoun resolution (mixed into the per-doc speaker resolver)."""

    def subject_rank(self, m: dict) -> int:
        rank = 0
        for t in self.mention_tokens(m):
            if t.dep_ == "appos" and t.head.dep_ in SUBJ_DEPS:
                t = t.head  # "The director, Jane Doe, said": the apposition names the subject
            if t.dep_ in SUBJ_DEPS:
                head = t.head
                while head.dep_ == "conj" and head.head is not head:
                    head = head.head
                rank = max(rank, 2 if head.dep_ == "ROOT" else 1)
        return rank

    def gender_of(self, m: dict) -> Optional[str]:
        """'f' / 'm' for a PERSON mention's entity, else None: a courtesy title before any of
        its mentions ("Ms Berg"), its given name ("Anna Berg"), else the article's own he/she
        history (a he/she subject opening the sentence after one the entity is the main subject
        of, no other person between); conflicting evidence gives None."""
        cache = self.__dict__.setdefault("_genders", {})
        key = m.get("entity_id")
        if key not in cache:
            cache[key] = self._gender_evidence(m)
        return cache[key]

    def _gender_evidence(self, m: dict) -> Optional[str]:
        table = self.rules.gender or {}
        mentions = [x for x in self.index.mentions if x.get("entity_id") == m.get("entity_id")
                    and x["label"] == "PERSON"] or [m]
        votes = set()
        for x in mentions:
            first = self.tok_at(x["start"])
            if first.i > 0:
                g = table.get(("title", self.doc[first.i - 1].lower_))
                if g:
                    votes.add(g)
        name = (m.get("canonical") or m["text"]).split()
        g = table.get(("first_name", name[0].lower())) if len(name) > 1 else None
        if g:
            votes.add(g)
        if not votes:
            votes |= self._pronoun_history(mentions)
        return votes.pop() if len(votes) == 1 else None

    def _pronoun_history(self, mentions: list[dict]) -> set:
        votes = set()
        table = self.rules.gender or {}
        for x in mentions:
            if self.subject_rank(x) < 2:
                continue
            si = self.sent_index(self.tok_at(x["start"]))
            if si + 1 >= len(self.sents):
                continue
            nxt = self.sents[si + 1]
            subj = next((t for t in nxt if t.dep_ in SUBJ_DEPS and t.head.dep_ == "ROOT"), None)
            persons = [p for p in self.index.overlapping(x["end"], nxt.start_char) if p["label"] == "PERSON"]
            if subj is not None and not persons:
                g = table.get(("pronoun", subj.lower_))
                if g:
                    votes.add(g)
        return votes

    def resolve_pronoun(self, tok: Token, number: str, depth: int = 0) -> Optional[dict]:
        """he/she -> a PERSON by salience: the nearest sentence with a subject of the pronoun's
        gender (the main-clause subject first; "X said …" outranks a person merely mentioned
        nearer), else the nearest person of that gender merely mentioned; they -> a group."""
        if number == "pl":
            return self._resolve_plural(tok)
        gender = (self.rules.gender or {}).get(("pronoun", tok.lower_))
        mentioned = None
        for k, sent in self._antecedent_sentences(tok):
            cands = [m for m in self.index.overlapping(sent.start_char, sent.end_char)
                     if m["label"] == "PERSON" and m["end"] <= tok.idx and not self.covered(m["start"])
                     and not any(t.tag_ in ("NNS", "NNPS") for t in self.mention_tokens(m)[-1:])
                     and (gender is None or self.gender_of(m) in (None, gender))]
            subjects = [m for m in cands if self.subject_rank(m) > 0]
            role_subject = self._role_subject(sent, tok, gender)
            if role_subject is not None and not any(self.subject_rank(m) == 2 for m in subjects):
                return dict(role_subject, speaker_text=tok.text)  # "The minister agreed. She added: …"
            if subjects:
                best = max(subjects, key=lambda m: (self.subject_rank(m), m["start"]))
                return self.from_mention(best, tok.text)
            if cands and mentioned is None:
                mentioned = max(cands, key=lambda m: m["start"])
            # "He also talked about …" — an earlier pronoun subject: follow its chain
            earlier = [t for t in sent if t.i < tok.i and t.dep_ in SUBJ_DEPS and t.lower_ == tok.lower_
                       and not self.covered(t.idx)]
            if earlier and depth < 3 and mentioned is None:
                found = self.resolve_pronoun(earlier[-1], number, depth + 1)
                if found is not None:
                    found["speaker_text"] = tok.text
                    return found
        return self.from_mention(mentioned, tok.text) if mentioned is not None else None

    def _role_subject(self, sent, tok: Token, gender: Optional[str]) -> Optional[dict]:
        """The person a singular role noun subject of the sentence's main verb ("the minister")
        names, when its gender fits the pronoun."""
        for t in sent:
            if t.i >= tok.i or t.dep_ not in SUBJ_DEPS or t.head.dep_ != "ROOT" or t.tag_ not in ("NN", "NNP") \
                    or self.covered(t.idx) or self.mention_at(t) is not None:
                continue
            role = self.role_of(t)[0]
            if role is None or role["kind"] != "person":
                continue
            found = self.resolve(t)
            eid = (found or {}).get("speaker_entity_id")
            m = next((x for x in self.index.mentions if eid is not None and x.get("entity_id") == eid), None)
            if m is not None and m["label"] == "PERSON" and self.gender_of(m) in (None, gender):
                return found
        return None

    def _antecedent_sentences(self, tok: Token):
        """(index, sentence) from tok's own back over PRONOUN_WINDOW more, skipping sentences that
        lie wholly inside a quote (their persons are not antecedents)."""
        si = self.sent_index(tok)
        looked = 0
        for k in range(si, -1, -1):
            sent = self.sents[k]
            if k != si and self.covered(sent.start_char, sent.end_char) and \
                    all(self.covered(t.idx) for t in sent if not t.is_space and not t.is_punct):
                continue
            looked += 1
            if looked > PRONOUN_WINDOW + 1:
                break
            yield k, sent

    def _resolve_plural(self, tok: Token) -> Optional[dict]:
        for _, sent in self._antecedent_sentences(tok):
            found = self.plural_antecedent(sent, tok)
            if found is not None:
                found["speaker_text"] = tok.text
                return found
        return None

    def plural_antecedent(self, sent, before: Token, persons_only: bool = False) -> Optional[dict]:
        subs = [t for t in sent if t.dep_ in SUBJ_DEPS and t.i < before.i and not self.covered(t.idx)]
        for t in reversed(subs):
            conj = [c for c in subtree(t) if c.dep_ == "conj"]
            if conj:
                ms = []
                for x in [t] + conj:
                    m = self.mention_at(x) or self._appositive_mention(x)
                    if m is not None and m not in ms:
                        ms.append(m)
                persons = [m for m in ms if m["label"] == "PERSON"]
                ms = persons or ms  # "the ministers of A and B, X and Y, met in C": the persons
                if len(ms) == 1:
                    return self.from_mention(ms[0])
                if ms:
                    names = []
                    for m in ms:
                        if m.get("canonical", m["text"]) not in names:
                            names.append(m.get("canonical") or m["text"])
                    return {"speaker": GROUP_SEP.join(names), "speaker_entity_id": None, "speaker_text": None}
            if persons_only:
                continue
            role = self.role_of(t)[0]
            if role is not None and role["kind"] in ("person", "group") and t.tag_ in ("NNS", "NNPS"):
                found = self.resolve_group(t, t.text)  # "The two leaders met. They said …"
                if found is not None:
                    return found
            m = self.mention_at(t, ("ORG", "NORP"))
            if m is not None:
                return self.from_mention(m)
        return None

    def _appositive_mention(self, tok: Token) -> Optional[dict]:
        """The person named in apposition with a role noun ("his Polish counterpart Jan Nowak")."""
        for c in tok.rights:
            if c.dep_ == "appos":
                m = self.mention_at(c, ("PERSON",))
                if m is not None:
                    return m
        return None
