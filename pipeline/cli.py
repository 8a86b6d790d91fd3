"""The ``newsie`` command: a thin layer over ``pipeline.api``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import List, Optional

import typer
from typer.core import TyperGroup


class _Commands(TyperGroup):
    """newsie's commands; the viewer's (``show``, ``export``) are added when first named or
    listed (``--help``): the viewer imports pandas, which ``newsie run`` does not need."""

    LAZY = ("show", "export")

    def _add_viewer(self) -> None:
        if all(name in self.commands for name in self.LAZY):
            return
        from .viewer.cli import export_app, show

        viewer = typer.Typer(add_completion=False)
        viewer.command("show")(show)
        viewer.add_typer(export_app, name="export")
        for name, command in typer.main.get_command(viewer).commands.items():
            self.add_command(command, name)

    def list_commands(self, ctx) -> list[str]:
        self._add_viewer()
        return super().list_commands(ctx)

    def get_command(self, ctx, name: str):
        if name in self.LAZY:
            self._add_viewer()
        return super().get_command(ctx, name)


app = typer.Typer(cls=_Commands, add_completion=False, no_args_is_help=True,
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
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="worker processes (persistent, one pipeline each)"),
    model: Optional[str] = typer.Option(None, "--model", help="spaCy model name or path (default: en_core_web_sm, else its registry copy)"),
    published: Optional[str] = typer.Option(None, "--published", help="default publication date (ISO) for articles without one"),
    fmt: str = typer.Option("csv", "--format", help="csv or parquet"),
    config: Optional[Path] = typer.Option(None, "--config", help="pipeline config (default: models/newsie.cfg)"),
    resume: bool = typer.Option(False, "--resume", help="continue an interrupted run in --out (else as --incremental)"),
    incremental: bool = typer.Option(False, "--incremental", help="process only new or changed articles; carry the rest over"),
    engine: str = typer.Option("local", "--engine", help="local (this machine's processes) or dask"),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="dask scheduler address (default: a local cluster)"),
    batch_size: int = typer.Option(16, "--batch-size", min=1, help="articles per batch (the unit of work, resume and Parquet row group)"),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="no progress, only the summary"),
    article_timeout: float = typer.Option(300.0, "--article-timeout", min=0,
                                          help="seconds of stage time per article before it becomes an error row (0: no limit)"),
    max_chars: Optional[int] = typer.Option(None, "--max-chars", min=1,
                                            help="longest article body in characters (default: the model's nlp.max_length, 1,000,000); a longer one is an error row"),
    date_order: Optional[str] = typer.Option(None, "--date-order",
                                             help="MDY, DMY or YMD: how numeric dates read when the article does not say (front matter date_order/locale) and its own dates do not show it"),
) -> None:
    """Extract every table from the articles under PATHS into --out."""
    from .api import Interrupted, OutputError, RunLocked, run as run_batch
    from .core.config import ConfigError, ModelNotFound
    from .core.inputs import normalise_date

    _check_run_usage(paths, out, fmt, engine, scheduler, model, config)
    if date_order is not None and date_order.upper() not in ("MDY", "DMY", "YMD"):
        _fail_usage(f"--date-order must be MDY, DMY or YMD, not {date_order!r}")
    try:
        normalise_date(published)
    except ValueError as exc:
        _fail_usage(f"--published: {exc}")
    progress = None
    if not quiet:
        from .core.progress import Progress
        progress = Progress()
    try:
        summary = run_batch(paths, out, model=model, workers=workers, published=published, fmt=fmt,
                            config=config, progress=progress, resume=resume, incremental=incremental,
                            engine=engine, scheduler=scheduler, batch_size=batch_size,
                            article_timeout=article_timeout or None, max_chars=max_chars, date_order=date_order)
    except (ModelNotFound, ConfigError, RunLocked) as exc:
        _fail_usage(str(exc))
    except OutputError as exc:
        typer.echo(f"newsie: {exc.strerror}", err=True)
        raise typer.Exit(3)
    except Interrupted as exc:
        _report_interrupted(exc, out)
    finally:
        if progress is not None:
            progress.close()
    _report_run(summary, out)


def _check_run_usage(paths, out, fmt, engine, scheduler, model, config) -> None:
    """Usage errors before anything is written (exit 2)."""
    from .api import ENGINES
    from .core.config import ConfigError, ModelNotFound, check_model, read_config, resolve_model_name

    if fmt not in ("csv", "parquet"):
        _fail_usage(f"--format must be csv or parquet, not {fmt!r}")
    if engine not in ENGINES:
        _fail_usage(f"--engine must be {' or '.join(ENGINES)}, not {engine!r}")
    if scheduler and engine != "dask":
        _fail_usage("--scheduler needs --engine dask")
    if out.exists() and not out.is_dir():
        _fail_usage(f"--out {out} is a file, not a folder")
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        _fail_usage(f"no such file or folder: {', '.join(missing)}")
    try:
        cfg, _ = read_config(config)
    except ConfigError as exc:
        _fail_usage(str(exc))
    try:
        check_model(resolve_model_name(model or cfg["newsie"].get("base_model")))
    except ModelNotFound as exc:
        _fail_usage(str(exc))


def _report_run(summary, out: Path) -> None:
    rate = summary.processed / summary.seconds if summary.seconds else 0.0
    extra = f", {summary.carried} carried over" if summary.carried else ""
    extra += f", {summary.resumed_from} done before the resume" if summary.resumed_from else ""
    typer.echo(f"{summary.articles} articles: {summary.ok} ok, {summary.failed} failed{extra} "
               f"in {summary.seconds:.1f} s ({rate:.1f} articles/s) -> {out}/")
    typer.echo("rows: " + ", ".join(f"{name} {n}" for name, n in summary.rows.items()))
    for article_id, error in summary.failures:
        typer.echo(f"  failed {article_id}: {error}", err=True)
    raise typer.Exit(1 if summary.failed else 0)


def _report_interrupted(exc, out: Path) -> None:
    import shlex

    summary = getattr(exc, "summary", None)
    done = f" after {summary.articles} of {summary.total} articles" if summary else ""
    args = [a for a in sys.argv[1:] if a not in ("--resume", "--incremental")]
    typer.echo(f"\nnewsie: interrupted ({exc}){done}; the finished batches are kept in "
               f"{out}/.newsie-partial. Resume with:\n  newsie {shlex.join(args)} --resume", err=True)
    raise typer.Exit(130)


@app.command()
def bench(
    suite: str = typer.Argument(..., help="money (Recognizers-Text currency spec), dates (TempEval-3 platinum) "
                                          "or stages (each component's share of the time on PATH)"),
    path: Optional[Path] = typer.Argument(None, help="stages: the articles to profile (default: corpus/articles)"),
    data: Optional[Path] = typer.Option(None, "--data", help="the suite's data (default: ../shared/benchmarks/...)"),
    json_out: Optional[Path] = typer.Option(None, "--json", help="also write the result as JSON"),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="list every miss and extra"),
) -> None:
    """Score a stage on a peer test suite (not a unit test; figures go to the README)."""
    import json
    import importlib

    if suite == "stages":
        _bench_stages(path or Path("corpus/articles"), json_out)
        return
    if suite not in ("money", "dates"):
        _fail_usage(f"unknown suite {suite!r}: choose money, dates or stages")
    module = importlib.import_module(f"pipeline.evaluation.bench_{suite}")
    try:
        result = module.run_bench(data_path=data)
    except FileNotFoundError as exc:
        _fail_usage(str(exc))
    typer.echo(module.format_report(result, verbose=verbose))
    if json_out:
        json_out.write_text(json.dumps(result, indent=2, ensure_ascii=False), encoding="utf-8")


def _bench_stages(path: Path, json_out: Optional[Path]) -> None:
    import json

    from .core.config import load_pipeline
    from .core.stage_profile import format_profile, profile_stages

    if not path.exists():
        _fail_usage(f"no such file or folder: {path}")
    result = profile_stages(load_pipeline(), [path])
    typer.echo(format_profile(result))
    if json_out:
        json_out.write_text(json.dumps(result, indent=2), encoding="utf-8")


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


def main() -> None:
    app()


if __name__ == "__main__":
    main()
