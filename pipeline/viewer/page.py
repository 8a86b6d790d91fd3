"""Assembling the pages: the article page, the index, and the files of a site.

The HTML skeletons, the CSS and the JavaScript are package data files (``static/``),
inlined into every page so a page opens from the file system with no network.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path
from string import Template
from typing import Iterable, Optional

from . import layout
from .data import RECORD_TABLES, ArticleData
from .marks import article_marks
from .panels import record_table

_e = html.escape
LABELS = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "LAW")


@lru_cache(maxsize=None)
def static(name: str) -> str:
    return resources.files("pipeline.viewer").joinpath("static", name).read_text(encoding="utf-8")


def fill(template: str, **values) -> str:
    return Template(static(template)).substitute(css=static("viewer.css"), **values)


def page_name(article_id: str) -> str:
    """A file name for an article id (ids may hold slashes or other characters)."""
    return re.sub(r"[^A-Za-z0-9._-]+", "_", article_id).strip("._") or "article"


def legend() -> str:
    ents = "".join(f"<mark class='m m-ent l-{lab}'>{lab}</mark> " for lab in LABELS)
    kinds = ("<mark class='m m-quote' style='--qc:200,75%'>quote (tint = speaker)</mark> "
             "<mark class='m m-speaker' style='--qc:200,75%'>speaker</mark> "
             "<mark class='m m-doc'>document</mark> <mark class='m m-money'>money</mark> "
             "<mark class='m m-date'>date</mark> <mark class='m m-sign'>signing</mark>")
    return f"<details class='legend'><summary>Legend</summary><p>{kinds}</p><p>{ents}</p></details>"


def meta_line(meta: dict) -> str:
    bits = [f"<code>{_e(meta['article_id'])}</code>"]
    for k in ("published", "source", "source_path"):
        if meta.get(k):
            bits.append(f"{k}: {_e(str(meta[k]))}")
    if meta.get("url"):
        bits.append(f"<a href='{_e(meta['url'])}' rel='noreferrer'>url</a>")
    status = meta.get("status") or "ok"
    bits.append(f"status: <span class='status-{_e(status)}'>{_e(status)}</span>")
    if meta.get("error"):
        bits.append(f"<span class='error'>{_e(meta['error'])}</span>")
    return " · ".join(bits)


def front_matter(text: str, prefix: str = "") -> list:
    """The YAML front matter as a mark of its own (drawn small and muted)."""
    from ..core.inputs import split_front_matter
    from ..core.metadata import MetadataError

    try:
        found = split_front_matter(text)
    except MetadataError:
        found = None
    return [layout.Mark(0, found[1], f"{prefix}fm", "frontmatter", title="front matter", lane=-1)] if found else []


def text_block(art: ArticleData, marks: list, label: str = "article text", prefix: str = "") -> str:
    if art.text is None:
        return (f"<article class='text missing' aria-label='{_e(label)}'><p>The article text was not found "
                f"(source_path {_e(str(art.meta.get('source_path')))}); only the tables are shown.</p></article>")
    return (f"<article class='text' tabindex='-1' aria-label='{_e(label)}'>"
            f"{layout.render(art.text, front_matter(art.text, prefix) + marks)}</article>")


def article_body(art: ArticleData) -> tuple[str, set]:
    """The text with its marks and the record panels; also the keys drawn."""
    marks = article_marks(art.tables, art.text or "")
    drawn = {m.key for m in layout.valid_marks(art.text or "", marks)}
    panels = "".join(record_table(t, art.rows(t), drawn=drawn) for t in RECORD_TABLES)
    return (f"<div class='split'>{text_block(art, marks)}"
            f"<aside class='panels' aria-label='records'>{panels}</aside></div>"), drawn


def article_page(art: ArticleData, index_href: Optional[str] = "../index.html", body: Optional[str] = None,
                 body_class: str = "article") -> str:
    if body is None:
        body, _ = article_body(art)
    nav = f"<nav><a href='{_e(index_href)}'>← all articles</a></nav>" if index_href else ""
    title = art.meta.get("title") or art.article_id
    return fill("article.html", title=_e(str(title)), heading=_e(str(title)), nav=nav,
                meta=meta_line(art.meta), legend=legend(), body=body, body_class=body_class,
                js=static("viewer.js"))


def index_page(articles: Iterable[ArticleData], hrefs: dict, title: str = "newsie", intro: str = "") -> str:
    head = ["article", "title", "status", "error"] + list(RECORD_TABLES)
    numeric = {t for t in RECORD_TABLES}
    ths = "".join(f"<th scope='col' aria-sort='none' data-type='{'num' if h in numeric else 'text'}'>"
                  f"<button type='button'>{_e(h)}</button></th>" for h in head)
    rows = []
    for art in articles:
        counts = art.counts()
        link = (f"<a href='{_e(hrefs[art.article_id])}'>{_e(art.article_id)}</a>"
                if art.article_id in hrefs else _e(art.article_id))
        status = art.meta.get("status") or "ok"
        cells = [link, _e(str(art.meta.get("title") or "")), f"<span class='status-{_e(status)}'>{_e(status)}</span>",
                 _e(str(art.meta.get("error") or ""))] + [str(counts[t]) for t in RECORD_TABLES]
        rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    table = f"<table class='index'><thead><tr>{ths}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    return fill("index.html", title=_e(title), intro=intro, table=table, js=static("index.js"))


def write_site(articles: list[ArticleData], out: Path, title: str = "newsie", intro: str = "",
               page=article_page) -> dict:
    """Write ``out/index.html`` and one page per article under ``out/a/``; returns the hrefs."""
    out = Path(out)
    (out / "a").mkdir(parents=True, exist_ok=True)
    hrefs, used = {}, set()
    for art in articles:
        name = page_name(art.article_id)
        while name in used:
            name += "_"
        used.add(name)
        hrefs[art.article_id] = f"a/{name}.html"
        (out / "a" / f"{name}.html").write_text(page(art), encoding="utf-8")
    (out / "index.html").write_text(index_page(articles, hrefs, title, intro), encoding="utf-8")
    return hrefs
