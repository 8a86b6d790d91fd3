"""Label Studio round trip: newsie's predictions as pre-annotated tasks, and the labelling
config they need (``newsie export labelstudio``). ``importers`` reads the annotated export
back into every gold table.

Config: two Labels controls on one Text: ``entity`` (the spaCy labels of
``labelstudio_labels.tsv``) and ``record`` (QUOTE_DIRECT, QUOTE_INDIRECT, SPEAKER,
DOCUMENT, PARTY, MONEY, DATE, SIGNING); Relations ``speaker`` (quote -> its speaker
mention) and ``party`` (document -> each party's mention, in order); per-region fields
(``labelstudio_fields.tsv``) for the normalised values. Offsets are UTF-16 code units, as
Label Studio counts them. Each task's ``data.newsie`` keeps the pre-annotation's regions,
fields and relations: a JSON-MIN export (which drops relations and per-region fields) is
completed from it for the spans the annotator left unchanged.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional

from ..core.paths import models_dir
from ..core.stage import read_tsv, split_cell

ENTITY_CONTROL, RECORD_CONTROL, TEXT = "entity", "record", "text"
RECORD_LABELS = ("QUOTE_DIRECT", "QUOTE_INDIRECT", "SPEAKER", "DOCUMENT", "PARTY", "MONEY", "DATE", "SIGNING")
SNAPSHOT = "newsie"


@dataclass(frozen=True)
class Field:
    name: str
    type: str                 # textarea | choices
    labels: tuple
    table: str
    column: str


def load_fields() -> list[Field]:
    rows = read_tsv(models_dir() / "evaluate" / "labelstudio_fields.tsv")
    return [Field(r["name"].strip(), r["type"].strip(), tuple(split_cell(r["labels"])), r["table"].strip(),
                  r["column"].strip()) for r in rows]


def entity_labels() -> list[str]:
    """The entity labels of the config: the targets of labelstudio_labels.tsv's entity rows."""
    out = []
    for r in read_tsv(models_dir() / "evaluate" / "labelstudio_labels.tsv"):
        label = (r.get("label") or "").strip()
        if r["table"].strip() == "entities" and label not in out:
            out.append(label)
    return out


def doc_types() -> list[str]:
    out = []
    for r in read_tsv(models_dir() / "documents" / "doc_types.tsv"):
        t = (r.get("doc_type") or "").strip()
        if t and t not in out:
            out.append(t)
    return out


def label_config() -> str:
    """The Label Studio labelling config (XML) the exported tasks are made for."""
    a = lambda v: html.escape(str(v), quote=True)  # noqa: E731
    lines = ["<View>", '  <Style>.htx-text { white-space: pre-wrap; }</Style>',
             '  <Header value="$title"/>',
             f'  <Labels name="{ENTITY_CONTROL}" toName="{TEXT}">']
    lines += [f'    <Label value="{a(lab)}"/>' for lab in entity_labels()]
    lines += ["  </Labels>", f'  <Labels name="{RECORD_CONTROL}" toName="{TEXT}">']
    lines += [f'    <Label value="{lab}"/>' for lab in RECORD_LABELS]
    lines += ["  </Labels>", f'  <Text name="{TEXT}" value="$text"/>',
              '  <Relations>', '    <Relation value="speaker"/>', '    <Relation value="party"/>', '  </Relations>']
    for f in load_fields():
        when = f'visibleWhen="region-selected" whenLabelValue="{a(",".join(f.labels))}"'
        head = f'<Header value="{a(f.name)}"/>'
        if f.type == "choices":
            opts = "".join(f'<Choice value="{a(v)}"/>' for v in doc_types())
            lines.append(f'  <View {when}>{head}<Choices name="{a(f.name)}" toName="{TEXT}" perRegion="true" '
                         f'choice="single">{opts}</Choices></View>')
        else:
            lines.append(f'  <View {when}>{head}<TextArea name="{a(f.name)}" toName="{TEXT}" perRegion="true" '
                         f'editable="true" maxSubmissions="1" rows="1"/></View>')
    lines.append("</View>")
    return "\n".join(lines) + "\n"


def utf16(text: str, index: int) -> int:
    """A Python string index as a JavaScript (UTF-16 code unit) offset."""
    return index + sum(1 for ch in text[:index] if ord(ch) > 0xFFFF)


