"""Quotes: direct quotations, unmarked statements after a speaker label, and reported speech,
each attributed to a speaker from the entities stage.

Three finders produce candidate quotes, an attribution step names the speaker:

* ``find_direct_quotes(text)`` — pairs of quotation marks (“…”, "…", «…», ‘…’, „…“) found on
  the raw text, apostrophes excluded, one unbalanced mark dropped locally (a mark left open
  at the end of a paragraph is forgotten unless the next paragraph opens with the same kind
  of mark, which continues the quotation);
* ``find_statements(doc)`` — unmarked statements introduced by a colon: a transcript label at
  the start of a line ("President of Russia Vladimir Putin: …") or a reporting verb ending
  with a colon ("Dr. Adesina said:"); every following paragraph is one row attributed to the
  same speaker, until another label/attribution, a heading, a separator, a marked quote, or a
  narrative paragraph (no first/second-person word and a third-person mention of the speaker);
* ``find_reported(doc)`` — reported speech from the dependency parse: the ccomp of a
  reporting verb (``models/quotes/reporting_verbs.tsv``; with or without "that", its subject
  taken back when the parser made it an object of the verb, see ``addressee_verbs.txt``),
  "expressed hope that C" (light verb + reporting noun), "According to X, C" / "C, according
  to X" (``source_cues.tsv``; data and reports speak for their owner, ``source_nouns.tsv``),
  "As X said, C" and parenthetical attributions ("C1, X said, C2"). An infinitive clause
  ("expects exports to grow") is never reported; opinion verbs (``opinion_verbs.txt``) need a
  named holder; later predicates the parser hung on the verb and a clause whose verb the tagger
  read as a noun ("said Kyrgyzstan firmly abides by …") are joined into one row; an
  "according to X" set off inside its sentence reports the clause before it.

``attribute_direct`` looks for a reporting verb after the closing mark (same sentence), then
before the opening mark (same sentence, or the previous sentence when it ends with a colon),
then a "Name:" label; a quote paragraph with no attribution right after a quote of X
continues X; a quote in the headline takes the speaker of a later quote with the same
content. Speakers are entity mentions (canonical/entity_id from the entities stage),
pronouns (resolved to the most recent main-clause PERSON subject), role nouns ("the Chinese
leader", resolved through country/role evidence) or representatives ("the press service of
X" -> X).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional

from spacy.language import Language
from spacy.tokens import Doc, Token

from ..core.paths import other_stage_path, stage_data_dir
from .entity_lookup import EntityIndex
from ..core.countries import CountryIndex
from ..core.stage import Stage, read_lines, read_tsv
from ..core.text import fold

SUBJ_DEPS = ("nsubj", "nsubjpass")
SPEAKER_LABELS = ("PERSON", "ORG", "NORP", "GPE")
#: fewer words than this inside marks, with no tight attribution: a quoted term, not a quote
MIN_QUOTE_WORDS = 4
#: share of a headline quote's content words found in a later quote to inherit its speaker
HEADLINE_OVERLAP = 0.6
#: a short quote counts as an utterance only if its reporting verb is this close to the marks
TIGHT_WINDOW = 6
#: an unattributed quote inside running text shorter than this is a cited phrase, not a quote
MIN_UNATTRIBUTED_INLINE_WORDS = 8
#: longest stretch (chars) between two quotes of one speaker in a paragraph ("“A,” X said on Tuesday. “B.”")
CONTINUATION_GAP = 120
#: longest transcript label, in words ("Rashid Meredov, Deputy Chairman of the Cabinet of Ministers,
#: Minister of Foreign Affairs of Turkmenistan:" has 15)
MAX_LABEL_WORDS = 20
#: how many sentences back a pronoun looks for its antecedent
PRONOUN_WINDOW = 4
SENT_END = ".!?"
OPEN_CONTEXT = "([{—–-/\u00a0"
CLOSE_CONTEXT = ".,;:!?)]}—–-…"


# --------------------------------------------------------------------------- rule data

@dataclass
class QuoteRules:
    speech_verbs: frozenset
    non_speech_verbs: frozenset
    reporting_nouns: frozenset
    light_verbs: frozenset
    pronouns: dict          # word -> (person, number)
    source_cues: list       # [(tuple of lower words, cue)]
    roles: dict             # role phrase -> {"kind", "matches"}
    name_cues: frozenset
    marks: list             # rows of quote_marks.tsv
    label_connectors: frozenset
    countries: dict         # lower adjective / demonym / name -> ISO2
    unnamed_det: frozenset   # determiners making a role noun an unnamed source ("a senior official")
    unnamed_desc: frozenset  # words of its description doing the same ("on condition of anonymity")
    anonymous_labels: frozenset  # transcript labels of an unnamed speaker ("Question:")
    trailing_actions: frozenset  # participles cut off the end of a reported clause (", calling for …")
    media: frozenset        # news media words: "a Kazinform correspondent reports" is no quote
    wh_words: frozenset     # words opening an embedded question ("told how …")
    question_verbs: frozenset  # verbs whose embedded question is a reported question ("asked whether …")
    addressee_verbs: frozenset  # verbs whose first object is the addressee ("told RIA Novosti C")
    opinion_verbs: frozenset  # statement verbs only for a named holder ("Tokayev believes that C")
    aspectual_verbs: frozenset  # no speech with an xcomp ("will continue to support")
    source_nouns: dict      # data/document noun -> whether its owner is the source ("Eurostat data")


def _countries(path: Path) -> dict:
    """Names, adjectives and demonyms (lower-cased, folded) -> ISO2, from the one country index."""
    return CountryIndex.load(path).forms(("names", "adjectives", "demonyms"), case=False)


def load_rules(data_dir: Optional[str] = None, countries_table: Optional[str] = None) -> QuoteRules:
    """The rule data: ``data_dir`` (default models/quotes) and the entities stage's country
    table ``countries_table`` (default models/entities/countries.tsv)."""
    folder = stage_data_dir("quotes", data_dir)
    countries = other_stage_path(countries_table, "entities", "countries.tsv")
    verbs = read_tsv(folder / "reporting_verbs.tsv")
    roles = {}
    for row in read_tsv(folder / "role_nouns.tsv"):
        matches = {m.strip() for m in (row.get("matches") or "*").split("|") if m.strip()}
        roles[row["noun"].strip().lower()] = {"kind": row["kind"].strip(), "matches": matches}
    return QuoteRules(
        speech_verbs=frozenset(r["lemma"].strip().lower() for r in verbs if r["introduces_speech"].strip() == "yes"),
        non_speech_verbs=frozenset(r["lemma"].strip().lower() for r in verbs if r["introduces_speech"].strip() != "yes"),
        reporting_nouns=frozenset(r["noun"].strip().lower() for r in read_tsv(folder / "reporting_nouns.tsv")),
        light_verbs=frozenset(w.lower() for w in read_lines(folder / "light_verbs.txt")),
        pronouns={r["pronoun"].strip().lower(): (r["person"].strip(), r["number"].strip())
                  for r in read_tsv(folder / "pronouns.tsv")},
        source_cues=[(tuple(r["phrase"].lower().split()), r["cue"].strip()) for r in read_tsv(folder / "source_cues.tsv")],
        roles=roles,
        name_cues=frozenset(w.lower() for w in read_lines(folder / "name_cues.txt")),
        marks=read_tsv(folder / "quote_marks.tsv"),
        label_connectors=frozenset(w.lower() for w in read_lines(folder / "label_connectors.txt")),
        countries=_countries(countries),
        unnamed_det=frozenset(r["word"].strip().lower() for r in read_tsv(folder / "unnamed_cues.tsv")
                              if r["where"].strip() == "det"),
        unnamed_desc=frozenset(r["word"].strip().lower() for r in read_tsv(folder / "unnamed_cues.tsv")
                               if r["where"].strip() == "description"),
        anonymous_labels=frozenset(w.lower() for w in read_lines(folder / "anonymous_labels.txt")),
        trailing_actions=frozenset(w.lower() for w in read_lines(folder / "trailing_actions.txt")),
        media=frozenset(w.lower() for w in read_lines(folder / "media_sources.txt")),
        wh_words=frozenset(r["word"].strip().lower() for r in read_tsv(folder / "embedded_questions.tsv")
                           if r["role"].strip() == "wh"),
        question_verbs=frozenset(r["word"].strip().lower() for r in read_tsv(folder / "embedded_questions.tsv")
                                 if r["role"].strip() == "question_verb"),
        addressee_verbs=frozenset(w.lower() for w in read_lines(folder / "addressee_verbs.txt")),
        opinion_verbs=frozenset(w.lower() for w in read_lines(folder / "opinion_verbs.txt")),
        aspectual_verbs=frozenset(w.lower() for w in read_lines(folder / "aspectual_verbs.txt")),
        source_nouns={r["noun"].strip().lower(): r["owner_speaks"].strip() == "yes"
                      for r in read_tsv(folder / "source_nouns.tsv")},
    )


# --------------------------------------------------------------------------- quotation marks

class _Marks:
    def __init__(self, rows: list[dict]):
        self.pairs = {(r["open"], r["close"]) for r in rows}
        self.open_fam: dict[str, set] = {}
        self.close_fam: dict[str, set] = {}
        self.context = set()
        for r in rows:
            self.open_fam.setdefault(r["open"], set()).add(r["family"])
            self.close_fam.setdefault(r["close"], set()).add(r["family"])
            if r["direction"].strip() == "context":
                self.context.update((r["open"], r["close"]))
        self.chars = set(self.open_fam) | set(self.close_fam)

    def roles(self, text: str, i: int) -> tuple[set, set]:
        """(families the mark at i may open, families it may close)."""
        c = text[i]
        prev = text[i - 1] if i > 0 else " "
        nxt = text[i + 1] if i + 1 < len(text) else " "
        if c not in self.context:
            return set(self.open_fam.get(c, ())), set(self.close_fam.get(c, ()))
        if prev.isalnum() and nxt.isalpha():          # don’t, Kazakhstan’s
            return set(), set()
        if c in ("'", "‘", "’") and nxt.isdigit() and not prev.isalnum():      # ‘90s
            return set(), set()
        open_ok = (prev.isspace() or prev in OPEN_CONTEXT or prev in self.chars) and not nxt.isspace()
        close_ok = not prev.isspace() and (nxt.isspace() or nxt in CLOSE_CONTEXT or nxt in self.chars)
        opens = set(self.open_fam.get(c, ())) if open_ok or not close_ok else set()
        closes = set(self.close_fam.get(c, ())) if close_ok or not open_ok else set()
        if not open_ok and not close_ok and c in ("'", "‘", "’"):
            return set(), set()                     # a single mark glued to both sides
        return opens, closes

    def opens(self, text: str, i: int, family: str) -> bool:
        return text[i] in self.chars and family in self.roles(text, i)[0]


def _strip_content(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of a quote's content: whitespace trimmed, a trailing comma dropped."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start and text[end - 1] == ",":
        end -= 1
        while end > start and text[end - 1].isspace():
            end -= 1
    return start, end


def _paragraph_parts(text: str, open_: int, close: int, family: str, continuation: set) -> list[dict]:
    """The records of one quotation from ``open_`` to ``close``: one per paragraph when the
    quotation runs over paragraphs (each reopened with a mark), else one. A part that does not
    end with the closing mark has ``close`` = the end of its paragraph; all parts share
    ``group`` = the offset of the first opening mark."""
    cuts = sorted(k for k in continuation if open_ < k < close)
    bounds, start = [], open_
    for k in cuts:
        end = text.rfind("\n", start, k)
        bounds.append((start, end if end > start else k))
        start = k
    bounds.append((start, close))
    parts = []
    for o, c in bounds:
        s, e = _strip_content(text, o + 1, c)
        if e > s:
            parts.append({"start": s, "end": e, "text": text[s:e], "open": o, "close": c if c == close else e,
                          "family": family, "group": open_, "closed": c == close})
    return parts


def find_direct_quotes(text: str, marks: Optional[list[dict]] = None) -> list[dict]:
    """Quoted passages of ``text``: {start, end, text, open, close, family} with start/end the
    content (marks excluded, trailing comma dropped), open/close the marks' offsets.

    A mark is paired with the next closing mark of its family. An opening mark still open at
    a paragraph break is dropped, unless the next paragraph opens with the same kind of mark
    (the quotation continues: one record per paragraph, sharing ``group``) or the line only
    wraps running text. A second opening mark of
    the same family restarts the quote (the first was unbalanced). Quotes inside another
    quote are left out.
    """
    table = _Marks(marks if marks is not None else load_rules().marks)
    state: dict[str, tuple[int, str]] = {}
    continuation: set[int] = set()
    found = []
    n = len(text)
    i = 0
    while i < n:
        c = text[i]
        if c == "\n":
            j = i
            while j < n and text[j].isspace():
                j += 1
            if state:
                line_end = i
                while line_end > 0 and text[line_end - 1] in " \t\r":
                    line_end -= 1
                last = text[line_end - 1] if line_end > 0 else "."
                wraps = text.count("\n", i, j) == 1 and j < n and text[j].islower() and last not in SENT_END + ":;"
                for fam in list(state):
                    if j < n and table.opens(text, j, fam):
                        continuation.add(j)
                    elif not wraps:
                        del state[fam]
            i = j
            continue
        if c in table.chars and i not in continuation:
            opens, closes = table.roles(text, i)
            closed = False
            for fam in closes:
                cur = state.get(fam)
                if cur is not None and (cur[1], c) in table.pairs:
                    found.extend(_paragraph_parts(text, cur[0], i, fam, continuation))
                    del state[fam]
                    closed = True
                    break
            if not closed:
                for fam in opens:
                    state[fam] = (i, c)
        i += 1
    found.sort(key=lambda q: q["open"])
    outer = [q for q in found
             if not any(o is not q and o["open"] < q["open"] and q["close"] < o["close"] for o in found)]
    kept: list[dict] = []
    for q in outer:  # crossing pairs (“ « ” »): a mark is unbalanced; the earlier quote stays
        if not any(k["open"] < q["open"] < k["close"] < q["close"] for k in kept):
            kept.append(q)
    return kept


# --------------------------------------------------------------------------- paragraphs

def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty line, whitespace trimmed; a line that only wraps running
    text (no sentence end, next line in lower case) is joined to the next."""
    out: list[list[int]] = []
    pos = 0
    for line in text.split("\n"):
        s, e = pos, pos + len(line)
        pos = e + 1
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s == e:
            out.append(None)
            continue
        prev = out[-1] if out else None
        if prev is not None and text[prev[1] - 1] not in SENT_END + ":;" and text[s].islower():
            prev[1] = e
        else:
            out.append([s, e])
    return [(p[0], p[1]) for p in out if p is not None]


