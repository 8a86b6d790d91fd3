"""Reported clauses from the parse: bounds, subjects taken back, trailing acts cut."""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Token

from ...core.text import fold
from .context import DocContext
from .grammar import _has_finite_verb, _segment_break, is_speech_verb, subtree, verb_lemma
from .rules import SENT_END, SPEAKER_LABELS, SUBJ_DEPS, QuoteRules


def _clause_bounds(toks: list[Token]) -> Optional[tuple[int, int]]:
    toks = sorted(toks, key=lambda t: t.i)
    while toks and (toks[0].is_punct or toks[0].is_space or toks[0].dep_ == "cc"
                    or (toks[0].dep_ in ("mark", "dobj") and toks[0].lower_ == "that")):
        toks = toks[1:]
    while toks and (toks[-1].is_punct or toks[-1].is_space):
        toks = toks[:-1]
    if len(toks) < 3:
        return None
    # a partial quote closing the clause keeps its closing mark ('made him "quite upset"')
    last = toks[-1].i
    doc = toks[0].doc
    opens = sum(1 for t in toks if t.tag_ == "``") - sum(1 for t in toks if t.tag_ == "''")
    if opens > 0 and last + 1 < len(doc) and doc[last + 1].tag_ == "''" and doc[last + 1].idx == toks[-1].idx + len(toks[-1]):
        return toks[0].idx, doc[last + 1].idx + len(doc[last + 1])
    return toks[0].idx, toks[-1].idx + len(toks[-1])


def _misattached_conj(verb: Token, rules: QuoteRules) -> bool:
    """"X said C and vowed to …" parsed with "vowed" coordinated inside C: a speech verb with no
    subject of its own, conjoined to the clause head of another speech verb."""
    return (verb.dep_ == "conj" and verb.head.dep_ == "ccomp" and is_speech_verb(verb, rules)
            and verb_lemma(verb) not in rules.aspectual_verbs  # "said talks had made progress and would continue"
            and not any(c.dep_ in SUBJ_DEPS for c in verb.children)
            and is_speech_verb(verb.head.head, rules))


def _trailing_actions(head: Token, rules: QuoteRules) -> set[int]:
    """Token indices of participle clauses after a comma at the end of a reported clause that
    report a new act of the speaker (", calling for …", ", adding that …")."""
    out: set[int] = set()
    for t in subtree(head):
        if t.tag_ != "VBG" or t.dep_ not in ("advcl", "xcomp", "conj", "acl") or t.i <= head.i:
            continue
        if any(c.dep_ in SUBJ_DEPS for c in t.children):
            continue
        prev = t.doc[t.i - 1] if t.i > 0 else None
        if prev is None or prev.text not in (",", ";", "—", "–"):
            continue
        lemma = t.lemma_.lower()
        if lemma in rules.trailing_actions or lemma in rules.light_verbs or is_speech_verb(t, rules):
            out.update(x.i for x in subtree(t))
            out.add(prev.i)
    for t in head.children:  # "said C and vowed to …": the second act is not part of C
        past_act = (t.dep_ == "conj" and t.tag_ == "VBD" and head.tag_ in ("VBZ", "VBP")
                    and not any(c.dep_ in SUBJ_DEPS for c in t.children))  # "said China supports X and later visited Y"
        if t.i > head.i and (_misattached_conj(t, rules) or past_act):
            out.update(x.i for x in subtree(t))
            out.update(c.i for c in head.children if c.dep_ in ("cc", "punct") and head.i < c.i < t.i)
    return out


def _infinitival(head: Token) -> bool:
    """An infinitive clause head ("expects the railway *to turn* it into a hub", "expect it *to be
    signed*"): object + infinitive after an opinion or wish verb is no reported clause."""
    return any(c.dep_ in ("aux", "auxpass") and c.tag_ == "TO" for c in head.children)


def _valid_clause(head: Token) -> bool:
    """A clause that can be reported: a verb with a subject, not an infinitive."""
    return (head.tag_.startswith("VB") or head.tag_ == "MD") and not _infinitival(head) and \
        any(c.dep_ in SUBJ_DEPS + ("expl", "csubj") for c in head.children)


def _finite(head: Token) -> bool:
    """A finite clause head: a tensed verb, or a verb with a modal/tensed auxiliary."""
    if head.tag_ in ("VBD", "VBZ", "VBP", "MD"):
        return True
    return head.tag_.startswith("VB") and any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in ("MD", "VBD", "VBZ", "VBP") for c in head.children)


