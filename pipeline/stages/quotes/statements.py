"""Unmarked statements after a transcript label or "X said:"."""

from __future__ import annotations

import re
from typing import Optional

from .clauses import _reported_clauses
from .direct import _label_like, _words
from .grammar import is_speech_verb, subject_of, verb_lemma
from .marks import paragraphs
from .mentions import stamp
from .rules import SENT_END, SUBJ_DEPS
from .speakers import _Doc


def _label_parts(d: _Doc, s: int, e: int) -> Optional[tuple[int, str, str]]:
    """(colon offset, label, label without a trailing parenthesis) of a line opening "Label:"."""
    m = re.match(r"[^:\n]{1,160}?:(?=\s|$)", d.text[s:e])
    if not m:
        return None
    colon = s + m.end() - 1
    label = d.text[s:colon].strip()
    bare = re.sub(r"\s*\([^()]*\)$", "", label).strip()  # "HOST (Jane Doe)", "X (retranslated)"
    return (colon, label, bare) if bare else None


def _is_prompt_label(d: _Doc, s: int, colon: int, bare: str) -> bool:
    """A questioner's label: "Question", "Q", "HOST", "Interviewer" (``anonymous_labels.txt``), or
    a label naming no person, only media or organisations ("Xinhua News Agency:", "AFP:")."""
    if " ".join(bare.lower().split()) in d.rules.anonymous_labels:
        return True
    toks = [t for t in d.tokens_in(s, s + len(d.text[s:colon]) - len(d.text[s:colon].lstrip()) + len(bare))
            if not t.is_space]
    if not toks or not _label_like(toks, d) or bare.isupper():  # (a parenthesis after it may be lower case)
        return False
    if any(d.mention_at(t, ("PERSON",)) for t in toks):
        return False
    return any(d.mention_at(t, ("ORG",)) or t.lower_ in d.rules.media for t in toks)


def _is_questioner(d: _Doc, spk: dict) -> bool:
    """A labelled person the article introduces as the questioner ("Host Jane Doe", "our
    correspondent John Roe", "interviewer …": a word of ``anonymous_labels.txt`` before a mention)."""
    eid = spk.get("speaker_entity_id")
    if eid is None:
        return False
    words = {w for w in d.rules.anonymous_labels if " " not in w and len(w) > 1}
    for m in d.index.mentions:
        if m.get("entity_id") != eid:
            continue
        first, last = d.tok_at(m["start"]), d.tok_at(m["end"] - 1)
        before = d.doc[max(first.sent.start, first.i - 3):first.i]
        after = d.doc[last.i + 1:min(last.sent.end, last.i + 4)]
        if any(t.lower_ in words and t.pos_ in ("NOUN", "PROPN") for t in before) or \
                any(t.lower_ in words and t.dep_ == "appos" for t in after):
            return True  # "host Jane Doe", "our correspondent John Roe", "John Roe, our correspondent"
    return False


def _turn_label(d: _Doc, s: int, e: int) -> bool:
    """A line opening with a short capitalised label ("AFP:", "Radio Liberty:"): a new turn."""
    parts = _label_parts(d, s, e)
    if parts is None or len(parts[2].split()) > 4:
        return False
    return all(w[:1].isupper() or w.lower() in d.rules.label_connectors for w in parts[2].split())


def _label_intro(d: _Doc, s: int, e: int) -> Optional[tuple[dict, int]]:
    """A transcript label at the start of a line: (speaker, offset after the colon). A
    questioner's label gives the speaker ``{"prompt": True}``: the turn is no quote."""
    parts = _label_parts(d, s, e)
    if parts is None:
        return None
    colon, label, bare = parts
    if _is_prompt_label(d, s, colon, bare):
        return {"prompt": True}, colon + 1
    lead = s + len(d.text[s:colon]) - len(d.text[s:colon].lstrip())
    name, _, role = bare.partition(",")  # "KAVITA RAO, TRADE ECONOMIST", "MEERA NAIR, ANCHOR"
    if role and name.strip().isupper() and any(w in d.rules.anonymous_labels for w in role.lower().split()):
        return {"prompt": True}, colon + 1
    caps = _caps_label(d, lead, lead + len(name.rstrip()), name.rstrip(), with_role=bool(role.strip()))
    if caps is not None:
        return caps, colon + 1
    if len(bare) < 2:
        return None
    toks = d.tokens_in(lead, lead + len(bare))
    persons = [d.mention_at(t, ("PERSON",)) for t in toks]
    persons = [p for p in persons if p is not None]
    if not persons or not _label_like(toks, d) or any(t.tag_.startswith("VB") and d.mention_at(t) is None for t in toks):
        return None
    return dict(stamp(d, d.from_mention(persons[0]), persons[0]["start"]), cue=":"), colon + 1