# --------------------------------------------------------------------------- per-doc helpers

def verb_lemma(tok: Token) -> str:
    lemma = tok.lemma_.lower()
    for child in tok.children:
        if child.dep_ == "prt":
            return f"{lemma} {child.lower_}"
    return lemma


def is_speech_verb(tok: Token, rules: QuoteRules) -> bool:
    if not tok.tag_.startswith("VB"):
        return False
    lemma = verb_lemma(tok)
    if lemma in rules.aspectual_verbs and any(c.dep_ == "xcomp" for c in tok.children):
        return False  # "will continue to support": aspect, not speech
    if lemma in rules.speech_verbs:
        return True
    base = lemma.split(" ")[0]
    return " " in lemma and lemma not in rules.non_speech_verbs and base in rules.speech_verbs


def subject_of(verb: Token) -> Optional[Token]:
    """The subject of a verb, climbing through xcomp/advcl/conj/pcomp ("was quoted as saying")."""
    t = verb
    for _ in range(5):
        subs = [c for c in t.children if c.dep_ in SUBJ_DEPS]
        if subs:  # the subject nearest the verb ("Washington - When …, President Obama announced")
            left = [c for c in subs if c.i < t.i]
            return max(left, key=lambda c: c.i) if left else subs[0]
        if t.dep_ in ("xcomp", "advcl", "conj", "pcomp", "prep", "acl") and t.head is not t:
            t = t.head
            continue
        break
    return None


