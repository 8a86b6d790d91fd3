"""Fixtures of the viewer tests."""

import pandas as pd
import pytest

SEED = "00_seed_tokayev_xi_beijing"


@pytest.fixture
def seed_gold(corpus_run, tmp_path):
    """The seed article's run as gold, with its first quote removed and a money amount changed."""
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    for path in corpus_run["out"].glob("*.csv"):
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
        frame = frame[frame["article_id"] == SEED]
        if path.stem == "quotes":
            frame = frame.iloc[1:]
        if path.stem == "money":
            frame.loc[frame.index[0], "amount"] = "1"
        frame.to_csv(gold_dir / path.name, index=False)
    return gold_dir