def _object_subject(tok: Token, head: Token, d: "DocContext") -> list[Token]:
    """The subject of a subjectless reported clause that the parser made an object of the
    reporting verb: "Xi said China would …" (China = dobj), "Peskov told RIA Novosti Putin would
    attend" (Putin = dobj with the addressee as compound), "Xi told Tokayev China supports …"
    (two objects). The object must end right before the clause; [] when there is none."""
    if not _finite(head) or any(c.dep_ in SUBJ_DEPS + ("expl", "csubj") for c in head.children):
        return []
    objs = sorted((c for c in tok.children if c.dep_ in ("dobj", "dative", "npadvmod", "attr") and c.i < head.i),
                  key=lambda c: c.i)
    if not objs:
        return []
    last = objs[-1]
    sub = sorted(subtree(last), key=lambda t: t.i)
    clause_start = head.left_edge.i
    if sub[-1].i + 1 != clause_start or any(t.is_punct for t in sub):
        return []
    addressee = verb_lemma(tok) in d.rules.addressee_verbs
    if not addressee or len(objs) > 1:
        return sub  # "said China would …" / "told Tokayev China supports …": the last object
    # one object after "tell": the clause's subject is the last name of the phrase, the rest the addressee
    k = _addressee_split(sub, d)
    return sub[k:] if k else []


def _addressee_split(toks: list[Token], d: "DocContext") -> int:
    """Where the subject of a reported clause starts in a phrase that runs the addressee of
    "tell" into it ("RIA Novosti Putin", "the UN General Assembly Russia"): the start of the
    last entity mention ending the phrase, else of a country name ending it; 0 when none."""
    if len(toks) < 2:
        return 0
    end = toks[-1].idx + len(toks[-1])
    first = next((t for t in toks if t.dep_ not in ("det", "poss", "predet")), toks[0])
    names = [m for m in d.index.overlapping(toks[0].idx, end)
             if m["start"] > first.idx and m["end"] >= end and m["label"] in SPEAKER_LABELS]
    if names:
        start = min(m["start"] for m in names)
        return next((k for k, t in enumerate(toks) if t.idx >= start), 0)
    for k in range(max(1, len(toks) - 3), len(toks)):  # longest country-name tail first
        tail = fold(d.doc[toks[k].i:toks[-1].i + 1].text.lower())
        if tail in d.rules.countries and toks[k - 1].text[:1].isupper():
            return k
    return 0


def _trim_lead(tok: Token, head: Token, clause: list[Token], d: "DocContext") -> list[Token]:
    """A reported clause without "that" right after its verb starts at its subject: a phrase
    the parser moved into the clause from the verb ("said in a statement C", "said Thursday C",
    "told reporters on a call C") is dropped, and "told the UN General Assembly Russia would"
    (the addressee run into the subject) keeps only the subject's name."""
    if any(c.dep_ == "mark" for c in head.children):
        return clause
    subjects = [c for c in head.children if c.dep_ in SUBJ_DEPS + ("expl", "csubj") and c.i < head.i]
    if not subjects:
        return clause
    subj = subjects[0]
    subj_toks = sorted(subtree(subj), key=lambda t: t.i)
    lead = [t for t in clause if t.i < subj_toks[0].i]
    if lead and lead[0].i == tok.i + 1 or (lead and all(d.doc[j].is_punct or d.doc[j].is_space
                                                        or d.doc[j].dep_ in ("dobj", "dative")
                                                        for j in range(tok.i + 1, lead[0].i))):
        mods = {t.i for c in head.children if c.dep_ in ("prep", "npadvmod") and c.i < subj.i
                for t in subtree(c)}
        if all(t.i in mods or t.is_punct for t in lead) and not any(t.lower_ in d.rules.wh_words for t in lead):
            clause = [t for t in clause if t.i >= subj_toks[0].i]
    # day names the parser made part of the subject ("said Thursday Kyrgyzstan would")
    dates = [(r["start"], r["end"]) for r in (getattr(d.doc._, "dates", None) or [])]
    inner = [t for t in subj_toks if t.i < subj.i]
    drop = 0
    for t in inner:
        if any(a <= t.idx < b for a, b in dates):
            drop = t.i + 1
        else:
            break
    if drop:
        clause = [t for t in clause if t.i >= drop or t.i > subj.i]
    if verb_lemma(tok) in d.rules.addressee_verbs and not any(
            c.dep_ in ("dobj", "dative") for c in tok.children) and subj_toks[0].i <= tok.i + 2:
        phrase = [t for t in subj_toks if t.i <= subj.i]
        k = _addressee_split(phrase, d)
        if k:
            clause = [t for t in clause if t.i >= phrase[k].i or t.i > subj.i]
    return clause