def _small_number(tok: Token) -> Optional[int]:
    """"two" / "3" -> 2 / 3 (the count of a plural role noun), else None."""
    words = {"two": 2, "three": 3, "four": 4}
    if tok.lower_ in words:
        return words[tok.lower_]
    return int(tok.text) if tok.text.isdigit() and len(tok.text) == 1 else None


class _Doc:
    """What the finders share for one doc: entity index, token lookup, quote ranges."""

    def __init__(self, doc: Doc, rules: QuoteRules):
        self.doc = doc
        self.text = doc.text
        self.rules = rules
        self.index = EntityIndex(doc)
        self.tok_starts = [t.idx for t in doc]
        self.sents = list(doc.sents)
        self.sent_starts = [s.start for s in self.sents]
        self.ranges: list[tuple[int, int]] = []   # covered text: quotes with their marks
        self.rules_marks = set(_Marks(rules.marks).chars)

    # -- lookups
    def tok_at(self, char: int) -> Token:
        i = max(0, bisect.bisect_right(self.tok_starts, char) - 1)
        return self.doc[i]

    def sent_index(self, tok: Token) -> int:
        return max(0, bisect.bisect_right(self.sent_starts, tok.i) - 1)

    def tokens_in(self, start: int, end: int) -> list[Token]:
        """Tokens starting in [start, end)."""
        i = bisect.bisect_left(self.tok_starts, start)
        j = bisect.bisect_left(self.tok_starts, end)
        return list(self.doc[i:j])

    def covered(self, start: int, end: Optional[int] = None) -> bool:
        end = start + 1 if end is None else end
        return any(s < end and start < e for s, e in self.ranges)

    def mention_at(self, tok: Token, labels=SPEAKER_LABELS) -> Optional[dict]:
        found = [m for m in self.index.overlapping(tok.idx, tok.idx + len(tok)) if m["label"] in labels]
        if not found:
            return None
        persons = [m for m in found if m["label"] == "PERSON"]
        return (persons or found)[0]

    def mention_tokens(self, m: dict) -> list[Token]:
        return self.tokens_in(m["start"], m["end"])

    # -- speakers
    @staticmethod
    def from_mention(m: dict, written: Optional[str] = None) -> dict:
        return {"speaker": m.get("canonical") or m["text"], "speaker_entity_id": m.get("entity_id"),
                "speaker_text": written if written is not None else m["text"]}

    def resolve(self, tok: Optional[Token]) -> Optional[dict]:
        """The speaker a subject token refers to, or None."""
        if tok is None:
            return None
        m = self.mention_at(tok)
        if m is not None:
            return self.from_mention(m)
        low = tok.lower_
        pron = self.rules.pronouns.get(low)
        if pron is not None:
            if pron[0] != "3":
                return None
            if pron[1] == "org":
                return self.resolve_org_pronoun(tok)
            return self.resolve_pronoun(tok, pron[1])
        named = self.titled_name(tok)
        if named is not None:  # "The Chairman of the Board of X, Nurlan Zhakupov," / "Minister of Y Murat Nurtleu"
            return named
        role, role_toks = self.role_of(tok)
        if role is not None:
            kind = role["kind"]
            written = self.written_role(tok, role_toks)
            unnamed = {"speaker": None, "speaker_entity_id": None, "speaker_text": written}
            if kind == "unnamed" or (kind in ("person", "group") and self.is_unnamed(tok)):
                return unnamed  # "a senior official", "the official, who spoke on condition of anonymity"
            if kind in ("person", "group") and tok.tag_ in ("NNS", "NNPS"):
                definite = any(c.dep_ in ("det", "predet", "nummod") and c.lower_ not in self.rules.unnamed_det
                               for c in tok.lefts)
                if not definite:
                    return unnamed  # "officials said", "diplomats said": unnamed
                return self.resolve_group(tok, written) or unnamed  # "the two leaders", "the sides"
            if kind == "group":
                return self.resolve_side(tok, written) or unnamed  # "the Kazakh side"
            if kind == "representative":
                principal = self.principal_of(tok)
                if principal is not None:
                    return principal
                if tok.tag_ not in ("NNS", "NNPS"):
                    found = self.introduced_as(tok, written)
                    if found is not None:  # "the spokesperson" after "Spokesperson Mao Ning: …"
                        return found
            elif kind == "person":
                found = self.resolve_role(tok, role, role_toks)
                if found is not None:
                    return found
                if tok.tag_ not in ("NNS", "NNPS") and not any(
                        self.mention_at(t, ("PERSON",)) for t in tok.subtree if t.i != tok.i):
                    return unnamed  # "the Chinese ambassador" with no such person: not the NORP "Chinese"
            elif kind == "org_any":
                found = self.resolve_org_any(tok, written)
                if found is not None:
                    return found
            elif kind == "org":
                found = self.resolve_org(tok, role_toks)
                if found is None and any(c.dep_ == "poss" for c in tok.lefts):
                    found = self.principal_of(tok)  # "Mr Erdogan's office", "the prime minister's office"
                    if found is not None:
                        found = dict(found, speaker_text=written)
                if found is None:
                    found = self.resolve_side(tok, written)  # "the Israeli government" -> Israel
                if found is not None:
                    return found
        # "Her attorney, Lenard Leeds, said": a named apposition
        for app in tok.rights:
            if app.dep_ == "appos":
                m = self.mention_at(app, ("PERSON",))
                if m is not None:
                    return self.from_mention(m)
        # the subject's own words (not a possessor, an apposition or a prepositional phrase)
        core = [t for t in tok.lefts if t.dep_ in ("compound", "amod", "nmod")] + [tok]
        inside = [m for m in (self.mention_at(t) for t in core) if m is not None]
        if inside:
            persons = [m for m in inside if m["label"] == "PERSON"]
            return self.from_mention((persons or inside)[0])
        if tok.pos_ == "PROPN":  # a name the entities stage did not keep: the name as written
            name = [t for t in tok.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"] + [tok]
            first = name[0].i
            while first > 0 and self.doc[first - 1].pos_ == "PROPN" and self.doc[first - 1].is_alpha \
                    and self.doc[first - 1].text[:1].isupper() and not self.doc[first - 1].whitespace_.count("\n") \
                    and self.doc[first - 1].whitespace_ and self.mention_at(self.doc[first - 1]) is None:
                first -= 1  # a first name the parser split off into its own sentence ("Alibek | Kuantyrov")
            written = self.doc[first:tok.i + 1].text
            return {"speaker": written, "speaker_entity_id": None, "speaker_text": written}
        return None

    def titled_name(self, tok: Token) -> Optional[dict]:
        """The person a title phrase names when the parser hung the name inside the title's
        prepositional phrase: a comma-set apposition anywhere in the phrase ("The Chairman of the
        Board of X, Nurlan Zhakupov, said") or a name run into the title at the end of the
        phrase ("Minister of Foreign Affairs Murat Nurtleu stated")."""
        if not (tok.text[:1].isupper() or self.role_of(tok)[0] is not None):
            return None

        def inside(t: Token, deps: tuple) -> bool:
            for _ in range(12):
                if t.i == tok.i:
                    return True
                if t.dep_ not in deps or t.head.i == t.i:
                    return False
                t = t.head
            return False

        chain = ("prep", "pobj", "compound", "appos", "conj", "cc", "amod", "nmod", "poss")
        sub = sorted(tok.subtree, key=lambda t: t.i)
        for t in sub:  # a comma-set apposition naming a person
            if t.dep_ == "appos" and t.i > tok.i and inside(t, chain):
                m = self.mention_at(t, ("PERSON",))
                if m is not None and self.text[:m["start"]].rstrip().endswith((",", "—", "–")):
                    return self.from_mention(m)
        # a name run into the title: the phrase (up to its first comma) ends with a PERSON mention
        # whose previous word is a capitalised title word ("… Affairs Murat Nurtleu")
        phrase = []
        for t in sub:
            if t.i > tok.i and t.text in (",", "(", "—", "–"):
                break
            phrase.append(t)
        if not phrase or phrase[-1].i <= tok.i or not inside(phrase[-1], chain):
            return None
        m = self.mention_at(phrase[-1], ("PERSON",))
        if m is None or m["end"] != phrase[-1].idx + len(phrase[-1]):
            return None
        first = self.tok_at(m["start"])
        prev = self.doc[first.i - 1] if first.i > tok.i else None
        if prev is None or not prev.is_alpha or not prev.text[:1].isupper() or prev.pos_ in ("DET", "ADP"):
            return None
        if self.mention_at(prev, ("PERSON",)) is not None:
            return None
        return self.from_mention(m)

    def introduced_as(self, tok: Token, written: str) -> Optional[dict]:
        """The latest PERSON introduced earlier with this role word as title or apposition
        ("Foreign Ministry Spokesperson Mao Ning", "Dmitry Peskov, the Kremlin spokesman") — a
        representative with no principal named ("the spokesperson further pointed out")."""
        word = tok.lower_
        best = None
        for m in self.index.mentions:
            if m["start"] >= tok.idx:
                break
            if m["label"] != "PERSON" or self.covered(m["start"]):
                continue
            first = self.tok_at(m["start"])
            last = self.tok_at(m["end"] - 1)
            near = list(self.doc[max(first.sent.start, first.i - 4):first.i]) + \
                list(self.doc[last.i + 1:min(last.sent.end, last.i + 6)])
            if any(t.lower_ == word for t in near):
                best = m
        return self.from_mention(best, written) if best is not None else None

    def role_of(self, tok: Token) -> tuple[Optional[dict], list[Token]]:
        """The longest role noun phrase headed by tok ("head of state", "press service", "leader")."""
        roles = self.rules.roles
        cands = []
        lefts = [c for c in tok.lefts if c.dep_ == "compound"]
        if lefts:
            cands.append((" ".join(t.lower_ for t in lefts + [tok]), lefts + [tok]))
        for prep in tok.rights:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                objs = [c for c in prep.children if c.dep_ == "pobj"]
                if objs:
                    cands.append((f"{tok.lower_} of {objs[0].lower_}", [tok, prep, objs[0]]))
                    cands.append((f"{tok.lemma_.lower()} of {objs[0].lower_}", [tok, prep, objs[0]]))
        cands.append((tok.lower_, [tok]))
        cands.append((tok.lemma_.lower(), [tok]))
        for phrase, toks in cands:
            if phrase in roles:
                return roles[phrase], toks
        return None, []

    def written_role(self, tok: Token, role_toks: list[Token]) -> str:
        """A role noun phrase as written, without a determiner or a clause: "senior official",
        "President of Kazakhstan", "two leaders"."""
        starts = [tok.i]
        for t in tok.lefts:
            if t.dep_ in ("det", "punct", "predet") or t.i < tok.i - 4 or t.tag_ == "PRP$":
                continue
            sub = [x for x in t.subtree if not (x.dep_ == "det" and x.i < t.i)]
            starts.append(min(x.i for x in sub) if t.dep_ == "poss" else t.i)
        start = min(starts)
        end = max(t.i for t in role_toks) + 1
        for prep in tok.rights:
            if prep.dep_ == "prep" and prep.lower_ in ("of", "for") and prep.i == end:
                end = max(t.i for t in prep.subtree) + 1
        return self.doc[start:end].text

    def is_unnamed(self, tok: Token) -> bool:
        """An indefinite role noun ("a senior official", "one diplomat") or one described as
        anonymous: a new, unnamed source, never an earlier named person."""
        if any(c.dep_ == "det" and c.lower_ in self.rules.unnamed_det for c in tok.lefts):
            return True
        return any(t.lower_ in self.rules.unnamed_desc for t in tok.subtree if t.i > tok.i)

    def resolve_group(self, tok: Token, written: str) -> Optional[dict]:
        """"the two leaders" / "the sides": the coordinated subject of a recent sentence
        ("X and Y held talks"), else the persons named in the previous sentence."""
        si = self.sent_index(tok)
        for k in range(si, max(-1, si - PRONOUN_WINDOW - 1), -1):
            found = self.plural_antecedent(self.sents[k], tok, persons_only=True)
            if found is not None and found.get("speaker_entity_id") is None:
                found["speaker_text"] = written
                return found
        # the persons named just before (this sentence and the two before it), the last N for "the N leaders"
        first = self.sents[max(0, si - 2)].start_char
        names: list[str] = []
        for m in self.index.overlapping(first, tok.idx):
            if m["label"] == "PERSON" and not self.covered(m["start"]):
                name = m.get("canonical") or m["text"]
                if name in names:
                    names.remove(name)
                names.append(name)
        count = next((_small_number(c) for c in tok.lefts if c.dep_ == "nummod"), None)
        if count and len(names) >= count:
            names = names[-count:]
        if 2 <= len(names) <= 4:
            return {"speaker": " and ".join(names), "speaker_entity_id": None, "speaker_text": written}
        return None

    def resolve_side(self, tok: Token, written: str) -> Optional[dict]:
        """"the Kazakh side" -> the country (its latest mention as a country, else the adjective)."""
        mods = [c for c in tok.lefts if c.dep_ in ("amod", "compound", "nmod", "poss")]
        code = self.country_evidence(mods)
        if code is None:
            return None
        best = None
        for m in self.index.mentions:
            if m["start"] >= tok.idx:
                break
            name = (m.get("canonical") or m["text"]).lower()
            if m["label"] == "GPE" and self.rules.countries.get(name) == code:
                best = m
        if best is not None:
            return self.from_mention(best, written)
        for t in mods:
            m = self.mention_at(t, ("NORP",))
            if m is not None:
                return self.from_mention(m, written)
        return None

    def principal_of(self, tok: Token) -> Optional[dict]:
        """"the press service of X" / "a spokesman for X" -> X."""
        for prep in tok.rights:
            if prep.dep_ == "prep" and prep.lower_ in ("of", "for"):
                for obj in prep.children:
                    if obj.dep_ == "pobj":
                        return self.resolve(obj)
        for left in tok.lefts:  # "Kremlin spokesman", "ministry spokesperson"
            m = self.mention_at(left)
            if m is not None:
                return self.from_mention(m)
        for left in tok.lefts:  # "the prime minister's spokesman"
            if left.dep_ == "poss" and left.lower_ not in self.rules.pronouns:
                found = self.resolve(left)
                if found is not None and found.get("speaker"):
                    return found
        return None

    def country_evidence(self, toks: Iterable[Token]) -> Optional[str]:
        for t in toks:
            m = self.mention_at(t, ("NORP", "GPE"))
            if m is not None and m.get("country"):
                return m["country"]
            code = self.rules.countries.get(fold(t.text.lower()))
            if code:
                return code
        return None

    def resolve_role(self, tok: Token, role: dict, role_toks: list[Token]) -> Optional[dict]:
        """"the Chinese leader" -> the most recent PERSON whose country/role fit."""
        mods = [c for c in tok.lefts if c.dep_ in ("amod", "compound", "nmod", "poss")]
        for prep in tok.rights:  # "the President of Kazakhstan"
            if prep.dep_ == "prep" and prep.lower_ == "of":
                mods.extend(c for c in prep.children if c.dep_ == "pobj")
        country = self.country_evidence(mods)
        written = self.written_role(tok, role_toks)
        entities: dict[int, dict] = {}
        for m in self.index.mentions:
            if m["label"] != "PERSON" or m["start"] >= tok.idx or self.covered(m["start"]):
                continue
            e = entities.setdefault(m["entity_id"], {"last": m, "country": None, "role": None})
            e["last"] = m
            e["country"] = e["country"] or m.get("country")
            e["role"] = e["role"] or m.get("role")
        cands = list(entities.values())
        if country:  # "the president of Cyprus": only a person known to be of that country
            cands = [e for e in cands if e["country"] == country]
        if "*" not in role["matches"]:
            cands = [e for e in cands
                     if not e["role"] or str(e["role"]).lower().replace(" ", "_") in role["matches"]]
        if not cands:
            return None
        best = max(cands, key=lambda e: e["last"]["start"])
        return self.from_mention(best["last"], written)

    def resolve_org_pronoun(self, tok: Token) -> Optional[dict]:
        """"It said" -> the latest organisation mentioned in this or the previous sentence,
        a subject preferred."""
        if tok.dep_ != "nsubj":
            return None
        si = self.sent_index(tok)
        for k in range(si, max(-1, si - 2), -1):
            sent = self.sents[k]
            cands = [m for m in self.index.overlapping(sent.start_char, sent.end_char)
                     if m["label"] == "ORG" and m["end"] <= tok.idx and not self.covered(m["start"])]
            if cands:
                best = max(cands, key=lambda m: (self.subject_rank(m), m["start"]))
                return self.from_mention(best, tok.text)
        return None

    def resolve_org_any(self, tok: Token, written: str) -> Optional[dict]:
        """"the oil giant", "the firm" -> the latest organisation mentioned before."""
        best = None
        for m in self.index.mentions:
            if m["start"] >= tok.idx:
                break
            if m["label"] == "ORG" and not self.covered(m["start"]):
                best = m
        return self.from_mention(best, written) if best is not None else None

    def resolve_org(self, tok: Token, role_toks: list[Token]) -> Optional[dict]:
        """"the ministry" -> the most recent ORG mention containing the noun."""
        written_start = min([tok.i] + [t.i for t in tok.lefts if t.dep_ != "det"])
        written = self.doc[written_start:tok.i + 1].text
        noun = tok.lower_
        best = None
        for m in self.index.mentions:
            if m["label"] == "ORG" and m["start"] < tok.idx and noun in m["text"].lower():
                best = m
        return self.from_mention(best, written) if best is not None else None

    def subject_rank(self, m: dict) -> int:
        rank = 0
        for t in self.mention_tokens(m):
            if t.dep_ in SUBJ_DEPS:
                head = t.head
                while head.dep_ == "conj" and head.head is not head:
                    head = head.head
                rank = max(rank, 2 if head.dep_ == "ROOT" else 1)
        return rank

    def resolve_pronoun(self, tok: Token, number: str, depth: int = 0) -> Optional[dict]:
        si = self.sent_index(tok)
        looked = 0
        for k in range(si, -1, -1):
            sent = self.sents[k]
            if k != si and self.covered(sent.start_char, sent.end_char) and \
                    all(self.covered(t.idx) for t in sent if not t.is_space and not t.is_punct):
                continue  # a sentence inside a quote: its persons are not antecedents
            looked += 1
            if looked > PRONOUN_WINDOW + 1:
                break
            if number == "pl":
                found = self.plural_antecedent(sent, tok)
                if found is not None:
                    found["speaker_text"] = tok.text
                    return found
                continue
            cands = [m for m in self.index.overlapping(sent.start_char, sent.end_char)
                     if m["label"] == "PERSON" and m["end"] <= tok.idx and not self.covered(m["start"])
                     and not any(t.tag_ in ("NNS", "NNPS") for t in self.mention_tokens(m)[-1:])]
            if cands:
                best = max(cands, key=lambda m: (self.subject_rank(m), m["start"]))
                return self.from_mention(best, tok.text)
            # "He also talked about …" — an earlier pronoun subject: follow its chain
            earlier = [t for t in sent if t.i < tok.i and t.dep_ in SUBJ_DEPS and t.lower_ == tok.lower_
                       and not self.covered(t.idx)]
            if earlier and depth < 3:
                found = self.resolve_pronoun(earlier[-1], number, depth + 1)
                if found is not None:
                    found["speaker_text"] = tok.text
                    return found
        return None

    def plural_antecedent(self, sent, before: Token, persons_only: bool = False) -> Optional[dict]:
        subs = [t for t in sent if t.dep_ in SUBJ_DEPS and t.i < before.i and not self.covered(t.idx)]
        for t in reversed(subs):
            conj = [c for c in t.subtree if c.dep_ == "conj"]
            if conj:
                ms = []
                for x in [t] + conj:
                    m = self.mention_at(x)
                    if m is not None and m not in ms:
                        ms.append(m)
                if len(ms) == 1:
                    return self.from_mention(ms[0])
                if ms:
                    names = []
                    for m in ms:
                        if m.get("canonical", m["text"]) not in names:
                            names.append(m.get("canonical") or m["text"])
                    return {"speaker": " and ".join(names), "speaker_entity_id": None, "speaker_text": None}
            if persons_only:
                continue
            m = self.mention_at(t, ("ORG", "NORP"))
            if m is not None:
                return self.from_mention(m)
        return None

    def nearest_named(self, verb: Token) -> Optional[Token]:
        """Fallback subject when the parse gives none: a mention/pronoun right before the verb
        (only adverbs/auxiliaries between), else right after it ("said Tokayev")."""
        j = verb.i - 1
        while j >= verb.sent.start and self.doc[j].pos_ in ("ADV", "AUX", "PART"):
            j -= 1
        if j >= verb.sent.start:
            t = self.doc[j]
            if self.mention_at(t, ("PERSON", "ORG")) is not None or self.rules.pronouns.get(t.lower_, ("",))[0] == "3":
                return t
        j = verb.i + 1
        if j < verb.sent.end and self.mention_at(self.doc[j], ("PERSON", "ORG")) is not None \
                and not self.covered(self.doc[j].idx) \
                and self.doc[j].dep_ not in ("dobj", "dative"):  # "told Kazinform C": the addressee
            # (a name opening the reported clause, "confirmed Putin plans to …", is no speaker)
            return self.doc[j]
        return None

    def speaker_of_verb(self, verb: Token, exclude: tuple[int, int] = (0, 0)) -> Optional[dict]:
        if _misattached_conj(verb, self.rules):
            return self.speaker_of_verb(verb.head.head, exclude)  # "X said C and vowed …"
        subj = subject_of(verb)
        if subj is not None and exclude[0] <= subj.idx < exclude[1]:
            subj = None
        if subj is not None and (subj.lower_ in ("this", "that", "which") or
                                 (subj.lower_ == "it" and subj.dep_ != "nsubj")):
            return None
        found = self.resolve(subj) if subj is not None else None
        if found is None:
            near = self.nearest_named(verb)
            if near is not None and near is not subj:
                found = self.resolve(near)
        if found is None and subj is not None:
            toks = []
            for t in subj.subtree:
                if t.i > subj.i and t.text in (",", "(", "—", "–"):
                    break
                if not t.is_punct:
                    toks.append(t)
            while toks and toks[0].dep_ == "det":
                toks = toks[1:]
            if 0 < len(toks) <= 8:
                found = {"speaker": None, "speaker_entity_id": None, "speaker_text": self.doc[toks[0].i:toks[-1].i + 1].text}
        return found


# --------------------------------------------------------------------------- direct quotes

def _words(toks: Iterable[Token]) -> list[Token]:
    return [t for t in toks if t.is_alpha or t.like_num]


def attribute_direct(q: dict, d: _Doc) -> tuple[Optional[dict], bool]:
    """(speaker record with cue, tight) for a marked quote. tight: the attribution frames the
    quote as an utterance (colon/comma before the open mark, comma/sentence end inside or
    right after the close mark)."""
    text = d.text
    rules = d.rules
    # after the closing mark: "…,” Tokayev said." / "…,” said the minister."
    close_tok = d.tok_at(q["close"])
    after = []
    j = close_tok.i + 1 if q.get("closed", True) else len(d.doc)  # a part left open: no "…,” X said"
    while j < len(d.doc) and len(after) < 25:
        t = d.doc[j]
        if "\n" in t.text or d.covered(t.idx):
            break
        after.append(t)
        if t.text in SENT_END:
            break
        j += 1
    content_end = text[q["close"] - 1] if q["close"] > 0 else ""
    tight_after = content_end in ",!?." or text[q["close"]:q["close"] + 2].strip()[:1] == ","
    for n, t in enumerate(after):
        if is_speech_verb(t, rules):
            if any(c.dep_ == "ccomp" and c.i > t.i and not d.covered(c.idx) for c in t.children):
                break  # "“…” The lawyer said he would appeal": the verb reports its own clause
            spk = d.speaker_of_verb(t)
            if spk is not None:
                # tight: the verb comes right after the quote or after a short subject
                return dict(spk, cue=verb_lemma(t)), tight_after and n <= TIGHT_WINDOW
            break
    # before the opening mark: "Tokayev said: “…”", "He said, “…”", a previous sentence ending with ":"
    seg_end = q["open"]
    before = _before_frame(d, seg_end)
    if not [t for t in before if not t.is_space and not t.is_punct]:
        k = seg_end - 1
        while k >= 0 and text[k].isspace():
            k -= 1
        if k >= 0 and text[k] == ":":
            before = _before_frame(d, k + 1)
    last = next((t for t in reversed(before) if not t.is_space), None)
    tight_before = last is not None and last.text in (":", ",")
    for n, t in enumerate(reversed(before)):
        if is_speech_verb(t, rules):
            spk = d.speaker_of_verb(t)
            if spk is not None:
                return dict(spk, cue=verb_lemma(t)), tight_before and n <= TIGHT_WINDOW
    if last is not None and last.text == ":":
        label = [t for t in before if not t.is_space]
        persons = [d.mention_at(t, ("PERSON",)) for t in label]
        persons = [m for m in persons if m is not None]
        if persons and _label_like(label[:-1], d):
            return dict(d.from_mention(persons[0]), cue=":"), True
    return None, False


def _before_frame(d: _Doc, end: int) -> list[Token]:
    """Tokens before char ``end`` back to the start of their sentence, the line, or another quote."""
    if end <= 0:
        return []
    tok = d.tok_at(end - 1)
    if tok.idx >= end:
        return []
    out = []
    j = tok.i
    sent_start = tok.sent.start
    while j >= sent_start:
        t = d.doc[j]
        if "\n" in t.text or d.covered(t.idx):
            break
        out.append(t)
        j -= 1
    out.reverse()
    return out


def _label_like(toks: list[Token], d: _Doc) -> bool:
    """A speaker label: capitalised words, entity mentions, connectors and punctuation only."""
    words = [t for t in toks if not t.is_space]
    if not words or len([t for t in words if not t.is_punct]) > MAX_LABEL_WORDS:
        return False
    for t in words:
        if t.is_punct or t.lower_ in d.rules.label_connectors:
            continue
        if d.mention_at(t) is not None:
            continue
        if t.text[:1].isupper():
            continue
        return False
    return True


def _has_finite_verb(toks: Iterable[Token]) -> bool:
    return any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in toks)


