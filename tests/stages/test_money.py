"""The money stage: scanner (pure functions, no spaCy) and parse-based context (pipeline)."""

from decimal import Decimal
from pathlib import Path

import pytest

from pipeline.stages.money import find_money, format_amount, load_tables, parse_amount, parse_number

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def tables():
    return load_tables()


def rows(text, tables):
    return [m.as_record() for m in find_money(text, tables)]


def amounts(text, tables):
    return [(r["text"], r["amount"], r["currency"]) for r in rows(text, tables)]


# ------------------------------------------------------------------ numbers

@pytest.mark.parametrize("text, expected", [
    ("1,234.5", "1234.5"),
    ("1 234.5", "1234.5"),
    ("1\u202f234\u00a0567", "1234567"),
    ("345,0", "345"),
    ("2,5", "2.5"),
    ("1.234.567", "1234567"),
    ("1.234,5", "1234.5"),
    ("two hundred fifty", "250"),
    ("twenty-five", "25"),
    ("half a", "0.5"),
    ("one and a half", "1.5"),
    ("three quarters", "0.75"),
    ("a", "1"),
])
def test_parse_number(text, expected, tables):
    assert format_amount(parse_number(text, tables)) == expected


@pytest.mark.parametrize("number, scales, expected", [
    ("21", " billion", "21000000000"),
    ("30.77", " trillion", "30770000000000"),
    ("2.7", "trl", "2700000000000"),
    ("5", " lakh crore", "5000000000000"),
    ("3", "bn", "3000000000"),
    ("2.5", "", "2.5"),
    ("0.1", " million", "100000"),
])
def test_parse_amount_is_exact(number, scales, expected, tables):
    value = parse_amount(number, scales, tables)
    assert isinstance(value, Decimal)
    assert format_amount(value) == expected


# ------------------------------------------------------------------ markers and values

