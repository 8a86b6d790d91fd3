"""Per-article canonical names and entity ids of the chosen mentions.

Gazetteer entries carry their canonical name; a person mentioned by surname joins the
fuller name mentioned in the article; an abbreviation introduced in brackets joins its full
form; mentions of one organisation take its fullest form; other names are canonical as
written without a leading "the". Every mention gets the ``entity_id`` of its canonical
entity, numbered in order of first mention."""

from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Doc, Span

from ...core.text import fold, squash, text_of


def normalise_name(text: str) -> str:
    """Straight apostrophes, single spaces, no leading article."""
    text = squash(fold(text))
    return re.sub(r"^(?:the|The|THE)\s+", "", text)


def _mention(span: Span, entry, peer: Optional[str]) -> dict:
    return {
        "start": span.start_char, "end": span.end_char, "text": span.text, "label": span.label_,
        "canonical": entry.canonical if entry else (
            span.text.title() if span.label_ == "GPE" and span.text.isupper() and len(span.text) > 3
            else normalise_name(span.text)),     # "ALMATY" -> "Almaty"
        "country": entry.country if entry else None,
        "role": entry.role if entry else None,
        "_gaz": entry is not None,
        "_peer": peer,
    }


def canonicalise(doc: Doc, spans: list[Span], entries: dict, peers: Optional[dict] = None) -> list[dict]:
    """The entity records of the chosen spans (``entries``: gazetteer entry by token bounds;
    ``peers``: the peerage title before a person mention, by token bounds)."""
    peers = peers or {}
    places = sorted((doc[s].idx, doc[e - 1].idx + len(doc[e - 1]), entry.country)
                    for (s, e), entry in entries.items()
                    if entry.label in ("GPE", "NORP") and entry.country)
    mentions = [_mention(span, entries.get((span.start, span.end)), peers.get((span.start, span.end)))
                for span in spans]
    link_people(mentions)
    keep_peerage(mentions)
    text = text_of(doc)      # built once per doc, shared by the stages (core.text)
    link_acronyms(text, mentions)
    for m in mentions:
        if m["label"] == "ORG" and m["country"] is None:
            m["country"] = country_inside(m, places) or possessor_country(text, m, places)
    group_orgs(mentions, places)
    ids: dict[tuple[str, str], int] = {}
    out = []
    for m in mentions:
        group = "GPE" if m["label"] in ("GPE", "LOC") else m["label"]
        key = (group, m["canonical"].casefold())
        ids.setdefault(key, len(ids))
        m["entity_id"] = ids[key]
        m.pop("_gaz")
        m.pop("_peer")
        out.append(m)
    return out


def link_people(mentions: list[dict]) -> None:
    """A surname (or a shorter form) joins the longest person name in the article ending
    (or, for surname-first names, starting) with it."""
    people = [m for m in mentions if m["label"] == "PERSON"]
    full = sorted({m["canonical"] for m in people}, key=lambda c: -len(c.split()))
    local = [m["canonical"] for m in people if not m["_gaz"] and len(m["canonical"].split()) > 1]
    for m in people:
        if m["_gaz"]:
            # article evidence beats the gazetteer: a bare "Saidov" after "Ilkhom Saidov"
            if " " not in m["text"].strip():
                mine = [n for n in local if n.split()[-1] == m["text"]]
                if len(set(mine)) == 1:
                    m["canonical"], m["country"], m["role"] = mine[0], None, None
            continue
        words = m["canonical"].split()
        for name in full:
            other = name.split()
            if len(other) < len(words):
                break
            if _initialled(words, other) or len(other) > len(words) and (
                    other[-len(words):] == words or other[:len(words)] == words):
                m["canonical"] = name
                src = next((p for p in people if p["canonical"] == name and p["_gaz"]), None)
                if src:
                    m["country"], m["role"] = src["country"], src["role"]
                break


def _initialled(words: list[str], other: list[str]) -> bool:
    """"B. Aloyev" / "B Aloyev" / "A. B. Surname" is the name "Bakhromjon Aloyev" with its given
    names cut to initials: same surname, each initial the first letter of a given name."""
    if len(words) != len(other) or len(words) < 2 or words[-1] != other[-1]:
        return False
    given = [w.rstrip(".") for w in words[:-1]]
    return all(len(g) == 1 and g.isupper() for g in given) and \
        all(o[:1] == g and len(o.rstrip(".")) > 1 for g, o in zip(given, other[:-1]))


