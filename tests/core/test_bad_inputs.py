"""Bad inputs are rows, never crashes: each gets one error row with a clear reason, and the
good articles next to them are written exactly as in a clean run (issue 10)."""

import csv
import json
import os
import shutil

import pytest
from typer.testing import CliRunner

from pipeline import run, schema
from pipeline.cli import app
from pipeline.core.inputs import read_inputs

GOOD = """---
title: Trade deal in Tashkent
published: 2023-05-11
---
Trade deal in Tashkent

TASHKENT - Uzbek President Shavkat Mirziyoyev received Korean Prime Minister Han Duck-soo on Thursday.
"Our trade will double," Mirziyoyev said. The two governments signed an agreement on energy worth $2 billion.
"""

BODY = "Leaders met in Astana on Monday. They signed an agreement on trade.\n"


def alias_bomb(key):
    levels = ["a0: &a0 [" + ", ".join(["lol"] * 9) + "]"]
    for i in range(1, 10):
        levels.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]")
    return "---\n" + "\n".join(levels) + f"\n{key}: *a9\n---\n" + BODY


def front(meta):
    return f"---\n{meta}\n---\n{BODY}"


#: file name -> (content, words expected in the error)
CRASHERS = {
    "feb30.txt": (front("published: 2023-02-30"), "day is out of range"),
    "month13.txt": (front("published: 2023-13-01"), "month must be"),
    "hour25.txt": (front("published: 2023-01-01 25:00:00"), "hour must be"),
    "int_title.txt": (front("title: !!int abc"), "YAML cannot read"),
    "timestamp.txt": (front("published: !!timestamp foo"), "not an ISO date"),
    "list_title.txt": (front("title: [a, b]"), "title must be text"),
    "long_title.txt": (front("title: " + "x" * 20_000), "over the limit"),
    "bomb_published.txt": (alias_bomb("published"), "YAML aliases"),
    "bomb_title.txt": (alias_bomb("title"), "YAML aliases"),
    "unclosed.txt": ("---\ntitle: Talks\n" + BODY, "not closed"),
}
#: JSONL records (one per line of bad.jsonl) -> words expected in the error
BAD_RECORDS = [
    ({"id": "j-feb30", "text": BODY, "published": "2023-02-30"}, "day is out of range"),
    ({"id": "j-month13", "text": BODY, "published": "2023-13-01"}, "month must be"),
    ({"id": "j-hour25", "text": BODY, "published": "2023-01-01 25:00:00"}, "hour must be"),
    ({"id": "j-surrogate-text", "text": "Talks \ud800 in Astana."}, "lone surrogate"),
    ({"id": "j-surrogate-title", "text": BODY, "title": "T\ud800"}, "lone surrogate"),
    ({"id": "", "text": BODY}, "id is empty"),
    ({"id": ["x"], "text": BODY}, "id must be"),
    ({"id": "j-dict-published", "text": BODY, "published": {"a": 1}}, "published must be"),
]


def write_jsonl(path, records):
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")


@pytest.fixture(scope="module")
def bad_folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bad")
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    for name, (text, _) in CRASHERS.items():
        (folder / name).write_text(text, encoding="utf-8")
    write_jsonl(folder / "bad.jsonl", [r for r, _ in BAD_RECORDS])
    with open(os.path.join(os.fsencode(folder), b"caf\xe9.txt"), "w", encoding="utf-8") as fh:
        fh.write(front("title: Non-UTF-8 name"))
    return folder


@pytest.fixture(scope="module")
def bad_run(nlp, bad_folder, tmp_path_factory):
    out = tmp_path_factory.mktemp("bad_out")
    summary = run([bad_folder], out, nlp=nlp)
    return summary, out


