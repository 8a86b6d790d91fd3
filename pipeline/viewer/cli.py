"""``newsie show``: the viewer's command, registered on the main app by ``pipeline.cli``."""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer


def show(
    out_dir: Path = typer.Argument(..., help="a run's folder (the tables of newsie run, CSV or Parquet)"),
    article_ids: Optional[List[str]] = typer.Argument(None, help="only these articles (default: all)"),
    html_dir: Path = typer.Option(..., "--html", help="folder for the pages (index.html and a/<article>.html)"),
    articles: Optional[Path] = typer.Option(None, "--articles", help="folder of the article files, when "
                                            "source_path does not resolve from here"),
) -> None:
    """Write offline HTML pages showing every extraction highlighted in its article's text."""
    from . import show as write

    if not (out_dir / "articles.csv").exists() and not (out_dir / "articles.parquet").exists():
        typer.echo(f"newsie: {out_dir} has no articles table (is it the --out folder of newsie run?)", err=True)
        raise typer.Exit(2)
    if html_dir.exists() and not html_dir.is_dir():
        typer.echo(f"newsie: --html {html_dir} is a file, not a folder", err=True)
        raise typer.Exit(2)
    pages = write(out_dir, html_dir, article_ids, articles)
    missing = sorted(set(article_ids or []) - set(pages))
    for aid in missing:
        typer.echo(f"newsie: no article {aid!r} in {out_dir}", err=True)
    typer.echo(f"{len(pages)} article pages -> {html_dir}/index.html")
    if missing:
        raise typer.Exit(1)


export_app = typer.Typer(add_completion=False, no_args_is_help=True,
                         help="Export a run for an annotation tool (pre-annotated tasks).")


@export_app.command("labelstudio")
def export_labelstudio(
    out_dir: Optional[Path] = typer.Argument(None, help="a run's folder (the tables of newsie run)"),
    article_ids: Optional[List[str]] = typer.Argument(None, help="only these articles (default: all)"),
    articles: Optional[Path] = typer.Option(None, "--articles", help="folder of the article files, when "
                                            "source_path does not resolve from here"),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="tasks file (JSON) to write; with --config "
                                       "the config file"),
    config: bool = typer.Option(False, "--config", help="write the matching labelling config (XML) instead"),
) -> None:
    """Label Studio tasks with newsie's predictions as pre-annotations (import them with the
    config of --config; read the annotated export back with newsie import-gold)."""
    from ..evaluation import labelstudio as ls

    if config:
        xml = ls.label_config()
        if out is None:
            typer.echo(xml, nl=False)
        else:
            out.write_text(xml, encoding="utf-8")
            typer.echo(f"labelling config -> {out}")
        return
    if out_dir is None or out is None:
        typer.echo("newsie: give the run folder and --out tasks.json (or --config)", err=True)
        raise typer.Exit(2)
    if not (out_dir / "articles.csv").exists() and not (out_dir / "articles.parquet").exists():
        typer.echo(f"newsie: {out_dir} has no articles table (is it the --out folder of newsie run?)", err=True)
        raise typer.Exit(2)
    warnings: list = []
    tasks = ls.export_tasks(out_dir, articles, article_ids, warnings)
    ls.write_tasks(tasks, out)
    for w in warnings:
        typer.echo(f"  warning: {w}", err=True)
    typer.echo(f"{len(tasks)} tasks -> {out} (config: newsie export labelstudio --config)")
