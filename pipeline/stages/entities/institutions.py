"""Full institution names: maximal runs of capitalised words joined by connectors, cut into
ORG names where they hold an institution head noun ("Agency for Strategic Planning and
Reforms of the Republic of Kazakhstan"), and trimmed where they run into a known name."""

from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Doc, Span

from .gazetteer import Entry, Gazetteer

CONNECTORS = {"of", "for", "and", "on", "the", "de", "du", "des", "'s", "’s", "&", "-", "in", "to",
              "regarding", "concerning", "under"}
ACRONYM = re.compile(r"^[A-Z][A-Z&.]{1,9}$")


def capitalised(tok) -> bool:
    t = tok.text
    return bool(t) and (t[0].isupper() or ACRONYM.match(t) is not None) and tok.is_alpha | ("." in t or "-" in t)


def capitalised_runs(doc: Doc, gaz: Gazetteer) -> list[tuple[int, int]]:
    """Maximal runs of capitalised words joined by connectors (of, for, and, the ...),
    within one line, without connectors at either end."""
    runs = []
    texts = gaz.words(doc)[0]
    i, n = 0, len(doc)
    while i < n:
        if not texts[i][:1].isupper() or not capitalised(doc[i]):    # the text check spares a Token
            i += 1
            continue
        j = i
        while j + 1 < n:
            if _continues(doc, j + 1, gaz):
                j += 1
            elif doc[j + 1].text == "," and _enumerated_portfolio(doc, i, j + 1, gaz):
                j += 1              # "Ministry of Investment, Industry and Trade"
            else:
                break
        while j > i and doc[j].lower_ in CONNECTORS:
            j -= 1
        runs.append((i, j + 1))
        i = j + 1
    return runs


def _enumerated_portfolio(doc: Doc, start: int, comma: int, gaz: Gazetteer) -> bool:
    """A comma inside an institution name: the run so far is "<Head> of|for <Word>" and
    the comma opens capitalised words closed by "and <Word>" ("Ministry of Investment,
    Industry and Trade")."""
    has_head_of = any(gaz.is_head(doc[k].text) and k + 1 < comma and doc[k + 1].lower_ in ("of", "for")
                      for k in range(start, comma))
    if not has_head_of:
        return False
    k = comma + 1
    seen_words = 0
    while k < len(doc) and k < comma + 8:
        tok = doc[k]
        if tok.text == ",":
            k += 1
            continue
        if tok.lower_ == "and":
            return seen_words > 0 and k + 1 < len(doc) and doc[k + 1].is_title
        if not tok.is_title:
            return False
        seen_words += 1
        k += 1
    return False


def _continues(doc: Doc, k: int, gaz: Gazetteer) -> bool:
    tok = doc[k]
    prev = doc[k - 1]
    if "\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text):
        return False
    if capitalised(tok):
        return True
    if tok.lower_ in CONNECTORS:
        nxt = doc[k + 1] if k + 1 < len(doc) else None
        if nxt is None:
            return False
        if tok.lower_ == "and" and nxt.lower_ == "the":
            return False
        if tok.lower_ in ("in", "at", "to") and (nxt.ent_type_ in ("DATE", "TIME") or gaz.label_of(nxt.text) == "GPE"):
            return False        # "... Forum in May", "... Initiative in Kazakhstan"
        return capitalised(nxt) or nxt.lower_ in CONNECTORS
    return False


def institution_spans(doc: Doc, runs, gaz: Gazetteer) -> list[Span]:
    """Runs that contain an institution head noun are ORG names."""
    spans = []
    for start, end in runs:
        spans.extend(_split_run(doc, start, end, gaz))
    return spans


def _run_pieces(doc: Doc, start: int, end: int, gaz: Gazetteer, coined: list) -> list[tuple[int, int]]:
    """Cut one capitalised run at titles and at 'and' between names; a one-word name on
    the left of such an 'and' goes to ``coined``."""
    pieces, cur = [], start
    for k in range(start, end):
        t = gaz.title_at(doc, k)
        if k > cur and t and k + t < end and doc[k + t].lower_ not in CONNECTORS and any(
                gaz.is_head(doc[m].text) for m in range(cur, k)):
            pieces.append((cur, k))
            return pieces
        if doc[k].lower_ == "and" and k > cur and k + 1 < end:
            left_head = any(gaz.is_head(doc[m].text) for m in range(cur, k))
            right_head = any(gaz.is_head(doc[m].text) for m in range(k + 1, min(end, k + 4)))
            # two names: "Ministry of Energy and Ministry of Finance", "China Energy
            # Engineering Corporation and Uzbekenergo" (the left name ends in its head),
            # "Uzbekneftegaz and Korea Gas Corporation" (a one-word name on the left)
            if (left_head and right_head) or (left_head and gaz.is_head(doc[k - 1].text)) \
                    or (k - cur == 1 and not left_head and right_head and doc[cur].pos_ == "PROPN"):
                first = doc[cur]
                if k - cur == 1 and not left_head and first.is_title and first.is_alpha:
                    coined.append(Span(doc, cur, k, label="ORG"))   # "Uzbekneftegaz and ..."
                pieces.append((cur, k))
                cur = k + 1
                continue
        # "Ministry of Energy of Kyrgyzstan on the Kambarata HPP": the name ends with its country
        if doc[k].lower_ == "on" and k > cur and gaz.label_of(doc[k - 1].text) == "GPE":
            pieces.append((cur, k))
            return pieces
    pieces.append((cur, end))
    return pieces


