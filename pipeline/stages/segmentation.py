"""Sentence segmentation for news text: rules that run before the statistical parser.

The parser respects sentence starts set before it (``token.is_sent_start`` True or False),
so this stage marks the boundaries news layout makes certain and the parser fills in the
rest:

* a line break starts a sentence (title, sub-heads, captions, paragraphs, list items),
  unless the line break only wraps running text (the previous line does not end a
  sentence and the next line starts in lower case);
* the first line (the title) is one sentence;
* a list item opened by a bullet (``models/segmentation/bullets.txt``), a number
  (``1.``, ``2)``, ``(a)``) or an ordinal with a colon (``First:``) starts a sentence, also
  inline after ``;`` or ``.``; the word after the marker does not;
* a question followed by a capitalised word ends a sentence (``What happened? President ...``);
* quotation marks stay with their sentence: the token after an opening mark and a
  closing mark itself never start a sentence, and after a closing mark that follows a
  comma the attribution continues the sentence (``«..., » Tokayev said.``).
"""

from __future__ import annotations

import re
from typing import Optional

from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Token

from ..core.paths import stage_data_dir
from ..core.stage import Stage, read_lines, read_tsv
from ..core.text import text_of

NUMBERED = re.compile(r"^(?:\d{1,3}|[a-zA-Z]|[ivxIVX]{1,4})[.)]$")
SENTENCE_END = set(".!?;:")


