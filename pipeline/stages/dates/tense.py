"""governing_tense(): which way an underspecified date looks from the publication date."""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Span

from .grammar import FUTURE, PAST, Grammar


def _has(grammar: Grammar, word: str, role: str) -> bool:
    return role in grammar.tense.get(word.lower(), ())


def _forward(tok, grammar: Grammar, governed=None) -> bool:
    """A verb or noun of planning, inviting, proposing, expecting ... (its complement is in
    the future): tense.tsv ``future_head``, ``future_vbg`` in its -ing form ("going"), or
    ``future_if_event`` ("agree", "decide") when the ``governed`` verb names an event
    ("agreed to hold the next meeting in October", not "agreed to sell its stake in October")."""
    lemma = tok.lemma_.lower()
    if _has(grammar, lemma, "future_head") or (tok.tag_ == "VBG" and _has(grammar, lemma, "future_vbg")):
        return True
    return governed is not None and _has(grammar, lemma, "future_if_event") \
        and _has(grammar, governed.lemma_, "event")


def _infinitive(tok) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _complement_of_forward(tok, grammar: Grammar) -> bool:
    """``tok`` is (a chain of) the complement of a forward-looking word: a to-infinitive
    ("invited Xi to visit", "expected the railway to open", "an invitation to visit"), a
    gerund after a preposition ("agreed on holding"). The governed verb decides, not the
    tense of the inviting/agreeing verb itself."""
    cur = tok
    for _ in range(3):
        head = cur.head
        if head is cur:
            return False
        if cur.dep_ == "xcomp" or (cur.dep_ in ("ccomp", "acl", "relcl", "advcl") and _infinitive(cur)):
            pass
        elif cur.dep_ == "pcomp" and head.dep_ == "prep" and head.head is not head:
            head = head.head
        else:
            return False
        if _forward(head, grammar, cur):
            return True
        cur = head
    return False


def _date_follows_complement(tok, span: Span, grammar: Grammar) -> bool:
    """A date attached to the forward-looking verb itself but written after its complement
    belongs to the complement ("invited Xi to visit Kyrgyzstan in November", "invited Xi to
    Bishkek in November"); a date before it is the time of the inviting ("In March, X
    invited Y to visit")."""
    if span.start <= tok.i:
        return False
    for c in tok.children:
        if not (tok.i < c.i < span.start):
            continue
        if (c.dep_ == "xcomp" or (c.dep_ == "ccomp" and _infinitive(c))) and _forward(tok, grammar, c):
            return True
        if c.dep_ == "prep" and c.lower_ == "to" and _has(grammar, tok.lemma_, "future_to"):
            return True
    return False


def _date_preposition(span: Span) -> str:
    root = span.root
    if root.dep_ == "pobj" and root.head.dep_ == "prep":
        return root.head.lower_
    return ""


def governing_tense(span: Span, grammar: Grammar) -> Optional[str]:
    """past / future / None from the verb governing ``span``: its auxiliaries and tag; a
    complement of a forward-looking verb or noun is future whatever that verb's tense
    ("invited Xi to visit in November", "agreed to hold talks in October", "plans to meet
    on Wednesday"); a planned time ("scheduled the vote for November") and a reported
    "would" ("said the visit would take place in March") are future."""
    tok = span.root
    if tok.pos_ in ("VERB", "AUX") and tok.head is not tok:
        tok = tok.head  # a date word the tagger read as a verb ("this sat") governs nothing
    seen = 0
    while tok.pos_ not in ("VERB", "AUX") and tok.head is not tok and seen < 8:
        if tok.pos_ == "NOUN" and _forward(tok, grammar) and tok.i < span.start \
                and _date_preposition(span) == "for":
            return FUTURE   # "the plan for November", "an invitation for the spring"
        tok = tok.head
        seen += 1
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    first = True
    for _ in range(4):
        auxes = [c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")]
        if any(_has(grammar, a, "future_aux") for a in auxes):
            return FUTURE
        if tok.dep_ == "ccomp" and any(_has(grammar, a, "future_in_past") for a in auxes):
            return FUTURE
        if _complement_of_forward(tok, grammar):
            return FUTURE
        if first and _date_follows_complement(tok, span, grammar):
            return FUTURE
        if first and _has(grammar, tok.lemma_, "future_target") \
                and _date_preposition(span) in ("for", "until", "till", "to"):
            return FUTURE   # "scheduled the vote for November", "postponed it until May"
        first = False
        if tok.tag_ == "VBD" or any(_has(grammar, a, "past_aux") for a in auxes):
            return PAST
        if tok.tag_ == "VBN" and not auxes:
            return PAST
        if tok.tag_ == "VBN" and _has(grammar, tok.lemma_, "future_head"):
            return FUTURE   # "is planned for 5 June", "is scheduled on Monday"
        if tok.dep_ == "xcomp" and tok.head is not tok:
            tok = tok.head
            continue
        if tok.tag_ == "VBG" and _forward(tok, grammar):   # "are going to / planning to meet"
            return FUTURE
        return None
    return None



def generic_present(span: Span, grammar: Grammar) -> bool:
    """A day anchor that means "nowadays" (generic_present.tsv): a cue word before it in its
    clause ("faster than can be done today"); the clause ends at a comma or semicolon."""
    cues = grammar.generic_present.get(span.text.lower())
    if not cues:
        return False
    for tok in reversed(span.doc[span.sent.start:span.start]):
        if tok.text in (",", ";", ":"):
            return False
        if tok.lower_ in cues:
            return True
    return False
