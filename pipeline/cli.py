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
) -> None:
    """Extract every table from the articles under PATHS into --out."""
    from .api import run as run_batch
    from .config import ModelNotFound, load_pipeline
    from .inputs import normalise_date

    if fmt not in ("csv", "parquet"):
        _fail_usage(f"--format must be csv or parquet, not {fmt!r}")
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        _fail_usage(f"no such file or folder: {', '.join(missing)}")
    try:
        normalise_date(published)
    except ValueError as exc:
        _fail_usage(f"--published: {exc}")
    try:
        nlp = load_pipeline(model, config)
    except ModelNotFound as exc:
        typer.echo(f"newsie: {exc}", err=True)
        raise typer.Exit(2)

    bar = None
    if sys.stderr.isatty():
        from tqdm import tqdm
        bar = tqdm(unit="article", file=sys.stderr, dynamic_ncols=True)

    def progress(row: dict) -> None:
        if bar is not None:
            bar.update(1)

    try:
        summary = run_batch(paths, out, nlp=nlp, workers=workers, published=published, fmt=fmt,
                            progress=progress)
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
    module = importlib.import_module(f"pipeline.bench_{suite}")
    try:
        result = module.run_bench(data_path=data)
    except FileNotFoundError as exc:
        _fail_usage(str(exc))
    typer.echo(module.format_report(result, verbose=verbose))
    if json_out:
        json_out.write_text(json.dumps(result, indent=2, ensure_ascii=False), encoding="utf-8")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
