"""Rule data of the quotes stage (``models/quotes/``) and the constants the passes share."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from ...core.countries import CountryIndex
from ...core.paths import other_stage_path, stage_data_dir
from ...core.stage import read_lines, read_tsv

SUBJ_DEPS = ("nsubj", "nsubjpass")
SPEAKER_LABELS = ("PERSON", "ORG", "NORP", "GPE")
#: fewer words than this inside marks, with no tight attribution: a quoted term, not a quote
MIN_QUOTE_WORDS = 4
#: share of a headline quote's content words found in a later quote to inherit its speaker
HEADLINE_OVERLAP = 0.6
#: fewest words of a quoted characterisation ('described the talks as "warm and substantive"')
MIN_CHARACTERISED_WORDS = 3
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
#: between the names of a group speaker ("Xi Jinping | Shavkat Mirziyoyev"), in the order the article introduces them
GROUP_SEP = " | "
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
    media: frozenset        # news media words: their speakers get speaker_label MEDIA
    media_staff: frozenset  # a medium's own staff: "a Kazinform correspondent reports" is no quote
    media_nouns: frozenset  # generic media nouns: "Saudi state media said" is a MEDIA speaker
    wh_words: frozenset     # words opening an embedded question ("told how …")
    question_verbs: frozenset  # verbs of asking: a question or prompt, never a statement ("asked whether …")
    conditional_marks: frozenset  # marks making speech hypothetical ("if she says that C")
    link_labels: frozenset  # labels opening a link or caption line ("READ MORE:"): no quotes in it
    addressee_verbs: frozenset  # verbs whose first object is the addressee ("told RIA Novosti C")
    opinion_verbs: frozenset  # statement verbs only for a named holder ("Tokayev believes that C")
    aspectual_verbs: frozenset  # no speech with an xcomp ("will continue to support")
    source_nouns: dict      # data/document noun -> whether its owner is the source ("Eurostat data")
    gender: dict = None     # (kind, lower word) -> 'f' | 'm': pronouns, courtesy titles, given names
    headline_sources: frozenset = frozenset()  # unnamed sources after a headline's claim ("C - sources")
    negative_subjects: frozenset = frozenset()  # "nobody has said that C": no statement
    back_det: frozenset = frozenset()  # determiners making a statement noun refer back ("according to the statement")
    label_titles: frozenset = frozenset()  # courtesy titles before a capitals transcript label ("MR. KITAMURA:")
    reason_marks: frozenset = frozenset()  # ", as/because C2" after a reported clause belongs to it
    characterising_verbs: frozenset = frozenset()  # 'described the talks as "warm and substantive"'


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
        media_staff=frozenset(w.lower() for w in read_lines(folder / "media_staff.txt")),
        media_nouns=frozenset(w.lower() for w in read_lines(folder / "media_nouns.txt")),
        wh_words=frozenset(r["word"].strip().lower() for r in read_tsv(folder / "embedded_questions.tsv")
                           if r["role"].strip() == "wh"),
        question_verbs=frozenset(r["word"].strip().lower() for r in read_tsv(folder / "embedded_questions.tsv")
                                 if r["role"].strip() == "question_verb"),
        link_labels=frozenset(" ".join(w.lower().split()) for w in read_lines(folder / "link_labels.txt")),
        conditional_marks=frozenset(r["word"].strip().lower() for r in read_tsv(folder / "embedded_questions.tsv")
                                    if r["role"].strip() == "conditional"),
        addressee_verbs=frozenset(w.lower() for w in read_lines(folder / "addressee_verbs.txt")),
        opinion_verbs=frozenset(w.lower() for w in read_lines(folder / "opinion_verbs.txt")),
        aspectual_verbs=frozenset(w.lower() for w in read_lines(folder / "aspectual_verbs.txt")),
        source_nouns={r["noun"].strip().lower(): r["owner_speaks"].strip() == "yes"
                      for r in read_tsv(folder / "source_nouns.tsv")},
        gender={(r["kind"].strip(), r["word"].strip().lower()): r["gender"].strip()
                for r in read_tsv(folder / "gender.tsv")},
        headline_sources=frozenset(w.lower() for w in read_lines(folder / "headline_sources.txt")),
        negative_subjects=frozenset(r["word"].strip().lower() for r in read_tsv(folder / "embedded_questions.tsv")
                                    if r["role"].strip() == "negative_subject"),
        back_det=frozenset(w.lower() for w in read_lines(folder / "back_determiners.txt")),
        label_titles=frozenset(w.lower().rstrip(".") for w in read_lines(folder / "label_titles.txt")),
        reason_marks=frozenset(w.lower() for w in read_lines(folder / "reason_marks.txt")),
        characterising_verbs=frozenset(w.lower() for w in read_lines(folder / "characterising_verbs.txt")),
    )
