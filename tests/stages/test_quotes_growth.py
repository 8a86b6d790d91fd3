"""The quotes stage is near-linear in article length on its pathological families (issue 10:
"X said that Y said that …" chains grew 8x per doubling)."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from growth import MAX_GROWTH, growth_ratio  # noqa: E402

SUBJECTS = ["Anna Berg", "the minister", "he", "Tom Reyes", "a spokesman", "she"]


def _chain(n: int) -> str:
    return "Officials met on Monday. " + "".join(f"{SUBJECTS[i % len(SUBJECTS)]} said that " for i in range(n)) \
        + "the talks went well."


def _many_quotes(n: int) -> str:
    return "Officials met on Monday.\n\n" + " ".join(
        f"“The talks number {i} went well,” {SUBJECTS[i % len(SUBJECTS)]} said." for i in range(n))


@pytest.fixture(scope="module")
def rules():
    from pipeline.stages.quotes import load_rules

    return load_rules()


@pytest.mark.parametrize("make, n", [(_chain, 400), (_many_quotes, 150)], ids=["said-that-chain", "many-quotes"])
def test_quotes_stage_grows_linearly(nlp, rules, make, n):
    from pipeline.stages.quotes import extract_quotes

    docs = {}

    def process(text):
        if text not in docs:
            docs[text] = nlp(text)
        return extract_quotes(docs[text], rules)

    for k in (0, n, 2 * n):
        process(make(k))  # parse once, outside the timing
    assert growth_ratio(process, make, n) <= MAX_GROWTH


def test_chain_is_one_statement(nlp, rules):
    from pipeline.stages.quotes import extract_quotes

    rows = extract_quotes(nlp(_chain(6)), rules)
    assert len(rows) == 1 and rows[0]["speaker"] == "Anna Berg"
    assert rows[0]["text"].endswith("the talks went well")
