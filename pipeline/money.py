"""The money stage (placeholder: fills doc._.money with no records yet)."""

from __future__ import annotations

from typing import Optional

from spacy.language import Language

from .stage import Stage


class MoneyStage(Stage):
    def __init__(self, nlp, name: str, data_dir: Optional[str] = None):
        super().__init__(nlp, name)

    def process(self, doc) -> None:
        doc._.money = []


@Language.factory("newsie_money", default_config={"data_dir": None})
def make_money(nlp: Language, name: str, data_dir: Optional[str]):
    return MoneyStage(nlp, name, data_dir)
