"""Writing an evaluation: the terminal summary, the JSON figures and the report of misses,
spurious records and wrong checks (Markdown, HTML, or a folder with every article's
gold-vs-predicted page). ``ev`` is an ``evaluate.Evaluation`` (used through its attributes
only: no import, so ``evaluate`` can re-export these functions).
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Optional

from .specs import SPECS


def _fmt(v) -> str:
    return "-" if v is None else f"{v:.3f}"


def format_table(ev) -> str:
    """The compact terminal summary: table | P | R | F1 | extra."""
    head = ("table", "P", "R", "F1", "extra")
    lines = []
    for table, spec in SPECS.items():
        t = ev.tables[table]
        if not t["scored"]:
            lines.append((table, "", "", "", f"not scored ({t['reason']})"))
            continue
        for m in spec.matchers:
            f = t["metrics"][m.name]
            extra = [f"gold {f['n_gold']} pred {f['n_pred']}"]
            for em, check in spec.extra:
                if em == m.name:
                    extra.append(f"{check} acc {_fmt(f[f'{check}_accuracy'])}")
            lines.append((f"{table}.{m.name}", _fmt(f["precision"]), _fmt(f["recall"]), _fmt(f["f1"]),
                          ", ".join(extra)))
    widths = [max(len(r[i]) for r in [head] + lines) for i in range(4)]
    out = []
    for r in [head] + lines:
        out.append("  ".join(c.ljust(widths[i]) if i == 0 else c.rjust(widths[i]) for i, c in enumerate(r[:4]))
                   + "  " + r[4])
    out.insert(1, "-" * len(out[0]))
    summary = f"{len(ev.articles)} gold articles"
    if ev.missing_articles:
        summary += f" ({len(ev.missing_articles)} absent from the prediction: {', '.join(ev.missing_articles)})"
    return summary + "\n" + "\n".join(out)


def write_json(ev, path) -> None:
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_text(json.dumps(ev.to_dict(), indent=2, ensure_ascii=False), encoding="utf-8")


def _context(ev, article_id: str, rec: dict) -> str:
    """The sentence holding a record: gold sentences, pred sentences, else the line of the
    gold article text, else the record's own text."""
    start, end = rec.get("start"), rec.get("end")
    if start is None and rec.get("text"):  # no offsets (a hand-written gold row): find the text
        needle = str(rec["text"])
        for side in (ev.gold, ev.pred):
            for s, e, text in side.sentences.get(article_id, []):
                if needle in text:
                    return text
        text = ev.gold.texts.get(article_id) or ev.pred.texts.get(article_id) or ""
        if needle in text:
            start = text.index(needle)
            end = start + len(needle)
    if start is not None:
        for side in (ev.gold, ev.pred):
            for s, e, text in side.sentences.get(article_id, []):
                if s <= start < e:
                    return text
        text = ev.gold.texts.get(article_id) or ev.pred.texts.get(article_id)
        if text and 0 <= start <= len(text):
            a = text.rfind("\n", 0, start) + 1
            b = text.find("\n", end if end is not None else start)
            line = text[a:b if b >= 0 else len(text)].strip()
            return line if len(line) <= 600 else line[:600] + " ..."
    return str(rec.get("text") or "")


def _in(ev, article_id: str, rec: dict) -> str:
    context = _context(ev, article_id, rec)
    return f" — in: {context}" if context else ""


class _Doc:
    """A tiny document model rendered as Markdown or HTML."""

    def __init__(self):
        self.blocks = []

    def h(self, level, text):
        self.blocks.append(("h", level, text))

    def p(self, text):
        self.blocks.append(("p", text))

    def table(self, head, rows):
        self.blocks.append(("table", head, rows))

    def items(self, items):
        self.blocks.append(("ul", items))

    def markdown(self) -> str:
        def cell(v):
            v = v[0] if isinstance(v, tuple) else v  # (text, href): the text
            return str(v).replace("|", "\\|").replace("\n", " ")
        out = []
        for b in self.blocks:
            if b[0] == "h":
                out.append("#" * b[1] + " " + b[2])
            elif b[0] == "p":
                out.append(b[1])
            elif b[0] == "table":
                out.append("| " + " | ".join(b[1]) + " |\n|" + "---|" * len(b[1]))
                out[-1] += "".join("\n| " + " | ".join(cell(c) for c in r) + " |" for r in b[2])
            elif b[0] == "ul":
                out.append("\n".join(f"- {i}" for i in b[1]) if b[1] else "- (none)")
        return "\n\n".join(out) + "\n"

    def html(self, title) -> str:
        e = html.escape
        out = [f"<!doctype html><html><head><meta charset='utf-8'><title>{e(title)}</title>",
               "<style>body{font-family:sans-serif;max-width:70em;margin:auto}table{border-collapse:collapse}"
               "td,th{border:1px solid #ccc;padding:2px 6px}li{margin:4px 0}</style></head><body>"]
        for b in self.blocks:
            if b[0] == "h":
                out.append(f"<h{b[1]}>{e(b[2])}</h{b[1]}>")
            elif b[0] == "p":
                out.append(f"<p>{_md_inline_html(b[1])}</p>")
            elif b[0] == "table":
                out.append("<table><tr>" + "".join(f"<th>{e(str(c))}</th>" for c in b[1]) + "</tr>"
                           + "".join("<tr>" + "".join(f"<td>{_html_cell(c)}</td>" for c in r) + "</tr>" for r in b[2])
                           + "</table>")
            elif b[0] == "ul":
                out.append("<ul>" + "".join(f"<li>{_md_inline_html(i)}</li>" for i in b[1] or ["(none)"]) + "</ul>")
        out.append("</body></html>")
        return "\n".join(out)


