"""Tests of the documents stage: small texts written for these tests (not from the corpus)."""

from __future__ import annotations

import pytest

from pipeline.config import models_dir
from pipeline.documents import (Lexicon, adjective_parties, classify_type, collective_head, count_of,
                                parse_subject, split_conjuncts, split_items)


@pytest.fixture(scope="module")
def lex():
    folder = models_dir() / "documents"
    return Lexicon.load(folder, countries=models_dir() / "entities" / "countries.tsv",
                        segmentation=models_dir() / "segmentation")


def run(nlp, text, published="2024-03-05"):
    doc = nlp.make_doc(text)
    doc._.published = published
    doc = nlp(doc)
    assert not doc._.errors, doc._.errors
    for d in doc._.documents:
        assert doc.text[d["start"]:d["end"]] == d["text"]
    for s in doc._.signings:
        assert doc.text[s["start"]:s["end"]] == s["text"]
    return doc


def parties(rec):
    return [p["party"] for p in rec["parties"]]


def countries(rec):
    return [p["country"] for p in rec["parties"]]


# --------------------------------------------------------------------------- pure functions

@pytest.mark.parametrize("text, expected", [
    ("Memorandum of Understanding between A and B on trade;", "memorandum"),
    ("an MoU on tourism", "memorandum"),
    ("Agreement in the form of an Exchange of Notes on visas", "agreement"),
    ("Exchange of Notes concerning the embassy land", "exchange_of_notes"),
    ("Joint Communiqué of the two leaders", "joint_statement"),
    ("a joint declaration on friendship", "joint_statement"),
    ("Action Plan for 2025-2027", "plan"),
    ("Letter of Intent on pilot training", "letter_of_intent"),
    ("Road map for energy cooperation", "roadmap"),
    ("the 2030 cooperation programme", "programme"),
    ("Protocol amending the tax convention", "protocol"),
    ("a supply contract for turbines", "contract"),
    ("Agreements on trade and on transport", None),   # plural: not one document
    ("a statement to the press", None),
])
def test_classify_type(lex, text, expected):
    assert classify_type(text, lex) == expected


@pytest.mark.parametrize("block, expected", [
    ("an accord on fisheries; a memorandum on ports; and a protocol on grain.",
     ["an accord on fisheries", "a memorandum on ports", "a protocol on grain"]),
    ("First: a treaty on borders; Second: a programme on culture",
     ["a treaty on borders", "a programme on culture"]),
    ("1. Agreement on roads; 2. Protocol on bridges.", ["Agreement on roads", "Protocol on bridges"]),
    ("• Contract on wagons\n• Roadmap on tariffs;", ["Contract on wagons", "Roadmap on tariffs"]),
    ("a plan on water. The ministers then left.", ["a plan on water"]),
])
def test_split_items(lex, block, expected):
    assert [block[s:e] for s, e in split_items(block, lex)] == expected


@pytest.mark.parametrize("text, expected", [
    ("Protocol between the Ministry of Health of Ruritania and the Ministry of Health of Freedonia on "
     "vaccine trials;", "vaccine trials"),
    ("Memorandum in the field of water management.", "water management"),
    ("Agreement concerning air services", "air services"),
    ("Treaty regarding the delimitation of the sea border", "the delimitation of the sea border"),
    ("a pact to curb fishing quotas", "curb fishing quotas"),
    ("Agreement for the avoidance of double taxation", "the avoidance of double taxation"),
    ("Memorandum between the Agency for Export Support of Ruritania and the Bank of Freedonia on "
     "credit lines", "credit lines"),
    ("a joint statement", None),
])
def test_parse_subject(lex, text, expected):
    assert parse_subject(text, lex) == expected


@pytest.mark.parametrize("text, expected", [
    ("the Ministry of Trade and Industry of Ruritania and the Bank of Freedonia",
     ["the Ministry of Trade and Industry of Ruritania", "the Bank of Freedonia"]),
    ("Ruritania, Freedonia and Sylvania", ["Ruritania", "Freedonia", "Sylvania"]),
    ("the Council of Ruritania, the Office of Freedonia and the Senate of Sylvania",
     ["the Council of Ruritania", "the Office of Freedonia", "the Senate of Sylvania"]),
])
def test_split_conjuncts(text, expected):
    assert [text[s:e] for s, e in split_conjuncts(text, 0, len(text))] == expected


@pytest.mark.parametrize("text, expected", [
    ("the Kazakh and Russian Governments", [("Government of Kazakhstan", "KZ"), ("Government of Russia", "RU")]),
    ("the French, German and Italian presidents", [("France", "FR"), ("Germany", "DE"), ("Italy", "IT")]),
    ("the Kazakh Government", None),
    ("the two Governments", None),
])
def test_adjective_parties(lex, text, expected):
    got = adjective_parties(text, lex)
    assert (None if got is None else [(p["party"], p["country"]) for p in got]) == expected


