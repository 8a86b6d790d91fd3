"""Money as written in news outside the corpus's style (issue 13, tests/data/money_expressions_extra.tsv):
ceilings and floors said with verbs and nouns ("must not exceed", "capped at", "topped", "a minimum
of"), generic abbreviations and words resolved by the country of the sentence ("Rs" in Pakistan,
"pesos" in Chile, "crowns" in Norway), the rand's "R" with a scale word, minor units without a
default currency ("centavos") and sentences that hold no amount. Five phrasings each, none of them
from the suites."""

import pytest

from pipeline.stages.money import find_money, format_amount, load_tables


@pytest.fixture(scope="module")
def tables():
    return load_tables()


def _rows(text, tables):
    return [(m.text, format_amount(m.amount), m.currency, m.range_bound)
            for m in find_money(text, tables)]


@pytest.mark.parametrize("text,span,bound", [
    ("The subsidy shall not exceed €40,000 per farm.", "€40,000", "max"),
    ("Fees are capped at 3 million tenge.", "3 million tenge", "max"),
    ("Rents are limited to £900 a month.", "£900", "max"),
    ("Each bidder must post a minimum of $250,000.", "$250,000", "min"),
    ("Orders topped 4 billion yuan in May.", "4 billion yuan", "min"),
    ("Claims exceeding 500,000 rubles go to court.", "500,000 rubles", "min"),
    ("Lunch menus start at 45 dirhams.", "45 dirhams", "min"),
    ("Its market value surpassed $1 trillion.", "$1 trillion", "min"),
    ("The state offers loans of a maximum of Rs 20 lakh.", "Rs 20 lakh", "max"),
])
def test_ceiling_and_floor_words(text, span, bound, tables):
    (m,) = find_money(text, tables)
    assert (m.text, m.range_bound, m.range_id) == (span, bound, None)


@pytest.mark.parametrize("text,code", [
    ("Islamabad approved Rs 300 billion for dams.", "PKR"),
    ("Sri Lankan exporters earned Rs. 40 billion.", "LKR"),
    ("Kathmandu set aside Rs 12 billion for roads.", "NPR"),
    ("India's state bank lent Rs 900 crore.", "INR"),
    ("The firm raised Rs 2 billion.", "INR"),              # no country: the family's default
    ("A Colombian court fined the bank 40 billion pesos.", "COP"),
    ("Mexico's budget adds 90 billion pesos for oil.", "MXN"),
    ("The club paid 300,000 pesos.", None),                 # pesos without a country: no currency
    ("Danish farmers lost 2 billion crowns.", "DKK"),
    ("Prague will borrow 60 billion crowns.", "CZK"),
    ("Damascus set aside 150 billion pounds for salaries.", "SYP"),
    ("Oman's port authority spent RO 12 million.", "OMR"),
])
def test_generic_by_country(text, code, tables):
    (m,) = find_money(text, tables)
    assert m.currency == code


@pytest.mark.parametrize("text,rows", [
    ("Pretoria set aside R12 billion for schools.", [("R12 billion", "12000000000", "ZAR", None)]),
    ("Eskom needs R 230bn in new debt relief.", [("R 230bn", "230000000000", "ZAR", None)]),
    ("The R2 road was closed.", []),
    ("He scored in R16 of the tournament.", []),
    ("Traders in Nairobi paid Sh450 million in fees.", [("Sh450 million", "450000000", "KES", None)]),
    ("Sugar rose by 30 centavos in Manila.", [("30 centavos", "0.3", "PHP", None)]),
    ("Buses cost 90 centavos more.", [("90 centavos", "0.9", None, None)]),
    ("Tea rose 50 piastres in Cairo.", [("50 piastres", "0.5", "EGP", None)]),
    ("The trophy has three crowns on it.", []),
])
def test_abbreviations_and_minor_units(text, rows, tables):
    assert _rows(text, tables) == rows


@pytest.mark.parametrize("text", [
    "Italy won Euro 2020 on penalties.",
    "The Euro 6 engine cut emissions by 10 percent.",
    "The ministry's Form 26AS lists 12 entries.",
    "Kazakhstan joined the G20 talks in 2023.",
    "Dial 112 from any phone.",
    "The A350-900 seats 300 passengers.",
])
def test_no_amount(text, tables):
    assert find_money(text, tables) == []


@pytest.mark.parametrize("text,rows", [
    ("Euro 96 was held in England.", []),                                   # a tournament
    ("Fans still talk about Euro 88 in Munich.", []),
    ("Trucks must meet the Euro 6 standard by then.", []),
    ("Rupees 500 only was paid.", [("Rupees 500", "500", "INR", None)]),    # three digits: an amount
    ("He paid euro 50 in cash.", [("euro 50", "50", "EUR", None)]),         # lower case: an amount
    ("Fares stay lower than €3.", [("€3", "3", "EUR", "max")]),
    ("Bids came in higher than $2 million.", [("$2 million", "2000000", "USD", "min")]),
    ("Any sum greater than 10,000 rubles is declared.", [("10,000 rubles", "10000", "RUB", "min")]),
    ("Tea costs a penny more.", [("a penny", "0.01", "GBP", None)]),
    ("Not a cent was wasted.", [("a cent", "0.01", "USD", None)]),
    ("It costs a c.", []),                                                   # a letter is no minor unit alone
    ("The repair came to 3 hundred dollars.", [("3 hundred dollars", "300", "USD", None)]),
    ("They paid 5 hundred thousand euros.", [("5 hundred thousand euros", "500000", "EUR", None)]),
])
def test_editions_comparatives_coins_and_hundreds(text, rows, tables):
    assert _rows(text, tables) == rows
