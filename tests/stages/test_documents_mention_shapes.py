"""Document mentions on unseen text (issue 11, fourth round): a title's financial kind is not its
subject, "for <object>" after the parties is, "Joint Declaration of Intent on X", the subject
stops before a people named as the other side and before a comment on the signing, and an
elliptical "and another on Y" is a second document. Texts invented for these tests."""

from __future__ import annotations

import pytest

from tests.stages.documents_util import run


def _rows(doc):
    return [(d["doc_type"], [p["party"] for p in d["parties"]], d["subject"]) for d in doc._.documents]


KIND_PREFIX = [
    ("Ghana and Korea signed two documents on Friday:\n- Loan Agreement between the Ministry of Finance and the "
     "Korea Eximbank for the Tema Port Rehabilitation Project;\n- Memorandum on trade\n",
     ("agreement", ["Ministry of Finance", "Korea Eximbank"], "the Tema Port Rehabilitation Project")),
    ("Peru and Spain signed three documents on Monday:\n- Guarantee agreement between Cofides and the Banco de la "
     "Nacion\n- Memorandum on trade\n- Protocol on fisheries\n",
     ("agreement", ["Cofides", "Banco de la Nacion"], None)),
    ("Laos and France signed two documents on Monday:\n– Credit facility agreement of €120 million between the "
     "Agence française de développement and the Ministry of Finance for the Vientiane bus rapid transit line\n"
     "– Letter of intent on heritage\n",
     ("agreement", ["Agence française de développement", "Ministry of Finance"], "the Vientiane bus rapid transit line")),
    ("Nepal and Japan signed a financing agreement for a water treatment plant in Pokhara on Monday.",
     ("agreement", ["Nepal", "Japan"], "a water treatment plant")),
    ("Fiji and Australia signed a grant agreement on Tuesday.", ("agreement", ["Fiji", "Australia"], None)),
]


@pytest.mark.parametrize("text, first", KIND_PREFIX)
def test_financial_kind_is_no_subject(nlp, text, first):
    assert _rows(run(nlp, text))[0] == first


@pytest.mark.parametrize("text, subject", [
    ("Germany and Chile today signed a Joint Declaration of Intent on green hydrogen exports.", "green hydrogen exports"),
    ("Spain and Morocco signed a joint declaration of intent on seasonal labour migration.",
     "seasonal labour migration"),
    ("The ministers of Austria and Serbia signed a Joint Declaration of Intent on vocational training on Monday.",
     "vocational training"),
    ("Norway and Ghana signed a Joint Declaration of Intent regarding ocean management.", "ocean management"),
    ("Italy and Egypt signed a Joint Declaration of Intent concerning cultural heritage protection.",
     "cultural heritage protection"),
])
def test_joint_declaration_of_intent(nlp, text, subject):
    docs = run(nlp, text)._.documents
    assert [(d["doc_type"], d["subject"]) for d in docs] == [("joint_statement", subject)]


@pytest.mark.parametrize("text, parties, subject", [
    ('"Today we signed an agreement on river navigation with our Brazilian friends," the Paraguayan president said.',
     ["Brazil"], "river navigation"),
    ('"We signed a protocol on customs data with our Kazakh partners," Mirziyoyev said.', ["Kazakhstan"], "customs data"),
    ("Chile signed a memorandum on lithium processing with the Bolivian side on Monday.", ["Chile", "Bolivia"],
     "lithium processing"),
    ('"This morning we signed a treaty on border demarcation with our Tajik neighbours," he said.', ["Tajikistan"],
     "border demarcation"),
    ('"We have signed an accord on fisheries with our Senegalese brothers," Akhannouch said.', ["Senegal"], "fisheries"),
])
def test_people_named_as_the_other_side(nlp, text, parties, subject):
    rows = _rows(run(nlp, text))
    assert len(rows) == 1 and rows[0][2] == subject
    assert all(p in rows[0][1] for p in parties)


@pytest.mark.parametrize("text, subjects", [
    ("The ministry signed deals with Alpha Mills for a spinning plant in Kano and with Beta Foods for a dairy in Jos, "
     "in a move expected to create 2,000 jobs.", ["a spinning plant in Kano", "a dairy in Jos"]),
    ("Kenya signed agreements with Delta Agro for a tea factory in Kericho and with Omega Power for a solar park in "
     "Garissa, in a bid to attract investors.", ["a tea factory in Kericho", "a solar park in Garissa"]),
    ("Chile and Peru signed a protocol on port fees, in a move welcomed by exporters.", ["port fees"]),
    ("Ghana and Togo signed an agreement on border trade, paving the way for a joint market.", ["border trade"]),
    ("Oman and India signed a memorandum on fisheries, marking the end of talks.", ["fisheries"]),
])
def test_subject_stops_before_a_comment(nlp, text, subjects):
    assert [d["subject"] for d in run(nlp, text)._.documents] == subjects


ELLIPTICAL = [
    ("Chile and Peru signed a protocol on fisheries and another on port fees.",
     [("protocol", ["Chile", "Peru"], "fisheries"), ("protocol", ["Chile", "Peru"], "port fees")]),
    ("Ghana and Togo signed an agreement on border trade and one on electricity supplies.",
     [("agreement", ["Ghana", "Togo"], "border trade"), ("agreement", ["Ghana", "Togo"], "electricity supplies")]),
    ("The Kenyan Ministry of Energy signed a memorandum on geothermal power with the Ethiopian Electric Utility, "
     "and another on grid links with the Ethiopian Ministry of Water.",
     [("memorandum", ["Kenyan Ministry of Energy", "Ethiopian Electric Utility"], "geothermal power"),
      ("memorandum", ["Kenyan Ministry of Energy", "Ethiopian Ministry of Water"], "grid links")]),
    ("Oman and India signed a memorandum on fisheries as well as another on tourism.",
     [("memorandum", ["Oman", "India"], "fisheries"), ("memorandum", ["Oman", "India"], "tourism")]),
    ("Bolivia and Paraguay signed a protocol on river navigation and a second on customs.",
     [("protocol", ["Bolivia", "Paraguay"], "river navigation"), ("protocol", ["Bolivia", "Paraguay"], "customs")]),
]


@pytest.mark.parametrize("text, rows", ELLIPTICAL)
def test_elliptical_second_document(nlp, text, rows):
    assert _rows(run(nlp, text)) == rows


@pytest.mark.parametrize("text", [
    "Chile and Peru will sign a protocol on fisheries and another on port fees.",
    "Ghana and Togo plan to sign an agreement on border trade and one on electricity supplies.",
    "Oman and India did not sign a memorandum on fisheries or another on tourism.",
    "Bolivia and Paraguay are expected to sign a protocol on river navigation and a second on customs.",
    "Kenya and Ethiopia discussed a draft memorandum on geothermal power and another on grid links.",
])
def test_no_elliptical_record_when_unsigned(nlp, text):
    assert run(nlp, text)._.documents == []