@pytest.mark.parametrize("text, expected", [
    ("the two sides", ("side", "country")),
    ("both Governments", ("Government", "institution")),
    ("the two countries’ delegates", ("delegate", "country")),
    ("the Ruritanian side", None),
])
def test_collective_head(lex, text, expected):
    assert collective_head(text, lex) == expected


@pytest.mark.parametrize("text, expected", [
    ("24 agreements", 24), ("three memoranda", 3), ("a package of documents", None), ("a dozen deals", 12),
])
def test_count_of(lex, text, expected):
    assert count_of(text, lex) == expected


# --------------------------------------------------------------------------- lists in context

LISTS = [
    # bullets after "signed ... as follows:"
    ("After the talks the delegations of Japan and Vietnam signed several documents as follows:\n\n"
     "  • Memorandum of Understanding between the Ministry of Health of Japan and the Ministry of Health of "
     "Vietnam on cooperation in the field of hospital management;\n"
     "  • Agreement between the Government of Japan and the Government of Vietnam on air services.\n",
     [("memorandum", ["JP", "VN"], "cooperation in the field of hospital management"),
      ("agreement", ["JP", "VN"], "air services")]),
    # dashes, "The documents signed include:"
    ("Leaders of Brazil and Argentina met in Buenos Aires. The documents signed include:\n"
     "- Protocol on sanitary rules for beef exports;\n- Roadmap for a joint satellite.\n",
     [("protocol", ["BR", "AR"], "sanitary rules for beef exports"), ("roadmap", ["BR", "AR"], "a joint satellite")]),
    # numbers, "the following agreements were signed:"
    ("During the visit of the Chilean president to Peru, the following agreements were signed:\n"
     "1. Agreement between Chile and Peru on border crossings;\n2. Contract between Chile and Peru for port works.\n",
     [("agreement", ["CL", "PE"], "border crossings"), ("contract", ["CL", "PE"], "port works")]),
    # run together on one line with semicolons
    ("Norway and Iceland signed the following: an accord on fisheries; a memorandum on ports; and a protocol on grain.",
     [("agreement", ["NO", "IS"], "fisheries"), ("memorandum", ["NO", "IS"], "ports"), ("protocol", ["NO", "IS"], "grain")]),
    # First: ... Second: ... after a collective signing sentence
    ("Kenya and Ghana exchanged two documents. First: a treaty on extradition; Second: a programme on "
     "student exchanges.",
     [("treaty", ["KE", "GH"], "extradition"), ("programme", ["KE", "GH"], "student exchanges")]),
    # "Among them:" after a bare count
    ("Twelve agreements were signed by Egypt and Jordan in Amman. Among them:\n"
     "– Agreement between the Egyptian and Jordanian Governments on gas supplies;\n"
     "– Plan of action on tourism.\n",
     [("agreement", ["EG", "JO"], "gas supplies"), ("plan", ["EG", "JO"], "tourism")]),
    # headline-style list
    ("The Prime Ministers of India and Australia are pleased to announce the following agreements between "
     "India and Australia:\n\nJoint Statement on Maritime Security\nThe leaders agreed to expand naval "
     "exercises and to share information on shipping.\n\nLetter of Intent on Critical Minerals\n"
     "The two sides will map deposits and invest in refining capacity over the next years.\n",
     [("joint_statement", ["IN", "AU"], "Maritime Security"), ("letter_of_intent", ["IN", "AU"], "Critical Minerals")]),
]


@pytest.mark.parametrize("text, expected", LISTS)
def test_lists(nlp, text, expected):
    doc = run(nlp, text)
    got = [(d["doc_type"], countries(d), d["subject"]) for d in doc._.documents]
    assert got == expected


def test_list_planned_lead_in_gives_nothing(nlp):
    doc = run(nlp, "Tomorrow Peru and Chile will sign the following documents:\n"
                   "• Agreement on fisheries;\n• Protocol on mining.\n")
    assert doc._.documents == []


# --------------------------------------------------------------------------- inline mentions

