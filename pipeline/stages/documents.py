"""The documents stage: signed documents (``doc._.documents``) and bare signing events
(``doc._.signings``).

A document is recorded when the text reports it as signed (concluded, inked, exchanged,
adopted, initialled, formalised) at the reported event or earlier:

* list items after a signing lead-in ("... signed a set of documents as follows:",
  "the following agreements were signed:"), bulleted, numbered, "First: ... Second: ...",
  one per line or run together with semicolons, or a headline-style list (a document name
  on its own line followed by descriptive paragraphs);
* inline mentions tied to a signing verb: the verb's object ("signed a joint statement on
  ..."), the passive subject ("An agreement on X was signed", "..., which was signed by"),
  "the signing of a memorandum", a sentence-initial participle ("Signed today by A and B,
  this agreement ...");
* a later definite mention of the same document ("this new MOU", "the accord") is merged
  into the first record; the headline's mention fills in the body's record.

Planned, negated or conditional signings ("will sign", "expected to sign") give nothing;
plural or collective objects ("24 agreements were signed", "a package of documents") are
bare signing events (``doc._.signings``) with their count and value.

All word lists are in ``models/documents/`` (see its README). Other stages' data is read through
config keys (default: the standard place under models/): ``countries_table`` (the entities
stage's gazetteer), ``segmentation_dir`` (the segmenter's list markers), ``reporting_verbs_table``
(the quotes stage's verbs of saying) and ``units_table`` (the dates stage's calendar units). The
functions below take plain text (and a ``Lexicon``) where they can so that they are testable
without the model.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..core.paths import other_stage_path, stage_data_dir
from .entity_lookup import EntityIndex
from ..core.extensions import records
from ..core.countries import CountryIndex
from ..core.stage import Stage, read_lines, read_tsv
from ..core.text import alternation, fold, words_regex

ISO_VALUE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
DETERMINERS = frozenset({"a", "an", "the", "this", "that", "these", "those", "its", "their", "our", "his", "her",
                         "my", "your", "both", "such"})
DEFINITE = frozenset({"the", "this", "that", "these", "those", "its", "their", "our", "his", "her", "my", "your"})
NP_POS = frozenset({"DET", "ADJ", "NUM", "PROPN", "NOUN", "PART", "X", "SYM"})
NP_PUNCT = frozenset({"’", "'", "“", "”", '"', "-", "–", "(", ")", "«", "»", "‘", ",", "&"})
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
#: relative pronouns: a clause after a document name is not its description
RELATIVES = frozenset({"which", "that", "who"})
#: coordinators: a clause boundary when looking back from a verb for its modal
COORDINATORS = frozenset({"and", "or", "but"})
#: indefinite determiners: a new document, never a re-mention
INDEFINITE = frozenset({"a", "an", "one", "another"})
#: the two ways a document name introduces its parties: "between A and B" / "with B" (the other side signs)
PARTY_KINDS = ("between", "with")
#: sentences back that a signing without a time of its own continues (same occasion)
OCCASION_WINDOW = 2
BE_AUX = frozenset({"was", "were", "is", "are", "been", "be", "being", "has", "have", "had", "'s", "’s"})


_words_re = words_regex
_fold = fold
_alt = alternation


#: any determiner, as a regex alternation
DET_ALT = _alt(DETERMINERS)


# --------------------------------------------------------------------------- lexicon

@dataclass
class Lexicon:
    """The rule data, loaded once (plain picklable fields only)."""

    type_of: dict = field(default_factory=dict)        # folded lower form -> (doc_type, plural, anaphoric)
    type_re: re.Pattern = None
    agreement_like: frozenset = frozenset()            # doc_types an anaphoric mention may refer across
    acronyms: frozenset = frozenset()                  # folded lower forms that are abbreviations (MoU)
    collective: set = field(default_factory=set)
    collective_re: re.Pattern = None
    sign_forms: dict = field(default_factory=dict)     # form -> lemma
    sign_base: set = field(default_factory=set)
    verb_only: frozenset = frozenset()                 # signing lemmas that count only when tagged VERB
    sign_past_re: re.Pattern = None                    # past forms ("signed", "inked")
    sign_nouns: set = field(default_factory=set)
    modals: set = field(default_factory=set)
    negations: set = field(default_factory=set)
    nominal_planned_re: re.Pattern = None
    lead_cues_re: re.Pattern = None
    lead_alone_re: re.Pattern = None
    subject_markers: list = field(default_factory=list)
    heads: dict = field(default_factory=dict)          # plural lower -> (singular, kind)
    heads_alt: str = ""                                # the plural heads as a regex alternation
    side_re: re.Pattern = None                         # a singular party head ("side", "government")
    quantifiers: set = field(default_factory=set)
    time_anaphora: list = field(default_factory=list)
    today_re: re.Pattern = None
    stops: list = field(default_factory=list)
    numbers: dict = field(default_factory=dict)
    bullets: set = field(default_factory=set)
    ordinals: set = field(default_factory=set)
    country_name: dict = field(default_factory=dict)   # iso2 -> name
    country_of: dict = field(default_factory=dict)     # folded form -> iso2 (names, aliases, adjectives)
    country_names_only: dict = field(default_factory=dict)  # folded lower name/alias -> iso2
    capitals: set = field(default_factory=set)
    capital_of: dict = field(default_factory=dict)     # folded lower capital -> iso2
    based_re: re.Pattern = None                        # "Heilongjiang-based (food company) ": a base, no name
    person_title_re: re.Pattern = None
    relational: list = field(default_factory=list)
    event_words: dict = field(default_factory=dict)
    travel_re: re.Pattern = None                       # "visit to" / "trip to": the destination is a place
    np_adverbs: frozenset = frozenset()
    agent_stops: frozenset = frozenset()
    dangling: frozenset = frozenset()
    content_verbs: list = field(default_factory=list)
    generic_modifiers: set = field(default_factory=set)
    units: frozenset = frozenset()                     # calendar units ("year"): "ten-year" is a duration
    content_opener_re: re.Pattern = None               # "This (new) document" / "It" before a content verb
    current_words: frozenset = frozenset()             # "new": an opener naming the document just signed
    institution_re: re.Pattern = None
    inclusion_re: re.Pattern = None
    exchange_objects: dict = field(default_factory=dict)
    ceremony_res: list = field(default_factory=list)
    neg_det_re: re.Pattern = None
    cancelled_re: re.Pattern = None
    period_cues: list = field(default_factory=list)
    subject_trails: list = field(default_factory=list)
    country_re: re.Pattern = None
    adjective_re: re.Pattern = None
    event_links: set = field(default_factory=set)
    statement_verbs: set = field(default_factory=set)
    region_heads_re: re.Pattern = None
    adverb_re: re.Pattern = None                       # a sentence adverb opening a signer phrase
    appositive_heads: frozenset = frozenset()          # head nouns of a descriptor ("the national operator")
    company_suffixes: frozenset = frozenset()          # "Corporation", "JSC": a company name ends here
    relationship_words: frozenset = frozenset()        # "Partnership and Cooperation": a title, no subject
    site_nouns: frozenset = frozenset()                # "a plant in Atyrau": the object's site
    ranking_res: list = field(default_factory=list)    # "The largest of the deals is ...": no verb, an earlier signing
    unsigned_res: list = field(default_factory=list)   # "Another agreement is being negotiated": not signed
    particle_verbs: dict = field(default_factory=dict)  # "agreed" -> {"on", "upon"}: "agreed on a roadmap"
    earlier_res: list = field(default_factory=list)    # "previously", "already": a signing before the event
    provision_res: list = field(default_factory=list)  # "Under another deal, ...": a document of the signing

    @classmethod
    def load(cls, folder: Path, countries: Optional[Path] = None, segmentation: Optional[Path] = None,
             reporting_verbs: Optional[Path] = None, units: Optional[Path] = None) -> "Lexicon":
        """The rule data of ``folder`` (models/documents) and other stages' data: the country
        table, the segmenter's folder (list markers), the quotes stage's reporting verbs and the
        dates stage's calendar units; each defaults to its standard place under models/."""
        countries = countries or other_stage_path(None, "entities", "countries.tsv")
        segmentation = segmentation or other_stage_path(None, "segmentation")
        reporting_verbs = reporting_verbs or other_stage_path(None, "quotes", "reporting_verbs.tsv")
        units = units or other_stage_path(None, "dates", "units.tsv")
        lex = cls()
        agreement_like, acronyms = set(), set()
        for row in read_tsv(folder / "doc_types.tsv"):
            form = _fold(row["form"].strip().lower())
            anaph = row.get("anaphoric", "0").strip() == "1"
            lex.type_of[form] = (row["doc_type"].strip(), False, anaph)
            plurals = [_fold(pl.strip().lower()) for pl in (row.get("plural") or "").split("|") if pl.strip()]
            for pl in plurals:
                lex.type_of[pl] = (row["doc_type"].strip(), True, anaph)
            if (row.get("agreement_like") or "0").strip() == "1":
                agreement_like.add(row["doc_type"].strip())
            if (row.get("acronym") or "0").strip() == "1":
                acronyms |= {form, *plurals}
        lex.agreement_like, lex.acronyms = frozenset(agreement_like), frozenset(acronyms)
        lex.type_re = _words_re(lex.type_of)
        lex.collective = {w.lower() for w in read_lines(folder / "collective_nouns.txt")}
        lex.collective_re = _words_re(lex.collective)
        verb_only = set()
        for row in read_tsv(folder / "signing_verbs.tsv"):
            for form in row["forms"].split("|"):
                lex.sign_forms[form.strip().lower()] = row["lemma"].strip()
            lex.sign_base |= {b.strip().lower() for b in row["base"].split("|") if b.strip()}
            if (row.get("verb_only") or "0").strip() == "1":
                verb_only.add(row["lemma"].strip())
        lex.verb_only = frozenset(verb_only)
        lex.sign_past_re = _words_re(f for f in lex.sign_forms if f.endswith("ed"))
        lex.sign_nouns = {w.lower() for w in read_lines(folder / "signing_nouns.txt")}
        nominal, neg_det, cancelled = [], [], []
        for row in read_tsv(folder / "planned_cues.tsv"):
            cue, kind = row["cue"].strip().lower(), row["kind"].strip()
            if kind == "modal":
                lex.modals.add(cue)
            elif kind == "negation":
                lex.negations.add(cue)
            elif kind == "to":
                lex.modals.add("to")
            elif kind == "nominal":
                nominal.append(cue)
            elif kind == "determiner":
                neg_det.append(cue)
            elif kind == "cancelled_after":
                cancelled.append(cue)
        lex.neg_det_re = re.compile(r"^\s*(?:" + "|".join(re.escape(c) for c in neg_det) + r")\s", re.I) \
            if neg_det else re.compile(r"(?!x)x")
        lex.cancelled_re = re.compile(r"\b(?:was|were|has been|have been|had been|is|are|is being|being)\s+"
                                      r"(?:\w+\s+)?(?:" + "|".join(re.escape(c) for c in cancelled) + r")\b", re.I) \
            if cancelled else re.compile(r"(?!x)x")
        lex.nominal_planned_re = _words_re(nominal)
        cues = read_tsv(folder / "lead_in_cues.tsv")
        lex.lead_cues_re = _words_re(r["cue"].strip() for r in cues)
        lex.lead_alone_re = _words_re(r["cue"].strip() for r in cues if (r.get("alone") or "0").strip() == "1")
        lex.subject_markers = sorted((m.lower() for m in read_lines(folder / "subject_markers.txt")),
                                     key=len, reverse=True)
        for row in read_tsv(folder / "party_heads.tsv"):
            lex.heads[row["plural"].strip().lower()] = (row["singular"].strip(), row["kind"].strip())
        lex.heads_alt = _alt(lex.heads)
        lex.side_re = re.compile(r"\s+(?:" + _alt(s.lower() for s, _ in lex.heads.values()) + r")\b", re.I)
        lex.relational = [w.lower() for w in read_lines(folder / "relational_nouns.txt")]
        events = read_tsv(folder / "event_words.tsv")
        lex.event_words = {r["noun"].strip().lower(): [f.strip() for f in r["forms"].split("|") if f.strip()]
                           for r in events}
        travel = [r["noun"].strip().lower() for r in events if (r.get("destination") or "0").strip() == "1"]
        lex.travel_re = re.compile(r"\b(?:in|at|(?:" + _alt(travel) + r")\s+to)\s+(?:the\s+)?$") if travel \
            else re.compile(r"\b(?:in|at)\s+(?:the\s+)?$")
        lex.np_adverbs = frozenset(w.lower() for w in read_lines(folder / "np_adverbs.txt"))
        lex.agent_stops = frozenset(w.lower() for w in read_lines(folder / "agent_stops.txt"))
        lex.dangling = frozenset(w.lower() for w in read_lines(folder / "dangling_words.txt"))
        lex.content_verbs = [(r["verb"].strip(), (r.get("marker") or "").strip())
                             for r in read_tsv(folder / "content_verbs.tsv")]
        lex.generic_modifiers = {w.lower() for w in read_lines(folder / "generic_modifiers.txt")}
        lex.units = frozenset(r["surface"].strip().lower() for r in read_tsv(units)) if units.exists() else frozenset()
        openers = read_tsv(folder / "content_openers.tsv")
        dets = [r["opener"].strip() for r in openers if r["kind"].strip() == "determiner"]
        lex.current_words = frozenset(r["opener"].strip().lower() for r in openers if r["kind"].strip() == "current")
        prons = [r["opener"].strip() for r in openers if r["kind"].strip() == "pronoun"]
        nouns = _alt(list(lex.type_of) + sorted(lex.collective))
        mods = rf"(?:(?:{_alt(lex.generic_modifiers)})\s+)*" if lex.generic_modifiers else ""
        alts = ([rf"(?:{_alt(dets)})\s+{mods}(?:{nouns})"] if dets else []) + ([_alt(prons)] if prons else [])
        lex.content_opener_re = re.compile(r"\s*(?:" + "|".join(alts) + r")\s+", re.I) if alts \
            else re.compile(r"(?!x)x")
        lex.institution_re = _words_re(read_lines(folder / "institution_words.txt"), flags=0)
        lex.inclusion_re = _words_re(read_lines(folder / "inclusion_cues.txt"))
        lex.ceremony_res = [re.compile(p, re.I) for p in read_lines(folder / "ceremony_cues.txt")]
        lex.exchange_objects = {r["form"].strip().lower(): r["doc_type"].strip()
                                for r in read_tsv(folder / "exchange_objects.tsv")}
        lex.period_cues = [re.compile(p, re.I) for p in read_lines(folder / "period_cues.txt")]
        lex.subject_trails = [re.compile(p, re.I) for p in read_lines(folder / "subject_trails.txt")]
        lex.person_title_re = _words_re(read_lines(folder / "person_titles.txt"), flags=0)
        lex.quantifiers = {w.lower() for w in read_lines(folder / "collective_quantifiers.txt")}
        lex.time_anaphora = [re.compile(p, re.I) for p in read_lines(folder / "time_anaphora.txt")]
        lex.today_re = _words_re(read_lines(folder / "today_cues.txt"))
        lex.event_links = {w.lower() for w in read_lines(folder / "event_links.txt")}
        # the quotes stage's verbs introducing speech, except the signing verbs ("concluded")
        lex.statement_verbs = {r["lemma"].strip().lower() for r in read_tsv(reporting_verbs)
                               if r["introduces_speech"].strip() == "yes"} - set(lex.sign_forms.values()) \
            if reporting_verbs.exists() else set()
        lex.region_heads_re = re.compile(r"^\s+(?:" + "|".join(re.escape(w) for w in read_lines(folder / "region_heads.txt"))
                                         + r")\b", re.I)
        lex.stops = [re.compile(p) for p in read_lines(folder / "description_stops.txt")]
        adverbs = read_lines(folder / "sentence_adverbs.txt")
        lex.adverb_re = re.compile(r"^\s*(?:" + _alt(adverbs) + r")\s*,?\s+", re.I) if adverbs \
            else re.compile(r"(?!x)x")
        based = read_lines(folder / "base_words.txt")
        lex.based_re = re.compile(r"(?P<place>[A-Z][\w.'’]*(?:[\s-][A-Z][\w.'’]*){0,3})-(?:" + _alt(based)
                                  + r")\s+(?:[a-z][\w-]*\s+)*(?=[A-Z0-9])") if based else re.compile(r"(?!x)x")
        lex.appositive_heads = frozenset(w.lower() for w in read_lines(folder / "appositive_heads.txt"))
        lex.company_suffixes = frozenset(read_lines(folder / "company_suffixes.txt"))
        lex.relationship_words = frozenset(w.lower() for w in read_lines(folder / "relationship_words.txt"))
        lex.site_nouns = frozenset(w.lower() for w in read_lines(folder / "site_nouns.txt"))
        lex.ranking_res = [re.compile(p, re.I) for p in read_lines(folder / "ranking_openers.txt")]
        lex.unsigned_res = [re.compile(p, re.I) for p in read_lines(folder / "unsigned_cues.txt")]
        lex.particle_verbs = {r["form"].strip().lower(): {w.strip().lower() for w in r["particles"].split("|") if w.strip()}
                              for r in read_tsv(folder / "agreement_verbs.tsv")}
        lex.earlier_res = [re.compile(p, re.I) for p in read_lines(folder / "earlier_cues.txt")]
        lex.provision_res = [re.compile(p, re.I) for p in read_lines(folder / "provision_openers.txt")]
        lex.numbers = {r["word"].strip().lower(): int(r["value"]) for r in read_tsv(folder / "number_words.tsv")}
        if (segmentation / "bullets.txt").exists():
            lex.bullets = set(read_lines(segmentation / "bullets.txt"))
            lex.ordinals = {w.lower() for w in read_lines(segmentation / "ordinals.txt")}
        index = CountryIndex.load(countries, countries.parent / "former_states.tsv")
        lex.country_name = dict(index.name_of)
        lex.country_of = index.forms(("names", "adjectives"))
        lex.country_names_only = index.forms(("names",), case=False)
        adjectives = index.forms(("adjectives",))
        lex.capital_of = index.forms(("capitals",), case=False)
        lex.capitals = set(lex.capital_of)
        lex.country_re = _words_re(lex.country_of, flags=0)
        lex.adjective_re = _words_re(adjectives, flags=0)
        return lex

    # small lookups -------------------------------------------------------------------
    def doc_type(self, form: str):
        return self.type_of.get(_fold(form.lower()))

    def country_in(self, text: str) -> Optional[str]:
        """The ISO2 code of the first country name/alias/adjective in ``text``."""
        m = self.country_re.search(_fold(text))
        return self.country_of.get(m.group(0)) if m else None

    def is_country_name(self, text: str) -> Optional[str]:
        t = _fold(strip_the(text)).strip().lower()
        return self.country_names_only.get(t)


