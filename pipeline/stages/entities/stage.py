"""The entities stage: collect candidate mentions from every source, keep the best
non-overlapping ones, and write ``doc.ents`` and ``doc._.entities``."""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ...core.paths import stage_data_dir
from ...core.stage import Stage
from .canonical import canonicalise
from .gazetteer import Entry, Gazetteer, currency_nouns
from .institutions import capitalised_runs, institution_beside_names, institution_spans
from .model_spans import clean_model_span, dateline_places, model_priority, person_or_place
from .named_heads import generic_phrase_tokens, named_head_spans
from .phrases import PhraseIndex, form_words
from .misread import (bodies_ending_in_nationality, join_split_bodies, relabel_misread, split_person_of_body,
                      untagged_appositions)
from .people import (appositive_names, drop_embedded_surnames, join_given_names, join_particles, peer_titles,
                     propagate_surnames, relabel_surnames, title_led_names)

NUMERIC_LABELS = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"}


def _overlaps_any(span: Span, others) -> bool:
    return any(p.start < span.end and span.start < p.end for p in others)


def _given_name_missed(name: Span, model: Span) -> bool:
    """The model's person is the one-word surname of a two-word name."""
    return len(model) == 1 and model.end == name.end and name.start == model.start - 1


class EntityStage(Stage):
    def __init__(self, nlp, name: str, data_dir: Optional[str] = None, currency_table: Optional[str] = None):
        super().__init__(nlp, name)
        self.gaz = Gazetteer(stage_data_dir("entities", data_dir))
        self.currency_nouns = currency_nouns(currency_table)
        self.phrases = PhraseIndex(nlp, self.gaz.patterns)
        # tokens to drop before and after the name in a form whose mention is the name
        words = form_words(nlp, {w.strip() for pair in self.gaz.place_parts.values() for w in pair})
        self.trims = {form: (len(words[before.strip()]), len(words[after.strip()]))
                      for form, (before, after) in self.gaz.place_parts.items()}

    def gazetteer_spans(self, doc: Doc) -> list[tuple[Span, Entry]]:
        out = []
        for start, end, forms in self.phrases.find(self.gaz.words(doc)[0]):
            for surface in forms:
                span = self._gazetteer_span(doc, start, end, surface)
                if span is not None:
                    out.append(span)
        return out

    def _gazetteer_span(self, doc: Doc, start: int, end: int, surface: str) -> Optional[tuple[Span, Entry]]:
        """The mention of the gazetteer form ``surface`` matched at ``start:end``, or None."""
        entry = self.gaz.entry_for(surface)
        if entry is not None:
            words, lower = self.gaz.words(doc)
            if entry.label == "NORP" and words[start][:1].islower():
                return None
            if end < len(doc) and lower[end] in self.currency_nouns:
                return None         # "U.S. dollars", "Australian dollar": part of a currency name
            before, after = self.trims.get(surface, (0, 0))
            return Span(doc, start + before, end - after, label=entry.label), entry
        return None

    def rule_candidates(self, doc: Doc, entries: dict, model_ents) -> list[tuple[int, Span]]:
        """(priority, span) of the gazetteer, institution runs, named heads, datelines,
        appositions and title-led names; ``entries`` gets the gazetteer's entries."""
        gaz = self.gaz
        candidates: list[tuple[int, Span]] = []
        runs = capitalised_runs(doc, gaz)
        for span, entry in self.gazetteer_spans(doc):
            candidates.append((2, span))
            entries[(span.start, span.end)] = entry
        for span in institution_spans(doc, runs, gaz) + named_head_spans(doc, runs, gaz):
            if (span.start, span.end) in entries:   # "Russian Federation" is the country
                continue
            span = institution_beside_names(span, entries, gaz)
            if span is not None and (span.start, span.end) not in entries:
                # a one-word name split off a run is only as sure as a model guess
                headless = not any(gaz.is_head(t.text) for t in span) and span.label_ == "ORG"
                candidates.append((1 if headless else 3, span))
        model_people = [e for e in model_ents if e.label_ == "PERSON"]
        for span in dateline_places(doc, entries, gaz):
            candidates.append((2, span))
        for span in appositive_names(doc, entries, gaz):
            if not _overlaps_any(span, model_people):
                candidates.append((2, span))
        for span in title_led_names(doc, runs, gaz):
            # the model's own reading of a name wins where it has one, unless it is the
            # surname alone ("Minister of Energy Daler Juma": the model has "Juma")
            if not any(p.start < span.end and span.start < p.end and not _given_name_missed(span, p)
                       for p in model_people):
                candidates.append((2, span))
        return candidates

    def title_tokens(self, doc: Doc) -> set[int]:
        """Tokens of multi-word titles before a capitalised word and of generic document
        names: a model span inside them is no name."""
        in_title = set()
        for k in range(len(doc)):
            n = self.gaz.title_at(doc, k)
            if n >= 2 and k + n < len(doc) and doc[k + n].text[:1].isupper():
                in_title.update(range(k, k + n))
        return in_title | generic_phrase_tokens(doc, self.gaz)

    def process(self, doc: Doc) -> None:
        self.gaz.forget_doc()
        entries: dict[tuple[int, int], Entry] = {}
        model_ents = doc.ents          # built from the tokens on every access: read it once
        candidates = self.rule_candidates(doc, entries, model_ents)
        in_title = self.title_tokens(doc)
        numeric = []
        for ent in model_ents:
            if ent.label_ in NUMERIC_LABELS:
                numeric.append(ent)
                continue
            span = clean_model_span(ent, self.gaz, self.currency_nouns)
            if span is not None and not all(k in in_title for k in range(span.start, span.end)):
                candidates.append((model_priority(span, entries), span))
        candidates = drop_embedded_surnames(candidates, entries)

        chosen: list[Span] = []
        taken = set()
        for prio, span in sorted(candidates, key=lambda c: (-c[0], -(c[1].end - c[1].start), c[1].start)):
            if any(k in taken for k in range(span.start, span.end)):
                continue
            chosen.append(span)
            taken.update(range(span.start, span.end))
        chosen.sort(key=lambda s: s.start)
        chosen = [person_or_place(span, entries, self.gaz) for span in chosen]
        chosen = split_person_of_body(doc, chosen, entries, self.gaz)
        chosen = bodies_ending_in_nationality(doc, chosen, entries, taken, self.gaz)
        chosen = join_particles(doc, join_split_bodies(doc, chosen, entries), entries, taken, self.gaz)
        chosen = join_given_names(doc, chosen, entries, taken, self.gaz)
        chosen = relabel_misread(doc, relabel_surnames(chosen, entries), entries, self.gaz)
        chosen = untagged_appositions(doc, chosen, taken, self.gaz)
        chosen = propagate_surnames(doc, chosen, taken, self.gaz)
        keep_numeric = [e for e in numeric if not any(k in taken for k in range(e.start, e.end))]
        doc.ents = filter_spans(chosen + keep_numeric)
        doc._.entities = canonicalise(doc, chosen, entries, peer_titles(doc, chosen, self.gaz))
