"""Reading article files: formats, front matter, ids, and per-file errors."""

import json

import pytest

from pipeline.core.inputs import article_from_text, read_inputs


def test_front_matter_sets_metadata_and_offsets():
    text = "---\ntitle: Talks in Astana\npublished: 2024-03-05\nurl: http://x.test/a\nsource: Wire\nlang: en\n---\nBody line.\n"
    art = article_from_text("a", "a.txt", text)
    assert (art.title, art.published, art.url, art.source) == ("Talks in Astana", "2024-03-05", "http://x.test/a", "Wire")
    assert art.meta == {"lang": "en"}
    assert text[art.body_start:] == "Body line.\n"
    assert art.error is None


def test_title_defaults_to_first_non_empty_line_and_published_default():
    art = article_from_text("a", "a.txt", "\n\n  Leaders meet  \n\nBody.", published="2020-01-02")
    assert art.title == "Leaders meet"
    assert art.published == "2020-01-02"
    assert art.body_start == 0


@pytest.mark.parametrize("text, message", [
    ("", "empty"),
    ("   \n\n", "empty"),
    ("---\ntitle: x\n---\n\n", "empty"),
    ("---\npublished: yesterday\n---\nBody.", "published is not an ISO date"),
    ("---\n: [unbalanced\n---\nBody.", "front matter is not valid YAML"),
])
def test_bad_articles_are_errors_not_exceptions(text, message):
    art = article_from_text("a", "a.txt", text)
    assert art.error and message in art.error


def test_folder_walk_is_sorted_recursive_with_relative_ids(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("Z body.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("A body.", encoding="utf-8")
    (tmp_path / "notes.csv").write_text("ignored", encoding="utf-8")
    (tmp_path / "feed.jsonl").write_text(
        json.dumps({"id": "r1", "text": "One.", "published": "2021-05-01"}) + "\n\n"
        + json.dumps({"id": "r2", "text": "Two.", "title": "T2"}) + "\n{broken\n", encoding="utf-8")
    arts = list(read_inputs([tmp_path]))
    assert [a.article_id for a in arts] == ["a", "b/z", "r1", "r2", "feed:4"]
    assert arts[2].published == "2021-05-01" and arts[3].title == "T2"
    assert arts[4].error and "not JSON" in arts[4].error


def test_unreadable_encodings_are_reported(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 talks in Almaty.".encode("latin-1"))
    (tmp_path / "bom.txt").write_bytes("\ufeffGood text.".encode("utf-8"))
    arts = {a.article_id: a for a in read_inputs([tmp_path])}
    assert "empty" in arts["empty"].error
    assert "binary" in arts["binary"].error
    assert "UTF-8" in arts["latin1"].error
    assert arts["bom"].error is None and arts["bom"].text == "Good text."


def test_html_main_text_is_extracted(tmp_path):
    body = " ".join(["The ministers of Kazakhstan and China signed an agreement on transport."] * 5)
    html = f"<html><head><title>Deal signed</title></head><body><nav>Home | About</nav><article><h1>Deal signed</h1><p>{body}</p></article></body></html>"
    (tmp_path / "page.html").write_text(html, encoding="utf-8")
    (art,) = read_inputs([tmp_path])
    assert art.error is None
    assert "signed an agreement on transport" in art.text
    assert "Home | About" not in art.text
