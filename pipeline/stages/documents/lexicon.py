"""The documents stage's rule data (models/documents/ and other stages' data), loaded once."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from ...core.countries import CountryIndex
from ...core.paths import other_stage_path
from ...core.stage import read_lines, read_tsv
from ...core.text import alternation, fold, words_regex
from .deals import DealMarkers
from .grammar import run_start, strip_the
from .party_text import PartyWords


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
    same_day_re: re.Pattern = None   # "earlier in the day", "on the same day" (same_day_cues.txt)
    stops: list = field(default_factory=list)
    dateline_res: list = field(default_factory=list)   # datelines opening the body (dateline_patterns.txt)
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
    entry_verbs: dict = field(default_factory=dict)  # "entered" -> {"into"}: "entered into an agreement"
    link_alt: str = "and"  # regex alternation of document_links.txt: "and", "as well as", "together with"
    earlier_res: list = field(default_factory=list)    # "previously", "already": a signing before the event
    provision_res: list = field(default_factory=list)  # "Under another deal, ...": a document of the signing
    speaker_pronouns: frozenset = frozenset()          # "we" signing in a quote: the speaker's side
    deal_markers: DealMarkers = None                   # inline deal lists ("with A for X and with B for Y")
    deal_item_markers: DealMarkers = None              # the same plus the item-only purposes ("with A on X")
    party_words: PartyWords = None                     # words around a party's name (party_trims.tsv, body_heads.tsv)
    column_roles: dict = field(default_factory=dict)   # table header word -> role ("party", "document", ...)
    column_types: dict = field(default_factory=dict)   # table header word -> doc_type of rows naming no document
    stop_heading_re: re.Pattern = None                 # "Looking ahead": a list heading of items not concluded
    subject_leads: list = field(default_factory=list)  # "cooperation in the field of X" -> "X"
    block_cue_re: re.Pattern = None                    # "listed below", "the following outcomes": a list follows

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
        _load_types(lex, folder)
        _load_frames(lex, folder)
        _load_parties(lex, folder, units)
        _load_phrasing(lex, folder, reporting_verbs)
        _load_places(lex, segmentation, countries)
        lex.party_words = PartyWords.load(folder)
        return lex

    # small lookups -------------------------------------------------------------------
    def doc_type(self, form: str):
        return self.type_of.get(fold(form.lower()))

    def country_in(self, text: str) -> Optional[str]:
        """The ISO2 code of the first country name/alias/adjective in ``text``."""
        m = self.country_re.search(fold(text))
        return self.country_of.get(m.group(0)) if m else None

    def is_country_name(self, text: str) -> Optional[str]:
        t = fold(strip_the(text)).strip().lower()
        return self.country_names_only.get(t)



def _load_types(lex: Lexicon, folder: Path) -> None:
    """Document types (doc_types.tsv) and collective nouns."""
    agreement_like, acronyms = set(), set()
    for row in read_tsv(folder / "doc_types.tsv"):
        form = fold(row["form"].strip().lower())
        anaph = row.get("anaphoric", "0").strip() == "1"
        lex.type_of[form] = (row["doc_type"].strip(), False, anaph)
        plurals = [fold(pl.strip().lower()) for pl in (row.get("plural") or "").split("|") if pl.strip()]
        for pl in plurals:
            lex.type_of[pl] = (row["doc_type"].strip(), True, anaph)
        if (row.get("agreement_like") or "0").strip() == "1":
            agreement_like.add(row["doc_type"].strip())
        if (row.get("acronym") or "0").strip() == "1":
            acronyms |= {form, *plurals}
    lex.agreement_like, lex.acronyms = frozenset(agreement_like), frozenset(acronyms)
    lex.type_re = words_regex(lex.type_of)
    lex.collective = {w.lower() for w in read_lines(folder / "collective_nouns.txt")}
    lex.collective_re = words_regex(lex.collective)


def _particle_rows(rows) -> dict:
    """form -> the particles that must follow it ("agreed" -> {"on", "upon"})."""
    return {r["form"].strip().lower(): {w.strip().lower() for w in r["particles"].split("|") if w.strip()}
            for r in rows}


def _load_frames(lex: Lexicon, folder: Path) -> None:
    """Signing verbs and nouns, planned/negated cues, list lead-ins."""
    verb_only = set()
    for row in read_tsv(folder / "signing_verbs.tsv"):
        for form in row["forms"].split("|"):
            lex.sign_forms[form.strip().lower()] = row["lemma"].strip()
        lex.sign_base |= {b.strip().lower() for b in row["base"].split("|") if b.strip()}
        if (row.get("verb_only") or "0").strip() == "1":
            verb_only.add(row["lemma"].strip())
    lex.verb_only = frozenset(verb_only)
    lex.sign_past_re = words_regex(f for f in lex.sign_forms if f.endswith("ed"))
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
    lex.nominal_planned_re = words_regex(nominal)
    cues = read_tsv(folder / "lead_in_cues.tsv")
    lex.lead_cues_re = words_regex(r["cue"].strip() for r in cues)
    lex.lead_alone_re = words_regex(r["cue"].strip() for r in cues if (r.get("alone") or "0").strip() == "1")


def _load_parties(lex: Lexicon, folder: Path, units: Path) -> None:
    """Subject markers, party heads, relational nouns, events and NP words."""
    lex.subject_markers = sorted((m.lower() for m in read_lines(folder / "subject_markers.txt")),
                                 key=len, reverse=True)
    for row in read_tsv(folder / "party_heads.tsv"):
        lex.heads[row["plural"].strip().lower()] = (row["singular"].strip(), row["kind"].strip())
    lex.heads_alt = alternation(lex.heads)
    lex.side_re = re.compile(r"\s+(?:" + alternation(s.lower() for s, _ in lex.heads.values()) + r")\b", re.I)
    lex.relational = [w.lower() for w in read_lines(folder / "relational_nouns.txt")]
    events = read_tsv(folder / "event_words.tsv")
    lex.event_words = {r["noun"].strip().lower(): [f.strip() for f in r["forms"].split("|") if f.strip()]
                       for r in events}
    travel = [r["noun"].strip().lower() for r in events if (r.get("destination") or "0").strip() == "1"]
    lex.travel_re = re.compile(r"\b(?:in|at|(?:" + alternation(travel) + r")\s+to)\s+(?:the\s+)?$") if travel \
        else re.compile(r"\b(?:in|at)\s+(?:the\s+)?$")
    lex.np_adverbs = frozenset(w.lower() for w in read_lines(folder / "np_adverbs.txt"))
    lex.agent_stops = frozenset(w.lower() for w in read_lines(folder / "agent_stops.txt"))
    lex.dangling = frozenset(w.lower() for w in read_lines(folder / "dangling_words.txt"))
    lex.content_verbs = [(r["verb"].strip(), (r.get("marker") or "").strip())
                         for r in read_tsv(folder / "content_verbs.tsv")]
    lex.generic_modifiers = {w.lower() for w in read_lines(folder / "generic_modifiers.txt")}
    lex.units = frozenset(r["surface"].strip().lower() for r in read_tsv(units)) if units.exists() else frozenset()


def _load_phrasing(lex: Lexicon, folder: Path, reporting_verbs: Path) -> None:
    """Openers, cues and patterns of the passes (describing sentences, stops, adverbs...)."""
    openers = read_tsv(folder / "content_openers.tsv")
    dets = [r["opener"].strip() for r in openers if r["kind"].strip() == "determiner"]
    lex.current_words = frozenset(r["opener"].strip().lower() for r in openers if r["kind"].strip() == "current")
    prons = [r["opener"].strip() for r in openers if r["kind"].strip() == "pronoun"]
    nouns = alternation(list(lex.type_of) + sorted(lex.collective))
    mods = rf"(?:(?:{alternation(lex.generic_modifiers)})\s+)*" if lex.generic_modifiers else ""
    alts = ([rf"(?:{alternation(dets)})\s+{mods}(?:{nouns})"] if dets else []) + ([alternation(prons)] if prons else [])
    lex.content_opener_re = re.compile(r"\s*(?:" + "|".join(alts) + r")\s+", re.I) if alts \
        else re.compile(r"(?!x)x")
    lex.institution_re = words_regex(read_lines(folder / "institution_words.txt"), flags=0)
    lex.inclusion_re = words_regex(read_lines(folder / "inclusion_cues.txt"))
    lex.ceremony_res = [re.compile(p, re.I) for p in read_lines(folder / "ceremony_cues.txt")]
    lex.exchange_objects = {r["form"].strip().lower(): r["doc_type"].strip()
                            for r in read_tsv(folder / "exchange_objects.tsv")}
    lex.period_cues = [re.compile(p, re.I) for p in read_lines(folder / "period_cues.txt")]
    lex.subject_trails = [re.compile(p, re.I) for p in read_lines(folder / "subject_trails.txt")]
    lex.person_title_re = words_regex(read_lines(folder / "person_titles.txt"), flags=0)
    lex.quantifiers = {w.lower() for w in read_lines(folder / "collective_quantifiers.txt")}
    lex.time_anaphora = [re.compile(p, re.I) for p in read_lines(folder / "time_anaphora.txt")]
    lex.today_re = words_regex(read_lines(folder / "today_cues.txt"))
    lex.same_day_re = re.compile("|".join(read_lines(folder / "same_day_cues.txt")), re.I)
    lex.event_links = {w.lower() for w in read_lines(folder / "event_links.txt")}
    # the quotes stage's verbs introducing speech, except the signing verbs ("concluded")
    lex.statement_verbs = {r["lemma"].strip().lower() for r in read_tsv(reporting_verbs)
                           if r["introduces_speech"].strip() == "yes"} - set(lex.sign_forms.values()) \
        if reporting_verbs.exists() else set()
    lex.region_heads_re = re.compile(r"^\s+(?:" + "|".join(re.escape(w) for w in read_lines(folder / "region_heads.txt"))
                                     + r")\b", re.I)
    lex.stops = [re.compile(run_start(p)) for p in read_lines(folder / "description_stops.txt")]
    lex.dateline_res = [re.compile(p) for p in read_lines(folder / "dateline_patterns.txt")]
    adverbs = read_lines(folder / "sentence_adverbs.txt")
    lex.adverb_re = re.compile(r"^\s*(?:" + alternation(adverbs) + r")\s*,?\s+", re.I) if adverbs \
        else re.compile(r"(?!x)x")
    based = read_lines(folder / "base_words.txt")
    lex.based_re = re.compile(r"(?P<place>[A-Z][\w.'’]*(?:[\s-][A-Z][\w.'’]*){0,3})-(?:" + alternation(based)
                              + r")\s+(?:[a-z][\w-]*\s+)*(?=[A-Z0-9])") if based else re.compile(r"(?!x)x")
    lex.appositive_heads = frozenset(w.lower() for w in read_lines(folder / "appositive_heads.txt"))
    lex.company_suffixes = frozenset(read_lines(folder / "company_suffixes.txt"))
    lex.relationship_words = frozenset(w.lower() for w in read_lines(folder / "relationship_words.txt"))
    lex.site_nouns = frozenset(w.lower() for w in read_lines(folder / "site_nouns.txt"))
    lex.ranking_res = [re.compile(p, re.I) for p in read_lines(folder / "ranking_openers.txt")]
    lex.unsigned_res = [re.compile(p, re.I) for p in read_lines(folder / "unsigned_cues.txt")]
    lex.particle_verbs = _particle_rows(read_tsv(folder / "agreement_verbs.tsv"))
    entry_rows = read_tsv(folder / "entry_verbs.tsv")
    lex.entry_verbs = _particle_rows(entry_rows)
    lex.link_alt = alternation(w.lower() for w in read_lines(folder / "document_links.txt"))
    lex.sign_base |= {r["form"].strip().lower() for r in entry_rows if (r.get("base") or "0").strip() == "1"}
    lex.earlier_res = [re.compile(p, re.I) for p in read_lines(folder / "earlier_cues.txt")]
    lex.provision_res = [re.compile(p, re.I) for p in read_lines(folder / "provision_openers.txt")]
    lex.deal_markers = DealMarkers.from_rows(read_tsv(folder / "deal_markers.tsv"))
    lex.deal_item_markers = DealMarkers.from_rows(read_tsv(folder / "deal_markers.tsv")
                                                  + read_tsv(folder / "deal_item_markers.tsv"))
    lex.speaker_pronouns = frozenset(w.lower() for w in read_lines(folder / "speaker_pronouns.txt"))
    lex.numbers = {r["word"].strip().lower(): int(r["value"]) for r in read_tsv(folder / "number_words.tsv")}
    columns = read_tsv(folder / "table_columns.tsv")
    lex.column_roles = {r["word"].strip().lower(): r["role"].strip() for r in columns}
    lex.column_types = {r["word"].strip().lower(): (r.get("doc_type") or "").strip() for r in columns
                        if (r.get("doc_type") or "").strip()}
    lex.stop_heading_re = words_regex(read_lines(folder / "list_stop_headings.txt"))
    lex.subject_leads = [re.compile(p, re.I) for p in read_lines(folder / "subject_leads.txt")]
    lex.block_cue_re = re.compile("|".join(f"(?:{p})" for p in read_lines(folder / "block_cues.txt")), re.I)


def _load_places(lex: Lexicon, segmentation: Path, countries: Path) -> None:
    """List markers (the segmenter's) and the country index."""
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
    lex.country_re = words_regex(lex.country_of, flags=0)
    lex.adjective_re = words_regex(adjectives, flags=0)
