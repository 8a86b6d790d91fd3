"""The dates stage: span finding over a parsed Doc and normalisation against the
publication date. Texts are small sentences written for these tests."""

import pytest

from pipeline.dates import Grammar, normalise

TUE = "2023-10-17"  # a Tuesday; ISO week 2023-W42


@pytest.fixture(scope="session")
def grammar():
    return Grammar.load()


@pytest.fixture(scope="session")
def dates_nlp():
    from pipeline import load_pipeline

    return load_pipeline(stages=["newsie_segmenter", "newsie_dates"])


def run(nlp, text, published=TUE):
    doc = nlp.make_doc(text)
    doc._.published = published
    doc = nlp(doc)
    assert not doc._.errors
    rows = doc._.dates
    for r in rows:
        assert doc.text[r["start"]:r["end"]] == r["text"]
    assert [r["start"] for r in rows] == sorted(r["start"] for r in rows)
    return [(r["text"], r["value"], r["granularity"], r["mod"]) for r in rows]


# --------------------------------------------------------------- spans found in running text
SPAN_CASES = [
    ("Trade grew strongly in 2022.", [("2022", "2022", "year", None)]),
    ("The deal was signed in September 2022.", [("September 2022", "2022-09", "month", None)]),
    ("The talks were held on Oct. 17 in the capital.", [("Oct. 17", "2023-10-17", "day", None)]),
    ("The two leaders will meet again next year.", [("next year", "2024", "year", None)]),
    ("Next year, the ministers plan a second round.", [("Next year", "2024", "year", None)]),
    ("Exports fell sharply last month.", [("last month", "2023-09", "month", None)]),
    ("Ten years ago, the corridor was only an idea.", [("Ten years ago", "2013", "year", None)]),
    ("The ministers met on Wednesday to sign the protocol.", [("Wednesday", "2023-10-11", "day", None)]),
    ("The ministers will meet on Wednesday to sign the protocol.", [("Wednesday", "2023-10-18", "day", None)]),
    ("The sides agreed earlier this week to resume the talks.",
     [("earlier this week", "2023-W42", "week", None)]),
    ("Growth slowed in mid-2014 as prices fell.", [("mid-2014", "2014", "year", "MID")]),
    ("The plant is expected to open early next year.", [("early next year", "2024", "year", "START")]),
    ("The new line opened in summer 2023.", [("summer 2023", "2023-SU", "season", None)]),
    ("Output rose in Q3 2023 after a weak spring.", [("Q3 2023", "2023-Q3", "quarter", None)]),
    ("Output rose in the third quarter of 2023.", [("the third quarter of 2023", "2023-Q3", "quarter", None)]),
    ("Oil prices collapsed in the 1990s.", [("the 1990s", "199", "decade", None)]),
    ("The minister arrived today.", [("today", "2023-10-17", "day", None)]),
    ("The minister arrived yesterday.", [("yesterday", "2023-10-16", "day", None)]),
    ("The minister arrives tomorrow.", [("tomorrow", "2023-10-18", "day", None)]),
    ("This year the forum moves to a new city.", [("This year", "2023", "year", None)]),
    ("The treaty was signed on May 26, 2011.", [("May 26, 2011", "2011-05-26", "day", None)]),
    ("The treaty was signed on 26 May 2011.", [("26 May 2011", "2011-05-26", "day", None)]),
    ("Lisbon, 28 January 2024", [("28 January 2024", "2024-01-28", "day", None)]),
    ("Aid rises each year for the years 2015-2017.",
     [("2015", "2015", "year", None), ("2017", "2017", "year", None)]),
    ("Between 2021 and 2027, the fund will invest in ports.",
     [("2021", "2021", "year", None), ("2027", "2027", "year", None)]),
    ("The increase for FY 2015 is the largest.", [("FY 2015", "2015", "year", "APPROX")]),
    ("The network should be finished by 2027.", [("2027", "2027", "year", None)]),
    ("2022 saw record grain exports.", [("2022", "2022", "year", None)]),
    ("Prices peaked by the end of the year.", [("the end of the year", "2022", "year", "END")]),
    ("Imports will recover by the end of the year.", [("the end of the year", "2023", "year", "END")]),
    ("Both leaders signed the accord last June.", [("last June", "2023-06", "month", None)]),
    ("The factory closed last summer.", [("last summer", "2023-SU", "season", None)]),
    ("Officials met in March to prepare the visit.", [("March", "2023-03", "month", None)]),
    ("Officials will meet in December to prepare the visit.", [("December", "2023-12", "month", None)]),
    ("The agreement is now in force.", [("now", "PRESENT_REF", "reference", None)]),
    ("The bridge was built in the 20th century.", [("the 20th century", "19", "century", None)]),
    ("The summit took place on Monday, Oct. 16, in the capital.",
     [("Monday, Oct. 16", "2023-10-16", "day", None)]),
    ("The mission was founded in late 1995 by both sides.", [("late 1995", "1995", "year", "END")]),
    ("The summit is held on 16-17 October 2023 in the capital.",
     [("16", "2023-10-16", "day", None), ("17 October 2023", "2023-10-17", "day", None)]),
    ("The visit is planned for 5 June.", [("5 June", "2024-06-05", "day", None)]),
    ("The vote is scheduled for Monday.", [("Monday", "2023-10-23", "day", None)]),
    ("The sides may sign the deal in May.", [("May", "2023-05", "month", None)]),
    ("The Good Friday Agreement was signed in 1998.", [("1998", "1998", "year", None)]),
    ("Voters went to the polls in the 2022 elections.", [("2022", "2022", "year", None)]),
    ("A year ago, the talks stalled.", [("A year ago", "2022", "year", None)]),
    ("Prices rose in mid-October.", [("mid-October", "2023-10", "month", "MID")]),
]


