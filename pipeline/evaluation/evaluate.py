"""Scoring a run against gold tables (``newsie eval``).

Gold is a folder of the output tables themselves (``articles.csv``, ``entities.csv``, ...,
columns of ``pipeline.schema``): copy a run's output, correct it, and it is gold. Only the
articles listed in the gold's ``articles.csv`` are scored; a gold table that is absent is
"not annotated" and not scored (``signings`` is scored only when the gold has rows).

Every table's metrics are declared once, in ``SPECS``: a ``TableSpec`` lists the columns
the gold must carry and its ``Matcher``s. A matcher pairs gold and predicted records of
one article one-to-one (greedy by best score) and gives precision/recall/F1; its
``checks`` are accuracies over the matched pairs (canonical name, speaker, ...). The
matching rules are written out in docs/evaluation.md.
"""

from __future__ import annotations

import csv
import functools
import html
import json
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Mapping, Optional

import pandas as pd

from ..core import schema
from ..core.paths import models_dir
from ..core.countries import CountryIndex
from ..core.stage import read_lines
from ..core.text import LOOSE_APOSTROPHES
from ..core.tables import typed_frame


class GoldError(ValueError):
    """The gold (or prediction) folder cannot be scored: a usage error, not a score."""


# --------------------------------------------------------------------------- helpers

_APOSTROPHES = LOOSE_APOSTROPHES
_WORD = re.compile(r"\w+")


def norm(value) -> str:
    """Normalised name for comparison: casefold, straight apostrophes, single spaces."""
    if value is None:
        return ""
    return " ".join(str(value).translate(_APOSTROPHES).casefold().split())


def tokens(value) -> list[str]:
    return _WORD.findall(norm(value))


def token_f1(a, b) -> float:
    """Token-multiset F1 between two texts (both empty: 1.0; one empty: 0.0)."""
    ta, tb = tokens(a), tokens(b)
    if not ta and not tb:
        return 1.0
    if not ta or not tb:
        return 0.0
    common = sum((Counter(ta) & Counter(tb)).values())
    if not common:
        return 0.0
    p, r = common / len(tb), common / len(ta)
    return 2 * p * r / (p + r)


def span_iou(g: dict, p: dict) -> float:
    """Character overlap of two records' spans over their union (0 when either has no span)."""
    gs, ge, ps, pe = g.get("start"), g.get("end"), p.get("start"), p.get("end")
    if None in (gs, ge, ps, pe):
        return 0.0
    inter = min(ge, pe) - max(gs, ps)
    if inter <= 0:
        return 0.0
    return inter / (max(ge, pe) - min(gs, ps))


def same_amount(a, b, rel_tol: float = 1e-6) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(float(a), float(b), rel_tol=rel_tol, abs_tol=0.0)


def same_code(a, b) -> bool:
    return norm(a).upper() == norm(b).upper()


@functools.lru_cache(maxsize=1)
def _country_index() -> CountryIndex:
    """The gazetteer's country names: a gold set without entities still knows "Kazakhstan" is a state."""
    return CountryIndex.load(models_dir() / "entities" / "countries.tsv",
                             models_dir() / "entities" / "former_states.tsv")


def load_state_words() -> frozenset[str]:
    return frozenset(norm(w) for w in read_lines(models_dir() / "evaluate" / "state_words.txt"))


# --------------------------------------------------------------------------- matching rules

def _entity_exact(g, p):
    if g["start"] is None or (g["start"], g["end"]) != (p["start"], p["end"]):
        return None
    return 1.0 if same_code(g["label"], p["label"]) else None


def _entity_overlap(g, p):
    iou = span_iou(g, p)
    return iou if iou > 0 and same_code(g["label"], p["label"]) else None


def _entity_strict(g, p):
    s = _entity_exact(g, p)
    return s if s and norm(g["canonical"]) == norm(p["canonical"]) else None


def _canonical_ok(g, p):
    return norm(g["canonical"]) == norm(p["canonical"])


QUOTE_MIN_TOKEN_F1 = 0.6


