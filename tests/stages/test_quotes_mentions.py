"""Speaker mentions as data (issue 12 part 3): speaker_start/speaker_end slice back to
speaker_text on every row of the corpus run, are empty together, and speaker_label is one of the
documented kinds."""

from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[2]
LABELS = {"PERSON", "ORG", "GPE", "NORP", "MEDIA", "UNNAMED"}


def test_speaker_offsets_slice_back_over_the_corpus(corpus_run):
    quotes = corpus_run["tables"]["quotes"]
    articles = corpus_run["tables"]["articles"].set_index("article_id")
    assert len(quotes)
    for row in quotes.itertuples():
        empty = [pd.isna(row.speaker_text), pd.isna(row.speaker_start), pd.isna(row.speaker_end)]
        assert all(empty) or not any(empty), row
        if pd.isna(row.speaker_text):
            continue
        text = (ROOT / articles.loc[row.article_id, "source_path"]).read_text(encoding="utf-8")
        assert text[row.speaker_start:row.speaker_end] == row.speaker_text, row


def test_speaker_labels_are_documented_kinds(corpus_run):
    quotes = corpus_run["tables"]["quotes"]
    labels = set(quotes["speaker_label"].dropna())
    assert labels <= LABELS
    named = quotes[quotes["speaker"].notna()]
    assert named["speaker_label"].notna().all()
    unnamed = quotes[quotes["speaker"].isna() & quotes["speaker_text"].notna()]
    assert (unnamed["speaker_label"].isin({"UNNAMED", "MEDIA"})).all()
