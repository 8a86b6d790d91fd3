"""Closed-class words and constants the documents passes share."""

from __future__ import annotations

import re

from ...core.text import alternation


ISO_VALUE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
DETERMINERS = frozenset({"a", "an", "the", "this", "that", "these", "those", "its", "their", "our", "his", "her",
                         "my", "your", "both", "such"})
DEFINITE = frozenset({"the", "this", "that", "these", "those", "its", "their", "our", "his", "her", "my", "your"})
NP_POS = frozenset({"DET", "ADJ", "NUM", "PROPN", "NOUN", "PART", "X", "SYM"})
NP_PUNCT = frozenset({"’", "'", "“", "”", '"', "-", "–", "(", ")", "«", "»", "‘", ",", "&"})
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
#: relative pronouns: a clause after a document name is not its description
RELATIVES = frozenset({"which", "that", "who"})
#: coordinators: a clause boundary when looking back from a verb for its modal
COORDINATORS = frozenset({"and", "or", "but"})
#: indefinite determiners: a new document, never a re-mention
INDEFINITE = frozenset({"a", "an", "one", "another"})
#: the two ways a document name introduces its parties: "between A and B" / "with B" (the other side signs)
PARTY_KINDS = ("between", "with")
#: sentences back that a signing without a time of its own continues (same occasion)
OCCASION_WINDOW = 2
#: body sentences from the article's lead within which a list takes the lead's date
LEAD_WINDOW = 4
BE_AUX = frozenset({"was", "were", "is", "are", "been", "be", "being", "has", "have", "had", "'s", "’s"})

#: any determiner, as a regex alternation
DET_ALT = alternation(DETERMINERS)


def strip_the(text: str) -> str:
    return re.sub(r"^(?:the|The|THE)\s+", "", text.strip())


def run_start(pattern: str) -> str:
    r"""``pattern`` (one that opens with optional punctuation and a whitespace run, ``\s*;``,
    ``,?\s+which``) tried only where a whitespace run starts: the leftmost match is the same,
    but a search no longer re-scans a long run of spaces from each of its positions (linear,
    not quadratic, in the run's length)."""
    return r"(?<!\s)" + pattern


def trim_span(text: str, start: int, end: int, chars: str = " \t\n;.,:") -> tuple[int, int]:
    """Shrink [start, end) of ``text`` past surrounding whitespace and the given punctuation."""
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end
