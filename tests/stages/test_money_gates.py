"""The cheap tests in front of the money stage's big alternations (gates.py, issue 14) change no
result: at every number of the extra suite's sentences and of a few hard cases, the gated lookups
give what the plain patterns give."""

import re
from pathlib import Path

import pytest

from pipeline.evaluation.suites import read_suite
from pipeline.stages.money import load_tables
from pipeline.stages.money.gates import (after_match, before_search, find_phrases, minor_match,
                                         name_before_search, text_words)

DATA = Path(__file__).resolve().parent.parent / "data"
HARD = [
    "US $ 5 and U.S.$7, Rs.100, rs 5, 5KZT 10, MUSD 30, 30 MUSD, 500 kSEK, C$ 3, NZD$15.",
    "the 5 e 5 £E 5, Dh 5, dh 5, R5 billion, R 5 bn, 5-dollar, 10 - euro, 3 US cents, 50 euro cents",
    "Rupees 500 crore, dollar 22.5 million, euro 2024, the Australian dollars of Kuwaiti dinars",
    "İstanbul 5 ₸, ¥3 trillion; yen 5; 10_USD; ₹2,000 crore; ₦54.99 trillion; GH¢ 600 million",
]


@pytest.fixture(scope="module")
def tables():
    return load_tables()


def _texts():
    return [c["text"] for c in read_suite(DATA / "money_expressions_extra.tsv")] + HARD


def test_gated_lookups_match_the_patterns(tables):
    t = tables
    for text in _texts():
        for m in re.finditer(r"\d+", text):
            s, e = m.start(), m.end()
            for lo in (max(0, s - 12), max(0, s - 40)):
                assert _same(before_search(t, text, lo, s), t.re_before.search(text, lo, s)), (text, s)
                assert _same(name_before_search(t, text, lo, s), t.re_name_before.search(text, lo, s)), (text, s)
            for pos in (e, min(len(text), e + 1)):
                assert _same(after_match(t, text, pos), t.re_after.match(text[pos:pos + 40])), (text, pos)
                assert _same(minor_match(t, text, pos), t.re_minor_after.match(text, pos)), (text, pos)


def test_whole_text_phrases_match_the_patterns(tables):
    for text in _texts():
        words = text_words(text)
        got = [(m.start(), m.group(0)) for m in find_phrases(tables.named_index, text, words)]
        assert got == [(m.start(), m.group(0)) for m in tables.re_named.finditer(text)]
        got = [(m.start(), m.group(0)) for m in find_phrases(tables.country_index, text, words)]
        assert got == [(m.start(), m.group(0)) for m in tables.re_country.finditer(text)]


def _same(a, b):
    return (a is None and b is None) or (a is not None and b is not None and a.span() == b.span())
