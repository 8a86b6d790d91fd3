"""Party naming on unseen text (issue 11, parties, second round): regions named with their head
in a between-phrase are the parties, each with its country; companies the NER takes for people
stay bodies; "Korea" read by the article's context. Five phrasings per mechanism, none from a
corpus text, with negatives."""

from __future__ import annotations

import pytest

from pipeline.core.paths import models_dir
from pipeline.stages.documents.lexicon import Lexicon
from pipeline.stages.documents.party_text import introduced_as_person, settled_countries
from tests.stages.documents_util import run


def parties(doc):
    return [sorted(p["party"] for p in d["parties"]) for d in doc._.documents]


@pytest.fixture(scope="module")
def lex():
    return Lexicon.load(models_dir() / "documents")


@pytest.mark.parametrize("text, want", [
    ("The following documents were signed during the visit:\n\n"
     "- Agreement on trade between the Andijan region and the Shirvan-Salyan economic region;\n"
     "- Memorandum on tourism between the Namangan region and Hubei province.",
     [["Andijan region", "Shirvan-Salyan economic region"], ["Hubei province", "Namangan region"]]),
    ("An agreement on cooperation between the Kostanay region and Jilin province was signed on Monday.",
     [["Jilin province", "Kostanay region"]]),
    ("A memorandum on agriculture between the Aktobe region and the Orenburg region was signed in Aktobe on Tuesday.",
     [["Aktobe region", "Orenburg region"]]),
    ("The governors signed a programme on youth exchanges between the Fergana region and Hubei province on Friday.",
     [["Fergana region", "Hubei province"]]),
    # negatives: a route between places, a road between a region and a country
    ("A roadmap on the railway between Tacheng and Ayagoz was signed by China and Kazakhstan on Monday.",
     [["China", "Kazakhstan"]]),
    ("China and Kazakhstan signed an agreement on a road between the Xinjiang region and Kazakhstan on Monday.",
     [["China", "Kazakhstan"]]),
])
def test_region_sides(nlp, text, want):
    assert parties(run(nlp, text)) == want


def test_region_sides_keep_their_countries(nlp):
    doc = run(nlp, "An agreement on cooperation between the Kostanay region and Jilin province was signed on Monday.")
    assert sorted(p["country"] for p in doc._.documents[0]["parties"]) == ["CN", "KZ"]


@pytest.mark.parametrize("text, want", [
    ("Qatar Airways and Sabena Aerospace signed a five-year engine overhaul contract on Monday.",
     ["Qatar Airways", "Sabena Aerospace"]),
    ("Kazakhstan Temir Zholy and Vossloh Cogifer signed a supply agreement for turnouts on Tuesday.",
     ["Kazakhstan Temir Zholy", "Vossloh Cogifer"]),
    ("Azerbaijan Railways and Stadler Rail signed a contract for 20 locomotives on Wednesday.",
     ["Azerbaijan Railways", "Stadler Rail"]),
    ("Petronas and Dana Gas signed a memorandum on LNG trading on Friday.", ["Dana Gas", "Petronas"]),
    ("The port of Aktau and Abu Dhabi Ports signed an agreement with Meyer Werft on ferry building on Monday.",
     ["Abu Dhabi Ports", "Meyer Werft", "port of Aktau"]),
    # negatives: a person introduced by a role, or named by the surname alone, is no body
    ("Vestas chief executive Henrik Andersen and Kenya Power signed a memorandum on wind farms on Monday.",
     ["Kenya Power"]),
    ("Mr Andersen said. Henrik Andersen and Kenya Power signed a memorandum on wind farms on Monday.",
     ["Kenya Power"]),
])
def test_person_tagged_company(nlp, text, want):
    assert parties(run(nlp, text))[-1] == sorted(want)


@pytest.mark.parametrize("text, starts, person", [
    ("Vestas chief executive Henrik Andersen spoke.", [23], True),
    ("His Azerbaijani counterpart Jeyhun Bayramov spoke.", [28], True),
    ("Minister of Energy Almasadam Satkaliyev spoke.", [19], True),
    # negatives: no role before the name, or the role in the sentence before
    ("Air Astana and Lufthansa Technik inked a deal.", [15], False),
    ("He met the minister. Stadler Rail signed.", [21], False),
])
def test_introduced_as_person(lex, text, starts, person):
    assert introduced_as_person(text, starts, lex.person_title_re, lex.party_words.person_cues) == person


