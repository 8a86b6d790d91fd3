"""Names of events, initiatives and titled documents: capitalised runs named by a head noun
(``name_heads.tsv``), and the generic document names that are no name at all
(``generic_names.txt``)."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from ...core.text import fold
from .gazetteer import Gazetteer
from .institutions import CONNECTORS


def _head_label(doc: Doc, start: int, end: int, gaz: Gazetteer) -> tuple:
    """(label, end) of the first head noun of ``name_heads.tsv`` in doc[start:end] that
    names the run; a last-position head ends the name. (None, end) without one."""
    first = doc[start].lower_
    for k in range(start, end):
        for rule in gaz.name_heads.get(doc[k].lower_, []):
            pos = rule["position"]
            # "... Forum in May": a last-position head may end the name before a connector
            ends_name = k == end - 1 or doc[k + 1].lower_ in CONNECTORS
            if pos == "first" and not names_a_subject(doc, start, end, gaz):
                continue
            if (pos == "any" or (pos == "last" and ends_name)
                    or (pos == "first" and (k == start or (k == start + 1 and first == "joint")))):
                return rule["label"], (k + 1 if pos == "last" else end)
    return None, end


def named_head_spans(doc: Doc, runs, gaz: Gazetteer) -> list[Span]:
    """Runs named by their head noun (name_heads.tsv): events ("Astana International
    Forum", "the Belt and Road summit"), initiatives, titled documents ("Joint Statement
    on Counterterrorism Cooperation", "Financial Framework Partnership Agreement")."""
    spans = []
    for start, end in runs:
        while start < end and (doc[start].lower_ in ("the", "a", "an") or doc[start].pos_ in ("DET", "PRON")):
            start += 1          # "Our summit" is no name
        if end - start < 1:
            continue
        nxt = doc[end] if end < len(doc) else None
        if nxt is not None and not nxt.is_title and any(
                r["position"] == "last" and r["lowercase_ok"] == "yes"
                for r in gaz.name_heads.get(nxt.lower_, [])):
            end += 1                               # "Belt and Road summit"
        if end - start < 2 or fold(doc[start:end].text.lower()) in gaz.generic_names:
            continue
        label, end = _head_label(doc, start, end, gaz)
        if label and end - start < 2:
            continue
        if label and not (doc[start].lower_ in gaz.heads and label != "LAW"):
            spans.append(Span(doc, start, end, label=label))
    return spans


def names_a_subject(doc: Doc, start: int, end: int, gaz: Gazetteer) -> bool:
    """'Joint Statement on Counterterrorism Cooperation', 'Declaration on the Transition
    ...': past the generic document name the run goes on with a subject preposition."""
    for n in range(min(gaz.max_generic, end - start), 0, -1):
        if fold(doc[start:start + n].text.lower()) in gaz.generic_names:
            k = start + n
            return k < end and doc[k].lower_ in ("on", "regarding", "concerning", "in")
    return False


def generic_phrase_tokens(doc: Doc, gaz: Gazetteer) -> set[int]:
    """Tokens inside a generic document name ("Memorandum of Understanding")."""
    out = set()
    lowers = gaz.words(doc)[1]
    for i in range(len(doc)):
        if fold(lowers[i]) not in gaz.generic_first:
            continue
        for n in range(min(gaz.max_generic, len(doc) - i), 1, -1):
            if fold(" ".join(lowers[i:i + n])) in gaz.generic_names:
                out.update(range(i, i + n))
                break
    return out
