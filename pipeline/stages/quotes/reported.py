"""Reported speech: ccomps of reporting verbs, according-to sources, as-clauses, parentheticals."""

from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Token

from .clauses import (_clause_bounds, _coordinated_predicates, _mid_sentence_clause, _misparsed_clause,
                      _reason_clause, _reported_clauses, _trailing_actions, _trim_lead, _valid_clause)
from .grammar import _has_finite_verb, _segment_break, is_speech_verb, subject_of, subtree, verb_lemma
from .mentions import stamp
from .rules import SENT_END, SUBJ_DEPS
from .speakers import _Doc


def _cue_positions(d: _Doc) -> list[tuple[int, int, str]]:
    """(first token, length, cue) of every source cue in the doc, cue by cue in the order of
    ``source_cues.tsv`` and by position within a cue: the lower-cased words are read once and
    only the positions of a cue's first word are compared."""
    lower = [t.lower_ for t in d.doc]
    starts: dict[str, list[int]] = {}
    for i, w in enumerate(lower):
        starts.setdefault(w, []).append(i)
    found = []
    for cue_words, cue in d.rules.source_cues:
        n = len(cue_words)
        found.extend((i, n, cue) for i in starts.get(cue_words[0], ()) if tuple(lower[i:i + n]) == cue_words)
    return found


def _according(d: _Doc) -> list[dict]:
    out = []
    doc = d.doc
    for i, n, cue in _cue_positions(d):
        tok = doc[i]
        if d.covered(tok.idx):
            continue
        last = doc[tok.i + n - 1]
        objs = [c for c in last.children if c.dep_ == "pobj"]
        if not objs:
            back = _unparsed_back_reference(d, last)
            if back is None:
                continue
            src, phrase_end = None, d.tok_at(back["anchor"]).i + 1
        else:
            src = objs[0]
            phrase_end = src.right_edge.i + 1
            back = _back_reference(d, src)  # "according to the statement": an earlier statement's source
        src, written = _source_of(d, src) if src is not None else (None, None)
        if src is None and back is None:
            continue  # "according to the agreement / official data": a document, not a speaker
        sent = tok.sent
        sent_start = _line_sentence_start(d, tok)
        if _segment_break(d.breaks, sent_start, tok.i):  # the parser ran the previous sentence into this one
            sent_start = next(j for j in range(tok.i, sent_start, -1) if _segment_break(d.breaks, j - 1, j))
        before = [t for t in doc[sent_start:tok.i] if not (t.is_punct or t.is_space)]
        if not before:
            clause = list(doc[phrase_end:sent.end])
        elif not [t for t in doc[phrase_end:sent.end] if not (t.is_punct or t.is_space)]:
            clause = list(doc[sent_start:tok.i])
        else:
            clause = _mid_sentence_clause(doc, sent_start, tok.i, phrase_end, sent.end)
            if not clause:
                continue
        bounds = _clause_bounds(clause)
        if bounds is None or not _has_finite_verb(clause) or d.covered(*bounds):
            continue
        if src is None:
            speaker = stamp(d, back, back["anchor"])
        else:
            speaker = stamp(d, d.resolve(src), src.idx)
        if src is not None and speaker is None and written is None and d.role_of(src)[0] is not None:
            written = d.written_role(src, d.role_of(src)[1])  # "according to the central bank", none named
        if written is not None and (speaker is None or not speaker.get("speaker") or speaker.get("body")):
            # "according to Chinese customs data": the owner as written, no entity to name
            body = speaker is not None and speaker.get("body")
            speaker = dict(speaker or {"speaker": None, "speaker_entity_id": None}, speaker_text=written)
            if body:
                speaker["speaker"] = written
            speaker = stamp(d, speaker, src.idx)
        if _reports_event(d, clause, doc[tok.i:phrase_end], speaker):
            continue
        s, e = bounds
        out.append(dict(speaker or {"speaker": None, "speaker_entity_id": None, "speaker_text": None},
                        start=s, end=e, kind="indirect", text=d.text[s:e], cue=cue))
    return out


SOURCE_LABELS = ("PERSON", "ORG", "NORP", "GPE")


