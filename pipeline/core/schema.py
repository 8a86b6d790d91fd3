"""The output contract: one dataclass per table, the single source of truth for columns.

Every table newsie writes (CSV or Parquet) has exactly the columns of its dataclass, in
field order. ``read_tables`` uses the same definitions to give typed DataFrames, and the
README's schema section describes them. Add a column here and it appears everywhere.

Offsets (``start``/``end``) are character offsets into the input file's decoded text
(front matter included), end exclusive: ``file_text[start:end] == text``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Optional


def col(dtype: str, doc: str):
    """A column: its pandas dtype and a one-line description (used in the README)."""
    return field(default=None, metadata={"dtype": dtype, "doc": doc})


@dataclass
class Article:
    article_id: str = col("string", "path relative to the input root without extension (.jsonl: the record's id)")
    source_path: str = col("string", "the file the article came from")
    title: Optional[str] = col("string", "front-matter title, else the first non-empty line")
    published: Optional[str] = col("string", "publication date, ISO (front matter, record, or --published)")
    url: Optional[str] = col("string", "url from front matter or record")
    source: Optional[str] = col("string", "publisher from front matter or record")
    status: str = col("string", "ok | error")
    error: Optional[str] = col("string", "the reason when status is error (stage and message)")
    n_sentences: Optional[int] = col("Int64", "sentences in the article")
    n_tokens: Optional[int] = col("Int64", "tokens in the article")
    sha256: Optional[str] = col("string", "sha256 of the file's bytes (of the record's text for .jsonl)")


@dataclass
class Sentence:
    article_id: str = col("string", "article")
    sentence_id: int = col("Int64", "0-based index of the sentence in the article")
    start: int = col("Int64", "offset of the first character")
    end: int = col("Int64", "offset after the last character")
    text: str = col("string", "the sentence as written")


@dataclass
class Entity:
    article_id: str = col("string", "article")
    mention_id: int = col("Int64", "0-based index of the mention in the article")
    sentence_id: int = col("Int64", "sentence holding the mention")
    start: int = col("Int64", "offset of the mention")
    end: int = col("Int64", "offset after the mention")
    text: str = col("string", "the mention as written")
    label: str = col("string", "PERSON, ORG, GPE, LOC, NORP, FAC, EVENT, LAW, ... (spaCy labels)")
    entity_id: int = col("Int64", "per-article id shared by all mentions of one entity")
    canonical: str = col("string", "canonical name of the entity ('Kassym-Jomart Tokayev', 'China')")
    country: Optional[str] = col("string", "ISO 3166-1 alpha-2 code of the entity's country, when known")


@dataclass
class Quote:
    article_id: str = col("string", "article")
    quote_id: int = col("Int64", "0-based index of the quote in the article")
    sentence_id: int = col("Int64", "sentence where the quote starts")
    start: int = col("Int64", "offset of the quoted content (without the marks)")
    end: int = col("Int64", "offset after the quoted content")
    kind: str = col("string", "direct | indirect")
    text: str = col("string", "the quoted content, or the reported clause without 'that'")
    speaker: Optional[str] = col("string", "canonical name of the speaker, empty when unknown")
    speaker_entity_id: Optional[int] = col("Int64", "entity_id of the speaker in entities")
    speaker_text: Optional[str] = col("string", "the speaker mention as written (a pronoun or role noun included)")
    speaker_start: Optional[int] = col("Int64", "offset of the mention that attributes the quote (in its sentence or "
                                       "the nearest earlier one): file_text[speaker_start:speaker_end] == speaker_text")
    speaker_end: Optional[int] = col("Int64", "offset after that mention")
    speaker_label: Optional[str] = col("string", "PERSON, ORG, GPE, NORP (a group or nationality), MEDIA (a news "
                                       "medium) or UNNAMED (an unnamed source: speaker empty)")
    cue: Optional[str] = col("string", "reporting verb lemma, 'according to', or ':'")


@dataclass
class Document:
    article_id: str = col("string", "article")
    document_id: int = col("Int64", "0-based index of the signed document in the article")
    sentence_id: int = col("Int64", "sentence (or list item) describing the document")
    start: int = col("Int64", "offset of the document's description")
    end: int = col("Int64", "offset after it")
    text: str = col("string", "the description as written")
    doc_type: str = col("string", "memorandum, agreement, protocol, treaty, joint_statement, declaration, contract, programme, roadmap, plan, letter_of_intent, exchange_of_notes")
    title: Optional[str] = col("string", "the document's name as written")
    subject: Optional[str] = col("string", "what the document is about")
    signed_date: Optional[str] = col("string", "ISO date at the stated granularity (2022-09, 2023-10-17)")
    signed_place: Optional[str] = col("string", "where it was signed")
    value_money_id: Optional[int] = col("Int64", "money_id in money of the document's stated value ('worth $2 billion')")


@dataclass
class DocumentParty:
    article_id: str = col("string", "article")
    document_id: int = col("Int64", "the document in documents")
    party_order: int = col("Int64", "0-based position of the party as written")
    party: str = col("string", "the party's name, normalised")
    party_entity_id: Optional[int] = col("Int64", "entity_id in entities when the party is an entity")
    country: Optional[str] = col("string", "ISO 3166-1 alpha-2 code of the party's country")


@dataclass
class Money:
    article_id: str = col("string", "article")
    money_id: int = col("Int64", "0-based index of the amount in the article")
    sentence_id: int = col("Int64", "sentence holding the amount")
    start: int = col("Int64", "offset of the amount")
    end: int = col("Int64", "offset after the amount")
    text: str = col("string", "the amount as written")
    amount: Optional[str] = col("Float64", "the value as an exact decimal (no float noise in CSV)")
    currency: Optional[str] = col("string", "ISO 4217 code")
    approximate: bool = col("boolean", "about/around/nearly/over/more than/up to ...")
    context: Optional[str] = col("string", "what the money is for ('52 joint projects', 'trade')")
    count: Optional[int] = col("Int64", "count stated with the context ('52 joint projects' -> 52)")
    item: Optional[str] = col("string", "what is counted ('joint projects')")
    range_id: Optional[int] = col("Int64", "shared by the bounds of one range ('$2-3 billion')")
    range_bound: Optional[str] = col("string", "min | max for range bounds; alone (no range_id) an open bound ('under $5', 'more than $2 billion')")
    equivalent_of: Optional[int] = col("Int64", "money_id this amount converts (a bracketed conversion)")
    repeat_of: Optional[int] = col("Int64", "money_id of the first mention of the same amount, currency and context in the article (a restatement)")


@dataclass
class Date:
    article_id: str = col("string", "article")
    date_id: int = col("Int64", "0-based index of the date expression in the article")
    sentence_id: int = col("Int64", "sentence holding the expression")
    start: int = col("Int64", "offset of the expression")
    end: int = col("Int64", "offset after it")
    text: str = col("string", "the expression as written")
    value: Optional[str] = col("string", "TimeML value at the stated granularity (2024, 2022-09, 2023-10-17, 2023-Q3, 2013-W11, 2024-H1, 199)")
    granularity: Optional[str] = col("string", "year | half | quarter | season | month | week | day | decade | century | reference (PRESENT_REF, PAST_REF)")
    mod: Optional[str] = col("string", "START | MID | END | APPROX ... ('mid-2014', 'early next year')")


@dataclass
class Signing:
    article_id: str = col("string", "article")
    signing_id: int = col("Int64", "0-based index of the signing event in the article")
    sentence_id: int = col("Int64", "sentence reporting the signing")
    start: int = col("Int64", "offset of the sentence")
    end: int = col("Int64", "offset after it")
    text: str = col("string", "the sentence as written")
    count: Optional[int] = col("Int64", "number of documents signed, when stated")
    value: Optional[str] = col("Float64", "total value when stated")
    currency: Optional[str] = col("string", "ISO 4217 code of value")
    parties: Optional[str] = col("string", "the signing sides, ' | '-separated")
    signed_date: Optional[str] = col("string", "ISO date at the stated granularity")
    signed_place: Optional[str] = col("string", "where")


#: table name -> record class, in the order tables are written and documented.
TABLES = {
    "articles": Article,
    "sentences": Sentence,
    "entities": Entity,
    "quotes": Quote,
    "documents": Document,
    "document_parties": DocumentParty,
    "money": Money,
    "dates": Date,
    "signings": Signing,
}

#: columns of each row that are offsets into the file text (used by the offset check).
OFFSET_TABLES = [name for name, cls in TABLES.items() if "start" in {f.name for f in fields(cls)}]


def columns(table: str) -> list[str]:
    return [f.name for f in fields(TABLES[table])]


def offset_columns(table: str) -> list[str]:
    """Columns other than start/end that hold offsets into the text (``*_start``, ``*_end``)."""
    return [c for c in columns(table) if c.endswith(("_start", "_end"))]


def dtypes(table: str) -> dict[str, str]:
    return {f.name: f.metadata["dtype"] for f in fields(TABLES[table])}


def descriptions(table: str) -> dict[str, str]:
    return {f.name: f.metadata["doc"] for f in fields(TABLES[table])}


def markdown() -> str:
    """The schema as Markdown tables (the README's schema section is this text)."""
    out = []
    for name in TABLES:
        out.append(f"**{name}.csv**\n")
        out.append("| column | type | meaning |")
        out.append("|---|---|---|")
        for f in fields(TABLES[name]):
            doc = f.metadata["doc"].replace("|", "\\|")
            out.append(f"| `{f.name}` | {f.metadata['dtype']} | {doc} |")
        out.append("")
    return "\n".join(out).rstrip() + "\n"
