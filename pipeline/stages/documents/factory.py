"""The spaCy component ``newsie_documents``: loads the lexicon, runs the analysis, assigns
``doc._.documents``, ``doc._.signings`` and ``doc.spans["documents"]``."""

from __future__ import annotations

from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc

from ...core.paths import other_stage_path, stage_data_dir
from ...core.stage import Stage
from .lexicon import Lexicon
from .merge import clean_subject
from .analyzer import Analyzer


def document_records(doc: Doc, lex: Lexicon) -> tuple[list[dict], list[dict]]:
    """(documents, signings) of a parsed doc whose entities, dates and money stages ran."""
    an = Analyzer(doc, lex)
    an.run()
    text = an.text
    docs = []
    for r in an.found.records:
        parties = []
        for p in r.parties:
            if not p.get("party"):
                continue
            parties.append({"party": p["party"], "party_entity_id": p.get("party_entity_id"),
                            "country": p.get("country")})
        docs.append({"start": r.start, "end": r.end, "text": text[r.start:r.end], "doc_type": r.doc_type,
                     "title": r.title, "subject": clean_subject(r.subject, lex), "signed_date": r.signed_date,
                     "signed_place": r.signed_place, "value_money_id": r.value_money_id,
                     "parties": parties})
    return docs, an.found.signings


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
            span = doc.char_span(d["start"], d["end"], label=d.get("doc_type") or "DOCUMENT",
                                 alignment_mode="expand")
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