def _back_reference(d: _Doc, src: Token) -> Optional[dict]:
    """A definite statement noun with no owner ("according to the statement / the report / the
    post"): a speaker record naming nobody yet, its noun as speaker_text and ``refers_back`` the
    noun's lemma (``anaphora.resolve_back_references`` takes the source of the earlier statement)."""
    if not d.rules.source_nouns.get(src.lower_, d.rules.source_nouns.get(src.lemma_.lower(), False)):
        return None
    if not any(c.dep_ == "det" and c.lower_ in d.rules.back_det for c in src.lefts):
        return None
    if any(c.dep_ in ("poss", "compound", "nmod", "amod") for c in src.lefts) or \
            any(p.dep_ == "prep" and p.lower_ in ("of", "by", "from") for p in src.rights):
        return None  # an owner named or described ("the ministry's statement", "the latest report")
    return {"speaker": None, "speaker_entity_id": None, "speaker_text": src.text,
            "refers_back": src.lemma_.lower(), "anchor": src.idx}


def _unparsed_back_reference(d: _Doc, last: Token) -> Optional[dict]:
    """"According to the post, C" where the parser gave the cue no object (it read "post" as an
    adjective of the clause's subject): a determiner of ``back_determiners.txt`` and a statement
    noun right after the cue, then a comma, refer back as ``_back_reference`` does."""
    doc = last.doc
    if last.i + 3 >= len(doc):
        return None
    det, noun, comma = doc[last.i + 1], doc[last.i + 2], doc[last.i + 3]
    if det.lower_ not in d.rules.back_det or comma.text != "," or not d.rules.source_nouns.get(noun.lower_, False):
        return None
    return {"speaker": None, "speaker_entity_id": None, "speaker_text": noun.text,
            "refers_back": noun.lower_, "anchor": noun.idx}


def _speakerish(d: _Doc, tok: Token) -> bool:
    """Whether a source phrase's head can make a statement: a person, organisation, country or
    nationality mention, a third-person pronoun, a role noun, or a proper name the entities stage
    did not label ("according to Rosstat") that is no document ("the Constitution")."""
    if d.mention_at(tok, SOURCE_LABELS) is not None:
        return True
    if d.rules.pronouns.get(tok.lower_, ("",))[0] == "3" or d.role_of(tok)[0] is not None:
        return True
    if tok.pos_ == "PROPN" and tok.lemma_.lower() not in d.rules.source_nouns and tok.lower_ not in d.rules.source_nouns:
        others = [m for m in d.index.overlapping(tok.idx, tok.idx + len(tok)) if m["label"] not in SOURCE_LABELS]
        return not others  # a LAW / EVENT / WORK_OF_ART … mention is no source
    return False


def _source_of(d: _Doc, src: Token) -> tuple[Optional[Token], Optional[str]]:
    """(the token naming who speaks, the source as written when it differs from the speaker's
    own words) for the object of a source cue. A data/report noun (source_nouns.tsv) speaks for
    its owner: "Eurostat data", "the ministry's forecast", "data from the World Bank" -> the owner
    (speaker_text "Eurostat data" … as written, without a determiner); no owner -> no source."""
    noun = src.lemma_.lower()
    kind = d.rules.source_nouns.get(src.lower_, d.rules.source_nouns.get(noun))
    if kind is None:
        return (src, None) if _speakerish(d, src) else (None, None)
    if not kind:
        return None, None  # a document: its content is nobody's statement
    owners = [c for c in src.lefts if c.dep_ in ("poss", "compound", "nmod", "amod")]
    for prep in src.rights:
        if prep.dep_ == "prep" and prep.lower_ in ("of", "by", "from"):
            objs = [o for o in prep.children if o.dep_ == "pobj"]
            owners += objs + [a for o in objs for a in o.rights if a.dep_ == "appos"]  # "the consultancy Drewry"
    for acl in src.rights:  # "a report released by the Department of Industry"
        if acl.dep_ == "acl" and acl.tag_ == "VBN":
            owners += [o for a in acl.children if a.dep_ == "agent" or (a.dep_ == "prep" and a.lower_ == "by")
                       for o in a.children if o.dep_ == "pobj"]
    for owner in owners:
        named = owner.dep_ == "appos" and owner.pos_ == "PROPN"  # "the consultancy Drewry", whatever its label
        if (named or _speakerish(d, owner)) and owner.pos_ in ("PROPN", "NOUN", "PRON"):
            if owner.i < src.i:  # "Chinese customs data" -> "Chinese customs"
                toks = [t for t in src.lefts if t.dep_ not in ("det", "predet") and t.tag_ != "PRP$"]
                toks = [t for x in toks for t in subtree(x) if t.dep_ not in ("det", "case")]
            else:  # "data from the World Bank" -> "World Bank" ("… by X on Tuesday": not "on Tuesday")
                when = {t.i for p in owner.rights if p.dep_ == "prep" and p.lower_ not in ("of", "for")
                        for t in subtree(p)}
                toks = [t for t in subtree(owner) if not (t.dep_ == "det" and t.i < owner.i) and t.i not in when]
            toks = sorted(toks, key=lambda t: t.i)
            written = d.doc[toks[0].i:toks[-1].i + 1].text if toks else None
            return owner, written
    return None, None


