"""From an article's records to the marks drawn in its text.

Keys (element ids, unique per page): ``e<mention_id>`` entities, ``q<quote_id>`` quotes,
``sp<quote_id>`` the speaker mention of a quote, ``d<document_id>`` documents,
``m<money_id>`` money, ``t<date_id>`` dates, ``s<signing_id>`` signings. A ``prefix`` keeps
keys unique when one page shows two sides (gold mode).
"""

from __future__ import annotations

import re
from typing import Optional

from .layout import Mark

#: per table: (key letter, id column, CSS kind, underline lane)
KINDS = {
    "entities": ("e", "mention_id", "ent", 3),
    "quotes": ("q", "quote_id", "quote", 0),
    "documents": ("d", "document_id", "doc", 1),
    "signings": ("s", "signing_id", "sign", 0),
    "money": ("m", "money_id", "money", 2),
    "dates": ("t", "date_id", "date", 2),
}


def key_of(table: str, rec: dict, prefix: str = "") -> str:
    letter, id_col, _, _ = KINDS[table]
    value = rec.get(id_col)
    return f"{prefix}{letter}{value if value is not None else 'x' + str(rec.get('start'))}"


def speaker_hues(quotes: list[dict]) -> dict:
    """A hue per distinct speaker, in order of first quote (golden-angle steps)."""
    hues: dict = {}
    for q in quotes:
        name = q.get("speaker")
        if name and name not in hues:
            hues[name] = (25 + 137.5 * len(hues)) % 360
    return hues


def quote_style(hues: dict, speaker: Optional[str]) -> str:
    hue = hues.get(speaker)
    return "--qc:0,0%" if hue is None else f"--qc:{hue:.0f},75%"


def _windows(sentences: list[dict], qs: int, qe: int) -> list[tuple[int, int]]:
    """Where to look for a quote's speaker, in order: the sentences the quote spans, the
    sentence before them, the sentence after them."""
    ordered = sorted((s["start"], s["end"]) for s in sentences if s.get("start") is not None)
    inside = [i for i, (a, b) in enumerate(ordered) if a < qe and b > qs]
    if not inside:
        return [(qs, qe)]
    first, last = inside[0], inside[-1]
    out = [(min(ordered[first][0], qs), max(ordered[last][1], qe))]
    if first > 0:
        out.append(ordered[first - 1])
    if last + 1 < len(ordered):
        out.append(ordered[last + 1])
    return out


def speaker_span(quote: dict, entities: list[dict], sentences: list[dict], text: str) -> Optional[tuple[int, int]]:
    """Where the quote's speaker is mentioned: ``speaker_start``/``speaker_end`` when the
    table has them, else the speaker entity's mention nearest the quote in the sentences it
    spans (then the sentence before, the sentence after), else ``speaker_text`` found there,
    else the entity's nearest mention before the quote (a transcript's heading), else after it."""
    if quote.get("speaker_start") is not None and quote.get("speaker_end") is not None:
        return int(quote["speaker_start"]), int(quote["speaker_end"])
    qs, qe = quote.get("start"), quote.get("end")
    if qs is None or qe is None:
        return None

    def distance(a: int, b: int) -> int:
        return qs - b if b <= qs else (a - qe if a >= qe else 10**9)

    eid = quote.get("speaker_entity_id")
    for n, (lo, hi) in enumerate(_windows(sentences, qs, qe)):
        cands = [(e["start"], e["end"]) for e in entities
                 if eid is not None and e.get("entity_id") == eid and lo <= e["start"] and e["end"] <= hi
                 and distance(e["start"], e["end"]) < 10**9]
        said = quote.get("speaker_text")
        if not cands and said and n == 0:
            for m in re.finditer(r"(?<!\w)" + re.escape(said) + r"(?!\w)", text[lo:hi]):
                a, b = lo + m.start(), lo + m.end()
                if distance(a, b) < 10**9:
                    cands.append((a, b))
        if cands:
            return min(cands, key=lambda c: distance(*c))
    # a transcript's "Name: ..." heading a few sentences up: the nearest mention before, else after
    eid = quote.get("speaker_entity_id")
    mentions = [(e["start"], e["end"]) for e in entities if eid is not None and e.get("entity_id") == eid]
    before = [m for m in mentions if m[1] <= qs]
    after = [m for m in mentions if m[0] >= qe]
    if before:
        return max(before)
    return min(after) if after else None


def _money_tag(r: dict) -> str:
    amount = r.get("amount")
    if amount is None:
        return "?"
    value = f"{amount:,.0f}" if float(amount).is_integer() else f"{amount:,}"
    return f"{'~' if r.get('approximate') else ''}{value} {r.get('currency') or ''}".strip()


def describe(table: str, r: dict) -> tuple[str, Optional[str]]:
    """(tooltip, tag) of one record."""
    if table == "entities":
        return f"{r.get('label')}: {r.get('canonical') or ''}", None
    if table == "quotes":
        return f"{r.get('kind')} quote; speaker: {r.get('speaker') or 'unknown'}", None
    if table == "documents":
        parties = ", ".join(p.get("party") or "" for p in r.get("parties", []))
        tag = " · ".join(x for x in (r.get("doc_type"), parties, r.get("signed_date")) if x)
        return f"document: {r.get('doc_type')}; parties: {parties or '-'}; subject: {r.get('subject') or '-'}", tag
    if table == "money":
        return f"money: {_money_tag(r)}", _money_tag(r)
    if table == "dates":
        value = " ".join(x for x in (r.get("value"), r.get("mod")) if x)
        return f"date: {value or '?'} ({r.get('granularity') or ''})", value or "?"
    if table == "signings":
        return f"signing: {r.get('count') or '?'} documents; {r.get('parties') or ''}", None
    return "", None


def article_marks(tables: dict, text: str, prefix: str = "", status: Optional[dict] = None) -> list[Mark]:
    """Every record of one article as marks. ``status`` maps a record key to matched /
    missed / spurious (gold mode) and is added as a class."""
    status = status or {}
    hues = speaker_hues(tables.get("quotes", []))
    marks = []
    for table, (letter, _, kind, lane) in KINDS.items():
        for r in tables.get(table, []):
            key = key_of(table, r, prefix)
            title, tag = describe(table, r)
            classes = f"m m-{kind}"
            if table == "entities":
                classes += f" l-{r.get('label') or 'X'}"
            if key in status:
                classes += f" st-{status[key]}"
            mark = Mark(r.get("start"), r.get("end"), key, classes, title=title, tag=tag,
                        focusable=table != "entities", lane=lane)
            if table == "quotes":
                mark.style = quote_style(hues, r.get("speaker"))
                span = speaker_span(r, tables.get("entities", []), tables.get("sentences", []), text)
                if span is not None:
                    mark.attrs["speaker"] = f"{prefix}sp{r.get('quote_id')}"
                    marks.append(Mark(span[0], span[1], f"{prefix}sp{r.get('quote_id')}", "m m-speaker",
                                      title=f"speaker of quote {r.get('quote_id')}: {r.get('speaker') or ''}",
                                      style=mark.style, attrs={"quote": key}, lane=4))
            marks.append(mark)
    return marks
