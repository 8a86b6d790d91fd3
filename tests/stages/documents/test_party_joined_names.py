"""Party naming on unseen text (issue 11, parties, third round): two names the NER takes for one
entity across their "and" are two parties when they are the whole object of "between" or when
the second opens with a country's possessive. Five phrasings, none from a corpus text, with
negatives (a name with "and" inside stays whole)."""

from __future__ import annotations

import pytest

from tests.stages.documents_util import run


def parties(doc):
    return [sorted(p["party"] for p in d["parties"]) for d in doc._.documents]


@pytest.mark.parametrize("text, want", [
    ("A memorandum of understanding between Ferrovial and Autoridade Portuária de Luanda on port "
     "logistics was signed on Monday.", [["Autoridade Portuária de Luanda", "Ferrovial"]]),
    ("The following documents were signed: Contract between Siemens Mobility and Dhaka Mass Transit "
     "Company Limited for 24 metro trains.", [["Dhaka Mass Transit Company Limited", "Siemens Mobility"]]),
    ("An agreement between Sonatrach and Eni on gas supply was signed on Monday.", [["Eni", "Sonatrach"]]),
    ("The Ministry of Tourism of the Republic of Armenia and Georgia's National Tourism Administration "
     "signed a memorandum on joint hiking routes on Tuesday.",
     [["Ministry of Tourism of the Republic of Armenia", "National Tourism Administration"]]),
    ("The Agency for Investment under the Government of the Kyrgyz Republic and Kazakhstan's Investment "
     "Committee signed a roadmap on Wednesday.",
     [["Agency for Investment under the Government of the Kyrgyz Republic", "Investment Committee"]]),
    # negatives: one name with "and" inside, not after "between"
    ("Bank of Industry and Mines signed a loan agreement with Sinosure on Monday.",
     [["Bank of Industry and Mines", "Sinosure"]]),
    ("The Ministry of Agriculture and Rural Development signed a memorandum with Syngenta on Monday.",
     [["Ministry of Agriculture and Rural Development", "Syngenta"]]),
    ("The National Agency for Roads and Highways signed a contract with Strabag on Monday.",
     [["National Agency for Roads and Highways", "Strabag"]]),
])
def test_joined_names_split(nlp, text, want):
    assert parties(run(nlp, text)) == want