def value_text(value) -> Optional[str]:
    """A table value as a field's text (no float noise; None for missing)."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


class TaskBuilder:
    """The regions, per-region fields and relations of one task."""

    def __init__(self, text: str):
        self.text, self.result, self.regions, self.relations = text, [], {}, []
        self.fields = {f.name: f for f in load_fields()}

    def region(self, rid: str, start: int, end: int, control: str, label: str) -> str:
        value = {"start": utf16(self.text, start), "end": utf16(self.text, end), "text": self.text[start:end],
                 "labels": [label]}
        self.result.append({"id": rid, "from_name": control, "to_name": TEXT, "type": "labels", "value": value})
        self.regions[rid] = {"start": value["start"], "end": value["end"], "label": label, "fields": {}}
        return rid

    def field(self, rid: str, name: str, value) -> None:
        text = value_text(value)
        if text is None:
            return
        reg = self.regions[rid]
        kind = self.fields[name].type
        val = {"start": reg["start"], "end": reg["end"]}
        val.update({"choices": [text]} if kind == "choices" else {"text": [text]})
        self.result.append({"id": rid, "from_name": name, "to_name": TEXT, "type": kind, "value": val})
        reg["fields"][name] = text

    def relation(self, a: str, b: str, label: str) -> None:
        self.result.append({"type": "relation", "from_id": a, "to_id": b, "direction": "right", "labels": [label]})
        self.relations.append([a, b, label])

    def snapshot(self) -> dict:
        return {"regions": self.regions, "relations": self.relations}


def _mention_near(entities: list, entity_id, lo: int, hi: int) -> Optional[dict]:
    """A mention of the entity inside [lo, hi), else its first mention."""
    mentions = [e for e in entities if entity_id is not None and e.get("entity_id") == entity_id]
    inside = [e for e in mentions if lo <= e["start"] and e["end"] <= hi]
    return (inside or mentions or [None])[0]


def _same(a, b) -> bool:
    return " ".join(str(a or "").casefold().split()) == " ".join(str(b or "").casefold().split())


def _add_quotes(tb: TaskBuilder, art, ent_region: dict) -> None:
    from ..viewer.marks import speaker_span

    ents = art.rows("entities")
    for q in art.rows("quotes"):
        rid = tb.region(f"q{q['quote_id']}", q["start"], q["end"], RECORD_CONTROL,
                        "QUOTE_INDIRECT" if q.get("kind") == "indirect" else "QUOTE_DIRECT")
        tb.field(rid, "cue", q.get("cue"))
        span = speaker_span(q, ents, art.rows("sentences"), tb.text) if q.get("speaker") else None
        target = ent_region.get(span) if span else None
        if target and not _same(target[1], q.get("speaker")):
            target = None
        if target:
            tb.relation(rid, target[0], "speaker")
        elif span:
            sp = tb.region(f"sp{q['quote_id']}", span[0], span[1], RECORD_CONTROL, "SPEAKER")
            tb.field(sp, "canonical", q.get("speaker"))
            tb.relation(rid, sp, "speaker")
        else:
            tb.field(rid, "speaker", q.get("speaker"))


def _add_documents(tb: TaskBuilder, art, ent_region: dict) -> None:
    ents = art.rows("entities")
    for d in art.rows("documents"):
        rid = tb.region(f"d{d['document_id']}", d["start"], d["end"], RECORD_CONTROL, "DOCUMENT")
        for name, col in (("doc_type", "doc_type"), ("doc_title", "title"), ("doc_subject", "subject"),
                          ("doc_signed_date", "signed_date"), ("doc_signed_place", "signed_place")):
            tb.field(rid, name, d.get(col))
        leftover = []
        for p in d.get("parties", []):
            mention = _mention_near(ents, p.get("party_entity_id"), d["start"], d["end"])
            target = ent_region.get((mention["start"], mention["end"])) if mention else None
            if target and _same(target[1], p.get("party")):
                tb.relation(rid, target[0], "party")
                continue
            span = (mention["start"], mention["end"]) if mention else _find(tb.text, p.get("party"), d["start"])
            if span is None:
                leftover.append(p.get("party") or "")
                continue
            pid = tb.region(f"p{d['document_id']}_{p.get('party_order')}", span[0], span[1], RECORD_CONTROL, "PARTY")
            tb.field(pid, "canonical", p.get("party"))
            tb.relation(rid, pid, "party")
        tb.field(rid, "doc_parties", "\n".join(leftover) if leftover else None)


def _find(text: str, needle: Optional[str], near: int) -> Optional[tuple[int, int]]:
    """The occurrence of ``needle`` (case-insensitive) nearest ``near``."""
    if not needle:
        return None
    low, n = text.casefold(), needle.casefold()
    hits, i = [], low.find(n)
    while i >= 0:
        hits.append(i)
        i = low.find(n, i + 1)
    if not hits or len(low) != len(text):
        return None
    best = min(hits, key=lambda h: abs(h - near))
    return best, best + len(needle)


def article_task(art) -> dict:
    """One Label Studio task (with newsie's predictions) for a viewer ``ArticleData``."""
    tb = TaskBuilder(art.text)
    ent_region = {}
    for e in art.rows("entities"):
        rid = tb.region(f"e{e['mention_id']}", e["start"], e["end"], ENTITY_CONTROL, e.get("label") or "ORG")
        tb.field(rid, "canonical", e.get("canonical"))
        ent_region.setdefault((e["start"], e["end"]), (rid, e.get("canonical")))
    _add_quotes(tb, art, ent_region)
    _add_documents(tb, art, ent_region)
    simple = (("money", "m", "money_id", "MONEY", (("money_amount", "amount"), ("money_currency", "currency"),
                                                     ("money_context", "context"))),
              ("dates", "t", "date_id", "DATE", (("date_value", "value"), ("date_granularity", "granularity"),
                                                  ("date_mod", "mod"))),
              ("signings", "s", "signing_id", "SIGNING", (("signing_count", "count"), ("signing_value", "value"),
                                                          ("signing_currency", "currency"),
                                                          ("signing_parties", "parties"),
                                                          ("signing_date", "signed_date"))))
    for table, letter, id_col, label, fields in simple:
        for r in art.rows(table):
            rid = tb.region(f"{letter}{r[id_col]}", r["start"], r["end"], RECORD_CONTROL, label)
            for name, col in fields:
                tb.field(rid, name, r.get(col))
    meta = art.meta
    data = {"text": art.text, "article_id": art.article_id, "title": meta.get("title"),
            "published": meta.get("published"), "source_path": meta.get("source_path"), SNAPSHOT: tb.snapshot()}
    from .. import __version__

    return {"data": data, "predictions": [{"model_version": f"newsie {__version__}", "result": tb.result}]}


def export_tasks(out_dir, articles: Optional[Path] = None, article_ids: Optional[Iterable[str]] = None,
                 warnings: Optional[list] = None) -> list[dict]:
    """Tasks for every ok article of a run whose text is found (the others are warned about)."""
    from ..viewer.data import load_articles

    warnings = warnings if warnings is not None else []
    tasks = []
    roots = [Path(articles)] if articles else []
    for art in load_articles(Path(out_dir), article_ids, text_roots=roots):
        if art.text is None:
            warnings.append(f"{art.article_id}: text not found (source_path {art.meta.get('source_path')}); "
                            f"give --articles DIR")
            continue
        tasks.append(article_task(art))
    return tasks


def write_tasks(tasks: list, path: Path) -> None:
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_text(json.dumps(tasks, ensure_ascii=False, indent=1), encoding="utf-8")


# --------------------------------------------------------------------------- JSON-MIN

def is_json_min(record: dict) -> bool:
    return isinstance(record, dict) and "data" not in record and isinstance(record.get("text"), str)


def min_to_task(record: dict, warnings: list) -> dict:
    """A JSON-MIN record as a JSON task: its label regions, completed from ``newsie``'s
    snapshot (fields, relations) for regions the annotator left unchanged."""
    snap = record.get(SNAPSHOT) or {}
    known: dict = {}   # (start, end, label) -> region ids, in export order (range bounds share a span)
    for rid, r in (snap.get("regions") or {}).items():
        known.setdefault((r["start"], r["end"], r["label"]), []).append(rid)
    result, ids, unmatched = [], {}, 0
    for control, values in record.items():
        if not isinstance(values, list):
            continue
        for v in values:
            if not (isinstance(v, dict) and "start" in v and "end" in v and v.get("labels")):
                continue
            label = v["labels"][0]
            same = known.get((v["start"], v["end"], label))
            rid = same.pop(0) if same else f"min{len(result)}"
            unmatched += rid.startswith("min")
            ids[rid] = True
            result.append({"id": rid, "from_name": control, "to_name": TEXT, "type": "labels",
                           "value": {k: v[k] for k in ("start", "end", "text", "labels") if k in v}})
    fields = {f.name: f for f in load_fields()}
    for rid in list(ids):
        reg = (snap.get("regions") or {}).get(rid)
        for name, text in (reg or {}).get("fields", {}).items():
            kind = fields[name].type if name in fields else "textarea"
            val = {"choices": [text]} if kind == "choices" else {"text": [text]}
            result.append({"id": rid, "from_name": name, "to_name": TEXT, "type": kind, "value": val})
    for a, b, label in snap.get("relations") or []:
        if a in ids and b in ids:
            result.append({"type": "relation", "from_id": a, "to_id": b, "labels": [label]})
    if unmatched:
        warnings.append(f"{record.get('article_id') or record.get('id')}: {unmatched} region(s) not in newsie's "
                        f"pre-annotation; JSON-MIN carries no relations or per-region values for them "
                        f"(export JSON to keep them)")
    data = {k: v for k, v in record.items() if not isinstance(v, list) or k == TEXT}
    return {"id": record.get("id"), "data": data, "annotations": [{"result": result}]}
