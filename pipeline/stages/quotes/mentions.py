"""Speaker mentions as data: ``speaker_start``/``speaker_end`` (the mention that attributes the
quote, ``text[speaker_start:speaker_end] == speaker_text``) and ``speaker_label``.

The passes name a speaker by its words (``speaker_text``); where they know the token that
attributes the quote (the subject of the reporting verb, a transcript label) they stamp its
offsets with ``stamp``. ``finish`` then gives every record consistent offsets: a stamped mention
that slices back is kept; otherwise the words are looked up in the quote's sentence and the one
before it (outside the quote), nearest to the quote; a record whose words are found nowhere near
keeps no mention (``speaker_text`` emptied with it, so the slice rule holds on every row).
"""

from __future__ import annotations

import re
from typing import Optional

from .context import DocContext
from .rules import GROUP_SEP

LABELS = ("PERSON", "ORG", "GPE", "NORP", "MEDIA", "UNNAMED")


def nearest(text: str, words: str, anchor: int, lo: int, hi: int,
            avoid: tuple[int, int] = (0, 0)) -> Optional[tuple[int, int]]:
    """The occurrence of ``words`` in text[lo:hi] nearest to ``anchor`` and not inside ``avoid``."""
    best, best_dist = None, None
    k = text.find(words, max(0, lo), hi)
    while k != -1 and k + len(words) <= hi:
        e = k + len(words)
        if not (avoid[0] <= k < avoid[1] or avoid[0] < e <= avoid[1]):
            dist = min(abs(anchor - k), abs(anchor - e))
            if best_dist is None or dist < best_dist:
                best, best_dist = (k, e), dist
        k = text.find(words, k + 1, hi)
    return best


def stamp(d: DocContext, spk: Optional[dict], anchor: int) -> Optional[dict]:
    """``spk`` with the offsets of its ``speaker_text`` in the sentence of char ``anchor``
    (nearest to it); unchanged when there are no words or they are not in that sentence."""
    if not spk or not spk.get("speaker_text"):
        return spk
    sent = d.tok_at(anchor).sent
    found = nearest(d.text, spk["speaker_text"], anchor, sent.start_char, sent.end_char)
    if found is None:
        return spk
    return dict(spk, speaker_start=found[0], speaker_end=found[1])


def _window(d: DocContext, rec: dict) -> tuple[int, int]:
    """The quote's sentence and the one before it (with the attribution after a quote)."""
    si = d.sent_index(d.tok_at(rec["start"]))
    lo = d.sents[max(0, si - 1)].start_char
    end_si = d.sent_index(d.tok_at(max(rec["start"], rec["end"] - 1)))
    hi = d.sents[min(len(d.sents) - 1, end_si + 1)].end_char
    return lo, hi


def _offsets(d: DocContext, rec: dict) -> Optional[tuple[int, int]]:
    words = rec.get("speaker_text")
    if not words:
        return None
    s, e = rec.get("speaker_start"), rec.get("speaker_end")
    if s is not None and e is not None and d.text[s:e] == words:
        return s, e
    lo, hi = _window(d, rec)
    return nearest(d.text, words, rec["start"], lo, hi, avoid=(rec["start"], rec["end"]))


def label_of(d: DocContext, rec: dict) -> Optional[str]:
    """The canonical speaker's kind: the entity's label; a news medium; a group's members' shared
    label; UNNAMED for a source without a name; None without a speaker."""
    speaker, words = rec.get("speaker"), rec.get("speaker_text")
    media = d.rules.media
    said = " ".join(x for x in (words, speaker) if x).lower()
    if any(w in media for w in re.findall(r"[a-z]+", said)):
        return "MEDIA"
    if not speaker:  # an unnamed source ("a senior official"); an unresolved pronoun is unknown
        return "UNNAMED" if words and words.lower() not in d.rules.pronouns else None
    if rec.get("speaker_label") in LABELS:
        return rec["speaker_label"]
    eid = rec.get("speaker_entity_id")
    by_id = [m for m in d.index.mentions if eid is not None and m.get("entity_id") == eid]
    if by_id:
        return by_id[0]["label"]
    parts = speaker.split(GROUP_SEP)
    labels = {m["label"] for m in d.index.mentions if (m.get("canonical") or m["text"]) in parts}
    if len(labels) == 1:
        return labels.pop()
    if len(parts) > 1:
        return "PERSON"  # "X and Y": the persons of a group
    # a name the entities stage did not label: one word is a body ("Rosstat"), more a person
    return "ORG" if len(speaker.split()) == 1 else "PERSON"


def finish(d: DocContext, records: list[dict]) -> list[dict]:
    """Every record with consistent speaker_start/speaker_end/speaker_text and a speaker_label."""
    out = []
    for rec in records:
        rec = dict(rec)
        found = _offsets(d, rec)
        if found is None:
            rec.update(speaker_start=None, speaker_end=None, speaker_text=None)
        else:
            rec.update(speaker_start=found[0], speaker_end=found[1], speaker_text=d.text[found[0]:found[1]])
        rec["speaker_label"] = label_of(d, rec)
        out.append(rec)
    return out
