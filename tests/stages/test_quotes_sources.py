"""Sources that narrate and sources the parser half-read (issue 12 part 2, round 4). Invented
phrasings, positive and negative.

* A trailing attribution over a reporting sentence ("X stressed that C, the statement added"):
  X's statement is the one row; the trailing source only sources the narration.
* "According to the post, C" when the parser gave the cue no object, or ran the previous sentence
  into this one: still a row, its source referring back.
* "according to a report released by X": the report's owner after a participle is the source."""

import pytest


def rows(nlp, text):
    return [(q["text"], q["speaker_text"]) for q in nlp(text)._.quotes]


NARRATED = [
    ("Madbouly stressed that the state would not allow any shortage of bread, the statement added.\n",
     [("the state would not allow any shortage of bread", "Madbouly")]),
    ("Kovacs said the border would reopen in May, the ministry said in a statement.\n",
     [("the border would reopen in May", "Kovacs")]),
    ("The minister noted that grain stocks were sufficient until October, the report said.\n",
     [("grain stocks were sufficient until October", "minister")]),
    ("Anna Kovacs warned that fuel prices could rise further, the news release added.\n",
     [("fuel prices could rise further", "Anna Kovacs")]),
    ("The governor announced that the port would stay open at night, the press office said.\n",
     [("the port would stay open at night", "governor")]),
]

NOT_NARRATED = [  # a trailing source over a plain clause is the speaker
    ("Grain stocks were sufficient until October, the statement added.\n",
     [("Grain stocks were sufficient until October", "statement")]),
]


@pytest.mark.parametrize("text,expected", NARRATED + NOT_NARRATED)
def test_trailing_source_over_a_reporting_sentence(nlp, text, expected):
    assert rows(nlp, text) == expected


BACK = [
    "Erdogan wrote on X that the corridor was safe. According to the post, technical teams from the two "
    "countries would meet in Istanbul next week.\n",
    "The ministry issued a statement on Monday. According to the statement, exports rose by 5% in March.\n",
    "Kovacs posted a video on Sunday. According to the post, the border would reopen within days.\n",
]


@pytest.mark.parametrize("text", BACK)
def test_according_to_the_post_is_a_row(nlp, text):
    got = rows(nlp, text)
    assert got and got[-1][1] in ("post", "statement"), got


OWNER_AFTER_PARTICIPLE = [
    ("Wheat imports doubled in the first quarter, according to a study published by the World Bank.\n",
     "World Bank"),
    ("Exports rose by 12% last year, according to data compiled by the statistics agency.\n", "statistics agency"),
    ("Freight rates fell by a third, according to a report issued by Drewry.\n", "Drewry"),
    ("Coal output will peak in 2026, according to a forecast prepared by the Asian Development Bank.\n",
     "Asian Development Bank"),
    ("Tourist arrivals rose by 40%, according to figures released by Rosstat.\n", "Rosstat"),
]

NO_OWNER = [  # a document with no owner is no source
    "Exports will be cut by half, according to the agreement signed in May.\n",
]


@pytest.mark.parametrize("text,source", OWNER_AFTER_PARTICIPLE)
def test_owner_after_participle_is_the_source(nlp, text, source):
    got = rows(nlp, text)
    assert len(got) == 1 and got[0][1] == source, got


@pytest.mark.parametrize("text", NO_OWNER)
def test_document_after_participle_is_no_source(nlp, text):
    assert rows(nlp, text) == []
