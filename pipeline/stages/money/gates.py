"""Cheap tests in front of the big currency alternations (issue 14: the money stage's CPU time).

A regex alternation of hundreds of markers is tried alternative by alternative at every position
it is searched from. Most numbers in news have no currency next to them, so each lookup first
asks a question that is necessary for any match and costs one set lookup: does the word (run of
letters and digits) next to the number begin or end like one of the phrases? Only then is the
original pattern run, so results are those of the pattern alone. Phrases searched over the whole
text (currency names, country names) are matched with an alternation of only the phrases whose
first word the text holds (compiled once per set of phrases and cached).

Built from the rule data when the tables are loaded (``build_gates``); nothing here knows a word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

#: a run of letters and digits (``[^\W_]``: a word character that is not "_")
_RUN = re.compile(r"[^\W_]+")
#: what ``re_after`` and ``re_minor_after`` skip before their phrases
_LEAD = re.compile(r"[^\S\r\n]*-?[^\S\r\n]*")


def _is_hspace(ch: str) -> bool:
    return ch.isspace() and ch not in "\r\n"


@dataclass(frozen=True)
class Gate:
    """The first (or last) word of each phrase, lower-cased, and the first (or last) character
    of the phrases that begin (or end) with no letter or digit; the words of case-sensitive
    phrases are kept as written (``exact``). ``open``: no test possible."""

    words: frozenset = frozenset()
    chars: frozenset = frozenset()
    longest: int = 0
    open: bool = False
    exact: frozenset = frozenset()  # words of the case-sensitive phrases, as written ("R", "Rs")


def first_gate(phrases, case_insensitive=lambda p: True) -> Gate:
    """A gate on how the phrases begin (phrases starting with a space or "-" open it)."""
    words, chars, exact = set(), set(), set()
    for p in phrases:
        if not p or _is_hspace(p[0]) or p[0] == "-":
            return Gate(open=True)
        m = _RUN.match(p)
        if m:
            (words.add(m.group(0).lower()) if case_insensitive(p) else exact.add(m.group(0)))
        else:
            chars.add(p[0].lower())
    return Gate(frozenset(words), frozenset(chars), exact=frozenset(exact))


def last_gate(phrases, case_insensitive=lambda p: True) -> Gate:
    """A gate on how the phrases end."""
    words, chars, exact = set(), set(), set()
    for p in phrases:
        if not p or p[-1].isspace():
            return Gate(open=True)
        if p[-1].isalnum():
            k = len(p)
            while k > 0 and p[k - 1].isalnum():
                k -= 1
            (words.add(p[k:].lower()) if case_insensitive(p) else exact.add(p[k:]))
        else:
            chars.add(p[-1].lower())
    return Gate(frozenset(words), frozenset(chars), max((len(w) for w in words | exact), default=0), exact=frozenset(exact))


def may_begin(gate: Gate, text: str, pos: int) -> bool:
    """Whether one of the gate's phrases may begin at ``pos`` (after the skipped lead)."""
    if gate.open:
        return True
    m = _RUN.match(text, pos)
    if m:
        return m.group(0) in gate.exact or m.group(0).lower() in gate.words
    return pos < len(text) and text[pos].lower() in gate.chars


def end_keys(gate: Gate, text: str, end: int) -> frozenset:
    """The keys of the phrases that may end at ``end``: their last word is a suffix of the run
    of letters and digits before ``end`` (a code may be glued to a digit), or their last
    character is the one there (keys as in ``alternation``)."""
    if end <= 0:
        return frozenset()
    ch = text[end - 1]
    if not ch.isalnum():
        return frozenset({ch.lower()}) if ch.lower() in gate.chars else frozenset()
    k, stop = end - 1, max(0, end - gate.longest)
    while k > stop and text[k - 1].isalnum():
        k -= 1
    run = text[k:end]
    low = run.lower()
    return frozenset([run[i:] for i in range(len(run)) if run[i:] in gate.exact]
                     + [low[i:] for i in range(len(run)) if low[i:] in gate.words])


def may_end(gate: Gate, text: str, end: int) -> bool:
    """Whether one of the gate's phrases may end at ``end`` (``end_keys``)."""
    return gate.open or bool(end_keys(gate, text, end))