@pytest.mark.parametrize("text,expected", SPAN_CASES)
def test_spans(dates_nlp, text, expected):
    assert run(dates_nlp, text) == expected


# --------------------------------------------------------------- numbers that are not dates
NOT_DATES = [
    "We are continuing to implement 52 joint projects worth $21 billion.",
    "Trade went up 5% compared with the previous period.",
    "They marked the 30th anniversary of diplomatic relations.",
    "Each side may keep 2,000 warheads.",
    "The stockpiles fall to about 1,500 each.",
    "The army deployed 2000 troops along the border.",
    "The accord will remain in force for five years.",
    "The negotiations took seven years.",
    "They celebrated 25 years of cooperation.",
    "Relations have improved in recent years.",
    "Trade has doubled over the past decade.",
    "The ministers signed a five-year plan.",
    "Officials said funding may rise.",
    "The story ran in the Sunday Times.",
    "Over 2023 people attended the forum.",
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_dates(dates_nlp, text):
    assert run(dates_nlp, text) == []


# --------------------------------------------------------------- without a publication date
@pytest.mark.parametrize("text,expected", [
    ("The leaders will meet next year.", [("next year", None, "year", None)]),
    ("The treaty was signed on May 26, 2011.", [("May 26, 2011", "2011-05-26", "day", None)]),
    ("The treaty was signed on Wednesday.", [("Wednesday", None, "day", None)]),
    ("The sides met in September 2022.", [("September 2022", "2022-09", "month", None)]),
])
def test_no_publication_date(dates_nlp, text, expected):
    assert run(dates_nlp, text, published=None) == expected


# --------------------------------------------------------------- normalise (pure function)
NORMALISE_CASES = [
    # (text, published, tense, expected)
    ("2022", TUE, None, ("2022", "year", None)),
    ("September 2022", TUE, None, ("2022-09", "month", None)),   # no day filled in from the base
    ("Sept. 2022", TUE, None, ("2022-09", "month", None)),
    ("Oct. 17", TUE, None, ("2023-10-17", "day", None)),
    ("next year", TUE, None, ("2024", "year", None)),
    ("last month", TUE, None, ("2023-09", "month", None)),
    ("ten years ago", TUE, None, ("2013", "year", None)),
    ("two weeks ago", TUE, None, ("2023-W40", "week", None)),
    ("three months ago", TUE, None, ("2023-07", "month", None)),
    ("the 1990s", TUE, None, ("199", "decade", None)),            # dateparser: seconds ago
    ("the '90s", TUE, None, ("199", "decade", None)),
    ("the early 2000s", TUE, None, ("200", "decade", "START")),
    # weekday, past tense, on the day after it: one day back, not a full week
    ("Wednesday", "2023-10-19", "past", ("2023-10-18", "day", None)),
    ("Wednesday", TUE, "past", ("2023-10-11", "day", None)),
    ("Wednesday", TUE, "future", ("2023-10-18", "day", None)),
    ("Wednesday", TUE, None, ("2023-10-18", "day", None)),       # the publication week
    ("last Friday", TUE, None, ("2023-10-13", "day", None)),
    ("next Monday", TUE, None, ("2023-10-23", "day", None)),
    ("Friday", "2013-03-22", "past", ("2013-03-22", "day", None)),  # said Friday, on a Friday
    ("August", "2013-03-22", "past", ("2012-08", "month", None)),
    ("June", "2013-03-22", "future", ("2013-06", "month", None)),
    ("last June", "2013-03-22", None, ("2012-06", "month", None)),
    ("late last July", "2013-03-22", None, ("2012-07", "month", "END")),
    ("the last week", "2013-03-22", None, ("2013-W11", "week", None)),
    ("this week", "2013-03-22", None, ("2013-W12", "week", None)),
    ("last summer", "2013-03-22", None, ("2012-SU", "season", None)),
    ("next spring", TUE, None, ("2024-SP", "season", None)),
    ("the second half of 2024", TUE, None, ("2024-H2", "half", None)),
    ("last quarter", TUE, None, ("2023-Q3", "quarter", None)),
    ("this fiscal year", TUE, None, ("2023", "year", "APPROX")),
    ("FY15", TUE, None, ("2015", "year", "APPROX")),
    ("early December", "2013-03-22", "past", ("2012-12", "month", "START")),
    ("the end of year", "2013-03-22", "past", ("2012", "year", "END")),
    ("currently", TUE, None, ("PRESENT_REF", "reference", None)),
    ("the past", TUE, None, ("PAST_REF", "reference", None)),
    ("2023-10-17", None, None, ("2023-10-17", "day", None)),
    ("10/17/2023", None, None, ("2023-10-17", "day", None)),
    ("the 17th of October", TUE, None, ("2023-10-17", "day", None)),
    ("next year", None, None, (None, "year", None)),
    ("yesterday", None, None, (None, "day", None)),
    ("$21", TUE, None, None),
    ("5%", TUE, None, None),
    ("30th", TUE, None, None),
    ("five years", TUE, None, None),
    ("the year", TUE, None, None),
]


@pytest.mark.parametrize("text,published,tense,expected", NORMALISE_CASES)
def test_normalise(grammar, text, published, tense, expected):
    assert normalise(text, published, tense, grammar) == expected
