"""Fuzz suite (issue 10): random text, random front matter and random JSONL records.

Properties: reading and running never raise; every article gets exactly one articles row;
every row with offsets slices back to its text in the article's text; ``--workers 1`` and
``2`` give the same rows. The default is sized for CI (well under a minute); ``make fuzz``
sets ``NEWSIE_FUZZ_SCALE`` for a longer run.
"""

import csv
import json
import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline import run
from pipeline.core.batch import process_articles
from pipeline.core.inputs import article_from_text, read_inputs

SCALE = int(os.environ.get("NEWSIE_FUZZ_SCALE", "1"))


def fuzz(examples: int) -> settings:
    return settings(max_examples=examples * SCALE, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.function_scoped_fixture])


#: pieces of news text and layout that reach every stage, and characters that break things
PIECES = ["Tokayev", "Xi Jinping", "President", "said", "told reporters", "according to", "signed",
          "an agreement", "a memorandum of understanding", "on trade", "between", "and", "the",
          "Kazakhstan", "China", "Astana", "$5 billion", "€3m", "1.2 trillion tenge", "on Monday",
          "next month", "in 2022", "last year", "17 October", "2023-10-17", ",", ".", ";", ":", "?",
          " ", "  ", "\t", "\n", "\n\n", "\r", "\r\n", "\u2028", "\u00a0", "«", "»", '"', "“", "”",
          "‘", "’", "'", "• ", "- ", "1. ", "(a) ", "First:", "—", "–", "---", "#", "\x00", "\ufeff",
          "e\u0301", "😀", "﷽"]
news_text = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=8)), max_size=60).map(" ".join)
any_text = st.one_of(news_text, st.text(max_size=200))


def check_rows(rows: dict, text: str, n_articles: int = 1) -> None:
    assert len(rows["articles"]) == n_articles
    for row in rows["articles"]:
        assert row["status"] in ("ok", "error")
        assert (row["status"] == "error") == bool(row["error"])
    for table, table_rows in rows.items():
        for row in table_rows:
            if row.get("start") is not None and row.get("text") is not None:
                assert text[row["start"]:row["end"]] == row["text"], (table, row)


@fuzz(25)
@given(any_text)
def test_random_text_never_raises_and_rows_slice_back(nlp, text):
    art = article_from_text("a", "a.txt", text)
    (rows,) = process_articles([art], nlp)
    check_rows(rows, text)


YAML_VALUES = ["2023-02-30", "2023-13-01", "2023-01-01 25:00:00", "2022-09", "2017", "2023-10-17",
               "2023-10-17T08:00:00Z", "!!int abc", "!!timestamp foo", "!!float x", "[a, b]", "{x: 1}",
               "&a [1, 2]", "*a", "*b", "'quoted'", '"dq \\ud800"', "~", "yes", "12:30", "|", ">",
               "- x", "!!binary AAAA", "!!python/object:os.system x", ": :", "@x", "`x`", "%x", "0x1F",
               "1e400", "-.inf", "2017-01", "'2022-09'", "", "&b\n  - *b"]
yaml_value = st.one_of(st.sampled_from(YAML_VALUES), st.text(max_size=20))
yaml_key = st.sampled_from(["title", "published", "url", "source", "tags", "lang", "? [x]", "<<"])
front_matter = st.lists(st.tuples(yaml_key, yaml_value), max_size=6).map(
    lambda pairs: "".join(f"{k}: {v}\n" for k, v in pairs))
line_end = st.sampled_from(["\n", "\r\n", "\r"])


@fuzz(40)
@given(front_matter, line_end, news_text, st.booleans())
def test_random_front_matter_is_read_or_refused_never_raised(nlp, fm, eol, body, closed):
    text = "---" + eol + fm.replace("\n", eol) + ("---" + eol if closed else "") + body
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "a.txt"
        path.write_bytes(text.encode("utf-8", "surrogatepass"))
        arts = list(read_inputs([path]))
        assert len(arts) == 1
        if arts[0].error is None:
            assert arts[0].text == text and not arts[0].title == "---"
        (rows,) = process_articles(arts, nlp)
        check_rows(rows, text)


json_scalar = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
                        st.text(max_size=10), st.sampled_from(["\ud800", "2023-02-30", "2022-09", "", "0"]))
json_value = st.recursive(json_scalar, lambda c: st.lists(c, max_size=3) | st.dictionaries(st.text(max_size=3), c, max_size=3),
                          max_leaves=6)
record = st.fixed_dictionaries({}, optional={
    "id": st.one_of(st.integers(-2, 3), st.sampled_from(["", "x", "0", "dup"]), json_value),
    "text": st.one_of(any_text, json_value, st.just("Talks \ud800 in\u2028Astana.")),
    "title": json_value, "published": json_value, "url": json_value, "extra": json_value})
jsonl_line = st.one_of(record.map(lambda r: json.dumps(r, ensure_ascii=False)),
                       record.map(json.dumps), st.sampled_from(["", "{broken", "[1, 2]", "null", "  "]))


@fuzz(20)
@given(st.lists(jsonl_line, min_size=1, max_size=6))
def test_random_jsonl_gives_one_row_per_line(nlp, lines):
    data = "\n".join(lines).encode("utf-8", "surrogatepass")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "feed.jsonl"
        path.write_bytes(data)
        arts = list(read_inputs([path]))
        expected = sum(1 for line in data.split(b"\n") if line.strip())
        assert len(arts) == expected
        summary = run([path], Path(tmp) / "out", nlp=nlp)
        with open(Path(tmp) / "out" / "articles.csv", encoding="utf-8", newline="") as fh:
            table = list(csv.DictReader(fh))
        assert len(table) == expected == summary.articles
        assert len({row["article_id"] for row in table}) == expected
        texts = {a.article_id: a.text for a in arts}
        with open(Path(tmp) / "out" / "sentences.csv", encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                assert texts[row["article_id"]][int(row["start"]):int(row["end"])] == row["text"]


@fuzz(2)
@given(st.lists(news_text, min_size=3, max_size=5))
def test_one_and_two_workers_agree(nlp, texts):
    arts = [article_from_text(f"a{i}", f"a{i}.txt", t) for i, t in enumerate(texts)]
    one = list(process_articles(arts, nlp, workers=1))
    two = list(process_articles(arts, nlp, workers=2))
    assert one == two