INLINE = [
    ("Ruritania and Freedonia signed a joint statement on the occasion of the 10th anniversary of their "
     "alliance.", "joint_statement", None, "the 10th anniversary of their alliance"),
    ("An agreement on double taxation between Poland and Ukraine was signed in Kyiv.",
     "agreement", ["PL", "UA"], "double taxation"),
    ("The two ministers of Turkey and Qatar inked a memorandum of understanding on defence industry "
     "cooperation on Monday.", "memorandum", ["TR", "QA"], "defence industry cooperation"),
    ("The World Bank and the Asian Development Bank have formalised a new Cofinancing Framework "
     "Agreement to expand lending in the Pacific.", "agreement", None, "expand lending in the Pacific"),
    ("French President Emmanuel Macron and German Chancellor Olaf Scholz signed a treaty to deepen "
     "defence cooperation.", "treaty", ["FR", "DE"], "deepen defence cooperation"),
    ("Canada signed a Memorandum of Understanding with Mexico on seasonal workers.",
     "memorandum", ["CA", "MX"], "seasonal workers"),
]


@pytest.mark.parametrize("text, doc_type, iso, subject", INLINE)
def test_inline(nlp, text, doc_type, iso, subject):
    doc = run(nlp, text)
    assert len(doc._.documents) == 1, doc._.documents
    d = doc._.documents[0]
    assert d["doc_type"] == doc_type
    assert d["subject"] == subject
    if iso is not None:
        assert countries(d) == iso
    assert len(d["parties"]) >= 2
    assert all(not p["party"].lower().startswith("the ") for p in d["parties"])


def test_inline_organisations_keep_their_names(nlp):
    doc = run(nlp, "The World Bank and the Asian Development Bank have formalised a new Cofinancing "
                   "Framework Agreement to expand lending in the Pacific.")
    assert parties(doc._.documents[0]) == ["World Bank", "Asian Development Bank"]


def test_kazakh_and_russian_governments(nlp):
    doc = run(nlp, "A protocol between the Kazakh and Russian Governments on customs data was signed.")
    d = doc._.documents[0]
    assert parties(d) == ["Government of Kazakhstan", "Government of Russia"]
    assert countries(d) == ["KZ", "RU"]


def test_coreference_is_one_record(nlp):
    text = ("Today, the Foreign Minister of Norway and the Foreign Minister of Kenya signed a Memorandum of "
            "Understanding on fisheries research. The Memorandum of Understanding was signed as part of a "
            "wider partnership. Officials said this new MOU builds on earlier work.")
    doc = run(nlp, text, published="2024-03-05")
    assert len(doc._.documents) == 1
    d = doc._.documents[0]
    assert d["subject"] == "fisheries research"
    assert d["signed_date"] == "2024-03-05"
    assert countries(d) == ["NO", "KE"]


def test_accord_refers_back_to_treaty(nlp):
    text = ("The presidents of Ruritania and Freedonia signed a treaty to cut tariffs. "
            "They then signed their countries’ first trade accord in a decade.")
    doc = run(nlp, text)
    assert [d["doc_type"] for d in doc._.documents] == ["treaty"]


def test_earlier_signing_takes_the_time_of_the_context(nlp):
    text = ("The prime minister of Spain visited Morocco in March 2019. At the time, he praised the "
            "partnership. Following the meeting, the two prime ministers signed a declaration on migration.")
    doc = run(nlp, text, published="2024-03-05")
    d = doc._.documents[0]
    assert d["doc_type"] == "declaration"
    assert d["signed_date"] == "2019-03"
    assert countries(d) == ["ES", "MA"]


def test_earlier_signing_with_own_year_is_separate(nlp):
    text = ("Ruritania and Freedonia signed a new treaty on nuclear arms. The treaty replaces the 1987 "
            "Border Treaty, which was signed by the Ruritanian president and the Freedonian president.")
    doc = run(nlp, text)
    assert [d["doc_type"] for d in doc._.documents] == ["treaty", "treaty"]
    assert doc._.documents[1]["signed_date"] == "1987"


@pytest.mark.parametrize("text", [
    "Peru and Chile will sign an agreement on lithium next week.",
    "The two governments are expected to sign a memorandum on energy.",
    "Officials plan to sign a trade accord in June.",
    "Washington would renew its memorandum of understanding with Amman.",
    "Negotiators are still drafting a treaty on water sharing.",
    "The sides did not sign the protocol on grain.",
])
def test_not_signed(nlp, text):
    doc = run(nlp, text)
    assert doc._.documents == []


# --------------------------------------------------------------------------- bare signings

@pytest.mark.parametrize("text, count", [
    ("In all, 17 agreements were signed during the visit of the Kenyan president to Uganda.", 17),
    ("Ministers of Chile and Peru signed three memoranda in Lima.", 3),
    ("An extensive package of intergovernmental documents was signed by Poland and Ukraine.", None),
])
def test_bare_signings(nlp, text, count):
    doc = run(nlp, text)
    assert doc._.documents == []
    assert len(doc._.signings) == 1
    assert doc._.signings[0]["count"] == count