def _direct_records(d: _Doc) -> list[dict]:
    doc, text = d.doc, d.text
    quotes = find_direct_quotes(text, d.rules.marks)
    d.ranges = [(q["open"], q["close"] + 1) for q in quotes]
    out = []
    for q in quotes:
        content = d.tokens_in(q["start"], q["end"])
        words = _words(content)
        before = d.tokens_in(0, q["open"])[-3:]
        name_cue = any(t.lower_ in d.rules.name_cues for t in before[-2:])
        attr, tight = attribute_direct(q, d)
        q = dict(q, attr=attr, tight=tight, words=len(words), name_cue=name_cue,
                 finite=_has_finite_verb(content))
        sent_start = d.tok_at(q["open"]).sent.start_char
        lead = text[max(sent_start, text.rfind("\n", 0, q["open"]) + 1):q["open"]].strip()
        q["mid_sentence"] = bool(lead) and lead[-1] not in ":,—–-" and lead[-1] not in d.rules_marks
        out.append(q)
    return out


def _keep_direct(q: dict) -> bool:
    if q["name_cue"]:
        return False
    if q["words"] < MIN_QUOTE_WORDS:
        return q["attr"] is not None and q["tight"]
    if q["attr"] is None and q["mid_sentence"] and (not q["finite"] or q["words"] < MIN_UNATTRIBUTED_INLINE_WORDS):
        return False  # a scare-quoted, named or cited phrase inside running text
    if q["attr"] is None and not q["finite"]:
        return False  # a quoted title on its own
    return True


