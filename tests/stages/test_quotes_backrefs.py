"""Sources that refer back (issue 12 part 1), invented phrasings, positive and negative:
"according to the statement / the report / the post" is the source of the earlier statement of
that kind (else of the latest earlier statement); "It said" with no organisation in reach takes
the source of the row just before; descriptions ("the 52-year-old", "the founder", "its chief
executive") name the person described so, else the most salient person."""

import pytest

T = "Business news\n\n"


def rows(nlp, text):
    doc = nlp(text)
    for q in doc._.quotes:
        if q["speaker_text"] is not None:
            assert doc.text[q["speaker_start"]:q["speaker_end"]] == q["speaker_text"]
    return [(q["speaker"], q["text"]) for q in doc._.quotes]


BACK_CASES = [  # (text, the last row's speaker)
    (T + "Halvorsen Shipping said in a statement on Monday that it would order four new vessels. "
         "Analysts welcomed the move. According to the statement, the ships will be delivered in 2028.",
     "Halvorsen Shipping"),
    (T + "Freight rates fell sharply in May, according to a report by the consultancy Drewry. "
         "Peter Lund, a broker in Oslo, said the fall would not last. "
         "According to the report, rates on the Asia-Europe route dropped by a fifth.",
     "Drewry"),
    (T + "The Japanese embassy in Hanoi said in a post on Facebook that the loan had been approved. "
         "The bridge will link two provinces, according to the post.",
     "Japanese embassy"),
    (T + "Norvik Energy announced that it had bought a wind farm in Poland. Maria Holm, the company's chair, "
         "said the price was fair. According to this announcement, the farm produces 300 megawatts.",
     "Norvik Energy"),
    (T + "The Ministry of Agriculture said the harvest had been the largest in a decade. "
         "According to the statement, wheat exports will rise by a tenth.",
     "Ministry of Agriculture"),
]


@pytest.mark.parametrize("text,speaker", BACK_CASES)
def test_according_to_the_statement_refers_back(nlp, text, speaker):
    got = rows(nlp, text)
    assert got and got[-1][0] == speaker, got


NOT_BACK = [  # a document, an owner named, or no earlier statement: never an earlier speaker
    T + "The minister said the talks had gone well. According to the agreement, tariffs will fall by 2027.",
    T + "According to the statement, the ships will be delivered in 2028.",
    T + "The minister said the talks had gone well. According to the treaty, the border stays open.",
    T + "The company said it would hire staff. According to the plan, the factory opens in March.",
    T + "Officials said the road would open soon. According to the law, the tolls must be approved first.",
]


@pytest.mark.parametrize("text", NOT_BACK)
def test_documents_and_lone_statements_name_nobody(nlp, text):
    got = rows(nlp, text)
    assert all(not (sp and "statement" not in text and t.startswith(("tariffs", "the border", "the factory",
                                                                        "the tolls"))) for sp, t in got), got
    assert not any(t.startswith("the ships") and sp for sp, t in got), got


IT_CASES = [  # "It said" after a sourced row: that source
    (T + "Ship arrivals rose in June, according to a report by the data firm Kpler. "
         "It said tanker traffic was back to the level of 2023.", "Kpler"),
    (T + "According to a study by the Asian Development Bank, trade costs fell by a tenth. "
         "It said digital customs had done most of the work.", "Asian Development Bank"),
    (T + "Exports grew, according to figures from the statistics agency Rosstat. "
         "It said most of the growth came from grain.", "Rosstat"),
    (T + "The central bank said inflation had slowed to 6 percent. "
         "It said it would keep rates on hold.", None),  # the organisation itself: resolved as before
    (T + "Consumer prices rose for a third month in a row, according to a survey by the research group Ipsos. "
         "It said that households expected further increases.", "Ipsos"),
]


@pytest.mark.parametrize("text,speaker", IT_CASES)
def test_it_said_takes_the_previous_source(nlp, text, speaker):
    got = rows(nlp, text)
    assert got[-1][0] == (speaker or got[0][0]) and got[-1][0], got


DESCRIPTION_CASES = [  # (text, speaker of the last row)
    (T + "Lena Vogt founded the robotics start-up Kranich in 2019. "
         "“We sell to carmakers in three countries,” says the 38-year-old.", "Lena Vogt"),
    (T + "Omar Haddad, the 52-year-old chief executive of Gulf Cement, met investors. "
         "Its chief executive said the plant would open in May.", "Omar Haddad"),
    (T + "Anna Kovacs runs a bakery chain in Almaty. Prices of flour doubled last year, says the founder.",
     "Anna Kovacs"),
    (T + "Founder Pavel Sokol opened the plant in Minsk. Jonas Berg, a supplier, was there too. "
         "The founder said exports would double.", "Pavel Sokol"),
    (T + "Chen Wei has sold tea in Yiwu for twenty years. "
         "“Buyers from Tashkent pay on time,” the trader says.", "Chen Wei"),
]


@pytest.mark.parametrize("text,speaker", DESCRIPTION_CASES)
def test_descriptions_name_the_person_described(nlp, text, speaker):
    got = rows(nlp, text)
    assert got[-1][0] == speaker, got


UNNAMED_DESCRIPTIONS = [  # indefinite or plural: a new, unnamed source
    T + "Lena Vogt founded Kranich in 2019. “Robots are cheap now,” says a 38-year-old engineer.",
    T + "Anna Kovacs runs a bakery chain. Prices of flour doubled last year, says one founder.",
    T + "Chen Wei sells tea in Yiwu. “Buyers pay on time,” say the traders.",
    T + "Omar Haddad met investors in Dubai. A trader said the shares were too expensive.",
    T + "Pavel Sokol opened the plant. Another founder said exports would double.",
]


@pytest.mark.parametrize("text", UNNAMED_DESCRIPTIONS)
def test_indefinite_descriptions_stay_unnamed(nlp, text):
    got = rows(nlp, text)
    assert got and got[-1][0] is None, got
