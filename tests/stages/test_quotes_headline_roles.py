"""Headline attributions to a role (issue 12): "C — minister", "C: governor", "C - ambassador"
give the claim as an indirect row whose speaker is the one person the body titles with that role
("Foreign Minister Anna Kovacs"); a role the body names nobody with (or several people) stays
the description with an empty speaker (corpus/annotations/GUIDELINES.md). Words that are no
person role after a dash are no attribution. Invented phrasings; each case gives (text, speaker,
speaker_text) of the headline's row."""

import pytest

from tests.stages.test_quotes_headlines import headline_rows

BODY = ("\n\nThe talks came on Monday. Foreign Minister Anna Kovacs spoke in Vienna. "
        "Governor Abba Yusuf met farmers in Kano. Ambassador Lena Berg joined them.\n")
UNNAMED_BODY = "\n\nThe talks came on Monday in Vienna. Farmers met officials in Kano.\n"

RESOLVED = [
    ("Austria will cut energy tariffs by half — minister" + BODY,
     [("Austria will cut energy tariffs by half", "Anna Kovacs", "minister")]),
    ("Grain exports to Egypt set to double this year - governor" + BODY,
     [("Grain exports to Egypt set to double this year", "Abba Yusuf", "governor")]),
    ("Visa rules for students will ease next spring – ambassador" + BODY,
     [("Visa rules for students will ease next spring", "Lena Berg", "ambassador")]),
    ("New rail link will halve travel times: foreign minister" + BODY,
     [("New rail link will halve travel times", "Anna Kovacs", "foreign minister")]),
    ("Kano farmers will get cheaper seed loans — Kano governor" + BODY,
     [("Kano farmers will get cheaper seed loans", "Abba Yusuf", "Kano governor")]),
]

DESCRIBED = [
    ("Austria will cut energy tariffs by half — minister" + UNNAMED_BODY,
     [("Austria will cut energy tariffs by half", None, "minister")]),
    ("Grain exports to Egypt set to double this year - governor" + UNNAMED_BODY,
     [("Grain exports to Egypt set to double this year", None, "governor")]),
    ("Visa rules for students will ease next spring – ambassador" + UNNAMED_BODY,
     [("Visa rules for students will ease next spring", None, "ambassador")]),
    ("New rail link will halve travel times: president" + UNNAMED_BODY,
     [("New rail link will halve travel times", None, "president")]),
    ("Kano farmers will get cheaper seed loans — Kano governor" + UNNAMED_BODY,
     [("Kano farmers will get cheaper seed loans", None, "Kano governor")]),
]

NOT_ATTRIBUTED = [
    "Austria will cut energy tariffs by half — analysis" + BODY,
    "Grain exports to Egypt set to double - photos" + BODY,
    "Visa rules for students: a guide" + BODY,
    "Minister — a profile" + BODY,
    "Rail link opens – video" + BODY,
]


@pytest.mark.parametrize("text,expected", RESOLVED)
def test_headline_role_resolved_in_body(nlp, text, expected):
    assert headline_rows(nlp, text) == expected


@pytest.mark.parametrize("text,expected", DESCRIBED)
def test_headline_role_unnamed_stays_description(nlp, text, expected):
    assert headline_rows(nlp, text) == expected


@pytest.mark.parametrize("text", NOT_ATTRIBUTED)
def test_headline_dash_without_role(nlp, text):
    assert headline_rows(nlp, text) == []


# "says": the reported pass finds the row; the role is resolved forward into the body
SAID = [
    ("Farmers will get cheaper seed loans, says Kano governor" + BODY, "Abba Yusuf", "Kano governor"),
    ("Governor says farmers will get cheaper seed loans" + BODY, "Abba Yusuf", "Governor"),
    ("Energy tariffs will be cut by half, minister says" + BODY, "Anna Kovacs", "minister"),
    ("Foreign minister says visa rules will ease next spring" + BODY, "Anna Kovacs", "Foreign minister"),
    ("Visa rules for students will ease next spring, says ambassador" + BODY, "Lena Berg", "ambassador"),
]

TWO_MINISTERS = ("\n\nForeign Minister Anna Kovacs met Trade Minister Jan Novak on Monday. "
                 "Governor Abba Yusuf was not there.\n")
SAID_UNRESOLVED = [  # several people titled so, or none: nobody from the body is chosen
    "Energy tariffs will be cut by half, minister says" + TWO_MINISTERS,
    "Minister says visa rules will ease next spring" + TWO_MINISTERS,
    "Farmers will get cheaper seed loans, says governor" + UNNAMED_BODY,
    "Ambassador says visa rules will ease next spring" + UNNAMED_BODY,
    "Rail fares will rise in May, says president" + TWO_MINISTERS,
]


@pytest.mark.parametrize("text,speaker,written", SAID)
def test_headline_said_by_role_resolved_in_body(nlp, text, speaker, written):
    rows = headline_rows(nlp, text)
    assert [(r[1], r[2]) for r in rows] == [(speaker, written)]


@pytest.mark.parametrize("text", SAID_UNRESOLVED)
def test_headline_said_by_role_not_resolved_to_another(nlp, text):
    names = {"Anna Kovacs", "Jan Novak", "Abba Yusuf"}
    rows = headline_rows(nlp, text)
    assert rows and all(r[1] not in names for r in rows)
