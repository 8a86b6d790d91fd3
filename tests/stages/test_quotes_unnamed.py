"""Unnamed sources, coordinated speakers and names the entities stage missed (issue 12 part 1),
invented phrasings, positive and negative: "two diplomats", "three people familiar with …",
"one of them" are unnamed (never the persons named before); "the two leaders" still points
back; "A and B said" is the group of both; a role noun with a name set off after it ("the
governor, Abba Kabir Yusuf,") is that person, and "he" after it too."""

import pytest

T = "Talks in Brussels\n\n"


def rows(nlp, text):
    return [(q["speaker"], q["speaker_text"]) for q in nlp(text)._.quotes]


UNNAMED = [
    T + "Olaf Scholz met Emmanuel Macron on Monday. Two EU diplomats said the package would be delayed.",
    T + "Viktor Orban spoke to Ursula von der Leyen. The deal could collapse next week, according to "
        "three people familiar with the talks.",
    T + "Nikol Pashinyan and Ilham Aliyev met in Prague. Two officials said the treaty was almost ready. "
        "One of them said the border map had been agreed.",
    T + "Kaja Kallas spoke to reporters. Several diplomats said Hungary would block the statement.",
    T + "Siemens Energy is close to a deal in Uzbekistan, according to a person familiar with the matter.",
]


@pytest.mark.parametrize("text", UNNAMED)
def test_counted_and_partitive_sources_are_unnamed(nlp, text):
    got = rows(nlp, text)
    assert got and got[-1][0] is None and got[-1][1], got


POINTING_BACK = [  # a definite plural with a number points back to the persons named
    (T + "Olaf Scholz met Emmanuel Macron in Paris. The two leaders said the summit had gone well.",
     "Olaf Scholz | Emmanuel Macron"),
    (T + "Nikol Pashinyan received Ilham Aliyev in Yerevan. Both leaders said the treaty was ready.",
     "Nikol Pashinyan | Ilham Aliyev"),
    (T + "Maersk and Hapag-Lloyd said they would assess the security situation week by week.",
     "Maersk | Hapag-Lloyd"),
    (T + "Kenya and Uganda said the pipeline talks would resume in May.", "Kenya | Uganda"),
    (T + "Toyota and Honda said they would share battery plants in Ohio.", "Toyota | Honda"),
]


@pytest.mark.parametrize("text,speaker", POINTING_BACK)
def test_groups_point_back_or_coordinate(nlp, text, speaker):
    got = rows(nlp, text)
    assert got and got[-1][0] == speaker, got


APPOSITIVE_NAMES = [
    (T + "The Kano State Governor, Abba Kabir Yusuf, has said his administration will not raise levies.",
     "Abba Kabir Yusuf"),
    (T + "The minister of Kenya, Aden Duale, said the pipeline talks would resume in May. "
         "He said the costs would be shared.", "Aden Duale"),
    (T + "The mayor of Tamale, Adam Braimah Abu, said the market would reopen on Monday.", "Adam Braimah Abu"),
    (T + "The chairman of the board, Kwame Osei Mensah, said dividends would rise.", "Kwame Osei Mensah"),
    (T + "The governor of Lagos, Babajide Sanwo-Olu, said the bridge would be finished in June. "
         "He said the state had paid for it.", "Babajide Sanwo-Olu"),
]


@pytest.mark.parametrize("text,speaker", APPOSITIVE_NAMES)
def test_role_with_a_name_set_off_names_the_person(nlp, text, speaker):
    got = rows(nlp, text)
    assert got and all(sp == speaker for sp, _ in got), got


NO_NAME = [  # no name set off: the role stays unnamed (or a place is no person)
    T + "A senior official said the pipeline talks would resume in May.",
    T + "The governor of Lagos State said the bridge would be finished in June.",
    T + "A spokesperson, speaking on condition of anonymity, said the talks had stalled.",
    T + "An official in Nairobi said the railway would reach Malaba by 2030.",
    T + "The minister of Kenya said on Monday that the pipeline talks would resume in May.",
]


@pytest.mark.parametrize("text", NO_NAME)
def test_roles_without_a_name_stay_unnamed(nlp, text):
    got = rows(nlp, text)
    assert got and got[-1][0] is None, got
