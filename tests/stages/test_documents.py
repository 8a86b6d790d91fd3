"""Tests of the documents stage: small texts written for these tests (not from the corpus)."""

from __future__ import annotations

import pytest

from pipeline.core.paths import models_dir
from tests.stages.documents_util import run
from pipeline.stages.documents import (Lexicon, adjective_parties, classify_type, collective_head, count_of,
                                parse_subject, split_conjuncts, split_items)


@pytest.fixture(scope="module")
def lex():
    folder = models_dir() / "documents"
    return Lexicon.load(folder, countries=models_dir() / "entities" / "countries.tsv",
                        segmentation=models_dir() / "segmentation")


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
    ("the two sides", ("side", "side")),
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
    # a number-unit compound (dates/units.tsv) is a duration, not a subject
    ("Chile and Peru signed a ten-year gas supply contract.", "gas supply"),
    ("Chile and Peru signed a new 10-year pact.", None),
    ("Chile and Peru signed a twenty-year lease agreement.", "lease"),
    # a describing next sentence (content_openers.tsv, generic modifiers, collective nouns, "It")
    ("The navies of Chile and Peru signed a memorandum of understanding. This document commits both "
     "navies to joint patrols in the Pacific.", "joint patrols in the Pacific"),
    ("Chile and Peru signed a memorandum of understanding. This landmark memorandum covers fishing "
     "quotas.", "fishing quotas"),
    ("Chile and Peru signed an accord. It provides for visa-free travel.", "visa-free travel"),
    ("Chile and Peru signed an accord. Officials said it provides for visa-free travel.", None),
    # a participle clause: the marker attached to a participle of the clause
    ("Chile and Peru signed a Memorandum of Understanding reflecting their agreement reached on port fees.",
     "port fees"),
    # ... not a marker inside a noun phrase of the clause ("the committee on fisheries")
    ("Chile and Peru signed a Memorandum of Understanding recognising the work of the joint committee on "
     "fisheries.", None),
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
def test_clean_subject(lex, subject, expected):
    from pipeline.stages.documents import clean_subject
    assert clean_subject(subject, lex) == expected


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


@pytest.mark.parametrize("text", [
    # a country adjective + a singular party head (party_heads.tsv) is a side signed for
    "Chile and Peru signed the memorandum for the Peruvian government.",
    "Chile and Peru signed the memorandum for the Peruvian ministry, officials said.",
])
def test_for_a_side_head_is_no_subject(nlp, text):
    doc = run(nlp, text)
    assert [(d["doc_type"], d["subject"]) for d in doc._.documents] == [("memorandum", None)]


def test_present_perfect_takes_the_dateline(nlp):
    text = ("Ruritania, Freedonia sign trade treaty\n\nMonday, March 4, 2024\n\n"
            "The presidents of Ruritania and Freedonia have signed a treaty on free trade.")
    doc = run(nlp, text, published="2024-03-05")
    assert [d["signed_date"] for d in doc._.documents] == ["2024-03-04"]


# --------------------------------------------------------------------------- source styles
# Short texts written in the styles of the sources the project targets (Kazinform/Astana Times,
# Xinhua, Central Asian government press offices, State Department/EU releases, wire copy).
# Each expects what an analyst reading it would record: documents as
# (doc_type, [countries], subject) and bare signings as (count, parties, place).

STYLES = [
    # Kazinform: documents named after "including" in a collective signing; adopted joint statement
    ("President of Kazakhstan Kassym-Jomart Tokayev held talks with President of Azerbaijan Ilham Aliyev "
     "in Astana on Monday. Following the talks, the heads of state signed a number of documents, including "
     "a Treaty on Comprehensive Strategic Partnership and an Agreement on mutual recognition of diplomas. "
     "The parties also adopted a Joint Statement.",
     [("treaty", ["KZ", "AZ"], "Comprehensive Strategic Partnership"),
      ("agreement", ["KZ", "AZ"], "mutual recognition of diplomas"),
      ("joint_statement", ["KZ", "AZ"], None)],
     [(None, "Kazakhstan | Azerbaijan", "Astana")]),
    # Kazinform: commercial agreements with a value
    ("Kazakhstan and China signed 47 commercial agreements worth $22 billion during the business forum "
     "in Astana.",
     [], [(47, "Kazakhstan | China", "Astana")]),
    # Xinhua: "witnessed the signing of cooperation documents"
    ("Chinese President Xi Jinping held talks with Kazakh President Kassym-Jomart Tokayev in Beijing on "
     "Friday. Xi and Tokayev witnessed the signing of cooperation documents on trade, agriculture and the "
     "media after their talks.",
     [], [(None, "China | Kazakhstan", "Beijing")]),
    # Xinhua: "signed cooperation documents covering ..."
    ("Chinese Premier Li Qiang held talks with Uzbek Prime Minister Abdulla Aripov on Tuesday. The two "
     "sides signed cooperation documents covering the economy, science and technology, and green development.",
     [], [(None, "China | Uzbekistan", None)]),
    # Tajik government: passive, parties after the verb
    ("An intergovernmental agreement on cooperation in the field of labour migration was signed in Dushanbe "
     "on 12 March 2024 between Tajikistan and Kazakhstan.",
     [("agreement", ["TJ", "KZ"], "cooperation in the field of labour migration")], []),
    # Uzbek government: an adopted roadmap with its period
    ("Following the meeting of the intergovernmental commission, a Roadmap for the development of trade and "
     "economic cooperation between Uzbekistan and Turkmenistan for 2024-2026 was adopted.",
     [("roadmap", ["UZ", "TM"], "the development of trade and economic cooperation")], []),
    # Kyrgyz government: "Programme of X ... for 2024–2028 was signed by the heads of government"
    ("The Programme of economic cooperation between Kyrgyzstan and Russia for 2024–2028 was signed by the "
     "heads of government in Bishkek.",
     [("programme", ["KG", "RU"], "economic cooperation")], []),
    # State Department: MOU, then signers re-mention "the MOU"
    ("The United States and Kazakhstan signed a Memorandum of Understanding to strengthen cooperation on "
     "critical minerals. Secretary of State Antony Blinken and Foreign Minister Murat Nurtleu signed the MOU "
     "in Astana.",
     [("memorandum", ["US", "KZ"], "strengthen cooperation on critical minerals")], []),
    # EU: initialled, a title with coordinated words (a relationship's name, no subject)
    ("The EU and Uzbekistan initialled the Enhanced Partnership and Cooperation Agreement in Brussels on "
     "6 July 2022.",
     [("agreement", [None, "UZ"], None)], []),
    # wire copy: a date between the name and its subject; a contract with its value and counterparty
    ("Russia and China signed a deal on Tuesday on natural gas supplies through the Power of Siberia pipeline. "
     "Gazprom also signed a $400 billion contract with China National Petroleum Corp for gas supplies over "
     "30 years.",
     [("agreement", ["RU", "CN"], "natural gas supplies through the Power of Siberia pipeline"),
      ("contract", ["RU", "CN"], "gas supplies over 30 years")], []),
    # multi-party
    ("A memorandum on a transit corridor between Kazakhstan, Azerbaijan and Georgia was signed in Aktau.",
     [("memorandum", ["KZ", "AZ", "GE"], "a transit corridor between Kazakhstan, Azerbaijan and Georgia")], []),
    # an exchange of notes
    ("Japan and Mongolia exchanged notes on a grant for the new airport terminal.",
     [("exchange_of_notes", ["JP", "MN"], "a grant for the new airport terminal")], []),
    # signed by named ministers ("his counterpart")
    ("Uzbek and Kyrgyz diplomats met in Tashkent on Friday. The agreement on visa-free travel was signed by "
     "Foreign Minister Bakhtiyor Saidov and his Kyrgyz counterpart Jeenbek Kulubaev.",
     [("agreement", ["UZ", "KG"], "visa-free travel")], []),
    # a past signing with its own year and place
    ("The presidents of Kyrgyzstan and Tajikistan met on Friday. They recalled the 2019 treaty signed in "
     "Bishkek, which settled the border.",
     [("treaty", ["KG", "TJ"], None)], []),
    # headline + dateline: two signing rows
    ("Kazakhstan, Uzbekistan sign 20 documents\n\nTASHKENT, March 4 (Kazinform) - Kazakhstan and Uzbekistan "
     "signed 20 documents following the talks of the two presidents.",
     # (the headline sums up the body's signing: its date and place)
     [], [(20, "Kazakhstan | Uzbekistan", "Tashkent"), (20, "Kazakhstan | Uzbekistan", "Tashkent")]),
    # an inline list after "including" with an institution collective and a period
    ("Kazakhstan and Hungary held talks in Budapest. The parties signed a number of documents, including an "
     "agreement on military cooperation, a memorandum of understanding between the ministries of agriculture, "
     "and a programme of cultural exchanges for 2024-2026.",
     [("agreement", ["KZ", "HU"], "military cooperation"), ("memorandum", ["KZ", "HU"], None),
      ("programme", ["KZ", "HU"], "cultural exchanges")],
     # (no anaphor ties the signing to the talks in Budapest: no place)
     [(None, "Kazakhstan | Hungary", None)]),
    # two coordinated named agreements
    ("Kazakhstan and Uzbekistan signed an Agreement on the demarcation of the state border and an Agreement "
     "on the joint management of the Dostyk water facility.",
     [("agreement", ["KZ", "UZ"], "the demarcation of the state border"),
      ("agreement", ["KZ", "UZ"], "the joint management of the Dostyk water facility")], []),
    # "Following the talks, the heads of state signed a Joint Statement"
    ("Tokayev met Turkmen President Serdar Berdimuhamedov in Ashgabat on 3 May 2024. Following the talks, "
     "the heads of state signed a Joint Statement on the establishment of comprehensive strategic partnership.",
     [("joint_statement", ["KZ", "TM"], "the establishment of comprehensive strategic partnership")], []),
]


