"""List blocks: the lines after a list lead-in that hold its items — marked lines (bullets,
numbers, dashes), table rows flattened to lines with "|" separators, plain or headline-style
lines opening with a document name — possibly grouped under short headings ("Energy",
"Commercial deals"). A heading that says its items are not concluded ("Looking ahead", "Still
under discussion": ``list_stop_headings.txt``) ends the block.

``block_items`` is a pure function over the text and the lexicon; the list pass
(``lists.py``) turns its items into records."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from .grammar import trim_span
from .lexicon import Lexicon
from .phrases import find_types, list_marker, split_items

#: words a heading line may have at most ("Government-to-government", "Still under discussion")
HEADING_WORDS = 10
#: words a header cell may have at most ("Maldivian signatory")
HEADER_WORDS = 4
#: a line is a plain list line when it has at most this many words
PLAIN_WORDS = 40


@dataclass(frozen=True)
class BlockItem:
    start: int
    end: int
    cells: tuple = ()                      # a table row's cells (start, end), else ()
    roles: tuple = ()                      # the header's role of each cell ("document", "party", ...)
    row_type: str = ""                     # the doc_type of a row naming no document (the header's)


@dataclass
class _Scan:
    items: list = field(default_factory=list)
    mode: Optional[str] = None             # "marker", "row", "headline", "plain"
    roles: tuple = ()
    row_type: str = ""
    skipping: bool = False                 # under a heading whose items are not concluded


def row_cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The cells of a table row text[start:end] flattened with "|" (trimmed, empty ones kept out)."""
    out, pos = [], start
    for m in re.finditer(r"\|", text[start:end]):
        out.append(trim_span(text, pos, start + m.start()))
        pos = start + m.end()
    out.append(trim_span(text, pos, end))
    return [(s, e) for s, e in out if e > s]


def header_roles(text: str, cells: list[tuple[int, int]], lex: Lexicon) -> Optional[tuple[tuple, str]]:
    """The role of each cell of a header row ("Project | Chinese party | Russian party") and the
    doc_type of rows naming no document, or None when the row names no column role
    (``table_columns.tsv``)."""
    roles, row_type = [], ""
    for s, e in cells:
        words = re.findall(r"[\w’'.-]+", text[s:e].lower())
        roles.append(next((lex.column_roles[w] for w in reversed(words) if w in lex.column_roles), ""))
        row_type = row_type or next((lex.column_types[w] for w in words if w in lex.column_types), "")
    return (tuple(roles), row_type) if any(roles) else None


def _heading(line: str, lex: Lexicon) -> bool:
    stripped = line.strip()
    return bool(stripped) and len(stripped.split()) <= HEADING_WORDS and stripped[-1] not in ".;" \
        and "|" not in stripped and not list_marker(stripped, lex)


def _starts_with_type(text: str, lex: Lexicon, ls: int, nl: int) -> bool:
    """Does the line open with a (singular) document name, maybe after a determiner and a few
    modifiers ("Financial Framework Agreement ...", "a roadmap for ...", "an agreement between ...")?"""
    types = find_types(text, lex, ls, min(nl, ls + 120))
    if not types or types[0]["plural"]:
        return False
    lead = text[ls:types[0]["start"]]
    return not lead.strip() or bool(re.fullmatch(r"(?:[A-Z][\w’'.-]*\s+){1,5}", lead)) \
        or bool(re.fullmatch(r"(?i:an?|the)\s+(?:[\w’'-]+\s+){0,4}", lead))


def block_items(text: str, lex: Lexicon, after: int) -> tuple[list[BlockItem], int]:
    """Items on the lines after a lead-in ending at ``after``, and where the block ends."""
    scan = _Scan()
    pos = after
    while pos < len(text):
        nl = text.find("\n", pos + 1)
        nl = len(text) if nl == -1 else nl
        line = text[pos:nl]
        ls = pos + (len(line) - len(line.lstrip()))
        stripped = line.strip()
        if stripped and not _line(text, lex, scan, ls, nl, stripped):
            break
        pos = nl
    return scan.items, pos


def _line(text: str, lex: Lexicon, scan: _Scan, ls: int, nl: int, stripped: str) -> bool:
    """Read one non-blank line into ``scan``; False when the block ends before it."""
    mk = list_marker(text[ls:nl], lex)
    body = ls + mk.end() if mk else ls
    if stripped.count("|") >= 2 or (stripped.count("|") == 1 and scan.mode == "row"):
        if scan.mode not in (None, "row"):
            return False
        scan.mode = "row"
        cells = row_cells(text, ls, nl)
        if len(cells) != len(scan.roles) and body > ls:
            cells = row_cells(text, body, nl)  # a row marker ("1.") that is no column of the header
        short = all(len(text[a:b].split()) <= HEADER_WORDS for a, b in cells)
        header = header_roles(text, cells, lex) if short else None
        if header is not None and not scan.items:
            scan.roles, scan.row_type = header
        elif not scan.skipping:
            scan.items.append(BlockItem(start=cells[0][0], end=cells[-1][1], cells=tuple(cells), roles=scan.roles,
                                        row_type=scan.row_type))
        return True
    if mk and scan.mode in (None, "marker", "row"):
        scan.mode = "marker"
        if not scan.skipping:
            pieces = split_items(text[ls:nl], lex, ls) if ";" in stripped[:-1] else [trim_span(text, body, nl)]
            scan.items += [BlockItem(start=s, end=e) for s, e in pieces]
        return True
    if not mk and _starts_with_type(text, lex, ls, nl) and scan.mode in (None, "headline", "plain") \
            and len(stripped.split()) <= PLAIN_WORDS:
        if stripped[-1] in ".!?" and stripped[-1] != ";" and scan.mode != "plain" and len(stripped.split()) > 15:
            return False
        scan.mode = scan.mode or ("headline" if stripped[-1] not in ".;" else "plain")
        if not scan.skipping:
            scan.items += [BlockItem(start=s, end=e) for s, e in split_items(text[ls:nl], lex, ls)]
        return True
    if scan.mode == "headline" and (stripped[-1] in ".!?»”\"" or len(stripped.split()) > 15):
        return True  # the descriptive paragraph under a headline item
    if scan.mode in (None, "marker", "row") and _heading(stripped, lex):
        # a heading grouping the items ("Energy"), or one saying they are not concluded
        scan.skipping = bool(lex.stop_heading_re.search(stripped)) or any(p.search(stripped) for p in lex.unsigned_res)
        return True
    return False
