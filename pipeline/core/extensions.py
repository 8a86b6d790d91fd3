"""Custom Doc attributes shared by the stages.

Only plain data lives in ``doc._`` (lists of dicts of str/int/bool/None), so docs cross
process boundaries when ``nlp.pipe(n_process=N)`` is used. Spans live in ``doc.spans``
groups (``quotes``, ``documents``, ``money``, ``dates``).

Record lists hold one dict per output row, with the keys of the table's dataclass in
``pipeline.schema`` minus ``article_id``, the row id and ``sentence_id`` (the table writer
fills those in). ``start``/``end`` are character offsets into ``doc.text``. The position
of a record in its list is its id, which other records may refer to (``equivalent_of``).
"""

from __future__ import annotations

from spacy.tokens import Doc

#: doc._ attribute -> default factory. ``published`` is an ISO date string or None.
#: ``date_order`` (MDY, DMY or YMD, or a locale/country such as "en-GB") is how the article says its
#: numeric dates ("5/6/2023") read (front matter); None: its own dates decide, else
#: ``date_order_default`` (the run's --date-order), else the stage's configured default.
DOC_ATTRIBUTES = {
    "published": None,
    "date_order": None,
    "date_order_default": None,
    "entities": list,
    "quotes": list,
    "documents": list,
    "money": list,
    "dates": list,
    "signings": list,
    "errors": list,
}


def register_extensions() -> None:
    """Register the doc._ attributes (idempotent; called by every factory)."""
    for name, default in DOC_ATTRIBUTES.items():
        if Doc.has_extension(name):
            continue
        if callable(default):
            # a getter-less attribute with a mutable default would be shared between
            # docs, so store None and let stages assign fresh lists.
            Doc.set_extension(name, default=None)
        else:
            Doc.set_extension(name, default=default)


def records(doc: Doc, name: str) -> list:
    """The record list ``doc._.<name>``, [] when the stage has not run. Read from where
    spaCy keeps a set value (``doc.user_data``) without building the ``doc._`` accessor;
    an unset attribute falls back to ``doc._`` (its default)."""
    value = doc.user_data.get(("._.", name, None, None))
    if value is None:
        value = getattr(doc._, name)
    return value if value is not None else []


def record_error(doc: Doc, stage: str, exc: BaseException) -> None:
    """Note a stage failure on the doc; the article is reported with status=error."""
    errors = list(records(doc, "errors"))
    errors.append(f"{stage}: {type(exc).__name__}: {exc}")
    doc._.errors = errors
