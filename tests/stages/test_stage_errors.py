"""A stage failing on one article marks that article as an error; the others are written."""

import pytest
from spacy.language import Language

from pipeline import read_tables, run
from pipeline.core.config import load_pipeline
from pipeline.core.stage import Stage


class Exploding(Stage):
    def process(self, doc):
        if "BOOM" in doc.text:
            raise ValueError("cannot handle BOOM")
        if "BADROW" in doc.text:   # a record whose offsets do not slice back to its text
            doc._.money = [{"start": 0, "end": 3, "text": "not the text", "amount": "1", "currency": "USD"}]


@Language.factory("test_exploding")
def make_exploding(nlp, name):
    return Exploding(nlp, name)


@pytest.fixture(scope="module")
def fragile_nlp():
    nlp = load_pipeline(stages=["newsie_segmenter", "newsie_entities"])
    nlp.add_pipe("test_exploding", last=True)
    return nlp


def test_one_failing_article_does_not_stop_the_batch(fragile_nlp, tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("Tokayev met Putin in Moscow.", encoding="utf-8")
    (src / "b.txt").write_text("BOOM. Xi met Tokayev.", encoding="utf-8")
    (src / "c.txt").write_text("BADROW here. Xi met Putin.", encoding="utf-8")
    (src / "d.txt").write_text("Xi met Putin in Beijing.", encoding="utf-8")
    summary = run([src], tmp_path / "out", nlp=fragile_nlp)
    assert summary.failed == 2
    arts = read_tables(tmp_path / "out")["articles"].set_index("article_id")
    assert arts.loc["b", "status"] == "error" and "test_exploding: ValueError: cannot handle BOOM" in arts.loc["b", "error"]
    assert arts.loc["c", "status"] == "error" and "do not slice" in arts.loc["c", "error"]
    assert arts.loc["a", "status"] == "ok" and arts.loc["d", "status"] == "ok"
    ents = read_tables(tmp_path / "out")["entities"]
    # the failing article keeps the rows of the stages that worked
    assert {"a", "b", "d"} <= set(ents.article_id)
