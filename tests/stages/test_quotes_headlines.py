"""Headline attributions (issue 12 part 2), wire style: "C: Name", "C: experts", "C - sources",
"C, source says" give an indirect row for the claim; a person named after the claim is the
speaker, an unnamed source word gives none. Headlines that only look alike are no rows.
Invented phrasings; each case gives (text, speaker, speaker_text) of the headline's row."""

import pytest

BODY = "\n\nThe report came on Monday. Trade Minister Anna Kovacs spoke in Vienna.\n"


def headline_rows(nlp, text):
    doc = nlp(text)
    first = text.index("\n")
    return [(q["text"], q["speaker"], q["speaker_text"]) for q in doc._.quotes if q["start"] < first]


ATTRIBUTED = [
    ("Austria to cut energy tariffs by half from January: Kovacs" + BODY,
     [("Austria to cut energy tariffs by half from January", "Anna Kovacs", "Kovacs")]),
    ("Grain exports to Egypt set to double this year - sources" + BODY,
     [("Grain exports to Egypt set to double this year", None, "sources")]),
    ("Pipeline talks stall over transit fees, source says" + BODY,
     [("Pipeline talks stall over transit fees", None, "source")]),
    ("New rail link will halve travel times: experts" + BODY,
     [("New rail link will halve travel times", None, "experts")]),
    ("Central bank likely to hold rates in March – analysts" + BODY,
     [("Central bank likely to hold rates in March", None, "analysts")]),
]

NOT_ATTRIBUTED = [
    "Morning Talk – transcript" + BODY,
    "Interview: Austria's trade minister on tariffs" + BODY,
    "Austria, Hungary sign energy pact" + BODY,
    "Energy prices: what comes next for Vienna" + BODY,
    "Rail link opens - photos" + BODY,
]


@pytest.mark.parametrize("text,expected", ATTRIBUTED)
def test_headline_attributions(nlp, text, expected):
    assert headline_rows(nlp, text) == expected


@pytest.mark.parametrize("text", NOT_ATTRIBUTED)
def test_headlines_without_attribution(nlp, text):
    assert headline_rows(nlp, text) == []
