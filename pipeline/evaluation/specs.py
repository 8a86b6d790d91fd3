"""Per-table scoring: each table's matching rules and metrics, declared once in ``SPECS``.

A ``TableSpec`` lists the columns the gold must carry and its ``Matcher``s (pairing rule,
P/R/F1, and ``checks``: accuracies over the matched pairs). The rules are written out in
docs/evaluation.md; the pairing mechanics live in ``matching``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from .matching import Matcher, name_norm, norm, parties_match, same_amount, same_code, span_iou, token_f1

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
    return name_norm(g.get("speaker")) == name_norm(p.get("speaker"))


def _quote_attributed(g, p):
    s = _quote_content(g, p)
    return s if s is not None and _speaker_ok(g, p) else None


SUBJECT_MIN_TOKEN_F1 = 0.5


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
    "quotes.attributed.f1",
    "documents.full.f1",
    "money.value.f1",
    "dates.value.f1",
    "signings.value.f1",
)

PARTY_REQUIRED = ("article_id", "document_id", "party")