def _html_cell(c) -> str:
    """A table cell: text, or (text, href) as a link."""
    if isinstance(c, tuple):
        return f"<a href='{html.escape(c[1])}'>{html.escape(str(c[0]))}</a>"
    return html.escape(str(c))


def _md_inline_html(text: str) -> str:
    """Escape, then render the two inline forms the report uses: **bold** and `code`."""
    t = html.escape(text)
    t = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", t)
    return re.sub(r"`(.+?)`", r"<code>\1</code>", t)


def _quote(text: str) -> str:
    return "`" + text.replace("`", "'") + "`" if text else "`(empty)`"


def build_report(ev, links: Optional[dict] = None) -> _Doc:
    """The report; ``links`` (article id -> href of its gold-mode page) links the articles."""
    links = links or {}
    d = _Doc()
    d.h(1, "newsie evaluation")
    d.p(f"gold: `{ev.gold_dir}`; prediction: `{ev.pred_dir}`; {len(ev.articles)} gold articles"
        + (f"; absent from the prediction: {', '.join(ev.missing_articles)}" if ev.missing_articles else ""))
    rows = []
    for table, spec in SPECS.items():
        t = ev.tables[table]
        if not t["scored"]:
            rows.append((table, "", "", "", "", "", f"not scored ({t['reason']})"))
            continue
        for m in spec.matchers:
            f = t["metrics"][m.name]
            accs = ", ".join(f"{c} {_fmt(f[f'{c}_accuracy'])}" for c in m.checks)
            rows.append((f"{table}.{m.name}", _fmt(f["precision"]), _fmt(f["recall"]), _fmt(f["f1"]),
                         f["n_gold"], f["n_pred"], (m.rule + ("; " + accs if accs else ""))))
    d.table(("metric", "P", "R", "F1", "gold", "pred", "rule; accuracies over matched pairs"), rows)

    scored = [t for t in SPECS if ev.tables[t]["scored"]]
    d.h(2, "F1 per article")
    d.table(["article"] + [f"{t}.{SPECS[t].headline}" for t in scored],
            [[(a, links[a]) if a in links else a] + [_fmt(ev.tables[t]["per_article"].get(a, {}).get(SPECS[t].headline, {}).get("f1"))
                    for t in scored] for a in ev.articles])

    for table in scored:
        spec = SPECS[table]
        d.h(2, table)
        res = ev.results[(table, spec.headline)]
        for a in ev.articles:
            r = res[a]
            wrong = {}  # (check, gold record) -> line; a later (more lenient) matcher's pair wins
            for m in spec.matchers:
                for check, fn in m.checks.items():
                    for g, p in ev.results[(table, m.name)][a].pairs:
                        if not fn(g, p):
                            wrong[(check, id(g))] = (f"**wrong {check}** ({m.name} match): gold "
                                                     f"{_quote(spec.describe(g))} / predicted "
                                                     f"{_quote(spec.describe(p))}{_in(ev, a, g)}")
            wrong = list(wrong.values())
            if not (r.misses or r.spurious or wrong):
                continue
            d.h(3, f"{a} ({table}.{spec.headline}: {r.tp} matched, {len(r.misses)} missed, "
                   f"{len(r.spurious)} spurious)")
            d.items([f"**missed**: {_quote(spec.describe(g))}{_in(ev, a, g)}" for g in r.misses]
                    + [f"**spurious**: {_quote(spec.describe(p))}{_in(ev, a, p)}" for p in r.spurious]
                    + wrong)
    return d


def write_report(ev, path) -> None:
    """A .md or .html file, or a folder (no suffix): the report as its index.html with every
    article's gold-vs-predicted page (pipeline.viewer.gold)."""
    path = Path(path)
    if not path.suffix or path.is_dir():
        from ..viewer.gold import write_gold_pages

        links = write_gold_pages(ev, path)
        (path / "index.html").write_text(build_report(ev, links).html("newsie evaluation"), encoding="utf-8")
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    doc = build_report(ev)
    if path.suffix.lower() in (".html", ".htm"):
        path.write_text(doc.html("newsie evaluation"), encoding="utf-8")
    else:
        path.write_text(doc.markdown(), encoding="utf-8")
