"""Marked (direct) quotes: attribution, keeping, continuation."""

from __future__ import annotations

import bisect
from typing import Iterable, Optional

from spacy.tokens import Doc, Token

from .grammar import _has_finite_verb, is_speech_verb, subtree, verb_lemma
from .marks import find_direct_quotes, paragraphs
from .mentions import stamp
from .rules import (CONTINUATION_GAP, MAX_LABEL_WORDS, MIN_CHARACTERISED_WORDS, MIN_QUOTE_WORDS, MIN_UNATTRIBUTED_INLINE_WORDS, SENT_END,
                    TIGHT_WINDOW, QuoteRules)
from .speakers import _Doc


def _words(toks: Iterable[Token]) -> list[Token]:
    return [t for t in toks if t.is_alpha or t.like_num]


def attribute_direct(q: dict, d: _Doc) -> tuple[Optional[dict], Optional[bool]]:
    """(speaker record with cue, tight) for a marked quote. tight: the attribution frames the
    quote as an utterance (colon/comma before the open mark, comma/sentence end inside or
    right after the close mark)."""
    text = d.text
    rules = d.rules
    # after the closing mark: "…,” Tokayev said." / "…,” said the minister."
    close_tok = d.tok_at(q["close"])
    after = []
    j = close_tok.i + 1 if q.get("closed", True) else len(d.doc)  # a part left open: no "…,” X said"
    while j < len(d.doc) and len(after) < 25:
        t = d.doc[j]
        if "\n" in t.text or d.covered(t.idx):
            break
        after.append(t)
        if t.text in SENT_END:
            break
        j += 1
    content_end = text[q["close"] - 1] if q["close"] > 0 else ""
    tight_after = content_end in ",!?." or text[q["close"]:q["close"] + 2].strip()[:1] == ","
    for n, t in enumerate(after):
        if is_speech_verb(t, rules):
            if any(c.dep_ == "ccomp" and c.i > t.i and not d.covered(c.idx) for c in t.children):
                break  # "“…” The lawyer said he would appeal": the verb reports its own clause
            spk = d.speaker_of_verb(t)
            if spk is not None:
                # tight: the verb comes right after the quote or after a short subject
                return dict(spk, cue=verb_lemma(t)), tight_after and n <= TIGHT_WINDOW
            break
    # before the opening mark: "Tokayev said: “…”", "He said, “…”", a previous sentence ending with ":"
    seg_end = q["open"]
    before = _before_frame(d, seg_end)
    if not [t for t in before if not t.is_space and not t.is_punct]:
        k = seg_end - 1
        while k >= 0 and text[k].isspace():
            k -= 1
        if k >= 0 and text[k] == ":":
            before = _before_frame(d, k + 1)
    last = next((t for t in reversed(before) if not t.is_space), None)
    tight_before = last is not None and last.text in (":", ",")
    for n, t in enumerate(reversed(before)):
        if is_speech_verb(t, rules):
            spk = d.speaker_of_verb(t)
            if spk is not None:
                return dict(spk, cue=verb_lemma(t)), tight_before and n <= TIGHT_WINDOW
    characterised = _characterised(d, before)
    if characterised is not None:
        return characterised
    if last is not None and last.text == ":":
        label = [t for t in before if not t.is_space]
        persons = [d.mention_at(t, ("PERSON",)) for t in label]
        persons = [m for m in persons if m is not None]
        if persons and _label_like(label[:-1], d):
            return dict(stamp(d, d.from_mention(persons[0]), persons[0]["start"]), cue=":"), True
    return None, False


def _characterised(d: _Doc, before: list[Token]) -> Optional[tuple[dict, bool]]:
    """'X described the talks as “warm and substantive”', 'X called the deal “a turning point”':
    a quoted characterisation right after "as" or the object of a verb of
    ``characterising_verbs.txt`` is the words of the verb's subject; tight (kept however short)
    from MIN_CHARACTERISED_WORDS words, so a one- or two-word scare quote stays no quote."""
    words = [t for t in before if not t.is_space]
    if len(words) < 3:
        return None
    for verb in reversed(words[:-1]):
        if not verb.tag_.startswith("VB") or verb_lemma(verb) not in d.rules.characterising_verbs:
            continue
        last = words[-1]
        objs = [c for c in verb.children if c.dep_ == "dobj"]
        framed = (last.lower_ == "as" and last.head.i in (verb.i, *(o.i for o in objs))) or \
            any(o.i <= last.i and any(t.i == last.i for t in subtree(o)) for o in objs)
        spk = d.speaker_of_verb(verb) if framed else None
        if spk is None:
            return None
        return dict(spk, cue=verb_lemma(verb)), None
    return None


def _before_frame(d: _Doc, end: int) -> list[Token]:
    """Tokens before char ``end`` back to the start of their sentence, the line, or another quote."""
    if end <= 0:
        return []
    tok = d.tok_at(end - 1)
    if tok.idx >= end:
        return []
    out = []
    j = tok.i
    sent_start = tok.sent.start
    while j >= sent_start:
        t = d.doc[j]
        if "\n" in t.text or d.covered(t.idx):
            break
        out.append(t)
        j -= 1
    out.reverse()
    return out