def _quote_content(g, p):
    f = token_f1(g["text"], p["text"])
    return f if f >= QUOTE_MIN_TOKEN_F1 else None


def _speaker_ok(g, p):
    return norm(g.get("speaker")) == norm(p.get("speaker"))


def _quote_attributed(g, p):
    s = _quote_content(g, p)
    return s if s is not None and _speaker_ok(g, p) else None


PARTY_MIN_TOKEN_F1 = 0.8
SUBJECT_MIN_TOKEN_F1 = 0.5


def party_match(a: dict, b: dict) -> bool:
    """One gold party against one predicted party (the rule of docs/evaluation.md)."""
    na, nb = norm(a.get("party")), norm(b.get("party"))
    if na == nb:
        return True
    if token_f1(na, nb) >= PARTY_MIN_TOKEN_F1:
        return True
    ca, cb = norm(a.get("country")).upper(), norm(b.get("country")).upper()
    return bool(ca) and ca == cb and bool(a.get("is_state")) and bool(b.get("is_state"))


def parties_match(gold: list[dict], pred: list[dict]) -> bool:
    """Equal counts and a one-to-one assignment matching every gold party."""
    if len(gold) != len(pred):
        return False
    ok = [[party_match(g, p) for p in pred] for g in gold]
    owner: dict[int, int] = {}

    def augment(i: int, seen: set) -> bool:  # Kuhn's bipartite matching: a few parties only
        for j in range(len(pred)):
            if ok[i][j] and j not in seen:
                seen.add(j)
                if j not in owner or augment(owner[j], seen):
                    owner[j] = i
                    return True
        return False

    return all(augment(i, set()) for i in range(len(gold)))


def _subject_ok(g, p):
    return token_f1(g.get("subject"), p.get("subject")) >= SUBJECT_MIN_TOKEN_F1


def _parties_ok(g, p):
    return parties_match(g["parties"], p["parties"])


def _signed_date_ok(g, p):
    return norm(g.get("signed_date")) == norm(p.get("signed_date"))


def _document_type(g, p):
    if norm(g["doc_type"]) != norm(p["doc_type"]):
        return None
    # rank candidates of the same type by how much else agrees
    return (1.0 + 0.5 * _parties_ok(g, p) + 0.25 * token_f1(g.get("subject"), p.get("subject"))
            + 0.25 * span_iou(g, p))


def _document_full(g, p):
    s = _document_type(g, p)
    return s if s is not None and _parties_ok(g, p) and _subject_ok(g, p) else None


def _money_value(g, p):
    if not same_code(g.get("currency"), p.get("currency")) or not same_amount(g.get("amount"), p.get("amount")):
        return None
    return 1.0 + span_iou(g, p)


def _money_span(g, p):
    iou = span_iou(g, p)
    return iou if iou > 0 else None


def _money_value_ok(g, p):
    return _money_value(g, p) is not None


def _date_value_ok(g, p):
    return norm(g.get("value")) == norm(p.get("value"))


def _date_full(g, p):
    iou = span_iou(g, p)
    return 1.0 + iou if iou > 0 and _date_value_ok(g, p) else None


def _signing(g, p):
    if g.get("count") != p.get("count") or not same_amount(g.get("value"), p.get("value")):
        return None
    return 1.0 + span_iou(g, p)


# --------------------------------------------------------------------------- the specs

@dataclass(frozen=True)
class Matcher:
    """One way of pairing gold and predicted records: P/R/F1, plus accuracies (checks)
    over the pairs it matched."""

    name: str
    rule: str                                           # one line, for reports
    score: Callable[[dict, dict], Optional[float]]     # None = cannot match; higher = better
    checks: Mapping[str, Callable[[dict, dict], bool]] = field(default_factory=dict)


@dataclass(frozen=True)
class TableSpec:
    table: str
    required: tuple[str, ...]                 # columns the gold must have (scored)
    matchers: tuple[Matcher, ...]
    headline: str                             # the matcher shown first and used by TABLE=F1
    extra: tuple[tuple[str, str], ...] = ()   # (matcher, check) shown in the terminal's extra column
    describe: Callable[[dict], str] = lambda r: str(r.get("text") or "")
    needs_rows: bool = False                  # scored only when the gold table has rows

    def matcher(self, name: str) -> Matcher:
        for m in self.matchers:
            if m.name == name:
                return m
        raise KeyError(name)


