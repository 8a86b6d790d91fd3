"""Format of the sealed expression suites in corpus/sealed*/dates_money (read only: no stage runs
on them; the lead scores each once with ``newsie bench dates|money --data``), and that no
sentence of a sealed suite is in the dev suite or an earlier sealed suite."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipeline.evaluation.suites import read_suite

ROOT = Path(__file__).resolve().parents[2]
DEV = ROOT / "tests" / "data"
AMOUNT = re.compile(r"^\d+(\.\d+)?$")
REFERENCE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
#: value shapes each set's writer used (half-years "2027-H1" from the third set on)
VALUE_2 = re.compile(r"^(\d{4}(-(\d{2}(-\d{2})?|Q[1-4]|W\d{2}|SU|FA|WI|SP))?|\d{2,3}|)$")
VALUE_3 = re.compile(r"^(\d{4}(-(\d{2}(-\d{2})?|Q[1-4]|H[12]|W\d{2}|SU|FA|WI|SP))?|\d{2,3}|)$")

# (sealed set, suite file, cases, value shape, reference and order checked, suites it must not share a sentence with)
SETS = [
    ("sealed2", "dates_expressions.tsv", 80, VALUE_2, False, [DEV]),
    ("sealed2", "money_expressions.tsv", 50, VALUE_2, False, [DEV]),
    ("sealed3", "dates_expressions.tsv", 100, VALUE_3, True, [DEV, ROOT / "corpus" / "sealed2" / "dates_money"]),
    ("sealed3", "money_expressions.tsv", 60, VALUE_3, True, [DEV, ROOT / "corpus" / "sealed2" / "dates_money"]),
    ("sealed4", "dates_expressions.tsv", 100, VALUE_3, True, [DEV, ROOT / "corpus" / "sealed2" / "dates_money",
                                                            ROOT / "corpus" / "sealed3" / "dates_money"]),
    ("sealed4", "money_expressions.tsv", 60, VALUE_3, True, [DEV, ROOT / "corpus" / "sealed2" / "dates_money",
                                                           ROOT / "corpus" / "sealed3" / "dates_money"]),
]
IDS = [f"{s}-{n.split('_')[0]}" for s, n, *_ in SETS]


@pytest.mark.parametrize("sealed,name,count,value,strict,others", SETS, ids=IDS)
def test_sealed_suite_has_the_dev_format(sealed, name, count, value, strict, others):
    cases, dev = read_suite(ROOT / "corpus" / sealed / "dates_money" / name), read_suite(DEV / name)
    assert len(cases) == count
    assert set(cases[0]) == set(dev[0])
    assert {c["phenomenon"] for c in cases} <= {c["phenomenon"] for c in dev}
    for c in cases:
        assert c["span"] and c["span"] in c["text"], c
        if name.startswith("dates"):
            assert value.match(c["value"]) and c["granularity"], c
            if strict:
                assert REFERENCE.match(c["reference"]) and c["order"] in ("", "DMY", "MDY", "YMD"), c
        else:
            assert AMOUNT.match(c["amount"]) and c["range_bound"] in ("", "min", "max"), c


@pytest.mark.parametrize("sealed,name,count,value,strict,others", SETS, ids=IDS)
def test_sealed_suite_shares_no_sentence_with_earlier_suites(sealed, name, count, value, strict, others):
    mine = {c["text"] for c in read_suite(ROOT / "corpus" / sealed / "dates_money" / name)}
    for other in others:
        assert not mine & {c["text"] for c in read_suite(other / name)}, other
