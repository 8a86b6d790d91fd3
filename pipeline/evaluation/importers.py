"""Gold tables from annotation tools (``newsie import-gold``).

Label Studio JSON export (tasks with ``data.text`` and ``annotations[].result[]``) and brat
standoff (``.txt`` + ``.ann``) become the gold CSV tables ``newsie eval`` reads:
``articles.csv``, ``entities.csv``, ``quotes.csv`` (and the article texts in ``texts/``
for the report). Both formats go through one intermediate form, ``Annotated``; the label
mapping is rule data in ``models/evaluate/labelstudio_labels.tsv``.

Label Studio: a ``labels`` region labelled PERSON/ORG/GPE/... is an entity mention, a
``QUOTE`` region a quotation; a relation between a quote and another region (either
direction) names the speaker. Optional per-region fields: a ``textarea`` whose name
contains "canonical" (the canonical name) or "speaker" (the speaker's canonical name),
and a ``choices`` direct/indirect (the quote's kind). An export of newsie's own config
(``newsie export labelstudio --config``: regions of its ``record`` control) gives every
table: documents (``party`` relations), money, dates and signings from the per-region
fields of ``labelstudio_fields.tsv``; JSON-MIN exports are completed from the task's
``data.newsie`` pre-annotation (``labelstudio.min_to_task``). brat: T lines are spans, R lines
relations, ``AnnotatorNotes`` the canonical name, an attribute ``Kind`` the quote kind.
"""

from __future__ import annotations

import csv
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from ..core import schema
from ..core.paths import models_dir
from ..core.stage import read_tsv
from .labelstudio import RECORD_CONTROL, is_json_min, load_fields, min_to_task


class ImportError_(ValueError):
    """The export cannot be read (a usage error)."""


@dataclass
class Annotated:
    """One annotated text, tool-independent."""

    article_id: str
    text: str
    spans: dict                       # region id -> {start, end, text, labels, control, canonical, kind,
                                      #               speaker, fields: {field name: value}}
    relations: list                   # (from id, to id, label or None)
    source_path: str = ""
    title: Optional[str] = None
    published: Optional[str] = None


@dataclass
class ImportResult:
    articles: int = 0
    rows: dict = field(default_factory=dict)
    warnings: list = field(default_factory=list)


def load_label_map() -> dict:
    """(control or "", label) -> (table, label to write); control "" applies to any control."""
    rows = read_tsv(models_dir() / "evaluate" / "labelstudio_labels.tsv")
    return {((r.get("control") or "").strip(), r["source"].strip().upper()): (r["table"].strip(),
                                                                            (r.get("label") or "").strip())
            for r in rows}


def map_label(label_map: dict, control, label) -> Optional[tuple]:
    label = str(label).upper()
    return label_map.get((str(control or ""), label)) or label_map.get(("", label))


def _span(start: int, end: int, text: str, labels: list, control=None) -> dict:
    return {"start": start, "end": end, "text": text[start:end], "labels": labels, "control": control,
            "canonical": None, "kind": None, "speaker": None, "fields": {}}


def _utf16_to_index(text: str, offset: int) -> int:
    """A JavaScript (UTF-16 code unit) offset as a Python string index."""
    units = 0
    for i, ch in enumerate(text):
        if units >= offset:
            return i
        units += 2 if ord(ch) > 0xFFFF else 1
    return len(text)


# --------------------------------------------------------------------------- Label Studio