# --------------------------------------------------------------------------- pure text helpers

def strip_the(text: str) -> str:
    return re.sub(r"^(?:the|The|THE)\s+", "", text.strip())


def trim_span(text: str, start: int, end: int, chars: str = " \t\n;.,:") -> tuple[int, int]:
    """Shrink [start, end) of ``text`` past surrounding whitespace and the given punctuation."""
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end


@functools.lru_cache(maxsize=8)
def _folded(text: str) -> str:
    """``fold(text)``, remembered: find_types is called on the same article text once per
    list item and sentence, and folding it each time was quadratic on long lists."""
    return _fold(text)


def find_types(text: str, lex: Lexicon, start: int = 0, end: Optional[int] = None) -> list[dict]:
    """Document-type forms in text[start:end]: dicts start, end, form, doc_type, plural, anaphoric."""
    end = len(text) if end is None else end
    out = []
    for m in lex.type_re.finditer(_folded(text), start, end):
        doc_type, plural, anaph = lex.doc_type(m.group(0))
        out.append({"start": m.start(), "end": m.end(), "form": text[m.start():m.end()],
                    "doc_type": doc_type, "plural": plural, "anaphoric": anaph})
    return out


def classify_type(text: str, lex: Lexicon) -> Optional[str]:
    """The doc_type of the first (singular) document form in ``text``, None if there is none."""
    for t in find_types(text, lex):
        return None if t["plural"] else t["doc_type"]
    return None


def list_marker(text: str, lex: Lexicon) -> Optional[re.Match]:
    """A list marker at the start of ``text`` (after spaces): bullet, number, ordinal with colon."""
    bullets = "|".join(re.escape(b) for b in sorted(lex.bullets, key=len, reverse=True)) or r"•"
    ordinals = "|".join(re.escape(o) for o in sorted(lex.ordinals, key=len, reverse=True)) or "first"
    pattern = (rf"^\s*(?:(?:{bullets})\s+|\(?(?:\d{{1,3}}|[a-zA-Z]|[ivxIVX]{{1,4}})[.)]\s+|(?i:{ordinals})\s*:\s*)")
    return re.match(pattern, text)


def split_items(block: str, lex: Lexicon, offset: int = 0) -> list[tuple[int, int]]:
    """Items of a run-together list: split at semicolons and inline markers ("; Second: ...",
    "; 2. ...", " • ..."); each item trimmed of its marker, a leading "and" and final
    punctuation. Returns (start, end) offsets (plus ``offset``)."""
    bullets = "|".join(re.escape(b) for b in sorted(lex.bullets, key=len, reverse=True)) or r"•"
    ordinals = "|".join(re.escape(o) for o in sorted(lex.ordinals, key=len, reverse=True)) or "first"
    # separators: ";" and newlines; inline markers after one of them or after ". "/": "
    sep = re.compile(rf"\s*;\s*|\n+|(?:(?<=[.:])|(?<=^))\s*(?=(?:(?i:{ordinals})\s*:|\(?\d{{1,3}}[.)]\s|(?:{bullets})\s))")
    out = []
    pos = 0
    pieces = []
    for m in sep.finditer(block):
        if m.start() == m.end() == pos and pos == 0:
            continue
        pieces.append((pos, m.start()))
        pos = m.end()
    pieces.append((pos, len(block)))
    for s, e in pieces:
        seg = block[s:e]
        mk = list_marker(seg, lex)
        if mk:
            s += mk.end()
        lead = re.match(r"\s*(?:and|or)\s+", block[s:e])
        if lead:
            s += lead.end()
        cut = re.search(r"(?<![A-Z])\.\s+(?=[A-Z])", block[s:e])
        if cut:
            e = s + cut.start()
        s, e = trim_span(block, s, e)
        if e > s:
            out.append((s + offset, e + offset))
    return out


_SPACES = re.compile(r"\s*")
_WORD = re.compile(r"\S+")


def _marker_at(text: str, pos: int, lex: Lexicon, party_zone: bool) -> Optional[tuple[int, int]]:
    """A subject marker starting at ``pos``: (marker start, subject start) or None. Reads only
    the words after ``pos`` (slicing the rest of the text was quadratic on long lists)."""
    longest = max(map(len, lex.subject_markers), default=0)
    low = text[pos:pos + longest + 1].lower()
    for mk in lex.subject_markers:
        if low.startswith(mk) and (len(low) == len(mk) or not low[len(mk)].isalnum()):
            rest_start = _SPACES.match(text, pos + len(mk)).end()
            if rest_start >= len(text):
                return None
            space = text.find(" ", rest_start)
            nxt = text[rest_start:space if space != -1 else len(text)]
            if mk in ("for", "to", "about") or (party_zone and mk != "on"):
                # a party name goes on: "Agency for Strategic Planning", "Centre for ..."
                words = [w.group() for w, _ in zip(_WORD.finditer(text, rest_start), range(2))]
                first = words[1] if words and words[0].lower() == "the" and len(words) > 1 else nxt
                if party_zone and first[:1].isupper() and mk in ("for", "to", "about"):
                    return None
            return pos, rest_start
    return None


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


def parse_after_type(text: str, type_end: int, end: int, lex: Lexicon,
                     protected: list[tuple[int, int]] = ()) -> dict:
    """What follows a document name within text[type_end:end]: the parties ("between A and
    B" / "with B") and the subject ("on X", "in the field of X", "to X"). Returns offsets:
    {"parties": (s, e) or None, "party_kind": "between"|"with"|None, "subject": (s, e) or None}."""
    out = {"parties": None, "party_kind": None, "subject": None}
    pos = type_end
    # skip spaces and a parenthesised short form "(MOU)"
    while True:
        m = re.match(r"\s*\([^()]{1,40}\)", text[pos:end])
        if m:
            pos += m.end()
            continue
        break
    ws = re.match(r"\s*", text[pos:end])
    pos += ws.end()
    low = text[pos:end].lower()
    kind = next((k for k in PARTY_KINDS if low.startswith(k + " ")), None)
    if kind:
        zone_start = pos + len(kind) + 1
        j = zone_start
        zone_end = end
        while j < end:
            if text[j - 1] == " " and (not any(s <= j < e for s, e in protected) or _after_country(text, j, lex)):
                mk = _marker_at(text, j, lex, party_zone=True)
                if mk and j > zone_start:
                    zone_end = j - 1
                    break
            j += 1
        ps, pe = trim_span(text, zone_start, zone_end)
        if pe > ps:
            out["parties"], out["party_kind"] = (ps, pe), kind
        pos = zone_end
        pos += len(re.match(r"\s*", text[pos:end]).group(0))
    mk = _marker_at(text, pos, lex, party_zone=False) if pos < end else None
    if not mk and not kind and pos < end:
        # "Programme of economic cooperation", "Treaty of Friendship": "of" + a bare noun phrase
        # (not "of the two leaders", "of Kazakhstan", "of the Government of X")
        om = re.match(r"of\s+(?=[\w’'-])", text[pos:end])
        if om:
            nxt = text[pos + om.end():end]
            head = re.split(r",|\s+(?:between|with)\s", nxt)[0]
            words = re.findall(r"[\w’'-]+", head)
            titled = bool(words) and words[0][:1].isupper() and all(
                w.lower() in lex.relationship_words or w.lower() in ("and", "of") for w in words)
            if not re.match(rf"(?:{DET_ALT})\b", nxt, re.I) \
                    and not lex.country_re.match(_fold(nxt)) and not lex.institution_re.match(nxt) and not titled:
                # (a capitalised relationship name is no subject: "Treaty of Good-Neighbourliness")
                mk = (pos, pos + om.end())
            elif titled and re.match(r"\s+(?:between|with)\s", nxt[len(head):]):
                # "Programme of Cooperation between the Ministry of X and the Ministry of Y for 2025-2027":
                # the title is a name; the between-phrase after it names the parties
                rest = parse_after_type(text, pos + om.end() + len(head), end, lex, protected)
                if rest["parties"]:
                    return rest
    if mk:
        ss, se = trim_span(text, mk[1], end)
        if se > ss:
            out["subject"] = (ss, se)
    return out


def _after_country(text: str, j: int, lex: Lexicon) -> bool:
    """Does text[:j] end with "of (the) <country>" (an institution name complete with its
    country: "Ministry of Energy of Kyrgyzstan | on the Kambarata HPP")? A subject marker there
    opens the subject even when an entity span runs on over it."""
    m = re.search(r"\bof\s+(?:the\s+)?(\S+(?:\s+\S+){0,3}?)\s+$", _fold(text[max(0, j - 60):j]))
    if not m:
        return False
    tail = m.group(1)
    cm = lex.country_re.search(tail)
    return bool(cm) and cm.end() == len(tail) and lex.is_country_name(tail[cm.start():]) is not None


def parse_subject(text: str, lex: Lexicon) -> Optional[str]:
    """The subject of a document description ("Agreement between A and B on X;" -> "X")."""
    for t in find_types(text, lex):
        r = parse_after_type(text, t["end"], len(text), lex)
        return text[r["subject"][0]:r["subject"][1]] if r["subject"] else None
    return None