def _reported_clauses(tok: Token, rules: QuoteRules, d: Optional["DocContext"] = None) -> list[tuple[Token, list[Token]]]:
    """(clause head, leading tokens) pairs reported by tok: the ccomp of a speech verb (with its
    subject when the parser made it an object of the verb), or the that-clause of a reporting
    noun after a light verb ("expressed hope that C")."""
    if is_speech_verb(tok, rules):
        heads = [(c, []) for c in tok.children if c.dep_ == "ccomp" and _valid_clause(c)]
        if d is not None and not heads:
            for c in tok.children:
                if c.dep_ == "ccomp" and c.i > tok.i:
                    lead = _object_subject(tok, c, d)
                    if lead:
                        heads.append((c, lead))
        # "told a briefing that C": the parser may hang the that-clause on the object
        # "said in a statement that C": … or on the object of a prepositional phrase of the verb
        objs = [o for o in tok.children if o.dep_ in ("dobj", "dative")] + \
            [o for p in tok.children if p.dep_ == "prep" and p.i > tok.i for o in p.children if o.dep_ == "pobj"]
        for obj in objs:
            if not heads:
                heads += [(c, []) for c in obj.children if c.dep_ in ("relcl", "acl", "ccomp") and _valid_clause(c)
                          and (any(m.dep_ == "mark" and m.lower_ == "that" and m.i < c.i for m in c.children)
                               or _that_as_object(tok, obj, c))]
        return heads
    if tok.tag_.startswith("VB") and tok.lemma_.lower() in rules.light_verbs:
        for obj in tok.children:
            if obj.dep_ == "dobj" and obj.lemma_.lower() in rules.reporting_nouns:
                heads = [c for c in obj.children if c.dep_ in ("acl", "ccomp", "relcl") and _valid_clause(c)
                         and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]
                heads += [c for c in tok.children if c.dep_ == "ccomp" and _valid_clause(c)]
                return [(h, []) for h in heads]
    return []


def _that_as_object(verb: Token, obj: Token, clause: Token) -> bool:
    """A that-clause the parser read as a relative clause on the object with "that" as its object
    ("told a press briefing that the government had sent the proposal", "It was stated after the
    meeting that a centre would open"): "that" right after the object's phrase, and the clause
    verb has an object of its own or the speech verb is an impersonal passive ("it was stated"),
    so "that" cannot be a relative pronoun ("announced the deal that they had signed" stays a
    relative clause)."""
    that = next((c for c in clause.children if c.lower_ == "that" and c.dep_ == "dobj" and c.i < clause.i), None)
    if that is None or that.i != clause.left_edge.i:
        return False
    own = [t for t in subtree(obj) if t.i < that.i]
    if not own or own[-1].i + 1 != that.i:
        return False
    objects = [c for c in clause.children if c.i != that.i and c.dep_ in ("dobj", "dative", "attr", "oprd", "acomp")]
    passive_it = any(c.dep_ == "nsubjpass" and c.lower_ == "it" for c in verb.children)
    return bool(objects) or passive_it


def _reason_clause(tok: Token, head: Token, rules: QuoteRules) -> list[Token]:
    """A reason clause the parser hung on the reporting verb after its reported clause ("told a
    briefing that C, as the liaison line has been cut since 2023"): part of the statement. Set off
    by a comma right after the clause, opened by a mark of ``reason_marks.txt``, with a subject of
    its own that is no pronoun; "as" with a present, perfect or modal verb only (", as he arrived"
    is the time of speaking). [] otherwise."""
    doc = tok.doc
    end = max(t.i for t in subtree(head))
    for c in tok.children:
        if c.dep_ != "advcl" or c.i <= end:
            continue
        mark = next((m for m in c.children if m.dep_ == "mark" and m.lower_ in rules.reason_marks), None)
        subj = [s for s in c.children if s.dep_ in SUBJ_DEPS]
        if mark is None or mark.i != c.left_edge.i or doc[mark.i - 1].text != "," or mark.i - 1 != end + 1:
            continue
        if not subj or any(s.lower_ in rules.pronouns for s in subj):
            continue
        if mark.lower_ == "as" and not (c.tag_ in ("VBZ", "VBP") or any(
                a.dep_ in ("aux", "auxpass") and a.tag_ in ("VBZ", "VBP", "MD") for a in c.children)):
            continue
        return [doc[mark.i - 1]] + subtree(c)
    return []


