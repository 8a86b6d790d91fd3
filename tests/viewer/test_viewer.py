"""The viewer: span layout, pages from the corpus run, pipeline.render, newsie show."""

import re
from html.parser import HTMLParser

import pytest
from conftest import CORPUS
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.viewer import layout, load_articles, render
from pipeline.viewer.layout import Mark
from pipeline.viewer.marks import speaker_span
from pipeline.viewer.page import article_page


class Nesting(HTMLParser):
    """Checks that marks nest and collects the text under each key."""

    def __init__(self):
        super().__init__()
        self.stack, self.text, self.spans = [], [], {}

    def handle_starttag(self, tag, attrs):
        if tag == "mark":
            self.stack.append((dict(attrs)["data-k"], len("".join(self.text))))

    def handle_endtag(self, tag):
        if tag == "mark":
            key, start = self.stack.pop()
            a, b = self.spans.get(key, (start, None))
            self.spans[key] = (min(a, start), len("".join(self.text)))

    def handle_data(self, data):
        self.text.append(data)


def parse(html):
    p = Nesting()
    p.feed(html)
    assert p.stack == []
    return p


@pytest.mark.parametrize("spans", [
    [(0, 10), (5, 20)],                        # crossing
    [(0, 20), (0, 20), (3, 8)],                # identical and nested
    [(2, 6), (0, 20), (4, 15), (15, 18)],      # chains
    [(0, 5), (5, 10)],                         # adjacent
    [(3, 9), (1, 4), (8, 12), (0, 25)],        # several crossings inside an outer span
])
def test_overlapping_spans_nest_and_keep_their_extent(spans):
    text = "abcdefghijklmnopqrstuvwxyz <&>"
    marks = [Mark(s, e, f"k{i}", "m") for i, (s, e) in enumerate(spans)]
    p = parse(layout.render(text, marks))
    assert "".join(p.text) == text
    for i, (s, e) in enumerate(spans):
        assert p.spans[f"k{i}"] == (s, e)


def test_out_of_range_marks_are_not_drawn():
    assert layout.render("abc", [Mark(2, 9, "k", "m"), Mark(1, 1, "z", "m")]) == "abc"


def test_speaker_found_from_entity_or_explicit_offsets():
    text = "Ana Reyes said: \"Peace is near.\" Reyes left."
    ents = [{"start": 0, "end": 9, "entity_id": 0}, {"start": 33, "end": 38, "entity_id": 0}]
    sents = [{"sentence_id": 0, "start": 0, "end": 32}, {"sentence_id": 1, "start": 33, "end": 44}]
    q = {"start": 17, "end": 31, "sentence_id": 0, "speaker_entity_id": 0}
    assert speaker_span(q, ents, sents, text) == (0, 9)
    assert speaker_span({**q, "speaker_start": 33, "speaker_end": 38}, ents, sents, text) == (33, 38)
    pron = {"start": 17, "end": 31, "sentence_id": 0, "speaker_entity_id": None, "speaker_text": "Ana Reyes"}
    assert speaker_span(pron, [], sents, text) == (0, 9)
    # a quote over two sentences, its speaker after it; another mention just before it
    text = 'Reyes came. "One. Two," Reyes said.'
    ents = [{"start": 0, "end": 5, "entity_id": 0}, {"start": 24, "end": 29, "entity_id": 0}]
    sents = [{"sentence_id": 0, "start": 0, "end": 11}, {"sentence_id": 1, "start": 12, "end": 17},
             {"sentence_id": 2, "start": 18, "end": 35}]
    q = {"start": 13, "end": 22, "sentence_id": 1, "speaker_entity_id": 0}
    assert speaker_span(q, ents, sents, text) == (24, 29)


def test_every_record_of_the_corpus_is_drawn_in_its_text(corpus_run):
    arts = load_articles(corpus_run["out"])
    assert len(arts) == len(corpus_run["tables"]["articles"])
    for art in arts:
        assert art.text is not None, art.article_id
        page = article_page(art)
        ids = set(re.findall(r'<mark [^>]*id="([^"]+)"', page))
        for table, letter, col in (("quotes", "q", "quote_id"), ("documents", "d", "document_id"),
                                   ("money", "m", "money_id"), ("dates", "t", "date_id"),
                                   ("entities", "e", "mention_id")):
            for r in art.rows(table):
                assert f"{letter}{r[col]}" in ids, (art.article_id, table, r)
        for q in art.rows("quotes"):
            if q.get("speaker_entity_id") is not None:
                assert f'data-speaker="sp{q["quote_id"]}"' in page, (art.article_id, q)


def test_render_is_offline_and_displays_inline(corpus_run):
    page = render(corpus_run["out"], "00_seed_tokayev_xi_beijing")
    assert "<script>" in page and "<style>" in page
    assert not re.search(r'(src|href)="https?:', page)
    assert page._repr_html_().startswith("<iframe srcdoc=")


def test_render_extract_output(nlp):
    import pipeline

    text = 'Ana Reyes said: "We signed a $2 billion agreement with Chile on 3 May 2024."'
    page = render(pipeline.extract(text, nlp=nlp), text=text)
    assert 'class="m m-money"' in page and "2,000,000,000 USD" in page


def test_cli_show_writes_index_and_pages(corpus_run, tmp_path, monkeypatch):
    res = CliRunner().invoke(app, ["show", str(corpus_run["out"]), "--html", str(tmp_path / "site")])
    assert res.exit_code == 0, res.output
    index = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    for aid in corpus_run["tables"]["articles"]["article_id"]:
        assert aid in index
    assert len(list((tmp_path / "site" / "a").glob("*.html"))) == len(corpus_run["tables"]["articles"])
    one = CliRunner().invoke(app, ["show", str(corpus_run["out"]), "00_seed_tokayev_xi_beijing", "nope",
                                   "--html", str(tmp_path / "one")])
    assert one.exit_code == 1 and "nope" in one.output
    monkeypatch.chdir(tmp_path)  # source_path no longer resolves: --articles finds the files
    for name, extra in (("lost", []), ("found", ["--articles", str(CORPUS)])):
        res = CliRunner().invoke(app, ["show", str(corpus_run["out"]), "00_seed_tokayev_xi_beijing",
                                       "--html", str(tmp_path / name), *extra])
        assert res.exit_code == 0
    page = (tmp_path / "{}" / "a" / "00_seed_tokayev_xi_beijing.html").as_posix()
    assert "text was not found" in open(page.format("lost"), encoding="utf-8").read()
    assert 'class="m m-quote"' in open(page.format("found"), encoding="utf-8").read()
    bad = CliRunner().invoke(app, ["show", str(tmp_path), "--html", str(tmp_path / "x")])
    assert bad.exit_code == 2


def test_jsonl_and_parquet_runs_are_shown_with_the_record_text(nlp, tmp_path):
    import json

    import pipeline

    records = [{"id": "a1", "text": 'Ana Reyes said: "We will sign a $2 billion deal with Chile in May 2024."',
                "published": "2024-01-02"},
               {"id": "a2", "text": "Jon Berg met officials in Oslo on 3 March 2024."}]
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    pipeline.run([src], tmp_path / "out", nlp=nlp, fmt="parquet")
    arts = {a.article_id: a for a in load_articles(tmp_path / "out")}
    assert {k: a.text for k, a in arts.items()} == {r["id"]: r["text"] for r in records}
    page = article_page(arts["a1"])
    assert 'class="m m-money"' in page and 'class="m m-quote"' in page and 'class="m m-date"' in page