# --------------------------------------------------------------------------- unmarked statements

def _label_intro(d: _Doc, s: int, e: int) -> Optional[tuple[dict, int]]:
    """A transcript label at the start of a line: (speaker, offset after the colon)."""
    line = d.text[s:e]
    m = re.match(r"[^:\n]{2,160}?:(?=\s|$)", line)
    if not m:
        return None
    colon = s + m.end() - 1
    label = d.text[s:colon].strip()
    if " ".join(label.lower().split()) in d.rules.anonymous_labels:
        # "Question: …": a speaker the transcript does not name
        return {"speaker": None, "speaker_entity_id": None, "speaker_text": label, "cue": ":"}, colon + 1
    toks = d.tokens_in(s, colon)
    persons = [d.mention_at(t, ("PERSON",)) for t in toks]
    persons = [p for p in persons if p is not None]
    if not persons or not _label_like(toks, d) or any(t.tag_.startswith("VB") and d.mention_at(t) is None for t in toks):
        return None
    return dict(d.from_mention(persons[0]), cue=":"), colon + 1


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
    if _label_intro(d, s, e) or _said_intro(d, s, e):
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
        for rs, re_ in rows:  # a paragraph without marks is taken whole (whitespace trimmed)
            if re_ > rs:
                out.append(dict(speaker, start=rs, end=re_, kind="direct", text=d.text[rs:re_]))
        i = j if j > i + 1 else i + 1
    return out