def _line_sentence_start(d: _Doc, tok: Token) -> int:
    """The start of tok's sentence, extended back over a sentence split the segmenter or
    parser made inside a line without a sentence end ("Kazakhstan | exported … , according to X")."""
    si = d.sent_index(tok)
    start = d.sents[si].start
    while si > 0:
        prev = d.sents[si - 1]
        words = [t for t in prev if not t.is_space]
        if not words or "\n" in d.text[words[-1].idx:d.doc[start].idx] or words[-1].text in SENT_END + ":;" \
                or words[-1].text in d.rules_marks:
            break
        start, si = prev.start, si - 1
    return start


def _reports_event(d: _Doc, clause: list[Token], source, speaker: Optional[dict]) -> bool:
    """An 'according to' whose clause has the source itself among its subjects ("According to
    the press service of X, he and Y held a meeting") reports an event, not a statement."""
    src_ids = {m.get("entity_id") for m in d.index.overlapping(source.start_char, source.end_char)}
    src_names = {m.get("canonical") for m in d.index.overlapping(source.start_char, source.end_char)}
    if speaker is not None and src_ids:  # (a description, "according to the company", names no event's actor)
        src_ids.add(speaker.get("speaker_entity_id"))
        src_names.add(speaker.get("speaker"))
    src_ids.discard(None)
    src_names.discard(None)
    subj_toks = []
    for t in clause:
        if t.dep_ in SUBJ_DEPS and t.head.dep_ == "ROOT":
            subj_toks.extend(subtree(t))
    for t in subj_toks:
        if d.rules.pronouns.get(t.lower_, ("",))[0] == "3":
            prior = [m for m in d.index.mentions if m["end"] <= t.idx and m["label"] in ("PERSON", "ORG")
                     and m["start"] >= t.sent.start_char]
            if prior and prior[-1]["start"] >= source.start_char:
                return True  # the pronoun refers back into the source phrase
            found = d.resolve(t)
            if found and (found.get("speaker_entity_id") in src_ids or found.get("speaker") in src_names):
                return True
        m = d.mention_at(t)
        if m is not None and (m.get("entity_id") in src_ids and m["start"] >= source.end_char
                              and m.get("canonical") in src_names):
            return True
    return False


def _clauses_of(tok: Token, d: _Doc) -> list[list[Token]]:
    """The reported clauses (token lists) of a reporting verb; none for negated or hypothetical
    speech ("did not say that C", "would never say", "if she says that C", "Nobody has said that
    C") and for questions and prompts ("X asked whether C", "When asked whether C", "X was asked
    if C": a verb of asking reports a question, not a statement)."""
    if _unsaid(tok, d.rules):
        return []
    clauses = []
    for head, lead in _reported_clauses(tok, d.rules, d):
        if _segment_break(d.breaks, tok.i, head.i):
            continue
        heads = [head] + _coordinated_predicates(tok, head, d.rules)
        cut = set().union(*(_trailing_actions(h, d.rules) for h in heads))
        toks = [t for h in heads for t in subtree(h)] + _reason_clause(tok, heads[-1], d.rules)
        clause = lead + [t for t in toks if not _segment_break(d.breaks, t.i, head.i) and t.i not in cut]
        if not lead and head.i > tok.i:
            clause = _trim_lead(tok, head, clause, d)
        clauses.append(clause)
    if not clauses:
        misparsed = _misparsed_clause(tok, d)
        if misparsed:
            clauses.append(misparsed)
    return clauses


