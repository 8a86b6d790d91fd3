"""Transcripts (issue 12): the questioner's turns — "Question:", "Q:", "HOST:", a journalist's
outlet as label, a person introduced as host or correspondent, any turn that asks — are prompts,
not quotes, and end the previous speaker's turn; speech reported inside them is no row either.
Invented phrasings; each case gives the rows' (speaker, text) in text order."""

import pytest

T = "Briefing transcript\n\n"


def rows(nlp, text):
    return [(q["speaker"], q["text"]) for q in nlp(text)._.quotes]


PROMPT_CASES = [
    (T + "Spokesperson Maria Olsen: We welcome the agreement.\n\n"
         "Reuters: Officials said on Monday that the talks had failed. Can you confirm?\n\n"
         "Maria Olsen: I cannot confirm that.\n",
     [("Maria Olsen", "We welcome the agreement."), ("Maria Olsen", "I cannot confirm that.")]),
    (T + "Minister Pavel Orban: The bridge will open in May.\n\n"
         "Q: Will the tolls be lowered?\n\nPavel Orban: The tolls will stay as they are.\n",
     [("Pavel Orban", "The bridge will open in May."), ("Pavel Orban", "The tolls will stay as they are.")]),
    (T + "ANCHOR (Lucy Grant): Good evening. The central bank raised rates today.\n\n"
         "Economist Tomas Varga joins us.\n\nVARGA: The rise was expected by the markets.\n",
     [("Tomas Varga", "The rise was expected by the markets.")]),
    (T + "Our correspondent Daniel Moss spoke to the trade minister, Helen Ward.\n\n"
         "Moss: Exporters say the new rules are too strict.\n\n"
         "Ward: The rules protect our farmers.\n",
     [("Helen Ward", "The rules protect our farmers.")]),
    (T + "Ambassador Kenji Sato: Our position has not changed.\n\n"
         "Question (Kyodo): Some lawmakers have called for new sanctions. What is your view?\n\n"
         "Kenji Sato: Sanctions are a matter for the government.\n",
     [("Kenji Sato", "Our position has not changed."), ("Kenji Sato", "Sanctions are a matter for the government.")]),
    (T + "Deputy Minister Alan Roth: The port will be expanded.\n\n"
         "AFP: When will the work start?\n\nAlan Roth: Work starts next spring.\n",
     [("Alan Roth", "The port will be expanded."), ("Alan Roth", "Work starts next spring.")]),
]


@pytest.mark.parametrize("text,expected", PROMPT_CASES)
def test_questioner_turns_are_prompts(nlp, text, expected):
    assert rows(nlp, text) == expected


ANSWER_CASES = [  # the answering side's turns stay rows, however they start
    (T + "President Leo Marsh (retranslated): Dear colleagues, thank you for coming.\n",
     [("Leo Marsh", "Dear colleagues, thank you for coming.")]),
    (T + "Spokesperson Nina Holt: Why do we insist on this? Because the law requires it.\n",
     [("Nina Holt", "Why do we insist on this? Because the law requires it.")]),
    (T + "Minister Omar Faruk: We will sign in June.\n\nThe second stage follows in July.\n",
     [("Omar Faruk", "We will sign in June."), ("Omar Faruk", "The second stage follows in July.")]),
    (T + "Guest Rita Bloom joined the programme.\n\nBLOOM: Prices will keep rising this year.\n",
     [("Rita Bloom", "Prices will keep rising this year.")]),
    (T + "Senator Paul Drake: The vote will be held on Friday.\n",
     [("Paul Drake", "The vote will be held on Friday.")]),
]


@pytest.mark.parametrize("text,expected", ANSWER_CASES)
def test_answer_turns_stay_quotes(nlp, text, expected):
    assert rows(nlp, text) == expected
