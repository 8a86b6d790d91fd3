"""The spaCy component ``newsie_money``: finds the amounts of a doc (``find_money``), adds
their context from the parse and marks restatements; assigns ``doc._.money`` and
``doc.spans["money"]``."""

from __future__ import annotations

from typing import Optional

from spacy.language import Language

from ...core.paths import stage_data_dir
from ...core.stage import Stage
from .context import money_context
from .repeats import headline_end, mark_repeats
from .scan import find_money
from .tables import load_tables
from pipeline.core.text import text_of


class MoneyStage(Stage):
    def __init__(self, nlp, name: str, data_dir: Optional[str] = None):
        super().__init__(nlp, name)
        self.tables = load_tables(stage_data_dir("money", data_dir))

    def process(self, doc) -> None:
        records = []
        spans = []
        matches = find_money(text_of(doc), self.tables)
        ranges = {}
        for m in matches:
            if m.range_id is not None:
                lo, hi = ranges.get(m.range_id, (m.start, m.end))
                ranges[m.range_id] = (min(lo, m.start), max(hi, m.end))
        for m in matches:
            rec = m.as_record()
            # a range's bounds share the context of the whole range; a conversion has the
            # context of the amount it converts
            start, end = ranges.get(m.range_id, (m.start, m.end))
            if m.equivalent_of is not None:
                rec.update({k: records[m.equivalent_of][k] for k in ("context", "count", "item")})
            else:
                rec.update(money_context(doc, start, end, self.tables))
            records.append(rec)
            span = doc.char_span(m.start, m.end, label=rec.get("currency") or "MONEY", alignment_mode="expand")
            if span is not None:
                spans.append(span)
        mark_repeats(records, self.tables, headline_end(text_of(doc)))
        # key order of the schema
        order = ["start", "end", "text", "amount", "currency", "approximate", "context", "count",
                 "item", "range_id", "range_bound", "equivalent_of", "repeat_of"]
        doc._.money = [{k: r.get(k) for k in order} for r in records]
        doc.spans["money"] = spans


@Language.factory("newsie_money", default_config={"data_dir": None},
                   assigns=["doc._.money", "doc.spans"],
                   requires=["doc.ents"])
def make_money(nlp: Language, name: str, data_dir: Optional[str]):
    return MoneyStage(nlp, name, data_dir)

