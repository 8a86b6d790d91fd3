"""Progress: total, percentage, articles/s and ETA; one line per interval in logs; --quiet."""

from __future__ import annotations

import io

from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.core.progress import Progress, count_articles


class Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


def test_a_terminal_line_has_total_percentage_rate_and_eta(monkeypatch):
    clock = Clock()
    monkeypatch.setattr("pipeline.core.progress.time.monotonic", clock)
    stream = io.StringIO()
    bar = Progress(stream, tty=True)
    bar(0, 200)
    clock.now += 10
    bar(50, 200)
    line = stream.getvalue().split("\r")[-1]
    assert "50/200" in line and "25.0%" in line and "5.0 articles/s" in line and "ETA 0m30s" in line


def test_logs_get_one_plain_line_per_interval_and_one_at_the_end(monkeypatch):
    clock = Clock()
    monkeypatch.setattr("pipeline.core.progress.time.monotonic", clock)
    stream = io.StringIO()
    bar = Progress(stream, tty=False, interval=30)
    bar(100, 1000)            # a resumed run: 100 done before
    for done in range(110, 1001, 10):
        clock.now += 1
        bar(done, 1000)
    lines = stream.getvalue().splitlines()
    assert all(line.startswith("progress: ") for line in lines) and "\r" not in stream.getvalue()
    assert 3 <= len(lines) <= 5
    assert lines[-1].startswith("progress: 1000/1000  100.0%  10.0 articles/s")


def test_count_articles_counts_files_and_jsonl_records(tmp_path):
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "b.jsonl").write_text('{"id": 1, "text": "x"}\n\n{"id": 2, "text": "y"}\n')
    (tmp_path / "notes.md").write_text("not an article")
    assert count_articles([tmp_path]) == 3


def test_quiet_prints_only_the_summary(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Talks\n\nThey met today.", encoding="utf-8")
    result = CliRunner().invoke(app, ["run", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--quiet"])
    assert result.exit_code == 0, result.output
    assert "progress" not in result.output and "1 articles: 1 ok" in result.output
    result = CliRunner().invoke(app, ["run", str(tmp_path / "in"), "--out", str(tmp_path / "out")])
    assert "progress: 1/1  100.0%" in result.output


def test_bench_stages_gives_each_component_its_share(nlp, tmp_path):
    from pipeline.core.stage_profile import format_profile, profile_stages

    (tmp_path / "a.txt").write_text("Talks\n\nPutin met Tokayev in Moscow on 5 May 2023.", encoding="utf-8")
    result = profile_stages(nlp, [tmp_path], min_articles=2)
    assert result["articles"] == 2
    assert set(result["seconds"]) == {"tokenizer", *nlp.pipe_names}
    assert set(result["newsie"]) == {n for n in nlp.pipe_names if n.startswith("newsie_")}
    report = format_profile(result)
    assert "newsie_entities" in report and "of the time" in report