# --------------------------------------------------------------------------- reported speech

def _clause_bounds(toks: list[Token]) -> Optional[tuple[int, int]]:
    toks = sorted(toks, key=lambda t: t.i)
    while toks and (toks[0].is_punct or toks[0].is_space or toks[0].dep_ == "cc"
                    or (toks[0].dep_ == "mark" and toks[0].lower_ == "that")):
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


def _segment_break(doc: Doc, a: int, b: int) -> bool:
    """Whether a sentence end (. ! ? before a capitalised word) lies between tokens a and b;
    the parser sometimes hangs a following sentence on a reporting verb."""
    lo, hi = min(a, b), max(a, b)
    for t in doc[lo:hi]:
        if t.text in SENT_END and t.i + 1 < len(doc):
            nxt = doc[t.i + 1]
            while nxt.is_space and nxt.i + 1 < len(doc):
                nxt = doc[nxt.i + 1]
            if nxt.text[:1].isupper():
                return True
    return False


def _misattached_conj(verb: Token, rules: QuoteRules) -> bool:
    """"X said C and vowed to …" parsed with "vowed" coordinated inside C: a speech verb with no
    subject of its own, conjoined to the clause head of another speech verb."""
    return (verb.dep_ == "conj" and verb.head.dep_ == "ccomp" and is_speech_verb(verb, rules)
            and not any(c.dep_ in SUBJ_DEPS for c in verb.children)
            and is_speech_verb(verb.head.head, rules))


def _trailing_actions(head: Token, rules: QuoteRules) -> set[int]:
    """Token indices of participle clauses after a comma at the end of a reported clause that
    report a new act of the speaker (", calling for …", ", adding that …")."""
    out: set[int] = set()
    for t in head.subtree:
        if t.tag_ != "VBG" or t.dep_ not in ("advcl", "xcomp", "conj", "acl") or t.i <= head.i:
            continue
        if any(c.dep_ in SUBJ_DEPS for c in t.children):
            continue
        prev = t.doc[t.i - 1] if t.i > 0 else None
        if prev is None or prev.text not in (",", ";", "—", "–"):
            continue
        lemma = t.lemma_.lower()
        if lemma in rules.trailing_actions or lemma in rules.light_verbs or is_speech_verb(t, rules):
            out.update(x.i for x in t.subtree)
            out.add(prev.i)
    for t in head.children:  # "said C and vowed to …": the second act is not part of C
        past_act = (t.dep_ == "conj" and t.tag_ == "VBD" and head.tag_ in ("VBZ", "VBP")
                    and not any(c.dep_ in SUBJ_DEPS for c in t.children))  # "said China supports X and later visited Y"
        if t.i > head.i and (_misattached_conj(t, rules) or past_act):
            out.update(x.i for x in t.subtree)
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


def _object_subject(tok: Token, head: Token, d: "_Doc") -> list[Token]:
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
    sub = sorted(last.subtree, key=lambda t: t.i)
    clause_start = min(t.i for t in head.subtree)
    if sub[-1].i + 1 != clause_start or any(t.is_punct for t in sub):
        return []
    addressee = verb_lemma(tok) in d.rules.addressee_verbs
    if not addressee or len(objs) > 1:
        return sub  # "said China would …" / "told Tokayev China supports …": the last object
    # one object after "tell": the clause's subject is the last name of the phrase, the rest the addressee
    k = _addressee_split(sub, d)
    return sub[k:] if k else []