def _reports_report(tok: Token, clause: list[Token], d: _Doc) -> bool:
    """A trailing attribution ("…, the statement added") whose clause is itself a reporting
    sentence ("Madbouly stressed that C"): the inner statement is the quote, the outer only sources
    the narration."""
    heads = [t for t in clause if t.head.i == tok.i and t.i < tok.i]
    return any(is_speech_verb(h, d.rules) and _reported_clauses(h, d.rules, d) for h in heads)


def _unsaid(tok: Token, rules) -> bool:
    if any(c.dep_ == "neg" for c in tok.children):
        return True
    if any(c.dep_ == "mark" and c.lower_ in rules.conditional_marks for c in tok.children):
        return True
    if any(c.dep_ in SUBJ_DEPS and (c.lower_ in rules.negative_subjects or
                                    any(x.dep_ == "det" and x.lower_ in rules.negative_subjects for x in c.lefts))
           for c in tok.children):
        return True  # "Nobody in Washington has said that C"
    # a question ("X asked whether C") or a prompt ("When asked whether C"): no statement
    return tok.lemma_.lower() in rules.question_verbs


def _reported(d: _Doc) -> list[dict]:
    """Reported speech: {start, end, kind="indirect", text, speaker..., cue}. A reporting verb
    inside a clause already reported ("X said that Y told Z that C") is part of X's statement,
    not a row of its own (as a quote inside a quote); skipping it keeps a chain of such verbs
    linear."""
    out = []
    reach = (0, 0)  # the latest row kept (not sourced to a medium): verbs inside it are content
    for tok in d.doc:
        if d.covered(tok.idx) or reach[0] <= tok.idx < reach[1]:
            continue
        for clause in _clauses_of(tok, d):
            first = next((t for t in clause if not (t.is_punct or t.is_space)), None)
            if first is not None and first.lower_ in d.rules.wh_words:
                continue  # "told how the system works": a topic, not a statement
            bounds = _clause_bounds(clause)
            if bounds is None or d.covered(*bounds):
                continue
            s, e = bounds
            if _reports_report(tok, clause, d):
                continue  # "X stressed that C, the statement added": X's statement is the row
            subj = subject_of(tok)
            if subj is not None and d.rules.pronouns.get(subj.lower_, ("3",))[0] == "1" and not d.covered(subj.idx):
                continue  # "I can assure you that …" outside quotes: the author's own voice
            if subj is not None and subj.lower_ == "it" and subj.dep_ != "nsubj":
                spk = None  # "It was stated that C": speech in the passive, its speaker unnamed
            else:
                d.ranges.append((s, e))  # names inside the clause are not antecedents of its speaker
                try:
                    spk = d.speaker_of_verb(tok, exclude=(s, e))
                finally:
                    d.ranges.pop()
            spk = spk or {"speaker": None, "speaker_entity_id": None, "speaker_text": None}
            if verb_lemma(tok) in d.rules.opinion_verbs and (not spk.get("speaker") or spk.get("body")):
                continue  # "analysts believe that C": an unnamed view, no statement
            row = dict(spk, start=s, end=e, kind="indirect", text=d.text[s:e], cue=verb_lemma(tok))
            out.append(row)
            if not _media_source(d, row) and e > reach[1]:
                reach = (s, e)
    out.extend(_according(d))
    out.extend(_as_said(d))
    return [r for r in out if not _media_source(d, r)]


def _media_source(d: _Doc, rec: dict) -> bool:
    """Whether a reported row only sources the article itself: a medium's own staff ("a
    Kazinform correspondent reports", "our reporter learned") or a news outlet named bare ("as
    reported by Xinhua", "according to Reuters", "Kazinform reports that …"). A medium described
    as a source ("Saudi state media said", "state television reported", "Chinese state
    broadcaster CCTV said": a generic media noun, ``media_nouns.txt``) is a speaker (MEDIA)."""
    words = " ".join(x for x in (rec.get("speaker_text"), rec.get("speaker")) if x)
    words = re.findall(r"[a-z]+", words.lower())
    if not any(w in d.rules.media for w in words):
        return False
    if any(w in d.rules.media_staff for w in words):
        return True
    return not any(w in d.rules.media_nouns for w in words)


