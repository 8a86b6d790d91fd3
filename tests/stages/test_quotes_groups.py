"""Group speakers (issue 12 part 1): "they" and "the two leaders" for the two sides give both
names ' | '-separated in the order the article introduces them; "they" after a counted plural
("The two presidents met. They said …") takes that plural's persons, however far back they
were named. Invented phrasings; each case gives the rows' speakers."""

import pytest

T = "Summit in the capital\n\n"


def speakers(nlp, text):
    return [q["speaker"] for q in nlp(text)._.quotes]


GROUP_CASES = [
    (T + "Emmanuel Macron and Olaf Scholz met in Paris. They said that the talks had been useful.",
     ["Emmanuel Macron | Olaf Scholz"]),
    (T + "President Lula received President Gabriel Boric in Brasilia on Monday. The agenda covered trade. "
         "The two presidents discussed energy. They said the two countries would build a new bridge.",
     ["Luiz Inácio Lula da Silva | Gabriel Boric"]),
    (T + "Narendra Modi welcomed Anthony Albanese to Delhi. The two prime ministers then toured a factory. "
         "They stressed that supply chains must be diversified.",
     ["Narendra Modi | Anthony Albanese"]),
    (T + "Recep Tayyip Erdogan hosted Ilham Aliyev in Ankara. Both leaders spoke about the pipeline. "
         "The two leaders said that gas deliveries would double by 2030.",
     ["Recep Tayyip Erdoğan | Ilham Aliyev"]),
    (T + "Fumio Kishida held talks with Yoon Suk Yeol in Tokyo. The two heads of government exchanged views "
         "on security. They agreed that dialogue should continue, and said that a summit would follow.",
     ["Fumio Kishida | Yoon Suk Yeol"]),
]


@pytest.mark.parametrize("text,expected", GROUP_CASES)
def test_they_for_the_two_sides(nlp, text, expected):
    got = speakers(nlp, text)
    assert got and got[-1] == expected[-1]


SINGLE_CASES = [  # "they" with a single plural body, or officials unnamed: never a pair of persons
    (T + "The ministers of Peru and Chile met in Lima. Officials said that the border would reopen.", [None]),
    (T + "Gazprom and Rosneft signed the deal. They said that the pipeline would open in 2027.",
     ["Gazprom | Rosneft"]),
    (T + "Olaf Scholz visited the plant. Diplomats said that the visit had gone well.", [None]),
    (T + "Emmanuel Macron spoke to workers. They said that wages had not kept up with prices.", [None]),
    (T + "Kazakhstan hosted the talks. The Kazakh side said that the railway would be finished by 2027.",
     ["Kazakhstan"]),
]


@pytest.mark.parametrize("text,expected", SINGLE_CASES)
def test_plural_speakers_that_are_no_pair(nlp, text, expected):
    assert speakers(nlp, text) == expected