def keep_peerage(mentions: list[dict]) -> None:
    """A peer the article names only by title and surname keeps the title in the canonical
    name ("Baroness Keane", also for a later bare "Keane"); a fuller name in the article or a
    gazetteer entry wins ("Lord Cameron" -> "David Cameron")."""
    people = [m for m in mentions if m["label"] == "PERSON" and not m["_gaz"]]
    titled = {m["canonical"]: m["_peer"] for m in people if m["_peer"] and " " not in m["canonical"]}
    for m in people:
        if m["canonical"] in titled:
            m["canonical"] = titled[m["canonical"]] + " " + m["canonical"]


def link_acronyms(text: str, mentions: list[dict]) -> None:
    """'European Commission (EC)': later mentions of EC get the full name."""
    aliases: dict[str, dict] = {}
    for m in mentions:
        if m["label"] not in ("ORG", "GPE", "NORP", "FAC", "EVENT", "LAW"):
            continue
        after = text[m["end"]:m["end"] + 14]
        found = re.match(r"\s*\(([A-Z][A-Za-z&.]{1,9})\)", after)
        if found:
            aliases[found.group(1)] = m
    for m in mentions:
        src = aliases.get(m["text"])
        if src is not None and src is not m and not m["_gaz"]:
            m["canonical"], m["label"], m["country"] = src["canonical"], src["label"], src["country"]


def _org_base(m: dict, places) -> list[str]:
    """The words of an organisation's name, lower-cased, without a trailing "of (the)
    <country>" named inside it."""
    words = normalise_name(m["text"]).split()
    inside = [(s, e) for s, e, _ in places if s >= m["start"] and e <= m["end"]]
    if inside and m["end"] == max(e for _, e in inside):
        last_start = max(s for s, _ in inside)
        cut = min(len(words), len(normalise_name(m["text"][:last_start - m["start"]]).split()))
        while cut > 0 and words[cut - 1].lower() in ("of", "the"):
            cut -= 1
        words = words[:cut] or words
    return [w.lower() for w in words]


def group_orgs(mentions: list[dict], places) -> None:
    """Mentions of one organisation get one canonical name: the fullest form written in
    the article ("African Development Bank" -> "African Development Bank Group";
    "China's Ministry of Commerce" -> "Ministry of Commerce of the People's Republic of
    China"). Forms join when a gazetteer entry, an acronym or the name itself (without
    "of <country>", compared word by word as a prefix) says they are one body of the
    same country."""
    orgs = [m for m in mentions if m["label"] == "ORG"]
    bases = [_org_base(m, places) for m in orgs]
    parent = list(range(len(orgs)))

    def find(i):
        while parent[i] != i:
            i = parent[i]
        return i

    for i, a in enumerate(orgs):
        for j in range(i):
            b = orgs[j]
            if a["country"] and b["country"] and a["country"] != b["country"]:
                continue
            same = a["canonical"].casefold() == b["canonical"].casefold()
            short, long_ = sorted((bases[i], bases[j]), key=len)
            prefix = len(short) >= 2 and long_[:len(short)] == short
            if same or prefix:
                parent[find(i)] = find(j)
    groups: dict[int, list[dict]] = {}
    for i, m in enumerate(orgs):
        groups.setdefault(find(i), []).append(m)
    for members in groups.values():
        fullest = max(members, key=lambda m: (len(normalise_name(m["text"])), -m["start"]))
        name = normalise_name(fullest["text"])
        country = next((m["country"] for m in members if m["country"]), None)
        for m in members:
            m["canonical"], m["country"] = name, country


def possessor_country(text: str, m: dict, places) -> Optional[str]:
    """"China's Ministry of Commerce", "the Uzbek Ministry of Energy": the country or
    nationality right before the name."""
    before = text[max(0, m["start"] - 40):m["start"]]
    gap = 4 if re.search(r"['’]s\s*$", before) else 1
    cands = [iso for s, e, iso in places if e <= m["start"] and m["start"] - e <= gap]
    return cands[-1] if cands else None


def country_inside(m: dict, places: list[tuple[int, int, str]]) -> Optional[str]:
    """The country of an organisation: the last country/adjective named inside it."""
    inside = [iso for s, e, iso in places if s >= m["start"] and e <= m["end"]]
    return inside[-1] if inside else None
