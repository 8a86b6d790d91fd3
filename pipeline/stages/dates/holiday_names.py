"""How holiday names are matched and looked up (holidays.tsv): any case, apostrophes optional."""

from __future__ import annotations

import re

from ...core.text import fold, squash


def holiday_key(text: str) -> str:
    """A holiday name as looked up: folded, squashed, lower-case, apostrophes dropped."""
    return squash(fold(text)).lower().replace("'", "")


def _char(c: str) -> str:
    return r"\s+" if c == " " else "['’]?" if c == "'" else re.escape(c)


def _trie_regex(node: dict) -> str:
    """The alternation of a character trie ("" marks a word end): common prefixes written once,
    so the regex engine tests a handful of first letters per position, not every name."""
    end = "" in node
    alts = [_char(c) + _trie_regex(child) for c, child in sorted(node.items()) if c]
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 and not end else "(?:" + "|".join(alts) + ")"
    return body + "?" if end else body


def holiday_regex(phrases) -> str:
    """An alternation of holiday names, any case, apostrophes optional ("Mothers Day",
    "Mother's Day", "Mothers' Day", "Mother’s Day"); the longest name wins (a name that
    continues is tried before it stops: "Christmas Eve" before "Christmas")."""
    trie: dict = {}
    for p in phrases:
        for form in {p.lower(), p.lower().replace("'s", "s'")}:
            node = trie
            for c in form:
                node = node.setdefault(c, {})
            node[""] = {}
    return "(?i:" + _trie_regex(trie) + ")"
