"""Span layout: overlapping character spans as properly nested HTML ``<mark>`` elements.

Each ``Mark`` is one highlighted span. Marks are opened outermost first (earlier start,
then longer); when a mark ends while marks opened inside it are still open, those are
closed and re-opened right after it, so the HTML nests and every span keeps its whole
extent. Every fragment carries ``data-k`` (the record key); the first fragment also has
``id`` = key, so a link or a table row can scroll to it. A mark's ``tag`` (its normalised
value) is written after its last fragment.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import Optional


@dataclass
class Mark:
    start: int
    end: int
    key: str                                   # unique per page: the element id of the first fragment
    classes: str                               # CSS classes (kind, label, status)
    title: str = ""                            # tooltip
    attrs: dict = field(default_factory=dict)  # extra data-* attributes (values escaped here)
    style: str = ""
    tag: Optional[str] = None                  # small text after the span (normalised value)
    focusable: bool = False                    # in the keyboard tab order
    lane: int = 0                              # tie-break for equal spans: lower opens first (outer)


def _open(mark: Mark, first: bool) -> str:
    parts = [f'<mark class="{html.escape(mark.classes)}{"" if first else " cont"}"',
             f' data-k="{html.escape(mark.key)}"']
    if first:
        parts.append(f' id="{html.escape(mark.key)}"')
        if mark.focusable:
            parts.append(' tabindex="0"')
    if mark.title:
        parts.append(f' title="{html.escape(mark.title)}"')
    if mark.style:
        parts.append(f' style="{html.escape(mark.style)}"')
    for name, value in mark.attrs.items():
        if value is not None:
            parts.append(f' data-{name}="{html.escape(str(value))}"')
    return "".join(parts) + ">"


def _close(mark: Mark, last: bool) -> str:
    if last and mark.tag:
        return f'</mark><span class="tag" aria-hidden="true" data-for="{html.escape(mark.key)}">{html.escape(mark.tag)}</span>'
    return "</mark>"


def valid_marks(text: str, marks: list[Mark]) -> list[Mark]:
    """Marks with a non-empty span inside the text (others cannot be drawn)."""
    n = len(text)
    return [m for m in marks if m.start is not None and m.end is not None and 0 <= m.start < m.end <= n]


def render(text: str, marks: list[Mark]) -> str:
    """The text as escaped HTML with every mark drawn (nested; split where spans cross)."""
    marks = sorted(valid_marks(text, marks), key=lambda m: (m.start, -m.end, m.lane))
    bounds = sorted({0, len(text)} | {m.start for m in marks} | {m.end for m in marks})
    starts: dict = {}
    for m in marks:
        starts.setdefault(m.start, []).append(m)
    out, stack, opened = [], [], set()
    for i, pos in enumerate(bounds):
        ending = [m for m in stack if m.end == pos]
        if ending:
            # pop down to the deepest ending mark, then re-open the survivors in order
            depth = min(stack.index(m) for m in ending)
            popped = stack[depth:]
            for m in reversed(popped):
                out.append(_close(m, m.end == pos))
            stack = stack[:depth]
            for m in popped:
                if m.end != pos:
                    out.append(_open(m, False))
                    stack.append(m)
        for m in starts.get(pos, []):
            out.append(_open(m, m.key not in opened))
            opened.add(m.key)
            stack.append(m)
        if i + 1 < len(bounds):
            out.append(html.escape(text[pos:bounds[i + 1]], quote=False))
    for m in reversed(stack):
        out.append(_close(m, True))
    return "".join(out)
