"""Label Studio round trip: export the corpus run as pre-annotated tasks, import them back
(JSON and JSON-MIN), and score the import against the run: 1.0 on every table."""

import copy
import json
import xml.etree.ElementTree as ET

import pytest
from typer.testing import CliRunner

from pipeline import read_tables
from pipeline.cli import app
from pipeline.evaluation import labelstudio as ls
from pipeline.evaluation.evaluate import SPECS, evaluate
from pipeline.evaluation.importers import import_gold

SEED = "00_seed_tokayev_xi_beijing"


@pytest.fixture(scope="module")
def tasks(corpus_run):
    warnings = []
    out = ls.export_tasks(corpus_run["out"], warnings=warnings)
    assert warnings == []
    return out


def submitted(tasks):
    """The tasks as Label Studio exports them after an annotator submits the pre-annotation."""
    out = copy.deepcopy(tasks)
    for n, t in enumerate(out):
        t["id"] = n + 1
        t["annotations"] = [{"id": n + 100, "was_cancelled": False, "result": t["predictions"][0]["result"]}]
    return out


def json_min(tasks):
    """What Label Studio's JSON-MIN export makes of submitted tasks: the task data plus one
    list per control; relations and the regions of per-region values are dropped."""
    out = []
    for t in submitted(tasks):
        rec = dict(t["data"], id=t["id"], annotator=1, annotation_id=t["annotations"][0]["id"])
        by_control = {}
        for r in t["annotations"][0]["result"]:
            if "from_name" not in r:
                continue
            v = dict(r["value"])
            if r["type"] == "textarea":
                v = v["text"][0]
            elif r["type"] == "choices":
                v = v["choices"][0]
            by_control.setdefault(r["from_name"], []).append(v)
        for name, values in by_control.items():
            rec[name] = values[0] if len(values) == 1 and not isinstance(values[0], dict) else values
        out.append(rec)
    return out


def import_and_score(tmp_path, export, pred):
    tmp_path.mkdir(parents=True, exist_ok=True)
    src = tmp_path / "export.json"
    src.write_text(json.dumps(export, ensure_ascii=False), encoding="utf-8")
    result = import_gold(src, tmp_path / "gold")
    ev = evaluate(tmp_path / "gold", pred)
    return result, ev


def assert_perfect(ev):
    for table, spec in SPECS.items():
        assert ev.tables[table]["scored"], table
        for m in spec.matchers:
            figs = ev.tables[table]["metrics"][m.name]
            assert figs["f1"] == 1.0, (table, m.name, figs)
            for check in m.checks:
                assert figs[f"{check}_accuracy"] == 1.0, (table, m.name, check)


def test_config_is_xml_and_declares_every_control_the_tasks_use(tasks):
    root = ET.fromstring(ls.label_config())
    names = {el.get("name") for el in root.iter() if el.get("name")}
    used = {r["from_name"] for t in tasks for r in t["predictions"][0]["result"] if "from_name" in r}
    assert used <= names
    labels = {el.get("value") for el in root.iter("Label")}
    assert {"PERSON", "GPE", "DOCUMENT", "MONEY", "DATE", "QUOTE_DIRECT", "SIGNING"} <= labels
    assert {el.get("value") for el in root.iter("Choice")} >= {"memorandum", "agreement", "treaty"}


def test_round_trip_without_edits_scores_one_on_every_table(tmp_path, tasks, corpus_run):
    result, ev = import_and_score(tmp_path, submitted(tasks), corpus_run["out"])
    assert_perfect(ev)
    gold, pred = read_tables(tmp_path / "gold"), corpus_run["tables"]
    for table in ("quotes", "money", "dates", "documents", "signings"):
        assert len(gold[table]) == len(pred[table]), table
    cols = ["article_id", "start", "end", "speaker", "kind"]
    assert gold["quotes"][cols].equals(pred["quotes"][cols])
    cols = ["article_id", "document_id", "party_order", "party"]
    assert gold["document_parties"][cols].reset_index(drop=True).equals(pred["document_parties"][cols])
    assert list(gold["money"]["amount"]) == list(pred["money"]["amount"])


def test_round_trip_through_json_min(tmp_path, tasks, corpus_run):
    result, ev = import_and_score(tmp_path, json_min(tasks), corpus_run["out"])
    assert_perfect(ev)
    assert not [w for w in result.warnings if "not in newsie's pre-annotation" in w]


def test_unsubmitted_tasks_read_their_predictions_with_a_warning(tmp_path, tasks, corpus_run):
    result, ev = import_and_score(tmp_path, tasks, corpus_run["out"])
    assert_perfect(ev)
    assert any("predictions are read as gold" in w for w in result.warnings)


def _seed(export):
    return next(t for t in export if t["data"]["article_id"] == SEED)


def _docs(frame):
    return {(r.start, r.end, r.doc_type, r.subject) for r in frame.itertuples()}


