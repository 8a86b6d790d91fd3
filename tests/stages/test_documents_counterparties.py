"""Counterparty lists (issue 11): one signer, a plural document and "with A, B and C" give one
record per counterparty, the signer and that body as parties and the shared subject; two
signers, a count that disagrees, a topic among the names, or a planned/negated signing give
none of these. Texts invented for these tests."""

from __future__ import annotations

import pytest

from tests.stages.documents_util import run


def _records(doc):
    return sorted((d["doc_type"], tuple(p["party"] for p in d["parties"]), d["subject"]) for d in doc._.documents)


@pytest.mark.parametrize("text, expected", [
    ("Turkey signed agreements on energy cooperation with Azerbaijan, Georgia and Turkmenistan.",
     [("agreement", ("Turkey", "Azerbaijan"), "energy cooperation"),
      ("agreement", ("Turkey", "Georgia"), "energy cooperation"),
      ("agreement", ("Turkey", "Turkmenistan"), "energy cooperation")]),
    ("The European Union signed memoranda of understanding on green hydrogen with Chile and Namibia on Friday.",
     [("memorandum", ("European Union", "Chile"), "green hydrogen"),
      ("memorandum", ("European Union", "Namibia"), "green hydrogen")]),
    ("Japan signed protocols on customs with Mongolia and Kazakhstan.",
     [("protocol", ("Japan", "Mongolia"), "customs"), ("protocol", ("Japan", "Kazakhstan"), "customs")]),
    ("Brazil has signed treaties on extradition with Portugal and Angola.",
     [("treaty", ("Brazil", "Portugal"), "extradition"), ("treaty", ("Brazil", "Angola"), "extradition")]),
    ("France signed memoranda with Mongolia and Kazakhstan for the supply of uranium concentrate.",
     [("memorandum", ("France", "Mongolia"), "the supply of uranium concentrate"),
      ("memorandum", ("France", "Kazakhstan"), "the supply of uranium concentrate")]),
    ("Gazprom signed two supply contracts with Uniper and OMV on Monday.",
     [("contract", ("Gazprom", "Uniper"), None), ("contract", ("Gazprom", "OMV"), None)]),
])
def test_one_record_per_counterparty(nlp, text, expected):
    got = _records(run(nlp, text))
    assert [(t, p) for t, p, _ in got] == [(t, p) for t, p, _ in sorted(expected)]
    assert all(s == e or (e and s and e in s) for (_, _, s), (_, _, e) in zip(got, sorted(expected)))


@pytest.mark.parametrize("text", [
    "Turkey will sign agreements on energy cooperation with Azerbaijan, Georgia and Turkmenistan.",
    "Turkey plans to sign agreements on energy cooperation with Azerbaijan and Georgia.",
    "Kazakhstan has not signed agreements on transit with Russia and Belarus.",
    "The draft agreements on transit with Russia and Belarus were not signed.",
    "Gazprom signed three supply contracts with Uniper and OMV on Monday.",     # the count disagrees
])
def test_no_counterparty_records(nlp, text):
    doc = run(nlp, text)
    assert not [d for d in doc._.documents if len(d["parties"]) == 2 and d["parties"][1]["party"] in
                {"Azerbaijan", "Georgia", "Russia", "Belarus", "Uniper", "OMV"}]


def test_two_signers_keep_the_with_phrase_in_the_subject(nlp):
    doc = run(nlp, "India and Japan signed agreements on trade with China and Korea.")
    assert not any({"China", "Korea"} & {p["party"] for p in d["parties"]} for d in doc._.documents)
