"""Entities (placeholder while the gazetteer stage is built): the model's NER as records."""

from __future__ import annotations

from typing import Optional

from spacy.language import Language

from .stage import Stage


class EntityStage(Stage):
    def __init__(self, nlp, name: str, data_dir: Optional[str] = None):
        super().__init__(nlp, name)

    def process(self, doc) -> None:
        ids: dict = {}
        out = []
        for ent in doc.ents:
            key = (ent.label_, ent.text)
            ids.setdefault(key, len(ids))
            out.append({"start": ent.start_char, "end": ent.end_char, "text": ent.text, "label": ent.label_,
                        "entity_id": ids[key], "canonical": ent.text, "country": None})
        doc._.entities = out


@Language.factory("newsie_entities", default_config={"data_dir": None})
def make_entities(nlp: Language, name: str, data_dir: Optional[str]):
    return EntityStage(nlp, name, data_dir)
