"""The record tables beside the text: one HTML table per record table, one row per record.

A row carries ``data-k`` (the key of its span in the text) and is focusable; clicking it
or pressing Enter scrolls to the span and flashes it (viewer.js).
"""

from __future__ import annotations

import html
from typing import Callable

from .marks import key_of

_e = html.escape


def _parties(r: dict) -> str:
    return " | ".join(p.get("party") or "" for p in r.get("parties", []))


def _short(value, limit: int = 140) -> str:
    text = "" if value is None else str(value)
    return text if len(text) <= limit else text[:limit - 1] + "…"


#: per table: (heading, [(column heading, cell function)])
COLUMNS: dict = {
    "quotes": ("Quotes", [("#", lambda r: r.get("quote_id")), ("speaker", lambda r: r.get("speaker")),
                          ("kind", lambda r: r.get("kind")), ("cue", lambda r: r.get("cue")),
                          ("text", lambda r: _short(r.get("text")))]),
    "documents": ("Documents", [("#", lambda r: r.get("document_id")), ("type", lambda r: r.get("doc_type")),
                                ("parties", _parties), ("subject", lambda r: _short(r.get("subject"), 80)),
                                ("signed", lambda r: r.get("signed_date")), ("place", lambda r: r.get("signed_place")),
                                ("title", lambda r: _short(r.get("title"), 80))]),
    "money": ("Money", [("#", lambda r: r.get("money_id")), ("text", lambda r: r.get("text")),
                        ("amount", lambda r: r.get("amount")), ("currency", lambda r: r.get("currency")),
                        ("approx.", lambda r: "yes" if r.get("approximate") else ""),
                        ("context", lambda r: _short(r.get("context"), 60))]),
    "dates": ("Dates", [("#", lambda r: r.get("date_id")), ("text", lambda r: r.get("text")),
                        ("value", lambda r: r.get("value")), ("granularity", lambda r: r.get("granularity")),
                        ("mod", lambda r: r.get("mod"))]),
    "signings": ("Signings", [("#", lambda r: r.get("signing_id")), ("count", lambda r: r.get("count")),
                              ("value", lambda r: r.get("value")), ("currency", lambda r: r.get("currency")),
                              ("parties", lambda r: r.get("parties")), ("signed", lambda r: r.get("signed_date"))]),
    "entities": ("Entities", [("#", lambda r: r.get("mention_id")), ("text", lambda r: r.get("text")),
                              ("label", lambda r: r.get("label")), ("canonical", lambda r: r.get("canonical")),
                              ("entity", lambda r: r.get("entity_id")), ("country", lambda r: r.get("country"))]),
}


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return f"{value:,.0f}"
    return _e(str(value))


def record_table(table: str, rows: list[dict], *, prefix: str = "", status: dict | None = None,
                 drawn: set | None = None, extra: Callable[[dict], str] | None = None) -> str:
    """One table as HTML. ``status`` (key -> matched/missed/spurious) adds a column and a
    row class; ``drawn`` (keys drawn in the text) marks rows whose span could not be drawn."""
    heading, cols = COLUMNS[table]
    status = status or {}
    head = "".join(f"<th scope='col'>{_e(c)}</th>" for c, _ in cols)
    if status:
        head = "<th scope='col'>status</th>" + head
    body = []
    for r in rows:
        key = key_of(table, r, prefix)
        st = status.get(key)
        cls = ["rec"] + ([f"st-{st}"] if st else []) + ([] if drawn is None or key in drawn else ["nospan"])
        cells = "".join(f"<td>{_cell(fn(r))}</td>" for _, fn in cols)
        if status:
            cells = f"<td class='st'>{_e(st or '')}</td>" + cells
        body.append(f"<tr class='{' '.join(cls)}' data-k='{_e(key)}' tabindex='0'>{cells}</tr>")
    if not body:
        return f"<section class='panel' data-table='{table}'><h3>{heading} <span class='n'>0</span></h3></section>"
    return (f"<section class='panel' data-table='{table}'><h3>{heading} <span class='n'>{len(rows)}</span></h3>"
            f"<div class='scroll'><table class='records'><thead><tr>{head}</tr></thead>"
            f"<tbody>{''.join(body)}</tbody></table></div></section>")