@pytest.mark.parametrize("text, documents, signings", STYLES)
def test_source_styles(nlp, text, documents, signings):
    doc = run(nlp, text)
    assert [(d["doc_type"], countries(d), d["subject"]) for d in doc._.documents] == documents
    assert [(s["count"], s["parties"], s["signed_place"]) for s in doc._.signings] == signings


@pytest.mark.parametrize("text, field, expected", [
    # dates and places of the signing
    (STYLES[4][0], "signed_date", "2024-03-12"),
    (STYLES[4][0], "signed_place", "Dushanbe"),
    (STYLES[5][0], "signed_date", None),          # "for 2024-2026" is a period, not a signing date
    (STYLES[8][0], "signed_date", "2022-07-06"),
    (STYLES[8][0], "signed_place", "Brussels"),
    (STYLES[13][0], "signed_date", "2019"),       # the past treaty keeps its own year, not Friday
    (STYLES[13][0], "signed_place", "Bishkek"),
    (STYLES[17][0], "signed_date", "2024-05-03"),  # the date of the talks the signing followed
    (STYLES[17][0], "signed_place", "Ashgabat"),
    (STYLES[7][0], "signed_place", "Astana"),     # from the re-mention merged into the record
])
def test_source_styles_time_and_place(nlp, text, field, expected):
    doc = run(nlp, text)
    assert doc._.documents[0][field] == expected


def test_documents_signed_for_value_keep_the_value_out(nlp):
    doc = run(nlp, STYLES[9][0])
    contract = doc._.documents[1]
    assert contract["text"] == "contract with China National Petroleum Corp for gas supplies over 30 years"
    assert parties(contract) == ["Gazprom", "China National Petroleum Corp"]


def test_eu_title_across_and(nlp):
    doc = run(nlp, STYLES[8][0])
    assert doc._.documents[0]["text"] == "the Enhanced Partnership and Cooperation Agreement"
    assert parties(doc._.documents[0]) == ["EU", "Uzbekistan"]


def test_ministries_collective_becomes_institutions(nlp):
    doc = run(nlp, STYLES[15][0])
    assert parties(doc._.documents[1]) == ["Ministry of Agriculture of Kazakhstan", "Ministry of Agriculture of Hungary"]


@pytest.mark.parametrize("text", [
    "Kazakhstan and Uzbekistan did not sign the agreement on water sharing.",
    "Azerbaijan and Armenia are set to sign a peace treaty later this year.",
    "The sides discussed the draft agreement on investment protection.",
    "Negotiations on a free trade agreement between the EU and Indonesia continue.",
    "Russia and Turkey are expected to sign a roadmap on energy.",
    "The ministers agreed to prepare a memorandum on tourism for signing at the next summit.",
    "No agreements were signed during the visit.",
    "No agreement on the border was signed in Bishkek.",
    "Talks on a new treaty were held in Geneva.",
    "The two countries are working on an agreement on visas.",
    "Kazakhstan and Kyrgyzstan have yet to sign the border treaty.",
    "The signing of the agreement on transit was postponed.",
    "Uzbekistan hopes to sign a free trade agreement with the EU.",
    "The two leaders noted the importance of the 2022 roadmap and called for its implementation.",
])
def test_not_signed_styles(nlp, text):
    doc = run(nlp, text)
    assert doc._.documents == [] and doc._.signings == []


# --------------------------------------------------------------------------- robustness

LONG = ("Ruritania and Freedonia signed an agreement on " + ", ".join(f"item {k}" for k in range(400)) + ".")
THIRTY = ("The following documents were signed by Chile and Peru:\n"
          + "".join(f"{k}. Agreement on topic number {k};\n" for k in range(1, 31)))


@pytest.mark.parametrize("text, n_documents", [
    ("", 0),
    ("   \n\n ", 0),
    ("The documents signed include:", 0),                                   # lead-in, no list
    ("The documents signed include:\n\n", 0),                               # lead-in, blank lines only
    ("Chile and Peru signed the following agreements:\n•\n• ;\n1.\n2. ;;\n", 0),  # empty items
    ("signed", 0),
    ("Agreement", 0),
    ("the signing of", 0),
    ("They signed a memorandum of understanding on.", 1),
    ("it was signed. it was signed by the. signed for the", 0),
    ("Signed, sealed and delivered: ; ; :", 0),
    (LONG, 1),
    (THIRTY, 30),
    ("no names here at all, just a protocol that was signed and a treaty inked, for; on; between; with", 1),
    ("Chile and Peru exchanged notes", 1),
    ("A and B signed a number of documents, including", 0),                 # a collective signing only
    ("A and B signed a number of documents, including , , and ;", 0),
])
def test_never_raises(nlp, text, n_documents):
    doc = run(nlp, text)
    assert len(doc._.documents) == n_documents, doc._.documents
    for d in doc._.documents:
        assert d["doc_type"] and isinstance(d["parties"], list)


def test_thirty_item_list(nlp):
    doc = run(nlp, THIRTY)
    assert len(doc._.documents) == 30
    assert doc._.documents[29]["subject"] == "topic number 30"
    assert all(countries(d) == ["CL", "PE"] for d in doc._.documents)


def test_very_long_sentence_is_one_record(nlp):
    doc = run(nlp, LONG)
    assert [d["doc_type"] for d in doc._.documents] == ["agreement"]


@pytest.mark.parametrize("fn, args, expected", [
    (split_items, ("", ), []), (split_items, (";;;", ), []), (split_items, ("• \n1. \n", ), []),
    (parse_subject, ("", ), None), (parse_subject, ("Agreement", ), None),
    (parse_subject, ("Agreement between", ), None), (parse_subject, ("Agreement of", ), None),
    (classify_type, ("", ), None), (count_of, ("", ), None),
    (adjective_parties, ("", ), None), (collective_head, ("", ), None),
])
def test_pure_functions_on_odd_input(lex, fn, args, expected):
    assert fn(*args, lex) == expected


def test_split_conjuncts_on_odd_input():
    assert split_conjuncts("", 0, 0) == []
    assert split_conjuncts(" , and ", 0, 7) == []


# --------------------------------------------------------------------------- places

