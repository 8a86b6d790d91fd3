"""The batch: plain article inputs in, plain table rows out.

``process_articles`` maps ``ArticleInput`` records to ``{table: [row dict, ...]}`` per
article, in input order. It takes and returns plain data only, so the same function can
be mapped over a distributed engine (one pipeline per worker).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import asdict
from typing import Iterable, Iterator, Optional

from spacy.language import Language
from spacy.tokens import Doc

from . import schema
from .budget import DEFAULT_TIMEOUT, set_budget
from .extensions import records, register_extensions
from .inputs import ArticleInput
from .stage import content_sentences
from .text import TEXT_KEY, text_of

#: doc._ record list -> (table, id column)
RECORD_TABLES = {
    "entities": ("entities", "mention_id"),
    "quotes": ("quotes", "quote_id"),
    "documents": ("documents", "document_id"),
    "money": ("money", "money_id"),
    "dates": ("dates", "date_id"),
    "signings": ("signings", "signing_id"),
}


def empty_rows() -> dict[str, list[dict]]:
    return {name: [] for name in schema.TABLES}


def article_row(art: ArticleInput, status: str, error: Optional[str] = None, doc: Optional[Doc] = None,
                n_sentences: Optional[int] = None) -> dict:
    if doc is not None and n_sentences is None:
        n_sentences = len(content_sentences(doc))
    row = schema.Article(
        article_id=art.article_id, source_path=art.source_path, title=art.title,
        published=art.published, url=art.url, source=art.source, status=status, error=error,
        n_sentences=n_sentences, n_tokens=len(doc) if doc is not None else None, sha256=art.sha256,
    )
    return asdict(row)


#: table -> its columns, and the columns other than start/end holding offsets (built once)
_COLUMNS = {table: schema.columns(table) for table in schema.TABLES}
_OFFSETS = {table: schema.offset_columns(table) for table in schema.TABLES}


def doc_rows(doc: Doc, art: ArticleInput) -> dict[str, list[dict]]:
    """All table rows of one processed article. Offsets are shifted to the file text and
    every row is checked to slice back to its text; a row that does not is an error."""
    rows = empty_rows()
    shift = art.body_start
    errors = list(records(doc, "errors"))
    doc_text = text_of(doc)
    # texts are the file's: where the model saw LF for a lone CR, they are sliced again
    body = art.body if doc_text != art.body else doc_text
    sents = content_sentences(doc)
    starts = [sent.start_char for sent in sents]

    for i, sent in enumerate(sents):
        start, end = sent.start_char, sent.end_char
        raw = doc_text[start:end]
        start += len(raw) - len(raw.lstrip())
        text = body[start:start + len(raw.strip())]
        rows["sentences"].append({"article_id": art.article_id, "sentence_id": i, "start": start + shift,
                                  "end": start + len(text) + shift, "text": text})

    for attr, (table, id_col) in RECORD_TABLES.items():
        cols, offsets = _COLUMNS[table], _OFFSETS[table]
        for idx, rec in enumerate(records(doc, attr)):
            rec = dict(rec)
            parties = rec.pop("parties", None) if table == "documents" else None
            row = dict.fromkeys(cols)
            row.update({k: v for k, v in rec.items() if k in row})
            row["article_id"] = art.article_id
            row[id_col] = idx
            row["sentence_id"] = max(0, bisect_right(starts, rec["start"]) - 1)
            if row.get("text") is not None and doc_text[rec["start"]:rec["end"]] != row["text"]:
                errors.append(f"{table} row {idx}: offsets {rec['start']}-{rec['end']} do not slice "
                              f"to its text {row['text']!r}")
                continue
            if row.get("text") is not None:
                row["text"] = body[rec["start"]:rec["end"]]
            row["start"] = rec["start"] + shift
            row["end"] = rec["end"] + shift
            for c in offsets:  # e.g. quotes' speaker_start/speaker_end
                if row.get(c) is not None:
                    row[c] += shift
            rows[table].append(row)
            for order, party in enumerate(parties or []):
                prow = dict.fromkeys(_COLUMNS["document_parties"])
                prow.update({k: v for k, v in party.items() if k in prow})
                prow.update(article_id=art.article_id, document_id=idx, party_order=order)
                rows["document_parties"].append(prow)

    status = "error" if errors else "ok"
    rows["articles"].append(article_row(art, status, "; ".join(errors) or None, doc, n_sentences=len(sents)))
    return rows


def too_long(art: ArticleInput, max_chars: int) -> Optional[str]:
    """The error for an article whose body is over ``max_chars`` characters, else None."""
    size = len(art.body)
    if size <= max_chars:
        return None
    return (f"the article is {size:,} characters long, over the limit of {max_chars:,} "
            f"(--max-chars); split it, or raise the limit if memory allows")


#: a run without spaces longer than this is cut into pieces of this many characters before
#: tokenizing: spaCy's tokenizer strips prefixes one at a time, quadratic in a run's length
MAX_RUN = 200
LONG_RUN = re.compile(r"\S{%d,}" % (MAX_RUN + 1))
LONE_CR = re.compile(r"\r(?!\n)")


def model_text(body: str) -> str:
    """The text the model sees: the body with each lone CR (old Mac line ends) as LF, so
    line-based rules work; the same length, so offsets are unchanged."""
    return LONE_CR.sub("\n", body) if "\r" in body else body


def tokenize(nlp: Language, text: str) -> Doc:
    """``nlp.tokenizer(text)``, in linear time: long runs without spaces are cut into
    ``MAX_RUN``-character tokens. The tokens still spell the text exactly. Called directly
    (not ``nlp.make_doc``): the length limit is the batch's (``--max-chars``)."""
    if len(text) <= MAX_RUN or not LONG_RUN.search(text):
        return nlp.tokenizer(text)
    docs, pos = [], 0
    for m in LONG_RUN.finditer(text):
        docs.append(nlp.tokenizer(text[pos:m.start()]))
        pieces = [text[i:min(i + MAX_RUN, m.end())] for i in range(m.start(), m.end(), MAX_RUN)]
        docs.append(Doc(nlp.vocab, words=pieces, spaces=[False] * len(pieces)))
        pos = m.end()
    docs.append(nlp.tokenizer(text[pos:]))
    return Doc.from_docs([d for d in docs if len(d)], ensure_whitespace=False)