def _caps_label(d: _Doc, s: int, end: int, label: str, with_role: bool = False) -> Optional[dict]:
    """"NDLOVU:" — a radio/TV transcript label in capitals naming, by surname, a person the
    article introduces ("host Sipho Ndlovu"): that person, speaker_text the label. A name the
    entities stage missed is taken as written where the article introduces it ("Jane Dube"), or,
    in a label with a role after a comma ("SAAD AL-KAABI, QATARENERGY CHIEF EXECUTIVE:"), as the
    label writes it, in title case."""
    title = re.match(r"(\S+)\s+(?=\S)", label)
    if title and title.group(1).rstrip(".").lower() in d.rules.label_titles:
        # "MR. KITAMURA:", "DR SMITH:": a courtesy title before the name is no part of it
        s, label = s + title.end(), label[title.end():]
    words = label.split()
    if not 1 <= len(words) <= 4 or not all(re.sub(r"[-'’]", "", w).isalpha() and w.isupper() and len(w) > 1
                                           for w in words):
        return None
    found = None
    for m in d.index.mentions:
        name = (m.get("canonical") or m["text"]).split()
        if m["label"] == "PERSON" and len(name) > 1 and words[-1] in (name[-1].upper(), name[0]) and \
                not m["text"].isupper():  # "Sipho Ndlovu", or a family name written first in capitals
            found = d.from_mention(m, label)
            break
    if found is None:
        intro = _introduced_as(d, words[-1])
        if intro is None and (len(words) == 1 or not with_role):
            return None  # ("FACT SHEET:" names nobody; "SAAD AL-KAABI, QATARENERGY CHIEF:" names him)
        # the name as the article introduces it, else the label's own full name ("SAAD AL-KAABI")
        name = intro if intro is not None and not with_role else \
            " ".join(re.sub(r"[A-Za-z]+", lambda x: x.group(0).capitalize(), w) for w in words)
        found = {"speaker": name, "speaker_entity_id": None, "speaker_text": label, "speaker_label": "PERSON"}
    return dict(found, cue=":", speaker_start=s, speaker_end=end)


def _introduced_as(d: _Doc, surname: str) -> Optional[str]:
    """The full name the article introduces for a capitals label's surname: "Jane Dube" for
    "DUBE", or the family name first in capitals ("KITAMURA Toshihiro") as written."""
    title = surname[0] + surname[1:].lower()
    intro = re.search(r"\b([A-Z][a-z]+[ \u00a0])" + re.escape(title) + r"\b", d.text)
    if intro is not None:
        return " ".join((intro.group(1) + title).split())
    first = re.search(r"\b" + re.escape(surname) + r"[ \u00a0][A-Z][a-z]+\b", d.text)
    return " ".join(first.group(0).split()) if first is not None else None


def _said_intro(d: _Doc, s: int, e: int) -> Optional[tuple[dict, int]]:
    """"X said:" — a reporting verb whose clause ends with a colon: (speaker, offset after it)."""
    for k in range(s, e):
        if d.text[k] != ":" or d.covered(k):
            continue
        colon_tok = d.tok_at(k)
        verbs = [t for t in colon_tok.sent if t.i < colon_tok.i and is_speech_verb(t, d.rules)]
        if not verbs:
            continue
        v = verbs[-1]
        if any(t.tag_.startswith("VB") for t in d.doc[v.i + 1:colon_tok.i]):
            continue  # "He said the plan has three goals:" — a list, not a statement
        spk = d.speaker_of_verb(v)
        if spk is None:
            continue
        return dict(spk, cue=verb_lemma(v)), k + 1
    return None