@pytest.mark.parametrize("text, expected", [
    ("They agreed on 40 projects worth $21 billion.", [("$21 billion", "21000000000", "USD")]),
    ("Turnover hit US$28.7 billion.", [("US$28.7 billion", "28700000000", "USD")]),
    ("The bank lent €972 million.", [("€972 million", "972000000", "EUR")]),
    ("A £3.5bn plan.", [("£3.5bn", "3500000000", "GBP")]),
    ("The fund holds ¥800 billion.", [("¥800 billion", "800000000000", "JPY")]),
    ("A budget of ₸500 billion.", [("₸500 billion", "500000000000", "KZT")]),
    ("It costs ₽12 million.", [("₽12 million", "12000000", "RUB")]),
    ("India set aside ₹40,000 crore.", [("₹40,000 crore", "400000000000", "INR")]),
    ("They raised A$2 billion.", [("A$2 billion", "2000000000", "AUD")]),
    ("They raised C$300 million.", [("C$300 million", "300000000", "CAD")]),
    ("They raised HK$1.2 billion.", [("HK$1.2 billion", "1200000000", "HKD")]),
    ("They raised S$90 million.", [("S$90 million", "90000000", "SGD")]),
    ("Bonds for USD15 billion were sold.", [("USD15 billion", "15000000000", "USD")]),
    ("The state spent KZT2.7trl on roads.", [("KZT2.7trl", "2700000000000", "KZT")]),
    ("Capital reached USD 345,0 million.", [("USD 345,0 million", "345000000", "USD")]),
    ("Loans of EUR 2,5 billion.", [("EUR 2,5 billion", "2500000000", "EUR")]),
    ("Exports of 15 billion USD.", [("15 billion USD", "15000000000", "USD")]),
    ("Sales of 3 billion dollars.", [("3 billion dollars", "3000000000", "USD")]),
    ("Aid of 7 million US dollars.", [("7 million US dollars", "7000000", "USD")]),
    ("A grant of 40 million euros.", [("40 million euros", "40000000", "EUR")]),
    ("A grant of 40 million euro.", [("40 million euro", "40000000", "EUR")]),
    ("Projects for 900 billion tenge.", [("900 billion tenge", "900000000000", "KZT")]),
    ("Swaps of 35 billion yuan.", [("35 billion yuan", "35000000000", "CNY")]),
    ("Reserves of 2 trillion renminbi.", [("2 trillion renminbi", "2000000000000", "CNY")]),
    ("A debt of 600 billion roubles.", [("600 billion roubles", "600000000000", "RUB")]),
    ("A debt of 600 billion rubles.", [("600 billion rubles", "600000000000", "RUB")]),
    ("Farmers got 5,000 crore rupees.", [("5,000 crore rupees", "50000000000", "INR")]),
    ("A Rs 500 crore plant.", [("Rs 500 crore", "5000000000", "INR")]),
    ("Deals of 12 billion riyals.", [("12 billion riyals", "12000000000", "SAR")]),
    ("Deals of 12 billion Saudi riyals.", [("12 billion Saudi riyals", "12000000000", "SAR")]),
    ("Deals of 9 billion dirhams.", [("9 billion dirhams", "9000000000", "AED")]),
    ("A Dh5bn tower.", [("Dh5bn", "5000000000", "AED")]),
    ("Fees of AED 40 million.", [("AED 40 million", "40000000", "AED")]),
    ("A Ksh 2 billion road.", [("Ksh 2 billion", "2000000000", "KES")]),
    ("Bonds of 30 billion shillings.", [("30 billion shillings", "30000000000", "KES")]),
    ("Trade of 300 billion sum.", [("300 billion sum", "300000000000", "UZS")]),
    ("Trade of 300 billion soums.", [("300 billion soums", "300000000000", "UZS")]),
    ("A fine of 20 million pounds sterling.", [("20 million pounds sterling", "20000000", "GBP")]),
    ("Spent 4 trillion yen.", [("4 trillion yen", "4000000000000", "JPY")]),
    ("Profit was $1,234.5.", [("$1,234.5", "1234.5", "USD")]),
    ("It costs $ 75 million.", [("$ 75 million", "75000000", "USD")]),
    ("Sold for 1\u00a0234 500 euros.", [("1\u00a0234 500 euros", "1234500", "EUR")]),
    ("Total: 30 MUSD.", [("30 MUSD", "30000000", "USD")]),
    ("Paid NZD$15.", [("NZD$15", "15", "NZD")]),
    ("Priced at 115USD.", [("115USD", "115", "USD")]),
])
def test_markers_and_values(text, expected, tables):
    assert amounts(text, tables) == expected


@pytest.mark.parametrize("text, expected", [
    ("They pledged two billion dollars.", ("two billion dollars", "2000000000", "USD")),
    ("It cost half a billion euros.", ("half a billion euros", "500000000", "EUR")),
    ("It cost a billion dollars.", ("a billion dollars", "1000000000", "USD")),
    ("A one and a half trillion tenge plan.", ("one and a half trillion tenge", "1500000000000", "KZT")),
    ("It cost 3 dollars and 50 cents.", ("3 dollars and 50 cents", "3.5", "USD")),
])
def test_number_words_and_compounds(text, expected, tables):
    assert amounts(text, tables) == [expected]


# ------------------------------------------------------------------ not money

@pytest.mark.parametrize("text", [
    "Output rose to 80 billion.",
    "Debt is 1.14 trillion.",
    "They ship 11 billion cubic meters of gas.",
    "Growth was 5.5% and 12 percent.",
    "In 2015 and 2023 prices rose.",
    "Agricultural Bank of China [SHA:601288] said so.",
    "Press $ to continue; the $ sign and $x are symbols.",
    "He weighs 100 pounds.",
    "Figures in 2015 dollars were revised.",
    "South Korea won 3 medals.",
    "It is the 2nd time and 15x more.",
    "He paid the sum of money back.",
])
def test_not_money(text, tables):
    assert rows(text, tables) == []


# ------------------------------------------------------------------ approximation

