"""Headline attributions: the claim of a headline attributed after it, wire style —
"C: Goyal", "C: experts", "C - sources", "C, source says" (``headline_sources.txt``). The claim
is an indirect row; a PERSON mention after it is the speaker (canonical name), an unnamed source
word gives no speaker and speaker_text the word."""

from __future__ import annotations

import re
from typing import Optional

from .context import DocContext
from .marks import paragraphs

# claim, separator (":" / dash / ","), source, optional "says"
_TAIL = re.compile(r"^(?P<claim>.+?)(?P<sep>:|\s[-–—]|,)\s+(?P<src>[^:,\-–—]{2,40}?)(?:\s+(?P<says>says?))?$")
# claim, ", says" source ("Sugar imports to be capped from July, says Agriculture CS")
_SAYS_TAIL = re.compile(r"^(?P<claim>.+?),\s+(?P<says>says?)\s+(?P<src>[^:,\-–—]{2,40}?)$")
#: most words of the source opening a "Source says C" headline ("Kremlin says …", "Kano governor says …")
MAX_SOURCE_WORDS = 5


def _source(d: DocContext, start: int, end: int) -> Optional[dict]:
    words = d.text[start:end]
    if words.lower() in d.rules.headline_sources:
        return {"speaker": None, "speaker_entity_id": None, "speaker_text": words, "speaker_label": "UNNAMED"}
    found = [m for m in d.index.overlapping(start, end) if m["label"] == "PERSON"]
    if len(found) == 1 and found[0]["start"] == start and found[0]["end"] == end:
        return d.from_mention(found[0])
    role = _role_source(d, words, end)
    if role is not None:
        return role
    body = _body_source(d, words, end)
    if body is not None:
        return body
    if words[:1].isupper() and " " not in words:  # a surname the body names in full ("… : Goyal")
        for m in d.index.mentions:
            name = (m.get("canonical") or m["text"]).split()
            if m["label"] == "PERSON" and len(name) > 1 and name[-1] == words:
                return d.from_mention(m, words)
    return None


def _role_source(d: DocContext, words: str, end: int) -> Optional[dict]:
    """A person role noun ending the source ("C — minister", "C, says Kano governor"): the one
    person the body titles so ("Foreign Minister Anna Kovacs"); none or several named, the role
    as written with no speaker (a description)."""
    noun = words.split()[-1].lower()
    role = d.rules.roles.get(noun)
    if role is None or role["kind"] != "person":
        return None
    named = [m for m in d._titled(noun) if m["start"] >= end]
    names = {m.get("canonical") or m["text"] for m in named}
    if len(names) == 1:
        return d.from_mention(named[0], words)
    return {"speaker": None, "speaker_entity_id": None, "speaker_text": words, "speaker_label": "UNNAMED"}


def _body_source(d: DocContext, words: str, end: int) -> Optional[dict]:
    """An organisation role noun ending the source ("C: cabinet", "Ministry says C", "C, ministry
    says"): the first organisation the body names with that word (the lead's source: "the Ministry
    of Energy and Water Resources", a later "Uzbekistan's Ministry of Water Resources" being a
    second voice); none named, the body as written (label ORG)."""
    noun = words.split()[-1].lower()
    role = d.rules.roles.get(noun)
    if role is None or role["kind"] not in ("org", "state"):
        return None
    named = [m for m in d.index.mentions if m["start"] >= end and m["label"] in ("ORG", "GPE")
             and noun in (m.get("canonical") or m["text"]).lower().split()]
    if named:  # the lead's source: the first the body names so
        return d.from_mention(named[0], words)
    return {"speaker": words, "speaker_entity_id": None, "speaker_text": words, "speaker_label": "ORG", "body": True}


def _described(words: str) -> Optional[dict]:
    """A capitalised description ending the source that names no one the body knows ("Agriculture
    CS"): no speaker, the description as written."""
    toks = words.split()
    if len(toks) > 3 or not all(w[:1].isupper() for w in toks):
        return None
    return {"speaker": None, "speaker_entity_id": None, "speaker_text": words, "speaker_label": "UNNAMED"}


def _says_first(d: DocContext, s: int, e: int) -> list[dict]:
    """"Source says C" ("Kremlin says door open for Armenia", "Minister says talks to resume"):
    a headline verb of speech in the present after a short capitalised source; the claim, often
    without a finite verb, is the rest of the line."""
    toks = d.tokens_in(s, e)
    verb = next((t for t in toks[1:MAX_SOURCE_WORDS + 1] if t.tag_ == "VBZ" and t.lemma_.lower() in d.rules.speech_verbs
                 and t.lemma_.lower() not in d.rules.question_verbs), None)
    if verb is None or not toks[0].text[:1].isupper() or any(t.is_punct for t in toks[:verb.i - toks[0].i]):
        return []
    rest = [t for t in toks if t.i > verb.i and not t.is_space]
    if rest and rest[0].lower_ == "that":
        rest = rest[1:]
    while rest and rest[-1].is_punct:
        rest = rest[:-1]
    if len([t for t in rest if t.is_alpha]) < 3:
        return []
    src_end = toks[verb.i - toks[0].i - 1].idx + len(toks[verb.i - toks[0].i - 1])
    spk = _source(d, s, src_end)
    if spk is None:
        return []
    a, b = rest[0].idx, rest[-1].idx + len(rest[-1])
    return [dict(spk, start=a, end=b, kind="indirect", text=d.text[a:b], cue="say", speaker_start=s,
                 speaker_end=src_end)]


def headline_attributions(d: DocContext) -> list[dict]:
    """The headline's attributed claim as an indirect row (at most one; none when it is quoted)."""
    paras = paragraphs(d.text)
    if not paras:
        return []
    s, e = paras[0]
    if d.covered(s, e):
        return []
    m = _SAYS_TAIL.match(d.text[s:e]) or _TAIL.match(d.text[s:e])
    if m is None:
        return _says_first(d, s, e)
    sep = m.groupdict().get("sep", ",")
    if sep != "," and m.group("says"):
        return _says_first(d, s, e)
    if sep == "," and not m.group("says"):
        return _says_first(d, s, e)  # "C, Name" is no attribution; "C, source says" is
    spk = _source(d, s + m.start("src"), s + m.end("src"))
    if spk is None and m.group("says"):
        spk = _described(m.group("src"))
    claim_end = s + m.end("claim")
    words = d.text[s:claim_end].split()
    if spk is None or len(words) < 3:
        return []
    cue = "say" if m.group("says") else ":"
    return [dict(spk, start=s, end=claim_end, kind="indirect", text=d.text[s:claim_end], cue=cue,
                 speaker_start=s + m.start("src"), speaker_end=s + m.end("src"))]


def headline_roles(d: DocContext, rows: list[dict], title: tuple[int, int]) -> None:
    """A headline's reported row attributed to a role ("C, says Kano governor", "Minister says
    C") takes the person the body titles with it, as the role pass does for a headline attribution:
    a headline has nothing before it to resolve a role to, and a place in the role phrase
    ("Kano") is no speaker. A role the body titles nobody (or several people) with keeps what the
    role pass found. Rows are updated in place; offsets of the mention are kept."""
    for rec in rows:
        written = rec.get("speaker_text")
        if rec["kind"] != "indirect" or not written or not title[0] <= rec["start"] < title[1]:
            continue
        found = _role_source(d, written, title[1])
        if found is not None and found["speaker"]:
            rec.update(speaker=found["speaker"], speaker_entity_id=found["speaker_entity_id"])
            rec.pop("speaker_label", None)
