"""Gold mode: gold and predicted spans side by side (``newsie eval --report DIR/``).

Each scored table's headline matcher decides a record's status: matched (paired), missed
(gold without a partner) or spurious (prediction without one). The two texts are drawn
with the same marks as the viewer (keys prefixed ``g-``/``p-``); the record tables below
carry the status. The report index (``evaluate.write_report``) links every article to its
page. ``ev`` is an ``evaluate.Evaluation`` (used through its attributes only: no import).
"""

from __future__ import annotations

from pathlib import Path

from . import layout
from .data import RECORD_TABLES, ArticleData, load_articles
from .marks import article_marks, key_of
from .page import article_page, page_name, text_block
from .panels import record_table


def statuses(ev, article_id: str) -> tuple[dict, dict]:
    """(gold key -> status, predicted key -> status) from each scored table's headline matcher."""
    gold, pred = {}, {}
    for table in RECORD_TABLES:
        t = ev.tables.get(table, {})
        if not t.get("scored"):
            continue
        res = ev.results[(table, t["headline"])].get(article_id)
        if res is None:
            continue
        for g, p in res.pairs:
            gold[key_of(table, g, "g-")] = "matched"
            pred[key_of(table, p, "p-")] = "matched"
        gold.update({key_of(table, g, "g-"): "missed" for g in res.misses})
        pred.update({key_of(table, p, "p-"): "spurious" for p in res.spurious})
    return gold, pred


def gold_body(ev, gold: ArticleData, pred: ArticleData) -> str:
    g_status, p_status = statuses(ev, gold.article_id)
    text = gold.text if gold.text is not None else pred.text
    gold.text = pred.text = text
    g_marks = article_marks(gold.tables, text or "", "g-", g_status)
    p_marks = article_marks(pred.tables, text or "", "p-", p_status)
    drawn = {m.key for m in layout.valid_marks(text or "", g_marks + p_marks)}
    scored = [t for t in RECORD_TABLES if ev.tables.get(t, {}).get("scored")]
    panels = []
    for t in scored:
        panels.append("<div class='gold-split'>"
                      f"<div><h2>gold</h2>{record_table(t, gold.rows(t), prefix='g-', status=g_status, drawn=drawn)}</div>"
                      f"<div><h2>predicted</h2>{record_table(t, pred.rows(t), prefix='p-', status=p_status, drawn=drawn)}"
                      "</div></div>")
    legend = ("<p class='meta'>Status by each table's headline metric: <mark class='m m-date st-matched'>matched</mark> "
              "<mark class='m m-date st-missed'>missed (gold only)</mark> "
              "<mark class='m m-date st-spurious'>spurious (predicted only)</mark></p>")
    return (f"{legend}<div class='gold-split'><div><h2>gold</h2>{text_block(gold, g_marks, 'gold text', 'g-')}</div>"
            f"<div><h2>predicted</h2>{text_block(pred, p_marks, 'predicted text', 'p-')}</div></div>"
            f"<aside class='panels' aria-label='records'>{''.join(panels)}</aside>")


def write_gold_pages(ev, out: Path) -> dict:
    """The gold-mode pages in ``out/a/``; returns {article_id: href relative to ``out``} for
    the report (``evaluate.write_report`` writes it as ``out/index.html``)."""
    out = Path(out)
    (out / "a").mkdir(parents=True, exist_ok=True)
    golds = {a.article_id: a for a in load_articles(ev.gold_dir, ev.articles, text_roots=[ev.pred_dir])}
    preds = {a.article_id: a for a in load_articles(ev.pred_dir, ev.articles, text_roots=[ev.gold_dir])}
    hrefs, used = {}, set()
    for aid in ev.articles:
        gold = golds.get(aid) or ArticleData(aid, {"article_id": aid}, None, {})
        pred = preds.get(aid) or ArticleData(aid, {"article_id": aid, "status": "absent"}, None, {})
        name = page_name(aid)
        while name in used:
            name += "_"
        used.add(name)
        hrefs[aid] = f"a/{name}.html"
        meta = dict(gold.meta, **{k: v for k, v in pred.meta.items() if v is not None})
        page = article_page(ArticleData(aid, meta, gold.text, {}), index_href="../index.html",
                            body=gold_body(ev, gold, pred), body_class="article gold")
        (out / hrefs[aid]).write_text(page, encoding="utf-8")
    return hrefs
