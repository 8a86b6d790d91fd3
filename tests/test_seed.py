"""The issues' acceptance checks on the seed article (corpus/articles/00_seed_...).

These are the records the project was started from; each assertion is one line of an
issue's "Done when" list. Unit tests elsewhere use texts of their own.
"""

import pytest

SEED = "00_seed_tokayev_xi_beijing"


@pytest.fixture(scope="module")
def seed(corpus_run):
    from conftest import CORPUS

    tables = {name: frame[frame.article_id == SEED].reset_index(drop=True)
              for name, frame in corpus_run["tables"].items()}
    tables["text"] = (CORPUS / f"{SEED}.txt").read_text(encoding="utf-8")
    return tables


def test_sentences(seed):
    sents = list(seed["sentences"].text)
    bullets = [s for s in sents if s.startswith("•")]
    assert len(bullets) == 5 and all(s.count("•") == 1 for s in bullets)
    assert sents[0] == "“China fully supports territorial integrity of Kazakhstan.” Tokayev and Xi Jinping meet in Beijing"
    assert "The two sides have signed a set of documents / Photo:" in sents
    for q in ("What happened?", "What did the two presidents talk about?", "What is the PRC’s official position?"):
        assert q in sents
    assert not [s for s in sents if s[0] in "»”"]


def test_entities(seed):
    ents = seed["entities"]
    tok = ents[ents.canonical == "Kassym-Jomart Tokayev"]
    assert set(tok.label) == {"PERSON"} and tok.entity_id.nunique() == 1
    assert {"Tokayev", "Kassym-Jomart Tokayev"} <= set(tok.text)
    xi = ents[ents.canonical == "Xi Jinping"]
    assert set(xi.label) == {"PERSON"} and xi.entity_id.nunique() == 1 and {"Xi", "Xi Jinping"} <= set(xi.text)
    labels = dict(zip(ents.text, ents.label))
    assert labels["Tacheng"] in ("GPE", "LOC") and labels["Ayagoz"] in ("GPE", "LOC")
    assert labels["Kazakhstanis"] == "NORP"
    assert set(ents[ents.text == "PRC"].canonical) == {"China"}
    bodies = ["Agency for Strategic Planning and Reform of the Republic of Kazakhstan",
              "National Development and Reform Commission of the People’s Republic of China",
              "Ministry of Transport of the Republic of Kazakhstan",
              "Ministry of Agriculture of the Republic of Kazakhstan",
              "General Administration of Customs of the People’s Republic of China"]
    for body in bodies:
        assert labels.get(body) == "ORG", body


def test_quotes(seed):
    q = seed["quotes"]
    got = {(k, t[:40], s, c) for k, t, s, c in zip(q.kind, q.text, q.speaker.fillna(""), q.cue.fillna(""))}
    expected = {
        ("direct", "The trade between our states has been de", "Kassym-Jomart Tokayev", "say"),
        ("direct", "No matter how the international situatio", "Xi Jinping", "highlight"),
        ("indirect", "Kazakhstani-Chinese relations have been ", "Kassym-Jomart Tokayev", "point out"),
        ("indirect", "China fully supports the sovereignty and", "Xi Jinping", "according to"),
        ("indirect", "China would strongly support Kazakhstan ", "Xi Jinping", "underline"),
        ("indirect", "Kazakhstanis and other residents of Cent", "Kassym-Jomart Tokayev", "say"),
        ("indirect", "the PRC is the second biggest economy in", "Kassym-Jomart Tokayev", "emphasize"),
    }
    assert expected <= got
    headline = [r for r in q.itertuples() if r.text.startswith("China fully supports territorial integrity")]
    assert len(headline) == 1, headline
    assert headline[0].kind == "direct" and headline[0].speaker in (None, "Xi Jinping"), headline
    assert len(q) == 8


def test_documents(seed):
    docs, parties = seed["documents"], seed["document_parties"]
    assert list(docs.doc_type) == ["memorandum", "agreement", "memorandum", "agreement", "protocol",
                                   "joint_statement"]
    by_doc = parties.groupby("document_id")
    assert list(by_doc.get_group(0).party) == [
        "Agency for Strategic Planning and Reform of the Republic of Kazakhstan",
        "National Development and Reform Commission of the People’s Republic of China"]
    assert list(by_doc.get_group(4).party) == [
        "Ministry of Agriculture of the Republic of Kazakhstan",
        "General Administration of Customs of the People’s Republic of China"]
    assert set(parties.country) == {"KZ", "CN"}
    assert all(list(g.country) == ["KZ", "CN"] for _, g in by_doc)
    assert docs.subject[4].startswith("phytosanitary requirements for the export of rapeseed")
    assert docs.subject[2] == "the project of construction of the railway between Tacheng and Ayagoz"
    assert docs.signed_date[5] == "2022-09"


def test_money_and_dates(seed):
    money = seed["money"]
    assert len(money) == 1
    row = money.iloc[0]
    assert (row.text, float(row.amount), row.currency, row["count"]) == ("$21 billion", 21e9, "USD", 52)
    assert "52 joint projects" in row.context
    dates = dict(zip(seed["dates"].text, seed["dates"].value))
    assert dates["Next year"] == "2024" and dates["next year"] == "2024"
    assert dates["September 2022"] == "2022-09" and dates["May 2023"] == "2023-05"
    assert dates["Ten years ago"] == "2013"
    assert not [t for t in dates if "$" in t or "30th" in t]


def test_offsets_slice_back(seed):
    for name in ("sentences", "entities", "quotes", "documents", "money", "dates"):
        for row in seed[name].itertuples():
            assert seed["text"][row.start:row.end] == row.text, (name, row)
