"""What the passes find: document mentions and the findings object they share."""

from __future__ import annotations

import bisect

from dataclasses import dataclass, field
from typing import Optional

from ...core.extensions import records


@dataclass
class Mention:
    start: int                 # description start
    end: int                   # description end
    type_start: int
    type_end: int
    doc_type: str
    anaphoric: bool
    definite: bool
    title: Optional[str]
    subject: Optional[str]
    parties: list
    explicit_parties: bool
    signed_date: Optional[str]
    signed_place: Optional[str]
    headline: bool = False
    with_side: bool = False    # the description names the other side ("a contract with X"): signers come first
    with_subject: Optional[str] = None  # the subject before a trailing "with X" was cut off as the other side
    passing: bool = False      # signed at another time than the article's main event (a document recalled)
    proper: bool = False       # a capitalised name ("Financial Framework Partnership Agreement")
    value_money_id: Optional[int] = None  # index of its value in the money records
    deal: bool = False         # an item of an inline deal list (never merged with another mention)


class StartIndex:
    """The sorted start offsets of a list that only grows (records, signings), kept up to
    date as it grows: "does any item start in [lo, hi)" without a walk over every item."""

    def __init__(self, start_of):
        self.start_of, self.source, self.starts, self.seen = start_of, None, [], 0

    def any_in(self, items: list, lo: int, hi: int) -> bool:
        if items is not self.source:
            self.source, self.starts, self.seen = items, [], 0
        for item in items[self.seen:]:
            bisect.insort(self.starts, self.start_of(item))
        self.seen = len(items)
        i = bisect.bisect_left(self.starts, lo)
        return i < len(self.starts) and self.starts[i] < hi


@dataclass
class Findings:
    """The one mutable object the passes share: records found so far, signing rows, the
    signing occasions (sentence, date, place, sides) and the list items already consumed."""

    records: list = field(default_factory=list)
    signings: list = field(default_factory=list)
    events: list = field(default_factory=list)
    consumed: list = field(default_factory=list)
    # "does any record / signing start in this sentence": sorted starts kept as the lists grow
    record_starts: StartIndex = field(default_factory=lambda: StartIndex(lambda r: r.start))
    signing_starts: StartIndex = field(default_factory=lambda: StartIndex(lambda g: g["start"]))
