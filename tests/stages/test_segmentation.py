"""Sentence segmentation: news layout rules on top of the statistical parser."""

import pytest

from pipeline.core.stage import content_sentences


@pytest.fixture(scope="module")
def seg(nlp):
    def sentences(text):
        return [s.text.strip() for s in content_sentences(nlp(text))]
    return sentences


@pytest.mark.parametrize("text, expected", [
    # bullets, one item per line, each its own sentence
    ("The ministers signed these documents:\n• Agreement on trade;\n• Memorandum on culture;\n• Protocol on customs.",
     ["The ministers signed these documents:", "• Agreement on trade;", "• Memorandum on culture;",
      "• Protocol on customs."]),
    ("They signed:\n- an agreement on roads;\n– a memorandum on rail.",
     ["They signed:", "- an agreement on roads;", "– a memorandum on rail."]),
    ("They signed:\n1. Agreement on roads;\n2. Memorandum on rail.",
     ["They signed:", "1. Agreement on roads;", "2. Memorandum on rail."]),
    # inline ordinal items run together with semicolons
    ("The sides signed two papers. First: an agreement on roads; Second: a memorandum on rail.",
     ["The sides signed two papers.", "First: an agreement on roads;", "Second: a memorandum on rail."]),
])
def test_list_items_are_sentences(seg, text, expected):
    assert seg(text) == expected


@pytest.mark.parametrize("text, expected", [
    # title line (with a quotation inside) is one sentence; caption line its own
    ("“We support you.” Leaders meet in Astana\n\nThe leaders at the talks / Photo:\n\nThe talks began at noon.",
     ["“We support you.” Leaders meet in Astana", "The leaders at the talks / Photo:", "The talks began at noon."]),
    # question sub-heads run into the paragraph
    ("Ministers met in Tashkent.\n\nWhat happened? The ministers agreed on a plan. Why now? Trade grew fast.",
     ["Ministers met in Tashkent.", "What happened?", "The ministers agreed on a plan.", "Why now?",
      "Trade grew fast."]),
])
def test_layout_lines_are_sentences(seg, text, expected):
    assert seg(text) == expected


@pytest.mark.parametrize("text", [
    "Headline here\n\n«Trade is growing. We will do more,» the minister said. He left.",
    "Headline here\n\n“Trade is growing. We will do more,” the minister said. He left.",
    "Headline here\n\n\"Trade is growing. We will do more,\" the minister said. He left.",
    "Headline here\n\nThe minister said: «We will do more.» Then he left.",
])
def test_quote_marks_stay_with_their_sentence(seg, text):
    sents = seg(text)
    for s in sents:
        assert s not in ("«", "»", "“", "”", '"'), sents
        assert not s.startswith(("»", "”")), sents
    closing = [s for s in sents if "more," in s or "more." in s]
    assert closing and any(s.endswith(("said.", "more.»")) for s in closing), sents


def test_wrapped_lines_are_not_split(seg):
    text = "Title\n\nThe agreement covers trade and\ninvestment between the two countries.\n"
    assert seg(text) == ["Title", "The agreement covers trade and\ninvestment between the two countries."]


def test_empty_and_whitespace_texts(nlp):
    assert content_sentences(nlp("")) == []
    assert content_sentences(nlp("\n\n  \n")) == []


@pytest.mark.parametrize("text, expected", [
    ("T\n\nAlibek Kuantyrov, Minister of National Economy, said the plan works.",
     ["T", "Alibek Kuantyrov, Minister of National Economy, said the plan works."]),
    ("Oil\n\nKazakhstan exported more oil in 2023.", ["Oil", "Kazakhstan exported more oil in 2023."]),
    ("Title\n\nYes. No. Maybe so.", ["Title", "Yes.", "No.", "Maybe so."]),
])
def test_a_paragraph_after_a_short_title_is_not_split_at_its_first_word(seg, text, expected):
    assert seg(text) == expected
