"""Names the statistical NER read as a body, product or work, or left untagged, where the
context says they are people: a name right after a title ("Engr. Bola Adeyemi") or in
apposition with a noun describing a person (``person_roles.txt``: "Ana Ferreira, an
economist at X", "Her chief financial officer, Bobur Aliev,")."""

from __future__ import annotations

from spacy.attrs import DEP
from spacy.tokens import Doc, Span, Token

from .gazetteer import Gazetteer
from .people import MISREAD_PERSON


def name_shaped(doc: Doc, start: int, end: int, gaz: Gazetteer) -> bool:
    """Two to four capitalised words, none an institution head, title or known name."""
    if not 2 <= end - start <= 4:
        return False
    for k in range(start, end):
        tok = doc[k]
        if not (tok.text[:1].isupper() and tok.text[1:2].islower()) or not tok.text.replace("-", "").isalpha():
            return False
        if gaz.is_head(tok.text) or gaz.title_at(doc, k) or gaz.entry_for(tok.text) is not None:
            return False
    return True


def after_title(doc: Doc, start: int, gaz: Gazetteer) -> bool:
    """A title ends right before token ``start`` (its abbreviation dot may stand apart)."""
    k = start - 1
    if k >= 0 and doc[k].text == ".":
        k -= 1
    return any(j + gaz.title_at(doc, j) in (k + 1, start) for j in range(max(0, k - gaz.max_title + 1), k + 1))


def _role_appos(root: Token, start: int, end: int, roles: set) -> bool:
    """The name's head is in apposition with a person noun, or has one in apposition."""
    head = root.head
    if root.dep_ == "appos" and not start <= head.i < end and head.lemma_.lower() in roles:
        return True
    return any(c.dep_ == "appos" and c.i >= end and c.lemma_.lower() in roles for c in root.rights)


def relabel_misread(doc: Doc, chosen: list[Span], entries: dict, gaz: Gazetteer) -> list[Span]:
    """A model span read as a body, product or work that is a name after a title or in
    apposition with a person noun is a person."""
    out = []
    for span in chosen:
        if span.label_ in MISREAD_PERSON and (span.start, span.end) not in entries \
                and name_shaped(doc, span.start, span.end, gaz) \
                and (after_title(doc, span.start, gaz)
                     or _role_appos(span.root, span.start, span.end, gaz.person_roles)):
            span = Span(doc, span.start, span.end, label="PERSON")
        out.append(span)
    return out


def _name_around(doc: Doc, head: Token) -> tuple[int, int]:
    """The bounds of the proper-noun name headed by ``head`` (its compound proper nouns)."""
    start = head.i
    for child in reversed(list(head.lefts)):
        if child.dep_ == "compound" and child.pos_ == "PROPN" and child.i == start - 1:
            start = child.i
    return start, head.i + 1


def untagged_appositions(doc: Doc, chosen: list[Span], taken: set, gaz: Gazetteer) -> list[Span]:
    """An untagged capitalised name in apposition with a person noun is a person ("Ana Luiza
    Ferreira, an economist at X, said")."""
    extra = []
    appos = doc.vocab.strings["appos"]
    for i in (doc.to_array(DEP) == appos).nonzero()[0].tolist():    # no Token per word
        tok = doc[i]
        if tok.pos_ not in ("NOUN", "PROPN"):
            continue
        if tok.lemma_.lower() in gaz.person_roles and tok.head.pos_ == "PROPN":
            head = tok.head
        elif tok.pos_ == "PROPN" and tok.head.lemma_.lower() in gaz.person_roles:
            head = tok
        else:
            continue
        start, end = _name_around(doc, head)
        if any(k in taken for k in range(start, end)) or not name_shaped(doc, start, end, gaz):
            continue
        if not _role_appos(head, start, end, gaz.person_roles):
            continue
        extra.append(Span(doc, start, end, label="PERSON"))
        taken.update(range(start, end))
    return sorted(chosen + extra, key=lambda s: s.start) if extra else chosen


def join_split_bodies(doc: Doc, chosen: list[Span], entries: dict) -> list[Span]:
    """A body's name the model cut after "and"/"&" joins the name right after it ("Konkan
    Ports and" + "Logistics Ltd")."""
    out: list[Span] = []
    for span in chosen:
        prev = out[-1] if out else None
        if prev is not None and prev.label_ == span.label_ == "ORG" and prev.end == span.start \
                and doc[prev.end - 1].lower_ in ("and", "&") and doc[span.start].is_title \
                and (prev.start, prev.end) not in entries and (span.start, span.end) not in entries:
            out[-1] = Span(doc, prev.start, span.end, label="ORG")
            continue
        out.append(span)
    return out


def split_person_of_body(doc: Doc, chosen: list[Span], entries: dict, gaz: Gazetteer) -> list[Span]:
    """A span the model read as one name that is a person's name, "of" and a body's name
    ("Nadia Rahman of Energy Aspects", "Tom Reid of Castle Research") is two mentions: the
    person and the organisation. The part before "of" must be name-shaped (two to four
    capitalised singular proper nouns, none an institution head, title or known name: "Bank of
    England", "Royal Bank of Scotland", "Joint Chiefs of Staff" stay whole) and the part after it
    capitalised."""
    out: list[Span] = []
    for span in chosen:
        of = next((t.i for t in span if t.lower_ == "of"), None)
        if span.label_ in ("ORG", "PERSON") + MISREAD_PERSON and of is not None \
                and (span.start, span.end) not in entries and of + 1 < span.end \
                and name_shaped(doc, span.start, of, gaz) and all(t.tag_ == "NNP" for t in doc[span.start:of]) \
                and all(t.text[:1].isupper() or t.lower_ in ("and", "&") for t in doc[of + 1:span.end]):
            out.append(Span(doc, span.start, of, label="PERSON"))
            out.append(Span(doc, of + 1, span.end, label="ORG"))
            continue
        out.append(span)
    return out


def bodies_ending_in_nationality(doc: Doc, chosen: list[Span], entries: dict, taken: set,
                                 gaz: Gazetteer) -> list[Span]:
    """A nationality word used as a noun after a capitalised name word the model left out
    ("Anglo American said", "shares of Anglo American") is the end of a body's name: the ORG
    "Anglo American", never the nationality "American". The word before must be a proper noun
    compound of it that no other mention, title or gazetteer name takes."""
    out = []
    for span in chosen:
        k = span.start - 1
        last = doc[span.end - 1]
        merged = bool(out) and out[-1].label_ == "NORP" and (out[-1].start, out[-1].end) == (k, k + 1) \
            and (k, k + 1) not in entries  # the model's own one-word NORP "Anglo"
        if span.label_ == "NORP" and k >= 0 and (k not in taken or merged) and last.pos_ == "PROPN" \
                and last.dep_ not in ("amod", "compound") and doc[k].pos_ == "PROPN" \
                and doc[k].dep_ == "compound" and span.start <= doc[k].head.i < span.end \
                and doc[k].is_alpha and doc[k].text[:1].isupper() and not doc[k].is_upper \
                and doc[k].whitespace_ == " " and not gaz.title_at(doc, k) and gaz.entry_for(doc[k].text) is None:
            taken.add(k)
            if merged:
                out.pop()
            span = Span(doc, k, span.end, label="ORG")
        out.append(span)
    return out