def _describe_document(r: dict) -> str:
    parties = " | ".join(p.get("party") or "" for p in r.get("parties", []))
    return (f"{r.get('doc_type')}: parties [{parties}]; subject {r.get('subject') or '-'}; "
            f"signed {r.get('signed_date') or '-'}")


SPECS: dict[str, TableSpec] = {s.table: s for s in (
    TableSpec(
        "entities", ("article_id", "start", "end", "label", "canonical"),
        (
            Matcher("strict", "same (start, end), same label, same canonical name", _entity_strict),
            Matcher("exact", "same (start, end), same label", _entity_exact, {"canonical": _canonical_ok}),
            Matcher("overlap", "spans overlap, same label", _entity_overlap, {"canonical": _canonical_ok}),
        ),
        headline="strict", extra=(("overlap", "canonical"),),
        describe=lambda r: f"{r.get('text') or ''} [{r.get('label')}] -> {r.get('canonical') or ''}",
    ),
    TableSpec(
        "quotes", ("article_id", "kind", "text", "speaker"),
        (
            Matcher("content", f"token F1 of the texts >= {QUOTE_MIN_TOKEN_F1}", _quote_content,
                    {"speaker": _speaker_ok, "kind": lambda g, p: norm(g["kind"]) == norm(p["kind"])}),
            Matcher("attributed", "content match and the same speaker", _quote_attributed),
        ),
        headline="content", extra=(("content", "speaker"), ("content", "kind")),
        describe=lambda r: f"{r.get('speaker') or '(no speaker)'} [{r.get('kind')}]: {r.get('text') or ''}",
    ),
    TableSpec(
        "documents", ("article_id", "document_id", "doc_type", "subject", "signed_date"),
        (
            Matcher("full", "same doc_type, parties match, subject token F1 >= 0.5", _document_full),
            Matcher("type", "same doc_type", _document_type,
                    {"parties": _parties_ok, "subject": _subject_ok, "signed_date": _signed_date_ok}),
        ),
        headline="full", extra=(("type", "parties"), ("type", "subject"), ("type", "signed_date")),
        describe=_describe_document,
    ),
    TableSpec(
        "money", ("article_id", "start", "end", "amount", "currency"),
        (
            Matcher("value", "same amount (rel. tol. 1e-6) and currency", _money_value),
            Matcher("span", "spans overlap", _money_span, {"value": _money_value_ok}),
        ),
        headline="value", extra=(("span", "value"),),
        describe=lambda r: f"{r.get('text') or ''} = {r.get('amount')} {r.get('currency') or ''}",
    ),
    TableSpec(
        "dates", ("article_id", "start", "end", "value"),
        (
            Matcher("value", "spans overlap and the same value", _date_full),
            Matcher("span", "spans overlap", _money_span, {"value": _date_value_ok}),
        ),
        headline="value", extra=(("span", "value"),),
        describe=lambda r: f"{r.get('text') or ''} = {r.get('value') or ''}",
    ),
    TableSpec(
        "signings", ("article_id", "count", "value"),
        (Matcher("value", "same count and the same total value", _signing),),
        headline="value", needs_rows=True,
        describe=lambda r: f"{r.get('count')} documents, {r.get('value')} {r.get('currency') or ''}: {r.get('text') or ''}",
    ),
)}

#: the figures the CI floor gate watches (tests/eval_floors.json).
FLOOR_METRICS = (
    "entities.strict.f1",
    "quotes.content.f1",
    "quotes.content.speaker_accuracy",
    "documents.full.f1",
    "money.value.f1",
    "dates.value.f1",
    "signings.value.f1",
)

PARTY_REQUIRED = ("article_id", "document_id", "party")


# --------------------------------------------------------------------------- reading a run