def read_labelstudio(path: Path, warnings: list) -> list[Annotated]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ImportError_(f"{path}: not a Label Studio JSON export ({exc})") from None
    tasks = data if isinstance(data, list) else [data]
    tasks = [min_to_task(t, warnings) if is_json_min(t) else t for t in tasks]
    field_names = {f.name for f in load_fields()}
    out = []
    for n, task in enumerate(tasks):
        if not isinstance(task, dict) or not isinstance(task.get("data"), dict):
            raise ImportError_(f"{path}: task {n} has no 'data' object (is this a Label Studio JSON export?)")
        d = task["data"]
        text = d.get("text")
        if not isinstance(text, str):
            warnings.append(f"task {task.get('id', n)}: no data.text, skipped")
            continue
        anns = [a for a in task.get("annotations") or [] if not a.get("was_cancelled")]
        if not anns and task.get("predictions"):
            warnings.append(f"task {task.get('id', n)}: no annotation, its predictions are read as gold")
            anns = task["predictions"]
        if not anns:
            warnings.append(f"task {task.get('id', n)}: no (uncancelled) annotation, skipped")
            continue
        if len(anns) > 1:
            warnings.append(f"task {task.get('id', n)}: {len(anns)} annotations, the first is used")
        article_id = (d.get("article_id") or d.get("id")
                      or (Path(task["file_upload"]).stem if task.get("file_upload") else None)
                      or f"task-{task.get('id', n)}")
        spans, relations, extras = {}, [], []
        for r in anns[0].get("result") or []:
            kind, value = r.get("type"), r.get("value") or {}
            if kind == "labels":
                start, end = value.get("start"), value.get("end")
                if start is None or end is None:
                    continue
                start, end = int(start), int(end)
                if value.get("text") is not None and text[start:end] != value["text"]:
                    s16, e16 = _utf16_to_index(text, start), _utf16_to_index(text, end)
                    if text[s16:e16] == value["text"]:
                        start, end = s16, e16
                    else:
                        warnings.append(f"{article_id}: region {r.get('id')} text {value['text']!r} "
                                        f"differs from data.text[{start}:{end}]; offsets kept")
                spans[r.get("id") or f"r{len(spans)}"] = _span(start, end, text, list(value.get("labels") or []),
                                                               r.get("from_name"))
            elif kind == "relation":
                relations.append((r.get("from_id"), r.get("to_id"), (r.get("labels") or [None])[0]))
            elif kind in ("textarea", "choices"):
                extras.append(r)
        for r in extras:  # per-region fields share the region's id
            span = spans.get(r.get("id"))
            if span is None:
                continue
            value, name = r.get("value") or {}, str(r.get("from_name") or "").lower()
            if r["type"] == "textarea":
                raw = value.get("text") or []
                words = (raw if isinstance(raw, str) else "\n".join(map(str, raw))).strip()
                if words and name in field_names:
                    span["fields"][name] = words
                if words and (name not in field_names or name in ("canonical", "speaker")):
                    span["speaker" if "speaker" in name else "canonical"] = " ".join(words.split())
            else:
                if name in field_names and value.get("choices"):
                    span["fields"][name] = str(value["choices"][0])
                for choice in value.get("choices") or []:
                    if str(choice).lower() in ("direct", "indirect"):
                        span["kind"] = str(choice).lower()
        out.append(Annotated(str(article_id), text, spans, relations,
                             source_path=str(task.get("file_upload") or path),
                             title=d.get("title"), published=d.get("published")))
    return out


# --------------------------------------------------------------------------- brat

def read_brat(path: Path, warnings: list) -> list[Annotated]:
    path = Path(path)
    anns = [path] if path.is_file() else sorted(path.rglob("*.ann"))
    if not anns:
        raise ImportError_(f"{path}: no .ann files")
    root = path if path.is_dir() else path.parent
    out = []
    for ann in anns:
        txt = ann.with_suffix(".txt")
        if not txt.exists():
            warnings.append(f"{ann}: no {txt.name} beside it, skipped")
            continue
        text = txt.read_text(encoding="utf-8")
        spans, relations = {}, []
        for line in ann.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if not parts or not parts[0]:
                continue
            tag = parts[0][0]
            if tag == "T" and len(parts) >= 2:
                label, _, offsets = parts[1].partition(" ")
                pieces = [tuple(int(x) for x in p.split()) for p in offsets.split(";") if p.strip()]
                start, end = min(p[0] for p in pieces), max(p[1] for p in pieces)
                spans[parts[0]] = _span(start, end, text, [label])
            elif tag == "R" and len(parts) >= 2:
                args = dict(a.split(":", 1) for a in parts[1].split()[1:] if ":" in a)
                if len(args) >= 2:
                    a1, a2 = list(args.values())[:2]
                    relations.append((a1, a2, None))
            elif tag in ("A", "M") and len(parts) >= 2:
                bits = parts[1].split()
                if len(bits) >= 3 and bits[2].lower() in ("direct", "indirect") and bits[1] in spans:
                    spans[bits[1]]["kind"] = bits[2].lower()
            elif tag == "#" and len(parts) >= 3:
                bits = parts[1].split()
                if len(bits) >= 2 and bits[1] in spans and parts[2].strip():
                    spans[bits[1]]["canonical"] = parts[2].strip()
        article_id = ann.relative_to(root).with_suffix("").as_posix()
        out.append(Annotated(article_id, text, spans, relations, source_path=str(txt)))
    return out


# --------------------------------------------------------------------------- alignment and rows

