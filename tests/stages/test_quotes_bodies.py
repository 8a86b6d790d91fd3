"""Bodies as speakers (issue 12 part 1): an organisation the article does not name is the speaker
as written ("Chinese embassy", "city's customs office", "Kazakhstan's foreign ministry"), label
ORG — never the nationality or country word alone; a named organisation still wins; "the X
government" stays the country; an indefinite spokesperson is unnamed; "analysts at X" speak for
X. Also "said in a statement that C" (the that-clause hung on the statement noun) is a row.
Invented phrasings; each case gives the rows' (speaker, speaker_text, speaker_label)."""

import pytest

from tests.stages.test_quotes_speakers import speakers

T = "Talks in the region\n\n"


BODY_CASES = [
    (T + "The Turkish embassy said in a statement that the ferry service would resume in June.",
     [("Turkish embassy", "Turkish embassy", "ORG")]),
    (T + "The regional water committee reported that reservoir levels had fallen by a third.",
     [("regional water committee", "regional water committee", "ORG")]),
    (T + "The agency's press office said the launch had been postponed until autumn.",
     [("agency's press office", "agency's press office", "ORG")]),
    (T + "Brazil's agriculture ministry said soybean exports would hit a record this year.",
     [("Brazil's agriculture ministry", "Brazil's agriculture ministry", "ORG")]),
    (T + "Wool exports doubled last year, according to the port authority.",
     [("port authority", "port authority", "ORG")]),
    (T + "The city council said it would build two new bridges by 2028.",
     [("city council", "city council", "ORG")]),
]

NAMED_OR_OTHER_CASES = [
    (T + "Kazakhstan's Ministry of Energy opened a tender on Monday. The ministry said that bids were due in May.",
     [("Ministry of Energy", "ministry", "ORG")]),
    (T + "The Israeli government said that the talks would resume on Monday.",
     [("Israeli", "Israeli government", "NORP")]),
    (T + "A Commission spokesperson said on Friday that the proposal would come within weeks.",
     [(None, "Commission spokesperson", "UNNAMED")]),
    (T + "Analysts said that prices would fall in the second half of the year.",
     [(None, "Analysts", "UNNAMED")]),
    (T + "A spokesman for Gazprom said that deliveries would continue through the winter.",
     [("Gazprom", "Gazprom", "ORG")]),
    (T + "Economists at Sberbank expect that inflation will slow to four percent.",
     [("Sberbank", "Sberbank", "ORG")]),
]


@pytest.mark.parametrize("text,expected", BODY_CASES + NAMED_OR_OTHER_CASES)
def test_bodies_speak_as_written(nlp, text, expected):
    assert speakers(nlp, text) == expected


STATEMENT_CLAUSES = [
    (T + "The ministry said in a statement that the tariffs would be reviewed every year.",
     "the tariffs would be reviewed every year"),
    (T + "Sberbank said in a filing that its profit had doubled in the first quarter.",
     "its profit had doubled in the first quarter"),
    (T + "The delegation said in a written submission that any new target must be realistic.",
     "any new target must be realistic"),
    (T + "The embassy said in a separate note that the consulate would reopen on Monday.",
     "the consulate would reopen on Monday"),
    (T + "The bank said in a report that lending had slowed in the autumn.",
     "lending had slowed in the autumn"),
]


@pytest.mark.parametrize("text,clause", STATEMENT_CLAUSES)
def test_that_clause_on_the_statement_noun(nlp, text, clause):
    assert [q["text"] for q in nlp(text)._.quotes] == [clause]


@pytest.mark.parametrize("text", [
    T + "The ministry said in a statement the kind of thing it always says.",
    T + "The embassy published a statement that nobody read.",
    T + "The company said in a letter which investors received on Monday.",
    T + "The committee met in the hall that the city built in 1990.",
    T + "The council spoke in a tone that surprised the residents.",
])
def test_relative_clauses_on_nouns_are_no_quotes(nlp, text):
    assert nlp(text)._.quotes == []