def _speech_words(d: _Doc, s: int, e: int) -> bool:
    return any(d.rules.pronouns.get(t.lower_, ("3",))[0] in ("1", "2")
               for t in d.tokens_in(s, e))


def _ends_statement(d: _Doc, s: int, e: int, speaker: dict) -> bool:
    text = d.text[s:e]
    if not any(c.isalpha() for c in text):
        return True
    if _label_intro(d, s, e) or _said_intro(d, s, e) or (speaker.get("cue") == ":" and _turn_label(d, s, e)):
        return True
    if d.covered(s, e):
        return True
    toks = [t for t in d.tokens_in(s, e) if not t.is_space]
    if text[-1] not in SENT_END + "…\"”»’:;," and len(_words(toks)) < 12:
        return True  # a heading
    first_person = _speech_words(d, s, e)
    for t in toks:
        if is_speech_verb(t, d.rules):
            subj = subject_of(t)
            if subj is not None and d.rules.pronouns.get(subj.lower_, ("3",))[0] == "3" and \
                    (d.mention_at(subj) is not None or subj.lower_ in d.rules.pronouns):
                return True  # a narrative attribution of someone's words
            if subj is not None and not first_person and subj.lower_ not in d.rules.pronouns and \
                    d.role_of(subj)[0] is not None and _reported_clauses(t, d.rules, d):
                return True  # "The Minister also noted that C": a role noun reporting, no I/we/you
    if not _speech_words(d, s, e):
        mentions = [m for m in d.index.overlapping(s, e)
                    if speaker.get("speaker_entity_id") is not None and m.get("entity_id") == speaker["speaker_entity_id"]
                    or (speaker.get("speaker") and m.get("canonical") == speaker["speaker"])]
        third = any(t.lower_ in ("he", "she") and t.dep_ in SUBJ_DEPS for t in toks)
        if mentions or third:
            return True  # narrative about the speaker
    return False


def _is_question(d: _Doc, rows: list[tuple[int, int]]) -> bool:
    """A transcript turn whose label line ends asking ("Critics say X. Are they right?")."""
    return bool(rows) and d.text[rows[-1][0]:rows[-1][1]].rstrip().endswith("?")


def _statements(d: _Doc) -> list[dict]:
    """Unmarked statements after a transcript label or "X said:"; one row per paragraph."""
    paras = paragraphs(d.text)
    out = []
    i = 0
    while i < len(paras):
        s, e = paras[i]
        if d.covered(s, e) and not _label_intro(d, s, e):
            i += 1
            continue
        intro = _label_intro(d, s, e)
        label = intro is not None
        if intro is None:
            intro = _said_intro(d, s, e)
        if intro is None:
            i += 1
            continue
        speaker, after = intro
        rest = after
        while rest < e and d.text[rest].isspace():
            rest += 1
        if rest < e and (d.covered(rest) or d.text[rest] in d.rules_marks):
            i += 1
            continue  # a marked quote follows: the direct finder has it
        rows = []
        if rest < e:
            rows.append((rest, e))
        j = i + 1
        if label or rest >= e:
            while j < len(paras) and not _ends_statement(d, paras[j][0], paras[j][1], speaker):
                rows.append(paras[j])
                j += 1
        if label and (speaker.get("prompt") or _is_question(d, rows[:1]) or _is_questioner(d, speaker)):
            # a questioner's turn, or a turn that only asks: a prompt, no quote (its text is
            # covered all the same: speech reported inside it is part of the turn)
            out.extend({"start": rs, "end": re_, "kind": "prompt"} for rs, re_ in rows)
            rows = []
        for rs, re_ in rows:  # a paragraph without marks is taken whole (whitespace trimmed)
            if re_ > rs:
                out.append(dict(speaker, start=rs, end=re_, kind="direct", text=d.text[rs:re_]))
        i = j if j > i + 1 else i + 1
    return out
