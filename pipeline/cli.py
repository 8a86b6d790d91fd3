"""The ``newsie`` command: a thin layer over ``pipeline.api``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import List, Optional

import typer

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="newsie: quotes, signed documents, money and dates from news articles, as tables.")


@app.callback()
def _root() -> None:
    """newsie: quotes, signed documents, money and dates from news articles, as tables."""


def _fail_usage(message: str) -> None:
    typer.echo(f"newsie: {message}", err=True)
    raise typer.Exit(2)


@app.command()
def run(
    paths: List[Path] = typer.Argument(..., help="article files or folders (.txt, .jsonl, .html), walked recursively"),
    out: Path = typer.Option(Path("outputs"), "--out", "-o", help="folder for the tables"),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="processes for nlp.pipe(n_process=N)"),
    model: Optional[str] = typer.Option(None, "--model", help="spaCy model name or path (default: en_core_web_sm, else its registry copy)"),
    published: Optional[str] = typer.Option(None, "--published", help="default publication date (ISO) for articles without one"),
    fmt: str = typer.Option("csv", "--format", help="csv or parquet"),
    config: Optional[Path] = typer.Option(None, "--config", help="pipeline config (default: models/newsie.cfg)"),
    article_timeout: float = typer.Option(300.0, "--article-timeout", min=0,
                                          help="seconds of stage time per article before it becomes an error row (0: no limit)"),
    max_chars: int = typer.Option(1_000_000, "--max-chars", min=1,
                                  help="longest article body in characters; a longer one is an error row"),
    date_order: Optional[str] = typer.Option(None, "--date-order",
                                             help="MDY, DMY or YMD: how numeric dates read (front matter date_order overrides)"),
) -> None:
    """Extract every table from the articles under PATHS into --out."""
    from .api import run as run_batch
    from .core.config import ConfigError, ModelNotFound, load_pipeline
    from .core.inputs import normalise_date

    if fmt not in ("csv", "parquet"):
        _fail_usage(f"--format must be csv or parquet, not {fmt!r}")
    if out.exists() and not out.is_dir():
        _fail_usage(f"--out {out} is a file, not a folder")
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        _fail_usage(f"no such file or folder: {', '.join(missing)}")
    try:
        normalise_date(published)
    except ValueError as exc:
        _fail_usage(f"--published: {exc}")
    try:
        nlp = load_pipeline(model, config)
    except (ModelNotFound, ConfigError) as exc:
        _fail_usage(str(exc))
    if date_order is not None:
        if date_order.upper() not in ("MDY", "DMY", "YMD"):
            _fail_usage(f"--date-order must be MDY, DMY or YMD, not {date_order!r}")
        if "newsie_dates" in nlp.pipe_names:
            nlp.get_pipe("newsie_dates").grammar.date_order = date_order.upper()

    bar = None
    if sys.stderr.isatty():
        from tqdm import tqdm
        bar = tqdm(unit="article", file=sys.stderr, dynamic_ncols=True)

    def progress(row: dict) -> None:
        if bar is not None:
            bar.update(1)

    try:
        summary = run_batch(paths, out, nlp=nlp, workers=workers, published=published, fmt=fmt,
                            progress=progress, article_timeout=article_timeout or None, max_chars=max_chars)
    finally:
        if bar is not None:
            bar.close()
    rate = summary.articles / summary.seconds if summary.seconds else 0.0
    typer.echo(f"{summary.articles} articles: {summary.ok} ok, {summary.failed} failed "
               f"in {summary.seconds:.1f} s ({rate:.1f} articles/s) -> {out}/")
    typer.echo("rows: " + ", ".join(f"{name} {n}" for name, n in summary.rows.items()))
    for article_id, error in summary.failures:
        typer.echo(f"  failed {article_id}: {error}", err=True)
    raise typer.Exit(1 if summary.failed else 0)


@app.command()
def bench(
    suite: str = typer.Argument(..., help="money (Recognizers-Text currency spec) or dates (TempEval-3 platinum)"),
    data: Optional[Path] = typer.Option(None, "--data", help="the suite's data (default: ../shared/benchmarks/...)"),
    json_out: Optional[Path] = typer.Option(None, "--json", help="also write the result as JSON"),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="list every miss and extra"),
) -> None:
    """Score a stage on a peer test suite (not a unit test; figures go to the README)."""
    import json
    import importlib

    if suite not in ("money", "dates"):
        _fail_usage(f"unknown suite {suite!r}: choose money or dates")
    module = importlib.import_module(f"pipeline.evaluation.bench_{suite}")
    try:
        result = module.run_bench(data_path=data)
    except FileNotFoundError as exc:
        _fail_usage(str(exc))
    typer.echo(module.format_report(result, verbose=verbose))
    if json_out:
        json_out.write_text(json.dumps(result, indent=2, ensure_ascii=False), encoding="utf-8")


@app.command("eval")
def eval_(
    gold: Path = typer.Option(..., "--gold", help="folder of gold tables (articles.csv lists the articles scored)"),
    pred: Path = typer.Option(Path("outputs"), "--pred", help="folder of a run's tables"),
    json_out: Optional[Path] = typer.Option(None, "--json", help="write every figure as JSON"),
    report: Optional[Path] = typer.Option(None, "--report", help="write misses/spurious records: .md or .html, "
                                          "or a folder DIR/ (gold vs predicted pages per article)"),
    fail_under: Optional[List[str]] = typer.Option(None, "--fail-under",
                                                  help="TABLE=F1 (or TABLE.METRIC[.FIGURE]=X); exit 1 when not met"),
) -> None:
    """Score a run's tables against gold tables (precision, recall, F1 per table and article)."""
    from .evaluation.evaluate import (GoldError, check_thresholds, evaluate, format_table, parse_thresholds,
                           write_json, write_report)

    if report is not None and report.suffix and not report.is_dir() \
            and report.suffix.lower() not in (".md", ".markdown", ".html", ".htm"):
        _fail_usage(f"--report must end in .md or .html (or be a folder), not {report.name!r}")
    try:
        thresholds = parse_thresholds(fail_under or [])
        ev = evaluate(gold, pred)
        failures = check_thresholds(ev, thresholds)
    except GoldError as exc:
        _fail_usage(str(exc))
    typer.echo(format_table(ev))
    if json_out:
        write_json(ev, json_out)
    if report:
        write_report(ev, report)
    for message in failures:
        typer.echo(f"below threshold: {message}", err=True)
    raise typer.Exit(1 if failures else 0)