def _make_doc(nlp: Language, art: ArticleInput, timeout: Optional[float],
              date_order: Optional[str] = None) -> Doc:
    text = model_text(art.body)
    doc = tokenize(nlp, text)
    doc.user_data[TEXT_KEY] = text   # the tokens spell the text: text_of(doc) need not rebuild it
    doc._.published = art.published
    set_budget(doc, timeout)
    # front matter date_order (MDY|DMY|YMD) or locale ("en-GB") says how the article writes numeric
    # dates; without it the article's own dates decide, then the run's --date-order, then the config
    stated = art.meta.get("date_order") or art.meta.get("locale")
    doc._.date_order = str(stated).strip() or None if stated else None
    doc._.date_order_default = str(date_order).upper() if date_order else None
    return doc


def _error_rows(art: ArticleInput, error: str, doc: Optional[Doc] = None) -> dict[str, list[dict]]:
    rows = empty_rows()
    rows["articles"].append(article_row(art, "error", error, doc))
    return rows


def _run_docs(nlp: Language, arts: list[ArticleInput], workers: int, batch_size: int,
              timeout: Optional[float], date_order: Optional[str] = None) -> list:
    """The processed doc of each article, or the exception that stopped it."""
    if not arts:
        return []
    try:
        return list(nlp.pipe((_make_doc(nlp, a, timeout, date_order) for a in arts), n_process=workers,
                             batch_size=batch_size))
    except Exception:  # noqa: BLE001 - find the article that broke the batch
        docs = []
        for art in arts:
            try:
                docs.append(nlp(_make_doc(nlp, art, timeout, date_order)))
            except Exception as exc:  # noqa: BLE001
                docs.append(exc)
        return docs


def process_articles(articles: Iterable[ArticleInput], nlp: Language, workers: int = 1,
                     batch_size: int = 16, *, timeout: Optional[float] = DEFAULT_TIMEOUT,
                     max_chars: Optional[int] = None,
                     date_order: Optional[str] = None) -> Iterator[dict[str, list[dict]]]:
    """Rows for each article, in input order. A failure of one article (unreadable input,
    bad metadata, a body over ``max_chars`` (default ``nlp.max_length``), a stage raising
    or running out of its ``timeout`` seconds, a crash of the model on it) becomes its
    articles row with status=error; the other articles are processed as usual.
    ``date_order`` (MDY/DMY/YMD) is how numeric dates read where the article's front matter
    does not say (None: the dates stage's configured default)."""
    register_extensions()
    max_chars = max_chars or nlp.max_length
    pending: list[tuple[ArticleInput, Optional[str]]] = []   # (article, error before the pipeline)

    def flush() -> Iterator[dict[str, list[dict]]]:
        docs = iter(_run_docs(nlp, [a for a, error in pending if not error], workers, batch_size, timeout,
                              date_order))
        for art, error in pending:
            doc = None if error else next(docs)
            if error:
                yield _error_rows(art, error)
            elif isinstance(doc, Exception):
                yield _error_rows(art, f"pipeline: {type(doc).__name__}: {doc}")
            else:
                try:
                    yield doc_rows(doc, art)
                except Exception as exc:  # noqa: BLE001 - a malformed record fails its article only
                    yield _error_rows(art, f"tables: {type(exc).__name__}: {exc}", doc)
        pending.clear()

    chunk = max(batch_size * max(workers, 1) * 4, 1)
    for art in articles:
        pending.append((art, art.error or too_long(art, max_chars)))
        if len(pending) >= chunk:
            yield from flush()
    yield from flush()
