"""The dates stage: span finding over a parsed Doc and normalisation against the
publication date. Texts are small sentences written for these tests."""

import pytest

from pipeline.stages.dates import Grammar, normalise

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
    ("two weeks ago", TUE, None, ("2023-10-03", "day", None)),       # a week counted back: a day (issue 13)
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


# --------------------------------------------------------------- forward frames, seasons, vague references
WED = "2024-05-15"  # a Wednesday in May: a month or season before it is ambiguous

# An underspecified month/season in the complement of a verb of inviting, planning, proposing,
# scheduling or expecting looks forward even when that verb is in the past tense; "agree",
# "decide" only with an event verb (hold, meet, visit ...). A date before the inviting verb,
# or of a plain past event, looks back.
FORWARD_CASES = [
    ("The president invited his Uzbek counterpart to visit Bishkek in February.",
     [("February", "2025-02", "month", None)]),
    ("The president invited the emir to Astana in February.", [("February", "2025-02", "month", None)]),
    ("The premier was invited to attend the forum in January.", [("January", "2025-01", "month", None)]),
    ("The ministers agreed to hold their next session in March.", [("March", "2025-03", "month", None)]),
    ("Both governments proposed to reconvene the working group in April.",
     [("April", "2025-04", "month", None)]),
    ("The committee scheduled the hearing for February.", [("February", "2025-02", "month", None)]),
    ("Officials expect the bridge to open in April.", [("April", "2025-04", "month", None)]),
    ("She said the delegation would arrive in March.", [("March", "2025-03", "month", None)]),
    ("The ministers are going to meet in March.", [("March", "2025-03", "month", None)]),
    # the date of the agreeing / of a past event: backwards
    ("The company agreed to sell its stake in March.", [("March", "2024-03", "month", None)]),
    ("In March, the president invited his counterpart to visit.", [("March", "2024-03", "month", None)]),
    ("The ministers met in March to discuss the corridor.", [("March", "2024-03", "month", None)]),
    ("He went to visit the plant in March.", [("March", "2024-03", "month", None)]),
]

SEASON_CASES = [
    # (text, published, expected)
    ("The two sides agreed to resume the talks in the autumn.", WED, [("autumn", "2024-FA", "season", None)]),
    ("Both leaders proposed to meet again in the winter.", WED, [("winter", "2024-WI", "season", None)]),
    ("Exports recovered in the winter.", WED, [("winter", "2023-WI", "season", None)]),
    ("The harvest failed this spring.", WED, [("this spring", "2024-SP", "season", None)]),
    ("The ministers will meet again next summer.", WED, [("next summer", "2024-SU", "season", None)]),
    ("Prices fell sharply last winter.", WED, [("last winter", "2023-WI", "season", None)]),
    ("The plant is due to open in the spring.", "2024-10-01", [("spring", "2025-SP", "season", None)]),
    ("Last winter the grid failed twice.", "2024-01-20", [("Last winter", "2022-WI", "season", None)]),
    ("The port was busy during the summer.", "2024-01-20", [("summer", "2023-SU", "season", None)]),
    ("Construction will start by the end of the summer.", WED,
     [("the end of the summer", "2024-SU", "season", "END")]),
    ("The railway opened in early spring.", WED, [("early spring", "2024-SP", "season", "START")]),
    ("The spring session of parliament opened.", WED, []),
    ("The Arab Spring reshaped the region.", WED, []),
    ("Spring floods damaged the road.", WED, []),
    ("Markets closed for the Spring Festival holiday.", WED, []),
    ("Prices are expected to fall by five percent.", WED, []),
    ("The election is set for the fall.", WED, [("fall", "2024-FA", "season", None)]),
]

# TimeML: "the future"/"the past" and their narrowed forms are FUTURE_REF/PAST_REF (granularity
# reference); plural-unit vague periods are durations (PXY, P10Y in TempEval-3), not rows;
# "the future of X" / "at the time of X" are no time expressions.
VAGUE_CASES = [
    ("The fund will invest heavily in the coming years.", []),
    ("Bilateral trade has doubled in recent years.", []),
    ("Both nations hope to deepen ties in the years ahead.", []),
    ("Investment grew fivefold over the past decade.", []),
    ("Exports rose steadily in recent months.", []),
    ("The corridor will be busier in the coming decades.", []),
    ("The line will be extended in the near future.", [("the near future", "FUTURE_REF", "reference", None)]),
    ("No tariff increase is planned for the foreseeable future.",
     [("the foreseeable future", "FUTURE_REF", "reference", None)]),
    ("Such disputes were settled by force in the distant past.",
     [("the distant past", "PAST_REF", "reference", None)]),
    ("In the past, the two countries were rivals.", [("the past", "PAST_REF", "reference", None)]),
    ("The ministers discussed the future of the corridor.", []),
    ("At the time of the signing, trade was small.", []),
    ("The leaders will meet again in the coming year.", [("the coming year", "2025", "year", None)]),
]


@pytest.mark.parametrize("text,expected", FORWARD_CASES)
def test_forward_frames(dates_nlp, text, expected):
    assert run(dates_nlp, text, published=WED) == expected


@pytest.mark.parametrize("text,published,expected", SEASON_CASES)
def test_seasons(dates_nlp, text, published, expected):
    assert run(dates_nlp, text, published=published) == expected


@pytest.mark.parametrize("text,expected", VAGUE_CASES)
def test_vague_references(dates_nlp, text, expected):
    assert run(dates_nlp, text, published=WED) == expected


@pytest.mark.parametrize("text,published,tense,expected", [
    ("winter", "2024-01-20", None, ("2023-WI", "season", None)),      # the winter under way
    ("last winter", "2024-01-20", None, ("2022-WI", "season", None)),
    ("next winter", "2024-01-20", None, ("2024-WI", "season", None)),
    ("the spring", "2024-10-01", "future", ("2025-SP", "season", None)),
    ("the spring", "2024-10-01", "past", ("2024-SP", "season", None)),
    ("summer", WED, "past", ("2023-SU", "season", None)),
    ("summer", WED, "future", ("2024-SU", "season", None)),
    ("spring", WED, "future", ("2024-SP", "season", None)),             # still under way
    ("this winter", WED, None, ("2024-WI", "season", None)),
    ("autumn", None, None, (None, "season", None)),
    ("the near future", WED, None, ("FUTURE_REF", "reference", None)),
    ("the recent past", WED, None, ("PAST_REF", "reference", None)),
])
def test_normalise_seasons_and_references(grammar, text, published, tense, expected):
    assert normalise(text, published, tense, grammar) == expected
