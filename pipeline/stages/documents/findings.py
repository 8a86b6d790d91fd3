"""What the passes find: document mentions and the findings object they share."""

from __future__ import annotations

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


@dataclass
class Findings:
    """The one mutable object the passes share: records found so far, signing rows, the
    signing occasions (sentence, date, place, sides) and the list items already consumed."""

    records: list = field(default_factory=list)
    signings: list = field(default_factory=list)
    events: list = field(default_factory=list)
    consumed: list = field(default_factory=list)