def split_conjuncts(text: str, start: int, end: int, protected: list[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """Split a list of parties text[start:end] at ", " / " and " / " as well as " outside the
    protected spans (entity mentions). When the list joins parties with "and the", only that
    join splits, so that "Agency for Planning and Reform" stays whole. An "and" between two
    lowercase words ("Uzbekistan's state oil and gas company Uzbekneftegaz") joins the words of
    a descriptor, not two parties (a party is a name, or a determiner/number + a common noun)."""
    zone = text[start:end]
    strong = re.compile(r"\s*,\s*(?:and\s+)?(?=the\s)|\s+(?:and|as well as|&)\s+(?=the\s)", re.I)
    weak = re.compile(r"\s*,\s*(?:and\s+)?|\s+(?:and|as well as|&)\s+", re.I)
    seps = list(strong.finditer(zone))
    if not seps or not re.match(r"the\s", zone, re.I):
        seps = list(weak.finditer(zone))
    cuts = []
    for m in seps:
        a = start + m.start()
        if any(s < a < e for s, e in protected):
            continue
        if "," not in m.group(0):
            left = re.search(r"([\w’'-]+)\s*$", zone[:m.start()])
            right = re.match(r"\s*([\w’'-]+)", zone[m.end():])
            if left and right and left.group(1).islower() and right.group(1).islower() \
                    and right.group(1).isalpha() and right.group(1).lower() not in DETERMINERS:
                continue  # "oil and gas company X": one descriptor
        cuts.append((start + m.start(), start + m.end()))
    out, pos = [], start
    for a, b in cuts:
        s, e = trim_span(text, pos, a)
        if e > s:
            out.append((s, e))
        pos = b
    s, e = trim_span(text, pos, end)
    if e > s:
        out.append((s, e))
    return out


def adjective_parties(text: str, lex: Lexicon) -> Optional[list[dict]]:
    """"the Kazakh and Russian Governments" -> Government of Kazakhstan, Government of Russia;
    "the Kazakh and Russian presidents" -> Kazakhstan, Russia. None if not that pattern."""
    t = _fold(strip_the(text))
    m = re.match(rf"^(.+?)\s+({lex.heads_alt})$", t, re.I)
    if not m:
        return None
    adjs = [a for a in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", m.group(1)) if a]
    isos = []
    for a in adjs:
        am = lex.adjective_re.fullmatch(a) or lex.country_re.fullmatch(a)
        if not am:
            return None
        isos.append(lex.country_of[am.group(0)])
    if len(isos) < 2:
        return None
    singular, kind = lex.heads[m.group(2).lower()]
    out = []
    for iso in isos:
        name = lex.country_name.get(iso, iso)
        out.append({"party": f"{singular} of {name}" if kind == "institution" else name,
                    "party_entity_id": None, "country": iso})
    return out


def collective_head(text: str, lex: Lexicon) -> Optional[tuple[str, str]]:
    """"the two sides" / "both Governments" / "the two countries' delegates" -> (singular, kind)."""
    t = _fold(text).strip().lower()
    heads, quant = lex.heads_alt, _alt(lex.quantifiers)
    # an optional possessor that is itself a party head ("the two countries' delegates")
    # ... and an optional "of the two countries" naming the sides ("the ministries of energy of the two countries")
    m = re.match(rf"^(?:(?:{quant})\s+)+(?:(?:{heads})'\s+)?({heads})(?:\s+of\s+([a-z][a-z ,-]*?))?"
                 rf"(?:\s+of\s+(?:(?:{quant})\s+)+(?:{heads}))?$", t)
    if not m:
        return None
    singular, kind = lex.heads[m.group(1)]
    if m.group(2) and kind == "institution":
        # "the ministries of agriculture" -> each side's "Ministry of Agriculture"
        return f"{singular} of " + " ".join(w if w in ("and", "of", "the") else w.capitalize()
                                             for w in m.group(2).split()), kind
    if m.group(2):
        return None
    return singular, kind


def count_of(text: str, lex: Lexicon) -> Optional[int]:
    """The number stated in a collective object ("24 agreements", "two memoranda")."""
    for w in re.findall(r"[\w,]+", text):
        w2 = w.replace(",", "")
        if w2.isdigit() and len(w2) <= 4:
            return int(w2)
        if w.lower() in lex.numbers:
            return lex.numbers[w.lower()]
    return None


# --------------------------------------------------------------------------- doc-level analysis

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


class Analyzer:
    """One document's analysis (built per doc; holds the doc and its indexes)."""

    def __init__(self, doc: Doc, lex: Lexicon):
        self.doc, self.lex, self.text = doc, lex, doc.text
        self.ents = EntityIndex(doc)
        self.sents = list(doc.sents)
        self._sent_starts: Optional[list[int]] = None   # for sent_of, built on first use
        self.record_starts = StartIndex(lambda r: r.start)
        self.signing_starts = StartIndex(lambda g: g["start"])
        self.dates = [d for d in records(doc, "dates") if d.get("value") and ISO_VALUE.match(str(d["value"]))]
        self.money = records(doc, "money")
        self.quotes = [q for q in records(doc, "quotes") if q.get("start") is not None]
        self.published = getattr(doc._, "published", None)
        self.records: list[Mention] = []
        self.signings: list[dict] = []
        self.events: list[dict] = []   # signing occasions found so far: sentence, date, place
        self.consumed: list[tuple[int, int]] = []
        self.title_end = self._title_end()
        self.dateline_end = self._dateline_end()

    # ---------------------------------------------------------------- helpers
    def _title_end(self) -> int:
        text = self.text
        first = text.lstrip()
        lead = len(text) - len(first)
        nl = text.find("\n", lead)
        line = text[lead:nl if nl != -1 else len(text)].rstrip()
        if line and line[-1] not in ".!?:;" and len(line.split()) <= 25 and nl != -1:
            return lead + len(line)
        return 0

    def _dateline_end(self) -> int:
        """The offset after a wire dateline opening the body ("TASHKENT, May 14 (Xinhua) -- "),
        else 0: its date is the filing day, not the time of what the sentence reports."""
        first = self.text[self.title_end:].lstrip()
        off = len(self.text) - len(first)
        m = re.match(r"[A-Z][\w .'-]{1,40}?(?:,\s*[A-Z][\w.]*)?,\s*[A-Z][a-z]{2,}\.?\s+\d{1,2}(?:,\s*\d{4})?"
                     r"\s*(?:\([^()]{1,30}\)\s*)?[-–—]+\s", first)
        return off + m.end() if m else 0

    def sent_of(self, char: int) -> int:
        """The sentence holding ``char`` (the last sentence for a char between sentences)."""
        if self._sent_starts is None:
            self._sent_starts = [s.start_char for s in self.sents]
        i = bisect.bisect_right(self._sent_starts, char) - 1
        if i >= 0 and char < self.sents[i].end_char:
            return i
        return len(self.sents) - 1

    def protected(self, start: int, end: int) -> list[tuple[int, int]]:
        return [(m["start"], m["end"]) for m in self.ents.overlapping(start, end)
                if m["label"] in ("ORG", "GPE", "FAC", "NORP", "PERSON", "LOC", "WORK_OF_ART", "LAW")]

    def country_of_iso(self, iso: Optional[str]) -> Optional[str]:
        return self.lex.country_name.get(iso) if iso else None

    def gpe_entity(self, iso: str) -> Optional[int]:
        for m in self.ents.mentions:
            if m["label"] == "GPE" and (m.get("country") == iso or self.lex.is_country_name(m.get("canonical") or m["text"]) == iso) \
                    and self.lex.is_country_name(m.get("canonical") or m["text"]):
                return m["entity_id"]
        return None

    # ---------------------------------------------------------------- parties
    def resolve_party(self, s: int, e: int) -> Optional[dict]:
        """A party dict for text[s:e]; {"party": None, ...} for a person of unknown country;
        {"collective": (singular, kind)} for "the two sides"."""
        text = self.text
        # drop a trailing parenthesised short form and a leading article
        m = re.search(r"\s*\([^()]{1,40}\)\s*$", text[s:e])
        if m:
            e = s + m.start()
        lead = re.match(r"(?:the|The)\s+", text[s:e])
        with_the = text[s:e]
        if lead:
            s += lead.end()
        s, e = trim_span(text, s, e, " \t\n;.,:'\"’")
        if e <= s:
            return None
        raw = text[s:e]
        if self.lex.adverb_re.match(raw + " "):
            return None  # "Separately, ...": a sentence adverb, not a signer
        bm = self.lex.based_re.match(raw)
        if bm and s + bm.end() < e:
            # "Heilongjiang-based Jinlong Food", "the Almaty-based lender Kaspi Bank": the base is no name
            p = self.resolve_party(s + bm.end(), e)
            if p and p.get("party") and not p.get("country"):
                p["country"] = self.place_country(s + bm.start("place"), s + bm.end("place"))
            return p
        for m in self.ents.overlapping(s, e):
            # "Kazakh Invest national company": the name without a descriptor written after it
            if m["label"] in ("ORG", "FAC") and m["start"] <= s + 1 and s < m["end"] < e:
                tail = text[m["end"]:e].split()
                if tail and all(re.match(r"[a-z][\w-]*$", w) for w in tail) \
                        and tail[-1].lower() in self.lex.appositive_heads:
                    e = m["end"]
                    raw = text[s:e]
                break
        if any(d["start"] <= s and d["end"] >= e for d in records(self.doc, "dates")):
            return None  # "Today, A and B signed": a time, not a signer
        coll = collective_head(raw, self.lex) or (collective_head(with_the.strip(), self.lex) if lead else None)
        if coll:
            return {"collective": coll}
        mentions = [m for m in self.ents.overlapping(s, e) if m["start"] >= s - 4 and m["end"] <= e + 1]
        whole = [m for m in mentions if m["start"] <= s + 1 and m["end"] >= e - 1]
        if not whole:
            # a legal form before the name ("JSC Samruk-Kazyna", "PJSC Gazprom")
            whole = [m for m in mentions if m["end"] >= e - 1 and m["label"] in ("ORG", "FAC")
                     and re.fullmatch(r"[A-Z]{2,5}\s+", text[s:m["start"]])]
        iso_name = self.lex.is_country_name(raw)
        if iso_name:
            return {"party": self.lex.country_name[iso_name], "party_entity_id": self._eid(whole) or self.gpe_entity(iso_name),
                    "country": iso_name}
        persons = [m for m in mentions if m["label"] == "PERSON" and not self.lone_name(m)]
        orgs = [m for m in mentions if m["label"] in ("ORG", "GPE", "NORP", "FAC")]
        if whole and whole[0]["label"] == "GPE":
            iso = whole[0].get("country") or self.lex.country_in(whole[0].get("canonical") or raw)
            name = self.country_of_iso(iso) or whole[0].get("canonical") or raw
            return {"party": name, "party_entity_id": whole[0]["entity_id"], "country": iso}
        last = re.search(r"[A-Z][\w’'.-]*$", raw)
        titled = bool(last) and bool(self.lex.person_title_re.search(raw)) and not any(
            m["label"] in ("ORG", "GPE", "FAC") and m["start"] <= s + last.start() < m["end"] for m in mentions)
        if titled and not (persons and persons[-1]["end"] >= e - 1):
            persons = [{"start": e, "end": e, "country": None}]
        if persons and persons[-1]["end"] >= e - 1 and not (whole and whole[0]["label"] in ("ORG", "FAC")):
            person = persons[-1]
            iso = person.get("country")
            if not iso:
                before = text[s:person["start"]]
                iso = self.lex.country_in(before)
                if not iso:
                    m2 = re.search(r"\bof\s+(?:the\s+)?(.+)$", text[person["end"]:e])
                    iso = self.lex.country_in(m2.group(1)) if m2 else None
            if iso:
                return {"party": self.lex.country_name.get(iso, iso), "party_entity_id": self.gpe_entity(iso), "country": iso}
            return {"party": None, "party_entity_id": None, "country": None, "person": raw}
        if not mentions and raw[:1].isupper() and len(raw.split()) <= 2 and not self.lex.country_in(raw) \
                and not self.lex.institution_re.search(raw) and self.person_word(raw):
            # a bare surname the NER missed ("Medvedev" after "Dmitri Medvedev"): a person of unknown country
            return {"party": None, "party_entity_id": None, "country": None, "person": raw}
        desc = self.described_name(s, e, raw, mentions)
        if desc is not None:
            return desc
        iso = None
        if whole and whole[0].get("country"):
            iso = whole[0]["country"]
        if not iso:
            for m in orgs:
                if m.get("country"):
                    iso = m["country"]
                    break
        if not iso:
            iso = self.lex.country_in(raw)
        return {"party": raw, "party_entity_id": self._eid(whole), "country": iso}

    def place_country(self, s: int, e: int) -> Optional[str]:
        """The country of the place text[s:e]: a country name or adjective, a capital, or the
        country the entities stage gives its mention."""
        name = _fold(self.text[s:e]).strip()
        iso = self.lex.is_country_name(name) or (self.lex.country_of[name] if self.lex.adjective_re.fullmatch(name)
                                                  else None) or self.lex.capital_of.get(name.lower())
        if iso:
            return iso
        return next((m.get("country") for m in self.ents.overlapping(s, e)
                     if m["label"] in ("GPE", "LOC") and m.get("country")), None)

    def lone_name(self, m: dict) -> bool:
        """A one-word PERSON mention of no known country that no fuller person name of the
        article contains ("Cameco and Kazatomprom signed"): a signer named so is an organisation
        (people are introduced by their full name before a surname alone signs)."""
        if m.get("country") or len(m["text"].split()) != 1:
            return False
        word = _fold(m["text"]).lower()
        for o in self.ents.mentions:
            if o["label"] == "PERSON" and len((o.get("canonical") or o["text"]).split()) > 1:
                words = {w.lower() for w in re.findall(r"[\w'’-]+", _fold(o["text"] + " " + (o.get("canonical") or "")))}
                if word in words:
                    return False
        return not self.lex.person_title_re.search(self.text[max(0, m["start"] - 40):m["start"]])

    def person_word(self, raw: str) -> bool:
        """Is ``raw`` (or its last word) a word of a person the article names?"""
        last = _fold(raw.split()[-1]).lower()
        for m in self.ents.mentions:
            if m["label"] == "PERSON":
                words = {w.lower() for w in re.findall(r"[\w'’-]+", _fold(m["text"] + " " + (m.get("canonical") or "")))}
                if last in words:
                    return True
        return False

    def described_name(self, s: int, e: int, raw: str, mentions: list) -> Optional[dict]:
        """A name after a descriptor ("Kazakhstan's national oil company KazMunayGas", "Italy's
        Eni", "Chinese carmaker Geely"): the party is the name; its country is the entity's, else
        the descriptor's country."""
        m = re.match(r"^(?:(?P<poss>[A-Z][\w .'’-]*?)['’]s\s+(?:[a-z][\w-]*\s+)*|(?P<adj>[A-Z][\w-]*)\s+(?:[a-z][\w-]*\s+)+)"
                     r"(?P<name>[A-Z][\w'’&.-]*(?:\s+(?:(?:of|and|&|for)\s+)?[A-Z0-9][\w'’&.-]*){0,5})$", _fold(raw))
        if not m:
            return None
        iso = None
        if m.group("poss"):
            iso = self.lex.is_country_name(m.group("poss"))
            if not iso:
                return None
        else:
            am = self.lex.adjective_re.fullmatch(m.group("adj"))
            if not am:
                return None
            iso = self.lex.country_of[am.group(0)]
        ns = s + m.start("name")
        name = self.text[ns:e]
        ent = next((x for x in mentions if x["start"] <= ns + 1 and x["end"] >= e - 1
                    and x["label"] in ("ORG", "FAC", "GPE")), None)
        if ent is None and any(x["label"] == "PERSON" and x["start"] >= ns - 1 and not self.lone_name(x)
                               for x in mentions):
            return None
        return {"party": name, "party_entity_id": ent["entity_id"] if ent else None,
                "country": (ent.get("country") if ent else None) or iso}

    @staticmethod
    def _eid(whole: list) -> Optional[int]:
        return whole[0]["entity_id"] if whole else None

    def parties_from_zone(self, s: int, e: int, pos: int) -> list[dict]:
        adj = adjective_parties(self.text[s:e], self.lex)
        if adj:
            return adj
        out = []
        pieces = self.split_names(split_conjuncts(self.text, s, e, self.protected(s, e)))
        for n, (a, b) in enumerate(pieces):
            if n and "," in self.text[pieces[n - 1][1]:a] and self.appositive(a, b):
                # "KTZ, the national railway operator, and COSCO": a descriptor of the name before
                iso = self.lex.country_in(self.text[a:b])
                if out and out[-1].get("party") and iso and not out[-1].get("country"):
                    out[-1]["country"] = iso
                    out[-1].pop("unrecognised", None)
                continue
            p = self.resolve_party(a, b)
            if p is None:
                continue
            if "collective" in p:
                out.extend(self.resolve_collective(p["collective"], pos))
            else:
                if p.get("party") and p.get("country") is None and not any(
                        m["label"] in ("ORG", "GPE", "NORP", "FAC", "PERSON", "LOC") for m in self.ents.overlapping(a, b)):
                    p["unrecognised"] = True
                out.append(p)
        return self.context_country(self.fill_unknown(out, pos), pos)

    def named_sides(self, s: int, e: int, least: int = 2) -> bool:
        """Does text[s:e] (after "between") list names only, the parties of the document it
        follows ("an agreement on X between Chile and Peru", "... between KTZ and COSCO") rather
        than what the subject relates ("relations between Kazakhstan and China to the level of",
        "the railway between Tacheng and Ayagoz", "transport between China and Europe by rail")?
        Each conjunct is a capitalised name (of/for/and/the inside), no capital city, region or
        other location."""
        pieces = split_conjuncts(self.text, s, e, self.protected(s, e))
        if len(pieces) < least:
            return False
        for a, b in pieces:
            seg = strip_the(self.text[a:b])
            if not re.fullmatch(r"[A-Z][\w'’&.-]*(?:\s+(?:(?:of|for|and|the|de|&)\s+)*[A-Z0-9][\w'’&.-]*)*", _fold(seg)):
                return False
            ents = [m for m in self.ents.overlapping(a, b)]
            whole = [m for m in ents if m["start"] <= a + 4 and m["end"] >= b - 1]
            if _fold(seg).lower() in self.lex.capitals or any(m["label"] == "LOC" for m in whole) or \
                    self.lex.region_heads_re.match(" " + seg.split()[-1]):
                return False  # a city or region: the subject's route, not a side
        return True

    def appositive(self, a: int, b: int) -> bool:
        """Is text[a:b] a descriptor ("the national railway operator", "Uzbekistan's state
        uranium miner", "a Chinese carmaker"): an optional determiner or country possessive /
        adjective, then lowercase words ending in a descriptor head (appositive_heads.txt), and no
        organisation or person in it?"""
        t = _fold(self.text[a:b]).strip()
        if any(m["label"] in ("ORG", "PERSON", "FAC") for m in self.ents.overlapping(a, b)):
            return False
        m = re.match(rf"(?:(?i:{DET_ALT}|one\s+of)\s+)?(?:([A-Z][\w .-]*?)'s?\s+|([A-Z][\w-]*)\s+)?", t)
        if m.group(1) and not self.lex.is_country_name(m.group(1)):
            return False
        if m.group(2) and not (self.lex.adjective_re.fullmatch(m.group(2)) or self.lex.is_country_name(m.group(2))):
            return False
        words = t[m.end():].split()
        if not words or any(not re.match(r"[a-z0-9][\w-]*$", w) for w in words):
            return False
        return words[-1] in self.lex.appositive_heads

    def split_names(self, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """A piece that one entity span covers although it joins two names with "and" ("China
        Energy Engineering Corporation and Uzbekenergo" as one ORG): split at the " and " when
        the left side ends in a company suffix (company_suffixes.txt), or the left side is one
        coined name ("KazMunayGas") and the right side ends in a suffix or opens with an acronym
        or inner-capital name ("Uzbekenergo and ACWA Power")."""
        out = []
        for a, b in pieces:
            seg = self.text[a:b]
            m = re.search(r"\s+(?:and|&)\s+(?=[A-Z])", seg)
            ents = [x for x in self.ents.overlapping(a, b) if x["label"] in ("ORG", "FAC")]
            if m and ents and ents[0]["start"] <= a + m.start() and ents[0]["end"] >= a + m.end() \
                    and seg[:1].isupper() and not re.search(r"\s+(?:and|&)\s+", seg[m.end():]):
                left, right = seg[:m.start()].split(), seg[m.end():].split()
                coined = len(left) == 1 and self.coined(left[0], a, b)
                # (or two coined names: "Uzbekenergo and ACWA Power")
                if left[-1] in self.lex.company_suffixes or (right[-1] in self.lex.company_suffixes and coined) \
                        or (coined and re.fullmatch(r"[A-Z0-9-]{2,}|[A-Z][a-z]+[A-Z][\w-]*", right[0])):
                    out += [(a, a + m.start()), (a + m.end(), b)]
                    continue
            out.append((a, b))
        return out

    def coined(self, word: str, a: int, b: int) -> bool:
        """Is ``word`` a coined company name rather than an English word of a longer name: all
        capitals or inner capitals ("KTZ", "KazMunayGas"), a country name/adjective run into
        lowercase letters ("Uzbekneftegaz", "Kazakhtelecom"), or a word the article uses alone
        elsewhere (outside text[a:b])?"""
        if re.fullmatch(r"[A-Z0-9-]{2,}|[A-Z][a-z]+[A-Z][\w-]*", word):
            return True
        for k in range(3, len(word) - 2):
            if self.lex.country_re.fullmatch(_fold(word[:k])) and word[k:].islower():
                return True
        for m in re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w-])", self.text):
            if not (a <= m.start() < b) and not re.match(r"\s+(?:and|&)\s", self.text[m.end():m.end() + 6]):
                return True
        return False

    def context_country(self, parties: list[dict], pos: int) -> list[dict]:
        """A signer the entities stage did not recognise ("CNPC and Uzbekneftegaz signed") gets
        the country of the one side the context names that no other signer holds, when the
        context names exactly two sides."""
        unknown = [p for p in parties if p.pop("unrecognised", False)]
        if len(unknown) != 1 or len(parties) < 2:
            return parties
        sides = self.context_sides(pos)
        used = {p.get("country") for p in parties if p.get("country")}
        spare = [c["country"] for c in sides if c["country"] not in used]
        if len(sides) == 2 and len(spare) == 1 and used <= {c["country"] for c in sides}:
            unknown[0]["country"] = spare[0]
        return parties

    def fill_unknown(self, parties: list[dict], pos: int) -> list[dict]:
        if not any(p.get("party") is None for p in parties):
            return parties
        used = {p.get("country") for p in parties if p.get("country")}
        spare = [c for c in self.context_sides(pos) if c["country"] not in used]
        out = []
        for p in parties:
            if p.get("party") is None:
                if spare:
                    c = spare.pop(0)
                    out.append(c)
                    used.add(c["country"])
                continue
            out.append({k: p.get(k) for k in ("party", "party_entity_id", "country")})
        return out

    def resolve_collective(self, head: tuple[str, str], pos: int) -> list[dict]:
        singular, kind = head
        if kind == "institution":
            for rec in reversed(self.records):
                same = [p for p in rec.parties if (p.get("party") or "").lower().startswith(singular.lower())]
                if len(same) >= 2:
                    return [dict(p) for p in same]
            return [{"party": f"{singular} of {c['party']}", "party_entity_id": None, "country": c["country"]}
                    for c in self.context_sides(pos)]
        return self.context_sides(pos)

    def countries_in(self, s: int, e: int) -> list[dict]:
        """Country sides named in text[s:e], in order: countries, persons with a country, adjectives."""
        found = []
        seen = set()
        money = [(m["start"], m["end"]) for m in self.money if m.get("start") is not None]
        in_money = lambda a: any(ms <= a < me for ms, me in money)  # "1.2 billion U.S. dollars": no side
        for m in self.ents.overlapping(s, e):
            if in_money(m["start"]):
                continue
            iso = None
            if m["label"] == "GPE":
                iso = self.lex.is_country_name(m.get("canonical") or m["text"]) or \
                    (m.get("country") if self.lex.is_country_name(m["text"]) else None)
            elif m["label"] in ("PERSON", "NORP"):
                iso = m.get("country") or (self.lex.country_in(m["text"]) if m["label"] == "NORP" else None)
            if iso and iso not in seen:
                seen.add(iso)
                found.append((m["start"], {"party": self.lex.country_name.get(iso, iso),
                                           "party_entity_id": self.gpe_entity(iso), "country": iso}))
        for m in self.lex.country_re.finditer(_fold(self.text[s:e])):
            iso = self.lex.country_of[m.group(0)]
            if iso not in seen and not in_money(s + m.start()):
                seen.add(iso)
                found.append((s + m.start(), {"party": self.lex.country_name.get(iso, iso),
                                              "party_entity_id": self.gpe_entity(iso), "country": iso}))
        return [p for _, p in sorted(found, key=lambda x: x[0])]

    def context_sides(self, pos: int) -> list[dict]:
        """The two (or more) sides the context names: a "between A and B" in the sentence or
        the preceding ones, else the countries named in them (nearest sentences first)."""
        i = self.sent_of(pos)
        acc: list[dict] = []
        for j in range(i, max(-1, i - 8), -1):
            sent = self.sents[j]
            for m in re.finditer(r"\bbetween\s+((?:[^,;.:]+?,\s+)*.+?)(?=\s+(?:on|in|to|for|were|was|is|are|has|have|had|at)\s|[,;.:]|$)",
                                 sent.text):
                s, e = sent.start_char + m.start(1), sent.start_char + m.end(1)
                sides = self.countries_in(s, e)
                if len(sides) >= 2:
                    return sides
            found = self.countries_in(sent.start_char, sent.end_char)
            new = [c for c in found if c["country"] not in {a["country"] for a in acc}]
            acc = new + acc if j < i else acc + new
            if len(acc) >= 2:
                return self.article_order(acc[:2])
        return acc

    def article_order(self, sides: list[dict]) -> list[dict]:
        """Sides the context implies, in the order the article names them: as in the first body
        sentence naming them all ("President of Kazakhstan X and President of Kyrgyzstan Y held
        talks" -> Kazakhstan, Kyrgyzstan), else as found."""
        want = [p["country"] for p in sides]
        if len(want) < 2 or None in want:
            return sides
        for st in self.sents:
            if st.start_char < self.title_end:
                continue
            order = [p["country"] for p in self.countries_in(st.start_char, st.end_char) if p["country"] in want]
            if set(order) == set(want):
                return sorted(sides, key=lambda p: order.index(p["country"]))
        return sides

    # ---------------------------------------------------------------- dates, places
    def date_in(self, s: int, e: int, exclude: tuple[int, int] = (0, 0), near: Optional[int] = None,
                tok=None) -> Optional[str]:
        """The value of a date in text[s:e] that can date an event reported there: not a period,
        not inside a quotation or reported clause (unless the event ``tok`` is in it too), not
        the time of a statement ("..., the ministry said on Friday") nor of another event of
        the sentence ("after trade grew 10% last year")."""
        cands = [d for d in self.dates if d["start"] >= s and d["end"] <= e
                 and not (exclude[0] <= d["start"] < exclude[1]) and not self.period_date(d)
                 and self.date_ok(d, tok)]
        if not cands:
            return None
        own = [d for d in cands if d["start"] >= self.dateline_end]
        if own:
            cands = own  # "TASHKENT, May 14 (Xinhua) -- ... signed ... on Monday": the event's own day
        if near is not None:
            cands.sort(key=lambda d: abs(d["start"] - near))
        return str(cands[0]["value"])

    def in_quote(self, start: int, tok=None) -> bool:
        """Is ``start`` inside a quote's content that does not also hold the event token?"""
        for q in self.quotes:
            if q["start"] <= start < q["end"]:
                if tok is not None and q["start"] <= tok.idx < q["end"]:
                    continue
                return True
        return False

    def date_ok(self, d: dict, tok=None) -> bool:
        if self.in_quote(d["start"], tok):
            return False
        t = self.tok_at(d["start"])
        if t is None:
            return True
        # the first verb governing the date (temporal prepositions like "following" skipped)
        v, steps = t.head, 0
        while steps < 12 and v is not v.head and not (v.pos_ in ("VERB", "AUX") and v.lower_ not in self.lex.event_links):
            v, steps = v.head, steps + 1
        if v.pos_ not in ("VERB", "AUX") or v.lower_ in self.lex.event_links:
            return True
        if v.lemma_.lower() in self.lex.statement_verbs and (tok is None or (v.i != tok.i and tok.pos_ in ("VERB", "AUX"))) \
                and not self.in_noun_phrase(t, v, d):
            # the time of a statement, not of the event it reports ("X and Y signed ..., X said on
            # Friday"); a nominal signing it governs keeps the date ("noted the signing of X on May 6"),
            # and so does a document it names ("recalled the 2019 treaty signed in Bishkek")
            return False
        if tok is None or v.i == tok.i:
            return True
        if any(a.i == v.i for a in tok.ancestors):
            return True   # "met on Monday and signed", "the signing of X took place on Monday"
        if any(a.i == tok.i for a in v.ancestors):
            # a clause under the signing: only a temporal clause placing it ("after they met on Monday")
            k = v
            while k.head.i != tok.i and k is not k.head:
                k = k.head
            marks = {c.lower_ for c in k.children if c.dep_ in ("mark", "advmod")}
            return k.dep_ == "advcl" and bool(marks & self.lex.event_links)
        return False  # another clause of the sentence

    @staticmethod
    def in_noun_phrase(t, v, d: dict) -> bool:
        """Is the date token ``t`` inside the object or subject of its governing verb ``v`` ("recalled
        the 2019 treaty") rather than an adverbial of ``v`` ("said on Friday", "said in a statement
        on Friday")?"""
        k = t
        while k.head.i != v.i and k is not k.head:
            k = k.head
        return k.dep_ in ("dobj", "nsubj", "nsubjpass", "attr") and k.pos_ in ("NOUN", "PROPN") \
            and not (d["start"] <= k.idx < d["end"])

    def period_date(self, d: dict) -> bool:
        """A date naming a period of validity or a target ("for 2024-2026", "until 2030")."""
        before = self.text[max(0, d["start"] - 30):d["start"]]
        after = self.text[d["end"]:d["end"] + 3]
        return any(p.search(before) for p in self.lex.period_cues) or bool(re.match(r"\s*[-–—]\s*\d{2,4}\b", after))

    def anaphor_cues(self, sent_i: int) -> list:
        return [m for p in self.lex.time_anaphora for m in p.finditer(self.sents[sent_i].text)]

    def signed_date(self, sent_i: int, exclude: tuple[int, int] = (0, 0), near: Optional[int] = None,
                    tok=None) -> Optional[str]:
        sent = self.sents[sent_i]
        value = self.date_in(sent.start_char, sent.end_char, exclude, near, tok)
        if value:
            return value
        if self.published and self.lex.today_re.search(sent.text):
            return self.published
        # "At the time, ..." / "Following the meeting, ...": the time of an earlier sentence
        j = sent_i
        cues, prev = [], []
        while j >= 0 and sent_i - j < 4:
            found = self.anaphor_cues(j)
            if not found:
                break
            cues += [m.group(0).lower() for m in found]
            j -= 1
            if j < 0:
                break
            prev.append(j)
        # the event the cue names ("the talks") where an earlier sentence reports and dates it
        # ("held talks in Astana on Wednesday"), the event verb's own date first
        forms = {f for cue in cues for noun, fs in self.lex.event_words.items() if re.search(rf"\b{noun}\b", cue)
                 for f in fs}
        if forms:
            pat = _words_re(forms)
            for k in range(sent_i - 1, -1, -1):
                st = self.sents[k]
                for m in pat.finditer(st.text):
                    if self.in_quote(st.start_char + m.start()):
                        continue  # the event as reported speech mentions it, not the narrative
                    ev = self.tok_at(st.start_char + m.start())
                    value = self.date_in(st.start_char, st.end_char, near=st.start_char + m.start(), tok=ev)
                    if value:
                        return value
        for k in prev:
            value = self.date_in(self.sents[k].start_char, self.sents[k].end_char)
            if value:
                return value
        return None

    def place_in(self, s: int, e: int) -> Optional[str]:
        for m in self.ents.overlapping(s, e):
            if m["label"] != "GPE" or m["start"] < s:
                continue
            before = self.text[max(s, m["start"] - 16):m["start"]].lower()
            if not self.lex.travel_re.search(before):
                continue
            if self.lex.is_country_name(m.get("canonical") or m["text"]) or self.lex.is_country_name(m["text"]):
                continue
            if self.lex.region_heads_re.match(self.text[m["end"]:m["end"] + 20]):
                continue  # "a project in the Mangystau region": the object's site
            if self.site_before(m["start"]):
                continue  # "a polyethylene plant in Atyrau": the object's site
            return m.get("canonical") or m["text"]
        return None

    def site_before(self, start: int) -> bool:
        """Is the place at ``start`` the site of an object named right before it ("a plant in
        Atyrau", "the wind farm in the Zhambyl region": site_nouns.txt + in/at/near), not a
        capital city?"""
        m = re.search(r"([\w’'-]+)\s+(?:in|at|near)\s+(?:the\s+)?$", self.text[max(0, start - 40):start])
        if not (m and m.group(1).lower() in self.lex.site_nouns):
            return False
        # a capital is where signings take place ("the reservoir in Bishkek on Monday")
        name = re.match(r"[\w’'.-]+(?:\s+[A-Z][\w’'.-]*)*", self.text[start:start + 40])
        return not (name and _fold(name.group(0)).lower() in self.lex.capitals)

    def later_place(self, r: "Mention") -> Optional[str]:
        """A place for a record whose sentence names none: a following mention of the signing
        itself ("... attended the signing in Los Angeles"), else the dateline's city when the
        document was signed on the day the article is dated."""
        i = self.sent_of(r.start)
        for j in range(i, min(len(self.sents), i + 3)):
            st = self.sents[j]
            if any(p.search(st.text) for p in self.lex.ceremony_res):
                place = self.place_in(st.start_char, st.end_char)
                if place:
                    return place
        day = self.dateline_date() or self.published
        if r.signed_date and day and r.signed_date == day:
            return self.default_place()
        return None

    def sentence_place(self, sent: Span) -> Optional[str]:
        """The place a sentence names for its event ("in Astana"), else the dateline's city when
        the sentence opens the body under it ("TASHKENT, March 4 (Kazinform) - ...")."""
        place = self.place_in(sent.start_char, sent.end_char)
        if place is None and any(p.search(sent.text) for p in self.lex.time_anaphora):
            # "Following the talks, ...": the place of the event an earlier sentence reports
            i = self.sent_of(sent.start_char)
            for j in range(i - 1, max(-1, i - 4), -1):
                place = self.place_in(self.sents[j].start_char, self.sents[j].end_char)
                if place:
                    break
        if place is None and sent.start_char >= self.title_end and \
                not self.text[self.title_end:sent.start_char].strip():
            # (not for a signing the sentence dates to another day: "... signed X in January 2023")
            day = self.dateline_date() or self.published
            other = [d for d in self.dates if sent.start_char + 40 <= d["start"] < sent.end_char
                     and not self.period_date(d) and str(d["value"]) != day]
            if not other:
                place = self.dateline_place()
        return place

    def dateline_place(self) -> Optional[str]:
        """The city of a dateline: the body's opening ("TASHKENT, March 4 (Kazinform) - ",
        "BEIJING, Sept. 13 (Xinhua) -- ", "ASTANA. KAZINFORM – ") or a first line that is only a
        city and a date ("Rome, 28 January 2024", taken as the headline by the title heuristic)."""
        first = self.text[self.title_end:].lstrip()
        off = len(self.text) - len(first)
        m = re.match(r"([A-Z][\w .'-]{1,40}?)(?:,\s*[A-Z][\w.]*)?(?:,\s*[A-Z][a-z]{2,}\.?\s+\d{1,2}(?:,\s*\d{4})?)?"
                     r"\s*(?:\([^()]{1,30}\)\s*)?(?:[-–—]+\s|,\s*\d|\n)", first)
        if m:
            place = self.place_in_name(off + m.start(1), off + m.end(1))
            if place:
                return place
        if self.title_end:
            head = self.text[:self.title_end]
            lead = len(head) - len(head.lstrip())
            m = re.fullmatch(r"([A-Z][\w .'-]{1,40}?),\s*(?:\d{1,2}\s+[A-Z][a-z]+\.?|[A-Z][a-z]{2,}\.?\s+\d{1,2}),?"
                             r"(?:\s+\d{4})?\s*", head[lead:])
            if m:
                return self.place_in_name(lead + m.start(1), lead + m.end(1))
        return None

    def place_in_name(self, s: int, e: int) -> Optional[str]:
        for m in self.ents.overlapping(s, e):
            if m["label"] == "GPE" and not self.lex.is_country_name(m["text"]):
                return m.get("canonical") or m["text"]
        name = self.text[s:e].strip()
        if _fold(name).lower() in self.lex.capitals:
            return name
        return None

    # ---------------------------------------------------------------- signing verbs
    def is_planned(self, tok) -> bool:
        """Modal/infinitive/negation governing a signing verb, or a planned nominal signing."""
        lex = self.lex
        if tok.lower_ in lex.sign_nouns or (tok.i + 1 < len(self.doc) and self.doc[tok.i + 1].lower_ == "of"
                                            and tok.lower_.endswith("ing")):
            before = self.text[max(tok.sent.start_char, tok.idx - 40):tok.idx]
            after = self.text[tok.idx:tok.sent.end_char]
            return bool(lex.nominal_planned_re.search(before)) or bool(lex.cancelled_re.search(after))
        toks = [tok]
        if tok.dep_ == "conj" and tok.head.pos_ in ("VERB", "AUX"):
            toks.append(tok.head)
        for t in toks:
            for c in t.children:
                if c.dep_ in ("aux", "auxpass", "neg") and (c.lower_ in lex.modals or c.lower_ in lex.negations
                                                           or c.tag_ == "TO"):
                    return True
        # textual window: "expected to be signed", "will not sign", "yet to sign"
        i = tok.i - 1
        steps = 0
        while i >= tok.sent.start and steps < 5:
            w = self.doc[i]
            if w.is_punct or w.lower_ in COORDINATORS or w.lower_ in RELATIVES:
                break
            if w.lower_ in lex.modals or w.lower_ in lex.negations:
                # "to" before a non-base form ("to signed") plans nothing unless "to be signed"
                if not (w.lower_ == "to" and tok.lower_ not in lex.sign_base and not any(
                        self.doc[k].lower_ == "be" for k in range(i + 1, tok.i))):
                    return True
            if w.pos_ in ("VERB",) and w.lower_ not in BE_AUX and steps > 0:
                break
            i -= 1
            steps += 1
        return False

    def signing_tokens(self, sent: Span):
        lex = self.lex
        for tok in sent:
            low = tok.lower_
            if low in lex.sign_nouns and tok.i + 1 < len(self.doc) and self.doc[tok.i + 1].lower_ == "of":
                yield tok, "nominal"
            elif low in lex.sign_forms:
                if lex.sign_forms[low] in lex.verb_only and tok.pos_ != "VERB" and not self.verb_slot(tok):
                    continue
                if tok.i + 1 < len(self.doc) and self.doc[tok.i + 1].lower_ == "of" and low.endswith("ing"):
                    yield tok, "nominal"
                    continue
                yield tok, "verb"
            elif low in lex.particle_verbs and tok.pos_ == "VERB" and self.particle(tok) is not None \
                    and any(self.sents[ev["sent"]].end_char <= sent.start_char for ev in self.events):
                yield tok, "verb"  # "A and B agreed on a roadmap" after a signing

    def particle(self, tok):
        """The particle token after a particle verb ("agreed on"), else None."""
        nxt = self.doc[tok.i + 1] if tok.i + 1 < len(self.doc) else None
        return nxt if nxt is not None and nxt.lower_ in self.lex.particle_verbs.get(tok.lower_, ()) else None

    def verb_slot(self, tok) -> bool:
        """Is a verb-only signing word the tagger took for a noun in a verb's place: lowercase,
        after a name ("China, Kazakhstan ink 30 deals", "Turkmenistan, Iran ink gas swap deal"),
        outside any entity, and followed by a document noun phrase or an amount?"""
        if not tok.text.islower() or tok.i == 0 or any(m["start"] <= tok.idx < m["end"] for m in self.ents.mentions):
            return False
        prev = self.doc[tok.i - 1]
        if prev.pos_ not in ("PROPN", "PRON") and not any(m["end"] == prev.idx + len(prev.text) for m in self.ents.mentions):
            return False
        after = tok.idx + len(tok.text)
        limit = tok.sent.end_char
        types = find_types(self.text, self.lex, after, limit)
        cm = self.lex.collective_re.search(self.text, after, limit)
        money = next((m for m in self.money if m.get("start") is not None and after <= m["start"] <= after + 1), None)
        return money is not None or any(self._np_chars(after, x) for x in
                                        [t["start"] for t in types[:1]] + ([cm.start()] if cm else []))

    def np_between(self, a: int, b: int) -> bool:
        """Are the tokens in [a, b) (token indices) noun-phrase material?"""
        for k in range(a, b):
            t = self.doc[k]
            if t.is_space:
                continue
            if t.text in NP_PUNCT or t.pos_ in NP_POS or t.tag_ in ("PRP$", "POS") or t.lower_ in ("and", "new"):
                if t.pos_ in ("VERB", "AUX", "ADP") and t.lower_ not in ("of",):
                    return False
                continue
            if t.pos_ == "ADV" and t.lower_ in self.lex.np_adverbs:
                continue
            if t.pos_ == "VERB" and t.tag_ in ("VBN", "VBG") and t.lower_ not in self.lex.sign_forms:
                continue  # "a newly revised agreement"
            return False
        return True

    def tok_from(self, char: int):
        """The first token starting at or after ``char``."""
        for t in self.doc:
            if t.idx >= char:
                return t
        return None

    def tok_at(self, char: int):
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        return span[0] if span is not None and len(span) else None

    def np_start(self, type_start: int, limit: int) -> int:
        """Start of the noun phrase ending in the type form (pre-modifiers included)."""
        tok = self.tok_at(type_start)
        if tok is None:
            return type_start
        i = tok.i
        while i - 1 >= 0 and self.doc[i - 1].idx >= limit:
            t = self.doc[i - 1]
            if t.is_space or t.is_sent_end and i - 1 != tok.i - 1:
                break
            if any(m["start"] <= t.idx < m["end"] for m in self.money):
                break  # "a $400 billion contract": the value is not part of the description
            cur = self.doc[i]
            if cur.is_title and i - 2 >= 0 and self.doc[i - 2].idx >= limit and (
                    (t.lower_ in ("and", "&") and self.doc[i - 2].is_title and not self.lex.is_country_name(self.doc[i - 2].text))
                    or (t.is_title and t.tag_ in ("VBN", "VBG", "JJ") and t.i > t.sent.start)):
                i -= 1  # a title's coordinated or participle words ("Enhanced Partnership and Cooperation Agreement")
                continue
            if t.pos_ in ("DET", "ADJ", "NUM", "PROPN", "NOUN") or t.tag_ in ("PRP$", "POS") or t.text in ("’", "'", "“", "”", '"', "-"):
                if t.pos_ == "NOUN" and t.lower_ in self.lex.sign_nouns:
                    break
                if t.lower_ in self.lex.sign_forms and t.text.islower() and self.verb_slot(t):
                    break  # "Iran ink gas swap deal": the verb the tagger took for a noun
                i -= 1
                if t.pos_ == "DET" or t.tag_ == "PRP$":
                    break
                continue
            break
        return self.doc[i].idx

    def description_end(self, type_end: int, limit: int, next_start: Optional[int] = None) -> int:
        """Where an inline description ends: the first stop (relative clause, passive verb,
        circumstances, a date or a place of the signing), the next coordinated document, or
        the sentence end."""
        text = self.text
        end = limit if next_start is None else min(limit, next_start)
        seg = text[type_end:end]
        for p in self.lex.stops:
            m = p.search(seg)
            if m:
                end = min(end, type_end + m.start())
        # a signing verb after the description ("the agreement signed by ...")
        for m in re.finditer(r"\w+", text[type_end:end]):
            if m.group(0).lower() in self.lex.sign_forms and m.group(0).lower().endswith("ed"):
                end = min(end, type_end + m.start())
                break
        # a date or a city named with "on/in/at" belongs to the signing, not the subject
        for d in records(self.doc, "dates"):
            if type_end < d["start"] < end:
                pre = text[max(type_end, d["start"] - 12):d["start"]]
                pm = re.search(r"\s+(?:on|in|at|of|last|this|from)?\s*$", pre)
                cut = d["start"] - (len(pre) - pm.start()) if pm else d["start"]
                if re.search(r"\b(?:on|in|at|last|this)\s*$", pre) or d["start"] == type_end + 1:
                    end = min(end, max(type_end, cut))
        for m in self.ents.overlapping(type_end, end):
            if m["label"] == "GPE" and m["start"] > type_end and not self.lex.is_country_name(m["text"]):
                pre = text[max(type_end, m["start"] - 8):m["start"]]
                pm = re.search(r"\s+in\s+(?:the\s+)?$", pre)
                if pm:
                    end = min(end, m["start"] - (len(pre) - pm.start()))
        s, e = trim_span(text, type_end, end, " \t\n;.,:")
        return e if e > s else type_end

    def mention_from(self, type_m: dict, limit: int, next_start: Optional[int], sent_i: int,
                     desc_start: Optional[int] = None) -> Mention:
        text = self.text
        start = desc_start if desc_start is not None else self.np_start(type_m["start"], self.sents[sent_i].start_char)
        end = self.description_end(type_m["end"], limit, next_start)
        end = max(end, type_m["end"])
        fm = re.match(r"\s+(?:for|on behalf of)\s+", text[type_m["end"]:end], re.I)
        if fm and self.behalf_of(type_m["end"] + fm.end(), end):
            end = type_m["end"]
        parse = parse_after_type(text, type_m["end"], end, self.lex, self.protected(type_m["end"], end))
        parties, explicit, with_side, with_subject = [], False, False, None
        if parse["parties"]:
            parties = self.parties_from_zone(*parse["parties"], pos=start)
            explicit, with_side = True, parse["party_kind"] == "with"
        subject = None
        if parse["subject"] and not parse["parties"]:
            # "an agreement on double taxation between A and B": the parties close the subject
            ss, se = parse["subject"]
            tm = re.search(r"\s+between\s+(.+)$", text[ss:se])
            cut = self.between_cut(ss, se, start)
            if cut:
                parties, explicit = cut[0], True
                parse["subject"] = (ss, cut[1])
            wm = None if tm else re.search(r"\s+with\s+(.+)$", text[ss:se])
            if wm and self.named_sides(ss + wm.start(1), se, least=1):
                # "a contract on gas supplies with China's CNPC": the other side closes the subject
                sides = self.parties_from_zone(ss + wm.start(1), se, pos=start)
                if sides and all(p.get("party") for p in sides):
                    parties, explicit, with_side = sides, True, True
                    with_subject = text[ss:se]
                    parse["subject"] = (ss, ss + wm.start())
        if parse["subject"]:
            ss, se = parse["subject"]
            # "signed the Memorandum for the United States": a represented side, not a subject
            marker = text[type_m["end"]:ss].strip().lower()
            ents = [m for m in self.ents.overlapping(ss, se) if m["label"] in ("GPE", "ORG", "NORP", "PERSON")]
            if not (marker.endswith("for") and ents and ents[0]["start"] <= ss + 4 and ents[0]["end"] >= se - 1):
                subject = text[ss:se]
        if subject is None and not parse["parties"]:
            subject = self.subject_after_date(type_m["end"], limit, next_start)
        if subject is None:
            subject = self.subject_after_value(end, limit, next_start)
        det = re.match(r"\s*(\w+)", text[start:type_m["start"]])
        first = det.group(1).lower() if det else ""
        definite = first in DEFINITE or bool(re.search(r"['’]s?\s*$|['’]\s+\w", text[start:type_m["start"]]))
        title_s = start
        dm = re.match(rf"(?:(?:{DET_ALT})\s+)+", text[start:end], re.I)
        if dm:
            title_s += dm.end()
        title = text[title_s:end] or None
        # a capital letter in the headline is headline case, not a proper title
        proper = text[type_m["start"]:type_m["start"] + 1].isupper() and _fold(type_m["form"].lower()) not in self.lex.acronyms \
            and type_m["start"] >= self.title_end
        return Mention(start=start, end=end, type_start=type_m["start"], type_end=type_m["end"],
                       doc_type=type_m["doc_type"], anaphoric=type_m["anaphoric"], definite=definite,
                       title=title, subject=subject, parties=parties, explicit_parties=explicit, with_side=with_side,
                       with_subject=with_subject,
                       signed_date=None, signed_place=None, proper=proper)

    def between_cut(self, ss: int, se: int, pos: int) -> Optional[tuple[list, int]]:
        """A between-phrase of names ending the subject text[ss:se] ("cooperation between the
        Chamber of Commerce and Industry of A and the Chamber of Commerce and Industry of B"):
        (its parties, the subject's new end), else None (a relational noun keeps it: "diplomatic
        relations between A and B", and so does a route: "the railway between Andijan and Osh")."""
        text = self.text
        tm = re.search(r"\s+between\s+(.+)$", text[ss:se])
        if not tm:
            return None
        zs, ze = ss + tm.start(1), se
        zone = text[zs:ze]
        for p in self.lex.subject_trails:
            zone = p.sub("", zone)  # "between A and B for 2024-2028": the period is no side
        ze = zs + len(zone.rstrip())
        relational = re.search(r"(?:^|\s)(?:" + "|".join(map(re.escape, self.lex.relational)) + r")$",
                               text[ss:ss + tm.start()].lower())
        sides = [] if relational else self.parties_from_zone(zs, ze, pos=pos)
        if len(sides) >= 2 and self.named_sides(zs, ze):
            return sides, ss + tm.start()
        return None

    def behalf_of(self, s: int, end: int) -> bool:
        """Does text[s:end] (right after "for") name a side the document is signed for ("signed
        the Memorandum for the United States and ...", "for the Government of X", "for the Kazakh
        side") rather than what it is for ("for the avoidance of double taxation", "for
        Kazakhstan's accession")? The side must be followed by the end of the description, a
        comma, "and" or a verb."""
        text = self.text
        seg = _fold(text[s:end])
        lead = re.match(r"(?:the\s+)?", seg, re.I).end()
        stop = rf"(?=\s*$|\s*[,;.]|\s+(?:and|as well as|while|{_alt(RELATIVES)})\b|\s+{self.lex.sign_past_re.pattern})"
        # a country name, alias or adjective + "side(s)"
        m = self.lex.country_re.match(seg, lead)
        if m:
            rest = seg[m.end():]
            if self.lex.is_country_name(m.group(0)) and re.match(stop, rest):
                return True
            if re.match(self.lex.side_re.pattern + stop, rest, re.I):
                return True
        # an institution "<Head> of <...>" or a named entity ending at a boundary
        im = self.lex.institution_re.match(seg, lead)
        if im and re.match(r"\s+of\s+", seg[im.end():]):
            return True
        for e in self.ents.overlapping(s, end):
            if e["label"] in ("GPE", "ORG", "NORP") and e["start"] <= s + lead + 1:
                if re.match(stop, _fold(text[e["end"]:end])):
                    return True
        # a capitalised name that the article names elsewhere as a place or organisation
        nm = re.match(r"[A-Z][\w'-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w'-]*){0,5}" + stop, seg[lead:])
        if nm:
            name = nm.group(0)
            for e in self.ents.mentions:
                if e["label"] in ("GPE", "ORG", "NORP") and not (s <= e["start"] < end) and \
                        re.search(rf"(?<!\w){re.escape(name)}(?!\w)", _fold(e["text"])):
                    return True
        return False

    # ---------------------------------------------------------------- signers
    def subject_span(self, verb) -> Optional[tuple[int, int]]:
        v = verb
        own = [c for c in v.children if c.dep_ == "nsubj"]
        if v.dep_ == "conj" and v.head.pos_ in ("NOUN", "PROPN") and v.head.i < v.i and own and \
                own[0].left_edge.i > 0 and self.doc[own[0].left_edge.i - 1].lower_ in ("and", "&"):
            # "A (X) and B signed ...", parsed as A + conj(signed) with B its only subject:
            # the subject is everything from A to the verb
            s, last = v.head.left_edge.idx, self.doc[v.i - 1]
            if last.idx >= s and v.head.left_edge.sent == v.sent:
                return s, last.idx + len(last.text)
        for _ in range(3):
            subj = [c for c in v.children if c.dep_ in ("nsubj",)]
            if subj:
                before = [x for x in subj if x.i < v.i]
                if len(before) > 1:
                    # two subjects parsed side by side ("A's X and Uzbek utility B signed"): both
                    a, b = min(x.left_edge.i for x in before), max(x.right_edge.i for x in before)
                    return self.doc[a].idx, self.doc[b].idx + len(self.doc[b].text)
                sub = subj[-1] if subj[-1].i < v.i else subj[0]
                toks = list(sub.subtree)
                s, e = toks[0].idx, toks[-1].idx + len(toks[-1].text)
                return s, e
            if v.dep_ in ("conj", "xcomp", "advcl") and v.head is not v:
                v = v.head
            else:
                break
        return None

    def agent_span(self, after: int, limit: int, word: str = "by") -> Optional[tuple[int, int]]:
        """The signers after ``word`` ("signed by A and B", "was signed on Tuesday between A and B")."""
        m = re.match(rf"[^.;]{{0,60}}?\b{word}\s+", self.text[after:limit])
        if not m:
            return None
        s = after + m.end()
        seg = self.text[s:limit]
        # the agent ends at punctuation, a circumstance/relative word or "and" + a finite verb
        ends = r"\s*(?:,|;|(?<![A-Z])\.(?:\s|$)|\s(?:" + _alt(self.lex.agent_stops)
        clause = r"|and\s+(?:the\s+)?(?:" + _alt({f for f in self.lex.sign_forms if f.endswith("ed")} | {"was", "were", "is", "are"}) + ")"
        stops = list(re.finditer(ends + clause + r")\s)", seg))
        k = 0
        while k < len(stops) and seg[stops[k].start():stops[k].end()].strip() == ",":
            # "by A, the national operator, and B": a descriptor between commas, and the list goes on
            am = re.match(r"\s*,\s*([^,;]{2,80}?)\s*,\s*(?:and\s+)?(?=\S)", seg[stops[k].start():])
            if not (am and self.appositive(s + stops[k].start() + am.start(1), s + stops[k].start() + am.end(1))):
                break
            skip_to = stops[k].start() + am.end()
            k = next((n for n in range(k + 1, len(stops)) if stops[n].start() >= skip_to), len(stops))
        stop = stops[k] if k < len(stops) else None
        e = s + (stop.start() if stop else len(seg))
        protected = self.protected(s, e)
        # do not stop inside an entity ("Chief of Defense")
        while stop and any(a < e < b for a, b in protected):
            nxt = re.search(ends + r")\s)", seg[e - s + 1:])
            e = (e + 1 + nxt.start()) if nxt else s + len(seg)
            if not nxt:
                break
        return trim_span(self.text, s, e)

    def subject_after_date(self, type_end: int, limit: int, next_start: Optional[int]) -> Optional[str]:
        """"signed a deal on Tuesday on gas supplies": the subject after a time adjunct that
        follows the document's name (the adjunct ends the description, not the subject)."""
        text = self.text
        for d in records(self.doc, "dates"):
            if type_end < d["start"] <= type_end + 12 and d["end"] <= limit and \
                    re.fullmatch(r"\s+(?:on|in|at|last|this|earlier)?\s*", text[type_end:d["start"]]):
                end = self.description_end(d["end"], limit, next_start)
                parse = parse_after_type(text, d["end"], end, self.lex, self.protected(d["end"], end))
                if parse["subject"] and not parse["parties"]:
                    return text[parse["subject"][0]:parse["subject"][1]]
                break
        return None

    def subject_after_value(self, end: int, limit: int, next_start: Optional[int]) -> Optional[str]:
        """"signed a contract worth $1.2 billion for the Line D gas pipeline": after the value, "for"
        + a project or object is the subject ("for <a side>" is on behalf of, not a subject)."""
        text = self.text
        m = re.match(r"\s*,?\s*(?:worth|valued at|totall?ing|amounting to|with a (?:total )?value of|of)?\s*",
                     text[end:limit], re.I)
        pos = end + m.end()
        money = next((x for x in self.money if x.get("start") is not None and pos <= x["start"] <= pos + 1), None)
        if money is None:
            return None
        after = money["end"]
        fm = re.match(r"\s*(?:\([^()]{0,60}\)\s*)?,?\s*for\s+", text[after:limit])
        if not fm:
            return None
        ss = after + fm.end()
        if self.behalf_of(ss, limit):
            return None
        se = self.description_end(ss, limit, next_start)
        return text[ss:se] if se > ss else None

    def tidy_subject(self, span: tuple[int, int], sent: Span) -> tuple[int, int]:
        """A signing verb's subject without a dateline ("TASHKENT, March 4 (Kazinform) - A and B
        signed") and with the names a headline lists before it ("A, B sign 20 documents")."""
        s, e = span
        text = self.text
        dash = list(re.finditer(r"\s[-–—]+\s", text[sent.start_char:e]))
        if dash and sent.start_char + dash[-1].start() < sent.start_char + 80:
            s = max(s, sent.start_char + dash[-1].end())
        # "Separately, X and Y signed": a sentence adverb is no signer
        am = self.lex.adverb_re.match(text[s:e])
        if am and s + am.end() < e:
            s += am.end()
        head = text[sent.start_char:s]
        first = self.tok_from(sent.start_char)
        if first is not None and (first.pos_ == "ADP" or first.like_num) or \
                any(sent.start_char <= d["start"] < s for d in records(self.doc, "dates")):
            head = ""  # "On Monday, A and B signed": a time adjunct, not names
        if s > sent.start_char and head and re.fullmatch(r"\s*(?:[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,4},\s*)+", head):
            s = sent.start_char + len(head) - len(head.lstrip())
        return s, e

    def signers(self, verb, kind: str, mention_end: int, sent: Span) -> list[dict]:
        if kind == "verb" and not (verb.tag_ == "VBN" and any(c.dep_ in ("auxpass",) for c in verb.children)):
            span = self.subject_span(verb)
            if span and span[1] <= verb.idx:
                span = self.tidy_subject(span, sent)
                sides = self.parties_from_zone(*span, pos=span[0])
                if sides:
                    return sides
        ag = self.agent_span(verb.idx + len(verb.text) if kind != "nominal" else mention_end, sent.end_char)
        if ag is None and kind != "nominal":
            ag = self.agent_span(mention_end, sent.end_char)
        if ag is None:
            # "A memorandum was signed on Tuesday between A and B"
            ag = self.agent_span(max(mention_end, verb.idx + len(verb.text)), sent.end_char, "between")
            if ag and find_types(self.text, self.lex, verb.idx, ag[0]) and mention_end <= verb.idx:
                ag = None  # the between-phrase of another document name
        if ag and ag[1] > ag[0]:
            return self.parties_from_zone(*ag, pos=ag[0])
        return []

    # ---------------------------------------------------------------- the passes
    def run(self) -> None:
        self.lists()
        for i, sent in enumerate(self.sents):
            self.inline(i, sent)
            self.context_documents(i, sent)
        self.finish()

    def lead_in(self, sent: Span) -> Optional[int]:
        """The offset of the colon closing a signing lead-in in ``sent``, else None."""
        text = sent.text
        for m in re.finditer(r":", text):
            head = text[:m.start()]
            if not head.strip():
                continue
            colon = sent.start_char + m.start()
            types = find_types(head, self.lex)
            plural = any(t["plural"] for t in types) or bool(self.lex.collective_re.search(head))
            cue = bool(self.lex.lead_cues_re.search(head))
            verbs = [(t, k) for t, k in self.signing_tokens(sent) if t.idx < colon]
            live = [t for t, k in verbs if not self.is_planned(t)]
            if verbs and not live:
                return None
            if (live and (plural or cue)) or (plural and self.lex.lead_alone_re.search(head)):
                return colon
        return None

    def lists(self) -> None:
        text = self.text
        for i, sent in enumerate(self.sents):
            if sent.start_char < self.title_end:
                continue
            colon = self.lead_in(sent)
            if colon is None:
                stripped = sent.text.rstrip()
                if stripped.endswith(":") and len(stripped.split()) <= 6 and i > 0 \
                        and self.collective_signing(self.sents[i - 1]):
                    colon = sent.start_char + len(stripped) - 1  # "Among them:" after "24 agreements were signed."
                elif self.collective_signing(sent):
                    nxt = text[sent.end_char:].lstrip(" \t\n")
                    if nxt and list_marker(nxt, self.lex):
                        colon = sent.start_char + len(stripped) - 1  # "... exchanged two documents. First: ..."
                if colon is None:
                    continue
            line_end = text.find("\n", colon)
            line_end = len(text) if line_end == -1 else line_end
            items: list[tuple[int, int]] = []
            block_end = line_end
            if text[colon + 1:line_end].strip():
                items = split_items(text[colon + 1:line_end], self.lex, colon + 1)
            else:
                items, block_end = self.line_items(line_end)
            if not items:
                continue
            lead_sent = sent if self.lead_in(sent) is not None or i == 0 or self.collective_signing(sent) \
                else self.sents[i - 1]
            lead_parties = self.lead_parties(lead_sent, min(colon, lead_sent.end_char))
            date = self.signed_date(i) or self.signed_date(self.sents.index(lead_sent))
            place = self.place_in(sent.start_char, colon) or None
            made = 0
            for s, e in items:
                types = find_types(text, self.lex, s, e)
                if not types or types[0]["plural"]:
                    continue
                t = types[0]
                self.consumed.append((s, e))
                clause = re.search(rf"\s*,\s+(?:{self.lex.sign_past_re.pattern}|\b(?:{_alt(RELATIVES)})\b)", text[t["end"]:e])
                if clause:
                    e = t["end"] + clause.start()
                parse = parse_after_type(text, t["end"], e, self.lex, self.protected(t["end"], e))
                cut = self.between_cut(*parse["subject"], pos=s) if parse["subject"] and not parse["parties"] else None
                if cut:
                    # "Agreement on cooperation between the Chamber of ... of A and the Chamber of ... of B"
                    parties, parse["subject"] = cut[0], (parse["subject"][0], cut[1])
                else:
                    parties = self.parties_from_zone(*parse["parties"], pos=s) if parse["parties"] else list(lead_parties)
                if parse["parties"] and parse["party_kind"] == "with" and lead_parties:
                    parties = [p for p in lead_parties if p["country"] not in {q.get("country") for q in parties}][:1] + parties
                subject = text[parse["subject"][0]:parse["subject"][1]] if parse["subject"] else None
                rec = Mention(start=s, end=e, type_start=t["start"], type_end=t["end"], doc_type=t["doc_type"],
                              anaphoric=False, definite=False,
                              title=re.sub(rf"^(?:(?:{DET_ALT})\s+)", "", text[s:e], flags=re.I), subject=subject,
                              parties=[dict(p) for p in parties], explicit_parties=bool(parse["parties"] or cut),
                              signed_date=date, signed_place=place or self.item_place(date), proper=True)
                self.records.append(rec)
                made += 1
            if made:
                self.note_event(i, date, place)

    def item_place(self, date: Optional[str]) -> Optional[str]:
        """A list item's place: the headline's/dateline's, unless it was signed in another month."""
        if date and self.published and not self.published.startswith(date[:7]):
            return None
        return self.default_place()

    def default_place(self) -> Optional[str]:
        if self.title_end:
            m = re.search(r"\b(?:in|at)\s+(.+)$", self.text[:self.title_end])
            if m:
                s = m.start(1)
                p = self.place_in(m.start(), self.title_end)
                if p:
                    return p
                tail = self.text[s:self.title_end].split()
                if tail and _fold(tail[0]).lower() in self.lex.capitals:
                    return tail[0]
        return self.dateline_place()

    def lead_parties(self, sent: Span, colon: int) -> list[dict]:
        text = self.text
        # the last "between A and B" of the lead-in ("the following agreements between A and B:")
        ms = list(re.finditer(r"\bbetween\s+", text[sent.start_char:colon]))
        if ms:
            s = sent.start_char + ms[-1].end()
            e = trim_span(text, s, colon)[1]
            sides = self.parties_from_zone(s, e, pos=s) if e > s else []
            if sides:
                return sides
        for tok, kind in self.signing_tokens(sent):
            if tok.idx < colon and kind == "verb" and not self.is_planned(tok):
                found = self.signers(tok, kind, tok.idx + len(tok.text), sent)
                if found:
                    return found
        return self.context_sides(sent.start_char)

    def line_items(self, after: int) -> tuple[list[tuple[int, int]], int]:
        """Items on the lines after a lead-in: marked lines (bullets, numbers, ordinals), or
        lines starting with a document name (plain or headline-style lists)."""
        text = self.text
        items: list[tuple[int, int]] = []
        mode = None
        pos = after
        while pos < len(text):
            nl = text.find("\n", pos + 1)
            nl = len(text) if nl == -1 else nl
            line = text[pos:nl]
            ls = pos + (len(line) - len(line.lstrip()))
            stripped = line.strip()
            if not stripped:
                pos = nl
                continue
            mk = list_marker(text[ls:nl], self.lex)
            starts_type = False
            if not mk:
                types = find_types(text, self.lex, ls, min(nl, ls + 120))
                if types and not types[0]["plural"]:
                    lead_words = text[ls:types[0]["start"]]
                    # the name opens the line, maybe after capitalised modifiers ("Financial Framework ...")
                    starts_type = not lead_words.strip() or bool(
                        re.fullmatch(r"(?:[A-Z][\w’'.-]*\s+){1,5}", lead_words))
            if mk and mode in (None, "marker"):
                mode = "marker"
                items += split_items(text[ls:nl], self.lex, ls) if ";" in stripped[:-1] else \
                    [trim_span(text, ls + mk.end(), nl)]
            elif starts_type and mode in (None, "headline", "plain") and len(stripped.split()) <= 40:
                if stripped[-1] not in ".!?" or stripped[-1] == ";" or mode == "plain" or len(stripped.split()) <= 15:
                    mode = mode or ("headline" if stripped[-1] not in ".;" else "plain")
                    items += split_items(text[ls:nl], self.lex, ls)
                else:
                    break
            elif mode == "headline" and (stripped[-1] in ".!?»”\"" or len(stripped.split()) > 15):
                pass  # the descriptive paragraph under a headline item
            else:
                break
            pos = nl
        return items, pos

    def objects(self, tok, kind: str, sent: Span) -> tuple[list[dict], Optional[tuple[int, int]]]:
        """The documents a signing token reports (type matches), or the span of a collective
        object ("a set of documents", "24 agreements")."""
        text = self.text
        limit = sent.end_char
        after = tok.idx + len(tok.text)
        if kind == "verb" and tok.lower_ in self.lex.particle_verbs and self.particle(tok) is not None:
            after = self.particle(tok).idx + len(self.particle(tok).text)  # "agreed on | a roadmap"
        found: list[dict] = []
        collective = None
        if kind == "nominal":
            of = self.doc[tok.i + 1]
            types = find_types(text, self.lex, of.idx + 2, limit)
            cm = self.lex.collective_re.search(text, of.idx + 2, limit)
            if cm and self._np_chars(of.idx + 2, cm.start()) and not (types and types[0]["start"] < cm.start()):
                # "the signing of 12 cooperation documents, including an agreement on X": the batch
                collective = (of.idx + 2, cm.end())
            elif types and self._np_chars(of.idx + 2, types[0]["start"]):
                found = [types[0]]
        else:
            types = find_types(text, self.lex, after, limit)
            cm = self.lex.collective_re.search(text, after, limit)
            first_t = types[0] if types else None
            if cm and self._np_chars(after, cm.start()) and (first_t is None or cm.start() < first_t["start"]):
                collective = (after, cm.end())
            elif first_t and self._np_chars(after, first_t["start"]):
                found = [first_t]
                # coordinated documents: "an agreement on X and a memorandum on Y"
                for t in types[1:]:
                    prev = found[-1]
                    gap = text[prev["end"]:t["start"]]
                    j = re.search(rf"(?:,|;|\band\b)\s*(?:(?:{DET_ALT})\s+)?(?:[\w’'-]+\s+){{0,4}}$", gap)
                    if j and not re.search(rf"\b(?:{_alt(RELATIVES)}|was|were|is|are|has|have|had)\b", gap) \
                            and self._np_chars(prev["end"] + j.end(), t["start"]) \
                            and self._coordinated(prev["end"], t["start"]):
                        found.append(t)
            if not found and collective is None and self.lex.sign_forms.get(tok.lower_) == "exchange":
                forms = "|".join(re.escape(f) for f in sorted(self.lex.exchange_objects, key=len, reverse=True))
                xm = re.match(rf"\s+(?:(?:the|official|their)\s+)?({forms})\b", text[after:limit], re.I) if forms else None
                if xm:
                    found = [{"start": after + xm.start(1), "end": after + xm.end(1), "form": xm.group(1),
                              "doc_type": self.lex.exchange_objects[xm.group(1).lower()], "plural": False,
                              "anaphoric": False}]
            if not found and collective is None:
                collective = self.amount_object(after, limit)
            if not found and collective is None:
                found, collective = self.passive_subject(tok, sent)
        if found and found[0]["plural"] and collective is None:
            collective = (after if found[0]["start"] > tok.idx else self.np_start(found[0]["start"], sent.start_char),
                          found[0]["end"])
            found = []
        return found, collective

    def amount_object(self, after: int, limit: int) -> Optional[tuple[int, int]]:
        """"signed €76 million in grants", "sign $2 billion of loans": an amount as the object of
        a signing verb names documents signed as a batch (a signing row with its value, no count)."""
        money = next((m for m in self.money if m.get("start") is not None and m.get("amount") is not None
                      and after <= m["start"] <= after + 1 + len(self.text[after:m["start"]]) - len(self.text[after:m["start"]].lstrip())
                      and not self.text[after:m["start"]].strip(" ")), None)
        if money is None or money["end"] > limit:
            return None
        tail = re.match(r"\s+(?:in|of|worth\s+of)\s+(?:[\w’'-]+\s+){0,2}?(?:" + self.lex.collective_re.pattern
                        + r"|(?:" + _alt(f for f, v in self.lex.type_of.items() if v[1]) + r")\b)", self.text[money["end"]:limit], re.I)
        end = money["end"] + tail.end() if tail else money["end"]
        if not tail and not re.match(r"\s*(?:[,.;]|$|\s(?:in|at|on|with|during|for|to|from)\s)", self.text[end:limit] or ""):
            return None
        return after, end

    def collective_signing(self, sent: Span) -> bool:
        for tok, kind in self.signing_tokens(sent):
            if not self.is_planned(tok) and self.objects(tok, kind, sent)[1] is not None:
                return True
        return False

    def inline(self, i: int, sent: Span) -> None:
        text = self.text
        headline = sent.start_char < self.title_end
        if sent.text.rstrip().endswith("?"):
            return  # a question reports no signing ("What kind of agreements have they signed?")
        used: set = set()  # document names of this sentence already recorded (one record per mention)
        for tok, kind in self.signing_tokens(sent):
            if any(a <= tok.idx < b for a, b in self.consumed):
                continue
            if self.is_planned(tok):
                continue
            limit = sent.end_char
            found, collective = self.objects(tok, kind, sent)
            if collective is not None:
                np_s = self.np_start(collective[0], sent.start_char) if collective[0] < tok.idx else collective[0]
                if self.lex.neg_det_re.match(text[np_s:collective[1]]):
                    continue  # "No agreements were signed"
                self.add_signing(i, sent, tok, kind, collective)
                for t in self.included(tok, collective[1], sent):
                    used.add(t["start"])
                continue
            for n, t in enumerate(found):
                if t["plural"] or t["start"] in used:
                    continue
                used.add(t["start"])
                np_s = self.np_start(t["start"], sent.start_char)
                if self.lex.neg_det_re.match(text[np_s:t["end"]]):
                    continue  # "No agreement was signed", "signed no contract"
                nxt = found[n + 1]["start"] if n + 1 < len(found) else None
                m = self.mention_from(t, limit, self._coord_start(nxt) if nxt else None, i)
                m.headline = headline
                if not m.explicit_parties or m.parties == [] or m.with_side:
                    signers = self.signers(tok, kind, m.end, sent)
                    if m.with_subject and len(signers) >= 2:
                        # "A and B signed an agreement on trade with China": China is what the trade is with
                        m.subject, m.parties = m.with_subject, signers
                    elif m.explicit_parties and m.with_side:
                        m.parties = signers + [p for p in m.parties if p.get("country") not in
                                               {q.get("country") for q in signers} or not p.get("country")]
                    elif not m.explicit_parties:
                        m.parties = signers
                subj = (m.type_end, m.end)
                m.signed_date = self.signed_date(i, exclude=subj, near=tok.idx, tok=tok)
                if m.signed_date is None and kind == "verb" and self.perfect(tok):
                    m.signed_date = self.dateline_date()
                m.signed_place = self.sentence_place(sent)
                if not headline:
                    earlier = self.earlier_marked(sent, tok)
                    m.signed_date, m.signed_place = self.same_occasion(i, m.signed_date, m.signed_place,
                                                                       self.back_reference(sent) is not None, earlier)
                    m.passing = earlier or self.other_time(i, m.signed_date)
                if not m.parties:
                    m.parties = self.unnamed_sides(i, sent, m.passing)
                if not headline:
                    self.note_event(i, m.signed_date, m.signed_place, doc_parties=[p for p in m.parties if p.get("party")])
                self.add_mention(m)

    @staticmethod
    def perfect(tok) -> bool:
        """"have/has (just) signed": a recent signing, dated by the article's dateline when undated."""
        return tok.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ in ("has", "have", "'ve")
                                         for c in tok.children)

    def dateline_date(self) -> Optional[str]:
        """A full date standing alone on a line before the first body sentence (a dateline)."""
        text = self.text
        for d in self.dates:
            if d["start"] > self.title_end + 200:
                break
            if len(str(d["value"])) != 10:
                continue
            ls = text.rfind("\n", 0, d["start"]) + 1
            le = text.find("\n", d["end"])
            le = len(text) if le == -1 else le
            line = text[ls:le].strip()
            if ls >= self.title_end and re.fullmatch(r"(?:[A-Z][a-z]+,?\s+)?" + re.escape(d["text"]) + r"\W*", line):
                return str(d["value"])
        return None

    def included(self, tok, after: int, sent: Span) -> list[dict]:
        """Documents named after a collective object and an inclusion cue ("signed a number of
        documents, including a treaty on X, an agreement on Y and a joint statement"): each
        singular document name opening a coordinated item is a record, with the signing's
        sides and date. Returns the document-name matches used."""
        text = self.text
        # "documents, including", "the package signed on Friday includes", "documents signed include"
        participle = r"(?:\s+" + self.lex.sign_past_re.pattern + r"(?:\s+(?:on|in|at|during|by|last|this|earlier)\s+[^,;:]{1,40}?)?)?"
        # the signing's circumstances may come first ("signed 10 documents on Friday, including")
        adjunct = r"(?:\s+(?:on|in|at|during|last|this|earlier|worth)\s+[^,;:]{1,40}?)?"
        cue = re.match(r"(?:\s+of\s+[\w’'-]+(?:\s+[\w’'-]+){0,3}?)?" + participle + adjunct + r"\s*[,(:–—-]?\s*(?:"
                       + self.lex.inclusion_re.pattern + r")\s*:?\s*", text[after:sent.end_char], re.I)
        if not cue:
            # "Among the documents signed were an agreement on X and ...": the opening names the signing
            m = self.back_reference(sent)
            if m is not None and sent.start_char + m.end() > after and re.match(r"(?i:among)\b", sent.text.lstrip()):
                return self.named_documents(sent.start_char + m.end(), sent, tok)
            return []
        return self.named_documents(after + cue.end(), sent, tok)

    def named_documents(self, zone_s: int, sent: Span, tok, linked: bool = False,
                        need_content: bool = False, zone_e: Optional[int] = None) -> list[dict]:
        """The singular documents named from ``zone_s`` to the sentence end (or ``zone_e``), each
        opening a coordinated item ("an agreement on X, a memorandum on Y and a protocol on Z"):
        records with their own parties, else the signing's (``tok``) or the context's sides."""
        text = self.text
        types = find_types(text, self.lex, zone_s, zone_e if zone_e is not None else sent.end_char)
        starts = []
        for t in types:
            ns = self.np_start(t["start"], zone_s)
            before = text[zone_s:ns].rstrip()
            if ns == zone_s or not before.strip() or re.search(r"(?:,|;|\band|\bas well as)$", before) \
                    or (not starts and self._np_chars(zone_s, ns)):
                starts.append((ns, t))
        if not starts:
            return []
        if tok is None:
            # no signing verb: the document's description ends at the sentence's finite verb
            # ("Another agreement provides for ...")
            fin = next((x for x in self.doc if starts[0][1]["end"] <= x.idx < sent.end_char
                        and x.tag_ in FINITE_TAGS and x.lemma_.lower() not in self.lex.statement_verbs), None)
            if fin is not None:
                starts = [(ns, t) for ns, t in starts if ns < fin.idx]
        fin_end = fin.idx if tok is None and fin is not None else sent.end_char
        if zone_e is not None:
            fin_end = min(fin_end, zone_e)
        i = self.sent_of(sent.start_char)
        out = []
        for n, (ns, t) in enumerate(starts):
            nxt = starts[n + 1][0] if n + 1 < len(starts) else None
            limit = nxt if nxt is not None else fin_end
            sep = re.search(r"\s*(?:,|;)?\s*(?:and|as well as)?\s*$", text[ns:limit])
            limit = ns + sep.start() if sep and nxt is not None else limit
            if t["plural"]:
                continue
            m = self.mention_from(t, limit, None, i, desc_start=ns)
            if tok is None and not self.described_after(m, sent.end_char) and need_content:
                continue
            if not m.parties:
                m.parties = self.sides_of(tok, sent, m.end) if tok is not None else self.event_sides(i, sent)
            m.signed_date = self.signed_date(i, exclude=(zone_s, sent.end_char), tok=tok)
            m.signed_place = self.sentence_place(sent)
            m.headline = sent.start_char < self.title_end
            if not m.headline:
                m.signed_date, m.signed_place = self.same_occasion(i, m.signed_date, m.signed_place, linked,
                                                                   self.earlier_marked(sent, tok))
            self.add_mention(m)
            out.append(t)
        if out and tok is None:
            self.note_event(i, self.records[-1].signed_date, self.records[-1].signed_place)
        return out

    def back_reference(self, sent: Span) -> Optional[re.Match]:
        """An opening that presents what follows as one of the documents of an earlier signing
        ("The largest of the deals is", "Among them are", "Another agreement", ranking_openers.txt)."""
        t = sent.text
        lead = len(t) - len(t.lstrip())
        am = self.lex.adverb_re.match(t, lead)
        for start in ((lead, am.end()) if am else (lead,)):
            for p in self.lex.ranking_res:
                m = p.match(t, start)
                if m:
                    return m
        return None

    def context_documents(self, i: int, sent: Span) -> None:
        """Documents named without a signing verb in a sentence that presents them as part of
        an earlier signing ("The sides signed 15 agreements. The largest of the deals is a $1.1
        billion contract between A and B for C."; "Another agreement, between A and B, provides
        for ..."): records with the earlier signing's date and place."""
        if sent.start_char < self.title_end or sent.text.rstrip().endswith("?"):
            return
        if self.record_starts.any_in(self.records, sent.start_char, sent.end_char) or \
                self.signing_starts.any_in(self.signings, sent.start_char, sent.end_char):
            return
        if not any(ev["sent"] < i for ev in self.events):
            return
        m = self.back_reference(sent)
        if m is None:
            self.provision_document(i, sent)
            return
        if any(t.lower_ in self.lex.negations or (t.lower_ in self.lex.modals and t.tag_ == "MD") for t in sent) \
                or any(p.search(sent.text) for p in self.lex.unsigned_res):
            return  # "Another agreement would follow", "... is being negotiated": not (yet) signed
        zone_s = sent.start_char + m.start()
        subject_position = re.match(r"(?i:another|a\s+further|a\s+second|a\s+third|one\s+more|a\s+separate)\b",
                                    sent.text[m.start():]) is not None
        if not subject_position:
            zone_s = sent.start_char + m.end()
        # a document in subject position needs a verb stating its content ("Another agreement provides for")
        self.named_documents(zone_s, sent, None, linked=True, need_content=subject_position)

    def provision_document(self, i: int, sent: Span) -> None:
        """A new document introduced by what it provides after a signing ("Under another deal,
        ACWA Power will build ...", "Under a third document, a memorandum between A and B, the two
        will ...": provision_openers.txt): the document named up to the last comma before the
        sentence's first finite verb is a record with its own parties, else the signing's sides,
        and the signing's date and place. The main clause's modal is the document's obligation,
        not a planned signing; a negation or an unsigned cue inside the opening gives nothing."""
        t = sent.text
        lead = len(t) - len(t.lstrip())
        am = self.lex.adverb_re.match(t, lead)
        m = next((pm for start in ((lead, am.end()) if am else (lead,)) for p in self.lex.provision_res
                  for pm in [p.match(t, start)] if pm), None)
        if m is None:
            return
        zone_s = sent.start_char + m.end()
        fin = next((x for x in sent if x.idx >= zone_s and x.tag_ in FINITE_TAGS), None)
        if fin is None:
            return
        comma = self.text.rfind(",", zone_s, fin.idx)
        if comma == -1:
            return
        opening = self.text[zone_s:comma]
        if any(w.lower() in self.lex.negations for w in re.findall(r"[\w’'-]+", opening)) \
                or any(p.search(opening) for p in self.lex.unsigned_res):
            return
        self.named_documents(zone_s, sent, None, linked=True, zone_e=comma)

    def event_sides(self, i: int, sent: Span) -> list[dict]:
        """The sides of the latest signing before sentence ``i`` (its row's or records'
        parties), else the sides the context names."""
        for ev in sorted(self.events, key=lambda x: -x["sent"]):
            if ev["sent"] < i and ev.get("parties"):
                return [dict(p) for p in ev["parties"]]
        sides = self.context_sides(sent.start_char)
        return sides if len(sides) >= 2 else []

    def described_after(self, m: "Mention", limit: int) -> bool:
        """", between A and B, provides for X" after a document named without a signing verb:
        the parties set off by commas, the subject after a content verb (content_verbs.tsv).
        True when a content verb follows."""
        text = self.text
        pos = m.end
        bm = re.match(r"\s*,\s*between\s+([^,;]+?(?:,\s*[^,;]+?){0,3})\s*,\s*", text[m.type_end:limit])
        if bm and not m.parties:
            zs, ze = m.type_end + bm.start(1), m.type_end + bm.end(1)
            if self.named_sides(zs, ze):
                m.parties, m.explicit_parties = self.parties_from_zone(zs, ze, pos=zs), True
                m.end = m.type_end  # the description is the name; the parties are set off by commas
                pos = m.type_end + bm.end()
        for verb, marker in self.lex.content_verbs:
            vm = re.match(rf"\s*,?\s*{re.escape(verb)}\s+", text[pos:limit], re.I)
            if not vm:
                continue
            rest = pos + vm.end()
            if marker:
                mk = re.search(rf"\b{re.escape(marker)}\s+", text[rest:limit])
                if not mk:
                    continue
                rest += mk.end()
            end = self.description_end(rest, limit)
            s0, e0 = trim_span(text, rest, end)
            if e0 > s0 and not m.subject:
                m.subject = text[s0:e0]
            return True
        return False

    def sides_of(self, tok, sent: Span, mention_end: int) -> list[dict]:
        """The signing sides of a signing token, else the sides the context names (two or more)."""
        parties = self.signers(tok, "verb", mention_end, sent) if tok is not None else []
        if not parties:
            sides = self.context_sides(sent.start_char)
            parties = sides if len(sides) >= 2 else []
        return parties

    def _coord_start(self, type_start: int) -> int:
        s = self.np_start(type_start, 0)
        back = re.search(r"(?:,|;|\band)\s*$", self.text[:s])
        return back.start() if back else s

    def _coordinated(self, a: int, b: int) -> bool:
        gap = self.text[a:b]
        return not (self.lex.sign_past_re.search(gap) or re.search(rf"\b(?:was|were|{_alt(RELATIVES)})\b", gap))

    def _np_chars(self, a: int, b: int) -> bool:
        """Is text[a:b] (between a verb and a document name) noun-phrase material only?"""
        if b < a:
            return False
        if not self.text[a:b].strip():
            return True
        idx = [t.i for t in self.doc if a <= t.idx < b]
        if not idx or len(idx) > 14:
            return False
        return self.np_between(idx[0], idx[-1] + 1)

    def passive_subject(self, tok, sent: Span) -> tuple[list, Optional[tuple[int, int]]]:
        """Documents that are the passive subject of ``tok`` ("An agreement was signed",
        "..., which was signed by ...") or the subject of a sentence opened by a participle."""
        text = self.text
        # "Signed today by A and B, this landmark agreement ..."
        first = next((t for t in sent if not t.is_space and not t.is_punct), None)
        if first is not None and first.i == tok.i and tok.lower_.endswith("ed"):
            comma = text.find(",", tok.idx, sent.end_char)
            if comma != -1:
                types = find_types(text, self.lex, comma, sent.end_char)
                if types and self._np_chars(comma + 1, types[0]["start"]):
                    return [types[0]], None
        # an active verb with a subject of its own ("... and Minister X signed for Y") has no
        # passive subject: the document before it belongs to another clause
        # ("the agreement which/that Kazakhstan signed" is a relative clause: it stays)
        subj = [c for c in tok.children if c.dep_ == "nsubj"]
        if tok.pos_ == "VERB" and tok.dep_ not in ("relcl", "acl") and subj \
                and not any(c.dep_ in ("auxpass", "nsubjpass") or c.lower_ in RELATIVES for c in tok.children) \
                and not self.reduced_relative(tok, subj):
            return [], None
        before = find_types(text, self.lex, sent.start_char, tok.idx)
        colls = list(self.lex.collective_re.finditer(text, sent.start_char, tok.idx))
        cands = [("t", t["start"], t["end"], t) for t in before] + [("c", m.start(), m.end(), None) for m in colls]
        if not cands:
            return [], None
        kind, s, e, t = max(cands, key=lambda c: c[2])
        # nothing but the description (no finite verb) between the noun and the verb
        ta, tb = self.tok_from(e), tok
        if ta is None:
            return [], None
        aux_ok = False
        for k in range(ta.i, tb.i):
            w = self.doc[k]
            if w.tag_ in FINITE_TAGS and w.lower_ not in BE_AUX and w.lower_ not in RELATIVES:
                return [], None
            if w.lower_ in BE_AUX:
                aux_ok = True
        reduced = tok.tag_ == "VBN" or tok.lower_.endswith("ed")
        if not (aux_ok or reduced):
            return [], None
        if kind == "c" or (t and t["plural"]):
            np_s = self.np_start(s, sent.start_char)
            return [], (np_s, e)
        return [t], None

    def reduced_relative(self, tok, subj: list) -> bool:
        """"the 1998 Treaty on X between A and B signed in Bishkek", parsed as an active verb
        whose subject is the document: no object, the subject a (singular) document name right
        before it, and the verb not sentence-initial's finite head of its own clause."""
        if any(c.dep_ in ("dobj", "obj", "attr") for c in tok.children) or tok.dep_ == "ROOT":
            return False
        head = subj[-1]
        t = find_types(self.text, self.lex, head.idx, head.idx + len(head.text))
        return bool(t) and not t[0]["plural"] and head.i < tok.i

    def note_event(self, i: int, date: Optional[str], place: Optional[str], parties: Optional[list] = None,
                   doc_parties: Optional[list] = None) -> None:
        """A signing occasion: ``parties`` the sides of a signing row (what a later document of the
        batch inherits), ``doc_parties`` those of a single document (the article's relationship)."""
        self.events.append({"sent": i, "date": date, "place": place, "parties": parties or [],
                            "doc_parties": doc_parties or []})

    def same_occasion(self, i: int, date: Optional[str], place: Optional[str],
                      linked: bool = False, earlier: bool = False) -> tuple[Optional[str], Optional[str]]:
        """A signing reported without a time of its own right after another signing ("Following
        the talks, the leaders signed a Joint Statement. The sides also exchanged a number of
        documents ...") belongs to the same occasion: it takes that signing's date, and its place
        when it names none. A signing with its own date takes only the place of an earlier
        signing of the same date. A sentence ``linked`` to an earlier signing by its opening
        ("Among the deals, ...", "Another agreement ...") continues the latest one at any distance.
        Further on, an undated signing continues the article's main event (its first dated
        signing: "In the agricultural sector, A and B concluded a contract" paragraphs after "...
        signed 14 agreements in Almaty on Thursday"), unless it is marked ``earlier``
        ("previously", "already", "had signed": earlier_cues.txt), which keeps it undated."""
        if date is not None and place is not None:
            return date, place
        if earlier and date is None:
            return date, place
        prev = [ev for ev in self.events if ev["sent"] <= i and (linked or i - ev["sent"] <= OCCASION_WINDOW)]
        if not prev:
            main = self.main_event(i)
            if date is None and main is not None:
                return main["date"], place or main["place"]
            return date, place
        ev = max(prev, key=lambda x: x["sent"])
        if date is None and ev["date"] is not None:
            return ev["date"], place or ev["place"]
        if place is None and (date is None or date == ev["date"]):
            return date, ev["place"]
        return date, place

    def main_event(self, i: int) -> Optional[dict]:
        """The article's main reported signing before sentence ``i``: its first dated signing in
        the body (not the headline), else None."""
        body = [ev for ev in self.events if ev["sent"] < i and ev["date"]
                and self.sents[ev["sent"]].start_char >= self.title_end]
        return min(body, key=lambda x: x["sent"]) if body else None

    def other_time(self, i: int, date: Optional[str]) -> bool:
        """Is ``date`` another time than the article's main signing event before sentence ``i``
        ("the Partnership and Cooperation Agreement, which was signed in Florence in 1996")?"""
        main = self.main_event(i)
        return bool(date and main and not (date.startswith(main["date"]) or main["date"].startswith(date)))

    def main_sides(self, i: int) -> list[dict]:
        """The sides of the article's main relationship before sentence ``i``: the parties of its
        main (first dated) signing, else of its first signing naming two or more."""
        sides = lambda ev: ev["parties"] if len(ev["parties"]) >= 2 else ev["doc_parties"]
        main = self.main_event(i)
        if main is not None and len(sides(main)) >= 2:
            return [dict(p) for p in sides(main)]
        for ev in sorted(self.events, key=lambda x: x["sent"]):
            if ev["sent"] < i and len(sides(ev)) >= 2 and self.sents[ev["sent"]].start_char >= self.title_end:
                return [dict(p) for p in sides(ev)]
        return []

    def unnamed_sides(self, i: int, sent: Span, passing: bool) -> list[dict]:
        """The parties of a document that names none and has no signer ("It will replace the
        Partnership and Cooperation Agreement, which was signed in Florence in 1996"): for a
        document mentioned in passing (signed at another time than the article's main event, or
        marked earlier) the article's main relationship, not countries that merely appear in
        nearby sentences; otherwise the sides the context names, else the main relationship."""
        main = self.main_sides(i)
        if passing and main:
            return main
        sides = self.context_sides(sent.start_char)
        return sides if len(sides) >= 2 else main

    def earlier_marked(self, sent: Span, tok=None) -> bool:
        """Does ``sent`` mark its signing as earlier than the reported event ("Previously, ...",
        "already signed", "similar agreements earlier", a pluperfect "had signed")?"""
        if tok is not None and any(c.dep_ == "aux" and c.lower_ in ("had", "'d", "’d") for c in tok.children):
            return True
        return any(p.search(sent.text) for p in self.lex.earlier_res)

    def add_signing(self, i: int, sent: Span, tok, kind: str, obj: tuple[int, int]) -> None:
        text = self.text
        np_s = self.np_start(obj[0], sent.start_char) if obj[0] < tok.idx else obj[0]
        obj_text = text[np_s:obj[1]]
        for m in self.money:
            if m.get("start") is not None and np_s <= m["start"] and m["end"] <= obj[1]:
                a, b = m["start"] - np_s, m["end"] - np_s
                obj_text = obj_text[:a] + " " * (b - a) + obj_text[b:]  # "€30 million grant deals": no count
        count = count_of(obj_text, self.lex)
        value = currency = None
        for m in self.money:
            if sent.start_char <= m["start"] < sent.end_char and m.get("amount") is not None \
                    and not m.get("range_bound") == "min" and m.get("equivalent_of") is None:
                value, currency = m["amount"], m.get("currency")
                break
        parties = self.signers(tok, kind, obj[1], sent) if kind == "verb" else []
        wm = re.match(r"\s+with\s+(?:the\s+)?", text[obj[1]:sent.end_char])
        if parties and wm:
            # "EU inks €30 million grant deals with Kyrgyzstan": the other side
            other = next((m for m in self.ents.overlapping(obj[1], sent.end_char)
                          if m["start"] == obj[1] + wm.end() and m["label"] in ("GPE", "ORG")), None)
            if other is not None:
                p = self.resolve_party(other["start"], other["end"])
                if p and p.get("party") and p["party"] not in {q.get("party") for q in parties}:
                    parties = parties + [p]
        if not parties:
            # "The grants were signed at a ceremony": the sides of the signing just reported
            prev = [ev for ev in self.events if ev["sent"] <= i and i - ev["sent"] <= OCCASION_WINDOW and ev["parties"]]
            parties = [dict(p) for p in max(prev, key=lambda x: x["sent"])["parties"]] if prev else []
        if not parties:
            sides = self.context_sides(sent.start_char)
            parties = sides if len(sides) >= 2 else []
        stext = sent.text.rstrip()
        rec = {"start": sent.start_char, "end": sent.start_char + len(stext), "text": stext, "count": count,
               "value": value, "currency": currency,
               "parties": " | ".join(p["party"] for p in parties if p.get("party")) or None,
               "signed_date": self.signed_date(i, tok=tok), "signed_place": self.sentence_place(sent)}
        rec["headline"] = sent.start_char < self.title_end
        for prev in self.signings:
            if prev["start"] == rec["start"]:
                return
        if not rec["headline"]:
            rec["signed_date"], rec["signed_place"] = self.same_occasion(i, rec["signed_date"], rec["signed_place"],
                                                                         earlier=self.earlier_marked(sent, tok))
            self.note_event(i, rec["signed_date"], rec["signed_place"], [p for p in parties if p.get("party")])
        # the same event reported again (a caption, a summary) adds no row
        self.signings.append(rec)

    # ---------------------------------------------------------------- merging
    def compatible(self, a: Mention, m: Mention) -> bool:
        if a.doc_type != m.doc_type:
            like = self.lex.agreement_like
            if not (m.anaphoric and a.doc_type in like and m.doc_type in like):
                return False
        if m.subject and a.subject and not _similar(a.subject, m.subject):
            return False
        if m.subject and not a.subject and not m.headline:
            return False
        if m.proper and a.proper and m.title and a.title and m.definite:
            if not _similar(_name_part(a.title, self.lex), _name_part(m.title, self.lex)):
                return False
        if m.signed_date and a.signed_date and m.signed_date[:4] != a.signed_date[:4]:
            return False
        # a name of its own ("the 1987 Border Treaty") is another document
        mods = re.findall(r"[A-Z][\w’'-]*", self.text[m.start:m.type_start])
        mods = [w for w in mods if w.lower() not in DETERMINERS and w.lower() != "new"]
        if mods and not all(w.lower() in _fold(a.title or "").lower() for w in mods):
            return False
        ca = {p.get("country") for p in a.parties if p.get("country")}
        cm = {p.get("country") for p in m.parties if p.get("country")}
        if ca and cm and not cm <= ca:
            return False
        return True

    def fallback_subject(self, r: Mention) -> Optional[str]:
        """A subject when none follows the name: a marker inside a participle clause
        ("a Memorandum affirming ... reached on X"), the name's own modifiers ("Strategic Arms
        Reduction Treaty", "a currency swap agreement"), a describing next sentence ("This
        document commits ... to X"), or an earlier mention of the same document ("its
        memorandum of understanding of assistance to X" before "signed this new MOU")."""
        text = self.text
        # (a) a participle clause carrying the subject: the first subject marker attached to a
        # participle of the clause ("a Memorandum reflecting their agreement reached on port fees")
        pm = re.match(r"\s+\w+(?:ing|ed)\b", text[r.type_end:r.end])
        for j in range(r.type_end + pm.end(), r.end) if pm else ():
            if text[j - 1] != " ":
                continue
            mk = _marker_at(text, j, self.lex, party_zone=False)
            mt = self.tok_at(j) if mk else None
            if mt is not None and mt.head.tag_ in ("VBG", "VBN") and r.type_end <= mt.head.idx < mt.idx:
                s0, e0 = trim_span(text, mk[1], r.end)
                if e0 > s0:
                    return text[s0:e0]
                break
        # (b) the name's modifiers
        pre = [t for t in self.doc if r.start <= t.idx < r.type_start and not t.is_space]
        words = []
        k = len(pre) - 1
        while k >= 0:
            t = pre[k]
            measure = self.measure_start(pre, k)
            if measure is not None:
                k = measure - 1  # "a ten-year gas contract": a duration, not the subject
                continue
            if t.pos_ in ("NOUN", "PROPN") and t.tag_ != "POS" and t.lower_ not in self.lex.generic_modifiers \
                    and not t.like_num and t.lower_ not in DETERMINERS and not self.lex.country_in(t.text):
                words.insert(0, t)
            elif words and words[0].is_title and t.lower_ in ("and", "&") and t.i > 0 and self.doc[t.i - 1].is_title:
                words.insert(0, t)  # "Partnership and Cooperation Agreement"
            elif not (t.lower_ in self.lex.generic_modifiers and words):
                break
            k -= 1
        while words and words[0].lower_ in ("and", "&"):
            words.pop(0)
        titled = [t for t in pre if t.is_alpha and t.lower_ not in DETERMINERS and t.lower_ not in ("and", "&", "of")]
        if words and all(t.is_title or t.is_upper for t in titled) and all(
                t.lower_ in self.lex.relationship_words or t.lower_ in self.lex.generic_modifiers for t in titled):
            words = []  # "the Enhanced Partnership and Cooperation Agreement": a name, not a topic
        if words:
            return text[words[0].idx:words[-1].idx + len(words[-1].text)]
        # (c) the next sentence describes the document ("This document commits ... to X")
        i = self.sent_of(r.start)
        if i + 1 < len(self.sents):
            nxt = self.sents[i + 1]
            om = self.lex.content_opener_re.match(nxt.text)
            if om and not self.describes(r, i, om.group(0)):
                om = None
            for verb, marker in self.lex.content_verbs if om else ():
                m = re.match(rf"{re.escape(verb)}\s+", nxt.text[om.end():], re.I)
                if not m:
                    continue
                rest_s = nxt.start_char + om.end() + m.end()
                if marker:
                    mk = re.search(rf"\b{re.escape(marker)}\s+", text[rest_s:nxt.end_char])
                    if not mk:
                        continue
                    rest_s += mk.end()
                s0, e0 = trim_span(text, rest_s, nxt.end_char)
                if e0 > s0:
                    return text[s0:e0]
        # (d) an earlier (unsigned) mention of the same document names its subject
        if r.definite:
            for k in range(i, max(-1, i - 3), -1):
                st = self.sents[k]
                for t in find_types(text, self.lex, st.start_char, min(st.end_char, r.start)):
                    if t["doc_type"] != r.doc_type or t["plural"]:
                        continue
                    if any(o is not r and o.type_start <= t["start"] < o.end for o in self.records):
                        continue  # another document's own description, not an earlier mention of this one
                    end = self.description_end(t["end"], st.end_char)
                    parse = parse_after_type(text, t["end"], end, self.lex)
                    if parse["subject"]:
                        return text[parse["subject"][0]:parse["subject"][1]]
        return None

    def describes(self, r: Mention, i: int, opener: str) -> bool:
        """May a describing sentence opened by ``opener`` ("It", "The new agreement") refer to
        ``r``, a document of sentence ``i``? Only the last document the sentence names, of a type
        the opener's name fits (an anaphoric "accord" fits any agreement-like type), and not a
        document signed earlier when the opener calls it the current one ("The new agreement
        covers ..." after "It will replace the Partnership and Cooperation Agreement, signed in 1996")."""
        st = self.sents[i]
        if any(o is not r and r.start < o.start < st.end_char for o in self.records):
            return False
        words = re.findall(r"[\w’'-]+", opener.lower())
        if r.passing and any(w in self.lex.current_words for w in words):
            return False
        types = find_types(opener, self.lex)
        if types and not types[-1]["plural"]:
            t = types[-1]
            like = self.lex.agreement_like
            if t["doc_type"] != r.doc_type and not (t["anaphoric"] and t["doc_type"] in like and r.doc_type in like):
                return False
        return True

    def measure_start(self, toks: list, k: int) -> Optional[int]:
        """The index in ``toks`` where a number-unit compound ending at ``toks[k]`` starts ("ten-year",
        "10-year", "five - year"), else None."""
        t = toks[k]
        number = lambda w: w.like_num or w.lower_ in self.lex.numbers
        if t.lower_ in self.lex.units and k >= 2 and toks[k - 1].text in ("-", "–") and number(toks[k - 2]):
            return k - 2
        m = re.fullmatch(r"(\w+)[-–](\w+)", t.lower_)
        if m and m.group(2) in self.lex.units and (m.group(1).isdigit() or m.group(1) in self.lex.numbers):
            return k
        return None

    def add_mention(self, m: Mention) -> None:
        if m.headline:
            self.records.append(m)  # resolved in finish()
            return
        indefinite = re.match(rf"(?:{_alt(INDEFINITE)})\s", self.text[m.start:m.type_start], re.I)
        if (m.definite or (m.proper and m.title)) and not indefinite:
            for a in reversed(self.records):
                if a.headline or a.start >= m.start:
                    continue
                same_name = _norm_title(a.title) == _norm_title(m.title)
                if self.compatible(a, m) and (m.definite or same_name):
                    _fill(a, m)
                    return
        self.records.append(m)

    def finish(self) -> None:
        body = [r for r in self.records if not r.headline]
        heads = [r for r in self.records if r.headline]
        for h in heads:
            target = next((a for a in body if self.compatible(a, h) or
                           (a.doc_type == h.doc_type and not h.subject)), None)
            if target is not None:
                _fill(target, h)
            else:
                body.append(h)
        body.sort(key=lambda r: r.start)
        self.records = body
        for r in body:
            if r.subject is None:
                r.subject = self.fallback_subject(r)
            if r.signed_place is None:
                r.signed_place = self.later_place(r)
        sbody = list(self.signings)
        day = self.dateline_date() or self.published
        first = next((ev for ev in sorted(self.events, key=lambda x: x["sent"]) if ev["date"]), None)
        for r in sbody:
            if r.pop("headline", None) and first is not None and r["signed_date"] is None:
                # a headline ("A, B sign 15 documents") sums up the body's first dated signing
                r["signed_date"] = first["date"]
                r["signed_place"] = r["signed_place"] or first["place"]
            if r["signed_place"] is None and r["signed_date"] and r["signed_date"] == day:
                r["signed_place"] = self.default_place()  # signed on the day of the dateline
        self.signings = sorted(sbody, key=lambda r: r["start"])


def _name_part(title: str, lex: Lexicon) -> str:
    """A title up to its parties or subject ("Agreement on X" -> "Agreement")."""
    m = re.search(rf"\s(?:{_alt(PARTY_KINDS + tuple(lex.subject_markers))})\s", title)
    return title[:m.start()] if m else title


def _norm_title(t: Optional[str]) -> str:
    t = re.sub(rf"^(?:(?:{DET_ALT}|new)\s+)+", "", _fold(t or "").lower())
    return " ".join(t.split())


def _similar(a: str, b: str) -> bool:
    ta = set(re.findall(r"\w+", _fold(a).lower()))
    tb = set(re.findall(r"\w+", _fold(b).lower()))
    if not ta or not tb:
        return False
    common = len(ta & tb)
    return common / min(len(ta), len(tb)) >= 0.6


def _fill(a: Mention, m: Mention) -> None:
    """Merge a later mention of the same document into its record (missing fields only)."""
    for attr in ("subject", "signed_date", "signed_place"):
        if getattr(a, attr) is None and getattr(m, attr) is not None:
            setattr(a, attr, getattr(m, attr))
    if not a.parties and m.parties:
        a.parties = m.parties
    elif m.parties and len(m.parties) > len(a.parties) and not a.explicit_parties:
        a.parties = m.parties
    if (not a.proper) and m.proper and not m.headline:
        a.title = m.title


def clean_subject(subject: Optional[str], lex: Lexicon) -> Optional[str]:
    """A subject without its trails (``subject_trails.txt``) and without a dangling function
    word (``dangling_words.txt``) or punctuation at its end ("... assistance to")."""
    if not subject:
        return subject
    out = subject
    for p in lex.subject_trails:
        out = p.sub("", out)
    if lex.dangling:
        out = re.sub(rf"(?:[\s,;:]+(?:{_alt(lex.dangling)}))+[\s,;:.]*$", "", out)
    return out.strip(" ,;:") or None


def document_records(doc: Doc, lex: Lexicon) -> tuple[list[dict], list[dict]]:
    """(documents, signings) of a parsed doc whose entities, dates and money stages ran."""
    an = Analyzer(doc, lex)
    an.run()
    text = an.text
    docs = []
    for r in an.records:
        parties = []
        for p in r.parties:
            if not p.get("party"):
                continue
            parties.append({"party": p["party"], "party_entity_id": p.get("party_entity_id"),
                            "country": p.get("country")})
        docs.append({"start": r.start, "end": r.end, "text": text[r.start:r.end], "doc_type": r.doc_type,
                     "title": r.title, "subject": clean_subject(r.subject, lex), "signed_date": r.signed_date,
                     "signed_place": r.signed_place, "parties": parties})
    return docs, an.signings


class DocumentsStage(Stage):
    def __init__(self, nlp, name: str, data_dir: Optional[str] = None, countries_table: Optional[str] = None,
                 segmentation_dir: Optional[str] = None, reporting_verbs_table: Optional[str] = None,
                 units_table: Optional[str] = None):
        super().__init__(nlp, name)
        self.lex = Lexicon.load(stage_data_dir("documents", data_dir),
                                countries=other_stage_path(countries_table, "entities", "countries.tsv"),
                                segmentation=other_stage_path(segmentation_dir, "segmentation"),
                                reporting_verbs=other_stage_path(reporting_verbs_table, "quotes", "reporting_verbs.tsv"),
                                units=other_stage_path(units_table, "dates", "units.tsv"))

    def process(self, doc) -> None:
        docs, signings = document_records(doc, self.lex)
        doc._.documents = docs
        doc._.signings = signings
        spans = []
        for d in docs:
            span = doc.char_span(d["start"], d["end"], alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.spans["documents"] = spans


@Language.factory("newsie_documents", default_config={"data_dir": None, "countries_table": None,
                                                     "segmentation_dir": None, "reporting_verbs_table": None,
                                                     "units_table": None},
                   assigns=["doc._.documents", "doc._.signings", "doc.spans"],
                   requires=["doc._.entities", "doc._.dates", "doc._.money", "doc._.quotes", "token.dep", "token.is_sent_start"])
def make_documents(nlp: Language, name: str, data_dir: Optional[str], countries_table: Optional[str],
                   segmentation_dir: Optional[str], reporting_verbs_table: Optional[str],
                   units_table: Optional[str]):
    return DocumentsStage(nlp, name, data_dir, countries_table, segmentation_dir, reporting_verbs_table,
                          units_table)