@app.command("import-gold")
def import_gold(
    source: Path = typer.Argument(..., help="Label Studio JSON export, or a brat folder of .txt/.ann pairs"),
    out: Path = typer.Option(..., "--out", "-o", help="folder for the gold tables"),
    fmt: str = typer.Option("labelstudio", "--from", help="labelstudio or brat"),
    articles: Optional[Path] = typer.Option(None, "--articles",
                                            help="the article files: align offsets when the tool saw only the body"),
) -> None:
    """Turn an annotation tool's export into gold tables (articles, entities, quotes)."""
    from .evaluation.importers import ImportError_, import_gold as do_import

    if fmt not in ("labelstudio", "brat"):
        _fail_usage(f"--from must be labelstudio or brat, not {fmt!r}")
    if not source.exists():
        _fail_usage(f"no such file or folder: {source}")
    if articles is not None and not articles.exists():
        _fail_usage(f"--articles: no such file or folder: {articles}")
    try:
        result = do_import(source, out, fmt=fmt, articles=articles)
    except ImportError_ as exc:
        _fail_usage(str(exc))
    typer.echo(f"{result.articles} articles -> {out}/: " + ", ".join(f"{k} {v}" for k, v in result.rows.items()))
    for warning in result.warnings:
        typer.echo(f"  warning: {warning}", err=True)


@app.command("package")
def package(
    out: Path = typer.Argument(..., help="folder to write the spaCy pipeline into (spacy.load(OUT))"),
    model: Optional[str] = typer.Option(None, "--model", help="spaCy base model name or path"),
    config: Optional[Path] = typer.Option(None, "--config", help="pipeline config (default: the package's)"),
) -> None:
    """Write the newsie pipeline as a spaCy pipeline directory: spacy.load(OUT) gives it whole."""
    from . import __version__
    from .core.config import ConfigError, ModelNotFound, load_pipeline
    from .core.package import package_pipeline

    if out.exists() and not out.is_dir():
        _fail_usage(f"{out} is a file, not a folder")
    try:
        nlp = load_pipeline(model, config)
    except (ModelNotFound, ConfigError) as exc:
        _fail_usage(str(exc))
    package_pipeline(nlp, out, __version__)
    typer.echo(f"newsie {__version__} pipeline -> {out}/ (spacy.load('{out}'))")


from .viewer.cli import export_app as _export_app, show as _show  # noqa: E402  (viewer, annotation export)
app.command("show")(_show)
app.add_typer(_export_app, name="export")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
