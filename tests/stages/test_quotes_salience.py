"""Speaker salience (issue 12 part 1), invented phrasings: a role subject ("the minister
agreed") is the antecedent of the next he/she; "the minister replied" is the person titled
minister, not the deputy who asked; a comma apposition opened by a title ("the Foreign Office
minister, Baroness Keane, said") names the speaker; a marked phrase inside a reported clause is
part of the indirect row, not a direct quote of its own."""

import pytest

T = "Debate in parliament\n\n"


def rows(nlp, text):
    return [(q["kind"], q["speaker"], q["text"]) for q in nlp(text)._.quotes]


ROLE_CASES = [
    (T + "Finance Minister Carla Ruiz presented the budget. Deputy Tomas Berg asked who would pay for it. "
         "The minister replied that the costs would be shared.",
     "Carla Ruiz"),
    (T + "Trade Minister Ravi Menon opened the session. Senator Paul Ortiz asked about tariffs. "
         "The minister said that tariffs would fall next year.",
     "Ravi Menon"),
    (T + "Replying for the government, the health minister, Baroness Clarke, said the hospital would open in May.",
     "Baroness Clarke"),
    (T + "Opening the debate, the opposition leader, Mr Daniel Frost, said the plan had been delayed twice.",
     "Daniel Frost"),
    (T + "Ambassador Ingrid Solberg met Senator Mark Hale. The ambassador said that talks would resume soon.",
     "Ingrid Solberg"),
]


@pytest.mark.parametrize("text,speaker", ROLE_CASES)
def test_role_nouns_name_the_titled_person(nlp, text, speaker):
    got = rows(nlp, text)
    assert got[-1][1] in (speaker, speaker.split(" ", 1)[-1]), got


PRONOUN_AFTER_ROLE = [
    (T + "Baroness Ward opened the debate. Lord Hill asked about costs. Ms Anna Ray, the minister, answered. "
         "The minister agreed that costs had risen. She added: “We will publish the figures in June.”",
     "Anna Ray"),
    (T + "Minister Sara Lind met Mr Paul Weir. The minister noted the progress. "
         "She said that the road would be finished in the autumn.",
     "Sara Lind"),
    (T + "Ms Eva Brandt is the energy minister. Mr Karl Vos spoke first. The minister listened carefully. "
         "She said that the plant would close in 2030.",
     "Eva Brandt"),
    (T + "Minister Omar Haddad met Ms Lina Saleh. The minister thanked the donors. "
         "He said that the new school would open in March.",
     "Omar Haddad"),
    (T + "President Ivan Petrov received Ms Olga Smirnova. The president welcomed the guests. "
         "He said that trade had grown by a third.",
     "Ivan Petrov"),
]


@pytest.mark.parametrize("text,speaker", PRONOUN_AFTER_ROLE)
def test_pronoun_after_a_role_subject(nlp, text, speaker):
    assert rows(nlp, text)[-1][1] == speaker


IN_CLAUSE = [  # one indirect row holding the marked phrase
    (T + "Mr Tom Reed said the deal had become “a model for the whole region” after the vote.",
     "the deal had become “a model for the whole region” after the vote"),
    (T + "Ms Ana Lopes said exporters were “being squeezed from both sides” by the new rules.",
     "exporters were “being squeezed from both sides” by the new rules"),
    (T + "The ministry said the two countries remained “partners bound by history”.",
     "the two countries remained “partners bound by history”"),
    (T + "A senior official would only say that Madrid “will decide in due course”.",
     "Madrid “will decide in due course”"),
    (T + "Mr Li Wei told reporters the talks had been “frank and very constructive”.",
     "the talks had been “frank and very constructive”"),
    (T + "Lisbon said the vote showed that the two nations remained “partners bound by the sea”.",
     "the vote showed that the two nations remained “partners bound by the sea”"),
]


@pytest.mark.parametrize("text,clause", IN_CLAUSE)
def test_marked_phrase_inside_a_reported_clause(nlp, text, clause):
    assert [(k, t) for k, _, t in rows(nlp, text)] == [("indirect", clause)]


TIGHT = [  # a marked quote framed as an utterance stays direct
    (T + "Mr Tom Reed said: “The deal is a model for the whole region.”", "The deal is a model for the whole region."),
    (T + "“The deal is a model for the whole region,” Mr Tom Reed said.", "The deal is a model for the whole region"),
    (T + "Mr Tom Reed said, “The deal is a model for the whole region.”", "The deal is a model for the whole region."),
    (T + "Ms Ana Lopes added: “Exporters are being squeezed from both sides.”",
     "Exporters are being squeezed from both sides."),
    (T + "“We will decide in due course,” the official said.", "We will decide in due course"),
]


@pytest.mark.parametrize("text,quote", TIGHT)
def test_framed_quotes_stay_direct(nlp, text, quote):
    assert [(k, t) for k, _, t in rows(nlp, text)] == [("direct", quote)]