def _addressee_split(toks: list[Token], d: "_Doc") -> int:
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


def _trim_lead(tok: Token, head: Token, clause: list[Token], d: "_Doc") -> list[Token]:
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
    subj_toks = sorted(subj.subtree, key=lambda t: t.i)
    lead = [t for t in clause if t.i < subj_toks[0].i]
    if lead and lead[0].i == tok.i + 1 or (lead and all(d.doc[j].is_punct or d.doc[j].is_space
                                                        or d.doc[j].dep_ in ("dobj", "dative")
                                                        for j in range(tok.i + 1, lead[0].i))):
        mods = {t.i for c in head.children if c.dep_ in ("prep", "npadvmod") and c.i < subj.i
                for t in c.subtree}
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


def _reported_clauses(tok: Token, rules: QuoteRules, d: Optional["_Doc"] = None) -> list[tuple[Token, list[Token]]]:
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
        for obj in tok.children:
            if obj.dep_ in ("dobj", "dative") and not heads:
                heads += [(c, []) for c in obj.children if c.dep_ in ("relcl", "acl", "ccomp") and _valid_clause(c)
                          and any(m.dep_ == "mark" and m.lower_ == "that" and m.i < c.i for m in c.children)]
        return heads
    if tok.tag_.startswith("VB") and tok.lemma_.lower() in rules.light_verbs:
        for obj in tok.children:
            if obj.dep_ == "dobj" and obj.lemma_.lower() in rules.reporting_nouns:
                heads = [c for c in obj.children if c.dep_ in ("acl", "ccomp", "relcl") and _valid_clause(c)
                         and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]
                heads += [c for c in tok.children if c.dep_ == "ccomp" and _valid_clause(c)]
                return [(h, []) for h in heads]
    return []


def _coordinated_predicates(tok: Token, head: Token, rules: QuoteRules) -> list[Token]:
    """Further predicates of a reported clause that the parser hung on the reporting verb as
    subjectless ccomps ("said Uzbekistan values X, welcomes Y and is ready to Z": "welcomes" is a
    second ccomp of "said"): finite, no subject of their own, each right after the previous one
    with only a comma or a conjunction between."""
    out = []
    end = max(t.i for t in head.subtree)
    for c in sorted(tok.children, key=lambda c: c.i):
        if c.i <= end or c.dep_ != "ccomp":
            continue
        if any(x.dep_ in SUBJ_DEPS + ("expl", "csubj", "mark") for x in c.children) or not _finite(c) \
                or _infinitival(c) or is_speech_verb(c, rules):
            break
        start = min(t.i for t in c.subtree)
        gap = tok.doc[end + 1:start]
        if any(not (t.is_punct or t.is_space or t.dep_ == "cc") or t.text in SENT_END for t in gap):
            break
        out.append(c)
        end = max(t.i for t in c.subtree)
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


def _misparsed_clause(tok: Token, d: "_Doc") -> list[Token]:
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
            cut.update(t.i for t in c.subtree)
            cut.update(x.i for x in tok.children if x.dep_ in ("cc", "punct") and j < x.i < c.i)
    return [t for t in tok.subtree if t.i >= k and t.i not in cut and not _segment_break(doc, t.i, tok.i)]


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


def _according(d: _Doc) -> list[dict]:
    out = []
    doc = d.doc
    for cue_words, cue in d.rules.source_cues:
        n = len(cue_words)
        for tok in doc:
            if tuple(t.lower_ for t in doc[tok.i:tok.i + n]) != cue_words or d.covered(tok.idx):
                continue
            last = doc[tok.i + n - 1]
            objs = [c for c in last.children if c.dep_ == "pobj"]
            if not objs:
                continue
            src = objs[0]
            phrase_end = max(t.i for t in src.subtree) + 1
            src, written = _source_of(d, src)
            if src is None:
                continue  # "according to the agreement / official data": a document, not a speaker
            sent = tok.sent
            sent_start = _line_sentence_start(d, tok)
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
            speaker = d.resolve(src)
            if speaker is None and written is None and d.role_of(src)[0] is not None:
                written = d.written_role(src, d.role_of(src)[1])  # "according to the central bank", none named
            if written is not None and (speaker is None or not speaker.get("speaker")):
                # "according to Chinese customs data": the owner as written, no entity to name
                speaker = dict(speaker or {"speaker": None, "speaker_entity_id": None}, speaker_text=written)
            if _reports_event(d, clause, doc[tok.i:phrase_end], speaker):
                continue
            s, e = bounds
            out.append(dict(speaker or {"speaker": None, "speaker_entity_id": None, "speaker_text": None},
                            start=s, end=e, kind="indirect", text=d.text[s:e], cue=cue))
    return out


SOURCE_LABELS = ("PERSON", "ORG", "NORP", "GPE")


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
            owners += [o for o in prep.children if o.dep_ == "pobj"]
    for owner in owners:
        if _speakerish(d, owner) and owner.pos_ in ("PROPN", "NOUN", "PRON"):
            if owner.i < src.i:  # "Chinese customs data" -> "Chinese customs"
                toks = [t for t in src.lefts if t.dep_ not in ("det", "predet") and t.tag_ != "PRP$"]
                toks = [t for x in toks for t in x.subtree if t.dep_ not in ("det", "case")]
            else:  # "data from the World Bank" -> "World Bank"
                toks = [t for t in owner.subtree if not (t.dep_ == "det" and t.i < owner.i)]
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
    if speaker is not None:
        src_ids.add(speaker.get("speaker_entity_id"))
        src_names.add(speaker.get("speaker"))
    src_ids.discard(None)
    src_names.discard(None)
    subj_toks = []
    for t in clause:
        if t.dep_ in SUBJ_DEPS and t.head.dep_ == "ROOT":
            subj_toks.extend(t.subtree)
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


def _reported(d: _Doc) -> list[dict]:
    """Reported speech: {start, end, kind="indirect", text, speaker..., cue}."""
    out = []
    for tok in d.doc:
        if d.covered(tok.idx):
            continue
        clauses = []
        for head, lead in _reported_clauses(tok, d.rules, d):
            if _segment_break(d.doc, tok.i, head.i):
                continue
            heads = [head] + _coordinated_predicates(tok, head, d.rules)
            cut = set().union(*(_trailing_actions(h, d.rules) for h in heads))
            clause = lead + [t for h in heads for t in h.subtree
                             if not _segment_break(d.doc, t.i, head.i) and t.i not in cut]
            if not lead and head.i > tok.i:
                clause = _trim_lead(tok, head, clause, d)
            clauses.append(clause)
        if not clauses:
            misparsed = _misparsed_clause(tok, d)
            if misparsed:
                clauses.append(misparsed)
        for clause in clauses:
            first = next((t for t in clause if not (t.is_punct or t.is_space)), None)
            if first is not None and first.lower_ in d.rules.wh_words and verb_lemma(tok) not in d.rules.question_verbs:
                continue  # "told how the system works": a topic, not a statement
            bounds = _clause_bounds(clause)
            if bounds is None or d.covered(*bounds):
                continue
            s, e = bounds
            subj = subject_of(tok)
            if subj is not None and d.rules.pronouns.get(subj.lower_, ("3",))[0] == "1" and not d.covered(subj.idx):
                continue  # "I can assure you that …" outside quotes: the author's own voice
            if subj is not None and subj.lower_ == "it" and subj.dep_ != "nsubj":
                continue  # "It was said / reported that …": impersonal, nobody's statement
            d.ranges.append((s, e))  # names inside the clause are not antecedents of its speaker
            try:
                spk = d.speaker_of_verb(tok, exclude=(s, e))
            finally:
                d.ranges.pop()
            spk = spk or {"speaker": None, "speaker_entity_id": None, "speaker_text": None}
            if verb_lemma(tok) in d.rules.opinion_verbs and not spk.get("speaker"):
                continue  # "analysts believe that C": an unnamed view, no statement
            out.append(dict(spk, start=s, end=e, kind="indirect", text=d.text[s:e], cue=verb_lemma(tok)))
    out.extend(_according(d))
    out.extend(_as_said(d))
    return [r for r in out if not _media_source(d, r)]