def _present_columns(directory: Path, table: str) -> Optional[list[str]]:
    """The header of a table file, None when the table is absent."""
    csv_path, pq_path = directory / f"{table}.csv", directory / f"{table}.parquet"
    if csv_path.exists():
        with open(csv_path, encoding="utf-8-sig", newline="") as fh:
            return [c.strip() for c in next(csv.reader(fh), [])]
    if pq_path.exists():
        import pyarrow.parquet as pq
        return list(pq.read_schema(pq_path).names)
    return None


def _convert(value, dtype: str):
    """A CSV cell as the schema's type (empty -> None); unparsable numbers become None."""
    if value is None:
        return None
    value = value.strip()
    if value == "":
        return None
    try:
        if dtype == "Int64":
            return int(float(value))
        if dtype == "Float64":
            return float(value)
    except ValueError:
        return None
    if dtype == "boolean":
        return value.lower() == "true"
    return value


def read_records(directory: Path, table: str) -> list[dict]:
    """A table's rows as plain dicts with every schema column (absent ones None).

    CSV is read leniently (a spreadsheet's BOM, padded headers); Parquet via pandas. An
    absent table is empty.
    """
    dtypes = schema.dtypes(table)
    csv_path, pq_path = directory / f"{table}.csv", directory / f"{table}.parquet"
    if csv_path.exists():
        with open(csv_path, encoding="utf-8-sig", newline="") as fh:
            reader = csv.reader(fh)
            header = [c.strip() for c in next(reader, [])]
            out = []
            for row in reader:
                if not any(cell.strip() for cell in row):
                    continue
                raw = dict(zip(header, row))
                out.append({c: _convert(raw.get(c), t) for c, t in dtypes.items()})
            return out
    if pq_path.exists():
        frame = typed_frame(table, pd.read_parquet(pq_path))[list(dtypes)].astype(object)
        return frame.where(frame.notna(), None).to_dict("records")
    return []


@dataclass
class RunTables:
    """One side (gold or prediction): records per table per article, and article texts."""

    directory: Path
    present: set                                   # tables whose file exists
    rows: dict                                     # table -> article_id -> [record]
    sentences: dict                                # article_id -> [(start, end, text)]
    texts: dict                                    # article_id -> full text, when findable
    article_ids: list

    def of(self, table: str, article_id: str) -> list[dict]:
        return self.rows.get(table, {}).get(article_id, [])


def load_side(directory, *, gold: bool, state_words: frozenset = frozenset()) -> RunTables:
    directory = Path(directory)
    role = "gold" if gold else "prediction"
    if not directory.is_dir():
        raise GoldError(f"{role} folder not found: {directory}")
    present = set()
    if gold:
        cols = _present_columns(directory, "articles")
        if cols is None:
            raise GoldError(f"gold folder {directory} has no articles.csv: it lists the articles to score")
        if "article_id" not in cols:
            raise GoldError(f"gold {directory}/articles.csv has no article_id column")
        for table, spec in list(SPECS.items()) + [("document_parties", None)]:
            cols = _present_columns(directory, table)
            if cols is None:
                continue
            present.add(table)
            required = spec.required if spec else PARTY_REQUIRED
            missing = [c for c in required if c not in cols]
            if missing:
                raise GoldError(f"gold {table} table in {directory} lacks the scored column(s) "
                                f"{', '.join(missing)} (it has: {', '.join(cols) or 'no header'})")
        if "documents" in present and "document_parties" not in present:
            raise GoldError(f"gold {directory} has documents but no document_parties table")
    else:
        present = {t for t in list(SPECS) + ["document_parties"] if _present_columns(directory, t) is not None}

    frames = {t: read_records(directory, t) for t in list(SPECS) + ["document_parties", "sentences", "articles"]}
    rows: dict = {}
    for table in SPECS:
        by_article = defaultdict(list)
        for rec in frames[table]:
            by_article[rec["article_id"]].append(rec)
        rows[table] = by_article

    # documents carry their parties; parties know whether they denote a state
    ents = rows["entities"]
    gpe_names = {norm(n) for recs in ents.values() for e in recs if same_code(e.get("label"), "GPE")
                 for n in (e.get("canonical"), e.get("text")) if n}
    gpe_ids = {(aid, e.get("entity_id")) for aid, recs in ents.items() for e in recs
               if same_code(e.get("label"), "GPE") and e.get("entity_id") is not None}
    parties = defaultdict(list)
    for rec in sorted(frames["document_parties"],
                      key=lambda r: (r.get("party_order") is None, r.get("party_order") or 0)):
        rec["is_state"] = (bool(set(tokens(rec.get("party"))) & state_words)
                           or (rec["article_id"], rec.get("party_entity_id")) in gpe_ids
                           or norm(rec.get("party")) in gpe_names
                           or _country_index().code(rec.get("party") or "", kinds=("names",)) is not None)
        parties[(rec["article_id"], rec.get("document_id"))].append(rec)
    for aid, docs in rows["documents"].items():
        for d in docs:
            d["parties"] = parties.get((aid, d.get("document_id")), [])

    sentences = defaultdict(list)
    for s in frames["sentences"]:
        if s.get("start") is not None and s.get("end") is not None:
            sentences[s["article_id"]].append((s["start"], s["end"], s.get("text") or ""))

    article_ids, texts = [], {}
    for a in frames["articles"]:
        aid = a.get("article_id")
        if not aid or aid in article_ids:
            continue
        article_ids.append(aid)
        text = _article_text(directory, aid, a.get("source_path"))
        if text is not None:
            texts[aid] = text
    return RunTables(directory, present, rows, dict(sentences), texts, article_ids)


