"""Transcript labels with a role after the name (issue 12 part 1), invented phrasings: "NAME,
ROLE:" in capitals names the person (as the article introduces them, else the label's own name,
in title case); "NAME, ANCHOR:" / "NAME, HOST:" is the questioner's turn, no row; a questioner
word used as a verb in a turn ("I will not comment") does not make the speaker a questioner."""

import pytest

T = "Evening programme (transcript)\n\n"


def rows(nlp, text):
    return [(q["speaker"], q["text"]) for q in nlp(text)._.quotes]


ROLE_LABELS = [
    (T + "JANE OKAFOR, ANCHOR: Welcome back. Oil prices fell again today.\n\n"
         "TOMAS VRBA, OIL TRADER, PRAGUE: Buyers have simply stopped bidding. Nobody wants more cargoes.",
     "Tomas Vrba"),
    (T + "HOST: Let us go to the port.\n\n"
         "LEILA HAMADI, PORT DIRECTOR: We handled more containers this month than in all of last year.",
     "Leila Hamadi"),
    (T + "ANCHOR: Joining us is economist Ravi Kulkarni.\n\n"
         "RAVI KULKARNI, ECONOMIST: The rupee will stay weak until the trade deficit narrows.",
     "Ravi Kulkarni"),
    (T + "PAULA SANTOS, PRESENTER: Good evening.\n\n"
         "MARCO DE-LUCA, UNION LEADER (on the phone): Our members will not accept a pay freeze this winter.",
     "Marco De-Luca"),
    (T + "ANCHOR: Now to Nairobi.\n\n"
         "GRACE MUTUA, FARMER, NAKURU: The rain came late and we lost half of the maize harvest.",
     "Grace Mutua"),
]


@pytest.mark.parametrize("text,speaker", ROLE_LABELS)
def test_name_and_role_labels_name_the_person(nlp, text, speaker):
    got = rows(nlp, text)
    assert got and got[-1][0] == speaker, got


QUESTIONER_LABELS = [  # the anchor's or host's own turn: no row
    T + "JANE OKAFOR, ANCHOR: Welcome back. We will now talk about the price of oil in Europe.",
    T + "PAULA SANTOS, HOST: Good evening. We start tonight with the strike at the port of Santos.",
    T + "OMAR FARID, PRESENTER: This is the business hour. We look at the markets in the Gulf.",
    T + "LINA BERG, MODERATOR: Thank you all for coming. We have forty minutes for the panel.",
    T + "KEN ITO, INTERVIEWER: You have run the company for ten years. What has changed most?",
]


@pytest.mark.parametrize("text", QUESTIONER_LABELS)
def test_anchor_and_host_turns_are_no_quotes(nlp, text):
    assert rows(nlp, text) == []


VERB_NOT_LABEL = [  # "comment", "answer", "host" used as verbs in the interviewee's own turns
    (T + "Anna Lind, 41, runs a shipyard in Gdynia.\n\nQ: Will you sell the yard?\n\n"
         "Lind: I will not comment on offers. We are busy with orders until 2028.", "Anna Lind"),
    (T + "Pedro Alves founded the bank in 2015.\n\nQ: Are you profitable?\n\n"
         "Alves: I can answer that easily. We have made money every year since 2019.", "Pedro Alves"),
    (T + "Sara Kim, 38, builds drones in Busan.\n\nQ: Where are your buyers?\n\n"
         "Kim: We host buyers from Europe every month. Most of them come back to order again.", "Sara Kim"),
    (T + "Ivan Petrov started the farm in 2010.\n\nQ: What about prices?\n\n"
         "Petrov: I would rather not comment on prices. We sell most of the grain to Turkey.", "Ivan Petrov"),
    (T + "Maria Costa leads the cooperative.\n\nQ: How do members decide?\n\n"
         "Costa: We vote, and I answer to the members. Nobody decides alone here.", "Maria Costa"),
]


@pytest.mark.parametrize("text,speaker", VERB_NOT_LABEL)
def test_questioner_words_as_verbs_keep_the_speaker(nlp, text, speaker):
    got = rows(nlp, text)
    assert got and got[-1][0] == speaker, got
