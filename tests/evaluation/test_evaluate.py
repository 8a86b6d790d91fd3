"""The scorer is itself tested: tiny synthetic gold/prediction tables in tmp_path."""

from __future__ import annotations

import copy
import csv
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.core import schema
from pipeline.cli import app
from pipeline.evaluation.evaluate import GoldError, evaluate, norm, party_match, token_f1, write_report
from pipeline.evaluation.importers import import_gold

TEXT_A = ("Leaders met in Astana. “We will build roads,” said Nurlan Abenov. "
          "Abenov and Mira Castell signed a memorandum on water on 3 May 2021. "
          "The deal is worth $2.5 billion and €40 million.")

SENTENCES = [
    {"article_id": "a1", "sentence_id": 0, "start": 0, "end": 22, "text": TEXT_A[0:22]},
    {"article_id": "a1", "sentence_id": 1, "start": 23, "end": 66, "text": TEXT_A[23:66]},
    {"article_id": "a1", "sentence_id": 2, "start": 67, "end": 135, "text": TEXT_A[67:135]},
    {"article_id": "a1", "sentence_id": 3, "start": 136, "end": len(TEXT_A), "text": TEXT_A[136:]},
]


def span(text: str, needle: str) -> tuple[int, int]:
    i = text.index(needle)
    return i, i + len(needle)


def ent(aid, needle, label, canonical, eid):
    s, e = span(TEXT_A, needle)
    return {"article_id": aid, "start": s, "end": e, "text": needle, "label": label, "canonical": canonical,
            "entity_id": eid}


def gold_rows() -> dict:
    a = "a1"
    return {
        "articles": [{"article_id": "a1", "status": "ok"}, {"article_id": "a2", "status": "ok"}],
        "sentences": SENTENCES,
        "entities": [
            ent(a, "Astana", "GPE", "Astana", 0),
            ent(a, "Nurlan Abenov", "PERSON", "Nurlan Abenov", 1),
            ent(a, "Mira Castell", "PERSON", "Mira Castell", 2),
            {"article_id": "a2", "start": 0, "end": 5, "text": "Paris", "label": "GPE", "canonical": "Paris",
             "entity_id": 0},
        ],
        "quotes": [
            {"article_id": a, "start": span(TEXT_A, "We will build roads,")[0], "end": span(TEXT_A, "We will build roads,")[1],
             "kind": "direct", "text": "We will build roads,", "speaker": "Nurlan Abenov"},
            {"article_id": "a2", "kind": "indirect", "text": "talks would resume in spring", "speaker": ""},
        ],
        "documents": [
            {"article_id": a, "document_id": 0, "doc_type": "memorandum", "subject": "water",
             "signed_date": "2021-05-03", "text": "a memorandum on water"},
            {"article_id": "a2", "document_id": 0, "doc_type": "agreement", "subject": "visa-free travel",
             "signed_date": ""},
        ],
        "document_parties": [
            {"article_id": a, "document_id": 0, "party_order": 0, "party": "Nurlan Abenov", "country": "KZ"},
            {"article_id": a, "document_id": 0, "party_order": 1, "party": "Mira Castell", "country": "FR"},
            {"article_id": "a2", "document_id": 0, "party_order": 0, "party": "Kazakhstan", "country": "KZ"},
            {"article_id": "a2", "document_id": 0, "party_order": 1, "party": "France", "country": "FR"},
        ],
        "money": [
            {"article_id": a, **dict(zip(("start", "end"), span(TEXT_A, "$2.5 billion"))), "text": "$2.5 billion",
             "amount": "2500000000", "currency": "USD"},
            {"article_id": a, **dict(zip(("start", "end"), span(TEXT_A, "€40 million"))), "text": "€40 million",
             "amount": "40000000", "currency": "EUR"},
        ],
        "dates": [
            {"article_id": a, **dict(zip(("start", "end"), span(TEXT_A, "3 May 2021"))), "text": "3 May 2021",
             "value": "2021-05-03"},
            {"article_id": "a2", "start": 10, "end": 16, "text": "spring", "value": "2021-SP"},
        ],
        "signings": [
            {"article_id": a, "start": 67, "end": 135, "count": 1, "value": "", "text": TEXT_A[67:135]},
            {"article_id": "a2", "count": 3, "value": "120000000", "currency": "USD"},
        ],
    }


