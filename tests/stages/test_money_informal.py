"""The money scanner on issue 13's informal amounts, minor units read by a price word,
currencies decided by the country in context, and the spellings of the blind suite
(tests/data/money_expressions_blind.tsv): five phrasings each that the corpus does not hold."""

import pytest

from pipeline.stages.money import find_money, load_tables


@pytest.fixture(scope="module")
def tables():
    return load_tables()


def amounts(text, tables):
    return [(m.text, m.as_record()["amount"], m.currency) for m in find_money(text, tables)]


@pytest.mark.parametrize("text, expected", [
    ("It was a dollar.", [("a dollar", "1", "USD")]),
    ("Each ticket is a euro, the council said.", [("a euro", "1", "EUR")]),
    ("Parking costs a pound.", [("a pound", "1", "GBP")]),
    ("Nothing sells for less than a dollar and nobody complains.", [("a dollar", "1", "USD")]),
    ("The coffee was priced at a euro or two.", [("a euro", "1", "EUR")]),
    # an article before a currency word that is no amount
    ("The firm issued a dollar bond.", []),
    ("Greece stays in a euro zone of 20 states.", []),
    ("He took a dollar-denominated loan.", []),
    ("She lost a pound of weight.", []),
])
def test_a_currency_word_is_one(text, expected, tables):
    assert amounts(text, tables) == expected


@pytest.mark.parametrize("text, expected", [
    ("They spent a couple of thousand euros.", [("a couple of thousand euros", "2000", "EUR")]),
    ("It raised a couple of hundred dollars.", [("a couple of hundred dollars", "200", "USD")]),
    ("Tokyo pledged a couple of trillion yen.", [("a couple of trillion yen", "2000000000000", "JPY")]),
    ("The bid was a quarter of a billion euros.", [("a quarter of a billion euros", "250000000", "EUR")]),
    ("It paid three-quarters of a million dollars.", [("three-quarters of a million dollars", "750000", "USD")]),
    ("Tips were a couple of bucks.", [("a couple of bucks", "2", "USD")]),
    ("A couple of people came.", []),
])
def test_couple_and_fractions_of(text, expected, tables):
    assert amounts(text, tables) == expected


@pytest.mark.parametrize("text, expected", [
    ("The rent was ten quid.", [("ten quid", "10", "GBP")]),
    ("He paid 20 grand for it.", [("20 grand", "20000", "USD")]),
    ("The bike cost two grand.", [("two grand", "2000", "USD")]),
    ("A$ tickets cost 3 grand in Perth; A$5 more.", [("3 grand", "3000", "AUD"), ("A$5", "5", "AUD")]),
    ("It costs 40 quid a night.", [("40 quid", "40", "GBP")]),
    ("The grand prize went to 3 grand masters.", []),
])
def test_informal_currency_words(text, expected, tables):
    assert amounts(text, tables) == expected


@pytest.mark.parametrize("text, expected", [
    ("A chocolate costs 20p.", [("20p", "0.2", "GBP")]),
    ("He paid 30 sen for a sweet.", [("30 sen", "0.3", "MYR")]),
    ("A sticker is priced at 5 c.", [("5 c", "0.05", "USD")]),
    ("He bet ten pounds on the horse.", [("ten pounds", "10", "GBP")]),
    ("They charged five pounds each.", [("five pounds", "5", "GBP")]),
    # without a price word: weight, a letter, a name
    ("The baby weighs ten pounds.", []),
    ("He lost 20 pounds in a month.", []),
    ("Water boils at 100 c.", []),
    ("Amartya Sen won 5 sen prizes.", []),
])
def test_price_word_makes_an_ambiguous_unit_money(text, expected, tables):
    assert amounts(text, tables) == expected


@pytest.mark.parametrize("text, expected", [
    ("The change was $7 and 15c.", [("$7 and 15c", "7.15", "USD")]),
    ("The toll is £2 and 50p.", [("£2 and 50p", "2.5", "GBP")]),
    ("The fee is 4 CHF 50 cents.", [("4 CHF 50 cents", "4.5", "CHF")]),
    ("It costs ten ringgit 5 sens.", [("ten ringgit 5 sens", "10.05", "MYR")]),
    ("A stamp is 20 euro cents.", [("20 euro cents", "0.2", "EUR")]),
    ("The fare is 60 US cents.", [("60 US cents", "0.6", "USD")]),
])
def test_main_unit_with_its_minor_unit(text, expected, tables):
    assert amounts(text, tables) == expected


@pytest.mark.parametrize("text, expected", [
    ("Bahrain will spend 300 million dinars on housing.", [("300 million dinars", "300000000", "BHD")]),
    ("The Libyan cabinet approved 2 billion dinars.", [("2 billion dinars", "2000000000", "LYD")]),
    ("In Denmark a coffee costs kr 40.", [("kr 40", "40", "DKK")]),
    ("Uganda raised Sh 2 billion.", [("Sh 2 billion", "2000000000", "UGX")]),
    ("Egypt will borrow 10 billion pounds.", [("10 billion pounds", "10000000000", "EGP")]),
    ("Oman's budget has 500 million rials.", [("500 million rials", "500000000", "OMR")]),
    # the sentence's country first; the article's only one next; none: no currency
    ("Kuwait paid 1 million dinars. Jordan paid 2 million dinars.",
     [("1 million dinars", "1000000", "KWD"), ("2 million dinars", "2000000", "JOD")]),
    ("Iraq's budget is huge. Salaries take 3 trillion dinars.", [("3 trillion dinars", "3000000000000", "IQD")]),
    ("He lost 300 dinars at cards.", [("300 dinars", "300", None)]),
    ("Tunisia and Algeria met. Trade was 5 billion dinars.", [("5 billion dinars", "5000000000", None)]),
    ("In Kuwait a stamp costs 250 fils.", [("250 fils", "0.25", "KWD")]),
    # the dollar keeps its policy: countries do not decide "$"
    ("Australia pledged $5 billion.", [("$5 billion", "5000000000", "USD")]),
])
def test_country_in_context_decides_a_generic_currency(text, expected, tables):
    assert amounts(text, tables) == expected


@pytest.mark.parametrize("text, expected", [
    ("The watch is CHF 12'500.", [("CHF 12'500", "12500", "CHF")]),
    ("The fee is Rs.250 a page.", [("Rs.250", "250", "INR")]),
    ("A ride costs Ksh.100.", [("Ksh.100", "100", "KES")]),
    ("They spent a few hundred euros.", [("a few hundred euros", None, "EUR")]),
    ("It cost several hundred dollars.", [("several hundred dollars", None, "USD")]),
])
def test_spellings(text, expected, tables):
    assert amounts(text, tables) == expected