def read_csv(out, table):
    with open(out / f"{table}.csv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_each_bad_input_is_one_error_row(bad_run):
    summary, out = bad_run
    articles = {row["article_id"]: row for row in read_csv(out, "articles")}
    expected = {name[:-4]: words for name, (_, words) in CRASHERS.items()}
    expected.update({r["id"] if isinstance(r["id"], str) and r["id"] else f"bad:{i}": words
                     for i, (r, words) in enumerate(BAD_RECORDS, 1)})
    for article_id, words in expected.items():
        row = articles[article_id]
        assert row["status"] == "error" and words in row["error"], (article_id, row["error"])
    assert summary.failed == len(expected)
    assert len(articles) == len(expected) + 2


def test_non_utf8_file_name_is_escaped_and_processed(bad_run):
    _, out = bad_run
    row = {r["article_id"]: r for r in read_csv(out, "articles")}["caf\\xe9"]
    assert row["status"] == "ok" and row["title"] == "Non-UTF-8 name"
    assert row["source_path"].endswith("caf\\xe9.txt")
    assert any(s["article_id"] == "caf\\xe9" for s in read_csv(out, "sentences"))


def test_good_article_rows_equal_a_clean_run(nlp, bad_run, tmp_path):
    _, out = bad_run
    clean = tmp_path / "clean"
    clean.mkdir()
    (clean / "good.txt").write_text(GOOD, encoding="utf-8")
    run([clean], tmp_path / "out", nlp=nlp)
    for table in schema.TABLES:
        mixed = [r for r in read_csv(out, table) if r["article_id"] == "good"]
        alone = read_csv(tmp_path / "out", table)
        for row in mixed + alone:
            row.pop("source_path", None)
        assert mixed == alone, table


def test_cli_exit_code_is_1_with_every_table_written(bad_folder, tmp_path):
    result = CliRunner().invoke(app, ["run", str(bad_folder), "--out", str(tmp_path)])
    assert result.exit_code == 1, result.output
    assert all((tmp_path / f"{name}.csv").exists() for name in schema.TABLES)
    assert not list(tmp_path.glob(".newsie-*"))


def errors_by_id(paths, **kw):
    return {a.article_id: a.error for a in read_inputs(paths, **kw)}


def test_jsonl_splits_only_on_newline_and_keeps_ids(tmp_path):
    path = tmp_path / "feed.jsonl"
    lines = [json.dumps({"id": 0, "text": "Zero\u2028still the same record."}, ensure_ascii=False),
             json.dumps({"id": "a", "text": "Para\u2029graph, \x85 and \x0c inside."}, ensure_ascii=False),
             "{broken",
             json.dumps({"text": "No id here."})]
    path.write_text("\n".join(lines) + "\r\n", encoding="utf-8")
    arts = list(read_inputs([path]))
    assert [a.article_id for a in arts] == ["0", "a", "feed:3", "feed:4"]
    assert arts[0].error is None and "\u2028" in arts[0].text
    assert arts[1].error is None and arts[2].error.startswith("line 3 is not JSON")
    assert arts[3].source_path.endswith("feed.jsonl:4")


def test_jsonl_bad_utf8_line_fails_alone(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_bytes(b'{"id": "x", "text": "caf\xe9"}\n' + json.dumps({"id": "y", "text": "Fine."}).encode())
    errors = errors_by_id([path])
    assert "not valid UTF-8" in errors["feed:1"] and errors["y"] is None


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_fifo_is_refused_without_opening(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "ok.txt").write_text(BODY, encoding="utf-8")
    errors = errors_by_id([tmp_path])
    assert "FIFO" in errors["pipe"] and errors["ok"] is None
    assert "FIFO" in errors_by_id([tmp_path / "pipe.txt"])["pipe"]


def test_broken_symlinks_and_loops_are_rows(tmp_path):
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    (root / "sub" / "a.txt").write_text(BODY, encoding="utf-8")
    os.symlink(root / "missing.txt", root / "dangling.txt")
    os.symlink(root / "self.txt", root / "self.txt")
    os.symlink(root, root / "sub" / "up")
    os.symlink(root / "sub", root / "linked")
    errors = errors_by_id([root])
    assert "broken symlink" in errors["dangling"]
    assert "symlink loop" in errors["self"]
    assert "symlink loop" in errors["sub/up"] and "symlink loop" in errors["linked/up"]
    assert errors["sub/a"] is None and errors["linked/a"] is None


def test_unreadable_folder_is_a_row_with_its_path(tmp_path, monkeypatch):
    root = tmp_path / "in"
    (root / "locked").mkdir(parents=True)
    (root / "ok.txt").write_text(BODY, encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path):
        if os.fspath(path).endswith("locked"):
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    arts = {a.article_id: a for a in read_inputs([root])}
    assert "unreadable folder" in arts["locked"].error and arts["locked"].source_path.endswith("locked")
    assert arts["ok"].error is None


@pytest.mark.parametrize("text, title, body", [
    ("---\rtitle: Talks\r---\rBody text.\r", "Talks", "Body text.\r"),
    ("---\r\ntitle: Talks\r\n---\r\nBody text.", "Talks", "Body text."),
    ("---\n---\nBody text.", "Body text.", "Body text."),
    ("--- \ntitle: Talks\n---  \nBody text.", "Talks", "Body text."),
])
def test_front_matter_line_endings(tmp_path, text, title, body):
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode("utf-8"))
    (art,) = read_inputs([path])
    assert art.error is None and art.title == title and art.body == body


@pytest.mark.parametrize("given, kept", [
    ("2022-09", "2022-09"), ("2017", "2017"), ("2023-10-17", "2023-10-17"),
    ("2023-10-17T08:30:00Z", "2023-10-17"), ("'2017'", "2017"), ("2023-10-17 08:30:00+06:00", "2023-10-17"),
])
def test_reduced_precision_published_is_kept_as_given(tmp_path, given, kept):
    path = tmp_path / "a.txt"
    path.write_text(front(f"published: {given}"), encoding="utf-8")
    (art,) = read_inputs([path])
    assert art.error is None and art.published == kept


def test_reduced_precision_reaches_the_doc_and_the_table(nlp, tmp_path):
    (tmp_path / "a.txt").write_text(front("published: 2022-09"), encoding="utf-8")
    run([tmp_path], tmp_path / "out", nlp=nlp)
    (row,) = read_csv(tmp_path / "out", "articles")
    assert (row["published"], row["status"]) == ("2022-09", "ok")


def test_folders_nested_too_deeply_are_a_row(tmp_path, monkeypatch):
    # deeper than Python's recursion limit; built and removed level by level, because
    # Path.mkdir(parents=True) and shutil.rmtree (pytest's clean-up) recurse
    monkeypatch.chdir(tmp_path)
    depth = 0
    try:
        for depth in range(1, 1101):
            os.mkdir("d")
            os.chdir("d")
        with open("a.txt", "w", encoding="utf-8") as fh:
            fh.write(BODY)
        (tmp_path / "ok.txt").write_text(BODY, encoding="utf-8")
        errors = errors_by_id([tmp_path])
        assert errors["ok"] is None
        assert any(e and "nested too deeply" in e for e in errors.values())
    finally:
        if os.path.exists("a.txt"):
            os.remove("a.txt")
        for _ in range(depth):
            os.chdir("..")
            os.rmdir("d")