def _parenthetical(tok: Token) -> Optional[set]:
    """The token indices of a parenthetical attribution the parser hung on the clause it reports
    ("Kazakhstan, Tokayev said, will remain …"; "C, the minister said."): a parataxis (or
    unmarked advcl) reporting verb whose nearest subject is set off by a comma or dash before
    it, with a comma, dash or the sentence end after the verb's phrase; None otherwise. The
    parser may hang the clause's own subject on the verb too ("Kazakhstan" nsubj of "said")."""
    if tok.dep_ not in ("parataxis", "advcl") or tok.head.i == tok.i:
        return None
    if tok.dep_ == "advcl" and any(c.dep_ == "mark" for c in tok.children):
        return None
    subs = [c for c in tok.children if c.dep_ in SUBJ_DEPS and c.i < tok.i]
    if not subs:
        return None
    subj = max(subs, key=lambda c: c.i)
    doc = tok.doc
    first = subj.left_edge.i
    p = first - 1
    if p <= tok.sent.start or doc[p].text not in (",", "—", "–", "-"):
        return None
    right = [t.i for t in subtree(tok) if t.i > tok.i]
    last = max(right) if right else tok.i
    while last > tok.i and doc[last].is_punct:
        last -= 1
    after = last + 1
    if after < len(doc) and doc[after].text in (",", "—", "–", "-"):
        return set(range(p, after + 1))
    if after >= len(doc) or doc[after].text in SENT_END or doc[after].is_space:
        return set(range(p, after))
    return None


def _as_said(d: _Doc) -> list[dict]:
    """"As X emphasized, C" / "As noted by X, C" / "C, as X said": the clause the as-clause
    modifies is reported speech of X. The same for a parenthetical attribution the parser hung
    on its clause ("Kazakhstan, Tokayev said, will remain …"): the row spans the clause from its
    first to its last word, the attribution inside it left as written (one contiguous span)."""
    out = []
    for tok in d.doc:
        if d.covered(tok.idx) or not is_speech_verb(tok, d.rules):
            continue
        as_clause = tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children)
        block = None if as_clause else _parenthetical(tok)
        if not as_clause and block is None:
            continue
        if any(c.dep_ in ("ccomp", "xcomp") for c in tok.children):
            continue
        head = tok.head
        if block is not None and is_speech_verb(head, d.rules) and _reported_clauses(head, d.rules, d):
            continue  # "X stressed that C, the statement added": X's statement is the row, not the narration
        own = {t.i for t in subtree(tok)} if block is None else block
        lent = [c for c in tok.children if block is not None and c.dep_ in SUBJ_DEPS and c.i < min(block)]
        if head.sent != tok.sent or not (_valid_clause(head) or (lent and head.tag_[:2] in ("VB", "MD"))):
            continue
        cut = _trailing_actions(head, d.rules)
        pool = list(subtree(head)) + [t for c in lent for t in subtree(c)]
        toks = [t for t in pool if t.i not in own and t.i not in cut
                and not _segment_break(d.breaks, t.i, head.i)]
        bounds = _clause_bounds(toks)
        if bounds is None or d.covered(*bounds):
            continue
        agent = [o for a in tok.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]
        subj = [c for c in tok.children if c.dep_ in ("nsubj",) and c.i not in {t.i for x in lent for t in subtree(x)}]
        src = agent[0] if agent else (subj[-1] if subj else None)
        spk = stamp(d, d.resolve(src), src.idx) if src is not None else None
        s, e = bounds
        if spk is None and not agent and block is not None:
            spk = d.speaker_of_verb(tok)  # the attribution lies inside the clause's span
        elif spk is None and not agent:
            d.ranges.append((s, e))
            try:
                spk = d.speaker_of_verb(tok, exclude=(s, e))
            finally:
                d.ranges.pop()
        if verb_lemma(tok) in d.rules.opinion_verbs and (not (spk or {}).get("speaker") or (spk or {}).get("body")):
            continue  # "as analysts believe, C": an unnamed view
        out.append(dict(spk or {"speaker": None, "speaker_entity_id": None, "speaker_text": None},
                        start=s, end=e, kind="indirect", text=d.text[s:e], cue=verb_lemma(tok)))
    return out
