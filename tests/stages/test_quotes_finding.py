"""Reported speech found and bounded (issue 12 part 2, round 4): shapes the parser misreads or
the finders missed. Invented phrasings, positive and negative; each positive gives the row's
text (and speaker where it matters)."""

import pytest


def texts(nlp, text):
    return [q["text"] for q in nlp(text)._.quotes]


# "that" read as the object of a relative clause on the addressee / venue of the speech verb
THAT_AS_OBJECT = [
    ("Foreign Minister Anna Kovacs told a news conference that the government had signed the contract "
     "with the consortium.\n", "the government had signed the contract with the consortium"),
    ("The envoy told a press briefing that Hungary had sent the draft treaty to Brussels.\n",
     "Hungary had sent the draft treaty to Brussels"),
    ("It was announced after the summit that a new customs post would open on the border in June.\n",
     "a new customs post would open on the border in June"),
    ("It was confirmed at the end of the talks that both sides would reopen their embassies next year.\n",
     "both sides would reopen their embassies next year"),
    ("The spokesman told the parliamentary committee that the ministry had paid its arrears in full.\n",
     "the ministry had paid its arrears in full"),
]

RELATIVE_CLAUSES = [  # a real relative clause on the object: no statement
    "The minister announced the deal that they had signed in May.\n",
    "The minister described the project that the two countries had launched in 2019.\n",
    "It was a meeting that few delegates will forget.\n",
]


@pytest.mark.parametrize("text,quote", THAT_AS_OBJECT)
def test_that_read_as_object_still_reports(nlp, text, quote):
    assert texts(nlp, text) == [quote]


@pytest.mark.parametrize("text", RELATIVE_CLAUSES)
def test_relative_clause_is_no_statement(nlp, text):
    assert texts(nlp, text) == []


# a reason clause the parser hung on the reporting verb belongs to the statement
REASON = [
    ("Unification Minister Lee Jae-sung told a press briefing that the government had sent the letter "
     "through the Red Cross, as the hotline has been cut since 2023.\n",
     "the government had sent the letter through the Red Cross, as the hotline has been cut since 2023"),
    ("The trade minister said exports would fall this year, because demand in Europe has weakened.\n",
     "exports would fall this year, because demand in Europe has weakened"),
    ("Officials told reporters that the border crossing would stay closed, since the bridge is being "
     "repaired.\n", "the border crossing would stay closed, since the bridge is being repaired"),
    ("The central bank said that rates would stay on hold, as inflation remains above target.\n",
     "rates would stay on hold, as inflation remains above target"),
    ("The company said the plant would close in June, as orders have dried up.\n",
     "the plant would close in June, as orders have dried up"),
]

SPEAKERS_ACT = [  # the speaker's own act or the time of speaking: not part of the statement
    ("The governor told a press briefing that the government had sent the proposal to the council, "
     "as he left the hall.\n", "the government had sent the proposal to the council"),
]


@pytest.mark.parametrize("text,quote", REASON + SPEAKERS_ACT)
def test_reason_clause_bounds(nlp, text, quote):
    assert texts(nlp, text) == [quote]


# an aspectual verb coordinated in the clause is no second speech act
ASPECTUAL = [
    ("The ministry said the negotiations had made good progress and would continue next week.\n",
     "the negotiations had made good progress and would continue next week"),
    ("The IMF said the review had gone well and would resume in the coming days.\n",
     "the review had gone well and would resume in the coming days"),
    ("Officials said talks on the pipeline had stalled but would continue after the holidays.\n",
     "talks on the pipeline had stalled but would continue after the holidays"),
    ("The minister said the ceasefire was holding and would go on until the elections.\n",
     "the ceasefire was holding and would go on until the elections"),
    ('The fund said its mission had made "significant progress" and would continue its work online.\n',
     'its mission had made "significant progress" and would continue its work online'),
]


@pytest.mark.parametrize("text,quote", ASPECTUAL)
def test_aspectual_conjunct_stays_in_clause(nlp, text, quote):
    assert texts(nlp, text) == [quote]


# a quoted characterisation: 'described X as "…"', 'called X "…"'
CHARACTERISED = [
    ('In a post on X, Kovacs described the meeting as "warm, open and forward-looking."\n',
     "warm, open and forward-looking.", "Kovacs"),
    ('The foreign minister described the talks as "frank and very useful" and left for Rome.\n',
     "frank and very useful", "foreign minister"),
    ('Anna Kovacs called the agreement "a turning point for the whole region".\n',
     "a turning point for the whole region", "Anna Kovacs"),
    ('The central bank governor characterised the slowdown as "temporary and manageable".\n',
     "temporary and manageable", "bank governor"),
    ('Maria Lopez, the trade commissioner, termed the new tariffs "a tax on our own consumers".\n',
     "a tax on our own consumers", "Maria Lopez"),
]

SCARE_QUOTES = [  # one or two words, or no characterising verb: no quote
    'Anna Kovacs called the agreement "historic".\n',
    'The ministry described the plan as a "roadmap".\n',
    'Analysts called the proposal "very ambitious" on Monday.\n',
    'The so-called "Middle Corridor" runs across the Caspian Sea.\n',
    'The ministry will publish the plan as "Vision 2030" in June.\n',
]


@pytest.mark.parametrize("text,quote,speaker_text", CHARACTERISED)
def test_quoted_characterisation_is_a_direct_quote(nlp, text, quote, speaker_text):
    rows = [(q["kind"], q["text"], q["speaker_text"]) for q in nlp(text)._.quotes if q["kind"] == "direct"]
    assert rows == [("direct", quote, speaker_text)]


@pytest.mark.parametrize("text", SCARE_QUOTES)
def test_short_characterisation_is_a_scare_quote(nlp, text):
    assert [q for q in nlp(text)._.quotes if q["kind"] == "direct"] == []
