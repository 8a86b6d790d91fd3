"""The money stage on newsie's own expression suite (tests/data/money_expressions.tsv), open
bounds, restated amounts (repeat_of) and the currency table against ISO 4217."""

from pathlib import Path

import pytest

from pipeline.evaluation.suites import money_case_ok, read_suite
from pipeline.stages.money import find_money, load_tables, mark_repeats

SUITE = Path(__file__).resolve().parent.parent / "data" / "money_expressions.tsv"
CASES = read_suite(SUITE)
#: cases the stage does not read yet (issue 13, left open: informal amounts,
#: a main unit with its minor unit as one amount, dinars by country); the floor holds the rest
NOT_YET = {
    'The Kuwaiti firm paid 2 million dinars for the site.',
    "Jordan's budget set aside 500 million dinars for schools.",
    'Tunisia will spend 100 million dinars on roads.',
    'Iraq approved 3 trillion dinars for salaries.',
    'A sweet costs 50 sen.',
    'The stamp costs 500 fils.',
    'The gum costs 10 c.',
    'It costs a dollar.',
    'He bet ten pounds on it.',
    'The studio raised a couple of million dollars.',
    'Tea costs a pound.',
    'A bottle costs a euro.',
    'The pint was five quid.',
    'They raised a couple of billion euros.',
    'The change was $20 and 43c.',
    'The fee is 3 CHF 4 cents.',
    'It costs twenty ringgit 43 sens.',
    'The toll is £3 and 20p.',
    'The price was $1 and 5c.',
    'Anything above a dollar is taxed.',
}
FLOOR = 0.87
PASSING = [c for c in CASES if c["text"] not in NOT_YET]


@pytest.fixture(scope="module")
def suite_rows(nlp):
    docs = list(nlp.pipe(c["text"] for c in CASES))
    return {c["text"]: list(d._.money) for c, d in zip(CASES, docs)}


@pytest.mark.parametrize("case", PASSING, ids=[f"{c['phenomenon']}:{c['span']}" for c in PASSING])
def test_suite_case(case, suite_rows):
    rows = suite_rows[case["text"]]
    assert money_case_ok(case, rows), (case, [(r["text"], r["amount"], r["currency"], r["range_bound"]) for r in rows])


def test_suite_floor(suite_rows):
    rate = sum(money_case_ok(c, suite_rows[c["text"]]) for c in CASES) / len(CASES)
    assert len(CASES) >= 150 and rate >= FLOOR


@pytest.fixture(scope="module")
def tables():
    return load_tables()


@pytest.mark.parametrize("text,bound", [
    ("Tickets cost under $5.", "max"),
    ("The bank will lend up to $2 million.", "max"),
    ("The fee is less than £10.", "max"),
    ("The grant is at most 2 million yen.", "max"),
    ("Losses could reach as much as $4 billion.", "max"),
    ("The fund holds more than 10 billion yuan.", "min"),
    ("The fine is at least €300.", "min"),
    ("Damages were in excess of $3 million.", "min"),
    ("Salaries are upwards of $40,000.", "min"),
    ("Sales reached $5 billion or more.", "min"),
    ("The deal is worth about $3 billion.", None),     # approximate, not a bound
])
def test_open_bound_is_one_row_without_partner(text, bound, tables):
    (m,) = find_money(text, tables)
    assert (m.range_bound, m.range_id) == (bound, None)
    assert m.approximate


def test_range_keeps_its_partner(tables):
    lo, hi = find_money("Exports of up to $2-3 billion.", tables)
    assert (lo.range_bound, hi.range_bound) == ("min", "max") and lo.range_id == hi.range_id == 0


@pytest.mark.parametrize("texts,repeats", [
    ((("5000000000", "USD", "the deal"), ("5000000000", "USD", "deal")), [None, 0]),
    ((("5000000000", "USD", "the deal"), ("5000000000", "USD", "trade")), [None, None]),
    ((("5000000000", "USD", "trade"), ("5000000000", "EUR", "trade")), [None, None]),
    ((("1", "USD", None), ("2", "USD", None), ("1", "USD", None), ("1", "USD", None)), [None, None, 0, 0]),
    (((None, None, "billions"), (None, None, "billions")), [None, None]),   # vague amounts are not figures
])
def test_mark_repeats(texts, repeats):
    records = [{"amount": a, "currency": c, "context": ctx, "range_bound": None} for a, c, ctx in texts]
    mark_repeats(records)
    assert [r["repeat_of"] for r in records] == repeats


def test_headline_figure_restated_in_body(nlp):
    doc = nlp("China to invest $5 billion in Kazakh railways\n\nChina will invest $5 billion in Kazakh railways, "
              "the ministry said. A further $2 billion will go to ports.")
    rows = [(r["text"], r["repeat_of"]) for r in doc._.money]
    assert rows == [("$5 billion", None), ("$5 billion", 0), ("$2 billion", None)]


def test_currency_table_is_iso_4217():
    """Every code of currencies.tsv is a current ISO 4217 code (pycountry), or flagged withdrawn
    (historical amounts: FRF, DEM ...) and then no longer current."""
    import pycountry

    from pipeline.core.paths import stage_data_dir
    from pipeline.core.stage import read_tsv

    current = {c.alpha_3 for c in pycountry.currencies}
    for row in read_tsv(stage_data_dir("money", None) / "currencies.tsv"):
        code = row["code"]
        if code == "XXX":
            continue
        withdrawn = "withdrawn" in (row.get("flags") or "")
        assert (code in current) != withdrawn, (code, row["name"], "withdrawn" if withdrawn else "not in ISO 4217")