def align(items: list[Annotated], articles: Path, warnings: list) -> None:
    """Shift offsets to the article files' text (front matter included) and adopt their ids
    when the tool was given only the body."""
    from ..core.inputs import read_inputs

    files = [a for a in read_inputs([Path(articles)]) if not a.error]
    by_id = {a.article_id: a for a in files}
    for item in items:
        art = by_id.get(item.article_id)
        if art is None or item.text not in art.text:
            found = [a for a in files if item.text and item.text in a.text]
            art = found[0] if len(found) == 1 else None
        if art is None:
            warnings.append(f"{item.article_id}: text not found in {articles}; offsets kept as annotated")
            continue
        shift = 0 if art.text == item.text else art.text.find(item.text)
        for span in item.spans.values():
            span["start"] += shift
            span["end"] += shift
        item.article_id, item.text, item.source_path = art.article_id, art.text, art.source_path
        item.title = item.title or art.title
        item.published = item.published or art.published


def _clean(text: str) -> str:
    return " ".join(text.split())


#: tables written for an export of newsie's own config (which annotates every table)
RECORD_TABLES = ("documents", "document_parties", "money", "dates", "signings")


def _kinds(item: Annotated, label_map: dict, warnings: list) -> dict:
    """region id -> [(table, label)] through the label map."""
    kinds = {}
    for sid, span in item.spans.items():
        for label in span["labels"]:
            mapped = map_label(label_map, span.get("control"), label)
            if mapped is None:
                warnings.append(f"{item.article_id}: label {label!r} is not mapped "
                                f"(models/evaluate/labelstudio_labels.tsv), skipped")
                continue
            kinds.setdefault(sid, []).append(mapped)
    return kinds


def _ordered(item: Annotated, kinds: dict, table: str) -> list:
    """Region ids of one table in text order (ties: export order)."""
    order = {sid: n for n, sid in enumerate(item.spans)}
    ids = [s for s, ms in kinds.items() if any(m[0] == table for m in ms)]
    return sorted(ids, key=lambda s: (item.spans[s]["start"], item.spans[s]["end"], order[s]))


def _partners(item: Annotated, kinds: dict, sid: str, role: str) -> list:
    """Regions related to ``sid`` in the given role (speaker | party), in relation order. A
    relation labelled with the other role is skipped; an unlabelled (or otherwise labelled)
    one counts for both. Quotes and documents are never speakers or parties."""
    out = []
    for a, b, label in item.relations:
        if sid not in (a, b):
            continue
        lab = str(label).lower() if label else None
        if lab in ("speaker", "party") and lab != role:
            continue
        other = b if a == sid else a
        if other in item.spans and not {m[0] for m in kinds.get(other, [])} & {"quote", "documents"}:
            out.append(other)
    return out


def _entity_rows(item: Annotated, kinds: dict) -> tuple[list, dict]:
    entities, entity_ids, mention_of = [], {}, {}
    ent_spans = sorted(((s, m) for s, ms in kinds.items() for m in ms if m[0] == "entities"),
                       key=lambda x: (item.spans[x[0]]["start"], item.spans[x[0]]["end"]))
    for sid, (_, label) in ent_spans:
        span = item.spans[sid]
        canonical = span["canonical"] or _clean(span["text"])
        eid = entity_ids.setdefault(canonical.casefold(), len(entity_ids))
        mention_of[sid] = eid
        entities.append({"article_id": item.article_id, "mention_id": len(entities), "start": span["start"],
                         "end": span["end"], "text": span["text"], "label": label, "entity_id": eid,
                         "canonical": canonical})
    return entities, mention_of


def _quote_rows(item: Annotated, kinds: dict, mention_of: dict, warnings: list) -> list:
    quotes = []
    for sid in _ordered(item, kinds, "quote"):
        span = item.spans[sid]
        default_kind = next(m[1] for m in kinds[sid] if m[0] == "quote") or "direct"
        speakers = _partners(item, kinds, sid, "speaker")
        if len(speakers) > 1:
            warnings.append(f"{item.article_id}: quote {span['text'][:40]!r} has {len(speakers)} speaker "
                            f"relations, the first is used")
        row = {"article_id": item.article_id, "quote_id": len(quotes), "start": span["start"], "end": span["end"],
               "kind": span["kind"] or default_kind, "text": span["text"], "speaker": span["speaker"],
               "cue": span["fields"].get("cue")}
        if speakers:
            sp = item.spans[speakers[0]]
            row["speaker"] = row["speaker"] or sp["canonical"] or _clean(sp["text"])
            row["speaker_text"] = sp["text"]
            row["speaker_entity_id"] = mention_of.get(speakers[0])
            # written once the schema has these columns (write_gold writes schema columns only)
            row["speaker_start"], row["speaker_end"] = sp["start"], sp["end"]
        quotes.append(row)
    return quotes


