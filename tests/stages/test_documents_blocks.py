"""List blocks (issue 11): lowercase list lines after a lead-in, lists announced without a colon
("are listed below", "the following outcomes") under short headings, items "A and B: a
document on X" (the parties before the colon), table rows flattened to lines with "|", and
headings or items that say the documents are not concluded. Texts invented for these tests."""

from __future__ import annotations

import pytest

from pipeline.core.paths import stage_data_dir
from pipeline.stages.documents.blocks import block_items, header_roles, row_cells
from pipeline.stages.documents.lexicon import Lexicon
from tests.stages.documents_util import run


@pytest.fixture(scope="module")
def lex():
    return Lexicon.load(stage_data_dir("documents", None))


def _records(nlp, text):
    return [(d["doc_type"], [p["party"] for p in d["parties"]], d["subject"]) for d in run(nlp, text)._.documents]


@pytest.mark.parametrize("text, expected", [
    ("Chile and Peru signed a package of documents in Lima on Tuesday.\n\nThe package includes:\n"
     "a protocol on customs cooperation;\nan agreement on air services.\n",
     [("protocol", "customs cooperation"), ("agreement", "air services")]),
    ("Norway and Iceland met in Oslo on Monday.\n\nDocuments were exchanged at the end of the meeting. They are:\n"
     "a memorandum on fisheries;\na roadmap for Arctic research;\n",
     [("memorandum", "fisheries"), ("roadmap", "Arctic research")]),
    ("Ghana and Togo signed several documents in Accra.\n\nThe list of documents:\n"
     "an agreement on power trade;\na memorandum on road maintenance.\n",
     [("agreement", "power trade"), ("memorandum", "road maintenance")]),
    ("Kenya and Ethiopia signed a set of documents on Friday. The package includes:\n"
     "a treaty on the common border;\na programme of cultural exchanges.\n",
     [("treaty", "the common border"), ("programme", "cultural exchanges")]),
    ("Argentina and Uruguay signed documents in Montevideo. They include:\n"
     "the agreement on river transport;\nthe protocol on health.\n",
     [("agreement", "river transport"), ("protocol", "health")]),
])
def test_lowercase_list_lines(nlp, text, expected):
    assert [(t, s) for t, _, s in _records(nlp, text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("The visit produced the following outcomes.\n\nCommercial deals\n\n"
     "- Airbus and Kenya Airways: a purchase agreement for 12 aircraft.\n"
     "- Siemens and Kenya Railways: a framework contract for signalling equipment.\n",
     [("agreement", ["Airbus", "Kenya Airways"], "12 aircraft"),
      ("contract", ["Siemens", "Kenya Railways"], "signalling equipment")]),
    ("The main deals of the forum are listed below.\n\nEnergy\n"
     "— Petrobras and Equinor: memorandum on offshore wind.\n"
     "Finance\n— Itau and Santander: loan agreement for housing projects.\n",
     [("memorandum", ["Petrobras", "Equinor"], "offshore wind"),
      ("agreement", ["Itau", "Santander"], "housing projects")]),
    ("Below are the agreements reached at the fair.\n"
     "1. Nokia and Telia: contract on 5G network deployment\n"
     "2. Volvo and Scania: memorandum on electric truck charging\n",
     [("contract", ["Nokia", "Telia"], "5G network deployment"),
      ("memorandum", ["Volvo", "Scania"], "electric truck charging")]),
])
def test_block_after_a_sentence_cue(nlp, text, expected):
    assert _records(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The projects signed at the ceremony are listed below.\n\nProject | Peruvian party | Chilean party\n"
     "Copper smelter in Ilo | Southern Peru | Codelco\nFish meal plant | Tasa | Blumar\n",
     [("agreement", ["Southern Peru", "Codelco"], "Copper smelter in Ilo"),
      ("agreement", ["Tasa", "Blumar"], "Fish meal plant")]),
    ("Ministry of Foreign Affairs\nList of Outcomes: Visit of the President of Ghana to Togo\n\nNo. | Document | Ghanaian signatory | Togolese signatory\n"
     "1. | Agreement on power trade between the Volta River Authority and the Togo Electricity Company | Minister | Minister\n"
     "2. | Memorandum on road maintenance | Minister | Minister\n",
     [("agreement", ["Volta River Authority", "Togo Electricity Company"], "power trade"),
      ("memorandum", ["Ghana", "Togo"], "road maintenance")]),
])
def test_table_rows(nlp, text, expected):
    got = _records(nlp, text)
    assert [(t, s) for t, _, s in got] == [(t, s) for t, _, s in expected]
    assert [sorted(p) for _, p, _ in got] == [sorted(p) for _, p, _ in expected]


@pytest.mark.parametrize("text", [
    "The visit produced the following outcomes.\n\nLooking ahead\n\n"
    "- Airbus and Kenya Airways: a purchase agreement for 12 aircraft.\n",
    "The main deals are listed below.\n\nStill under discussion\n— Petrobras and Equinor: memorandum on offshore wind.\n",
    "The agreements to be signed next month are listed below.\n- Nokia and Telia: contract on 5G deployment\n",
    "The following outcomes are expected.\n\n- Volvo and Scania: memorandum on truck charging\n",
    "Below are the documents.\n\n- Draft agreement on the Lima-Quito railway (initialled)\n"
    "- The two governments intend to open negotiations on an agreement on double taxation.\n",
])
def test_unconcluded_blocks_give_nothing(nlp, text):
    assert run(nlp, text)._.documents == []


def test_row_cells_and_header(lex):
    text = "Project | Chinese party | Russian party"
    cells = row_cells(text, 0, len(text))
    assert [text[a:b] for a, b in cells] == ["Project", "Chinese party", "Russian party"]
    assert header_roles(text, cells, lex) == (("subject", "party", "party"), "agreement")


def test_block_items_stop_at_prose(lex):
    text = "\n- Agreement on trade\n- Memorandum on roads\n\nThe ministers then held a press conference.\n- Protocol on X\n"
    items, _ = block_items(text, lex, 0)
    assert [text[i.start:i.end] for i in items] == ["Agreement on trade", "Memorandum on roads"]
