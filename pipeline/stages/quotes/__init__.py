"""Quotes (the ``newsie_quotes`` stage): direct quotations, unmarked statements after a speaker label, and reported speech,
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

import re
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc

from ...core.stage import Stage
from .anaphora import resolve_back_references
from .direct import _marked, attribute_direct
from .headlines import headline_attributions, headline_roles
from .marks import find_direct_quotes, paragraphs
from .mentions import finish
from .reported import _reported
from .rules import HEADLINE_OVERLAP, QuoteRules, load_rules
from .speakers import _Doc
from .statements import _statements

__all__ = ["QuoteRules", "QuotesStage", "attribute_direct", "extract_quotes", "find_direct_quotes", "find_reported",
           "find_statements", "load_rules", "make_quotes", "paragraphs"]


# --------------------------------------------------------------------------- the whole doc

EMPTY = {"speaker": None, "speaker_entity_id": None, "speaker_text": None, "cue": None}
FIELDS = ("start", "end", "kind", "text", "speaker", "speaker_entity_id", "speaker_text", "speaker_start", "speaker_end",
          "speaker_label", "cue")


def _title_range(text: str) -> tuple[int, int]:
    paras = paragraphs(text)
    return paras[0] if paras else (0, 0)


def _content_lemmas(d: _Doc, s: int, e: int) -> set:
    return {t.lemma_.lower() for t in d.tokens_in(s, e) if t.is_alpha and not t.is_stop}


def find_statements(doc: Doc, rules: Optional[QuoteRules] = None) -> list[dict]:
    """Unmarked colon-introduced statements of a parsed doc (one record per paragraph)."""
    d, _ = _marked(doc, rules or load_rules())
    return [s for s in _statements(d) if s["kind"] != "prompt"]


def find_reported(doc: Doc, rules: Optional[QuoteRules] = None) -> list[dict]:
    """Reported speech of a parsed doc, outside its marked quotes and statements."""
    d, _ = _marked(doc, rules or load_rules())
    d.ranges += [(s["start"], s["end"]) for s in _statements(d)]
    return _reported(d)


def _link_lines(d: _Doc) -> list[tuple[int, int]]:
    """(start, end) of the lines opened by a link or caption label ("READ MORE: …", "Photo: …")."""
    out, pos = [], 0
    for line in d.text.split("\n"):
        m = re.match(r"\s*([A-Za-z][A-Za-z ]{1,30}?)\s*[:|\-–]", line)
        if m is not None and " ".join(m.group(1).lower().split()) in d.rules.link_labels:
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def extract_quotes(doc: Doc, rules: QuoteRules) -> list[dict]:
    """All quote records of a processed doc, sorted by start."""
    d, kept = _marked(doc, rules)
    statements = _statements(d)
    d.ranges += [(s["start"], s["end"]) for s in statements]
    statements = [s for s in statements if s["kind"] != "prompt"]  # a questioner's turn: covered, no row
    reported = _reported(d)

    out = []
    for q in kept:
        rec = dict(EMPTY)
        rec.update(q["attr"] or {})
        rec.update(start=q["start"], end=q["end"], kind="direct", text=q["text"])
        out.append(rec)
    out.extend(statements)
    out.extend(reported)
    ts, te = _title_range(d.text)
    if not any(ts <= rec["start"] < te for rec in out):
        out.extend(headline_attributions(d))  # "C: Goyal", "C - sources"
    headline_roles(d, out, (ts, te))  # "C, says Kano governor": the governor the body names

    # a headline quote with no speaker takes the speaker of a later quote with the same content
    for rec in out:
        if rec["speaker"] or rec.get("speaker_text") or not (ts <= rec["start"] < te):
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

    links = _link_lines(d)  # another story's headline or a caption: no quotes
    out = [rec for rec in out if not any(a <= rec["start"] < b for a, b in links)]
    out = finish(d, resolve_back_references(d, out))
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