@pytest.mark.parametrize("text, published, place", [
    # a later mention of the signing event names the place
    ("Today, Norway and Kenya signed a memorandum on fisheries research. The ambassadors of both "
     "countries attended the signing in Mombasa.", "2024-03-05", "Mombasa"),
    # a visit / journey to a city (event_words.tsv destination)
    ("Chile and Peru signed a treaty on fisheries during a journey to Arica by the Peruvian president.",
     "2024-03-05", "Arica"),
    ("Back in 2019, Chile and Peru concluded a treaty on water sharing during a state visit to Cusco by the "
     "Chilean president.", "2024-03-05", "Cusco"),
    # a dateline line (city and date) and a signing on that day
    ("Lisbon, 4 March 2024\n\nToday, Portugal and Angola signed an agreement on maritime transport.",
     "2024-03-04", "Lisbon"),
    # a wire dateline
    ("LIMA, March 4 (Andina) -- Peru and Chile signed a protocol on customs on Monday.", "2024-03-04", "Lima"),
    # a signing of another month is not placed at the dateline
    ("LIMA, March 4 (Andina) -- Peruvian officials recalled that Peru and Chile signed a protocol on customs "
     "in January 2023.", "2024-03-04", None),
])
def test_signed_place(nlp, text, published, place):
    doc = run(nlp, text, published=published)
    assert [d["signed_place"] for d in doc._.documents] == [place]


# --------------------------------------------------------------------------- occasion of a signing
# Texts written for these tests in the styles of Kazinform, Xinhua, Trend/AKIpress, government
# press offices and Reuters, centred on the date, place and parties of each signing. Each states
# what an analyst records: documents as (doc_type, [party], [country], subject, signed_date,
# signed_place) and signing rows as (count, parties, signed_date, signed_place).
# Decisions: ministers or presidents who sign for their countries make the countries the parties
# (the guideline's "MoU signed by two ministers -> United States | Jordan"); companies and other
# organisations are parties by their name as written, without a descriptor ("Italy's Eni" -> Eni,
# country IT); a signing reported with no time of its own right after another signing belongs to
# the same occasion; a headline signing sums up the body's first dated signing.

OCCASIONS = [
    # Kazinform: "on the sidelines of the SCO summit in Astana on July 4" dates and places both documents
    ("Tokayev, Sharif discuss trade\n\nASTANA. KAZINFORM – President of Kazakhstan Kassym-Jomart Tokayev met "
     "Prime Minister of Pakistan Shehbaz Sharif. On the sidelines of the SCO summit in Astana on July 4, the "
     "sides signed an agreement on cooperation in the field of civil aviation and a memorandum on tourism.",
     "2024-07-05",
     [("agreement", ["Kazakhstan", "Pakistan"], ["KZ", "PK"], "cooperation in the field of civil aviation",
       "2024-07-04", "Astana"),
      ("memorandum", ["Kazakhstan", "Pakistan"], ["KZ", "PK"], "tourism", "2024-07-04", "Astana")],
     []),
    # Xinhua: "Earlier on Tuesday" is the day before the dateline's Wednesday; no place is stated for it
    ("BEIJING, April 17 (Xinhua) -- Chinese Premier Li Qiang met with visiting Turkmen President Serdar "
     "Berdimuhamedov in Beijing on Wednesday.\n\nEarlier on Tuesday, Chinese Vice Premier Ding Xuexiang and "
     "Turkmen Deputy Prime Minister Batyr Amanov signed an agreement on natural gas cooperation.",
     "2024-04-17",
     [("agreement", ["China", "Turkmenistan"], ["CN", "TM"], "natural gas cooperation", "2024-04-16", None)],
     []),
    # government press office: a dateline line, "A total of 25 documents", "in the presence of the two
    # presidents" (the same event reported again: its own row), a headline summing it up
    ("Uzbekistan and Azerbaijan sign 25 documents\n\nTashkent, 12 June 2024\n\nThe President of Uzbekistan "
     "Shavkat Mirziyoyev and the President of Azerbaijan Ilham Aliyev held negotiations in Tashkent today. "
     "A total of 25 documents were signed during the visit. The documents were signed in the presence of "
     "the two presidents.",
     "2024-06-12",
     [],
     [(25, "Uzbekistan | Azerbaijan", "2024-06-12", "Tashkent"),
      (25, "Uzbekistan | Azerbaijan", "2024-06-12", "Tashkent"),
      (None, "Uzbekistan | Azerbaijan", "2024-06-12", "Tashkent")]),
    # Trend: the date is in the previous paragraph's dateline; "Following the meeting" refers to it
    ("BAKU, March 12 (Trend) - Azerbaijan and Kazakhstan held the fourth meeting of their intergovernmental "
     "commission in Baku.\n\nFollowing the meeting, the two countries signed a protocol on expanding cargo "
     "transportation along the Middle Corridor.",
     "2024-03-12",
     [("protocol", ["Azerbaijan", "Kazakhstan"], ["AZ", "KZ"],
       "expanding cargo transportation along the Middle Corridor", "2024-03-12", "Baku")],
     []),
    # AKIpress: two events in one article, the 2019 signing keeps its own year and place
    ("BISHKEK (AKIpress) - Kyrgyzstan and Uzbekistan signed an agreement on the joint use of the Kempir-Abad "
     "reservoir in Bishkek on Monday. In 2019, the two countries signed a treaty on strategic partnership in "
     "Tashkent.",
     "2024-09-10",
     [("agreement", ["Kyrgyzstan", "Uzbekistan"], ["KG", "UZ"], "the joint use of the Kempir-Abad reservoir",
       "2024-09-09", "Bishkek"),
      ("treaty", ["Kyrgyzstan", "Uzbekistan"], ["KG", "UZ"], "strategic partnership", "2019", "Tashkent")],
     []),
    # ministers given with country adjectives: the parties are their countries
    ("Kazakh Energy Minister Almassadam Satkaliyev and his Uzbek counterpart Jurabek Mirzamakhmudov signed an "
     "agreement on electricity trade in Tashkent on Thursday.",
     "2024-03-08",
     [("agreement", ["Kazakhstan", "Uzbekistan"], ["KZ", "UZ"], "electricity trade", "2024-03-07", "Tashkent")],
     []),
    # companies as parties, named after their descriptor; "said on Friday" dates the statement, not the
    # signing; the region is the project's site, not the signing place
    ("Kazakhstan's national oil company KazMunayGas and Italy's Eni signed a memorandum of understanding on "
     "a solar power project in the Mangystau region, KazMunayGas said on Friday.",
     "2024-03-09",
     [("memorandum", ["KazMunayGas", "Eni"], ["KZ", "IT"], "a solar power project", None, None)],
     []),
    # a contract for a project after its value: the project is the subject; descriptors give countries
    ("Saudi Arabia's ACWA Power and Uzbek state utility Uzbekhydroenergo signed a contract worth $1.2 billion "
     "for the Nurata wind farm, the ministry said.",
     "2024-03-09",
     [("contract", ["ACWA Power", "Uzbekhydroenergo"], ["SA", "UZ"], "the Nurata wind farm", None, None)],
     []),
    # Kazinform: a year inside reported speech is not the date of the meeting the signing followed;
    # the ministers' sides in the order the article names them
    ("President Tokayev met Chinese Foreign Minister Wang Yi in Astana on Monday. Tokayev said that trade "
     "reached $41 billion in 2023. After the meeting, the ministers signed a memorandum on visa facilitation.",
     "2024-06-04",
     [("memorandum", ["Kazakhstan", "China"], ["KZ", "CN"], "visa facilitation", "2024-06-03", "Astana")],
     []),
    # a year inside a quotation never dates a signing
    ("“We have waited for this since 1998,” Rahmon said after Tajikistan and Uzbekistan signed a treaty on "
     "the state border.",
     "2024-06-04",
     [("treaty", ["Tajikistan", "Uzbekistan"], ["TJ", "UZ"], "the state border", None, None)],
     []),
    # Kazinform visit: "last year" of a trade figure is not the date; "The sides also exchanged ..."
    # continues the occasion of the joint statement for the named documents and the collective row
    ("Kazakhstan, Tajikistan sign 12 documents\n\nDUSHANBE. KAZINFORM – President of Kazakhstan "
     "Kassym-Jomart Tokayev and President of Tajikistan Emomali Rahmon held talks in Dushanbe on Thursday.\n\n"
     "Tokayev noted that trade grew by 5% to $1 billion last year. Following the talks, the two presidents "
     "signed a Treaty on Allied Relations. The sides also exchanged a number of documents, including an "
     "Agreement on cooperation in the field of education and a Memorandum of Understanding between Kazakh "
     "Invest and the State Committee on Investments of Tajikistan.",
     "2024-08-22",
     [("treaty", ["Kazakhstan", "Tajikistan"], ["KZ", "TJ"], "Allied Relations", "2024-08-22", "Dushanbe"),
      ("agreement", ["Kazakhstan", "Tajikistan"], ["KZ", "TJ"], "cooperation in the field of education",
       "2024-08-22", "Dushanbe"),
      ("memorandum", ["Kazakh Invest", "State Committee on Investments of Tajikistan"], ["KZ", "TJ"], None,
       "2024-08-22", "Dushanbe")],
     [(12, "Kazakhstan | Tajikistan", "2024-08-22", "Dushanbe"),
      (None, "Kazakhstan | Tajikistan", "2024-08-22", "Dushanbe")]),
    # a second signing on another day does not take the first one's place
    ("On Monday, Kazakhstan and Azerbaijan signed a treaty on strategic partnership in Astana. An agreement "
     "on the Caspian ferry line was signed on Tuesday.",
     "2024-03-09",
     [("treaty", ["Kazakhstan", "Azerbaijan"], ["KZ", "AZ"], "strategic partnership", "2024-03-04", "Astana"),
      ("agreement", ["Kazakhstan", "Azerbaijan"], ["KZ", "AZ"], "the Caspian ferry line", "2024-03-05", None)],
     []),
    # Reuters: the signing's own day, not the day of the Kremlin's statement
    ("Kazakhstan and Russia signed an agreement on Tuesday to build a nuclear power plant near Lake Balkhash, "
     "the Kremlin said on Wednesday.",
     "2024-03-09",
     [("agreement", ["Kazakhstan", "Russia"], ["KZ", "RU"], "build a nuclear power plant near Lake Balkhash",
       "2024-03-05", None)],
     []),
    # Xinhua: a contract right after a dated collective signing continues its occasion; an organisation
    # is a party as written; one with no known country keeps none (it may be multinational)
    ("Chinese President Xi Jinping held talks with Uzbek President Shavkat Mirziyoyev on Friday. After the "
     "talks, the two heads of state witnessed the signing of cooperation documents on trade and agriculture. "
     "Sinopec and Uzbekgazneft signed a contract worth 800 million U.S. dollars for the Bukhara refinery.",
     "2024-05-18",
     [("contract", ["Sinopec", "Uzbekgazneft"], ["CN", None], "the Bukhara refinery", "2024-05-17", None)],
     [(None, "China | Uzbekistan", "2024-05-17", None)]),
    # an attribution after the signing dates nothing; a temporal clause ("After they met on Monday in
    # Almaty") dates and places the signing it introduces
    ("Kazakhstan and Uzbekistan signed a memorandum on tourism in Astana on Wednesday, the press service said. "
     "After they met on Monday in Almaty, the ministers signed a roadmap on transport.",
     "2024-03-09",
     [("memorandum", ["Kazakhstan", "Uzbekistan"], ["KZ", "UZ"], "tourism", "2024-03-06", "Astana"),
      ("roadmap", ["Kazakhstan", "Uzbekistan"], ["KZ", "UZ"], "transport", "2024-03-04", "Almaty")],
     []),
    # the talks "Following the talks" refers to are the narrated ones (Monday), not the talks a reported
    # clause mentions with a period ("planned since 2021")
    ("The two presidents held talks on Monday. Officials said the talks had been planned since 2021. "
     "Following the talks, Kazakhstan and Kyrgyzstan signed a roadmap on energy.",
     "2024-03-09",
     [("roadmap", ["Kazakhstan", "Kyrgyzstan"], ["KZ", "KG"], "energy", "2024-03-04", None)],
     []),
]