def test_hand_edits_import_as_exactly_those_changes(tmp_path, tasks, corpus_run):
    export = submitted(tasks)
    seed = _seed(export)
    result = seed["annotations"][0]["result"]
    regions = {r["id"]: r for r in result if r.get("type") == "labels"}
    canon = {r["id"]: r["value"]["text"][0] for r in result if r.get("from_name") == "canonical"}
    # 1. one speaker changed: the first quote whose speaker is an entity mention now points at another person
    rel = next(r for r in result if r.get("type") == "relation" and r["labels"] == ["speaker"]
               and regions[r["to_id"]]["from_name"] == "entity")
    old = canon[rel["to_id"]]
    new_id = next(rid for rid, r in regions.items() if r["from_name"] == "entity"
                  and r["value"]["labels"] == ["PERSON"] and canon[rid] != old)
    rel["to_id"] = new_id
    # 2. one document added: a DOCUMENT region with its type, subject and two parties
    text = seed["data"]["text"]
    gpes = [rid for rid, r in regions.items() if r["value"]["labels"] == ["GPE"]]
    a, b = gpes[0], next(g for g in gpes if canon[g] != canon[gpes[0]])
    start = text.rindex("\n", 0, len(text.rstrip())) + 1
    end = len(text.rstrip())
    result += [
        {"id": "new-doc", "from_name": "record", "to_name": "text", "type": "labels",
         "value": {"start": start, "end": end, "text": text[start:end], "labels": ["DOCUMENT"]}},
        {"id": "new-doc", "from_name": "doc_type", "to_name": "text", "type": "choices",
         "value": {"start": start, "end": end, "choices": ["protocol"]}},
        {"id": "new-doc", "from_name": "doc_subject", "to_name": "text", "type": "textarea",
         "value": {"start": start, "end": end, "text": ["customs cooperation"]}},
        {"type": "relation", "from_id": "new-doc", "to_id": a, "labels": ["party"]},
        {"type": "relation", "from_id": "new-doc", "to_id": b, "labels": ["party"]},
    ]
    import_and_score(tmp_path / "plain", submitted(tasks), corpus_run["out"])
    import_and_score(tmp_path / "edited", export, corpus_run["out"])
    before, after = read_tables(tmp_path / "plain" / "gold"), read_tables(tmp_path / "edited" / "gold")
    # the quotes differ in exactly one speaker
    qa, qb = before["quotes"], after["quotes"]
    changed = qa.index[(qa["speaker"] != qb["speaker"]).fillna(True)]
    assert len(changed) == 1
    assert qb.loc[changed[0], "speaker"] == canon[new_id] and qa.loc[changed[0], "speaker"] == old
    cols = [c for c in qa.columns if c not in ("speaker", "speaker_text", "speaker_entity_id",
                                              "speaker_start", "speaker_end", "speaker_label")]
    assert qa[cols].equals(qb[cols])
    # every other quote is untouched, its speaker mention included
    assert qa.drop(index=changed).equals(qb.drop(index=changed))
    # the documents differ by exactly the one added, with its parties
    added = _docs(after["documents"]) - _docs(before["documents"])
    assert added == {(start, end, "protocol", "customs cooperation")} and _docs(before["documents"]) < _docs(after["documents"])
    doc = after["documents"][(after["documents"]["article_id"] == SEED) & (after["documents"]["start"] == start)]
    parties = after["document_parties"]
    got = parties[(parties["article_id"] == SEED) & (parties["document_id"] == doc["document_id"].iloc[0])]
    assert list(got["party"]) == [canon[a], canon[b]]
    assert len(parties) == len(before["document_parties"]) + 2
    for table in ("entities", "money", "dates", "signings"):
        assert before[table].equals(after[table]), table


def test_articles_option_finds_texts_from_another_folder(tmp_path, corpus_run, monkeypatch):
    from conftest import CORPUS

    monkeypatch.chdir(tmp_path)  # source_path (relative to the clone) no longer resolves
    warnings = []
    assert ls.export_tasks(corpus_run["out"], warnings=warnings) == [] and len(warnings) == len(corpus_run["tables"]["articles"])
    tasks = ls.export_tasks(corpus_run["out"], articles=CORPUS, warnings=warnings)
    assert len(tasks) == len(corpus_run["tables"]["articles"])


def test_cli_export_and_config(tmp_path, corpus_run):
    runner = CliRunner()
    res = runner.invoke(app, ["export", "labelstudio", str(corpus_run["out"]), "--out", str(tmp_path / "t.json")])
    assert res.exit_code == 0, res.output
    assert len(json.loads((tmp_path / "t.json").read_text(encoding="utf-8"))) == len(corpus_run["tables"]["articles"])
    cfg = runner.invoke(app, ["export", "labelstudio", "--config"])
    assert cfg.exit_code == 0 and cfg.output.startswith("<View>")
    bad = runner.invoke(app, ["export", "labelstudio", str(tmp_path)])
    assert bad.exit_code == 2