def _label_like(toks: list[Token], d: _Doc) -> bool:
    """A speaker label: capitalised words, entity mentions, connectors and punctuation only."""
    words = [t for t in toks if not t.is_space]
    if not words or len([t for t in words if not t.is_punct]) > MAX_LABEL_WORDS:
        return False
    for t in words:
        if t.is_punct or t.lower_ in d.rules.label_connectors:
            continue
        if d.mention_at(t) is not None:
            continue
        if t.text[:1].isupper():
            continue
        return False
    return True


def _direct_records(d: _Doc) -> list[dict]:
    text = d.text
    quotes = find_direct_quotes(text, d.rules.marks)
    d.ranges = [(q["open"], q["close"] + 1) for q in quotes]
    out = []
    for q in quotes:
        content = d.tokens_in(q["start"], q["end"])
        words = _words(content)
        before = d.tokens_in(d.tok_starts[max(0, bisect.bisect_left(d.tok_starts, q["open"]) - 3)], q["open"])
        name_cue = any(t.lower_ in d.rules.name_cues for t in before[-2:])
        attr, tight = attribute_direct(q, d)
        if tight is None:  # a quoted characterisation: an utterance from MIN_CHARACTERISED_WORDS words
            tight = len(words) >= MIN_CHARACTERISED_WORDS
        q = dict(q, attr=attr, tight=tight, words=len(words), name_cue=name_cue,
                 finite=_has_finite_verb(content))
        sent_start = d.tok_at(q["open"]).sent.start_char
        lead = text[max(sent_start, text.rfind("\n", sent_start, q["open"]) + 1):q["open"]].strip()
        q["mid_sentence"] = bool(lead) and lead[-1] not in ":,—–-" and lead[-1] not in d.rules_marks
        q["in_clause"] = q["mid_sentence"] and not tight and _in_reported_clause(d, content)
        out.append(q)
    return out


def _in_reported_clause(d: _Doc, content: list[Token]) -> bool:
    """A marked phrase inside the reported clause of a speech verb of its own sentence ("X said
    the corridor had become “one of the most reliable routes”"): part of that indirect row."""
    if not content:
        return False
    t = content[0]
    for _ in range(40):
        if t.head.i == t.i:
            return False
        if t.dep_ in ("ccomp", "acl", "relcl") and is_speech_verb(t.head, d.rules) and t.head.i < content[0].i \
                and not d.covered(t.head.idx):
            # the clause has words of its own before the mark ("said the corridor had become “…”");
            # "said that “C.”" quotes the whole clause: a direct quote
            return any(x.i < content[0].i - 1 and x.dep_ not in ("mark", "punct") for x in subtree(t))
        t = t.head
    return False


def _keep_direct(q: dict) -> bool:
    if q["name_cue"] or q.get("in_clause"):
        return False
    if q["words"] < MIN_QUOTE_WORDS:
        return q["attr"] is not None and q["tight"]
    if q["attr"] is None and q["mid_sentence"] and (not q["finite"] or q["words"] < MIN_UNATTRIBUTED_INLINE_WORDS):
        return False  # a scare-quoted, named or cited phrase inside running text
    if q["attr"] is None and not q["finite"]:
        return False  # a quoted title on its own
    return True


def _marked(doc: Doc, rules: QuoteRules) -> tuple[_Doc, list[dict]]:
    """The marked quotes kept, attributed (continuation included); d.ranges set to them."""
    d = _Doc(doc, rules)
    direct = _direct_records(d)
    paras = paragraphs(d.text)
    para_starts = [p[0] for p in paras]

    def para_of(char: int) -> int:
        return max(0, bisect.bisect_right(para_starts, char) - 1)

    # a quotation over several paragraphs: its attribution (in any part) holds for every part
    groups: dict[int, list[dict]] = {}
    for q in direct:
        groups.setdefault(q.get("group", q["open"]), []).append(q)
    for parts in groups.values():
        attr = next((q["attr"] for q in parts if q["attr"] is not None), None)
        if len(parts) > 1 and attr is not None:
            for q in parts:
                q["attr"], q["tight"] = dict(attr), True

    # continuation: a quote with no attribution right after a quote of X continues X — at the
    # start of the next paragraph, or as the next sentence of the same paragraph ("“A,” X said. “B.”")
    prev = None
    for q in direct:
        # (a quote whose sentence the parser ran into the attribution may have the same speaker, loosely)
        loose_same = q["attr"] is not None and not q["tight"] and prev is not None and q["attr"] == prev["attr"]
        if (q["attr"] is None or loose_same) and prev is not None and prev["attr"] is not None:
            starts_para = d.text[paras[para_of(q["open"])][0]:q["open"]].strip() == ""
            between = d.text[prev["close"] + 1:q["open"]]
            next_sentence = (para_of(q["open"]) == para_of(prev["close"]) and "\n" not in between
                             and len(between) <= CONTINUATION_GAP
                             and (between.strip() == "" or
                                  (between.rstrip()[-1:] in SENT_END
                                   and not any(c in SENT_END for c in between.rstrip()[:-1]))))
            if (starts_para and para_of(q["open"]) - para_of(prev["close"]) == 1) or next_sentence:
                q["attr"] = dict(prev["attr"])
                q["tight"] = True
        if _keep_direct(q):
            prev = q
    kept = [q for q in direct if _keep_direct(q)]
    d.ranges = [(q["open"], q["close"] + 1) for q in kept]
    return d, kept
