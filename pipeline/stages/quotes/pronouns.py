"""Pronoun antecedents."""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from .grammar import subtree
from .rules import PRONOUN_WINDOW, SUBJ_DEPS


class PronounMixin:
    """Pronoun resolution (mixed into the per-doc speaker resolver)."""

    def subject_rank(self, m: dict) -> int:
        rank = 0
        for t in self.mention_tokens(m):
            if t.dep_ in SUBJ_DEPS:
                head = t.head
                while head.dep_ == "conj" and head.head is not head:
                    head = head.head
                rank = max(rank, 2 if head.dep_ == "ROOT" else 1)
        return rank

    def resolve_pronoun(self, tok: Token, number: str, depth: int = 0) -> Optional[dict]:
        si = self.sent_index(tok)
        looked = 0
        for k in range(si, -1, -1):
            sent = self.sents[k]
            if k != si and self.covered(sent.start_char, sent.end_char) and \
                    all(self.covered(t.idx) for t in sent if not t.is_space and not t.is_punct):
                continue  # a sentence inside a quote: its persons are not antecedents
            looked += 1
            if looked > PRONOUN_WINDOW + 1:
                break
            if number == "pl":
                found = self.plural_antecedent(sent, tok)
                if found is not None:
                    found["speaker_text"] = tok.text
                    return found
                continue
            cands = [m for m in self.index.overlapping(sent.start_char, sent.end_char)
                     if m["label"] == "PERSON" and m["end"] <= tok.idx and not self.covered(m["start"])
                     and not any(t.tag_ in ("NNS", "NNPS") for t in self.mention_tokens(m)[-1:])]
            if cands:
                best = max(cands, key=lambda m: (self.subject_rank(m), m["start"]))
                return self.from_mention(best, tok.text)
            # "He also talked about …" — an earlier pronoun subject: follow its chain
            earlier = [t for t in sent if t.i < tok.i and t.dep_ in SUBJ_DEPS and t.lower_ == tok.lower_
                       and not self.covered(t.idx)]
            if earlier and depth < 3:
                found = self.resolve_pronoun(earlier[-1], number, depth + 1)
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
                    m = self.mention_at(x)
                    if m is not None and m not in ms:
                        ms.append(m)
                if len(ms) == 1:
                    return self.from_mention(ms[0])
                if ms:
                    names = []
                    for m in ms:
                        if m.get("canonical", m["text"]) not in names:
                            names.append(m.get("canonical") or m["text"])
                    return {"speaker": " and ".join(names), "speaker_entity_id": None, "speaker_text": None}
            if persons_only:
                continue
            m = self.mention_at(t, ("ORG", "NORP"))
            if m is not None:
                return self.from_mention(m)
        return None
