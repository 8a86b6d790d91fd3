"""Money forms of issue 13 beyond the suites (round 4): a minor unit that is also a word or a
letter priced per something ("15 sen per litre", "10 c a pack"), minor units of more currencies
(stotinki, haléřů, öre, millimes), names written with their own letters ("złoty"), "dong" in lower
case only, "pounds" after a number in words ("ten pounds") unless a weight word is near, an
article amount after an open bound only before a closed-class word ("above a dollar is", not
"above a dollar store"), and approximate amounts without a bound
("nearly $3 billion"). Five or more invented phrasings each, with negatives."""

import pytest

from pipeline.stages.money import find_money, format_amount, load_tables


@pytest.fixture(scope="module")
def tables():
    return load_tables()


def _rows(text, tables):
    return [(m.text, format_amount(m.amount), m.currency) for m in find_money(text, tables)]


@pytest.mark.parametrize("text,rows", [
    ("The levy is 15 sen per litre.", [("15 sen", "0.15", "MYR")]),
    ("Gum sells at 10 c a pack.", [("10 c", "0.1", "USD")]),
    ("Stickers are 20 p each.", [("20 p", "0.2", "GBP")]),
    ("Pears went for 30 fen apiece.", [("30 fen", "0.3", "CNY")]),
    ("Vendors charge 5 mao a bowl.", [("5 mao", "0.5", "CNY")]),
    ("Mr Sen said 3 things.", []),
    ("Grade 10 c students sat the test.", []),
    ("Section 4 c of the law applies.", []),
    ("Page 4 has the map.", []),
    ("Music of the 20s was popular.", []),
])
def test_minor_word_priced_per_unit(text, rows, tables):
    assert _rows(text, tables) == rows


@pytest.mark.parametrize("text,rows", [
    ("The toll is 3 lev 50 stotinki per car.", [("3 lev 50 stotinki", "3.5", "BGN")]),
    ("The tax adds 30 stotinki to each bottle.", [("30 stotinki", "0.3", "BGN")]),
    ("A loaf sold for 4 złoty 50 groszy.", [("4 złoty 50 groszy", "4.5", "PLN")]),
    ("Pensions rose by 200 złotych.", [("200 złotych", "200", "PLN")]),
    ("The coin is worth 50 haléřů.", [("50 haléřů", "0.5", "CZK")]),
    ("A stamp costs 90 öre.", [("90 öre", "0.9", "SEK")]),
    ("Bread is 400 millimes in Tunis.", [("400 millimes", "0.4", "TND")]),
    ("Maize rose 75 ngwee a kilo.", [("75 ngwee", "0.75", "ZMW")]),
    ("The ticket is 2 lei 50 bani.", [("2 lei 50 bani", "2.5", "RON")]),
    ("Miners dug 500 tonnes of ore.", []),
])
def test_more_minor_units_and_local_letters(text, rows, tables):
    assert _rows(text, tables) == rows


@pytest.mark.parametrize("text,rows", [
    ("Farmers receive 500,000 dong per hectare.", [("500,000 dong", "500000", "VND")]),
    ("Rice sells at 18,000 dong a kilo.", [("18,000 dong", "18000", "VND")]),
    ("A bowl of pho costs 45,000 dong in Hanoi.", [("45,000 dong", "45000", "VND")]),
    ("The fine is 2 million dong.", [("2 million dong", "2000000", "VND")]),
    ("Each family got 300,000 dong.", [("300,000 dong", "300000", "VND")]),
    ("Route 1 Dong Ha was shut.", []),
    ("The 2019 Dong Nai plan was approved.", []),
    ("Ward 5 Dong Da district flooded.", []),
])
def test_dong_in_lower_case(text, rows, tables):
    assert _rows(text, tables) == rows


@pytest.mark.parametrize("text,rows", [
    ("The taxi driver asked for ten pounds.", [("ten pounds", "10", "GBP")]),
    ("Ten pounds is a lot for a sandwich.", [("Ten pounds", "10", "GBP")]),
    ("I only have twenty pounds left.", [("twenty pounds", "20", "GBP")]),
    ("She lent me fifty pounds.", [("fifty pounds", "50", "GBP")]),
    ("Parking is 12 pounds a day.", [("12 pounds", "12", "GBP")]),
    ("He lost ten pounds on the diet.", []),
    ("The sack weighs fifty pounds.", []),
    ("They shipped twenty pounds of cotton.", []),
    ("She put on five pounds over winter.", []),
    ("The boxer is two pounds heavier.", []),
    ("The trophy has three crowns on it.", []),
    ("He weighs 180 pounds.", []),
])
def test_pounds_after_a_number_in_words(text, rows, tables):
    assert _rows(text, tables) == rows


@pytest.mark.parametrize("text,span,bound", [
    ("Anything above a dollar is taxed.", "a dollar", "min"),
    ("It sold for under a pound.", "a pound", "max"),
    ("Fares rose to over a euro, the board said.", "a euro", "min"),
    ("Shares traded below a dollar for a week.", "a dollar", "max"),
    ("Tips of more than a dollar were rare.", "a dollar", "min"),
])
def test_article_amount_after_a_bound(text, span, bound, tables):
    (m,) = find_money(text, tables)
    assert (m.text, format_amount(m.amount), m.range_bound, m.approximate) == (span, "1", bound, True)


@pytest.mark.parametrize("text", [
    # an article amount before a word that may be a noun stays out, bound or not (no tagger here)
    "That's about a dollar bill.",
    "The shop is above a dollar store.",
    "He stood under a euro sign.",
])
def test_article_after_a_bound_before_a_noun(text, tables):
    assert find_money(text, tables) == []


@pytest.mark.parametrize("text,span", [
    ("The deal is worth nearly $3 billion.", "$3 billion"),
    ("Exports were almost 2 million euros.", "2 million euros"),
    ("The bill came to roughly $400.", "$400"),
    ("Some $5 billion was pledged.", "$5 billion"),
    ("It cost about 30 pounds.", "30 pounds"),
    ("Aid of around 1.2 billion yuan arrived.", "1.2 billion yuan"),
])
def test_approximate_without_bound(text, span, tables):
    (m,) = find_money(text, tables)
    assert (m.text, m.approximate, m.range_bound, m.range_id) == (span, True, None, None)


def test_minor_units_divide_known_currencies():
    """Every minor unit divides a currency of currencies.tsv (itself checked against ISO 4217)."""
    from pipeline.core.paths import stage_data_dir
    from pipeline.core.stage import read_tsv

    folder = stage_data_dir("money", None)
    codes = {row["code"] for row in read_tsv(folder / "currencies.tsv")}
    for row in read_tsv(folder / "minor_units.tsv"):
        assert row["code"] in codes, row