@pytest.mark.parametrize("text, published, documents, signings", OCCASIONS)
def test_occasion_of_signings(nlp, text, published, documents, signings):
    doc = run(nlp, text, published=published)
    got = [(d["doc_type"], parties(d), countries(d), d["subject"], d["signed_date"], d["signed_place"])
           for d in doc._.documents]
    assert got == documents
    assert [(s["count"], s["parties"], s["signed_date"], s["signed_place"]) for s in doc._.signings] == signings


@pytest.mark.parametrize("text, expected", [
    # three countries in the context: no clear side for the second signer
    ("Kazakhstan, China and Russia held talks. KazTransGas and Gasgroup signed a contract on gas transit.",
     [("KazTransGas", None), ("Gasgroup", None)]),
    # two sides in the context, the other signer holds one: the name the entities stage did not
    # recognise takes the other (and "U.S. dollars" names no side)
    ("Chinese President Xi Jinping held talks with Uzbek President Shavkat Mirziyoyev on Friday. After the "
     "talks, China National Petroleum Corporation (CNPC) and Uzbekneftegaz signed a contract worth 500 million "
     "U.S. dollars for the Mubarek gas plant.",
     [("China National Petroleum Corporation", "CN"), ("Uzbekneftegaz", "UZ")]),
])
def test_signer_country_from_context_only_when_clear(nlp, text, expected):
    doc = run(nlp, text)
    assert [(p["party"], p["country"]) for p in doc._.documents[0]["parties"]] == expected


# --------------------------------------------------------------------------- generalisation
# Texts written for these tests in the styles of the Astana Times, Xinhua, Reuters, ministry press
# releases and EU press releases, one group per error category found on unseen text. Each states
# what an analyst records.

