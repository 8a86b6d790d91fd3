"""The documents stage: signed documents (``doc._.documents``) and bare signing events
(``doc._.signings``).

A document is recorded when the text reports it as signed (concluded, inked, exchanged,
adopted, initialled, formalised) at the reported event or earlier: list items after a signing
lead-in, inline mentions tied to a signing verb or noun, documents presented as part of an
earlier signing; a later mention of the same document is merged into the first record.
Planned, negated or conditional signings give nothing; plural or collective objects are bare
signing events with their count and value.

The package is layered; each module is one concern (see ``docs/documents.md``):

* ``lexicon`` loads the rule data of ``models/documents/`` (and other stages' data);
* ``grammar`` and ``phrases``: closed-class words and pure text helpers over plain strings;
* ``view`` the read-only view of a doc; ``findings`` the one object the passes share;
* ``frames`` (signing triggers and their status), ``mentions`` (document descriptions),
  ``parties`` and ``signers`` (who signed), ``occasion`` (date and place), ``blocks`` (the
  lines of a list block: marked lines, table rows, headings; a pure function), ``lists`` and
  ``inline`` (the passes), ``merge`` (repeated mentions);
* ``analyzer`` composes the passes; ``factory`` is the spaCy component ``newsie_documents``.
"""

from .lexicon import Lexicon
from .phrases import (adjective_parties, classify_type, collective_head, count_of, find_types, list_marker,
                      parse_after_type, parse_subject, split_conjuncts, split_items, strip_the, trim_span)
from .merge import clean_subject
from .factory import DocumentsStage, document_records, make_documents

__all__ = ["Lexicon", "adjective_parties", "classify_type", "collective_head", "count_of", "find_types",
           "list_marker", "parse_after_type", "parse_subject", "split_conjuncts", "split_items", "strip_the",
           "trim_span", "clean_subject", "DocumentsStage", "document_records", "make_documents"]
