"""The quotes stage (placeholder: fills doc._.quotes with no records yet)."""

from __future__ import annotations

from typing import Optional

from spacy.language import Language

from .stage import Stage


class QuotesStage(Stage):
    def __init__(self, nlp, name: str, data_dir: Optional[str] = None):
        super().__init__(nlp, name)

    def process(self, doc) -> None:
        doc._.quotes = []


@Language.factory("newsie_quotes", default_config={"data_dir": None})
def make_quotes(nlp: Language, name: str, data_dir: Optional[str]):
    return QuotesStage(nlp, name, data_dir)
