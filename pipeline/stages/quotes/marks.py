"""Quotation marks on the raw text: pairs, apostrophes, unbalanced marks; paragraphs."""

from __future__ import annotations

from typing import Optional

from .rules import CLOSE_CONTEXT, OPEN_CONTEXT, SENT_END, load_rules


# --------------------------------------------------------------------------- quotation marks

class _Marks:
    def __init__(self, rows: list[dict]):
        self.pairs = {(r["open"], r["close"]) for r in rows}
        self.open_fam: dict[str, set] = {}
        self.close_fam: dict[str, set] = {}
        self.context = set()
        for r in rows:
            self.open_fam.setdefault(r["open"], set()).add(r["family"])
            self.close_fam.setdefault(r["close"], set()).add(r["family"])
            if r["direction"].strip() == "context":
                self.context.update((r["open"], r["close"]))
        self.chars = set(self.open_fam) | set(self.close_fam)

    def roles(self, text: str, i: int) -> tuple[set, set]:
        """(families the mark at i may open, families it may close)."""
        c = text[i]
        prev = text[i - 1] if i > 0 else " "
        nxt = text[i + 1] if i + 1 < len(text) else " "
        if c not in self.context:
            return set(self.open_fam.get(c, ())), set(self.close_fam.get(c, ()))
        if prev.isalnum() and nxt.isalpha():          # don’t, Kazakhstan’s
            return set(), set()
        if c in ("'", "‘", "’") and nxt.isdigit() and not prev.isalnum():      # ‘90s
            return set(), set()
        open_ok = (prev.isspace() or prev in OPEN_CONTEXT or prev in self.chars) and not nxt.isspace()
        close_ok = not prev.isspace() and (nxt.isspace() or nxt in CLOSE_CONTEXT or nxt in self.chars)
        opens = set(self.open_fam.get(c, ())) if open_ok or not close_ok else set()
        closes = set(self.close_fam.get(c, ())) if close_ok or not open_ok else set()
        if not open_ok and not close_ok and c in ("'", "‘", "’"):
            return set(), set()                     # a single mark glued to both sides
        return opens, closes

    def opens(self, text: str, i: int, family: str) -> bool:
        return text[i] in self.chars and family in self.roles(text, i)[0]


def _strip_content(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of a quote's content: whitespace trimmed, a trailing comma dropped."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start and text[end - 1] == ",":
        end -= 1
        while end > start and text[end - 1].isspace():
            end -= 1
    return start, end


def _paragraph_parts(text: str, open_: int, close: int, family: str, continuation: set) -> list[dict]:
    """The records of one quotation from ``open_`` to ``close``: one per paragraph when the
    quotation runs over paragraphs (each reopened with a mark), else one. A part that does not
    end with the closing mark has ``close`` = the end of its paragraph; all parts share
    ``group`` = the offset of the first opening mark."""
    cuts = sorted(k for k in continuation if open_ < k < close)
    bounds, start = [], open_
    for k in cuts:
        end = text.rfind("\n", start, k)
        bounds.append((start, end if end > start else k))
        start = k
    bounds.append((start, close))
    parts = []
    for o, c in bounds:
        s, e = _strip_content(text, o + 1, c)
        if e > s:
            parts.append({"start": s, "end": e, "text": text[s:e], "open": o, "close": c if c == close else e,
                          "family": family, "group": open_, "closed": c == close})
    return parts


def find_direct_quotes(text: str, marks: Optional[list[dict]] = None) -> list[dict]:
    """Quoted passages of ``text``: {start, end, text, open, close, family} with start/end the
    content (marks excluded, trailing comma dropped), open/close the marks' offsets.

    A mark is paired with the next closing mark of its family. An opening mark still open at
    a paragraph break is dropped, unless the next paragraph opens with the same kind of mark
    (the quotation continues: one record per paragraph, sharing ``group``) or the line only
    wraps running text. A second opening mark of
    the same family restarts the quote (the first was unbalanced). Quotes inside another
    quote are left out.
    """
    table = _Marks(marks if marks is not None else load_rules().marks)
    state: dict[str, tuple[int, str]] = {}
    continuation: set[int] = set()
    found = []
    n = len(text)
    i = 0
    while i < n:
        c = text[i]
        if c == "\n":
            j = i
            while j < n and text[j].isspace():
                j += 1
            if state:
                line_end = i
                while line_end > 0 and text[line_end - 1] in " \t\r":
                    line_end -= 1
                last = text[line_end - 1] if line_end > 0 else "."
                wraps = text.count("\n", i, j) == 1 and j < n and text[j].islower() and last not in SENT_END + ":;"
                for fam in list(state):
                    if j < n and table.opens(text, j, fam):
                        continuation.add(j)
                    elif not wraps:
                        del state[fam]
            i = j
            continue
        if c in table.chars and i not in continuation:
            opens, closes = table.roles(text, i)
            closed = False
            for fam in closes:
                cur = state.get(fam)
                if cur is not None and (cur[1], c) in table.pairs:
                    found.extend(_paragraph_parts(text, cur[0], i, fam, continuation))
                    del state[fam]
                    closed = True
                    break
            if not closed:
                for fam in opens:
                    state[fam] = (i, c)
        i += 1
    found.sort(key=lambda q: q["open"])
    outer, reach = [], -1  # a quote inside an earlier-opened one is left out (one sweep)
    for q in found:
        if q["close"] >= reach:
            outer.append(q)
        reach = max(reach, q["close"])
    kept: list[dict] = []
    for q in outer:  # crossing pairs (“ « ” »): a mark is unbalanced; the earlier quote stays
        # the kept quotes are disjoint, so only the last one can contain q's opening mark
        if not (kept and kept[-1]["open"] < q["open"] < kept[-1]["close"] < q["close"]):
            kept.append(q)
    return kept


# --------------------------------------------------------------------------- paragraphs

def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty line, whitespace trimmed; a line that only wraps running
    text (no sentence end, next line in lower case) is joined to the next."""
    out: list[list[int]] = []
    pos = 0
    for line in text.split("\n"):
        s, e = pos, pos + len(line)
        pos = e + 1
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s == e:
            out.append(None)
            continue
        prev = out[-1] if out else None
        if prev is not None and text[prev[1] - 1] not in SENT_END + ":;" and text[s].islower():
            prev[1] = e
        else:
            out.append([s, e])
    return [(p[0], p[1]) for p in out if p is not None]
