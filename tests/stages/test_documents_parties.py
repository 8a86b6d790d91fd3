"""Parties (issue 11): a party phrase is taken down to the name of the body it holds — no
dateline, time, descriptor, people standing for the body or locating place — and phrases that
name several bodies or the sides at once are read whole. Texts invented for these tests."""

from __future__ import annotations

import pytest

from pipeline.core.paths import models_dir
from pipeline.stages.documents.lexicon import Lexicon
from pipeline.stages.documents.party_text import (coordinated_bodies, country_possessor, descriptor_after,
                                                  descriptor_before, heads_of_countries, side_people, strip_leads)
from tests.stages.documents_util import run


@pytest.fixture(scope="module")
def lex():
    return Lexicon.load(models_dir() / "documents")


def parties(doc):
    return [[p["party"] for p in d["parties"]] for d in doc._.documents]


# pure functions over a phrase ----------------------------------------------------------

@pytest.mark.parametrize("text, rest", [
    ("ABU DHABI: The UAE", "The UAE"),
    ("NAIROBI: Kenya", "Kenya"),
    ("Da Nang (VNA) – The city", "The city"),
    ("Officials from the Almaty region", "Almaty region"),
    ("representatives of Hunan Province", "Hunan Province"),
    ("the republic's Investment Agency", "Investment Agency"),
    ("The UAE", "The UAE"),                                   # nothing before the name
    ("the heads of state", "the heads of state"),
])
def test_strip_leads(lex, text, rest):
    assert text[strip_leads(text, 0, len(text), lex.party_words):] == rest


@pytest.mark.parametrize("text, name, iso", [
    ("Kazakhstan's Almaty region", "Almaty region", "KZ"),
    ("northwest China's Xinjiang Uygur Autonomous Region", "Xinjiang Uygur Autonomous Region", "CN"),
    ("Egypt's National Railways", "National Railways", "EG"),
    ("southern Russia's Rostov Oblast", "Rostov Oblast", "RU"),
    ("Peru's Arequipa region", "Arequipa region", "PE"),
])
def test_country_possessor(lex, text, name, iso):
    off, got = country_possessor(text, lex.country_re, lex.country_of)
    assert (text[off:], got) == (name, iso)


@pytest.mark.parametrize("text", ["Kazakhstan's national oil company KazMunayGas", "Almaty region", "Chile"])
def test_no_country_possessor(lex, text):
    assert country_possessor(text, lex.country_re, lex.country_of) is None


@pytest.mark.parametrize("text, name, body", [
    ("state power company Uzbekenergo", "Uzbekenergo", False),
    ("the national carrier Air Astana", "Air Astana", False),
    ("the northern border province of Quang Ninh", "Quang Ninh", True),
    ("the cities of Harbin", "Harbin", True),
    ("the coastal city of Durres", "Durres", True),
    ("the city of Taraz", "the city of Taraz", False),       # the name's own form stays
    ("Kazakh Invest", "Kazakh Invest", False),
])
def test_descriptor_before(lex, text, name, body):
    off, got = descriptor_before(text, lex.appositive_heads, lex.party_words)
    assert (text[off:], got) == (name, body)


@pytest.mark.parametrize("text, name", [
    ("TALCO aluminium company", "TALCO"),
    ("Samruk-Kazyna sovereign wealth fund", "Samruk-Kazyna"),
    ("Navoi mining group", "Navoi"),
    ("Almaty region", "Almaty region"),
])
def test_descriptor_after(lex, text, name):
    assert text[:descriptor_after(text, lex.appositive_heads)] == name


@pytest.mark.parametrize("text, names", [
    ("the Osh and Andijan regions", ["Osh region", "Andijan region"]),
    ("Gilan and Mazandaran provinces", ["Gilan province", "Mazandaran province"]),
    ("the Tartu, Parnu and Narva municipalities", ["Tartu municipality", "Parnu municipality", "Narva municipality"]),
    ("the Kostanay and Pavlodar oblasts", ["Kostanay oblast", "Pavlodar oblast"]),
    ("the Almaty region", None),                              # one name: no list
    ("the two regions", None),
])
def test_coordinated_bodies(lex, text, names):
    assert coordinated_bodies(text, lex.party_words) == names


@pytest.mark.parametrize("text, isos", [
    ("Presidents of Kyrgyzstan and Uzbekistan Sadyr Japarov and Shavkat Mirziyoyev", ["KG", "UZ"]),
    ("the foreign ministers of Chile and Peru", ["CL", "PE"]),
    ("Prime Ministers of Japan, India and Australia", ["JP", "IN", "AU"]),
    ("the leaders of Ghana and Togo", ["GH", "TG"]),
    ("the governments of Norway and Iceland", ["NO", "IS"]),
    ("the Ministry of Energy of Chile", None),
    ("the presidents of the two countries", None),
])
def test_heads_of_countries(lex, text, isos):
    assert heads_of_countries(text, lex.heads_alt, lex.country_re, lex.country_of) == isos


@pytest.mark.parametrize("text, sides", [
    ("our ministers of education", True),
    ("the Ministers of Transport", True),
    ("the ministers concerned", True),
    ("the heads of the two border guard services", True),
    ("our central banks", True),
    ("both delegations", True),
    ("the ministers of Kenya", False),                        # a side is named
    ("ministers", False),                                     # anyone's ministers
    ("Ministry of Transport", False),
])
def test_side_people(lex, text, sides):
    assert side_people(text, lex.heads, lex.party_words, lex.country_re) is sides


