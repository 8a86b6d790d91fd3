"""Deal lists without a signing verb of their own (issue 11): after a signing of plural documents,
"They include $1.2 billion with A for X and $900 million with B for Y" gives one record per
counterparty with the signing's first side, type and date; after a planned signing it gives
none. Texts invented for these tests."""

from __future__ import annotations

import pytest

from tests.stages.documents_util import run


def _records(doc):
    return sorted((d["doc_type"], tuple(p["party"] for p in d["parties"]), d["subject"]) for d in doc._.documents)


@pytest.mark.parametrize("lead, items", [
    ("Kenya signed agreements with foreign investors on May 4. ",
     "They include $200 million with Omega Holdings for a dairy plant and $90 million with Delta Group for a "
     "textile park."),
    ("Kenya signed contracts with foreign investors on May 4. ",
     "Among them are $200 million with Omega Holdings for a dairy plant and $90 million with Delta Group for a "
     "textile park."),
    ("Kenya signed agreements with foreign investors on May 4. ",
     "These include $200 million with Omega Holdings for a dairy plant, and $90 million with Delta Group for a "
     "textile park."),
    ("Kenya signed agreements worth $290 million on May 4. ",
     "They include $200 million with Omega Holdings for a dairy plant and $90 million with Delta Group for a "
     "textile park."),
    ("Kenya signed agreements with foreign investors on May 4. The documents were signed during a visit led "
     "by the governor of the county. ",                     # a collective signing comes between
     "They include $200 million with Omega Holdings for a dairy plant and $90 million with Delta Group for a "
     "textile park."),
    ("Kenya signed agreements with foreign investors on May 4. ",
     "They include deals with Omega Holdings for a dairy plant and with Delta Group for a textile park."),
])
def test_listed_deals_after_a_signing(nlp, lead, items):
    got = _records(run(nlp, lead + items))
    cps = {p[-1] for _, p, _ in got}
    assert {"Omega Holdings", "Delta Group"} <= cps, got
    assert all(p[0] == "Kenya" for _, p, _ in got if p[-1] in {"Omega Holdings", "Delta Group"})


@pytest.mark.parametrize("text", [
    "Kenya will sign agreements with foreign investors next month. They include $200 million with Omega "
    "Holdings for a dairy plant and $90 million with Delta Group for a textile park.",
    "Kenya has not signed agreements with foreign investors. They include $200 million with Omega Holdings "
    "for a dairy plant and $90 million with Delta Group for a textile park.",
    "Kenya signed agreements with foreign investors on May 4. Other deals would include $200 million with "
    "Omega Holdings for a dairy plant and $90 million with Delta Group for a textile park.",
])
def test_no_listed_deals_after_an_unsigned_batch(nlp, text):
    assert not [d for d in run(nlp, text)._.documents
                if {"Omega Holdings", "Delta Group"} & {p["party"] for p in d["parties"]}]
