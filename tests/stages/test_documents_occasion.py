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


SPEECH_DAY = [
    ('Speaking to reporters after the session on Monday, the minister said: "Today we signed an agreement '
     'on fisheries with Peru."', "2024-03-04"),
    ('Speaking on Monday, Chile\'s minister said: "This morning we signed a memorandum on mining with Peru."',
     "2024-03-04"),
    ('LIMA, March 4 — "This morning we signed a memorandum on tourism with Chile," the minister told reporters.',
     "2024-03-04"),
    ('ACCRA, March 4 — "Today Ghana and Togo signed an agreement on border patrols," the minister said.',
     "2024-03-04"),
    ('At a briefing on Monday, the envoy said: "Today we signed a protocol on customs with Norway."', "2024-03-04"),
]


@pytest.mark.parametrize("text, day", SPEECH_DAY)
def test_today_is_the_speakers_day(nlp, text, day):
    got = dates(run(nlp, text, PUBLISHED))
    assert got and got[0] == day, got


DATELINE_ALONE = [
    "KAZAN, March 4. /TASS/. Tatarstan and Hunan Province have signed an agreement on trade.",
    "Accra, March 4, GNA – Ghana and Togo have signed an agreement on border patrols.",
    "TASHKENT, March 4 (Xinhua) -- Uzbekistan and Chile have signed an agreement on mining.",
    "MINSK, March 4. /BelTA/. Belarus and Oman have signed a memorandum on potash.",
    "Lome, March 4, ATOP – Togo and Benin have signed a protocol on customs.",
]


@pytest.mark.parametrize("text", DATELINE_ALONE)
def test_dateline_date_alone_dates_no_recent_signing(nlp, text):
    got = run(nlp, text, PUBLISHED)._.documents
    assert got and got[0]["signed_date"] is None, got


@pytest.mark.parametrize("text", [
    "KAZAN, March 4. /TASS/. Tatarstan and Hunan Province signed an agreement on trade on Monday.",
    "Accra, March 4, GNA – Ghana and Togo on Monday signed an agreement on border patrols.",
    "TASHKENT, March 4 (Xinhua) -- Uzbekistan and Chile signed an agreement on mining on Monday.",
])
def test_dateline_yields_to_own_day(nlp, text):
    assert dates(run(nlp, text, PUBLISHED)) == ["2024-03-04"]