@pytest.mark.parametrize("text, want", [
    ("Seoul hosted the Kazakhstan-Korea investment forum on Monday. The delegations signed a memorandum on hydrogen.",
     ["Kazakhstan", "South Korea"]),
    ("Uzbekistan and Korea signed an agreement on labour migration in Seoul on Tuesday.",
     ["South Korea", "Uzbekistan"]),
    ("A 50 billion won loan agreement between Korea and Mongolia was signed on Friday.",
     ["Mongolia", "South Korea"]),
    ("Officials of the ROK and Kyrgyzstan met in Bishkek. The Korea-Kyrgyzstan talks ended with a memorandum "
     "on tourism signed by the two countries.", ["Kyrgyzstan", "South Korea"]),
    ("Korean and Turkmen officials met in Seoul on Monday. The two countries signed an agreement on gas.",
     ["South Korea", "Turkmenistan"]),
    # negative: no context settles which Korea
    ("Korea and Vietnam signed a memorandum on shipbuilding on Friday.", ["Korea", "Vietnam"]),
])
def test_korea_by_context(nlp, text, want):
    assert parties(run(nlp, text))[-1] == sorted(want)


@pytest.mark.parametrize("text, isos", [
    ("Talks in Seoul on Korea.", ["KR"]),
    ("A deal worth 3 trillion won with Korea.", ["KR"]),
    ("Korea and the DPRK talks in Seoul.", []),       # the DPRK named: unsettled
    ("Korea and Pyongyang.", []),
    ("Korea alone.", []),
])
def test_settled_countries(lex, text, isos):
    got = sorted({iso for word, iso in settled_countries(text, lex.party_words.context_countries)
                  if word.search(text) and iso == "KR"})
    assert got == isos


@pytest.mark.parametrize("text, want", [
    ("Astana, 6 October – JSC Kazenergoset announces that on 5 October it signed a contract with the Kyrgyz "
     "grid operator NESK for a line.", "JSC Kazenergoset"),
    ("Tashkent, 3 May – Uzbekneftegaz reports that it has signed a supply contract with Petrovietnam.",
     "Uzbekneftegaz"),
    ("Baku, 2 June – SOCAR Midstream confirmed on Tuesday that it had signed a transit agreement with "
     "Georgian Railway.", "SOCAR Midstream"),
    ("Bishkek, 9 April – OJSC Kyrgyzaltyn informs that it signed a refining contract with the Swiss refiner Argor.",
     "OJSC Kyrgyzaltyn"),
    ("Dushanbe, 4 March – Barqi Tojik stated that it concluded a memorandum with Nurek HPP on repairs.",
     "Barqi Tojik"),
])
def test_it_after_reporting_company(nlp, text, want):
    assert want in parties(run(nlp, text))[-1]


@pytest.mark.parametrize("text, want", [
    ("Zambia's Minister of Mines and Malawi's Minister of Trade, Industry and Tourism on Monday signed a "
     "memorandum on mineral exports.", ["Malawi", "Zambia"]),
    ("Peru's Minister of Energy, Mines and Hydrocarbons and Chile's Minister of Mining signed an agreement "
     "on lithium on Tuesday.", ["Chile", "Peru"]),
    ("Kenya's Ministry of Roads and Transport and Uganda's Ministry of Works, Housing and Transport signed a "
     "memorandum on the corridor on Monday.", ["Ministry of Roads and Transport", "Ministry of Works, Housing and Transport"]),
    ("The Ministry of Agriculture, Fisheries and Food of Ghana and the Ministry of Agriculture of Togo signed "
     "a protocol on seeds on Friday.", ["Ministry of Agriculture of Togo", "Ministry of Agriculture, Fisheries and Food of Ghana"]),
    ("Tanzania's Minister of Lands, Housing and Settlements and Zambia's Minister of Lands signed a "
     "memorandum on surveying on Monday.", ["Tanzania", "Zambia"]),
    ("LUSAKA, May 3 – Zambia's Minister of Energy and Angola's Minister of Mineral Resources, Oil and Gas on "
     "Monday signed a memorandum on a refinery.", ["Angola", "Zambia"]),
    ("DAKAR, June 9 – Senegal's Minister of Energy and Mali's Minister of Mines, Energy and Water on Friday "
     "signed an agreement on a power line.", ["Mali", "Senegal"]),
    # negative: a list of countries stays a list
    ("Turkey, Azerbaijan and Georgia signed a declaration on Monday.", ["Azerbaijan", "Georgia", "Turkey"]),
])
def test_title_with_commas(nlp, text, want):
    assert parties(run(nlp, text))[-1] == sorted(want)