def test_signing_value(nlp):
    doc = run(nlp, "Egypt and Saudi Arabia signed 14 deals worth $7 billion in Cairo on Monday.")
    assert doc._.documents == []
    s = doc._.signings[0]
    assert s["count"] == 14
    assert s["currency"] == "USD"
    assert float(s["value"]) == 7e9
    assert s["parties"] == "Egypt | Saudi Arabia"


def test_planned_count_is_not_a_signing(nlp):
    doc = run(nlp, "Egypt and Saudi Arabia will sign 14 deals worth $7 billion.")
    assert doc._.signings == [] and doc._.documents == []


# --------------------------------------------------------------------------- fallbacks

def test_question_is_not_a_signing(nlp):
    doc = run(nlp, "Which documents have Chile and Peru signed? Nobody knows yet.")
    assert doc._.signings == [] and doc._.documents == []


@pytest.mark.parametrize("text, subject", [
    # the name's own modifiers
    ("Ruritania and Freedonia signed the 1999 Fisheries Management Treaty.", "Fisheries Management"),
    ("The central banks of Chile and Peru signed a currency swap agreement last week.", "currency swap"),
    # a describing next sentence
    ("The navies of Chile and Peru signed a memorandum of understanding. This document commits both "
     "navies to joint patrols in the Pacific.", "joint patrols in the Pacific"),
    # a participle clause
    ("Chile and Peru signed a Memorandum of Understanding reflecting their agreement reached on port fees.",
     "port fees"),
])
def test_subject_fallbacks(nlp, text, subject):
    doc = run(nlp, text)
    assert [d["subject"] for d in doc._.documents] == [subject]


def test_date_of_the_meeting_an_anaphor_names(nlp):
    text = ("The foreign ministers of Chile and Peru met in Lima on 4 March 2024 to discuss trade.\n\n"
            "Peru praised the talks. Chile called them useful.\n\n"
            "After the meeting, the ministers signed a protocol on customs.")
    doc = run(nlp, text, published="2024-03-06")
    assert doc._.documents[0]["signed_date"] == "2024-03-04"


@pytest.mark.parametrize("subject, expected", [
    ("levels of aid to", "levels of aid"), ("port works and", "port works"), ("grain exports", "grain exports"),
    (None, None),
])
def test_clean_subject(subject, expected):
    from pipeline.documents import clean_subject
    assert clean_subject(subject) == expected


# --------------------------------------------------------------------------- signer clauses, re-mentions

def test_signed_for_a_side_is_not_a_subject_nor_a_new_record(nlp):
    text = ("Today, the Government of Ruritania and the Government of Freedonia signed a Memorandum of "
            "Understanding on fisheries research. Deputy Minister Anna Berg signed the Memorandum for Ruritania "
            "and Minister of Trade and Fisheries Tomas Vale signed for Freedonia.")
    doc = run(nlp, text)
    assert len(doc._.documents) == 1, doc._.documents
    assert doc._.documents[0]["subject"] == "fisheries research"


@pytest.mark.parametrize("text", [
    "Japan and Kenya signed an agreement on road safety. The Ambassador signed the agreement for the "
    "Government of Japan while the Minister of Transport signed for Kenya.",
    "Chile and Peru signed a protocol on customs. Minister Rosa Díaz signed the protocol on behalf of Chile.",
    "Brazil and Angola signed a memorandum on oil exploration. The ambassador signed this MOU for the "
    "Brazilian side.",
])
def test_definite_re_mention_merges(nlp, text):
    doc = run(nlp, text)
    assert len(doc._.documents) == 1, doc._.documents
    assert doc._.documents[0]["subject"] in ("road safety", "customs", "oil exploration")


@pytest.mark.parametrize("text, subject", [
    ("Ruritania and Freedonia signed an Agreement for the avoidance of double taxation.",
     "the avoidance of double taxation"),
    ("Ruritania and Freedonia signed a protocol for Freedonia's accession to the customs union.",
     "Freedonia's accession to the customs union"),
])
def test_for_with_a_purpose_stays_the_subject(nlp, text, subject):
    doc = run(nlp, text)
    assert [d["subject"] for d in doc._.documents] == [subject]


def test_present_perfect_takes_the_dateline(nlp):
    text = ("Ruritania, Freedonia sign trade treaty\n\nMonday, March 4, 2024\n\n"
            "The presidents of Ruritania and Freedonia have signed a treaty on free trade.")
    doc = run(nlp, text, published="2024-03-05")
    assert [d["signed_date"] for d in doc._.documents] == ["2024-03-04"]