# (1) parties: (a) a descriptor set off by commas or written after a name is no party, its country
# goes to the name; (b) two companies joined by "and" are two parties, also when the entities stage
# returns them as one span; (c) a sentence adverb is no party; (d) parties the description names are
# kept under a lead that names the countries; (e) a document signed earlier keeps the parties of its
# own description. Documents as (doc_type, [party], [country], subject).
PARTIES = [
    ("ALMATY (Astana Times) – A memorandum on container logistics was signed on Wednesday between "
     "Kazakhstan Temir Zholy, the national railway company, and China's COSCO Shipping.",
     [("memorandum", ["Kazakhstan Temir Zholy", "COSCO Shipping"], ["KZ", "CN"], "container logistics")]),
    ("LONDON, May 13 (Reuters) - Kazatomprom, Kazakhstan's state uranium producer, and France's Orano signed "
     "a contract on uranium enrichment on Monday.",
     [("contract", ["Kazatomprom", "Orano"], ["KZ", "FR"], "uranium enrichment")]),
    ("The Ministry of Foreign Affairs reports that Kazakh Invest national company and the Saudi Ministry of "
     "Investment signed a memorandum on joint investment projects.",
     [("memorandum", ["Kazakh Invest", "Saudi Ministry of Investment"], ["KZ", "SA"], "joint investment projects")]),
    ("The agreement on green hydrogen was signed by Samruk-Kazyna, the sovereign wealth fund, and Germany's "
     "Svevind.",
     [("agreement", ["Samruk-Kazyna", "Svevind"], ["KZ", "DE"], "green hydrogen")]),
    # (b)
    ("QazaqGaz and China National Petroleum Corporation signed an agreement on gas transit on Friday.",
     [("agreement", ["QazaqGaz", "China National Petroleum Corporation"], [None, "CN"], "gas transit")]),
    ("TASHKENT, May 14 (Xinhua) -- China Energy Engineering Corporation and Uzbekhydroenergo signed a contract "
     "on the construction of a pumped storage plant.",
     [("contract", ["China Energy Engineering Corporation", "Uzbekhydroenergo"], ["CN", None],
       "the construction of a pumped storage plant")]),
    ("Uzbekistan and South Korea signed 12 documents in Tashkent on Monday. The biggest is an agreement "
     "between Uzbekneftegaz and Korea Gas Corporation on a gas chemical complex.",
     [("agreement", ["Uzbekneftegaz", "Korea Gas Corporation"], [None, None], "a gas chemical complex")]),
    # (c)
    ("Separately, Air Astana and Lufthansa signed a memorandum on code-sharing.",
     [("memorandum", ["Air Astana", "Lufthansa"], ["KZ", None], "code-sharing")]),
    ("Meanwhile, Kazatomprom and Cameco signed a contract on uranium conversion.",
     [("contract", ["Kazatomprom", "Cameco"], ["KZ", None], "uranium conversion")]),
    ("In addition, Uzbekistan Airways and Korean Air signed a memorandum on pilot training.",
     [("memorandum", ["Uzbekistan Airways", "Korean Air"], ["UZ", None], "pilot training")]),
    ("Earlier, Kazakhtelecom and Huawei signed an agreement on data centres.",
     [("agreement", ["Kazakhtelecom", "Huawei"], [None, "CN"], "data centres")]),
    ("Also, the Development Bank of Kazakhstan and the Export-Import Bank of China signed a loan agreement "
     "for a cement plant.",
     [("agreement", ["Development Bank of Kazakhstan", "Export-Import Bank of China"], ["KZ", "CN"],
       "a cement plant")]),
    # (d)
    ("Dushanbe, 14 May 2024\n\nFollowing the negotiations, the two countries signed the following documents:\n"
     "- Agreement between the Ministry of Energy of the Republic of Tajikistan and the Ministry of Energy of the "
     "Republic of Kazakhstan on electricity exchange;\n"
     "- Memorandum between the Ministry of Health of the Republic of Tajikistan and the Ministry of Health of the "
     "Republic of Kazakhstan on telemedicine.",
     [("agreement", ["Ministry of Energy of the Republic of Tajikistan", "Ministry of Energy of the Republic of "
                     "Kazakhstan"], ["TJ", "KZ"], "electricity exchange"),
      ("memorandum", ["Ministry of Health of the Republic of Tajikistan", "Ministry of Health of the Republic of "
                      "Kazakhstan"], ["TJ", "KZ"], "telemedicine")]),
    ("Presidents Rahmon and Tokayev held talks in Dushanbe. The two countries signed a number of documents, "
     "including an Agreement between the Ministry of Industry of Tajikistan and the Ministry of Industry of "
     "Kazakhstan on cement supplies.",
     [("agreement", ["Ministry of Industry of Tajikistan", "Ministry of Industry of Kazakhstan"], ["TJ", "KZ"],
       "cement supplies")]),
    ("Kazakhstan and Kyrgyzstan held talks in Astana. In the presence of the two presidents, an agreement between "
     "the Ministry of Energy of Kazakhstan and the Ministry of Energy of Kyrgyzstan on the Kambarata dam was "
     "signed.",
     [("agreement", ["Ministry of Energy of Kazakhstan", "Ministry of Energy of Kyrgyzstan"], ["KZ", "KG"],
       "the Kambarata dam")]),
    # (e)
    ("Brussels, 14 May 2024\n\nThe EU and Kyrgyzstan today signed an Enhanced Partnership and Cooperation "
     "Agreement, in the presence of the presidents of Kazakhstan and Tajikistan. It will replace the Partnership "
     "and Cooperation Agreement between the EU and Kyrgyzstan, which was signed in 1999.",
     [("agreement", ["EU", "Kyrgyzstan"], [None, "KG"], None),
      ("agreement", ["EU", "Kyrgyzstan"], [None, "KG"], None)]),
    ("Japarov and Mirziyoyev met in Tashkent. The new treaty replaces the 1996 Treaty on Eternal Friendship "
     "between Kyrgyzstan and Uzbekistan signed in Bishkek.",
     [("treaty", ["Kyrgyzstan", "Uzbekistan"], ["KG", "UZ"], "Eternal Friendship")]),
    ("The talks between Russia and Kazakhstan took place in Moscow. The 2013 Treaty of Good-Neighbourliness "
     "between Russia and Mongolia, signed in Ulaanbaatar, was recalled.",
     [("treaty", ["Russia", "Mongolia"], ["RU", "MN"], None)]),
]


@pytest.mark.parametrize("text, documents", PARTIES)
def test_generalisation_parties(nlp, text, documents):
    doc = run(nlp, text, published="2024-05-14")
    got = [(d["doc_type"], parties(d), countries(d), d["subject"]) for d in doc._.documents]
    assert got == documents


# (2) subjects: a between-phrase naming the parties never stays in the subject; a titled document
# with no "on/for/in the field of" subject has none (its title is a name, not a topic).
SUBJECTS = [
    ("Chile and Peru signed an agreement on double taxation between Chile and Peru on Monday.",
     [("agreement", ["CL", "PE"], "double taxation")]),
    ("Kazakhstan and Uzbekistan signed an agreement on cooperation between KTZ and Uzbek Railways.",
     [("agreement", ["KZ", "UZ"], "cooperation")]),
    ("Kazakhstan and Germany signed a memorandum between the Ministry of Industry of Kazakhstan and the Federal "
     "Ministry for Economic Affairs of Germany on critical raw materials.",
     [("memorandum", ["KZ", "DE"], "critical raw materials")]),
    ("The Programme of cultural cooperation between Armenia and Georgia for 2025–2027 was signed in Tbilisi.",
     [("programme", ["AM", "GE"], "cultural cooperation")]),
    ("The European Union and Kazakhstan signed the Enhanced Partnership and Cooperation Agreement.",
     [("agreement", [None, "KZ"], None)]),
    ("Mongolia and Japan signed a Comprehensive Economic Partnership Agreement in Tokyo.",
     [("agreement", ["MN", "JP"], None)]),
    ("Armenia and the EU initialled a Comprehensive and Enhanced Partnership Agreement on Friday.",
     [("agreement", ["AM", None], None)]),
    # title words that name a topic stay the subject; a relational noun keeps its between-phrase
    ("Ruritania and Freedonia signed the Fisheries Management Treaty.", [("treaty", [None, None], "Fisheries Management")]),
    ("China and Kazakhstan signed a joint statement on diplomatic relations between China and Kazakhstan.",
     [("joint_statement", ["CN", "KZ"], "diplomatic relations between China and Kazakhstan")]),
    ("Uzbekistan and Kyrgyzstan signed an agreement on the railway between Andijan and Osh.",
     [("agreement", ["UZ", "KG"], "the railway between Andijan and Osh")]),
]


@pytest.mark.parametrize("text, documents", SUBJECTS)
def test_generalisation_subjects(nlp, text, documents):
    doc = run(nlp, text, published="2024-05-14")
    got = [(d["doc_type"], countries(d), d["subject"]) for d in doc._.documents]
    assert got == documents


# (3) documents named without a signing verb that the context reports as signed, and documents
# listed after an inclusion cue: (doc_type, [party], subject, signed_date); signing rows as (count, value).
CONTEXT_DOCUMENTS = [
    ("ASTANA, May 14 (Reuters) - Kazakhstan and China signed 15 commercial agreements worth $4 billion on "
     "Tuesday. The largest of the deals is a $1.1 billion contract between Kazatomprom and CGN for uranium "
     "supplies.",
     [("contract", ["Kazatomprom", "CGN"], "uranium supplies", "2024-05-14")], [(15, 4e9)]),
    ("The sides signed 20 investment agreements worth $3 billion in Astana on Monday. Among them is a contract "
     "between Kazakh Invest and Shanghai Electric for a wind farm in the Zhambyl region.",
     [("contract", ["Kazakh Invest", "Shanghai Electric"], "a wind farm", "2024-05-13")], [(20, 3e9)]),
    ("Kazakh and Chinese companies signed 25 agreements on Tuesday in Almaty. Another agreement, between "
     "Kazakhmys and China Nonferrous Metal Mining, provides for the construction of a copper smelter.",
     [("agreement", ["Kazakhmys", "China Nonferrous Metal Mining"], "the construction of a copper smelter",
       "2024-05-14")], [(25, None)]),
    ("During the visit, Hungary and Kazakhstan signed eight documents, including an agreement on nuclear "
     "energy, a memorandum on water management, and a roadmap on digital cooperation.",
     [("agreement", ["Hungary", "Kazakhstan"], "nuclear energy", None),
      ("memorandum", ["Hungary", "Kazakhstan"], "water management", None),
      ("roadmap", ["Hungary", "Kazakhstan"], "digital cooperation", None)], [(8, None)]),
    ("Chile and Peru held talks on Friday. The package signed on Friday includes an agreement on air services, "
     "a memorandum on culture and a protocol on veterinary inspection.",
     [("agreement", ["Chile", "Peru"], "air services", "2024-05-10"),
      ("memorandum", ["Chile", "Peru"], "culture", "2024-05-10"),
      ("protocol", ["Chile", "Peru"], "veterinary inspection", "2024-05-10")], [(None, None)]),
    ("Georgia and Armenia held talks in Tbilisi. Among the documents signed were an agreement on road "
     "transport, a memorandum on tourism and a protocol on customs cooperation.",
     [("agreement", ["Georgia", "Armenia"], "road transport", None),
      ("memorandum", ["Georgia", "Armenia"], "tourism", None),
      ("protocol", ["Georgia", "Armenia"], "customs cooperation", None)], [(None, None)]),
]


