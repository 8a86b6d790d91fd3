"""The money stage: scanner (pure functions, no spaCy) and parse-based context (pipeline)."""

from decimal import Decimal
from pathlib import Path

import pytest

from pipeline.money import find_money, format_amount, load_tables, parse_amount, parse_number

ROOT = Path(__file__).resolve().parent.parent


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
    # a change of value is two amounts (corpus gold guidelines), not a range
    ("They will increase aid from $660 million to $1 billion per year.", ["$660 million", "$1 billion"]),
    ("It paid $5 billion to 10 companies.", ["$5 billion"]),
    ("It paid $2 and $3 billion.", ["$2", "$3 billion"]),
])
def test_not_ranges(text, expected, tables):
    found = rows(text, tables)
    assert [r["text"] for r in found] == expected
    assert all(r["range_id"] is None for r in found)


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
    ("It cost 50 cents.", []),
    ("Some 2 million pesos.", [("2 million pesos", "2000000", None)]),
    ("The Mexican pesos fell; 2 million pesos were lost.", [("2 million pesos", "2000000", "MXN")]),
])
def test_marker_attachment(text, expected, tables):
    assert amounts(text, tables) == expected