def _document_rows(item: Annotated, kinds: dict, mention_of: dict) -> tuple[list, list]:
    docs, parties = [], []
    for sid in _ordered(item, kinds, "documents"):
        span, f = item.spans[sid], item.spans[sid]["fields"]
        doc_id = len(docs)
        docs.append({"article_id": item.article_id, "document_id": doc_id, "start": span["start"],
                     "end": span["end"], "text": span["text"], "doc_type": f.get("doc_type"),
                     "title": f.get("doc_title"), "subject": f.get("doc_subject"),
                     "signed_date": f.get("doc_signed_date"), "signed_place": f.get("doc_signed_place")})
        names = [(item.spans[p]["canonical"] or _clean(item.spans[p]["text"]), mention_of.get(p))
                 for p in _partners(item, kinds, sid, "party")]
        names += [(line.strip(), None) for line in (f.get("doc_parties") or "").splitlines() if line.strip()]
        for order, (name, eid) in enumerate(names):
            parties.append({"article_id": item.article_id, "document_id": doc_id, "party_order": order,
                            "party": name, "party_entity_id": eid})
    return docs, parties


#: table -> (id column, [(field name, column)]) of the tables that are one region per row
SIMPLE_TABLES = {
    "money": ("money_id", [("money_amount", "amount"), ("money_currency", "currency"), ("money_context", "context")]),
    "dates": ("date_id", [("date_value", "value"), ("date_granularity", "granularity"), ("date_mod", "mod")]),
    "signings": ("signing_id", [("signing_count", "count"), ("signing_value", "value"),
                                ("signing_currency", "currency"), ("signing_parties", "parties"),
                                ("signing_date", "signed_date")]),
}


def _simple_rows(item: Annotated, kinds: dict, table: str) -> list:
    id_col, fields = SIMPLE_TABLES[table]
    rows = []
    for sid in _ordered(item, kinds, table):
        span = item.spans[sid]
        row = {"article_id": item.article_id, id_col: len(rows), "start": span["start"], "end": span["end"],
               "text": span["text"]}
        row.update({col: " ".join(span["fields"][name].split()) for name, col in fields if name in span["fields"]})
        rows.append(row)
    return rows


def rows_of(item: Annotated, label_map: dict, warnings: list, all_tables: bool = False) -> dict:
    """The gold rows of one annotated text: articles, entities, quotes, and (``all_tables``)
    documents, document_parties, money, dates and signings."""
    kinds = _kinds(item, label_map, warnings)
    entities, mention_of = _entity_rows(item, kinds)
    article = {"article_id": item.article_id, "source_path": item.source_path, "title": item.title,
               "published": item.published, "status": "ok",
               "sha256": hashlib.sha256(item.text.encode("utf-8")).hexdigest()}
    out = {"articles": [article], "entities": entities, "quotes": _quote_rows(item, kinds, mention_of, warnings)}
    if all_tables:
        out["documents"], out["document_parties"] = _document_rows(item, kinds, mention_of)
        for table in SIMPLE_TABLES:
            out[table] = _simple_rows(item, kinds, table)
    return out


def write_gold(out: Path, rows: dict, texts: dict) -> None:
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    for table, table_rows in rows.items():
        cols = schema.columns(table)
        with open(out / f"{table}.csv", "w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh, lineterminator="\r\n")
            w.writerow(cols)
            for r in table_rows:
                w.writerow(["" if r.get(c) is None else r.get(c) for c in cols])
    for article_id, text in texts.items():
        path = out / "texts" / f"{article_id}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="")


def import_gold(source: Path, out: Path, *, fmt: str = "labelstudio", articles: Optional[Path] = None) -> ImportResult:
    result = ImportResult()
    reader = {"labelstudio": read_labelstudio, "brat": read_brat}.get(fmt)
    if reader is None:
        raise ImportError_(f"unknown format {fmt!r} (labelstudio or brat)")
    items = reader(Path(source), result.warnings)
    if articles is not None:
        align(items, articles, result.warnings)
    seen = set()
    for item in items:
        if item.article_id in seen:
            raise ImportError_(f"article {item.article_id!r} annotated twice in {source}")
        seen.add(item.article_id)
    label_map = load_label_map()
    all_tables = any(span.get("control") == RECORD_CONTROL for i in items for span in i.spans.values())
    rows = {"articles": [], "entities": [], "quotes": []}
    if all_tables:
        rows.update({t: [] for t in RECORD_TABLES})
    for item in items:
        for table, table_rows in rows_of(item, label_map, result.warnings, all_tables).items():
            rows[table].extend(table_rows)
    write_gold(out, rows, {i.article_id: i.text for i in items})
    result.articles = len(items)
    result.rows = {t: len(r) for t, r in rows.items()}
    return result
