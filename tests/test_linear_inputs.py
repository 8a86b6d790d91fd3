"""Linear time on pathological texts (issue 10): reading, tokenizing and segmenting grow at
most MAX_GROWTH per doubling of each family in ``tests/families.py``."""

import gc

import pytest

from families import FAMILIES
from growth import MAX_GROWTH, growth_ratio
from pipeline.core.batch import model_text, tokenize
from pipeline.core.inputs import article_from_text

#: family -> n (the larger run takes a few tenths of a second)
SIZES = {"bullet_lines": 2000, "nested_guillemets": 20000, "blank_line_runs": 50000, "long_line": 10000}


@pytest.fixture(scope="module")
def segment(nlp):
    segmenter = nlp.get_pipe("newsie_segmenter")

    def run(text):
        return segmenter(tokenize(nlp, model_text(text)))
    return run


@pytest.mark.parametrize("family", sorted(SIZES))
def test_tokenizing_and_segmenting_grow_linearly(segment, family):
    ratio = growth_ratio(segment, FAMILIES[family], SIZES[family], repeats=2)
    assert ratio <= MAX_GROWTH, f"{family}: x{ratio:.2f} per doubling"


def front_matter_keys(n):
    return "---\n" + "".join(f"key{i}: value {i}\n" for i in range(n)) + "---\nBody.\n"


def front_matter_aliases(n):
    # many small lists, each alias used once: expanded size stays linear
    return ("---\n" + "".join(f"k{i}: &a{i} [x, y]\nr{i}: *a{i}\n" for i in range(min(n, 50)))
            + "".join(f"t{i}: [{', '.join(['v'] * 20)}]\n" for i in range(n)) + "---\nBody.\n")


def read_without_gc(text):
    """Reading one article, the cyclic garbage collector paused: its full collections,
    triggered by the many objects PyYAML makes, add noise above x2 that is not the reader's."""
    gc.disable()
    try:
        return article_from_text("a", "a.txt", text)
    finally:
        gc.enable()


@pytest.mark.parametrize("make, n", [(front_matter_keys, 1500), (front_matter_aliases, 150),
                                     (lambda n: "---\ntitle: x\n" + "word " * n, 20000)])
def test_reading_front_matter_grows_linearly(make, n):
    ratio = growth_ratio(read_without_gc, make, n, repeats=3)
    assert ratio <= MAX_GROWTH, f"x{ratio:.2f} per doubling"


def test_a_long_run_without_spaces_keeps_exact_offsets(nlp):
    text = "«" * 1000 + " Talks «««« went  " + "a" * 450 + "\n\n" + "b" * 201 + " end"
    doc = tokenize(nlp, text)
    assert doc.text == text and max(len(t) for t in doc) <= 200
    assert tokenize(nlp, "Plain text here.").text == "Plain text here."


def test_lone_cr_line_ends_are_lines_and_rows_slice_back(nlp):
    from pipeline.core.batch import process_articles

    text = "---\rtitle: Old Mac file\r---\rLeaders meet\r\rThe ministers met in Astana.\rThey signed a treaty.\r"
    art = article_from_text("mac", "mac.txt", text)
    (rows,) = process_articles([art], nlp)
    assert rows["articles"][0]["status"] == "ok" and rows["articles"][0]["title"] == "Old Mac file"
    sentences = [r["text"] for r in rows["sentences"]]
    assert sentences[:2] == ["Leaders meet", "The ministers met in Astana."]
    for table, table_rows in rows.items():
        for row in table_rows:
            if row.get("start") is not None and row.get("text") is not None:
                assert text[row["start"]:row["end"]] == row["text"], (table, row)


def test_documents_per_item_lookups_grow_linearly(nlp):
    # what the documents stage does once per list item: document types and a subject
    # marker looked up in the article text (both sliced the whole rest of the text before)
    from pipeline.stages.documents.phrases import _marker_at, find_types

    lex = nlp.get_pipe("newsie_documents").lex

    def per_item(text):
        for _ in range(5):   # a list that fits the CPU cache, walked several times: less noise
            start = 0
            for line in text.split("\n"):
                find_types(text, lex, start, start + len(line))
                _marker_at(text, start + 2, lex, False)
                start += len(line) + 1

    ratio = growth_ratio(per_item, FAMILIES["bullet_lines"], 1000, repeats=3)
    assert ratio <= MAX_GROWTH, f"x{ratio:.2f} per doubling"


@pytest.mark.parametrize("text, pos, expected", [
    ("an agreement on trade", 13, (13, 16)),
    ("an agreement on   the roads", 13, (13, 18)),
    ("the memorandum in the field of energy", 15, (15, 31)),
    ("an agreement on", 13, None),
    ("an agreement on   ", 13, None),
    ("an agreement onward", 13, None),
])
def test_subject_marker_reads_only_the_words_after_it(nlp, text, pos, expected):
    from pipeline.stages.documents.phrases import _marker_at

    assert _marker_at(text, pos, nlp.get_pipe("newsie_documents").lex, False) == expected


def test_start_index_follows_a_growing_list():
    from pipeline.stages.documents.findings import StartIndex

    items = [5, 40]
    index = StartIndex(lambda x: x)
    assert index.any_in(items, 0, 10) and not index.any_in(items, 10, 40)
    items.append(20)
    assert index.any_in(items, 10, 40) and not index.any_in(items, 41, 99)
    assert not index.any_in([], 0, 99)