@pytest.mark.parametrize("text, documents, signings", CONTEXT_DOCUMENTS)
def test_generalisation_context_documents(nlp, text, documents, signings):
    doc = run(nlp, text, published="2024-05-14")
    got = [(d["doc_type"], parties(d), d["subject"], d["signed_date"]) for d in doc._.documents]
    assert got == documents
    assert [(s["count"], None if s["value"] is None else float(s["value"])) for s in doc._.signings] == signings


@pytest.mark.parametrize("text", [
    # no earlier signing, or a planned one: nothing is recorded
    "The largest of the deals is a $1.1 billion contract between Kazatomprom and CGN for uranium supplies.",
    "Kazakhstan and China will sign 15 agreements. Another agreement would follow in June.",
    # after a signing, a document still negotiated, expected or not described as signed
    "Kazakhstan and China signed 15 agreements on Tuesday. Another agreement is being negotiated on water sharing.",
    "Kazakhstan and China signed 15 agreements on Tuesday. Another agreement on gas is expected next year.",
    "Kazakhstan and China signed 15 agreements on Tuesday. Another contract has not yet been finalised.",
    "Kazakhstan and China signed 15 agreements on Tuesday. Another memorandum attracted criticism.",
])
def test_context_documents_need_a_signing(nlp, text):
    doc = run(nlp, text)
    assert doc._.documents == []


# (4) a lead's signing date and place carried to the deals later paragraphs describe; a deal dated
# otherwise keeps its own date. Documents as (doc_type, [party], signed_date, signed_place).
LEAD_DATES = [
    ("Kazakh, Chinese companies sign deals in Almaty\n\nALMATY – Kazakh and Chinese companies signed 25 "
     "agreements worth $2.5 billion on Tuesday in Almaty at a business council.\n\nThe council was founded in "
     "2019. Its members meet twice a year. Trade reached $41 billion last year.\n\nAmong the deals, "
     "KazMunayGas and Sinopec signed a contract for a polyethylene plant in Atyrau.\n\nAnother agreement "
     "provides for the construction of a copper smelter by Kazakhmys.",
     [("contract", ["KazMunayGas", "Sinopec"], "2024-05-14", "Almaty"),
      ("agreement", ["Kazakhstan", "China"], "2024-05-14", "Almaty")]),
    ("TASHKENT, May 14 (Xinhua) -- China and Uzbekistan signed cooperation documents worth 5 billion U.S. "
     "dollars at an investment forum in Tashkent on Monday.\n\nThe forum drew 600 participants. Officials "
     "discussed logistics. Banks presented credit lines.\n\nAmong the deals, China Energy and Uzbekenergo "
     "signed an agreement for a 1,000-MW solar power plant.\n\nIn 2021, the two countries signed a treaty on "
     "strategic partnership in Beijing.",
     [("agreement", ["China Energy", "Uzbekenergo"], "2024-05-13", "Tashkent"),
      ("treaty", ["China", "Uzbekistan"], "2021", "Beijing")]),
    ("Astana, 14 May 2024\n\nOn 13 May, Kazakh and Turkish companies signed 10 agreements in Astana.\n\nThe "
     "forum was attended by 300 businessmen. The next forum is planned for Istanbul. Trade grew by 10%.\n\n"
     "Among them, Kazakh Invest and Kalyon Holding signed an agreement on a wind farm.",
     [("agreement", ["Kazakh Invest", "Kalyon Holding"], "2024-05-13", "Astana")]),
]


@pytest.mark.parametrize("text, documents", LEAD_DATES)
def test_generalisation_lead_dates(nlp, text, documents):
    doc = run(nlp, text, published="2024-05-14")
    got = [(d["doc_type"], parties(d), d["signed_date"], d["signed_place"]) for d in doc._.documents]
    assert got == documents


# (5) signing rows: "ink(s)" in headlines, amounts without a count, "witnessed the signing of N
# documents", "The grants were signed": (count, value, currency, parties) per row.
SIGNING_ROWS = [
    ("China, Kazakhstan ink 30 deals worth $20 bln", [(30, 2e10, "USD", "China | Kazakhstan")]),
    ("Turkmenistan, Iran ink gas swap deals", [(None, None, None, "Turkmenistan | Iran")]),
    ("Kazakh, Chinese firms ink deals worth $5 bln", [(None, 5e9, "USD", "Kazakhstan | China")]),
    ("EU inks €30 million grant deals with Kyrgyzstan", [(None, 3e7, "EUR", "EU | Kyrgyzstan")]),
    ("The EU signs €45 million in grants with Tajikistan", [(None, 4.5e7, "EUR", "EU | Tajikistan")]),
    ("Brussels, 14 May 2024\n\nThe European Commission and Uzbekistan signed €76 million in grants on Tuesday. "
     "The grants were signed at a ceremony in Samarkand.",
     [(None, 7.6e7, "EUR", "European Commission | Uzbekistan"), (None, None, None, "European Commission | Uzbekistan")]),
    ("BEIJING, May 14 (Xinhua) -- Chinese President Xi Jinping and Tajik President Emomali Rahmon on Tuesday "
     "witnessed the signing of 12 cooperation documents in Beijing.", [(12, None, None, "China | Tajikistan")]),
    ("Kazakhstan and France inked 31 documents worth $1.5 billion during the visit.",
     [(31, 1.5e9, "USD", "Kazakhstan | France")]),
]


@pytest.mark.parametrize("text, rows", SIGNING_ROWS)
def test_generalisation_signing_rows(nlp, text, rows):
    doc = run(nlp, text, published="2024-05-14")
    got = [(s["count"], None if s["value"] is None else float(s["value"]), s["currency"], s["parties"])
           for s in doc._.signings]
    assert got == rows
    assert doc._.documents == [] or all(d["doc_type"] == "agreement" for d in doc._.documents)


def test_turkmenistan_iran_ink_one_deal(nlp):
    doc = run(nlp, "Turkmenistan, Iran ink gas swap deal")
    assert [(d["doc_type"], parties(d), d["subject"]) for d in doc._.documents] == \
        [("agreement", ["Turkmenistan", "Iran"], "gas swap")]


# --------------------------------------------------------------------------- generalisation, round 3
# Texts written for these tests (Xinhua, Astana Times, Trend, AKIpress, Reuters, ministry and EU release
# styles), one group per error category found on unseen text; each states what an analyst records.

