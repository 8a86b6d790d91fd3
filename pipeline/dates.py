"""The dates stage (placeholder: fills doc._.dates with no records yet)."""

from __future__ import annotations

from typing import Optional

from spacy.language import Language

from .stage import Stage


class DatesStage(Stage):
    def __init__(self, nlp, name: str, data_dir: Optional[str] = None):
        super().__init__(nlp, name)

    def process(self, doc) -> None:
        doc._.dates = []


@Language.factory("newsie_dates", default_config={"data_dir": None})
def make_dates(nlp: Language, name: str, data_dir: Optional[str]):
    return DatesStage(nlp, name, data_dir)