def _article_text(directory: Path, article_id: str, source_path) -> Optional[str]:
    """The article's text: <gold>/texts/<article_id>.txt, else its source_path if readable."""
    candidates = [directory / "texts" / f"{article_id}.txt"]
    if source_path:
        sp = Path(str(source_path))
        candidates += [sp, directory / sp] if not sp.is_absolute() else [sp]
    for c in candidates:
        try:
            if c.is_file() and c.suffix in (".txt", ""):
                return c.read_text(encoding="utf-8")
        except OSError:
            continue
    return None


# --------------------------------------------------------------------------- scoring

def greedy_match(gold: list[dict], pred: list[dict], score) -> list[tuple[int, int, float]]:
    """One-to-one pairs (gold index, pred index, score), best scores first."""
    cands = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            s = score(g, p)
            if s is not None:
                cands.append((-s, i, j))
    cands.sort()
    used_g, used_p, pairs = set(), set(), []
    for neg, i, j in cands:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            pairs.append((i, j, -neg))
    return pairs


def prf(tp: int, n_gold: int, n_pred: int) -> dict:
    """Precision/recall/F1; None when there is nothing in gold or prediction."""
    if n_gold == 0 and n_pred == 0:
        return {"precision": None, "recall": None, "f1": None}
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


@dataclass
class MatchResult:
    """One matcher on one article."""

    tp: int
    n_gold: int
    n_pred: int
    check_ok: dict          # check -> correct pairs
    pairs: list             # (gold rec, pred rec)
    misses: list            # gold recs not matched
    spurious: list          # pred recs not matched


#: weight of each agreeing check in a pair's rank: decides ties only, never beats a better score
TIE_BREAK = 1e-6


def match_article(matcher: Matcher, gold: list[dict], pred: list[dict]) -> MatchResult:
    def ranked(g, p):  # ties (e.g. the two bounds of a range share a span) go to the pair whose checks agree
        s = matcher.score(g, p)
        return None if s is None else s + TIE_BREAK * sum(bool(fn(g, p)) for fn in matcher.checks.values())

    pairs = greedy_match(gold, pred, ranked)
    mg, mp = {i for i, _, _ in pairs}, {j for _, j, _ in pairs}
    recs = [(gold[i], pred[j]) for i, j, _ in pairs]
    return MatchResult(
        tp=len(pairs), n_gold=len(gold), n_pred=len(pred),
        check_ok={name: sum(bool(fn(g, p)) for g, p in recs) for name, fn in matcher.checks.items()},
        pairs=recs,
        misses=[g for i, g in enumerate(gold) if i not in mg],
        spurious=[p for j, p in enumerate(pred) if j not in mp],
    )