class Segmenter(Stage):
    def __init__(self, nlp, name: str, data_dir: Optional[str] = None):
        super().__init__(nlp, name)
        folder = stage_data_dir("segmentation", data_dir)
        self.bullets = set(read_lines(folder / "bullets.txt"))
        self.ordinals = {w.lower() for w in read_lines(folder / "ordinals.txt")}
        marks = read_tsv(folder / "quote_marks.tsv")
        self.open_marks = {m["mark"] for m in marks if m["kind"] == "open"}
        self.close_marks = {m["mark"] for m in marks if m["kind"] == "close"}
        self.both_marks = {m["mark"] for m in marks if m["kind"] == "both"}

    # -- classification helpers -------------------------------------------------------
    def quote_role(self, tok: Token) -> Optional[str]:
        """'open', 'close' or None for a token that is (or is not) a quotation mark."""
        text = tok.text
        if text in self.open_marks and text != "‘":
            return "open"
        if text in self.close_marks and text != "’":
            return "close"
        if text in self.both_marks or text in ("‘", "’"):
            doc = tok.doc
            prev = doc[tok.i - 1] if tok.i > 0 else None
            before = " " if prev is None or prev.whitespace_ else prev.text[-1]
            nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
            after = " " if nxt is None or tok.whitespace_ else nxt.text[0]
            space_before = before.isspace() or before in "([{—–-"
            space_after = after.isspace() or after in ".,;:!?)]}"
            if space_before and not space_after:
                return "open"
            if space_after and not space_before:
                return "close"
        return None

    def is_list_marker(self, tok: Token) -> bool:
        if tok.text in self.bullets:
            return True
        if NUMBERED.match(tok.text):
            return True
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        # "1" "." tokenised apart
        if tok.text.isdigit() and len(tok.text) <= 3 and nxt is not None and nxt.text in (".", ")") \
                and not nxt.whitespace_ == "":
            return True
        return False

    def is_ordinal_marker(self, tok: Token) -> bool:
        if tok.lower_ not in self.ordinals:   # checked first: called for every token
            return False
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        return nxt is not None and nxt.text == ":"

    # -- the rules --------------------------------------------------------------------
    def process(self, doc: Doc) -> None:
        if len(doc) == 0:
            return
        text = text_of(doc)
        starts: dict[int, bool] = {}

        def force(i: int, value: bool) -> None:
            if 0 < i < len(doc):
                starts[i] = value

        line_first = self._line_firsts(doc, force)
        first_line_end = text.find("\n", line_first[0].idx) if line_first else -1
        for tok in line_first:
            prev = self._prev_word(tok)
            wrapped = (
                prev is not None
                and text.count("\n", prev.idx, tok.idx) == 1
                and prev.text[-1] not in SENTENCE_END
                and self.quote_role(prev) != "close"
                and tok.text[:1].islower()
                and not self.is_list_marker(tok)
            )
            if not wrapped:
                force(tok.i, True)
                # the parser, made to start a sentence here, may split the line's first
                # words apart ("Alibek" | "Kuantyrov, Minister ..."): the next words of the
                # line stay in this sentence unless a full stop ends one
                for k in range(tok.i + 1, min(tok.i + 4, len(doc))):
                    if doc[k].is_space or doc[k - 1].text in (".", "!", "?", ":", ";") or "\n" in doc[k - 1].whitespace_:
                        break
                    force(k, False)
            if self.is_list_marker(tok) or self.is_ordinal_marker(tok):
                self._marker_body(doc, tok, force)

        # the title line is one sentence
        if line_first and first_line_end != -1:
            for tok in doc[line_first[0].i + 1:]:
                if tok.idx >= first_line_end:
                    break
                starts[tok.i] = False
            title_end = first_line_end
        else:
            title_end = 0

        for tok in doc:
            if tok.idx < title_end or tok.is_space:
                continue
            nxt = tok.nbor(1) if tok.i + 1 < len(doc) else None
            # inline "…; Second: …" / "… . 2) …"
            if (self.is_ordinal_marker(tok) or (tok.text in self.bullets and tok.text not in "-–—*>")) \
                    and self._prev_word(tok) is not None \
                    and self._prev_word(tok).text in (";", ".", ":"):
                force(tok.i, True)
                self._marker_body(doc, tok, force)
            if tok.text == "?" and nxt is not None:
                after = nxt if not nxt.is_space else (nxt.nbor(1) if nxt.i + 1 < len(doc) else None)
                if after is not None and after.text[:1].isupper() and self.quote_role(after) is None:
                    force(after.i, True)
            role = self.quote_role(tok)
            if role == "open" and nxt is not None:
                force(nxt.i, False)
            elif role == "close":
                force(tok.i, False)
                prev = self._prev_word(tok)
                if prev is not None and prev.text in (",",) and nxt is not None and not nxt.is_space \
                        and "\n" not in tok.whitespace_:
                    force(nxt.i, False)

        self._apply(doc, starts)

    @staticmethod
    def _line_firsts(doc: Doc, force) -> list[Token]:
        """The first non-space token of each line (one pass; space tokens never start a sentence)."""
        firsts = []
        at_line_start = True   # nothing but spaces since the last line break
        for tok in doc:
            if tok.is_space:
                force(tok.i, False)
                at_line_start = at_line_start or "\n" in tok.text
                continue
            if at_line_start:
                firsts.append(tok)
            at_line_start = "\n" in tok.whitespace_
        return firsts

    @staticmethod
    def _apply(doc: Doc, starts: dict[int, bool]) -> None:
        """Set every sentence start at once: ``Token.is_sent_start = ...`` scans the whole doc
        on each assignment (spaCy checks for a parse), which is quadratic on long texts."""
        values = doc.to_array([SENT_START]).astype("int64")
        for i, value in starts.items():
            values[i] = 1 if value else -1
        values[0] = 1
        doc.from_array([SENT_START], values.astype("uint64"))

    @staticmethod
    def _prev_word(tok: Token) -> Optional[Token]:
        i = tok.i - 1
        while i >= 0 and tok.doc[i].is_space:
            i -= 1
        return tok.doc[i] if i >= 0 else None

    def _marker_body(self, doc: Doc, marker: Token, force) -> None:
        """The words right after a list marker belong to the marker's sentence."""
        j = marker.i + 1
        while j < len(doc) and (doc[j].is_space or doc[j].text in (":", ".", ")")):
            force(j, False)
            j += 1
        force(j, False)


@Language.factory("newsie_segmenter", default_config={"data_dir": None},
                   assigns=["token.is_sent_start"],
                   requires=[])
def make_segmenter(nlp: Language, name: str, data_dir: Optional[str]):
    return Segmenter(nlp, name, data_dir)