# (1) descriptors in parties: a "<Place>-based" prefix, a possessive descriptor with "and" inside
# ("oil and gas company"), an adjective + common-noun descriptor; a trailing "with X" names the other
# side. Documents as (doc_type, [party], [country], subject).
DESCRIPTORS = [
    ("Heilongjiang-based Jinlong Food and Kazakhstan's Kazakh Beef signed a contract on meat supplies on Monday.",
     [("contract", ["Jinlong Food", "Kazakh Beef"], ["CN", "KZ"], "meat supplies")]),
    ("Shenzhen-based BYD and the Almaty-based lender Halyk Bank signed a memorandum on car loans.",
     [("memorandum", ["BYD", "Halyk Bank"], ["CN", "KZ"], "car loans")]),
    ("Astana-based Air Astana and Dubai-based Emirates signed an agreement on code-sharing.",
     [("agreement", ["Air Astana", "Emirates"], ["KZ", "AE"], "code-sharing")]),
    ("Uzbekistan's state oil and gas company Uzbekneftegaz and China's CNPC signed an agreement on gas "
     "exploration on Friday.",
     [("agreement", ["Uzbekneftegaz", "CNPC"], ["UZ", "CN"], "gas exploration")]),
    ("Kazakhstan's national oil and gas company KazMunayGas and Italy's Eni signed a contract on the Kalamkas "
     "field.",
     [("contract", ["KazMunayGas", "Eni"], ["KZ", "IT"], "the Kalamkas field")]),
    ("Turkmenistan's state oil and gas concern Turkmengaz signed a contract on gas supplies with China's CNPC.",
     [("contract", ["Turkmengaz", "CNPC"], ["TM", "CN"], "gas supplies")]),
    ("The Kazakh meat processor Beef Export Group and the Chinese retailer Hema signed an agreement on beef "
     "exports.",
     [("agreement", ["Beef Export Group", "Hema"], ["KZ", "CN"], "beef exports")]),
    ("The Kyrgyz gold miner Kyrgyzaltyn and the Canadian company Centerra signed an agreement on the Kumtor mine.",
     [("agreement", ["Kyrgyzaltyn", "Centerra"], ["KG", "CA"], "the Kumtor mine")]),
    # the two sides both sign: "with China" is what the trade is with
    ("Kazakhstan and Uzbekistan signed an agreement on trade with China.",
     [("agreement", ["Kazakhstan", "Uzbekistan"], ["KZ", "UZ"], "trade with China")]),
    # lowercase words joined by "and" after a determiner still split
    ("The ministry and the bank signed a memorandum on loans.",
     [("memorandum", ["ministry", "bank"], [None, None], "loans")]),
]


@pytest.mark.parametrize("text, documents", DESCRIPTORS)
def test_round3_descriptors(nlp, text, documents):
    doc = run(nlp, text, published="2024-05-14")
    got = [(d["doc_type"], parties(d), countries(d), d["subject"]) for d in doc._.documents]
    assert got == documents


# (2) deals reported in later paragraphs of an article about one signing event take its date and
# place; a signing marked as earlier (previously, already, had signed, earlier) or dated otherwise
# keeps its own (or none). Documents as (doc_type, [party], signed_date, signed_place).
LATER_DEALS = [
    ("ALMATY (Astana Times) – Kazakh and Uzbek companies signed 14 agreements worth $2.6 billion at the "
     "business council in Almaty on Thursday.\n\nThe council brought together 200 businessmen. Trade between "
     "the two countries reached $4 billion last year.\n\nIn the agricultural sector, Kazakh Grain and Uzbek Agro "
     "concluded a three-year contract for wheat supplies.\n\nKazAvtoZhol and Uzavtoyul also signed a memorandum "
     "on road maintenance.\n\nKazakh Invest and UzInvest agreed on a roadmap for joint industrial zones.\n\n"
     "In 2019, KTZ and Uzbek Railways signed an agreement on freight tariffs.",
     [("contract", ["Kazakh Grain", "Uzbek Agro"], "2024-05-09", "Almaty"),
      ("memorandum", ["KazAvtoZhol", "Uzavtoyul"], "2024-05-09", "Almaty"),
      ("roadmap", ["Kazakh Invest", "UzInvest"], "2024-05-09", "Almaty"),
      ("agreement", ["KTZ", "Uzbek Railways"], "2019", None)]),
    ("TASHKENT, May 14 (Xinhua) -- Chinese and Uzbek firms signed 30 deals worth $5 billion at an investment "
     "forum in Tashkent on Tuesday.\n\nOfficials discussed logistics and green energy. The forum drew 500 "
     "participants.\n\nIn the energy sector, China Datang and Uzbekenergo signed an agreement on a wind farm.\n\n"
     "Previously, China Energy and Uzbekenergo had signed a contract on a solar plant.",
     [("agreement", ["China Datang", "Uzbekenergo"], "2024-05-14", "Tashkent"),
      ("contract", ["China Energy", "Uzbekenergo"], None, None)]),
    ("BAKU, May 14 (Trend) - Azerbaijan and Turkey signed nine documents in Baku on Monday.\n\nThe documents "
     "cover energy, transport and education. Officials praised the talks. Trade grew by a fifth.\n\nSOCAR and "
     "BOTAS concluded an agreement on gas storage.\n\nLast year, the two countries signed a treaty on strategic "
     "alliance.\n\nThe two sides already signed a memorandum on freight transit.",
     [("agreement", ["SOCAR", "BOTAS"], "2024-05-13", "Baku"),
      ("treaty", ["Azerbaijan", "Turkey"], "2023", None),
      ("memorandum", ["Azerbaijan", "Turkey"], None, None)]),
]


@pytest.mark.parametrize("text, documents", LATER_DEALS)
def test_round3_later_deals_take_the_event_date(nlp, text, documents):
    doc = run(nlp, text, published="2024-05-14")
    got = [(d["doc_type"], parties(d), d["signed_date"], d["signed_place"]) for d in doc._.documents]
    assert got == documents


def test_round3_agreed_on_needs_an_earlier_signing(nlp):
    doc = run(nlp, "Kazakh Invest and UzInvest agreed on a roadmap for joint industrial zones.")
    assert doc._.documents == []


# (3) inline lists of three or more documents after a collective signing (also a nominal "the signing
# of 12 documents" and a time adjunct before "including"): commas inside subjects and "and" before the
# last item. Documents as (doc_type, subject, [country]); signings as (count, date).
INLINE_LISTS = [
    ("BEIJING, May 14 (Xinhua) -- Chinese President Xi Jinping and Kyrgyz President Sadyr Japarov on Tuesday "
     "witnessed the signing of 12 cooperation documents, including an agreement on the joint financing of a "
     "railway, a memorandum of understanding on cooperation in green development, digital economy and "
     "e-commerce, and a protocol on phytosanitary requirements for exported cherries.",
     [("agreement", "the joint financing of a railway", ["CN", "KG"]),
      ("memorandum", "green development, digital economy and e-commerce", ["CN", "KG"]),
      ("protocol", "phytosanitary requirements for exported cherries", ["CN", "KG"])], [(12, "2024-05-14")]),
    ("Following the talks in Astana on Monday, the presidents of Kazakhstan and Hungary witnessed the signing "
     "of eight documents, including a treaty on extradition, an agreement on cooperation in culture, education "
     "and sport and a programme of cooperation in tourism for 2025-2027.",
     [("treaty", "extradition", ["KZ", "HU"]), ("agreement", "culture, education and sport", ["KZ", "HU"]),
      ("programme", "tourism", ["KZ", "HU"])], [(8, "2024-05-13")]),
    ("ANKARA (AA) - Turkey and Azerbaijan signed 10 documents on Friday, including a memorandum on energy, "
     "petrochemicals and mining, an agreement on defence industry cooperation, a protocol on the Nakhchivan gas "
     "pipeline and a roadmap for trade.",
     [("memorandum", "energy, petrochemicals and mining", ["TR", "AZ"]),
      ("agreement", "defence industry cooperation", ["TR", "AZ"]),
      ("protocol", "the Nakhchivan gas pipeline", ["TR", "AZ"]), ("roadmap", "trade", ["TR", "AZ"])],
     [(10, "2024-05-10")]),
    ("The leaders of Uzbekistan and Tajikistan oversaw the exchange of a package of documents in Dushanbe on "
     "Thursday, including an agreement on water use, a memorandum on border crossings, roads and bridges, and a "
     "joint statement on strategic partnership.",
     [("agreement", "water use", ["UZ", "TJ"]), ("memorandum", "border crossings, roads and bridges", ["UZ", "TJ"]),
      ("joint_statement", "strategic partnership", ["UZ", "TJ"])], [(None, "2024-05-09")]),
]


@pytest.mark.parametrize("text, documents, signings", INLINE_LISTS)
def test_round3_inline_lists(nlp, text, documents, signings):
    doc = run(nlp, text, published="2024-05-14")
    assert [(d["doc_type"], d["subject"], countries(d)) for d in doc._.documents] == documents
    assert [(s["count"], s["signed_date"]) for s in doc._.signings] == signings


def test_round3_exchange_of_views_is_no_signing(nlp):
    doc = run(nlp, "The ministers held an exchange of views on the agreement on water use in Dushanbe on Monday.")
    assert doc._.documents == [] and doc._.signings == []