def _coordinated_predicates(tok: Token, head: Token, rules: QuoteRules) -> list[Token]:
    """Further predicates of a reported clause that the parser hung on the reporting verb as
    subjectless ccomps ("said Uzbekistan values X, welcomes Y and is ready to Z": "welcomes" is a
    second ccomp of "said"): finite, no subject of their own, each right after the previous one
    with only a comma or a conjunction between."""
    out = []
    end = head.right_edge.i
    for c in sorted(tok.children, key=lambda c: c.i):
        if c.i <= end or c.dep_ != "ccomp":
            continue
        if any(x.dep_ in SUBJ_DEPS + ("expl", "csubj", "mark") for x in c.children) or not _finite(c) \
                or _infinitival(c) or is_speech_verb(c, rules):
            break
        start = c.left_edge.i
        gap = tok.doc[end + 1:start]
        if any(not (t.is_punct or t.is_space or t.dep_ == "cc") or t.text in SENT_END for t in gap):
            break
        out.append(c)
        end = c.right_edge.i
    return out


def _verb_like(tok: Token) -> bool:
    """A finite verb, or a present-tense verb the tagger read as a plural noun ("Kyrgyzstan firmly
    *abides* by …" tagged NNS): a lower-case -s word followed by a preposition, determiner,
    possessive or adjective, or preceded by an adverb."""
    if tok.tag_ in ("VBZ", "VBD", "VBP", "MD"):
        return True
    if tok.tag_ != "NNS" or not tok.is_lower or not tok.lower_.endswith("s"):
        return False
    doc = tok.doc
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    prev = doc[tok.i - 1]
    return (nxt is not None and nxt.tag_ in ("IN", "DT", "PRP$", "JJ", "TO", "CD")) or prev.tag_ == "RB"


def _misparsed_clause(tok: Token, d: "DocContext") -> list[Token]:
    """A reported clause without "that" that the parser did not build ("Japarov said Kyrgyzstan
    firmly abides by X and supports Y", with "abides" tagged as a noun: "Kyrgyzstan" becomes an
    object of "said", "supports" a conjunct of it). Only for a say-type verb (not "tell") right
    before a named party (a person, organisation, country or nationality can be no object of
    "say"), followed (adverbs skipped) by a finite or misread verb. The clause runs to the end of
    the verb's phrase; a trailing participle (", calling for …"), a speech verb or another
    past-tense act coordinated with the reporting verb ("… and visited the plant") are cut."""
    if not is_speech_verb(tok, d.rules) or verb_lemma(tok) in d.rules.addressee_verbs:
        return []
    doc = tok.doc
    k = tok.i + 1
    if k >= len(doc) or doc[k].sent != tok.sent:
        return []
    m = d.mention_at(doc[k])
    if m is None or m["start"] != doc[k].idx or d.covered(m["start"]):
        return []
    j = d.tok_at(m["end"] - 1).i + 1
    while j < len(doc) and doc[j].tag_ == "RB":
        j += 1
    if j >= len(doc) or doc[j].sent != tok.sent or not _verb_like(doc[j]):
        return []
    if not all(t.head.i == tok.i or any(a.i == tok.i for a in t.ancestors) for t in doc[k:j + 1]):
        return []
    cut = _trailing_actions(tok, d.rules)
    for c in tok.children:
        if c.dep_ == "conj" and c.i > j and (is_speech_verb(c, d.rules) or (c.tag_ == "VBD" == tok.tag_)
                                             or c.lemma_.lower() in d.rules.trailing_actions):
            cut.update(t.i for t in subtree(c))
            cut.update(x.i for x in tok.children if x.dep_ in ("cc", "punct") and j < x.i < c.i)
    return [t for t in subtree(tok) if t.i >= k and t.i not in cut and not _segment_break(d.breaks, t.i, tok.i)]


def _mid_sentence_clause(doc: Doc, sent_start: int, cue: int, phrase_end: int, sent_end: int) -> list[Token]:
    """The reported clause of a source cue set off by commas inside its sentence ("C, according to
    Eurostat, helped by …"): C, the part before the cue. What follows the attribution is the
    reporter's own gloss (a participle, an apposition, "mainly because of …") and stays out,
    unless it continues C with a conjunction and a finite verb ("C1, according to X, and will
    open in 2026") or C has no verb before the cue ("Exports, according to the ministry, rose by
    5%"): then the row spans the whole sentence, the attribution inside left as written (as a
    parenthetical "X said"). [] when the cue is not set off by commas or dashes."""
    sets_off = (",", "—", "–")
    if cue - 1 <= sent_start or doc[cue - 1].text not in sets_off:
        return []
    if phrase_end >= sent_end or doc[phrase_end].text not in sets_off:
        return []
    after = [t for t in doc[phrase_end + 1:sent_end] if not t.is_space]
    if after and after[0].dep_ == "cc" and _has_finite_verb(after[:4]):
        return list(doc[sent_start:sent_end])
    if not _has_finite_verb(doc[sent_start:cue]):  # "Exports, according to the ministry, rose by 5%"
        return list(doc[sent_start:sent_end])
    return list(doc[sent_start:cue])
