"""The dates stage on newsie's own expression suite (tests/data/dates_expressions.tsv: every
phenomenon of issue 13 in several phrasings), reduced-precision publication dates, the
article's day/month order and linear time on dash bullets holding dates."""

from pathlib import Path

import pytest

from pipeline.evaluation.suites import date_case_ok, read_suite
from pipeline.stages.dates import Grammar, normalise
from tests.growth import MAX_GROWTH, growth_ratio
from tests.stages.test_dates import dates_nlp  # noqa: F401  (the shared session fixture)

SUITE = Path(__file__).resolve().parent.parent / "data" / "dates_expressions.tsv"
CASES = read_suite(SUITE)
#: the suite's exact-match rate may not fall below this
FLOOR = 0.98


def rows_for(nlp, cases: list[dict]) -> list[list[dict]]:
    """The date rows of each suite case's sentence (its reference date and day/month order)."""
    docs = []
    for case in cases:
        doc = nlp.make_doc(case["text"])
        doc._.published = case["reference"]
        doc._.date_order = case["order"] or None
        docs.append(doc)
    return [list(d._.dates) for d in nlp.pipe(docs)]


@pytest.fixture(scope="module")
def suite_rows(dates_nlp):
    return rows_for(dates_nlp, CASES)


@pytest.mark.parametrize("i", range(len(CASES)),
                         ids=[f"{c['phenomenon']}:{c['span']}:{c['order'] or 'default'}:{n}" for n, c in enumerate(CASES)])
def test_suite_case(i, suite_rows):
    case = CASES[i]
    got = [(r["text"], r["value"], r["mod"]) for r in suite_rows[i]]
    assert date_case_ok(case, suite_rows[i]), (case["text"], case["span"], case["value"], got)


def test_suite_floor(suite_rows):
    rate = sum(date_case_ok(c, rows) for c, rows in zip(CASES, suite_rows)) / len(CASES)
    assert len(CASES) >= 300 and rate >= FLOOR


@pytest.fixture(scope="module")
def grammar():
    return Grammar.load()


@pytest.mark.parametrize("text,published,tense,value", [
    ("next month", "2022-09", None, "2022-10"),
    ("last month", "2022-09", None, "2022-08"),
    ("next year", "2017", None, "2018"),
    ("last year", "2017", None, "2016"),
    ("this year", "2022-09", None, "2022"),
    ("next quarter", "2022-09", None, "2022-Q4"),
    ("two years ago", "2017", None, "2015"),
    ("May 26, 2011", "2017", None, "2011-05-26"),
    ("Friday", "2022-09", None, None),       # a day needs a day anchor
    ("yesterday", "2022-09", None, None),
    ("last week", "2022-09", None, None),
    ("next month", "2017", None, None),      # a month needs a month anchor
    ("November", "2022-09", "past", "2021-11"),
    ("March", "2017", "past", None),          # before or after March 2017: not fixed
    ("Christmas", "2022-09", "past", "2021-12-25"),
])
def test_reduced_precision_anchor(grammar, text, published, tense, value):
    res = normalise(text, published, tense, grammar)
    assert res is not None and res[0] == value   # the row is kept, with or without a value


@pytest.mark.parametrize("text,order,value", [
    ("5/6/2023", "MDY", "2023-05-06"),
    ("5/6/2023", "DMY", "2023-06-05"),
    ("5/6/2023", None, "2023-05-06"),        # the config default
    ("25/6/2023", "MDY", "2023-06-25"),      # only one reading is a date
    ("6/25/2023", "DMY", "2023-06-25"),
    ("05.06.2023", "MDY", "2023-06-05"),     # dotted dates are day-first
    ("2023/06/05", "DMY", "2023-06-05"),
])
def test_date_order(grammar, text, order, value):
    assert normalise(text, "2023-10-17", None, grammar, order)[0] == value


def test_front_matter_date_order(nlp):
    from pipeline.core.batch import process_articles
    from pipeline.core.inputs import article_from_text

    text = "---\ntitle: t\npublished: 2023-10-17\ndate_order: dmy\n---\nThe vote took place on 5/6/2023.\n"
    art = article_from_text("a", "a.txt", text)
    rows = [r for out in process_articles([art], nlp) for r in out["dates"]]
    assert [(r["text"], r["value"]) for r in rows] == [("5/6/2023", "2023-06-05")]


@pytest.mark.parametrize("front, run_order, body, value", [
    # front matter date_order or locale says how the article writes dates: it wins over the run
    ("date_order: dmy\n", "MDY", "The vote took place on 5/6/2023.", "2023-06-05"),
    ("locale: en-GB\n", "MDY", "The vote took place on 5/6/2023.", "2023-06-05"),
    ("locale: en-US\n", "DMY", "The vote took place on 5/6/2023.", "2023-05-06"),
    # nothing stated: the article's own unambiguous dates decide, over the run's default
    ("", "MDY", "Talks opened on 25/6/2023. The vote took place on 5/6/2023.", "2023-06-05"),
    ("", "DMY", "Talks opened on October 17, 2023. The vote took place on 5/6/2023.", "2023-05-06"),
    # no evidence at all: the run's --date-order
    ("", "DMY", "The vote took place on 5/6/2023.", "2023-06-05"),
    ("", "MDY", "The vote took place on 5/6/2023.", "2023-05-06"),
])
def test_date_order_precedence(nlp, front, run_order, body, value):
    """Front matter (date_order/locale) > the article's own dates > the run's --date-order."""
    from pipeline.core.batch import process_articles
    from pipeline.core.inputs import article_from_text

    text = f"---\ntitle: t\npublished: 2023-10-17\n{front}---\n{body}\n"
    art = article_from_text("a", "a.txt", text)
    rows = [r for out in process_articles([art], nlp, date_order=run_order) for r in out["dates"]]
    assert {r["text"]: r["value"] for r in rows}["5/6/2023"] == value


def test_dash_bullets_with_dates_grow_linearly(dates_nlp):
    """Issue 10: the stage once walked every entity per date (4x per doubling here)."""
    stage = dates_nlp.get_pipe("newsie_dates")
    parsed = {}

    def make(n):
        text = "".join(f"- {i % 28 + 1} March 2023 - talks in round {i}; next on Friday\n" for i in range(n))
        if text not in parsed:
            doc = dates_nlp.make_doc(text)
            doc._.published = "2023-10-17"
            for name, proc in dates_nlp.pipeline:
                if name != "newsie_dates":
                    doc = proc(doc)
            parsed[text] = doc
        return text

    ratio = growth_ratio(lambda text: stage(parsed[text]), make, 600, repeats=2)
    assert ratio <= MAX_GROWTH