def _media_source(d: _Doc, rec: dict) -> bool:
    """Whether a reported row's source is a news medium ("a Kazinform correspondent reports",
    "as reported by Xinhua", "according to Reuters"): the article sourcing itself, no quote."""
    words = " ".join(x for x in (rec.get("speaker_text"), rec.get("speaker")) if x)
    words = re.findall(r"[a-z]+", words.lower())
    return bool(words) and any(w in d.rules.media for w in words)


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
    first = min(t.i for t in subj.subtree)
    p = first - 1
    if p <= tok.sent.start or doc[p].text not in (",", "—", "–", "-"):
        return None
    right = [t.i for t in tok.subtree if t.i > tok.i]
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
        own = {t.i for t in tok.subtree} if block is None else block
        lent = [c for c in tok.children if block is not None and c.dep_ in SUBJ_DEPS and c.i < min(block)]
        if head.sent != tok.sent or not (_valid_clause(head) or (lent and head.tag_[:2] in ("VB", "MD"))):
            continue
        cut = _trailing_actions(head, d.rules)
        pool = list(head.subtree) + [t for c in lent for t in c.subtree]
        toks = [t for t in pool if t.i not in own and t.i not in cut
                and not _segment_break(d.doc, t.i, head.i)]
        bounds = _clause_bounds(toks)
        if bounds is None or d.covered(*bounds):
            continue
        agent = [o for a in tok.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]
        subj = [c for c in tok.children if c.dep_ in ("nsubj",) and c.i not in {t.i for x in lent for t in x.subtree}]
        src = agent[0] if agent else (subj[-1] if subj else None)
        spk = d.resolve(src) if src is not None else None
        s, e = bounds
        if spk is None and not agent and block is not None:
            spk = d.speaker_of_verb(tok)  # the attribution lies inside the clause's span
        elif spk is None and not agent:
            d.ranges.append((s, e))
            try:
                spk = d.speaker_of_verb(tok, exclude=(s, e))
            finally:
                d.ranges.pop()
        if verb_lemma(tok) in d.rules.opinion_verbs and not (spk or {}).get("speaker"):
            continue  # "as analysts believe, C": an unnamed view
        out.append(dict(spk or {"speaker": None, "speaker_entity_id": None, "speaker_text": None},
                        start=s, end=e, kind="indirect", text=d.text[s:e], cue=verb_lemma(tok)))
    return out


# --------------------------------------------------------------------------- the whole doc

EMPTY = {"speaker": None, "speaker_entity_id": None, "speaker_text": None, "cue": None}
FIELDS = ("start", "end", "kind", "text", "speaker", "speaker_entity_id", "speaker_text", "cue")


def _title_range(text: str) -> tuple[int, int]:
    paras = paragraphs(text)
    return paras[0] if paras else (0, 0)


def _content_lemmas(d: _Doc, s: int, e: int) -> set:
    return {t.lemma_.lower() for t in d.tokens_in(s, e) if t.is_alpha and not t.is_stop}


def _marked(doc: Doc, rules: QuoteRules) -> tuple[_Doc, list[dict]]:
    """The marked quotes kept, attributed (continuation included); d.ranges set to them."""
    d = _Doc(doc, rules)
    direct = _direct_records(d)
    paras = paragraphs(d.text)
    para_starts = [p[0] for p in paras]

    def para_of(char: int) -> int:
        return max(0, bisect.bisect_right(para_starts, char) - 1)

    # a quotation over several paragraphs: its attribution (in any part) holds for every part
    groups: dict[int, list[dict]] = {}
    for q in direct:
        groups.setdefault(q.get("group", q["open"]), []).append(q)
    for parts in groups.values():
        attr = next((q["attr"] for q in parts if q["attr"] is not None), None)
        if len(parts) > 1 and attr is not None:
            for q in parts:
                q["attr"], q["tight"] = dict(attr), True

    # continuation: a quote with no attribution right after a quote of X continues X — at the
    # start of the next paragraph, or as the next sentence of the same paragraph ("“A,” X said. “B.”")
    prev = None
    for q in direct:
        # (a quote whose sentence the parser ran into the attribution may have the same speaker, loosely)
        loose_same = q["attr"] is not None and not q["tight"] and prev is not None and q["attr"] == prev["attr"]
        if (q["attr"] is None or loose_same) and prev is not None and prev["attr"] is not None:
            starts_para = d.text[paras[para_of(q["open"])][0]:q["open"]].strip() == ""
            between = d.text[prev["close"] + 1:q["open"]]
            next_sentence = (para_of(q["open"]) == para_of(prev["close"]) and "\n" not in between
                             and len(between) <= CONTINUATION_GAP
                             and (between.strip() == "" or
                                  (between.rstrip()[-1:] in SENT_END
                                   and not any(c in SENT_END for c in between.rstrip()[:-1]))))
            if (starts_para and para_of(q["open"]) - para_of(prev["close"]) == 1) or next_sentence:
                q["attr"] = dict(prev["attr"])
                q["tight"] = True
        if _keep_direct(q):
            prev = q
    kept = [q for q in direct if _keep_direct(q)]
    d.ranges = [(q["open"], q["close"] + 1) for q in kept]
    return d, kept


def find_statements(doc: Doc, rules: Optional[QuoteRules] = None) -> list[dict]:
    """Unmarked colon-introduced statements of a parsed doc (one record per paragraph)."""
    d, _ = _marked(doc, rules or load_rules())
    return _statements(d)


def find_reported(doc: Doc, rules: Optional[QuoteRules] = None) -> list[dict]:
    """Reported speech of a parsed doc, outside its marked quotes and statements."""
    d, _ = _marked(doc, rules or load_rules())
    d.ranges += [(s["start"], s["end"]) for s in _statements(d)]
    return _reported(d)


def extract_quotes(doc: Doc, rules: QuoteRules) -> list[dict]:
    """All quote records of a processed doc, sorted by start."""
    d, kept = _marked(doc, rules)
    statements = _statements(d)
    d.ranges += [(s["start"], s["end"]) for s in statements]
    reported = _reported(d)

    out = []
    for q in kept:
        rec = dict(EMPTY)
        rec.update(q["attr"] or {})
        rec.update(start=q["start"], end=q["end"], kind="direct", text=q["text"])
        out.append(rec)
    out.extend(statements)
    out.extend(reported)

    # a headline quote with no speaker takes the speaker of a later quote with the same content
    ts, te = _title_range(d.text)
    for rec in out:
        if rec["speaker"] or not (ts <= rec["start"] < te):
            continue
        words = _content_lemmas(d, rec["start"], rec["end"])
        if len(words) < 3:
            continue
        best, score = None, 0.0
        for other in out:
            if other is rec or not other["speaker"] or other["start"] < te:
                continue
            overlap = len(words & _content_lemmas(d, other["start"], other["end"])) / len(words)
            if overlap > score:
                best, score = other, overlap
        if best is not None and score >= HEADLINE_OVERLAP:
            rec.update(speaker=best["speaker"], speaker_entity_id=best["speaker_entity_id"], speaker_text=None)

    seen = set()
    final = []
    for rec in sorted(out, key=lambda r: (r["start"], -r["end"])):
        key = (rec["start"], rec["end"])
        if key in seen:
            continue
        seen.add(key)
        final.append({k: rec.get(k) for k in FIELDS})
    return final


class QuotesStage(Stage):
    def __init__(self, nlp, name: str, data_dir: Optional[str] = None, countries_table: Optional[str] = None):
        super().__init__(nlp, name)
        self.rules = load_rules(data_dir, countries_table)

    def process(self, doc) -> None:
        quotes = extract_quotes(doc, self.rules)
        doc._.quotes = quotes
        spans = []
        for q in quotes:
            span = doc.char_span(q["start"], q["end"], label=q["kind"], alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.spans["quotes"] = spans


@Language.factory("newsie_quotes", default_config={"data_dir": None, "countries_table": None},
                   assigns=["doc._.quotes", "doc.spans"],
                   requires=["doc._.entities", "token.dep", "token.is_sent_start"])
def make_quotes(nlp: Language, name: str, data_dir: Optional[str], countries_table: Optional[str]):
    return QuotesStage(nlp, name, data_dir, countries_table)
