"""Person names the statistical NER misses or gets wrong: names in apposition to a title,
names after a title and portfolio, surnames of people already named in the article, and
gazetteer surnames inside a longer local name."""

from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Doc, Span

from .gazetteer import Gazetteer
from .institutions import CONNECTORS


def appositive_names(doc: Doc, entries: dict, gaz: Gazetteer) -> list[Span]:
    """"Alibek Kuantyrov, Minister of National Economy, said", "Aliyev, the President of
    Azerbaijan, noted": capitalised words right before a comma and a title are a
    person's name (one word only when "the" and a title follow)."""
    out = []
    texts = gaz.words(doc)[0]
    for k in range(1, len(doc) - 2):
        if texts[k] != ",":
            continue
        after = k + 1
        with_the = doc[after].lower_ == "the"
        if with_the:
            after += 1
        if after >= len(doc) or not gaz.title_at(doc, after):
            continue
        e = k
        s = e
        while s > 0 and doc[s - 1].is_title and doc[s - 1].is_alpha and not gaz.title_at(doc, s - 1) \
                and doc[s - 1].lower_ not in CONNECTORS and e - s < 3:
            s -= 1
        n = e - s
        if n == 0 or (n == 1 and not with_the):
            continue
        if any(gs < e and s < ge for gs, ge in entries):
            continue            # a known place or body ("Kazakhstan, the President of ...")
        if s > 0 and doc[s - 1].is_title and doc[s - 1].is_alpha:
            continue            # part of a longer capitalised run
        out.append(Span(doc, s, e, label="PERSON"))
    return out


def _past_portfolio(doc: Doc, s: int, end: int, gaz: Gazetteer) -> int:
    """The first token at or after ``s`` that is not a connector, portfolio word, head
    noun, title or known non-person name ("Minister of Trade and Integration ...")."""
    while s < end and (doc[s].lower_ in CONNECTORS or doc[s].lower_ in gaz.portfolio
                       or gaz.is_head(doc[s].text) or gaz.title_at(doc, s)
                       or gaz.label_of(doc[s].text) not in (None, "PERSON")):
        s += max(1, gaz.title_at(doc, s))
    return s


def title_led_names(doc: Doc, runs, gaz: Gazetteer) -> list[Span]:
    """A person named after a title: past the title and its portfolio ("Minister of
    Trade and Integration", "Minister of Transport of Kazakhstan"), the next capitalised
    words are the name ("... Nurlan Abenov", "Admiral Mullen")."""
    spans = []
    for start, end in runs:
        k = start
        while k < end:
            n = gaz.title_at(doc, k)
            if not n:
                k += 1
                continue
            after_title = k + n
            s = _past_portfolio(doc, after_title, end, gaz)
            e = s
            while e < end and doc[e].lower_ not in CONNECTORS and (
                    doc[e].is_alpha or re.match(r"^[A-Z]\.$", doc[e].text)):
                e += 1
            n_words = e - s
            if 1 <= n_words <= 4 and (n_words > 1 or s == after_title):
                spans.append(Span(doc, s, e, label="PERSON"))
            k = max(e, k + 1)
    return spans


def propagate_surnames(doc: Doc, chosen: list[Span], taken: set, gaz: Gazetteer) -> list[Span]:
    """A person's surname elsewhere in the article is a mention of that person even where
    the statistical NER missed it ("Japarov said ..." after "Sadyr Japarov")."""
    surnames = {}
    for span in chosen:
        if span.label_ == "PERSON" and len(span) > 1 and span[-1].is_title:
            surnames.setdefault(span[-1].text, span)
    if not surnames:
        return chosen
    extra = []
    texts = gaz.words(doc)[0]
    for i in range(len(doc)):
        if texts[i] in surnames and i not in taken:
            tok = doc[i]
            nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
            prev = doc[tok.i - 1] if tok.i > 0 else None
            if nxt is not None and nxt.is_title and nxt.text not in surnames:
                continue            # part of another capitalised name
            if prev is not None and prev.is_title and not gaz.title_at(doc, prev.i) \
                    and not prev.is_sent_start:
                continue            # "Akylbek Japarov" is another Japarov
            extra.append(Span(doc, tok.i, tok.i + 1, label="PERSON"))
            taken.add(tok.i)
    return sorted(chosen + extra, key=lambda s: s.start)


def drop_embedded_surnames(candidates, entries):
    """A gazetteer surname inside a longer person name found by the model or after a
    title ("Ilkhom Saidov" is not the Saidov of the gazetteer) gives way to that name."""
    people = [sp for _, sp in candidates if sp.label_ == "PERSON" and (sp.start, sp.end) not in entries]
    out = []
    for prio, span in candidates:
        entry = entries.get((span.start, span.end))
        if entry is not None and entry.label == "PERSON" and len(span) == 1 and any(
                p.start < span.start and p.end >= span.end for p in people):
            del entries[(span.start, span.end)]
            continue
        out.append((prio, span))
    return out


#: labels the statistical NER gives people by mistake ("Nabiyev" ORG, "Turgunbek" PRODUCT)
MISREAD_PERSON = ("ORG", "GPE", "NORP", "PRODUCT", "FAC", "WORK_OF_ART", "LOC", "EVENT")


