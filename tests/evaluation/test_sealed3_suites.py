"""Format of the sealed expression suites in corpus/sealed3/dates_money (read only: no stage runs
on them; the lead scores them once with ``newsie bench dates|money --data``)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipeline.evaluation.suites import read_suite

ROOT = Path(__file__).resolve().parents[2]
SEALED = ROOT / "corpus" / "sealed3" / "dates_money"
OTHERS = [ROOT / "tests" / "data", ROOT / "corpus" / "sealed2" / "dates_money"]
SUITES = [("dates_expressions.tsv", 100), ("money_expressions.tsv", 60)]
VALUE = re.compile(r"^(\d{4}(-(\d{2}(-\d{2})?|Q[1-4]|H[12]|W\d{2}|SU|FA|WI|SP))?|\d{2,3}|)$")
AMOUNT = re.compile(r"^\d+(\.\d+)?$")
REFERENCE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@pytest.mark.parametrize("name,count", SUITES)
def test_sealed3_suite_has_the_dev_format(name, count):
    cases, dev = read_suite(SEALED / name), read_suite(OTHERS[0] / name)
    assert len(cases) == count
    assert set(cases[0]) == set(dev[0])
    assert {c["phenomenon"] for c in cases} <= {c["phenomenon"] for c in dev}
    for c in cases:
        assert c["span"] and c["span"] in c["text"], c
        if name.startswith("dates"):
            assert VALUE.match(c["value"]) and c["granularity"] and REFERENCE.match(c["reference"]), c
            assert c["order"] in ("", "DMY", "MDY", "YMD"), c
        else:
            assert AMOUNT.match(c["amount"]) and c["range_bound"] in ("", "min", "max"), c


@pytest.mark.parametrize("name,count", SUITES)
def test_sealed3_suite_shares_no_sentence_with_other_suites(name, count):
    """No sentence of the third sealed suite is in the dev suite or the second sealed suite."""
    mine = {c["text"] for c in read_suite(SEALED / name)}
    for other in OTHERS:
        assert not mine & {c["text"] for c in read_suite(other / name)}, other