@pytest.mark.parametrize("text, approximate", [
    ("It cost about $5 billion.", True),
    ("It cost around €2 million.", True),
    ("It cost nearly $5 billion.", True),
    ("It cost almost $5 billion.", True),
    ("It cost over $5 billion.", True),
    ("It cost more than $5 billion.", True),
    ("It costs up to $5 billion.", True),
    ("It cost some $5 billion.", True),
    ("It cost roughly $5 billion.", True),
    ("It cost approximately $5 billion.", True),
    ("It costs at least $5 billion.", True),
    ("Sales in excess of $5 billion.", True),
    ("It cost $5 billion or more.", True),
    ("It cost $5 billion.", False),
    ("The takeover $5 billion bid.", False),
])
def test_approximate(text, approximate, tables):
    (row,) = rows(text, tables)
    assert row["approximate"] is approximate


# ------------------------------------------------------------------ ranges and conversions

@pytest.mark.parametrize("text, span, low, high", [
    ("Aid of $660 million to $1 billion a year.", "$660 million to $1 billion", "660000000", "1000000000"),
    ("A $2-3 billion project.", "$2-3 billion", "2000000000", "3000000000"),
    ("It costs between $2 and $3 billion.", "$2 and $3 billion", "2000000000", "3000000000"),
    ("It costs $2bn-$3bn.", "$2bn-$3bn", "2000000000", "3000000000"),
    ("Between 2 and 3 billion euros.", "2 and 3 billion euros", "2000000000", "3000000000"),
    ("Exports of 8-10 billion yuan.", "8-10 billion yuan", "8000000000", "10000000000"),
    ("Prices ranging from $5 to $10 a share.", "$5 to $10", "5", "10"),
    # "from X to Y" is a range (the issue), also after a verb of change
    ("Aid went from $660 million to $1 billion.", "$660 million to $1 billion", "660000000", "1000000000"),
    ("They will increase aid from $660 million to $1 billion per year.", "$660 million to $1 billion",
     "660000000", "1000000000"),
    ("Fares rose from 50 to 60 cents.", "50 to 60 cents", "0.5", "0.6"),
    ("A €1.5–2 billion plan.", "€1.5–2 billion", "1500000000", "2000000000"),
])
def test_ranges(text, span, low, high, tables):
    found = rows(text, tables)
    # one row per bound, both spanning the whole range expression
    assert [(r["text"], r["amount"], r["range_bound"]) for r in found] == [(span, low, "min"), (span, high, "max")]
    assert found[0]["range_id"] == found[1]["range_id"] == 0
    assert found[0]["currency"] == found[1]["currency"] is not None
    assert text[found[0]["start"]:found[0]["end"]] == span


@pytest.mark.parametrize("text, expected", [
    ("It paid $5 billion to 10 companies.", ["$5 billion"]),
    ("It went from $5 billion to 10 companies.", ["$5 billion"]),
    ("Prices fell to $3 billion to the dismay of all.", ["$3 billion"]),
    ("Trade went from $2 billion in 2020 to $5 billion.", ["$2 billion", "$5 billion"]),
    ("It paid $2 and $3 billion.", ["$2", "$3 billion"]),
])
def test_not_ranges(text, expected, tables):
    found = rows(text, tables)
    assert [r["text"] for r in found] == expected
    assert all(r["range_id"] is None for r in found)


def test_from_range_may_run_downwards(tables):
    found = rows("They cut the budget from $1 billion to $660 million.", tables)
    assert [(r["text"], r["amount"], r["range_bound"]) for r in found] == [
        ("$1 billion to $660 million", "1000000000", "max"),
        ("$1 billion to $660 million", "660000000", "min")]
    assert found[0]["range_id"] == found[1]["range_id"] == 0


def test_descending_without_from_is_not_a_range(tables):
    assert all(r["range_id"] is None for r in rows("It paid $5 to $3 each.", tables))


