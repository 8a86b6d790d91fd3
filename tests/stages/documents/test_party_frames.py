"""Party naming on unseen text (issue 11, parties), through the pipeline on small invented texts:
collectives resolved to the frame's sides, the speaker's side of "we signed", descriptors set off
in a signer list, pronoun and definite-head signers, titles signing for their country. Five
phrasings per mechanism, none from a corpus text, with negatives."""

from __future__ import annotations

import pytest

from tests.stages.documents_util import run


def parties(doc):
    return [sorted(p["party"] for p in d["parties"]) for d in doc._.documents]


@pytest.mark.parametrize("text, want", [
    ("Shandong province and the Primorye region signed a programme of cooperation on Monday. "
     "The two sides also signed a memorandum on fisheries.", ["Primorye region", "Shandong province"]),
    ("Busan city and the Vladivostok administration signed a roadmap on tourism on Friday. "
     "The parties also concluded a memorandum on ferry links.", ["Busan city", "Vladivostok administration"]),
    ("Rosneft and Indian Oil signed a contract on crude supplies on Tuesday. The two sides also "
     "signed a memorandum on refining.", ["Indian Oil", "Rosneft"]),
    ("Makerere University and the University of Nairobi signed an agreement on staff exchange. "
     "Later the rectors of the two universities signed a memorandum on joint degrees.",
     ["Makerere University", "University of Nairobi"]),
    ("A delegation of Tbilisi State University visited Ankara University. During the visit, "
     "the rectors of the two universities signed a memorandum on student mobility.",
     ["Ankara University", "Tbilisi State University"]),
])
def test_collective_frame_sides(nlp, text, want):
    assert parties(run(nlp, text))[-1] == sorted(want)


def test_two_countries_stay_countries(nlp):
    # negative: "the two countries" after regions are countries, never the regions
    doc = run(nlp, "Shandong province and Russia's Primorye region signed a programme of cooperation on Monday. "
                   "The two countries also signed a protocol on customs.")
    assert "Primorye region" not in parties(doc)[-1] and "Russia" in parties(doc)[-1]


@pytest.mark.parametrize("text, want", [
    ("Vestas chief executive Henrik Andersen visited Mombasa on Monday. \"This morning we signed a memorandum "
     "with the Kenya Ports Authority on training crane operators,\" he told reporters.",
     ["Kenya Ports Authority", "Vestas"]),
    ("Fortescue chairman Andrew Forrest toured Nouakchott on Tuesday. \"Today we signed an agreement with "
     "the Mauritanian Hydrocarbons Company on green hydrogen,\" Forrest said.",
     ["Fortescue", "Mauritanian Hydrocarbons Company"]),
    ("Kazakh Foreign Minister Murat Nurtleu met his Azerbaijani counterpart Jeyhun Bayramov in Astana on "
     "Monday. \"Today Jeyhun Bayramov and I signed a plan of consultations,\" Nurtleu told reporters.",
     ["Azerbaijan", "Kazakhstan"]),
    ("Russian President Vladimir Putin held talks with Lao President Thongloun Sisoulith in Moscow on "
     "Tuesday. \"A moment ago we signed a joint statement on the partnership,\" Putin said.",
     ["Laos", "Russia"]),
    ("Siemens Energy board member Karim Amin visited Baghdad on Sunday. \"We signed a contract with the "
     "Iraqi Ministry of Electricity on grid upgrades,\" Amin said.",
     ["Iraqi Ministry of Electricity", "Siemens Energy"]),
])
def test_speaker_side(nlp, text, want):
    assert parties(run(nlp, text))[-1] == sorted(want)


@pytest.mark.parametrize("text, want", [
    ("Emirates Global Aluminium, Mubadala's metals arm, and Guinea's national mining company SOGUIPAMI "
     "signed an agreement on bauxite on Monday.", ["Emirates Global Aluminium", "SOGUIPAMI"]),
    ("Petrobras, the state oil company of Brazil, and Equinor signed a contract on offshore wind on Monday.",
     ["Equinor", "Petrobras"]),
    ("Hutchison Ports, the world's largest port operator, and the Tanzania Ports Authority signed a "
     "concession agreement on Monday.", ["Hutchison Ports", "Tanzania Ports Authority"]),
    ("The national carriers of the two countries, Uzbekistan Airways and Turkish Airlines, signed a "
     "codeshare agreement on Monday.", ["Turkish Airlines", "Uzbekistan Airways"]),
    ("Astana LRT and the Istanbul metro operator Metro Istanbul signed a contract on maintenance on Monday.",
     ["Astana LRT", "Metro Istanbul"]),
])
def test_descriptors_in_signer_lists(nlp, text, want):
    assert parties(run(nlp, text))[-1] == sorted(want)


@pytest.mark.parametrize("text, want", [
    ("Dangote Cement announced on Friday that it had signed a supply contract with "
     "Ghana Railway Company for clinker transport.", ["Dangote Cement", "Ghana Railway Company"]),
    ("Halyk Bank said on Friday it had signed a loan agreement with the Asian Development Bank for "
     "small business lending.", ["Asian Development Bank", "Halyk Bank"]),
    ("Jazeera Airways Group posted a record profit. In a separate deal, the Group signed a lease "
     "agreement with Avolon for six aircraft.", ["Avolon", "Jazeera Airways Group"]),
    ("The Rivers State Government has signed two agreements this year. The state also sealed a "
     "concession agreement with Bonny Terminals Ltd for a jetty.", ["Bonny Terminals Ltd", "Rivers State Government"]),
    ("The Kano State Government hosted investors on Monday. The State signed a memorandum with "
     "Lafarge Africa for a cement plant.", ["Kano State Government", "Lafarge Africa"]),
])
def test_pronoun_and_definite_signers(nlp, text, want):
    assert parties(run(nlp, text))[-1] == sorted(want)


@pytest.mark.parametrize("text, want", [
    ("Kenya's Minister of Energy and Ethiopia's Minister of Water signed a power trade agreement on Monday.",
     ["Ethiopia", "Kenya"]),
    ("Peru's Foreign Minister and Chile's Foreign Minister signed a treaty on border crossings on Monday.",
     ["Chile", "Peru"]),
    ("Ghana's Minister of Finance and Togo's Minister of Economy signed a protocol on customs on Monday.",
     ["Ghana", "Togo"]),
    ("Nepal's Minister of Tourism and India's Minister of Culture signed a memorandum on heritage on Monday.",
     ["India", "Nepal"]),
    ("Malaysia's Minister of Transport and Thailand's Minister of Transport signed an agreement on rail on Monday.",
     ["Malaysia", "Thailand"]),
])
def test_titles_sign_for_their_country(nlp, text, want):
    assert parties(run(nlp, text))[-1] == sorted(want)


def test_ministry_stays_a_body(nlp):
    # negative: a ministry is the body itself, not its country
    doc = run(nlp, "Kenya's Ministry of Energy signed a power purchase agreement with Ethiopian Electric Power on Monday.")
    assert parties(doc)[-1] == ["Ethiopian Electric Power", "Ministry of Energy"]
