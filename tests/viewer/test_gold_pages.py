"""Gold mode: newsie eval --report DIR/ writes gold-vs-predicted pages linked from the report."""

import re

from typer.testing import CliRunner

from pipeline.cli import app

SEED = "00_seed_tokayev_xi_beijing"


def test_report_folder_has_linked_gold_vs_predicted_pages(corpus_run, seed_gold, tmp_path):
    res = CliRunner().invoke(app, ["eval", "--gold", str(seed_gold), "--pred", str(corpus_run["out"]),
                                   "--report", str(tmp_path / "report")])
    assert res.exit_code == 0, res.output
    index = (tmp_path / "report" / "index.html").read_text(encoding="utf-8")
    assert f"<a href='a/{SEED}.html'>{SEED}</a>" in index and "quotes.content" in index
    page = (tmp_path / "report" / "a" / f"{SEED}.html").read_text(encoding="utf-8")
    # the removed quote is spurious on the predicted side; the changed amount is missed and spurious
    assert re.search(r'<mark class="m m-quote st-spurious" data-k="p-q0" id="p-q0"', page)
    assert re.search(r'class="m m-money st-missed" data-k="g-m0"', page)
    assert re.search(r'class="m m-money st-spurious" data-k="p-m0"', page)
    assert 'class="m m-date st-matched"' in page
    ids = re.findall(r' id="([^"]+)"', page)
    assert len(ids) == len(set(ids))
    # the file reports still work
    for name in ("r.md", "r.html"):
        ok = CliRunner().invoke(app, ["eval", "--gold", str(seed_gold), "--pred", str(corpus_run["out"]),
                                      "--report", str(tmp_path / name)])
        assert ok.exit_code == 0 and (tmp_path / name).is_file()
