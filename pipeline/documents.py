"""The documents stage (placeholder: fills doc._.documents with no records yet)."""

from __future__ import annotations

from typing import Optional

from spacy.language import Language

from .stage import Stage


class DocumentsStage(Stage):
    def __init__(self, nlp, name: str, data_dir: Optional[str] = None):
        super().__init__(nlp, name)

    def process(self, doc) -> None:
        doc._.documents = []


@Language.factory("newsie_documents", default_config={"data_dir": None})
def make_documents(nlp: Language, name: str, data_dir: Optional[str]):
    return DocumentsStage(nlp, name, data_dir)