# (4) numbered list items whose description names institutional parties: the institutions (names with
# "and" inside) are the parties, never the countries; a capitalised relationship title ("Programme of
# Cooperation") has no subject, a period is none; "on cooperation between A and B" keeps "cooperation".
# Documents as (doc_type, [party], [country], subject).
NUMBERED_INSTITUTIONS = [
    ("Astana, 14 May 2024\n\nFollowing the talks, the following documents were signed:\n\n"
     "1. Programme of Cooperation between the Ministry of Foreign Affairs of the Republic of Kazakhstan and the "
     "Ministry of Foreign Affairs of Mongolia for 2025–2027;\n"
     "2. Agreement on cooperation between the Chamber of Commerce and Industry of the Republic of Kazakhstan "
     "and the Chamber of Commerce and Industry of Mongolia.",
     [("programme", ["Ministry of Foreign Affairs of the Republic of Kazakhstan",
                     "Ministry of Foreign Affairs of Mongolia"], ["KZ", "MN"], None),
      ("agreement", ["Chamber of Commerce and Industry of the Republic of Kazakhstan",
                     "Chamber of Commerce and Industry of Mongolia"], ["KZ", "MN"], "cooperation")]),
    ("Tashkent, 14 May 2024\n\nThe following documents were signed during the visit:\n"
     "- Plan of Consultations between the Ministry of Foreign Affairs of the Republic of Uzbekistan and the "
     "Ministry of Foreign Affairs of Latvia for 2024-2026;\n"
     "- Agreement on cooperation between the Trade and Industry Chamber of Uzbekistan and the Latvian Chamber "
     "of Commerce and Industry.",
     [("plan", ["Ministry of Foreign Affairs of the Republic of Uzbekistan", "Ministry of Foreign Affairs of Latvia"],
       ["UZ", "LV"], "Consultations"),
      ("agreement", ["Trade and Industry Chamber of Uzbekistan", "Latvian Chamber of Commerce and Industry"],
       ["UZ", "LV"], "cooperation")]),
    ("Baku, 14 May 2024\n\nThe presidents witnessed the signing of the following documents:\n\n"
     "1) Roadmap between the Ministry of Economy of the Republic of Azerbaijan and the Ministry of Economy and "
     "Sustainable Development of Georgia for 2024-2025;\n"
     "2) Protocol on cooperation between the State Customs Committee of the Republic of Azerbaijan and the "
     "Revenue Service of Georgia;\n"
     "3) Programme of Cooperation between the Ministry of Culture of the Republic of Azerbaijan and the Ministry "
     "of Culture and Sport of Georgia.",
     [("roadmap", ["Ministry of Economy of the Republic of Azerbaijan",
                   "Ministry of Economy and Sustainable Development of Georgia"], ["AZ", "GE"], None),
      ("protocol", ["State Customs Committee of the Republic of Azerbaijan", "Revenue Service of Georgia"],
       ["AZ", "GE"], "cooperation"),
      ("programme", ["Ministry of Culture of the Republic of Azerbaijan", "Ministry of Culture and Sport of Georgia"],
       ["AZ", "GE"], None)]),
]


@pytest.mark.parametrize("text, documents", NUMBERED_INSTITUTIONS)
def test_round3_numbered_institutions(nlp, text, documents):
    doc = run(nlp, text, published="2024-05-14")
    got = [(d["doc_type"], parties(d), countries(d), d["subject"]) for d in doc._.documents]
    assert got == documents


# (5) a document signed long ago mentioned in passing takes the article's main relationship as its
# parties (not countries that merely appear nearby), its own date and place, and no subject from a
# sentence describing another document. Documents as (doc_type, [party], subject, signed_date).
PASSING = [
    ("Brussels, 14 May 2024\n\nThe European Union and Uzbekistan today signed an Enhanced Partnership and "
     "Cooperation Agreement in Samarkand. The new agreement covers 29 policy areas, including trade, energy and "
     "transport. It will replace the Partnership and Cooperation Agreement, which was signed in Florence in 1996 "
     "and has governed relations since 1999. Kazakhstan and Kyrgyzstan signed similar agreements earlier.",
     [("agreement", ["European Union", "Uzbekistan"], "29 policy areas, including trade, energy and transport",
       "2024-05-14"),
      ("agreement", ["European Union", "Uzbekistan"], None, "1996")]),
    ("Brussels, 14 May 2024\n\nEU-Tajikistan relations reached a new stage on Tuesday as the EU and Tajikistan "
     "initialled an Enhanced Partnership and Cooperation Agreement. Russia and China have strong positions in "
     "the region. The new accord will supersede the Partnership and Cooperation Agreement, which was signed in "
     "2004.",
     [("agreement", ["EU", "Tajikistan"], None, "2024-05-14"), ("agreement", ["EU", "Tajikistan"], None, "2004")]),
    ("Luxembourg, 14 May 2024\n\nThe European Union and Armenia signed the Comprehensive and Enhanced "
     "Partnership Agreement on Monday. Azerbaijan and Georgia watched closely. It replaces the 1996 Partnership "
     "and Cooperation Agreement, which was signed in Luxembourg. The new agreement provides for closer "
     "cooperation in energy.",
     [("agreement", ["European Union", "Armenia"], None, "2024-05-13"),
      ("agreement", ["European Union", "Armenia"], None, "1996")]),
]


@pytest.mark.parametrize("text, documents", PASSING)
def test_round3_document_in_passing(nlp, text, documents):
    doc = run(nlp, text, published="2024-05-14")
    got = [(d["doc_type"], parties(d), d["subject"], d["signed_date"]) for d in doc._.documents]
    assert got == documents


@pytest.mark.parametrize("text, subject", [
    # a describing sentence applies to the document it can refer to
    ("Kazakhstan and China signed an agreement on Monday. It provides for visa-free travel.", "visa-free travel"),
    ("Kazakhstan and China signed a memorandum on Monday. The treaty covers border demarcation.", None),
])
def test_round3_describing_sentence_refers_to_its_document(nlp, text, subject):
    doc = run(nlp, text)
    assert [d["subject"] for d in doc._.documents] == [subject]


# (6) a new document introduced by what it provides ("Under another deal, ...") after a signing: its own
# parties, else the signing's sides; the signing's date and place. Documents as (doc_type, [party], date).
PROVISIONS = [
    ("ASTANA, May 14 (Reuters) - Kazakhstan and China signed agreements worth $3 billion on Tuesday. Under one "
     "deal, KazMunayGas will supply gas to Beijing Gas. Under a third document, a memorandum between Samruk-Kazyna "
     "and the Silk Road Fund, the two will co-invest in logistics.",
     [("agreement", ["Kazakhstan", "China"], "2024-05-14"),
      ("memorandum", ["Samruk-Kazyna", "Silk Road Fund"], "2024-05-14")]),
    ("Uzbekistan and Saudi Arabia signed 14 documents in Tashkent on Monday. Under another deal, ACWA Power will "
     "build a solar plant in Bukhara. Under a separate agreement between Uzbekenergo and ACWA Power, the Saudi "
     "company will supply electricity for 25 years.",
     [("agreement", ["Uzbekistan", "Saudi Arabia"], "2024-05-13"),
      ("agreement", ["Uzbekenergo", "ACWA Power"], "2024-05-13")]),
    ("BISHKEK (AKIpress) - The Kyrgyz and Turkish governments signed a package of agreements in Bishkek on Friday. "
     "Under a protocol between the ministries of transport, the two sides will open two new bus routes.",
     [("protocol", ["Ministry of Transport of Kyrgyzstan", "Ministry of Transport of Turkey"], "2024-05-10")]),
]


@pytest.mark.parametrize("text, documents", PROVISIONS)
def test_round3_provisions(nlp, text, documents):
    doc = run(nlp, text, published="2024-05-14")
    assert [(d["doc_type"], parties(d), d["signed_date"]) for d in doc._.documents] == documents


@pytest.mark.parametrize("text", [
    "Under another deal, ACWA Power will build a solar plant in Bukhara.",                     # no signing before
    "Kazakhstan and Russia signed 10 agreements on Monday. Under the 1998 treaty, Russia leases Baikonur.",
    "Kazakhstan and Russia signed 10 agreements on Monday. Under a draft agreement, Russia would lease the site.",
])
def test_round3_provisions_need_a_new_signed_document(nlp, text):
    assert run(nlp, text)._.documents == []
