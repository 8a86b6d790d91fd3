"""Entities: the model's NER corrected by gazetteers, full institution names, and
per-article canonical names.

Sources of mentions, in order of precedence when they overlap:

1. institution names (``institutions.py``): a run of capitalised words joined by
   of/for/and/on/the that contains a head noun from ``institution_heads.txt`` ("Agency for
   Strategic Planning and Reform of the Republic of Kazakhstan") is one ORG span; the
   country named inside it (or an adjective before it) gives the ORG's country;
2. gazetteer matches (``gazetteer.py``: ``countries.tsv`` names, official names,
   abbreviations -> GPE, adjectives and demonyms -> NORP, capitals -> GPE; ``people.tsv`` ->
   PERSON; ``organisations.tsv`` -> their label), each with its canonical name and country;
   names of events, initiatives and titled documents (``named_heads.py``); people after a
   title or in apposition to one (``people.py``); dateline places (``model_spans.py``);
3. the statistical NER, trimmed and relabelled (``model_spans.py``).

``stage.py`` chooses among the candidates; ``canonical.py`` gives every mention its
canonical name, country and ``entity_id`` (numbered in order of first mention).

Numeric entities (DATE, MONEY, CARDINAL, ...) stay in ``doc.ents`` for later stages but
are not entity records: they have tables of their own.
"""

from __future__ import annotations

from typing import Optional

from spacy.language import Language

from .canonical import normalise_name
from .gazetteer import Entry, Gazetteer
from .stage import EntityStage

__all__ = ["EntityStage", "Entry", "Gazetteer", "make_entities", "normalise_name"]


@Language.factory("newsie_entities", default_config={"data_dir": None, "currency_table": None},
                  assigns=["doc.ents", "doc._.entities"],
                  requires=["doc.ents", "token.dep"])
def make_entities(nlp: Language, name: str, data_dir: Optional[str], currency_table: Optional[str]):
    return EntityStage(nlp, name, data_dir, currency_table)
