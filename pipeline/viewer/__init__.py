"""The article viewer: every extraction highlighted in its text, records beside it.

``newsie show OUT_DIR --html DIR`` writes a site (an index and one page per article);
``pipeline.render`` gives the same HTML for one article in a notebook. Modules: ``data``
(tables and texts), ``marks`` (records -> spans), ``layout`` (nested marks), ``panels``
(record tables), ``page`` (pages and the site), ``gold`` (gold vs prediction pages).
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Iterable, Optional, Union

from .data import ArticleData, empty_tables, load_articles, records
from .page import article_page, write_site


class Rendered(str):
    """A page's HTML (a ``str``) that Jupyter displays inline, isolated in an iframe."""

    def _repr_html_(self) -> str:
        return (f'<iframe srcdoc="{html.escape(self, quote=True)}" '
                f'style="width:100%;height:640px;border:1px solid #ddd"></iframe>')


def _from_frames(frames: dict, text: Optional[str], article_id: Optional[str]) -> ArticleData:
    """An ArticleData from ``pipeline.extract`` output (a dict of DataFrames) and its text."""
    tables = empty_tables()
    for name in tables:
        if name in frames:
            rows = records(frames[name])
            if article_id is not None:
                rows = [r for r in rows if r.get("article_id") in (article_id, None)]
            tables[name] = rows
    parties = records(frames["document_parties"]) if "document_parties" in frames else []
    for doc in tables["documents"]:
        doc["parties"] = sorted((p for p in parties if p.get("document_id") == doc.get("document_id")
                                 and p.get("article_id") == doc.get("article_id")),
                                key=lambda p: p.get("party_order") or 0)
    meta = {"article_id": article_id or "text", "status": "ok"}
    if "articles" in frames and len(frames["articles"]):
        meta = records(frames["articles"])[0]
    return ArticleData(meta.get("article_id") or "text", meta, text, tables)


def render(source: Union[str, Path, dict], article_id: Optional[str] = None, *,
           text: Optional[str] = None) -> Rendered:
    """One article's page as HTML (displayed inline in Jupyter).

    ``source`` is a run's folder (``article_id`` picks the article, default the first)
    or the dict of DataFrames ``pipeline.extract`` returns (pass its ``text``)."""
    if isinstance(source, dict):
        art = _from_frames(source, text, article_id)
    else:
        arts = load_articles(Path(source), [article_id] if article_id else None)
        if not arts:
            raise KeyError(f"no article {article_id!r} in {source}")
        art = arts[0]
        if text is not None:
            art.text = text
    return Rendered(article_page(art, index_href=None))


def show(out_dir, html_dir, article_ids: Optional[Iterable[str]] = None, articles: Optional[Path] = None) -> dict:
    """Write the viewer site for a run; returns {article_id: page path relative to html_dir}.
    ``articles``: the folder of the article files when ``source_path`` does not resolve."""
    arts = load_articles(Path(out_dir), list(article_ids) if article_ids else None,
                         text_roots=[Path(articles)] if articles else [])
    return write_site(arts, Path(html_dir), title=f"newsie · {out_dir}")


__all__ = ["render", "show", "Rendered", "load_articles", "write_site", "ArticleData"]