@pytest.mark.parametrize("text, expected", [
    ("Deals worth 2.7 trillion tenge (US$5.7 billion) were signed.",
     [("2.7 trillion tenge", "KZT", None), ("US$5.7 billion", "USD", 0)]),
    ("A €1 billion ($1.1 billion) loan.", [("€1 billion", "EUR", None), ("$1.1 billion", "USD", 0)]),
    ("A swap of 35 billion yuan (about 4.8 billion U.S. dollars).",
     [("35 billion yuan", "CNY", None), ("4.8 billion U.S. dollars", "USD", 0)]),
    ("It had $5 billion ($3 billion in cash).", [("$5 billion", "USD", None), ("$3 billion", "USD", None)]),
])
def test_conversions(text, expected, tables):
    assert [(r["text"], r["currency"], r["equivalent_of"]) for r in rows(text, tables)] == expected


# ------------------------------------------------------------------ dollar policy and vague amounts

@pytest.mark.parametrize("text, currency", [
    ("The deal is worth $5 billion.", "USD"),
    ("Canberra pledged A$2 billion, and the $5 billion plan follows.", "AUD"),
    ("The plan, in Australian dollars, is worth $5 billion.", "AUD"),
    ("US$1 billion came from Washington and A$2 billion from Canberra; $5 billion in all.", "USD"),
    ("The yuan rose; a ¥50 billion loan was agreed.", "CNY"),
    ("A ¥50 billion loan was agreed.", "JPY"),
])
def test_generic_marker_policy(text, currency, tables):
    last = rows(text, tables)[-1]
    assert last["amount"] == "5000000000" or last["amount"] == "50000000000"
    assert last["currency"] == currency


@pytest.mark.parametrize("text, expected", [
    ("It would cost hundreds of billions of dollars.", ("hundreds of billions of dollars", "USD")),
    ("They lost billions of euros.", ("billions of euros", "EUR")),
    ("They lost several billion dollars.", ("several billion dollars", "USD")),
    ("A multibillion-dollar deal.", ("multibillion-dollar", "USD")),
])
def test_vague_amounts_have_no_value(text, expected, tables):
    (row,) = rows(text, tables)
    assert (row["text"], row["currency"]) == expected
    assert row["amount"] is None and row["approximate"] is True


@pytest.mark.parametrize("text", [
    "Trade hit $21 billion (up 5%) and about US$3bn, or 2.5 trillion tenge.",
    "1 $10 dollars; 10 $ 30 $; rmb 10 usd 20.",
])
def test_offsets_slice_back(text, tables):
    found = rows(text, tables)
    assert found
    for r in found:
        assert text[r["start"]:r["end"]] == r["text"]
    assert [r["start"] for r in found] == sorted(r["start"] for r in found)
    assert all(a["end"] <= b["start"] or a["range_id"] == b["range_id"] is not None
               for a, b in zip(found, found[1:]))


# ------------------------------------------------------------------ context (full pipeline)

@pytest.mark.parametrize("text, money_text, context, count, item", [
    ("The sides are implementing 52 joint projects worth $21 billion.", "$21 billion",
     "52 joint projects", 52, "joint projects"),
    ("Last year, trade reached US$28.7 billion.", "US$28.7 billion", "trade", None, None),
    ("They set up an investment fund of $1 billion.", "$1 billion", "investment fund", None, None),
    ("The company won a $48.2 million army contract.", "$48.2 million", "army contract", None, None),
    ("The deal, worth $10 billion, was signed on Monday.", "$10 billion", "The deal", None, None),
    ("The EU will support Africa with €150 billion worth of investments.", "€150 billion",
     "investments", None, None),
    ("In all, 12 accords were signed, with a total value of $3 billion.", "$3 billion",
     "12 accords", 12, "accords"),
    ("Construction of the new bridge will cost about $2 billion.", "$2 billion",
     "Construction of the new bridge", None, None),
])
def test_context(nlp, text, money_text, context, count, item):
    doc = nlp(text)
    (row,) = [r for r in doc._.money if r["text"] == money_text]
    assert (row["context"], row["count"], row["item"]) == (context, count, item)
    assert [s.text for s in doc.spans["money"]] == [money_text]