def write(directory: Path, rows: dict, drop_columns: dict | None = None) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    for table, table_rows in rows.items():
        cols = [c for c in schema.columns(table) if c not in (drop_columns or {}).get(table, ())]
        with open(directory / f"{table}.csv", "w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(cols)
            for r in table_rows:
                w.writerow(["" if r.get(c) is None else r.get(c) for c in cols])
    return directory


def score(tmp_path, pred_rows, gold=None) -> dict:
    g = write(tmp_path / "gold", gold or gold_rows())
    p = write(tmp_path / "pred", pred_rows)
    return evaluate(g, p).figures


def rates(figures: dict) -> dict:
    return {k: v for k, v in figures.items() if k.endswith(("precision", "recall", ".f1", "_accuracy"))}


def test_perfect_prediction_scores_one_everywhere(tmp_path):
    figs = rates(score(tmp_path, gold_rows()))
    assert figs and all(v == 1.0 for v in figs.values()), {k: v for k, v in figs.items() if v != 1.0}
    assert "signings.value.f1" in figs and "documents.type.parties_accuracy" in figs


HEADLINES = ["entities.strict", "quotes.content", "documents.full", "money.value", "dates.value", "signings.value"]


@pytest.mark.parametrize("metric", HEADLINES)
def test_dropping_a_row_lowers_recall_of_that_table_only(tmp_path, metric):
    table = metric.split(".")[0]
    pred = gold_rows()
    pred[table] = pred[table][1:]
    figs = rates(score(tmp_path, pred))
    assert figs[f"{metric}.recall"] < 1.0
    assert figs[f"{metric}.precision"] == 1.0
    others = {k: v for k, v in figs.items() if not k.startswith(table + ".")}
    assert all(v == 1.0 for v in others.values())


@pytest.mark.parametrize("metric", HEADLINES)
def test_duplicating_a_row_lowers_precision_only(tmp_path, metric):
    table = metric.split(".")[0]
    pred = gold_rows()
    dup = copy.deepcopy(pred[table][0])
    pred[table].append(dup)
    if table == "documents":  # the duplicate document needs its own parties
        dup["document_id"] = 7
        pred["document_parties"] += [dict(p, document_id=7) for p in pred["document_parties"]
                                     if p["article_id"] == dup["article_id"] and p["document_id"] == 0]
    figs = rates(score(tmp_path, pred))
    assert figs[f"{metric}.precision"] < 1.0
    assert figs[f"{metric}.recall"] == 1.0
    assert all(v == 1.0 for k, v in figs.items() if not k.startswith(table + "."))


def _set(table, index, **values):
    def corrupt(rows):
        rows[table][index].update(values)
    return corrupt


CORRUPTIONS = {
    "money amount": (_set("money", 0, amount="2600000000"), {
        "money.value.precision", "money.value.recall", "money.value.f1", "money.span.value_accuracy"}),
    "money currency": (_set("money", 1, currency="GBP"), {
        "money.value.precision", "money.value.recall", "money.value.f1", "money.span.value_accuracy"}),
    "document party": (_set("document_parties", 1, party="Oskar Lindqvist", country="SE"), {
        "documents.full.precision", "documents.full.recall", "documents.full.f1",
        "documents.type.parties_accuracy"}),
    "document subject": (_set("documents", 0, subject="railway tariffs"), {
        "documents.full.precision", "documents.full.recall", "documents.full.f1",
        "documents.type.subject_accuracy"}),
    "document signed_date": (_set("documents", 0, signed_date="2021-06"), {"documents.type.signed_date_accuracy"}),
    "quote speaker": (_set("quotes", 0, speaker="Mira Castell"), {
        "quotes.content.speaker_accuracy", "quotes.attributed.precision", "quotes.attributed.recall",
        "quotes.attributed.f1"}),
    "quote kind": (_set("quotes", 0, kind="indirect"), {"quotes.content.kind_accuracy"}),
    "date value": (_set("dates", 0, value="2021-05-04"), {
        "dates.value.precision", "dates.value.recall", "dates.value.f1", "dates.span.value_accuracy"}),
    "entity label": (_set("entities", 1, label="ORG"), {
        f"entities.{m}.{f}" for m in ("strict", "exact", "overlap") for f in ("precision", "recall", "f1")}),
    "entity canonical": (_set("entities", 2, canonical="Maria Castell"), {
        "entities.strict.precision", "entities.strict.recall", "entities.strict.f1",
        "entities.exact.canonical_accuracy", "entities.overlap.canonical_accuracy"}),
    "entity boundary": (_set("entities", 1, start=TEXT_A.index("Abenov"), text="Abenov"), {
        f"entities.{m}.{f}" for m in ("strict", "exact") for f in ("precision", "recall", "f1")}),
    "signing count": (_set("signings", 0, count=2), {
        "signings.value.precision", "signings.value.recall", "signings.value.f1"}),
}


@pytest.mark.parametrize("name", sorted(CORRUPTIONS))
def test_corrupting_a_field_lowers_exactly_the_right_figures(tmp_path, name):
    corrupt, expected = CORRUPTIONS[name]
    pred = gold_rows()
    corrupt(pred)
    figs = rates(score(tmp_path, pred))
    lowered = {k for k, v in figs.items() if v != 1.0}
    assert lowered == expected


def test_quote_content_is_token_overlap_not_exact_text(tmp_path):
    pred = gold_rows()
    pred["quotes"][0]["text"] = "we will build the roads"   # token F1 0.89 with the gold text
    pred["quotes"][1]["text"] = "talks resume"               # token F1 0.57 < 0.6: a miss and a spurious
    figs = score(tmp_path, pred)
    assert figs["quotes.content.tp"] == 1
    assert figs["quotes.content.f1"] == pytest.approx(0.5)


@pytest.mark.parametrize("pred_dir_content", ["nothing", "headers only"])
def test_empty_prediction_scores_zero_without_crashing(tmp_path, pred_dir_content):
    gold = write(tmp_path / "gold", gold_rows())
    pred = tmp_path / "pred"
    if pred_dir_content == "nothing":
        pred.mkdir()
    else:
        write(pred, {t: [] for t in schema.TABLES})
    ev = evaluate(gold, pred)
    f1s = {k: v for k, v in ev.figures.items() if k.endswith(".f1")}
    assert f1s and all(v == 0.0 for v in f1s.values())
    assert ev.missing_articles == ["a1", "a2"]
    write_report(ev, tmp_path / "r.md")
    assert "**missed**" in (tmp_path / "r.md").read_text(encoding="utf-8")


def test_gold_article_absent_from_prediction_counts_its_records_as_misses(tmp_path):
    pred = {t: [r for r in rows if r.get("article_id") != "a2"] for t, rows in gold_rows().items()}
    figs = score(tmp_path, pred)
    assert figs["entities.strict.n_gold"] == 4 and figs["entities.strict.tp"] == 3
    assert figs["entities.strict.precision"] == 1.0


def test_predictions_for_articles_not_in_gold_are_ignored(tmp_path):
    pred = gold_rows()
    pred["entities"].append({"article_id": "zz", "start": 0, "end": 3, "text": "Foo", "label": "ORG",
                             "canonical": "Foo"})
    pred["money"].append({"article_id": "zz", "start": 0, "end": 3, "amount": "5", "currency": "USD"})
    figs = rates(score(tmp_path, pred))
    assert all(v == 1.0 for v in figs.values())


def test_absent_gold_table_is_not_scored(tmp_path):
    gold = gold_rows()
    del gold["money"]
    ev = evaluate(write(tmp_path / "gold", gold), write(tmp_path / "pred", gold_rows()))
    assert ev.tables["money"] == {"scored": False, "reason": "no gold table"}
    assert "money.value.f1" not in ev.figures


def test_gold_may_omit_unscored_columns_but_not_scored_ones(tmp_path):
    lenient = write(tmp_path / "gold", gold_rows(),
                    drop_columns={"entities": ("mention_id", "sentence_id", "country", "text"),
                                  "quotes": ("quote_id", "sentence_id", "start", "end", "cue")})
    figs = rates(evaluate(lenient, write(tmp_path / "pred", gold_rows())).figures)
    assert all(v == 1.0 for v in figs.values())
    strict = write(tmp_path / "gold2", gold_rows(), drop_columns={"money": ("currency",)})
    with pytest.raises(GoldError, match="money.*currency"):
        evaluate(strict, tmp_path / "pred")


def test_gold_without_articles_table_is_an_error(tmp_path):
    rows = gold_rows()
    del rows["articles"]
    with pytest.raises(GoldError, match="articles.csv"):
        evaluate(write(tmp_path / "gold", rows), write(tmp_path / "pred", gold_rows()))


def test_spreadsheet_bom_and_canonical_normalisation(tmp_path):
    gold = write(tmp_path / "gold", gold_rows())
    path = gold / "entities.csv"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    pred = gold_rows()
    pred["entities"][1]["canonical"] = "  NURLAN   abenov "
    figs = rates(evaluate(gold, write(tmp_path / "pred", pred)).figures)
    assert all(v == 1.0 for v in figs.values())


@pytest.mark.parametrize("a, b, expected", [
    ("Ministry of Energy", "ministry of  energy", True),
    ("People’s Bank of China", "People's Bank of China", True),
    ("The Ministry of Foreign Affairs of Jordan", "Ministry of Foreign Affairs of Jordan", True),  # token F1 0.92
    ("Ministry of Energy", "Ministry of Finance", False),
])
def test_party_names(a, b, expected):
    assert party_match({"party": a}, {"party": b}) is expected


@pytest.mark.parametrize("a, b, expected", [
    (("Kazakhstan", "KZ", True), ("Government of the Republic of Kazakhstan", "KZ", True), True),
    (("Kazakhstan", "KZ", True), ("KazMunayGas", "KZ", False), False),        # a company of the country
    (("Kazakhstan", "KZ", True), ("Government of Uzbekistan", "UZ", True), False),
    (("Kazakhstan", "", True), ("Republic of Kazakhstan", "", True), False),  # no country code, no rule
])
def test_party_country_rule(a, b, expected):
    pa = {"party": a[0], "country": a[1], "is_state": a[2]}
    pb = {"party": b[0], "country": b[1], "is_state": b[2]}
    assert party_match(pa, pb) is expected


def test_state_party_detected_from_state_words_and_gpe_entities(tmp_path):
    gold = gold_rows()
    pred = gold_rows()
    gold["entities"].append({"article_id": "a2", "start": 20, "end": 30, "text": "Kazakhstan", "label": "GPE",
                             "canonical": "Kazakhstan"})
    gold["entities"].append({"article_id": "a2", "start": 40, "end": 46, "text": "France", "label": "GPE",
                             "canonical": "France"})
    pred["entities"] = gold["entities"]
    pred["document_parties"][2]["party"] = "the Government of Kazakhstan"
    pred["document_parties"][3]["party"] = "French Republic"
    figs = score(tmp_path, pred, gold)
    assert figs["documents.full.f1"] == 1.0   # both gold parties are GPEs; state words mark the predicted ones
    pred["document_parties"][3]["country"] = "DE"
    figs = score(tmp_path, pred, gold)
    assert figs["documents.full.f1"] < 1.0


@pytest.mark.parametrize("a, b, expected", [
    ("We will build roads", "we will build roads", 1.0),
    ("", "", 1.0),
    ("a b", "", 0.0),
    ("one two three four", "one two", 2 / 3),
])
def test_token_f1(a, b, expected):
    assert token_f1(a, b) == pytest.approx(expected)


def test_norm_straightens_apostrophes_and_spaces():
    assert norm("  Côte d’Ivoire\u00a0Govt ") == "côte d'ivoire govt"


# --------------------------------------------------------------------------- importers

LS_TEXT = "Talks in Oslo.\n“Peace is near,” Ana Reyes said. Reyes met Jon Berg. 🙂 Berg of Statkraft agreed."


def ls_region(rid, needle, label, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = LS_TEXT.index(needle, start + 1)
    return {"id": rid, "from_name": "label", "to_name": "text", "type": "labels",
            "value": {"start": start, "end": start + len(needle), "text": needle, "labels": [label]}}


def labelstudio_export() -> list:
    emoji = LS_TEXT.index("🙂")
    statkraft = ls_region("r5", "Statkraft", "ORG")
    # Label Studio counts UTF-16 units: after the emoji every offset is one higher
    statkraft["value"]["start"] += 1
    statkraft["value"]["end"] += 1
    assert statkraft["value"]["start"] > emoji
    return [{
        "id": 17, "data": {"text": LS_TEXT, "article_id": "oslo-talks", "published": "2024-03-01"},
        "annotations": [{"was_cancelled": False, "result": [
            ls_region("r1", "Oslo", "GPE"),
            ls_region("r2", "Peace is near,", "QUOTE"),
            ls_region("r3", "Ana Reyes", "PERSON"),
            ls_region("r4", "Reyes", "PERSON", nth=1),
            statkraft,
            ls_region("r6", "Jon Berg", "PERSON"),
            ls_region("r7", "Talks", "DATE"),
            {"id": "r4", "from_name": "canonical", "to_name": "text", "type": "textarea",
             "value": {"text": ["Ana Reyes"]}},
            {"id": "r2", "from_name": "kind", "to_name": "text", "type": "choices", "value": {"choices": ["Direct"]}},
            {"type": "relation", "from_id": "r2", "to_id": "r3", "direction": "right", "labels": ["said_by"]},
        ]}],
    }]


def test_labelstudio_import_round_trips(tmp_path):
    src = tmp_path / "export.json"
    src.write_text(json.dumps(labelstudio_export(), ensure_ascii=False), encoding="utf-8")
    result = import_gold(src, tmp_path / "gold")
    assert result.rows == {"articles": 1, "entities": 5, "quotes": 1}
    assert any("'DATE' is not mapped" in w for w in result.warnings)
    gold = tmp_path / "gold"
    from pipeline import read_tables
    t = read_tables(gold, ["articles", "entities", "quotes"])
    ents = t["entities"]
    assert list(ents["text"]) == ["Oslo", "Ana Reyes", "Reyes", "Jon Berg", "Statkraft"]
    assert all(LS_TEXT[r.start:r.end] == r.text for r in ents.itertuples())
    reyes = ents[ents["canonical"] == "Ana Reyes"]
    assert len(reyes) == 2 and reyes["entity_id"].nunique() == 1
    q = t["quotes"].iloc[0]
    assert (q["text"], q["speaker"], q["kind"], q["speaker_entity_id"]) == ("Peace is near,", "Ana Reyes", "direct", 1)
    assert t["articles"].iloc[0]["published"] == "2024-03-01"
    assert (gold / "texts" / "oslo-talks.txt").read_text(encoding="utf-8") == LS_TEXT
    # the imported gold scores itself perfectly, and the report finds the article text
    pred = write(tmp_path / "pred", {"articles": [{"article_id": "oslo-talks"}],
                                     "entities": t["entities"].iloc[1:].to_dict("records"),
                                     "quotes": t["quotes"].to_dict("records")})
    ev = evaluate(gold, pred)
    assert ev.figures["quotes.content.f1"] == 1.0 and ev.figures["entities.strict.recall"] == 0.8
    write_report(ev, tmp_path / "r.html")
    assert "Talks in Oslo." in (tmp_path / "r.html").read_text(encoding="utf-8")


def test_labelstudio_body_only_text_is_aligned_to_the_article_file(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "oslo.txt").write_text("---\ntitle: Oslo\n---\n" + LS_TEXT, encoding="utf-8")
    export = labelstudio_export()
    export[0]["data"].pop("article_id")
    src = tmp_path / "export.json"
    src.write_text(json.dumps(export, ensure_ascii=False), encoding="utf-8")
    import_gold(src, tmp_path / "gold", articles=articles)
    from pipeline import read_tables
    ents = read_tables(tmp_path / "gold", ["entities"])["entities"]
    full = (articles / "oslo.txt").read_text(encoding="utf-8")
    assert set(ents["article_id"]) == {"oslo"}
    assert all(full[r.start:r.end] == r.text for r in ents.itertuples())


def test_brat_import(tmp_path):
    src = tmp_path / "brat"
    src.mkdir()
    text = "Ana Reyes said peace is near."
    (src / "doc1.txt").write_text(text, encoding="utf-8")
    (src / "doc1.ann").write_text(
        "T1\tPERSON 0 9\tAna Reyes\nT2\tQUOTE_INDIRECT 15 28\tpeace is near\n"
        "R1\tSpeaker Arg1:T2 Arg2:T1\n#1\tAnnotatorNotes T1\tAna María Reyes\n", encoding="utf-8")
    result = import_gold(src, tmp_path / "gold", fmt="brat")
    assert result.rows == {"articles": 1, "entities": 1, "quotes": 1}
    from pipeline import read_tables
    t = read_tables(tmp_path / "gold", ["quotes"])
    assert (t["quotes"].iloc[0]["speaker"], t["quotes"].iloc[0]["kind"]) == ("Ana María Reyes", "indirect")


# --------------------------------------------------------------------------- CLI

@pytest.fixture
def dirs(tmp_path):
    gold = write(tmp_path / "gold", gold_rows())
    pred = gold_rows()
    pred["money"] = pred["money"][:1]
    return gold, write(tmp_path / "pred", pred)


def test_cli_exit_codes(dirs, tmp_path):
    gold, pred = dirs
    runner = CliRunner()
    ok = runner.invoke(app, ["eval", "--gold", str(gold), "--pred", str(pred), "--json", str(tmp_path / "e.json"),
                             "--report", str(tmp_path / "e.md")])
    assert ok.exit_code == 0, ok.output
    assert "money.value" in ok.output and "0.667" in ok.output
    figures = json.loads((tmp_path / "e.json").read_text(encoding="utf-8"))["figures"]
    assert figures["money.value.recall"] == 0.5
    assert "€40 million" in (tmp_path / "e.md").read_text(encoding="utf-8")

    met = runner.invoke(app, ["eval", "--gold", str(gold), "--pred", str(pred), "--fail-under", "entities=0.9",
                              "--fail-under", "quotes.content.speaker_accuracy=1"])
    assert met.exit_code == 0, met.output
    unmet = runner.invoke(app, ["eval", "--gold", str(gold), "--pred", str(pred), "--fail-under", "money=0.9"])
    assert unmet.exit_code == 1

    for bad in (["--fail-under", "money"], ["--fail-under", "nosuchtable=0.5"], ["--fail-under", "money.nope=0.5"],
                ["--fail-under", "money=high"], ["--report", str(tmp_path / "r.pdf")]):
        res = runner.invoke(app, ["eval", "--gold", str(gold), "--pred", str(pred), *bad])
        assert res.exit_code == 2, (bad, res.output)
    missing = runner.invoke(app, ["eval", "--gold", str(tmp_path / "nope"), "--pred", str(pred)])
    assert missing.exit_code == 2
    no_option = runner.invoke(app, ["eval", "--pred", str(pred)])
    assert no_option.exit_code == 2


def test_cli_import_gold(tmp_path):
    src = tmp_path / "export.json"
    src.write_text(json.dumps(labelstudio_export(), ensure_ascii=False), encoding="utf-8")
    runner = CliRunner()
    res = runner.invoke(app, ["import-gold", str(src), "--out", str(tmp_path / "gold")])
    assert res.exit_code == 0, res.output
    assert (tmp_path / "gold" / "entities.csv").exists()
    bad = runner.invoke(app, ["import-gold", "--from", "conll", str(src), "--out", str(tmp_path / "g2")])
    assert bad.exit_code == 2


# --------------------------------------------------------------------------- floor gate helpers

def test_floor_helpers(tmp_path):
    from pipeline.evaluation.evaluate import below_floors, gold_diff, gold_hashes

    assert below_floors({"money.value.f1": 0.8}, {"money.value.f1": 0.8}) == []
    assert below_floors({"money.value.f1": 0.8 - 1e-12}, {"money.value.f1": 0.8}) == []   # float noise
    assert below_floors({"money.value.f1": 0.79}, {"money.value.f1": 0.8}) == ["money.value.f1 = 0.7900 < floor 0.8000"]
    assert "no figure" in below_floors({}, {"dates.value.f1": 0.5})[0]
    gold = write(tmp_path / "gold", {"articles": [{"article_id": "a1"}]})
    before = gold_hashes(gold)
    (gold / "articles.csv").write_text("article_id\r\na2\r\n", encoding="utf-8")
    (gold / "money.csv").write_text("article_id\r\n", encoding="utf-8")
    assert gold_diff(before, gold_hashes(gold)) == ["added money.csv", "changed articles.csv"]


def test_update_floors_raises_but_refuses_to_lower(tmp_path):
    import importlib.util

    spec = importlib.util.spec_from_file_location("update_floors", Path(__file__).resolve().parents[2] / "scripts" / "update_floors.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    gold = write(tmp_path / "gold", gold_rows())
    pred_rows = gold_rows()
    pred_rows["money"] = pred_rows["money"][:1]
    pred = write(tmp_path / "pred", pred_rows)
    floors = tmp_path / "floors.json"
    floors.write_text(json.dumps({"floors": {"money.value.f1": 0.5}}), encoding="utf-8")
    assert mod.main(["--gold", str(gold), "--pred", str(pred), "--floors", str(floors)]) == 0
    data = json.loads(floors.read_text(encoding="utf-8"))
    assert data["floors"]["money.value.f1"] == 0.6666 and data["floors"]["entities.strict.f1"] == 1.0
    assert set(data["gold_sha256"]) == {f"{t}.csv" for t in gold_rows()}
    worse = write(tmp_path / "worse", dict(pred_rows, money=[]))
    assert mod.main(["--gold", str(gold), "--pred", str(worse), "--floors", str(floors)]) == 1
    assert json.loads(floors.read_text(encoding="utf-8")) == data          # untouched
    assert mod.main(["--gold", str(gold), "--pred", str(worse), "--floors", str(floors), "--lower"]) == 0
    assert json.loads(floors.read_text(encoding="utf-8"))["floors"]["money.value.f1"] == 0.0


def test_range_bounds_sharing_a_span_are_paired_by_value(tmp_path):
    gold = gold_rows()
    s, e = span(TEXT_A, "$2.5 billion")
    bounds = [{"article_id": "a1", "start": s, "end": e, "amount": v, "currency": "USD", "range_bound": b}
              for v, b in (("2000000000", "min"), ("3000000000", "max"))]
    gold["money"] = bounds
    pred = gold_rows()
    pred["money"] = list(reversed(bounds))
    figs = score(tmp_path, pred, gold)
    assert figs["money.span.value_accuracy"] == 1.0 and figs["money.value.f1"] == 1.0
