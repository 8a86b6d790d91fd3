"""Text normalisation and pattern building shared by every stage (one place, not one per stage).

* ``fold`` — typographic apostrophes (’ ‘ ʼ) to "'"; the only apostrophe folding in newsie.
* ``squash`` — runs of whitespace to one space, stripped.
* ``alternation`` — a regex alternation of words, escaped, longest first (so "Kazakh" never
  wins over "Kazakhstan"); ``words_regex`` wraps it in word boundaries and compiles it.
* ``text_of`` — ``doc.text``, built once per doc (spaCy rebuilds it from every token on
  each access).
"""

from __future__ import annotations

import re
from typing import Iterable

from spacy.tokens import Doc

APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})
#: for scoring only: also primes, acute accents and backticks typed for apostrophes
LOOSE_APOSTROPHES = str.maketrans({c: "'" for c in "\u2018\u2019\u02bc\u2032\u00b4`"})
_SPACE = re.compile(r"\s+")


def fold(text: str) -> str:
    """Typographic apostrophes as "'"."""
    return text.translate(APOSTROPHES)


def squash(text: str) -> str:
    """Whitespace runs as one space, stripped."""
    return _SPACE.sub(" ", text).strip()


#: alternation() results by (words as given, spaces); stages build patterns from the same word
#: lists per sentence or record, and the escaping and sorting cost more than the lookup
_ALTERNATIONS: dict[tuple, str] = {}
_MAX_ALTERNATIONS = 1024


def alternation(words: Iterable[str], spaces: bool = False) -> str:
    """A regex alternation of ``words``: escaped, de-duplicated, longest first. With
    ``spaces`` a space in a word matches any run of whitespace."""
    key = (tuple(words), spaces)
    found = _ALTERNATIONS.get(key)
    if found is None:
        if len(_ALTERNATIONS) >= _MAX_ALTERNATIONS:
            _ALTERNATIONS.clear()
        found = _ALTERNATIONS[key] = _alternation(key[0], spaces)
    return found


def _alternation(words: tuple, spaces: bool) -> str:
    alts = sorted({w for w in words if w}, key=lambda w: (-len(w), w))
    escaped = (re.escape(w) for w in alts)
    if spaces:
        escaped = (e.replace(r"\ ", r"\s+") for e in escaped)
    return "|".join(escaped)


def words_regex(words: Iterable[str], flags: int = re.I, after: str = r"(?![\w$€£¥])") -> re.Pattern:
    """``words`` as whole words (not inside a longer word); never matches when empty."""
    alt = alternation(words)
    if not alt:
        return re.compile(r"(?!x)x")
    return re.compile(r"(?<![\w])(?:" + alt + r")" + after, flags)


#: doc.user_data key of the doc's text (a str: travels with the doc between processes)
TEXT_KEY = "newsie.text"


def text_of(doc: Doc) -> str:
    """``doc.text``, computed on the first call and kept in ``doc.user_data``. spaCy joins
    every token's text on each ``doc.text`` (a Token object per token); the text of a doc
    never changes after tokenizing (retokenizing keeps it), so one copy serves every stage."""
    text = doc.user_data.get(TEXT_KEY)
    # a copy that came with a doc made from this one (Span.as_doc, Doc.from_docs) has another length
    if text is None or len(text) != (doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0):
        text = doc.user_data[TEXT_KEY] = doc.text
    return text