def _split_run(doc: Doc, start: int, end: int, gaz: Gazetteer) -> list[Span]:
    """ORG spans inside one capitalised run: cut at titles and at 'and' between names."""
    coined: list[Span] = []
    out = []
    for s, e in _run_pieces(doc, start, end, gaz, coined):
        while s < e:
            n = gaz.title_at(doc, s)
            if doc[s].lower_ in CONNECTORS:
                s += 1
            elif n and not (s + n < e and gaz.is_head(doc[s + n].text)):
                s += n      # "Dr Akinwumi ...", but "General Administration" stays
            else:
                break
        heads = [k for k in range(s, e) if gaz.is_head(doc[k].text)]
        if heads:
            # "China's Ministry of Commerce": the country is a mention of its own
            poss = [k for k in range(s, heads[0]) if doc[k].lower_ in ("'s", "’s")]
            if poss:
                s = poss[-1] + 1
            # "the Kazakh and Uzbek Governments": coordinated adjectives, no name
            if doc[heads[0]].text.endswith("s") and doc[heads[0]].lower_ not in gaz.heads \
                    and any(doc[k].lower_ == "and" for k in range(s, heads[0])):
                continue
            # "Adesina of the African Development Bank": the name starts after "of"
            cut = [k for k in range(s, heads[0]) if doc[k].lower_ in ("of", "for", "in", "on", "to")]
            if cut:
                s = cut[-1] + 1
                while s < e and doc[s].lower_ in CONNECTORS:
                    s += 1
        span = headed_org(doc, s, e, gaz)
        if span is not None:
            out.append(span)
    return out + coined


def headed_org(doc: Doc, s: int, e: int, gaz: Gazetteer) -> Optional[Span]:
    """doc[s:e] without connectors at its ends as an ORG, when two words or more remain and
    one is an institution head."""
    while s < e and doc[s].lower_ in CONNECTORS:
        s += 1
    while e > s and doc[e - 1].lower_ in CONNECTORS:
        e -= 1
    words = [t for t in doc[s:e] if t.lower_ not in CONNECTORS]
    if len(words) < 2 or not any(gaz.is_head(t.text) for t in words):
        return None
    return Span(doc, s, e, label="ORG")


def yield_to_names(span: Span, entries: dict[tuple[int, int], Entry]) -> tuple[int, int]:
    """The bounds an institution run keeps beside known names: one that starts inside a
    known name ("... von der Leyen and African Development Bank Group"), with a known name
    and "and" ("KazMunayGas and China National Petroleum Corporation") or with a
    nationality ("Uzbek Ministry of Energy") starts after that name."""
    s = span.start
    doc = span.doc
    for (gs, ge), entry in entries.items():
        if gs < span.start < ge < span.end:
            s = max(s, ge)
        # "KazMunayGas and China National Petroleum Corporation", "European Union and
        # Uzbekistan": a known name at the start, then "and", is a name of its own
        elif gs == span.start and ge < span.end and doc[ge].lower_ in ("and", ","):
            s = max(s, ge)
        # "Uzbek Ministry of Energy": the nationality is a mention of its own
        elif gs == span.start and ge < span.end and entry.label == "NORP" and doc[ge].text not in "-–":
            s = max(s, ge)
    e = span.end
    for (gs, ge), entry in entries.items():
        # "... Ministry of Finance and Gazprom": a known name after "and" ends the run
        if ge == span.end and gs > s + 1 and doc[gs - 1].lower_ in ("and", ","):
            e = min(e, gs - 1)
        # "the UN General Assembly Russia would ...": a country right after a name
        elif ge == span.end and gs > s + 1 and entry.label == "GPE" and doc[gs - 1].lower_ not in CONNECTORS:
            e = min(e, gs)
    return s, e


def institution_beside_names(span: Span, entries: dict, gaz: Gazetteer) -> Optional[Span]:
    """An institution span cut where it runs into known names (None when no name is left)."""
    s, e = yield_to_names(span, entries)
    if s == span.start and e == span.end:
        return span
    return headed_org(span.doc, s, e, gaz)