def _joinable(doc: Doc, left: Span, right: Span, gaz: Gazetteer) -> bool:
    """Two person spans one name apart only by name particles ("Abdulaziz" + "bin Salman"), or
    touching ("Widiyanti Putri" + "Wardhana": the model split one name)."""
    gap = doc[left.end:right.start]
    if len(gap) > 2 or "\n" in doc[left.start:right.end].text:
        return False
    if any(gaz.particles.get(t.text) != "inner" for t in gap):
        return False
    if len(gap) > 0 or gaz.particles.get(doc[right.start].text) == "inner":
        return True
    # "Widiyanti Putri" + "Wardhana": two spans touching with one space are one name
    return doc[left.end - 1].whitespace_ == " " and right.end - left.start <= 5 \
        and all(t.text[:1].isupper() for t in doc[left.start:right.end])


def join_particles(doc: Doc, chosen: list[Span], entries: dict, taken: set, gaz: Gazetteer) -> list[Span]:
    """Names split at a particle join ("Prince Abdulaziz bin Salman": "Abdulaziz" and "bin
    Salman" are one name), and a patronymic word after a name belongs to it ("Nurlanbek
    Turgunbek uulu"; the model's non-person reading of such a name is a person). Particles
    are data (name_particles.tsv). Spans the gazetteer knows stay as they are."""
    out: list[Span] = []
    for span in chosen:
        prev = out[-1] if out else None
        misread_surname = span.label_ in ("ORG", "PRODUCT", "WORK_OF_ART", "FAC", "EVENT") and len(span) == 1 \
            and not span[0].is_upper \
            and not gaz.is_head(span[0].text)  # "Sri Mulyani" + ORG "Indrawati"
        if prev is not None and prev.label_ == "PERSON" and (span.label_ == "PERSON" or misread_surname) \
                and (prev.start, prev.end) not in entries and (span.start, span.end) not in entries \
                and _joinable(doc, prev, span, gaz):
            taken.update(range(prev.end, span.start))
            out[-1] = Span(doc, prev.start, span.end, label="PERSON")
            continue
        out.append(span)
    for i, span in enumerate(out):
        e = span.end
        if e < len(doc) and gaz.particles.get(doc[e].text) == "after" and e not in taken \
                and (span.start, span.end) not in entries and span.label_ in ("PERSON",) + MISREAD_PERSON:
            taken.add(e)
            out[i] = Span(doc, span.start, e + 1, label="PERSON")
    return out


def _after_office(doc: Doc, k: int, gaz: Gazetteer) -> bool:
    """Token k follows a title or its portfolio ("... External Affairs Kirti") and is neither."""
    if k == 0 or doc[k].lower_ in gaz.portfolio:
        return False
    if any(j + gaz.title_at(doc, j) > k for j in range(max(0, k - gaz.max_title + 1), k)):
        return False            # inside a title ("Tan Sri", "Chief Executive")
    return doc[k - 1].lower_ in gaz.portfolio or any(
        j + gaz.title_at(doc, j) == k for j in range(max(0, k - gaz.max_title), k))


def _given_name_before(doc: Doc, span: Span, prev: Optional[Span], entries: dict, gaz: Gazetteer) -> int:
    """The start of a one-word given name right before a person span of one or two words, or
    the span's own start: a capitalised proper noun the model left out ("Daler" of "Daler
    Juma", "Kirti" of "Kirti Vardhan Singh", after a title
    or portfolio only) or read as a body ("Kanat" ORG of "Kanat
    Ospanov")."""
    k = span.start - 1
    if len(span) > 2 or k < 0 or doc[k].whitespace_ != " " or not (doc[k].is_title and doc[k].is_alpha):
        return span.start
    if prev is not None and prev.end > k and not (prev.start == k and prev.label_ in MISREAD_PERSON
                                                  and (prev.start, prev.end) not in entries):
        return span.start
    if doc[k].pos_ != "PROPN" or gaz.title_at(doc, k) or gaz.entry_for(doc[k].text) is not None \
            or gaz.is_head(doc[k].text) or doc[k].lower_ in CONNECTORS:
        return span.start
    if len(span) == 2 and not _after_office(doc, k, gaz):
        return span.start
    return k


def join_given_names(doc: Doc, chosen: list[Span], entries: dict, taken: set, gaz: Gazetteer) -> list[Span]:
    """A surname the model found, with the given name before it that it missed or misread,
    is one person ("Daler Juma", "Kanat Ospanov")."""
    out: list[Span] = []
    for span in chosen:
        if span.label_ == "PERSON" and (span.start, span.end) not in entries:
            prev = out[-1] if out else None
            start = _given_name_before(doc, span, prev, entries, gaz)
            if start < span.start:
                if prev is not None and prev.end > start:
                    out.pop()
                taken.add(start)
                span = Span(doc, start, span.end, label="PERSON")
        out.append(span)
    return out


def relabel_surnames(chosen: list[Span], entries: dict) -> list[Span]:
    """A one-word name the model read as a body or place that is the first or last word of a
    person named in the article is that person ("Nabiyev" after "Rashad Nabiyev", "Wang" after
    "Wang Li"). Names the gazetteer knows keep its label."""
    parts = set()
    for span in chosen:
        if span.label_ == "PERSON" and len(span) > 1:
            parts.update((span[0].text, span[-1].text))
    return [Span(span.doc, span.start, span.end, label="PERSON")
            if len(span) == 1 and span.label_ in MISREAD_PERSON and span.text in parts
            and (span.start, span.end) not in entries else span
            for span in chosen]


def peer_titles(doc: Doc, chosen: list[Span], gaz: Gazetteer) -> dict[tuple[int, int], str]:
    """The peerage title right before a person mention ("Baroness Keane" -> "Baroness")."""
    return {(span.start, span.end): doc[span.start - 1].text for span in chosen
            if span.label_ == "PERSON" and span.start > 0 and doc[span.start - 1].text in gaz.peerage}
