"""Rows whose source refers back to an earlier statement of the article.

* "According to the statement / the report / the post, C" (a definite statement noun with no
  owner, marked ``refers_back`` by the according-to pass): the source of the latest earlier row
  whose sentence holds the same noun ("X said in a statement that …", "according to a report by
  Y"), else the source of the latest earlier row with a speaker.
* "It said C" with no organisation in reach, "He said C" with no person in reach (a name the
  entities stage did not tag): the source of the row in this sentence or the one just before
  ("According to the report, C1. It said C2.").

Runs once over all rows of a doc (in text order), before the mentions pass; it returns new
records and changes none in place.
"""

from __future__ import annotations

from typing import Optional

from .context import DocContext

SPEAKER_KEYS = ("speaker", "speaker_entity_id", "speaker_label")


def _names_statement(d: DocContext, rec: dict, noun: str) -> bool:
    """Whether the row's sentence names a statement of this kind: the noun itself, or a verb it
    derives from ("announced" for "the announcement", "stated" for "the statement")."""
    for t in d.tok_at(rec["start"]).sent:
        lemma = t.lemma_.lower()
        if (t.pos_ in ("NOUN", "PROPN") and lemma == noun) or \
                (t.pos_ == "VERB" and len(lemma) >= 4 and noun.startswith(lemma) and noun != lemma):
            return True
    return False


def _earlier_source(d: DocContext, rows: list[dict], rec: dict) -> Optional[dict]:
    earlier = [r for r in rows if r["start"] < rec["start"] and r.get("speaker")]
    noun = rec["refers_back"]
    same = [r for r in earlier if _names_statement(d, r, noun)]
    pool = same or earlier
    return pool[-1] if pool else None


def _previous_sentence_source(d: DocContext, rows: list[dict], rec: dict) -> Optional[dict]:
    si = d.sent_index(d.tok_at(rec["start"]))
    before = [r for r in rows if r["start"] < rec["start"] and r.get("speaker")
              and si - 1 <= d.sent_index(d.tok_at(r["start"])) <= si]
    if not before:
        return None
    return before[-1]


def _is_person(d: DocContext, rec: dict) -> bool:
    if rec.get("speaker_label") == "PERSON":
        return True
    eid = rec.get("speaker_entity_id")
    return eid is not None and any(m["label"] == "PERSON" for m in d.index.mentions if m.get("entity_id") == eid)


def resolve_back_references(d: DocContext, rows: list[dict]) -> list[dict]:
    """``rows`` with the speaker of back-referring sources filled in (see the module doc)."""
    rows = sorted(rows, key=lambda r: r["start"])
    out = []
    for rec in rows:
        source = None
        if rec.get("refers_back") and not rec.get("speaker"):
            source = _earlier_source(d, out, rec)
        elif not rec.get("speaker"):
            word = (rec.get("speaker_text") or "").lower()
            if d.rules.pronouns.get(word, ("", ""))[1] == "org":
                source = _previous_sentence_source(d, out, rec)
            elif (d.rules.gender or {}).get(("pronoun", word)):
                source = _previous_sentence_source(d, out, rec)
                source = source if source is not None and _is_person(d, source) else None
        if source is not None:
            rec = dict(rec, **{k: source.get(k) for k in SPEAKER_KEYS})
        out.append(rec)
    return out
