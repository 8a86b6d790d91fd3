"""The entities stage's phrase index finds what spaCy's PhraseMatcher would, built without
tokenizing the plain-word forms (pipeline/stages/entities/phrases.py)."""

import pytest
from spacy.matcher import PhraseMatcher

from pipeline.stages.entities.phrases import PhraseIndex, form_words

FORMS = ["Ministry of Foreign Affairs", "Foreign Affairs", "Ministry", "St. John's", "U.S.",
         "People’s Republic of China", "Antigua & Barbuda", "cannot", "Astana", "Astana-based",
         "Gazprom Neft", "Nur-Sultan"]


@pytest.fixture(scope="module")
def stage(nlp):
    return nlp.get_pipe("newsie_entities")


def test_every_gazetteer_form_is_split_as_the_tokenizer_splits_it(nlp, stage):
    forms = list(stage.gaz.patterns)
    words = form_words(nlp, forms)
    assert [f for f in forms if words[f] != tuple(t.text for t in nlp.tokenizer(f))] == []


@pytest.mark.parametrize("form", ["cannot", "Ministry of Foreign Affairs", "St. John's", "Nur-Sultan",
                                  "People’s Republic of China", "A$ bonds"])
def test_form_words_match_the_tokenizer(nlp, form):
    assert form_words(nlp, [form])[form] == tuple(t.text for t in nlp.tokenizer(form))


@pytest.mark.parametrize("text", [
    "The Ministry of Foreign Affairs of Kazakhstan said on Monday.",
    "Officials in St. John's and Astana-based lenders met at the Foreign Affairs committee.",
    "The People’s Republic of China and Antigua & Barbuda signed; U.S. officials cannot say.",
    "Gazprom Neft and Nur-Sultan's\nMinistry Ministry of Foreign",
    "Ministry of Foreign Affairs",
])
def test_matches_equal_the_phrase_matcher(nlp, text):
    matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
    for form in FORMS:
        matcher.add(form, [nlp.make_doc(form)])
    doc = nlp.make_doc(text)
    expected = [(s, e, nlp.vocab.strings[k]) for k, s, e in matcher(doc)]
    index = PhraseIndex(nlp, FORMS)
    found = [(s, e, f) for s, e, forms in index.find([t.text for t in doc]) for f in forms]
    assert found == expected
    assert expected   # every text has a match
