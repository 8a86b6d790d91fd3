"""Finding the gazetteer's surface forms in a doc: a dict of token sequences.

The gazetteer holds some 10,000 forms. Turning each into a ``Doc`` for a ``PhraseMatcher``
costs a third of a second at every load (the tokenizer, and a vocab entry for each new
word), most of it for forms that are plain words ("Ministry of Foreign Affairs"). Such a
form tokenizes to its space-separated words whenever every word is alphabetic and no
tokenizer special case (``nlp.tokenizer.rules``) names it: the English prefix, suffix and
infix rules only split at punctuation, digits and symbols. Only the other forms go through
the tokenizer. A doc is matched on its token texts, read once per doc from the token array.
"""

from __future__ import annotations

from typing import Iterable, Iterator


def form_words(nlp, forms: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """The token texts of each form, as ``nlp.tokenizer`` splits it."""
    rules = getattr(nlp.tokenizer, "rules", None) or {}
    out, rest = {}, []
    for form in forms:
        words = form.split(" ")
        if all(w.isalpha() and w not in rules for w in words):
            out[form] = tuple(words)
        else:
            rest.append(form)
    for form, doc in zip(rest, nlp.tokenizer.pipe(rest)):
        out[form] = tuple(t.text for t in doc)
    return out


class PhraseIndex:
    """Every (start, end, forms) where a run of tokens spells one or more of the forms."""

    def __init__(self, nlp, forms: Iterable[str]):
        self.forms_by_words: dict[tuple[str, ...], list[str]] = {}
        #: first token text -> the token lengths of the forms starting with it, longest first
        self.lengths: dict[str, list[int]] = {}
        for form, words in form_words(nlp, forms).items():
            if not words:
                continue
            self.forms_by_words.setdefault(words, []).append(form)
            lengths = self.lengths.setdefault(words[0], [])
            if len(words) not in lengths:
                lengths.append(len(words))
        for lengths in self.lengths.values():
            lengths.sort(reverse=True)

    def find(self, words: list[str]) -> Iterator[tuple[int, int, list[str]]]:
        """Matches in ``words`` (a doc's token texts) by start, then shortest first (as
        spaCy's ``PhraseMatcher`` orders them)."""
        get_lengths, get_forms = self.lengths.get, self.forms_by_words.get
        for i, word in enumerate(words):
            lengths = get_lengths(word)
            if not lengths:
                continue
            found = []
            for n in lengths:
                forms = get_forms(tuple(words[i:i + n])) if i + n <= len(words) else None
                if forms:
                    found.append((i, i + n, forms))
            yield from reversed(found)