def _figures(tp: int, n_gold: int, n_pred: int, check_ok: dict) -> dict:
    out = {"tp": tp, "n_gold": n_gold, "n_pred": n_pred, **prf(tp, n_gold, n_pred)}
    for name, ok in check_ok.items():
        out[f"{name}_accuracy"] = ok / tp if tp else None
        out[f"{name}_correct"] = ok
    return out


@dataclass
class Evaluation:
    gold_dir: Path
    pred_dir: Path
    articles: list
    missing_articles: list                  # gold articles the prediction does not have
    tables: dict                            # table -> {"scored", "reason", "metrics", "per_article"}
    results: dict                           # (table, matcher) -> {article_id: MatchResult}
    gold: RunTables
    pred: RunTables

    # flat figures: "entities.strict.f1" -> value
    @property
    def figures(self) -> dict:
        out = {}
        for table, t in self.tables.items():
            for mname, figs in t.get("metrics", {}).items():
                for k, v in figs.items():
                    out[f"{table}.{mname}.{k}"] = v
        return out

    def figure(self, key: str):
        """Resolve TABLE, TABLE.MATCHER (its F1) or TABLE.MATCHER.FIGURE; KeyError if unknown."""
        parts = key.split(".")
        if parts[0] not in SPECS:
            raise KeyError(key)
        spec = SPECS[parts[0]]
        if len(parts) == 1:
            parts = [parts[0], spec.headline, "f1"]
        elif len(parts) == 2:
            parts = parts + ["f1"]
        if len(parts) != 3:
            raise KeyError(key)
        spec.matcher(parts[1])
        figures = self.figures
        full = ".".join(parts)
        if full not in figures:
            if parts[0] in self.tables and not self.tables[parts[0]]["scored"]:
                return None
            raise KeyError(key)
        return figures[full]

    def to_dict(self) -> dict:
        return {
            "gold": str(self.gold_dir), "pred": str(self.pred_dir),
            "articles": self.articles, "missing_articles": self.missing_articles,
            "tables": self.tables, "figures": self.figures,
        }


def evaluate(gold_dir, pred_dir) -> Evaluation:
    """Score the prediction folder against the gold folder."""
    state_words = load_state_words()
    gold = load_side(gold_dir, gold=True, state_words=state_words)
    pred = load_side(pred_dir, gold=False, state_words=state_words)
    articles = gold.article_ids
    pred_articles = set(pred.article_ids) | {a for t in pred.rows.values() for a in t}
    tables, results = {}, {}
    for table, spec in SPECS.items():
        n_gold_rows = sum(len(gold.of(table, a)) for a in articles)
        if table not in gold.present:
            tables[table] = {"scored": False, "reason": "no gold table"}
            continue
        if spec.needs_rows and n_gold_rows == 0:
            tables[table] = {"scored": False, "reason": "gold table has no rows"}
            continue
        metrics, per_article = {}, defaultdict(dict)
        for m in spec.matchers:
            by_article = {a: match_article(m, gold.of(table, a), pred.of(table, a)) for a in articles}
            results[(table, m.name)] = by_article
            tot = Counter()
            checks = Counter({c: 0 for c in m.checks})
            for a, r in by_article.items():
                tot.update(tp=r.tp, n_gold=r.n_gold, n_pred=r.n_pred)
                checks.update(r.check_ok)
                per_article[a][m.name] = _figures(r.tp, r.n_gold, r.n_pred, r.check_ok)
            metrics[m.name] = _figures(tot["tp"], tot["n_gold"], tot["n_pred"], dict(checks))
        tables[table] = {"scored": True, "headline": spec.headline, "metrics": metrics,
                         "rules": {m.name: m.rule for m in spec.matchers},
                         "per_article": dict(per_article)}
    return Evaluation(Path(gold_dir), Path(pred_dir), articles,
                      [a for a in articles if a not in pred_articles], tables, results, gold, pred)


# --------------------------------------------------------------------------- output

def _fmt(v) -> str:
    return "-" if v is None else f"{v:.3f}"


def format_table(ev: Evaluation) -> str:
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