def test_range_and_conversion_share_context(nlp):
    doc = nlp("Bilateral trade is expected to reach 8-10 billion yuan (US$1.1-1.4 billion) by 2025.")
    found = doc._.money
    assert [r["range_bound"] for r in found] == ["min", "max", "min", "max"]
    assert [r["text"] for r in found] == ["8-10 billion yuan"] * 2 + ["US$1.1-1.4 billion"] * 2
    assert {r["context"] for r in found} == {"Bilateral trade"}
    assert [r["equivalent_of"] for r in found] == [None, None, 0, 1]


def test_seed_article_has_one_amount(nlp):
    text = (ROOT / "corpus" / "articles" / "00_seed_tokayev_xi_beijing.txt").read_text(encoding="utf-8")
    doc = nlp(text)
    (row,) = doc._.money
    assert (row["text"], row["amount"], row["currency"], row["count"]) == ("$21 billion", "21000000000", "USD", 52)
    assert "52 joint projects" in row["context"]
    assert text[row["start"]:row["end"]] == row["text"]


@pytest.mark.parametrize("text, expected", [
    ("The session opened at 10:30 EUR 5bn was raised.", [("EUR 5bn", "5000000000", "EUR")]),
    ("Price: 17 USD 25.", [("17 USD 25", "17.25", "USD")]),
    ("Notes of 1 $10 dollars each.", [("$10 dollars", "10", "USD")]),
    ("It was 10 rmb 20 usd.", [("10 rmb", "10", "CNY"), ("20 usd", "20", "USD")]),
    ("A marks 5 million DM deal.", [("5 million DM", "5000000", "DEM")]),
    ("It cost 50 cents.", [("50 cents", "0.5", "USD")]),
    ("Some 2 million pesos.", [("2 million pesos", "2000000", None)]),
    ("The Mexican pesos fell; 2 million pesos were lost.", [("2 million pesos", "2000000", "MXN")]),
])
def test_marker_attachment(text, expected, tables):
    assert amounts(text, tables) == expected


# ------------------------------------------------------------------ currency name before the number

@pytest.mark.parametrize("text, expected", [
    ("The price starts at dollar 22.5 million.", [("dollar 22.5 million", "22500000", "USD")]),
    ("Brussels offered euro 5 billion.", [("euro 5 billion", "5000000000", "EUR")]),
    ("They paid dollars 3 million in fees.", [("dollars 3 million", "3000000", "USD")]),
    ("A plan of rupees 500 crore for roads.", [("rupees 500 crore", "5000000000", "INR")]),
    ("Pay Rupees 500 only.", [("Rupees 500", "500", "INR")]),
    ("Yuan 30 billion in loans.", [("Yuan 30 billion", "30000000000", "CNY")]),
    # not money: a measure after the number, a year, a weight word without scale
    ("Against the dollar 22 percent of trades fell.", []),
    ("The dollar 5 times a day.", []),
    ("The euro 2024 final was played in Berlin.", []),
    ("In dollar 2015 terms.", []),
    ("He lost pounds 20 in a month.", []),
    ("The firm won 3 billion in contracts.", []),
    ("It marks 3 billion in sales.", []),
    ("A lump sum 500 million was paid.", []),
    # an exchange rate: the currency after the number wins
    ("Dollar 143.80 yen.", [("143.80 yen", "143.8", "JPY")]),
])
def test_currency_name_before_number(text, expected, tables):
    assert amounts(text, tables) == expected


# ------------------------------------------------------------------ minor units

