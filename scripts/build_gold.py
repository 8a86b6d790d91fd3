"""Build the hand-annotated gold tables from the authoring sources.

    .venv/bin/python scripts/build_gold.py                 # write corpus/annotations/*.csv
    .venv/bin/python scripts/build_gold.py --check         # fail if the CSVs are out of date
    .venv/bin/python scripts/build_gold.py --find ID TEXT  # occurrences of TEXT (authoring aid)
    .venv/bin/python scripts/build_gold.py --review ID     # capitalised words outside entity mentions
    .venv/bin/python scripts/build_gold.py --articles corpus/heldout/articles \
        --out corpus/heldout/annotations                   # another gold set (sources in OUT/src)

A gold set may annotate only some tables. A source lists them under ``tables:`` (e.g.
``tables: [documents, signings]``; ``articles`` is always written, ``document_parties`` goes
with ``documents``); without ``tables:`` it annotates all of them. Every source of a set must
list the same tables, and only those tables' CSVs are written (``newsie eval`` reports a
missing gold table as "no gold table" and does not score it; ``--check`` fails when a CSV of
a table the set does not annotate is present). A source without ``entities`` gives no entity
rows, and ``speaker_entity_id`` / ``party_entity_id`` stay empty.

Each article ``corpus/articles/<id>.txt`` has an authoring source
``corpus/annotations/src/<id>.yaml`` in which every record is located by a text snippet
(see ``corpus/annotations/GUIDELINES.md``). This script only turns snippets into offsets
and field values into rows: it makes no annotation decision of its own. It fails loudly
when a snippet is missing or ambiguous, when two mentions overlap, when an annotated name
occurs somewhere without being annotated (or explicitly excluded), or when a field value
is not one of the allowed ones.

Snippet locators (searched in the article BODY, i.e. after the front matter; offsets are
written relative to the whole file text):

    "Tokayev"                    the snippet must occur exactly once
    "Tokayev#3"                  its 3rd occurrence (1-based)
    "Xi@@Xi highlighted"         the snippet inside a context that occurs exactly once
    "The trade ... new level"    from the start of the first part to the end of the first
                                 occurrence of the second part after it (the first part
                                 may carry #n or @@context)

An occurrence of a snippet that starts (ends) with a letter or digit must not be preceded
(followed) by a letter or digit.
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.core import schema  # noqa: E402
from pipeline.core.inputs import read_file  # noqa: E402
from pipeline.core.tables import cell as _cell  # noqa: E402

ARTICLES = ROOT / "corpus" / "articles"
GOLD = ROOT / "corpus" / "annotations"
SRC = GOLD / "src"

LABELS = {"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE"}
DOC_TYPES = {"memorandum", "agreement", "protocol", "treaty", "joint_statement", "declaration", "contract",
             "programme", "roadmap", "plan", "letter_of_intent", "exchange_of_notes"}
GRANULARITIES = {"year", "quarter", "season", "month", "week", "day", "decade", "century", "half", "reference"}
MODS = {None, "START", "MID", "END", "APPROX", "BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER",
        "LESS_THAN", "MORE_THAN", "EQUAL_OR_LESS", "EQUAL_OR_MORE"}
KINDS = {"direct", "indirect"}
SPEAKER_LABELS = {"PERSON", "ORG", "GPE", "NORP", "MEDIA", "UNNAMED"}
ANNOTATABLE = ("entities", "quotes", "documents", "money", "dates", "signings")
ISO2 = re.compile(r"^[A-Z]{2}$")
CURRENCY = re.compile(r"^[A-Z]{3}$")
DECIMAL = re.compile(r"^-?\d+(\.\d+)?$")


class GoldError(Exception):
    pass


# ---------------------------------------------------------------- locating snippets

def occurrences(body: str, snippet: str) -> list[int]:
    """Start offsets (in body) of boundary-respecting occurrences of snippet."""
    if not snippet:
        raise GoldError("empty snippet")
    out, i = [], body.find(snippet)
    while i != -1:
        j = i + len(snippet)
        ok_left = not (snippet[0].isalnum() and i > 0 and body[i - 1].isalnum())
        ok_right = not (snippet[-1].isalnum() and j < len(body) and body[j].isalnum())
        if ok_left and ok_right:
            out.append(i)
        i = body.find(snippet, i + 1)
    return out


def _locate_one(body: str, spec: str, where: str) -> tuple[int, int]:
    if "@@" in spec:
        snippet, context = spec.split("@@", 1)
        ctx = [i for i in _all_raw(body, context)]
        if len(ctx) != 1:
            raise GoldError(f"{where}: context {context!r} occurs {len(ctx)} times (need exactly 1)")
        inner = occurrences(context, snippet)
        if len(inner) != 1:
            raise GoldError(f"{where}: {snippet!r} occurs {len(inner)} times in context {context!r}")
        start = ctx[0] + inner[0]
        # the boundary test must hold in the body too
        if start not in occurrences(body, snippet):
            raise GoldError(f"{where}: {snippet!r} in context {context!r} is not at a word boundary")
        return start, start + len(snippet)
    m = re.fullmatch(r"(.*?)#(\d+)", spec, re.S)
    if m:
        snippet, n = m.group(1), int(m.group(2))
        occ = occurrences(body, snippet)
        if not 1 <= n <= len(occ):
            raise GoldError(f"{where}: {snippet!r} has {len(occ)} occurrences, #{n} asked")
        return occ[n - 1], occ[n - 1] + len(snippet)
    occ = occurrences(body, spec)
    if len(occ) != 1:
        raise GoldError(f"{where}: {spec!r} occurs {len(occ)} times (need exactly 1; use #n or @@context)")
    return occ[0], occ[0] + len(spec)


def _all_raw(body: str, text: str) -> list[int]:
    out, i = [], body.find(text)
    while i != -1:
        out.append(i)
        i = body.find(text, i + 1)
    return out


def locate(body: str, spec: str, where: str) -> tuple[int, int]:
    """(start, end) in body of a snippet locator."""
    if not isinstance(spec, str):
        raise GoldError(f"{where}: locator must be a string, got {spec!r}")
    if " ... " in spec:
        head, tail = spec.split(" ... ", 1)
        start, head_end = _locate_one(body, head, where)
        j = body.find(tail, head_end)
        if j == -1:
            raise GoldError(f"{where}: end part {tail!r} not found after {head!r}")
        return start, j + len(tail)
    return _locate_one(body, spec, where)


# ---------------------------------------------------------------- building rows

def _req(rec: dict, key: str, where: str):
    if rec.get(key) in (None, ""):
        raise GoldError(f"{where}: field {key!r} is required")
    return rec[key]


def _check_keys(rec: dict, allowed: set, where: str):
    extra = set(rec) - allowed
    if extra:
        raise GoldError(f"{where}: unknown field(s) {sorted(extra)}")


def _iso2(value, where):
    if value not in (None, "") and not ISO2.match(str(value)):
        raise GoldError(f"{where}: country {value!r} is not an ISO 3166-1 alpha-2 code")
    return value or None


def _ordered(items: list[dict]) -> list[dict]:
    """Rows in order of start (then end, then authoring order)."""
    return [r for _, r in sorted(enumerate(items), key=lambda p: (p[1]["start"], p[1]["end"], p[0]))]


def build_article(path: Path, spec: dict) -> dict[str, list[dict]]:
    """All gold rows of one article from its authoring source."""
    aid = path.stem
    arts = list(read_file(path, aid))
    if len(arts) != 1 or arts[0].error:
        raise GoldError(f"{aid}: cannot read the article: {arts[0].error if arts else 'no record'}")
    art = arts[0]
    text, shift = art.text, art.body_start
    body = art.body
    if spec.get("article") != aid:
        raise GoldError(f"{aid}: source says article {spec.get('article')!r}")
    _check_keys(spec, {"article", "tables", "entities", "not_entities", "quotes", "documents", "money", "dates",
                       "signings"}, aid)
    annotated = annotated_tables(spec, aid)
    for key in ANNOTATABLE:
        if key not in annotated and spec.get(key):
            raise GoldError(f"{aid}: {key!r} has records but is not in the source's tables {sorted(annotated)}")
    has_entities = "entities" in annotated and "entities" in spec
    rows = {name: [] for name in schema.TABLES}
    source_path = path.relative_to(ROOT).as_posix()
    rows["articles"].append({
        "article_id": aid, "source_path": source_path, "title": art.title, "published": art.published,
        "url": art.url, "source": art.source, "status": "ok", "error": None, "n_sentences": None,
        "n_tokens": None, "sha256": art.sha256,
    })

    def span(locator, where):
        s, e = locate(body, locator, where)
        return s + shift, e + shift

    # ---- entities
    mentions = []
    canon_info = {}
    for i, ent in enumerate(spec.get("entities") or []):
        where = f"{aid} entities[{i}]"
        _check_keys(ent, {"canonical", "label", "country", "mentions"}, where)
        canonical = _req(ent, "canonical", where)
        label = _req(ent, "label", where)
        if label not in LABELS:
            raise GoldError(f"{where}: label {label!r} not allowed")
        country = _iso2(ent.get("country"), where)
        key = canonical
        if key in canon_info and canon_info[key] != (label, country):
            raise GoldError(f"{where}: canonical {canonical!r} listed twice with different label/country")
        canon_info[key] = (label, country)
        for loc in _req(ent, "mentions", where):
            s, e = span(loc, f"{where} mention {loc!r}")
            mentions.append({"start": s, "end": e, "text": text[s:e], "label": label, "canonical": canonical,
                             "country": country})
    mentions = _ordered(mentions)
    for a, b in zip(mentions, mentions[1:]):
        if b["start"] < a["end"]:
            raise GoldError(f"{aid}: entity mentions overlap: {a['text']!r}@{a['start']} and {b['text']!r}@{b['start']}")
    entity_id = {}
    for m in mentions:
        entity_id.setdefault(m["canonical"], len(entity_id))
    # coverage: every occurrence of an annotated surface form is annotated, inside a longer
    # mention, or explicitly excluded in not_entities
    excluded = []
    for j, loc in enumerate(spec.get("not_entities") or []):
        excluded.append(span(loc, f"{aid} not_entities[{j}] {loc!r}"))
    covered = [(m["start"], m["end"]) for m in mentions] + excluded
    for form in sorted({m["text"] for m in mentions}):
        for o in occurrences(body, form):
            s, e = o + shift, o + shift + len(form)
            if not any(cs <= s and e <= ce for cs, ce in covered):
                ctx = text[max(0, s - 30):e + 30].replace("\n", " ")
                raise GoldError(f"{aid}: {form!r} at {s} is neither annotated nor excluded: ...{ctx}...")
    for idx, m in enumerate(mentions):
        rows["entities"].append({
            "article_id": aid, "mention_id": idx, "sentence_id": None, "start": m["start"], "end": m["end"],
            "text": m["text"], "label": m["label"], "entity_id": entity_id[m["canonical"]],
            "canonical": m["canonical"], "country": m["country"]})

    def ent_id(name, where, required=True):
        if name in (None, ""):
            return None
        if not has_entities:  # the set does not annotate entities: no ids to link
            return None
        if name not in entity_id:
            if required:
                raise GoldError(f"{where}: {name!r} is not the canonical name of an entity of this article")
            return None
        return entity_id[name]

    # ---- quotes
    quotes = []
    for i, q in enumerate(spec.get("quotes") or []):
        where = f"{aid} quotes[{i}]"
        _check_keys(q, {"text", "kind", "speaker", "speaker_text", "speaker_mention", "speaker_label", "cue"}, where)
        s, e = span(_req(q, "text", where), where)
        kind = _req(q, "kind", where)
        if kind not in KINDS:
            raise GoldError(f"{where}: kind {kind!r}")
        speaker = q.get("speaker") or None
        quotes.append({"start": s, "end": e, "text": text[s:e], "kind": kind, "speaker": speaker,
                       "speaker_entity_id": ent_id(speaker, where), **_speaker_mention(q, span, text, where),
                       "cue": q.get("cue") or None})
    for idx, q in enumerate(_ordered(quotes)):
        rows["quotes"].append({"article_id": aid, "quote_id": idx, "sentence_id": None, **q})

    # ---- documents and their parties
    docs = []
    for i, d in enumerate(spec.get("documents") or []):
        where = f"{aid} documents[{i}]"
        _check_keys(d, {"text", "doc_type", "title", "subject", "signed_date", "signed_place", "parties"}, where)
        s, e = span(_req(d, "text", where), where)
        doc_type = _req(d, "doc_type", where)
        if doc_type not in DOC_TYPES:
            raise GoldError(f"{where}: doc_type {doc_type!r}")
        signed = d.get("signed_date")
        if signed not in (None, "") and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", str(signed)):
            raise GoldError(f"{where}: signed_date {signed!r} is not ISO at year/month/day granularity")
        parties = []
        for k, p in enumerate(d.get("parties") or []):
            pw = f"{where} parties[{k}]"
            _check_keys(p, {"party", "country", "entity"}, pw)
            name = _req(p, "party", pw)
            if "entity" in p:
                eid = ent_id(p["entity"], pw)
            else:
                eid = ent_id(name, pw, required=False)
            parties.append({"party": name, "party_entity_id": eid, "country": _iso2(p.get("country"), pw)})
        docs.append({"start": s, "end": e, "text": text[s:e], "doc_type": doc_type, "title": d.get("title") or None,
                     "subject": d.get("subject") or None, "signed_date": str(signed) if signed else None,
                     "signed_place": d.get("signed_place") or None, "_parties": parties})
    for idx, d in enumerate(_ordered(docs)):
        parties = d.pop("_parties")
        rows["documents"].append({"article_id": aid, "document_id": idx, "sentence_id": None, **d})
        for order, p in enumerate(parties):
            rows["document_parties"].append({"article_id": aid, "document_id": idx, "party_order": order, **p})

    # ---- money
    money = []
    for i, m in enumerate(spec.get("money") or []):
        where = f"{aid} money[{i}]"
        _check_keys(m, {"key", "text", "amount", "currency", "approximate", "context", "count", "item", "range",
                        "range_bound", "equivalent_of", "repeat_of"}, where)
        s, e = span(_req(m, "text", where), where)
        amount = str(_req(m, "amount", where))
        if not DECIMAL.match(amount):
            raise GoldError(f"{where}: amount {amount!r} is not an exact decimal string")
        currency = _req(m, "currency", where)
        if not CURRENCY.match(currency):
            raise GoldError(f"{where}: currency {currency!r}")
        if not isinstance(m.get("approximate", False), bool):
            raise GoldError(f"{where}: approximate must be true/false")
        if ("range" in m) != ("range_bound" in m) or m.get("range_bound") not in (None, "min", "max"):
            raise GoldError(f"{where}: range and range_bound (min|max) go together")
        money.append({"start": s, "end": e, "text": text[s:e], "amount": amount, "currency": currency,
                      "approximate": bool(m.get("approximate", False)), "context": m.get("context") or None,
                      "count": m.get("count"), "item": m.get("item") or None, "_range": m.get("range"),
                      "range_bound": m.get("range_bound"), "_equiv": m.get("equivalent_of"), "_key": m.get("key"),
                      "_repeat": m.get("repeat_of")})
    money = _ordered(money)
    keys = {}
    for idx, m in enumerate(money):
        if m["_key"] is not None:
            if m["_key"] in keys:
                raise GoldError(f"{aid}: money key {m['_key']!r} used twice")
            keys[m["_key"]] = idx
    range_ids = {}
    for idx, m in enumerate(money):
        if m["_range"] is not None:
            range_ids.setdefault(m["_range"], len(range_ids))
        equiv = m.pop("_equiv")
        if equiv is not None and equiv not in keys:
            raise GoldError(f"{aid} money {m['text']!r}: equivalent_of {equiv!r} is no money key")
        rng = m.pop("_range")
        m.pop("_key")
        repeat = m.pop("_repeat")   # the money key of the first mention this one restates
        if repeat is not None and repeat not in keys:
            raise GoldError(f"{aid} money {m['text']!r}: repeat_of {repeat!r} is no money key")
        rows["money"].append({"article_id": aid, "money_id": idx, "sentence_id": None, **m,
                              "range_id": range_ids[rng] if rng is not None else None,
                              "equivalent_of": keys[equiv] if equiv is not None else None,
                              "repeat_of": keys[repeat] if repeat is not None else None})
    for rng, rid in range_ids.items():
        bounds = sorted(r["range_bound"] for r in rows["money"] if r["range_id"] == rid)
        if bounds != ["max", "min"]:
            raise GoldError(f"{aid}: range {rng!r} has bounds {bounds} (need one min and one max)")

    # ---- dates
    dates = []
    for i, d in enumerate(spec.get("dates") or []):
        where = f"{aid} dates[{i}]"
        _check_keys(d, {"text", "value", "granularity", "mod"}, where)
        s, e = span(_req(d, "text", where), where)
        gran = _req(d, "granularity", where)
        if gran not in GRANULARITIES:
            raise GoldError(f"{where}: granularity {gran!r}")
        mod = d.get("mod") or None
        if mod not in MODS:
            raise GoldError(f"{where}: mod {mod!r}")
        value = str(_req(d, "value", where))
        pattern = {"year": r"\d{4}", "quarter": r"\d{4}-Q[1-4]", "season": r"\d{4}-(SP|SU|FA|WI)",
                   "month": r"\d{4}-\d{2}", "week": r"\d{4}-W\d{2}", "day": r"\d{4}-\d{2}-\d{2}",
                   "decade": r"\d{3}", "century": r"\d{2}", "half": r"\d{4}-H[12]",
                   "reference": r"(PRESENT|PAST|FUTURE)_REF"}[gran]
        if not re.fullmatch(pattern, value):
            raise GoldError(f"{where}: value {value!r} does not fit granularity {gran}")
        dates.append({"start": s, "end": e, "text": text[s:e], "value": value, "granularity": gran, "mod": mod})
    for idx, d in enumerate(_ordered(dates)):
        rows["dates"].append({"article_id": aid, "date_id": idx, "sentence_id": None, **d})

    # ---- signings
    signings = []
    for i, g in enumerate(spec.get("signings") or []):
        where = f"{aid} signings[{i}]"
        _check_keys(g, {"text", "count", "value", "currency", "parties", "signed_date", "signed_place"}, where)
        s, e = span(_req(g, "text", where), where)
        value = g.get("value")
        if value is not None and not DECIMAL.match(str(value)):
            raise GoldError(f"{where}: value {value!r} is not an exact decimal string")
        signings.append({"start": s, "end": e, "text": text[s:e], "count": g.get("count"),
                         "value": str(value) if value is not None else None, "currency": g.get("currency"),
                         "parties": g.get("parties"), "signed_date": str(g["signed_date"]) if g.get("signed_date") else None,
                         "signed_place": g.get("signed_place")})
    for idx, g in enumerate(_ordered(signings)):
        rows["signings"].append({"article_id": aid, "signing_id": idx, "sentence_id": None, **g})

    for table, table_rows in rows.items():
        for r in table_rows:
            if "start" in r and text[r["start"]:r["end"]] != r["text"]:
                raise GoldError(f"{aid} {table}: offsets do not slice to {r['text']!r}")
    return rows


def _speaker_mention(q: dict, span, text: str, where: str) -> dict:
    """speaker_text, and (issue 12) speaker_start/speaker_end/speaker_label, of one quote.

    ``speaker_mention`` locates the mention that attributes the quote; ``speaker_text`` is its
    slice (when both are given they must agree). The offsets and ``speaker_label`` are only put
    in the row when pipeline/schema.py has those columns, so older schemas build unchanged."""
    out = {"speaker_text": q.get("speaker_text") or None}
    label = q.get("speaker_label") or None
    if label is not None and label not in SPEAKER_LABELS:
        raise GoldError(f"{where}: speaker_label {label!r} not one of {sorted(SPEAKER_LABELS)}")
    start = end = None
    if q.get("speaker_mention"):
        start, end = span(q["speaker_mention"], f"{where} speaker_mention {q['speaker_mention']!r}")
        if out["speaker_text"] not in (None, text[start:end]):
            raise GoldError(f"{where}: speaker_text {out['speaker_text']!r} is not the mention {text[start:end]!r}")
        out["speaker_text"] = text[start:end]
    columns = set(schema.columns("quotes"))
    if {"speaker_start", "speaker_end"} <= columns:
        out["speaker_start"], out["speaker_end"] = start, end
    if "speaker_label" in columns:
        out["speaker_label"] = label
    return out


def annotated_tables(spec: dict, where: str) -> set:
    """The tables a source annotates (its ``tables:`` list; all of them without one)."""
    listed = spec.get("tables")
    if listed is None:
        return set(ANNOTATABLE)
    if not isinstance(listed, list) or not listed or set(listed) - set(ANNOTATABLE):
        raise GoldError(f"{where}: tables must be a non-empty list of {', '.join(ANNOTATABLE)}; got {listed!r}")
    return set(listed)


def written_tables(annotated: set) -> list[str]:
    """The gold CSVs of a set that annotates these tables, in schema order."""
    keep = {"articles"} | annotated | ({"document_parties"} if "documents" in annotated else set())
    return [name for name in schema.TABLES if name in keep]


def article_paths(articles: Path = ARTICLES) -> list[Path]:
    return sorted(p for p in articles.glob("*.txt"))


def load_source(aid: str, src: Path = SRC) -> dict:
    path = src / f"{aid}.yaml"
    if not path.exists():
        raise GoldError(f"{aid}: no authoring source {path.relative_to(ROOT)}")
    with open(path, encoding="utf-8") as fh:
        return yaml.safe_load(fh) or {}


def build_all(allow_missing: bool = False, articles_dir: Path = ARTICLES, src: Path = SRC) -> dict[str, list[dict]]:
    """The rows of every table the set annotates (all but sentences when the sources list none)."""
    tables, annotated = None, None
    sources = {p.stem for p in src.glob("*.yaml")}
    articles = {p.stem for p in article_paths(articles_dir)}
    if sources - articles:
        raise GoldError(f"sources without an article: {sorted(sources - articles)}")
    for path in article_paths(articles_dir):
        if allow_missing and path.stem not in sources:
            print(f"build_gold: WARNING: no source for {path.stem}", file=sys.stderr)
            continue
        spec = load_source(path.stem, src)
        these = annotated_tables(spec, path.stem)
        if annotated is None:
            annotated = these
            tables = {name: [] for name in written_tables(annotated)}
        elif these != annotated:
            raise GoldError(f"{path.stem}: annotates {sorted(these)}, the set's other sources {sorted(annotated)}")
        rows = build_article(path, spec)
        for name in tables:
            tables[name].extend(rows[name])
    if tables is None:
        tables = {name: [] for name in written_tables(set(ANNOTATABLE))}
    return tables


def render(table: str, rows: list[dict]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    cols = schema.columns(table)
    writer.writerow(cols)
    for r in rows:
        writer.writerow([_cell(r.get(c)) for c in cols])
    return buf.getvalue()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="fail if the committed CSVs differ from the sources")
    ap.add_argument("--find", nargs=2, metavar=("ARTICLE_ID", "TEXT"), help="list occurrences of TEXT")
    ap.add_argument("--review", metavar="ARTICLE_ID", help="capitalised words outside annotated entity mentions")
    ap.add_argument("--allow-missing", action="store_true", help="skip articles without a source (drafting)")
    ap.add_argument("--articles", type=Path, default=ARTICLES, metavar="DIR",
                    help="article folder (default corpus/articles)")
    ap.add_argument("--out", type=Path, default=GOLD, metavar="DIR",
                    help="gold folder the CSVs are written to / checked in (default corpus/annotations)")
    ap.add_argument("--src", type=Path, default=None, metavar="DIR",
                    help="folder of the YAML authoring sources (default OUT/src)")
    args = ap.parse_args(argv)
    articles_dir, gold = args.articles.resolve(), args.out.resolve()
    src = args.src.resolve() if args.src else gold / "src"
    try:
        if args.find:
            aid, snippet = args.find
            art = next(read_file(articles_dir / f"{aid}.txt", aid))
            for n, o in enumerate(occurrences(art.body, snippet), 1):
                s = o + art.body_start
                print(f"#{n} @{s}: ...{art.text[max(0, s - 40):s + len(snippet) + 40]!r}")
            return 0
        if args.review:
            aid = args.review
            path = articles_dir / f"{aid}.txt"
            rows = build_article(path, load_source(aid, src))
            art = next(read_file(path, aid))
            spans = [(r["start"], r["end"]) for r in rows["entities"]]
            for m in re.finditer(r"\b[A-Z][\w’'.-]*", art.body):
                s = m.start() + art.body_start
                if not any(a <= s < b for a, b in spans):
                    print(f"@{s} {m.group()!r}: ...{art.text[max(0, s - 30):s + 40]!r}")
            return 0
        tables = build_all(args.allow_missing, articles_dir, src)
    except GoldError as exc:
        print(f"build_gold: ERROR: {exc}", file=sys.stderr)
        return 1
    stale = []
    for name, rows in tables.items():
        out = gold / f"{name}.csv"
        content = render(name, rows)
        if args.check:
            if not out.exists() or open(out, encoding="utf-8", newline="").read() != content:
                stale.append(out.name)
        else:
            with open(out, "w", encoding="utf-8", newline="") as fh:
                fh.write(content)
    for name in schema.TABLES:
        out = gold / f"{name}.csv"
        if name not in tables and name != "sentences" and out.exists():
            if args.check:
                stale.append(f"{out.name} (the set does not annotate {name}: remove it)")
            else:
                out.unlink()
                print(f"build_gold: removed {out.name}: the set does not annotate {name}", file=sys.stderr)
    if stale:
        print(f"build_gold: out of date: {', '.join(stale)} (run scripts/build_gold.py)", file=sys.stderr)
        return 1
    counts = ", ".join(f"{name} {len(rows)}" for name, rows in tables.items())
    print(f"build_gold: {'up to date' if args.check else 'wrote'} {counts}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
