"""Occasion days (issue 11, round 4): which day a signing takes when the article's dateline,
publication and lead differ — a weekday on the signing verb past a list in its object, a dateline
in the "City, Country, Month D." style, "today" in a quote of the reported event, "earlier in the
day"/"on the same day", a lead reported as indirect speech, and dates after the publication or
spans of years that date no signing. Texts invented for these tests."""

from __future__ import annotations

import pytest

from tests.stages.documents_util import run

# Thursday 7 March 2024: the article appears the day after the Wednesday signing
PUBLISHED = "2024-03-07"


def dates(doc):
    return [d["signed_date"] for d in doc._.documents]


VERB_WEEKDAY = [
    "Lagos, March 7 (NAN): Nigeria and Ghana signed four documents, including a customs agreement, "
    "in Abuja on Wednesday.",
    "Colombo, March 7 (LBO): Sri Lanka and the Maldives signed three instruments, among them a fisheries "
    "protocol, in Male on Wednesday.",
    "LIMA, March 7 (Andina) -- Peru and Bolivia signed five accords, including a memorandum on lake Titicaca, "
    "at the foreign ministry on Wednesday.",
    "Dhaka, March 7 (BSS): Bangladesh and Bhutan signed two documents, including a transit agreement, "
    "in Thimphu on Wednesday.",
    "Hanoi, March 7 (VNA): Vietnam and Cambodia signed five documents, including an agreement on rice "
    "exports, in Phnom Penh on Wednesday.",
]


@pytest.mark.parametrize("text", VERB_WEEKDAY)
def test_weekday_of_the_verb_past_a_listed_document(nlp, text):
    assert dates(run(nlp, text, PUBLISHED)) == ["2024-03-06"]


TODAY_AT_EVENT = [
    "Chile and Peru on Wednesday signed nine agreements in Lima.\n\n"
    "\"Today we signed an agreement on fisheries with our Peruvian friends,\" the Chilean president told a joint press conference.",
    "Ghana and Togo signed a set of documents in Accra on Wednesday.\n\n"
    "\"This morning we signed a memorandum on border patrols,\" Ghana's interior minister told reporters.",
    "Norway and Iceland on Wednesday signed several accords during talks in Oslo.\n\n"
    "\"Today we have signed a protocol on fisheries,\" the Norwegian prime minister said at the ceremony.",
    "Kenya and Ethiopia signed four documents in Nairobi on Wednesday.\n\n"
    "\"This afternoon our ministers signed an agreement on grazing,\" the Kenyan president told journalists.",
    "Oman and Tanzania on Wednesday signed a package of deals in Muscat.\n\n"
    "\"Today we signed a memorandum on ports,\" the Omani minister told a news conference afterwards.",
]


@pytest.mark.parametrize("text", TODAY_AT_EVENT)
def test_today_in_a_quote_is_the_reported_event_day(nlp, text):
    assert set(dates(run(nlp, text, PUBLISHED))) == {"2024-03-06"}


SAME_DAY = [
    "Chile and Peru signed an agreement on fisheries in Lima on March 6.\n\n"
    "Earlier in the day, Andes Mining and Pacific Steel concluded a contract on ore supplies.",
    "Ghana and Togo signed a memorandum on border patrols in Accra on March 6.\n\n"
    "Later that day, Volta Power and Lome Grid signed a contract on electricity exports.",
    "Norway and Iceland signed a protocol on fisheries in Oslo on March 6.\n\n"
    "On the same day, Fjord Wind and Reykjavik Energy signed a memorandum on cables.",
    "Kenya and Ethiopia signed an agreement on grazing in Nairobi on March 6.\n\n"
    "Earlier on the same day, Safari Rail and Addis Logistics signed a contract on freight.",
    "Oman and Tanzania signed a memorandum on ports in Muscat on March 6.\n\n"
    "Hours earlier, Dhofar Cement and Zanzibar Build signed an agreement on clinker.",
]


@pytest.mark.parametrize("text", SAME_DAY)
def test_same_day_cue_takes_the_event_day(nlp, text):
    assert dates(run(nlp, text, PUBLISHED)) == ["2024-03-06", "2024-03-06"]


INDIRECT_LEAD = [
    "Chile and Peru signed on Wednesday two agreements to ease border crossings, the foreign ministry said.\n\n"
    "The minister said Chile also entered into a memorandum of understanding with the Lima port authority on dredging.",
    "Ghana and Togo signed on Wednesday three accords on trade, officials said.\n\n"
    "The minister said Ghana also signed a memorandum with the Lome port authority on pilotage.",
    "Norway and Iceland on Wednesday signed two protocols on fishing quotas, the government said in a statement.\n\n"
    "The minister added that Norway also concluded a contract with the Reykjavik harbour board on dredging.",
    "Kenya and Ethiopia signed on Wednesday two agreements on grazing, the presidency said.\n\n"
    "The minister said Kenya also entered into a memorandum with the Addis chamber of commerce on trade fairs.",
    "Oman and Tanzania on Wednesday signed four accords, the ministry said in a statement.\n\n"
    "The minister said Oman also signed an agreement with the Zanzibar port authority on bunkering.",
]


@pytest.mark.parametrize("text", INDIRECT_LEAD)
def test_lead_reported_as_indirect_speech_dates_what_follows(nlp, text):
    assert dates(run(nlp, text, PUBLISHED))[-1] == "2024-03-06"


@pytest.mark.parametrize("text", [
    "TBILISI, Georgia, March 7. Georgia and Armenia held talks in Tbilisi on Wednesday.\n\n"
    "Following the talks, the two sides signed an agreement on transit.",
    "YEREVAN, Armenia, March 7. Armenia and Iran held talks in Yerevan on Wednesday.\n\n"
    "After the meeting, the two sides signed a memorandum on electricity.",
    "BAKU, Azerbaijan, March 7. Azerbaijan and Georgia held consultations in Baku on Wednesday.\n\n"
    "During the visit, the two sides signed a protocol on railways.",
    "ASHGABAT, Turkmenistan, March 7. Turkmenistan and Iran held talks in Ashgabat on Wednesday.\n\n"
    "Following the talks, the two sides signed an agreement on gas swaps.",
    "TBILISI, Georgia, March 7. Georgia and Turkey held talks in Batumi on Wednesday.\n\n"
    "At the end of the talks, the two sides signed a memorandum on ports.",
])
def test_country_dateline_with_a_period_is_a_dateline(nlp, text):
    assert dates(run(nlp, text, PUBLISHED)) == ["2024-03-06"]


@pytest.mark.parametrize("text", [
    "Chile's president received Peru's president in Santiago on March 6.\n\n"
    "Next year's meeting will take place in Lima, the organisers said.\n\n"
    "On the sidelines of the meeting, Andes Mining and Pacific Steel signed a memorandum on ore.",
    "Chile and Peru signed an agreement on fisheries in Lima on March 6.\n\n"
    "Chile has signed similar agreements with Ecuador and Colombia in recent years.",
    "Ghana and Togo signed a memorandum on border patrols in Accra on March 6.\n\n"
    "Ghana has signed port memoranda with Benin and Nigeria over the past decade.",
])
def test_future_dates_and_spans_of_years_date_no_signing(nlp, text):
    got = dates(run(nlp, text, PUBLISHED))
    assert "2025" not in got and got[-1] in ("2024-03-06", None)
