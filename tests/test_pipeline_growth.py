"""Every pathological family of the reliability issue through the WHOLE pipeline (reading,
tokenizing, the model and every newsie stage, as the batch runs one article): the cost grows at
most MAX_GROWTH per doubling of the input. The per-stage tests next to each stage find which
stage regressed; this one guards the sum."""

from __future__ import annotations

import pytest

from families import FAMILIES
from growth import MAX_GROWTH, growth_ratio
from pipeline.core.batch import process_articles
from pipeline.core.inputs import article_from_text

#: sizes where the larger text takes a few tenths of a second end to end
SIZES = {"bullet_lines": 400, "nested_guillemets": 4000, "blank_line_runs": 4000, "long_line": 2000,
         "said_that_chain": 150, "spaces_in_signing": 4000, "dash_bullets_dates": 400}


def test_every_family_is_measured():
    assert set(SIZES) == set(FAMILIES)


@pytest.mark.parametrize("family", sorted(SIZES))
def test_whole_pipeline_grows_linearly(nlp, family):
    def process(text):
        (rows,) = process_articles([article_from_text("a", "a.txt", text)], nlp)
        if text.strip():        # make(0) of a family may be empty: an error row, still timed
            assert rows["articles"][0]["status"] == "ok", rows["articles"][0]["error"]

    ratio = growth_ratio(process, FAMILIES[family], SIZES[family], repeats=1)
    assert ratio <= MAX_GROWTH, f"{family}: x{ratio:.2f} per doubling"