def write_json(ev: Evaluation, path) -> None:
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_text(json.dumps(ev.to_dict(), indent=2, ensure_ascii=False), encoding="utf-8")


def _context(ev: Evaluation, article_id: str, rec: dict) -> str:
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


def _in(ev: Evaluation, article_id: str, rec: dict) -> str:
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


def build_report(ev: Evaluation, links: Optional[dict] = None) -> _Doc:
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


def write_report(ev: Evaluation, path) -> None:
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


def parse_thresholds(specs: Iterable[str]) -> list[tuple[str, float]]:
    """``TABLE=F1`` / ``TABLE.MATCHER=F1`` / ``TABLE.MATCHER.FIGURE=X`` -> [(key, value)]."""
    out = []
    for s in specs:
        key, sep, value = s.partition("=")
        if not sep:
            raise GoldError(f"--fail-under expects KEY=VALUE (e.g. entities=0.6), not {s!r}")
        try:
            v = float(value)
        except ValueError:
            raise GoldError(f"--fail-under {s!r}: {value!r} is not a number") from None
        parts = key.strip().split(".")
        if parts[0] not in SPECS or len(parts) > 3:
            raise GoldError(f"--fail-under {s!r}: unknown table (choose from {', '.join(SPECS)})")
        if len(parts) >= 2 and parts[1] not in {m.name for m in SPECS[parts[0]].matchers}:
            names = ", ".join(m.name for m in SPECS[parts[0]].matchers)
            raise GoldError(f"--fail-under {s!r}: {parts[0]} has no metric {parts[1]!r} (choose from {names})")
        out.append((key.strip(), v))
    return out


def check_thresholds(ev: Evaluation, thresholds: list[tuple[str, float]]) -> list[str]:
    """The unmet thresholds, as messages (empty when all are met)."""
    failures = []
    for key, minimum in thresholds:
        try:
            value = ev.figure(key)
        except KeyError:
            raise GoldError(f"--fail-under: unknown figure {key!r}") from None
        if value is None:
            failures.append(f"{key}: no figure (table not scored or nothing to score) < {minimum}")
        elif value < minimum:
            failures.append(f"{key} = {value:.4f} < {minimum}")
    return failures


def gold_hashes(gold_dir) -> dict:
    """sha256 of every gold table (the CSV files; notes and authoring sources are not
    scored), by relative path, sorted."""
    import hashlib

    root = Path(gold_dir)
    out = {}
    if not root.is_dir():
        return out
    for path in sorted(p for p in root.rglob("*.csv") if p.is_file()):
        rel = path.relative_to(root).as_posix()
        if any(part.startswith(".") for part in rel.split("/")):
            continue
        out[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
    return dict(sorted(out.items()))


# --------------------------------------------------------------------------- the floor gate

#: slack for float noise when comparing a figure with its floor
FLOOR_EPSILON = 1e-9


def floor_figures(ev: Evaluation) -> dict:
    """The figures of FLOOR_METRICS that exist for this gold (tables not scored are left out)."""
    out = {}
    for key in FLOOR_METRICS:
        value = ev.figure(key)
        if value is not None:
            out[key] = value
    return out


def below_floors(current: dict, floors: dict, eps: float = FLOOR_EPSILON) -> list[str]:
    """Messages for every floor the current figures do not reach (a missing figure fails)."""
    out = []
    for key, floor in sorted(floors.items()):
        value = current.get(key)
        if value is None:
            out.append(f"{key}: no figure now (floor {floor:.4f}): nothing matched, or the table is no longer scored")
        elif value < floor - eps:
            out.append(f"{key} = {value:.4f} < floor {floor:.4f}")
    return out


def gold_diff(recorded: dict, current: dict) -> list[str]:
    """Which gold files were added, removed or changed since the hashes were recorded."""
    out = [f"added {p}" for p in sorted(set(current) - set(recorded))]
    out += [f"removed {p}" for p in sorted(set(recorded) - set(current))]
    out += [f"changed {p}" for p in sorted(set(current) & set(recorded)) if current[p] != recorded[p]]
    return out
