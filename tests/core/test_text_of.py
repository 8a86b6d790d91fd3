"""core.text.text_of (doc.text built once per doc) and core.stage.content_sentences."""

import pytest
import spacy
from spacy.tokens import Doc

from pipeline.core.stage import content_sentences
from pipeline.core.text import TEXT_KEY, text_of


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


@pytest.mark.parametrize("text", [
    "Talks opened in Astana on Monday.",
    "  leading spaces\n\n\ttabs and  double  spaces  ",
    "«Guillemets», ‘curly’ quotes — and a dash.",
    "",
    "\n\n\n",
])
def test_text_of_is_doc_text_and_kept(blank, text):
    doc = blank(text)
    assert text_of(doc) == doc.text == text
    assert doc.user_data[TEXT_KEY] == text
    assert text_of(doc) is text_of(doc)


def test_text_of_recomputes_a_copied_text_of_another_length(blank):
    # user_data copied from another doc (as Span.as_doc can) must not be trusted
    doc = blank("One two three.")
    doc.user_data[TEXT_KEY] = "One two three. Four five."
    assert text_of(doc) == "One two three."


def test_text_of_on_doc_built_from_words(blank):
    doc = Doc(blank.vocab, words=["Hello", ",", "world"], spaces=[False, True, False])
    assert text_of(doc) == "Hello, world"


def _sents(blank, words, starts):
    spaces = [not w.isspace() for w in words]
    doc = Doc(blank.vocab, words=words, spaces=spaces, sent_starts=starts)
    return doc


@pytest.mark.parametrize("words,starts,expected", [
    (["A", "b", ".", "\n\n", "C", "d", "."], [True, False, False, True, True, False, False], ["A b .", "C d ."]),
    (["A", ".", "\n\n\n", "B", "."], [True, False, True, True, False], ["A .", "B ."]),
    (["Only", "one", "."], [True, False, False], ["Only one ."]),
    (["\n", "X", "."], [True, True, False], ["X ."]),
    (["Y", "\n \n", "Z"], [True, True, True], ["Y", "Z"]),
])
def test_content_sentences_drops_blank_sentences(blank, words, starts, expected):
    doc = _sents(blank, words, starts)
    got = content_sentences(doc)
    assert [s.text for s in got] == expected
    assert [s.text for s in got] == [s.text for s in doc.sents if s.text.strip()]
