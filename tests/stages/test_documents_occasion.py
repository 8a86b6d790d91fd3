"""Occasion (issue 11): a signing without a time of its own takes the time of the event it
belongs to — the event an anaphor names with modifiers ("Following the official talks"), or the
article's lead ("... hosted the forum on June 16. ... Among them, A and B signed ..."); a signing
marked earlier keeps none. Texts invented for these tests."""

from __future__ import annotations

import pytest

from tests.stages.documents_util import run

PUBLISHED = "2024-03-05"


def dates(doc):
    return [d["signed_date"] for d in doc._.documents]


ANAPHORA = [
    "Chile's president received Peru's president in Santiago on March 4.\n\n"
    "Following the official talks, the ministers of Chile and Peru signed an agreement on fisheries.",
    "Ghana's president hosted Togo's president in Accra on March 4.\n\n"
    "After the bilateral meeting, Ghana and Togo signed a memorandum on border patrols.",
    "Norway's prime minister welcomed Iceland's prime minister in Oslo on March 4.\n\n"
    "During the state visit, Norway and Iceland signed a protocol on fisheries.",
    "Kenya's president received Ethiopia's prime minister in Nairobi on March 4.\n\n"
    "At the end of the expanded talks, Kenya and Ethiopia signed an agreement on grazing.",
    "Oman's sultan welcomed Tanzania's president in Muscat on March 4.\n\n"
    "Following the restricted-format talks, Oman and Tanzania signed a memorandum on ports.",
]


@pytest.mark.parametrize("text", ANAPHORA)
def test_event_with_modifiers_dates_the_signing(nlp, text):
    assert dates(run(nlp, text, PUBLISHED)) == ["2024-03-04"]


LEAD = [
    "Lima hosted the Chile-Peru business forum on March 4.\n\n"
    "The forum drew 300 companies. Among them, Andes Mining and Pacific Steel signed an agreement on ore supplies.",
    "Accra hosted the Ghana-Togo investment summit on March 4.\n\n"
    "Ministers spoke about trade. In addition, Volta Power and Lome Grid signed a contract on electricity exports.",
    "Oslo hosted a Nordic energy conference on March 4.\n\n"
    "Several firms attended. Among the deals, Fjord Wind and Reykjavik Energy signed a memorandum on cables.",
    "Nairobi hosted the East Africa trade fair on March 4.\n\n"
    "Exhibitors came from 20 countries. Separately, Safari Rail and Addis Logistics signed a contract on freight.",
    "Muscat hosted the Oman-India business council on March 4.\n\n"
    "Trade topped $10 billion. Among them, Dhofar Cement and Gujarat Build signed an agreement on clinker.",
]


@pytest.mark.parametrize("text", LEAD)
def test_lead_date_carried(nlp, text):
    assert dates(run(nlp, text, PUBLISHED)) == ["2024-03-04"]


@pytest.mark.parametrize("text", [
    "Lima hosted the Chile-Peru business forum on March 4.\n\n"
    "The forum drew 300 companies. Previously, Andes Mining and Pacific Steel had signed an agreement on ore supplies.",
    "Accra hosted the Ghana-Togo investment summit on March 4.\n\n"
    "Ministers spoke about trade. Volta Power and Lome Grid already signed a contract on electricity exports.",
    "Oslo hosted a Nordic energy conference on March 4.\n\n"
    "Several firms attended. In 2019, Fjord Wind and Reykjavik Energy signed a memorandum on cables.",
])
def test_earlier_signing_keeps_its_time(nlp, text):
    assert dates(run(nlp, text, PUBLISHED)) != ["2024-03-04"]
