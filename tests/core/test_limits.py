"""The per-article limits: --max-chars and --article-timeout (with one and two workers)."""

import re
import time

import pytest
import spacy
from spacy.language import Language

from pipeline.core.batch import process_articles
from pipeline.core.inputs import article_from_text
from pipeline.core.stage import Stage


class Runaway(Stage):
    """A stage that never ends on a text holding RUNAWAY (a catastrophic regex), and
    records one date otherwise."""

    def process(self, doc):
        if "RUNAWAY" in doc.text:
            re.match(r"(a+)+$", "a" * 64 + "b")
        doc._.dates = []


class Later(Stage):
    def process(self, doc):
        doc.user_data["later_ran"] = True


@Language.factory("test_runaway")
def make_runaway(nlp, name):
    return Runaway(nlp, name)


@Language.factory("test_later")
def make_later(nlp, name):
    return Later(nlp, name)


@pytest.fixture(scope="module")
def small_nlp():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("test_runaway")
    nlp.add_pipe("test_later")
    return nlp


def articles():
    texts = ["Talks went well. They signed.", "RUNAWAY text here.", "Another calm article."]
    return [article_from_text(f"a{i}", f"a{i}.txt", t) for i, t in enumerate(texts)]


@pytest.mark.parametrize("workers", [1, 2])
def test_a_runaway_article_becomes_an_error_row(small_nlp, workers):
    start = time.monotonic()
    rows = list(process_articles(articles(), small_nlp, workers=workers, timeout=0.5))
    assert time.monotonic() - start < 30
    status = [r["articles"][0]["status"] for r in rows]
    assert status == ["ok", "error", "ok"]
    error = rows[1]["articles"][0]["error"]
    assert "test_runaway: ArticleTimeout" in error and "--article-timeout" in error
    assert "test_later" not in error   # later stages skip the article, one message only
    assert all(r["sentences"] for r in rows)   # the rows of the stages before are kept


def test_max_chars_refuses_a_long_article_with_its_size(small_nlp):
    arts = [article_from_text("short", "s.txt", "Short text."),
            article_from_text("long", "l.txt", "Word. " * 200)]
    rows = list(process_articles(arts, small_nlp, max_chars=500))
    assert rows[0]["articles"][0]["status"] == "ok"
    long_row = rows[1]["articles"][0]
    assert long_row["status"] == "error" and "1,200 characters" in long_row["error"]
    assert "--max-chars" in long_row["error"]


def test_max_chars_defaults_to_the_model_limit_and_can_be_raised(small_nlp):
    small_nlp.max_length = 100
    try:
        art = article_from_text("a", "a.txt", "Word. " * 50)
        (rows,) = process_articles([art], small_nlp)
        assert rows["articles"][0]["status"] == "error"
        (rows,) = process_articles([art], small_nlp, max_chars=1000)
        assert rows["articles"][0]["status"] == "ok"
    finally:
        small_nlp.max_length = 1_000_000


def test_cli_options_reach_the_batch(tmp_path):
    from typer.testing import CliRunner

    from pipeline.cli import app

    (tmp_path / "a.txt").write_text("Leaders met in Astana. " * 10, encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(app, ["run", str(tmp_path / "a.txt"), "--out", str(tmp_path / "o1"), "--max-chars", "50"])
    assert result.exit_code == 1 and "--max-chars" in result.output
    result = runner.invoke(app, ["run", str(tmp_path / "a.txt"), "--out", str(tmp_path / "o2"),
                                 "--article-timeout", "0", "--max-chars", "5000"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["run", str(tmp_path / "a.txt"), "--out", str(tmp_path / "o3"), "--max-chars", "0"])
    assert result.exit_code == 2
