"""A cabinet speaks as a body (``role_nouns.tsv`` kind ``org``): "the cabinet said" names no
organisation mentioned before, so the speaker is the body as written without its determiner
("cabinet", "Dutch cabinet"), label ORG; a cabinet minister is a person, not the body.
Invented phrasings; each case gives (speaker, speaker_label) of the one row."""

import pytest

BODY = [
    ("Rail fares will stay frozen until March, the cabinet said on Thursday.\n", "cabinet"),
    ("The Dutch cabinet said on Friday that the new levy would raise 2 billion euros.\n",
     "Dutch cabinet"),
    ("According to the cabinet, fuel subsidies will be phased out over three years.\n", "cabinet"),
    ("The cabinet announced that ports would stay open around the clock during the harvest.\n",
     "cabinet"),
    ("In a statement, the Kenyan cabinet said the sugar tariff would be reviewed in June.\n",
     "Kenyan cabinet"),
]

PERSON = [
    ("Cabinet Secretary Rose Mwangi said the tariff would be reviewed in June.\n", "Rose Mwangi"),
    ("Cabinet minister Daniel Osei said the port would stay open during the harvest.\n", "Daniel Osei"),
    ("Rose Mwangi, a cabinet member, said fuel subsidies would be phased out.\n", "Rose Mwangi"),
    ("The cabinet met on Monday. Daniel Osei said the levy would raise 2 billion euros.\n", "Daniel Osei"),
    ("After a cabinet meeting, Rose Mwangi said rail fares would stay frozen.\n", "Rose Mwangi"),
]


@pytest.mark.parametrize("text,speaker", BODY)
def test_cabinet_speaks_as_written(nlp, text, speaker):
    rows = nlp(text)._.quotes
    assert [(q["speaker"], q["speaker_label"]) for q in rows] == [(speaker, "ORG")]


@pytest.mark.parametrize("text,speaker", PERSON)
def test_cabinet_person_is_the_person(nlp, text, speaker):
    assert [q["speaker"] for q in nlp(text)._.quotes] == [speaker]
