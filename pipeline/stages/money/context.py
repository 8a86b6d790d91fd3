"""Context, count and item: what the money is for, from the dependency parse ("52 joint
projects worth $21 billion" -> context "52 joint projects", count 52, item "joint projects")."""

from __future__ import annotations

from typing import Optional

from .numbers import parse_number
from .tables import MoneyTables

_CONTEXT_MODS = {"det", "nummod", "amod", "compound", "poss", "nmod", "quantmod"}
_DROP_DET = {"a", "an"}
_PURPOSE_PREPS = {"for", "of", "in", "on", "into"}
_ATTACH_PREPS = {"worth", "of", "at", "valued", "totalling", "totaling", "amounting", "for"}


def _noun_phrase(tok, exclude: set[int]) -> tuple[list, Optional[object]]:
    """The short noun phrase headed by tok: its determiner (not a/an), numbers, adjectives
    and compounds to the left, without the money tokens."""
    left = []
    for child in tok.lefts:
        if child.i in exclude or child.dep_ not in _CONTEXT_MODS:
            continue
        if child.dep_ == "det" and child.lower_ in _DROP_DET:
            continue
        left.extend(t for t in child.subtree if t.i not in exclude)
    toks = sorted(set(left) | {tok}, key=lambda t: t.i)
    # keep the contiguous part ending at the head
    kept = [tok]
    for t in reversed(toks[:-1]):
        if t.i == kept[0].i - 1 or (t.is_punct is False and t.i == kept[0].i - 1):
            kept.insert(0, t)
        else:
            break
    gerund = tok.head
    if tok.dep_ == "dobj" and gerund.dep_ == "pcomp" and gerund.i == kept[0].i - 1:
        kept.insert(0, gerund)  # "in blending operations"
    count_tok = next((t for t in kept if t.dep_ == "nummod" and t.like_num and t.head == tok), None)
    # one "of" complement: "construction of the railway line", "exports of farm products"
    of = next((c for c in tok.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is not None and of.i == tok.i + 1 and not any(t.i in exclude for t in of.subtree):
        obj = next((g for g in of.rights if g.dep_ == "pobj"), None)
        if obj is not None and obj.pos_ in ("NOUN", "PROPN"):
            inner = [c for c in obj.lefts if c.dep_ in _CONTEXT_MODS]
            first = min([obj.i] + [t.i for c in inner for t in c.subtree])
            if first == of.i + 1:
                kept.extend([of] + [tok.doc[k] for k in range(first, obj.i + 1)])
    return kept, count_tok


def _phrase_record(tokens, count_tok, tables) -> dict:
    doc = tokens[0].doc
    context = doc[tokens[0].i:tokens[-1].i + 1].text
    count = None
    item = None
    if count_tok is not None:
        value = parse_number(count_tok.text, tables) if tables else None
        if value is not None and value == value.to_integral_value():
            count = int(value)
            rest = [t for t in tokens if t.i > count_tok.i]
            item = doc[rest[0].i:rest[-1].i + 1].text if rest else None
    return {"context": context, "count": count, "item": item}


def _is_noun(tok, inside: set) -> bool:
    return tok.pos_ in ("NOUN", "PROPN") and tok.i not in inside


def _measured(tok, inside: set, tables, depth: int = 0) -> dict:
    """The phrase record of a noun; a measure noun ("a combined value of X") gives what it
    measures or what it is attached to."""
    measure = tables.measure_nouns if tables else set()
    if tok.lower_ in measure and depth < 2:
        of = next((c for c in tok.rights if c.dep_ == "prep" and c.lower_ == "of"
                   and not any(t.i in inside for t in c.subtree)), None)
        obj = next((g for g in of.rights if g.dep_ == "pobj"), None) if of is not None else None
        if obj is not None and _is_noun(obj, inside):
            return _measured(obj, inside, tables, depth + 1)
        if tok.dep_ == "pobj" and tok.head.lower_ == "with":
            host = tok.head.head
            if _is_noun(host, inside):
                return _measured(host, inside, tables, depth + 1)
            if host.pos_ in ("VERB", "AUX"):
                subj = next((c for c in host.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                if subj is not None and _is_noun(subj, inside):
                    return _measured(subj, inside, tables, depth + 1)
    return _phrase_record(*_noun_phrase(tok, inside), tables)


def _prep_object(prep):
    """The object of a preposition: its pobj, or the object of a gerund ("in blending operations")."""
    obj = next((g for g in prep.rights if g.dep_ == "pobj"), None)
    if obj is not None:
        return obj
    pcomp = next((g for g in prep.rights if g.dep_ == "pcomp"), None)
    if pcomp is not None:
        return next((g for g in pcomp.rights if g.dep_ == "dobj"), None)
    return None


def _before_worth(worth, inside: set):
    """"the deal, worth $10 billion", "an agreement worth ...": the noun just before."""
    doc = worth.doc
    k = worth.i - 1
    while k >= 0 and doc[k].is_punct:
        k -= 1
    if k >= 0 and _is_noun(doc[k], inside) and doc[k].ent_type_ not in ("DATE", "TIME"):
        return doc[k]
    return None


def _money_root(span) -> tuple:
    """The root token of the money span and the token indices it covers; "from $660 million
    to $1 billion" parsed as one number takes the whole number phrase."""
    inside = {t.i for t in span}
    root = span.root
    for _ in range(3):
        head = root.head
        if head.i in inside or head == root or root.dep_ not in ("quantmod", "compound", "nummod"):
            break
        if not (head.like_num or head.pos_ in ("NUM", "SYM")):
            break
        lo, hi = min(span.start, head.i), max(span.end - 1, head.i)
        inside |= set(range(lo, hi + 1))
        root = head
    return root, inside


def _bare_measure(tok, tables) -> bool:
    """A measure noun without what it measures ("in total", "in value"): no purpose."""
    measure = tables.measure_nouns if tables else set()
    return tok.lower_ in measure and not any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.rights)


def _purpose_object(span, root, inside: set, tables):
    """"€150 billion worth of investments", "$5 billion of/in/for investments": a noun after
    the money, through "worth (of)" or a purpose preposition hanging off it."""
    if root.head.lower_ == "worth" and root.head.i > span.end - 1:
        of = next((g for g in root.head.rights if g.lower_ == "of"), None)
        obj = _prep_object(of) if of is not None else None
        if obj is not None and _is_noun(obj, inside):
            return obj
    for tok in span:
        for child in tok.rights:
            if child.i in inside:
                continue
            if child.lower_ == "worth" and child.dep_ in ("prep", "amod", "advmod", "npadvmod"):
                obj = next((g for g in child.rights if g.dep_ == "pobj"), None)
                if obj is None:
                    of = next((g for g in child.rights if g.lower_ == "of"), None)
                    obj = next((g for g in of.rights if g.dep_ == "pobj"), None) if of is not None else None
                if obj is not None and _is_noun(obj, inside):
                    return obj
            if child.dep_ == "prep" and child.lower_ in _PURPOSE_PREPS:
                obj = _prep_object(child)
                if (obj is not None and _is_noun(obj, inside) and obj.ent_type_ not in ("DATE", "TIME", "GPE")
                        and not _bare_measure(obj, tables)):
                    return obj
    return None


def _attached_noun(span, root, inside: set):
    """The noun the money modifies or is attached to ("a $48.2 million army contract", "projects
    worth $21 billion", "a fund of $1 billion", "amounted to $5 billion")."""
    head = root.head
    if root.dep_ in ("compound", "nmod", "amod", "nummod", "quantmod") and head.i not in inside and _is_noun(head, inside):
        return head
    if head.lower_ == "worth" and head.i < span.start:
        noun = _before_worth(head, inside)
        if noun is not None:
            return noun
    if root.dep_ == "pobj" or root.dep_ in ("npadvmod", "dobj") and head.lower_ == "worth":
        prep, attach = head, head.head
        if prep.lower_ in _ATTACH_PREPS and _is_noun(attach, inside):
            return attach
        if prep.lower_ == "worth" and attach.pos_ in ("ADJ",) and _is_noun(attach.head, inside):
            return attach.head
        # "amounted to $5 billion", "increase assistance from $660 million to $1 billion"
        if attach.pos_ in ("VERB", "AUX") and prep.lower_ in ("to", "at", "from", "by", "of", "worth"):
            obj = next((c for c in attach.children if c.dep_ in ("dobj",) and c.i not in inside), None)
            if obj is not None and _is_noun(obj, inside) and prep.lower_ in ("from", "to", "by"):
                return obj
            subj = next((c for c in attach.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None and _is_noun(subj, inside):
                return subj
    return None


def _verb_subject(root, inside: set):
    """"trade reached $28.7 billion": the subject of a measuring verb (or the purpose after it)."""
    head = root.head
    if root.dep_ in ("dobj", "attr", "npadvmod", "oprd", "appos") and head.pos_ in ("VERB", "AUX"):
        verb = head
        for child in verb.rights:
            if child.dep_ == "prep" and child.lower_ in ("for", "in", "into") and child.i > root.i:
                obj = next((g for g in child.rights if g.dep_ == "pobj"), None)
                if obj is not None and _is_noun(obj, inside) and obj.ent_type_ not in ("DATE", "TIME", "GPE"):
                    return obj
        while verb.dep_ in ("xcomp", "ccomp") and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            verb = verb.head  # "exports are expected to reach $5 billion"
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and _is_noun(subj, inside) and subj.pos_ == "NOUN":
            return subj
    if root.dep_ == "appos" and _is_noun(head, inside):
        return head
    return None


def money_context(doc, start: int, end: int, tables: Optional[MoneyTables] = None) -> dict:
    """What the money at doc.text[start:end] is for, from the dependency parse:
    "52 joint projects worth $21 billion" -> context "52 joint projects", count 52, item
    "joint projects"; "trade reached $28.7 billion" -> "trade"; "a $48.2 million army
    contract" -> "army contract"; "€150 billion worth of investments" -> "investments"."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return {"context": None, "count": None, "item": None}
    root, inside = _money_root(span)
    noun = (_purpose_object(span, root, inside, tables) or _attached_noun(span, root, inside)
            or _verb_subject(root, inside))
    if noun is None:
        return {"context": None, "count": None, "item": None}
    return _measured(noun, inside, tables)