@pytest.mark.parametrize("text, expected", [
    ("It was five dollars and fifty cents.", [("five dollars and fifty cents", "5.5", "USD")]),
    ("A ticket is 10 euros 50 cents.", [("10 euros 50 cents", "10.5", "EUR")]),
    ("It is one pound and twenty pence.", [("one pound and twenty pence", "1.2", "GBP")]),
    ("Bread is 40 roubles 50 kopecks.", [("40 roubles 50 kopecks", "40.5", "RUB")]),
    ("It was 200 tenge and 10 tiyn.", [("200 tenge and 10 tiyn", "200.1", "KZT")]),
    ("Tea is 12 rupees and 50 paise.", [("12 rupees and 50 paise", "12.5", "INR")]),
    # an unresolved dinar still takes the minor units of the dinars (all fils are 0.001)
    ("Fees of 3 dinars 250 fils.", [("3 dinars 250 fils", "3.25", None)]),
    ("Fees of 3 Kuwaiti dinars 250 fils.", [("3 Kuwaiti dinars 250 fils", "3.25", "KWD")]),
    # mao is a tenth of the yuan; the bare number after it is in fen
    ("A bun is one kuai and five mao five.", [("one kuai and five mao five", "1.55", "CNY")]),
    ("It is 3 yuan 5 mao.", [("3 yuan 5 mao", "3.5", "CNY")]),
    # a bare minor number: below 100, no noun or unit after it
    ("It costs one dollar and one and more.", [("one dollar and one", "1.01", "USD")]),
    ("You pay C$100 and fifty.", [("C$100 and fifty", "100.5", "CAD")]),
    ("It costs 15 dollars and 15.", [("15 dollars and 15", "15.15", "USD")]),
    ("Pay 15 USD 50 more.", [("15 USD 50", "15.5", "USD")]),
    ("It costs one dollar and two points.", [("one dollar", "1", "USD")]),
    ("He paid $100 and 50 people came.", [("$100", "100", "USD")]),
    ("It is $4.25 and 32 is the count.", [("$4.25", "4.25", "USD")]),
    ("He paid $100 and 150.", [("$100", "100", "USD")]),
    ("It is 5 dollars 20 euros.", [("5 dollars", "5", "USD"), ("20 euros", "20", "EUR")]),
    ("It is 3 yuan 50.", [("3 yuan", "3", "CNY")]),  # the next unit is the mao: 50 mao is no part
    ("It costs between $2 and 3.", [("$2 and 3", "2", "USD"), ("$2 and 3", "3", "USD")]),
    ("A cut of $5 billion and 50 more.", [("$5 billion", "5000000000", "USD")]),
])
def test_minor_units_after_a_major_amount(text, expected, tables):
    assert amounts(text, tables) == expected


@pytest.mark.parametrize("text, expected", [
    ("Shares fell 34 cents.", [("34 cents", "0.34", "USD")]),
    ("It rose 1.20 cents.", [("1.20 cents", "0.012", "USD")]),
    ("A 12-cent dividend.", [("12-cent", "0.12", "USD")]),
    ("A bid of 470 pence a share.", [("470 pence", "4.7", "GBP")]),
    ("It closed one penny lower.", [("one penny", "0.01", "GBP")]),
    ("Bread costs 50 kopecks.", [("50 kopecks", "0.5", "RUB")]),
    # the article's currency of the unit decides: euro cents, Australian cents
    ("The fare is €2; a coffee is 80 cents.", [("€2", "2", "EUR"), ("80 cents", "0.8", "EUR")]),
    ("Canberra pledged A$2 billion; stamps cost 90 cents.",
     [("A$2 billion", "2000000000", "AUD"), ("90 cents", "0.9", "AUD")]),
    # names that are also words or people are minor units only after a major amount
    ("Mao said 5 mao is cheap; 50 fen.", []),
    ("Growth was 5 per cent.", []),
])
def test_lone_minor_units(text, expected, tables):
    assert amounts(text, tables) == expected


def test_lone_minor_unit_does_not_name_the_dollar(tables):
    # "cents" (USD by default) must not count as the article naming USD: "$" stays AUD
    found = amounts("A$2 billion came first; then $5 billion, 50 cents a share.", tables)
    assert [c for _t, _a, c in found] == ["AUD", "AUD", "AUD"]


@pytest.mark.parametrize("text, expected", [
    ("A loan of 12,34,567.89 rupees.", [("12,34,567.89 rupees", "1234567.89", "INR")]),
    ("A loan of Rs 1,23,456.", [("Rs 1,23,456", "123456", "INR")]),
])
def test_indian_digit_grouping(text, expected, tables):
    assert amounts(text, tables) == expected