# the whole pipeline: each mechanism in five phrasings -------------------------------------

TIME_AFTER = [
    ("The Kerala government on Monday signed an agreement with Lulu Group on a food park.",
     ["Kerala government", "Lulu Group"]),
    ("The Fergana region on Friday signed a memorandum with the Sichuan province on tourism.",
     ["Fergana region", "Sichuan province"]),
    ("Ghana and Togo on Wednesday signed an agreement on border patrols.", ["Ghana", "Togo"]),
    ("Hubei Province and the Kostanay region on March 3 signed a memorandum on grain trade.",
     ["Hubei Province", "Kostanay region"]),
    ("Norway and Iceland on Friday signed a protocol on fisheries.", ["Norway", "Iceland"]),
]

DATELINES = [
    ("ABU DHABI: The UAE and Kenya signed an agreement on port logistics.", ["United Arab Emirates", "Kenya"]),
    ("RIYADH: Saudi Arabia and Ghana signed a memorandum on mining.", ["Saudi Arabia", "Ghana"]),
    ("DOHA: Qatar and Rwanda signed an agreement on aviation.", ["Qatar", "Rwanda"]),
    ("MUSCAT: Oman and Tanzania signed a memorandum on fisheries.", ["Oman", "Tanzania"]),
    ("Hanoi (VNA) – Vietnam and Laos signed a protocol on border markers.", ["Vietnam", "Laos"]),
]

BODY_PEOPLE = [
    ("Officials from Kazakhstan's Turkestan region and China's Gansu Province signed a memorandum on tourism.",
     ["Turkestan region", "Gansu Province"]),
    ("Representatives of the Kostanay region and Heilongjiang Province signed an agreement on grain.",
     ["Kostanay region", "Heilongjiang Province"]),
    ("Officials from eastern China's Jiangsu Province and Uzbekistan's Bukhara region signed a memorandum on textiles.",
     ["Jiangsu Province", "Bukhara region"]),
    ("French and Senegalese officials signed a letter of intent on museum loans.", ["France", "Senegal"]),
    ("Kenyan and Ethiopian officials signed a memorandum on cross-border grazing.", ["Kenya", "Ethiopia"]),
]

BODIES = [
    ("The northern border province of Lao Cai and China's Yunnan Province signed a memorandum on trade.",
     ["Lao Cai", "Yunnan Province"]),
    ("In May, state power company Uzbekenergo and Siemens Energy signed a contract on turbines.",
     ["Uzbekenergo", "Siemens Energy"]),
    ("The KEGOC grid company and China's State Grid signed an agreement on interconnection.",
     ["KEGOC", "State Grid"]),
    ("Tashkent State University and Tsinghua University in Beijing signed an agreement on exchanges.",
     ["Tashkent State University", "Tsinghua University"]),
    ("Presidents of Chile and Peru Gabriel Boric and Dina Boluarte signed a joint declaration on water.",
     ["Chile", "Peru"]),
]

SIDE_PEOPLE = [
    "Chile and Peru held talks on Monday. Our ministers of education signed a memorandum on school exchanges.",
    "Chile and Peru held talks on Monday. The Ministers of Transport concluded an agreement on a new bridge.",
    "Chile and Peru held talks on Monday. The ministers concerned signed a protocol on customs.",
    "Chile and Peru held talks on Monday. The heads of the two border services signed a protocol on patrols.",
    "Chile and Peru held talks on Monday. The delegations concerned signed a protocol on fisheries.",
    "Chile and Peru held talks on Monday. Our central banks signed an agreement on currency swaps.",
]


@pytest.mark.parametrize("text, expected", TIME_AFTER + DATELINES + BODY_PEOPLE + BODIES)
def test_party_names(nlp, text, expected):
    got = parties(run(nlp, text))
    assert got and got[0] == expected, got


@pytest.mark.parametrize("text", SIDE_PEOPLE)
def test_people_for_the_sides(nlp, text):
    got = parties(run(nlp, text))
    assert got == [["Chile", "Peru"]], got


@pytest.mark.parametrize("text", [
    "The Kerala government on Monday will sign an agreement with Lulu Group on a food park.",
    "Officials from Kazakhstan's Turkestan region and China's Gansu Province plan to sign a memorandum on tourism.",
    "French and Senegalese officials did not sign a letter of intent on museum loans.",
    "ABU DHABI: The UAE and Kenya discussed a draft agreement on port logistics.",
])
def test_no_record_unsigned(nlp, text):
    assert run(nlp, text)._.documents == []


@pytest.mark.parametrize("text, expected", [
    ("Rosneft and Sinopec signed a memorandum on crude supplies in Beijing on Monday. The companies also signed "
     "an agreement on rail freight.", ["Rosneft", "Sinopec"]),
    ("Volta Power and Lome Grid signed a contract on exports on Monday. The firms also concluded an agreement "
     "on grid maintenance.", ["Volta Power", "Lome Grid"]),
    ("KazMunayGas and PetroChina signed a memorandum on gas on Monday. The two companies also signed "
     "a contract on drilling.", ["KazMunayGas", "PetroChina"]),
    ("Equinor and Petrobras signed a memorandum on offshore wind on Monday. The firms also signed "
     "a contract on carbon capture.", ["Equinor", "Petrobras"]),
])
def test_the_companies_are_the_last_signers(nlp, text, expected):
    got = parties(run(nlp, text))
    assert got[-1] == expected, got