def after_match(tables, text: str, pos: int):
    """``tables.re_after`` on the 40 characters after ``pos`` (a marker written after a number)."""
    start = _LEAD.match(text, pos).end()
    if not may_begin(tables.gate_after, text, start):
        return None
    return tables.re_after.match(text[pos:pos + 40])


def minor_match(tables, text: str, pos: int):
    """``tables.re_minor_after`` at ``pos`` (a minor unit after a number)."""
    start = _LEAD.match(text, pos).end()
    if not may_begin(tables.gate_minor, text, start):
        return None
    return tables.re_minor_after.match(text, pos)


def before_search(tables, text: str, lo: int, hi: int):
    """``tables.re_before`` in ``text[lo:hi]``: a symbol or code ending at ``hi`` (one space
    allowed), searched with the markers whose last word or character is the one there."""
    end = hi - 1 if hi > lo and _is_hspace(text[hi - 1]) else hi
    keys = end_keys(tables.gate_before, text, end)
    pattern = subset(tables.before_index, keys) if keys else None
    return pattern.search(text, lo, hi) if pattern is not None else None


def name_before_search(tables, text: str, lo: int, hi: int):
    """``tables.re_name_before`` in ``text[lo:hi]``: a currency name, then one space, ending at ``hi``."""
    if hi <= lo or not _is_hspace(text[hi - 1]) or not may_end(tables.gate_name_before, text, hi - 1):
        return None
    return tables.re_name_before.search(text, lo, hi)


def text_words(text: str) -> frozenset:
    """The lower-cased words of a text (runs of letters and digits), for ``find_phrases``."""
    return frozenset(w.lower() for w in set(_RUN.findall(text)))


def find_phrases(alt: "Alternation", text: str, words: frozenset) -> list:
    """Every match of a whole-text alternation keyed by first words (``first_key``), as
    ``finditer`` of the whole alternation gives them: only the phrases whose first word the
    text holds are tried."""
    pattern = subset(alt, frozenset(words & alt.by_key.keys()))
    return list(pattern.finditer(text)) if pattern is not None else []


@dataclass(frozen=True, eq=False)
class Alternation:
    """The parts of a big alternation by key (the first or last word of their phrase), in the
    alternation's order; ``always``: parts kept whatever the keys."""

    template: str  # the pattern with "{}" where the alternation goes
    flags: int
    by_key: dict  # key -> indices of parts
    always: frozenset
    parts: tuple


def alternation(keys: list, parts: list[str], template: str, flags: int = 0) -> Alternation:
    """``parts[i]`` is the regex of a phrase with key ``keys[i]`` (None: always kept)."""
    by_key: dict = {}
    for i, key in enumerate(keys):
        if key is not None:
            by_key.setdefault(key, set()).add(i)
    return Alternation(template, flags, {k: frozenset(v) for k, v in by_key.items()},
                       frozenset(i for i, k in enumerate(keys) if k is None), tuple(parts))


def first_key(phrase: str):
    """A phrase's key for ``text_words``: its first word, lower-cased (None: it starts with no letter)."""
    m = _RUN.match(phrase)
    return m.group(0).lower() if m else None


def last_key(phrase: str, case_insensitive: bool) -> str:
    """A phrase's key for ``end_keys``: its last word (lower-cased unless case-sensitive) or last character."""
    if not phrase[-1].isalnum():
        return phrase[-1].lower()
    k = len(phrase)
    while k > 0 and phrase[k - 1].isalnum():
        k -= 1
    return phrase[k:].lower() if case_insensitive else phrase[k:]


@lru_cache(maxsize=2048)
def subset(alt: Alternation, keys: frozenset) -> Optional[re.Pattern]:
    """The alternation cut to the parts of the given keys (order kept: the parts left out could
    match nowhere the keys were taken from). None: no part left."""
    keep = set(alt.always)
    for key in keys & alt.by_key.keys():
        keep |= alt.by_key[key]
    if not keep:
        return None
    return re.compile(alt.template.format("|".join(alt.parts[i] for i in sorted(keep))), alt.flags)
