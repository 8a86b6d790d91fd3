"""Party text: pure functions that take a party phrase down to the name of the body it names
(no dateline, time, descriptor or locating place around it) and that read the phrase shapes
naming several bodies or the sides at once. Words and patterns come from party_trims.tsv and
body_heads.tsv (models/documents/); the functions read only their arguments."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from ...core.stage import read_tsv
from ...core.text import alternation, fold
from .grammar import run_start

NEVER = re.compile(r"(?!x)x")
NAME = r"[A-Z][\w'’.&-]*(?:\s+(?:(?:of|and|de|&)\s+)?[A-Z0-9][\w'’.&-]*){0,5}"


@dataclass(frozen=True)
class PartyWords:
    """The words and patterns of party_trims.tsv and body_heads.tsv."""

    leads: tuple = ()                     # compiled patterns removed from a phrase's start
    tail_re: re.Pattern = NEVER           # removed from its end once a time is cut off
    place_link_re: re.Pattern = NEVER     # "in" before a trailing place
    determiners: frozenset = frozenset()  # "our", "the", "both": a phrase of people for the sides
    after_head: frozenset = frozenset()   # "concerned": closes such a phrase ("the ministers concerned")
    possessives: frozenset = frozenset()  # "our": such a phrase names the sides, never "<Institution> of X"
    body_of: dict = field(default_factory=dict)  # lower singular or plural -> (singular, is_plural)
    side_words: frozenset = frozenset()   # "side", "party": a collective of them names no kind of body
    after_name_re: re.Pattern = NEVER     # a preposition opening what a deal is about, after the name
    name_tail_re: re.Pattern = NEVER      # "for the Pacific" after an institution head: the name's own
    org_pronouns: frozenset = frozenset()  # "it": a signer standing for the organisation named before
    person_cues: frozenset = frozenset()  # "chief executive", "counterpart": words introducing a person
    report_verbs: frozenset = frozenset()  # "announces": the name before it is what "it" stands for
    context_countries: tuple = ()  # (word regex, iso2, cue regex, against regex) of context_countries.tsv

    @classmethod
    def load(cls, folder: Path) -> "PartyWords":
        rows = read_tsv(folder / "party_trims.tsv") if (folder / "party_trims.tsv").exists() else []
        of_kind = lambda k: [r["pattern"] for r in rows if r["kind"].strip() == k]
        body_of = {}
        if (folder / "body_heads.tsv").exists():
            for r in read_tsv(folder / "body_heads.tsv"):
                sing, plur = r["singular"].strip().lower(), r["plural"].strip().lower()
                body_of[sing], body_of[plur] = (sing, False), (sing, True)
        ctx = []
        if (folder / "context_countries.tsv").exists():
            for r in read_tsv(folder / "context_countries.tsv"):
                ctx.append((re.compile(rf"(?<!\w){re.escape(r['word'].strip())}(?!\w)"), r["iso2"].strip(),
                            re.compile(r["cues"].strip()), re.compile(r["against"].strip()) if r["against"].strip() else NEVER))
        # tried only where a whitespace run starts (linear in a long run of spaces)
        one = lambda ps: re.compile(run_start("(?:" + "|".join(f"(?:{p})" for p in ps) + ")")) if ps else NEVER
        return cls(leads=tuple(re.compile(p) for p in of_kind("lead")), tail_re=one(of_kind("tail")),
                   place_link_re=one(of_kind("place_link")),
                   determiners=frozenset(w.strip().lower() for w in of_kind("determiner")),
                   after_head=frozenset(w.strip().lower() for w in of_kind("after_head")),
                   possessives=frozenset(w.strip().lower() for w in of_kind("possessive")), body_of=body_of,
                   side_words=frozenset(w.strip().lower() for w in of_kind("side_word")),
                   org_pronouns=frozenset(w.strip().lower() for w in of_kind("org_pronoun")),
                   person_cues=frozenset(w.strip().lower() for w in of_kind("person_cue")),
                   context_countries=tuple(ctx),
                   report_verbs=frozenset(w.strip().lower() for w in of_kind("report_verb")),
                   name_tail_re=re.compile("|".join(f"(?:{p})" for p in of_kind("name_tail")) or NEVER.pattern),
                   after_name_re=re.compile("|".join(f"(?:{p})" for p in of_kind("after_name")) or NEVER.pattern))

    @property
    def body_alt(self) -> str:
        return alternation(self.body_of)


def strip_leads(text: str, s: int, e: int, words: PartyWords) -> int:
    """The start of text[s:e] past the material before a party's name: a dateline ("ABU DHABI:
    The UAE", "Quang Ninh (VNA) – The province"), people standing for the body ("Officials from
    the Almaty region"), a lowercase possessor ("the republic's Investment Agency"). An article
    goes only with such material after it."""
    while s < e:
        at = [s]
        lead = re.match(r"(?:the|The)\s+", text[s:e])
        if lead:
            at.append(s + lead.end())
        m = next((m for k in at for p in words.leads for m in [p.match(text, k, e)] if m and m.end() < e), None)
        if m is None:
            return s
        s = m.end()
    return s


def cut_time(text: str, s: int, e: int, dates: list[dict], words: PartyWords) -> int:
    """The end of text[s:e] before a time written after the name ("Odisha government on
    Tuesday", "Guangxi Zhuang Autonomous Region on March 13"): a date record starting inside
    the phrase after its first word and running to its end cuts it, with the preposition before."""
    for d in dates:
        if s < d["start"] < e and d["end"] >= e - 1 and not text[d["start"] - 1].isalnum() \
                and re.search(r"\w", text[s:d["start"]]):
            cut = d["start"]
            m = words.tail_re.search(text, s, cut)
            if m:
                cut = m.start()
            return cut if cut > s else e
    return e


def country_possessor(raw: str, country_re: re.Pattern, country_of: dict) -> Optional[tuple[int, str]]:
    """"northwest China's Xinjiang Uygur Autonomous Region", "Kazakhstan's Almaty region",
    "Egypt's National Authority for Tunnels": (offset of the name after the possessor, the
    possessor's ISO2) when a country possessive (after at most two lowercase words) opens
    ``raw`` and a capitalised name follows; else None."""
    m = re.match(r"(?:[a-z][\w-]*\s+){0,2}", raw)
    cm = country_re.match(fold(raw), m.end())
    if not cm:
        return None
    pm = re.match(r"['’]s?\s+(?=[A-Z0-9])", raw[cm.end():])
    if not pm:
        return None
    return cm.end() + pm.end(), country_of[cm.group(0)]


def descriptor_before(raw: str, appositive_heads: frozenset, words: PartyWords) -> tuple[int, bool]:
    """(the offset of the name after a lowercase descriptor, whether a body head named it): a
    descriptor ending in an organisation head ("state power company Uzbekenergo"), or words + a
    body head + "of" ("the northern border province of Quang Ninh", "the cities of Harbin");
    (0, False) when there is none ("the city of Taraz" is the name's own form)."""
    # a place may come before the descriptor ("the Tashkent city transport company Toshshahartransxizmat")
    pm = re.match(r"(?:the\s+)?[A-Z][\w'’-]*\s+((?:[a-z][\w-]*\s+)+)(?=[A-Z0-9])", raw)
    if pm and pm.group(1).split()[-1] in appositive_heads:
        return pm.end(), False
    m = re.match(r"(?:the\s+)?((?:[a-z][\w-]*\s+)+)(?=[A-Z0-9])", raw)
    if not m:
        return 0, False
    lower = m.group(1).split()
    if lower[-1] in appositive_heads:
        return m.end(), False
    if lower[-1] == "of" and len(lower) >= 2 and lower[-2] in words.body_of:
        plural = words.body_of[lower[-2]][1]
        if plural or len(lower) >= 3:
            return m.end(), True
    return 0, False


def descriptor_after(raw: str, appositive_heads: frozenset) -> int:
    """The end of a name followed by a lowercase descriptor ending in an organisation head
    ("TALCO aluminium company" -> "TALCO"); len(raw) when there is none."""
    m = re.fullmatch(rf"({NAME})((?:\s+[a-z][\w-]*)+)", raw)
    if m and m.group(2).split()[-1] in appositive_heads:
        return m.end(1)
    return len(raw)


def place_after(text: str, s: int, e: int, places: list[dict], orgs: list[dict], words: PartyWords) -> int:
    """The end of a name before a place that only locates it ("Northwest University in Xi'an",
    "Tsinghua University in Beijing"): a place mention ending the phrase after "in", or a
    capitalised name after "in" right after an organisation mention; e when there is none."""
    for p in places:
        if s < p["start"] and p["end"] >= e - 1:
            m = next((m for m in words.place_link_re.finditer(text, s, p["start"]) if m.end() == p["start"]), None)
            if m and re.match(r"[A-Z]", text[s:m.start()]):
                return m.start()
    for o in orgs:
        if s <= o["start"] and o["end"] < e:
            m = words.place_link_re.match(text, o["end"], e)
            if m and re.fullmatch(NAME, text[m.end():e].strip()):
                return o["end"]
    return e


def coordinated_bodies(raw: str, words: PartyWords) -> Optional[list[str]]:
    """"the Osh and Andijan regions" -> ["Osh region", "Andijan region"]: two or more names
    sharing one plural body head, a lowercase common noun ("Dubai-based Emirates" is a name);
    None for any other phrase."""
    parts = raw.split()
    if len(parts) < 4 or not parts[-1].islower() or words.body_of.get(parts[-1], ("", False))[1] is False:
        return None
    singular = words.body_of[parts[-1].lower()][0]
    head = raw.rstrip()[:-len(parts[-1])].strip()
    head = head[4:] if head[:4].lower() == "the " else head
    names = [n for n in re.split(run_start(r"\s*,\s*(?:and\s+)?|\s+and\s+"), head) if n]
    if len(names) < 2 or not all(re.fullmatch(NAME, n) for n in names):
        return None
    return [f"{n} {singular}" for n in names]


def heads_of_countries(raw: str, heads_alt: str, country_re: re.Pattern, country_of: dict) -> Optional[list[str]]:
    """"Presidents of Kyrgyzstan and Uzbekistan Sadyr Japarov and Shavkat Mirziyoyev", "the
    foreign ministers of Chile and Peru": people of two or more countries named after a plural
    head -> the countries' ISO2 codes in order; None for any other phrase."""
    if not heads_alt:
        return None
    m = re.match(rf"(?:the\s+)?(?:{heads_alt})\s+of\s+(?:the\s+)?", fold(raw), re.I)
    if not m:
        return None
    rest, isos = fold(raw)[m.end():], []
    while True:
        cm = country_re.match(rest)
        if not cm:
            break
        isos.append(country_of[cm.group(0)])
        sep = re.match(r"\s*,\s*(?:and\s+)?(?:the\s+)?|\s+and\s+(?:the\s+)?", rest[cm.end():])
        if not sep:
            rest = rest[cm.end():]
            break
        rest = rest[cm.end() + sep.end():]
    if len(isos) < 2 or re.match(r"[\w'’-]", rest):
        return None
    return isos


def side_people(raw: str, heads: dict, words: PartyWords, country_re: re.Pattern) -> bool:
    """Does ``raw`` name people or bodies standing for the sides without naming a side ("our
    ministers of education", "the Ministers of Transport", "the ministers concerned", "the heads
    of the two border guard services", "our central banks")? A plural party head (party_heads.tsv)
    after determiners, with an "of" phrase or "concerned" after it, and no country in it."""
    t = fold(raw).strip().lower()
    if country_re.search(fold(raw)) or not heads:
        return False
    dets = alternation(words.determiners) if words.determiners else "(?!x)x"
    m = re.match(rf"(?:(?:{dets})\s+)*({alternation(heads)})(?=\s|$)", t)
    if not m:
        return False
    rest = t[m.end():].strip()
    lead = re.match(rf"(?:{dets})\s+", t)
    if not rest:
        return bool(lead)  # "our central banks"; a bare "ministers" may be anyone's
    if rest in words.after_head:
        return True
    of = re.fullmatch(rf"of\s+(?:(?:{dets})\s+)*[a-z][a-z ,-]*", rest)
    return bool(of)


def descriptor_parts(raw: str, appositive_heads: frozenset, det_alt: str) -> Optional[tuple[int, int]]:
    """Is ``raw`` a descriptor set off after a name ("the national railway operator", "ADNOC's
    international investment arm", "the fuel company of Rosatom", "the world's largest maker of
    electric vehicle batteries", "a Chinese carmaker")? An optional determiner, an optional
    possessor (a capitalised name or a lowercase noun with 's) or capitalised adjective, lowercase
    words ending in a descriptor head (appositive_heads.txt), optionally "of" + anything.
    Returns (where the lowercase words start, where an "of" tail starts or len(raw)): names may
    stand only before the first or after the second; None when ``raw`` is no descriptor."""
    m = re.match(rf"(?:(?i:{det_alt}|one\s+of)\s+)?(?:(?:[A-Z][\w .&'’-]*?|[a-z]+)['’]s?\s+|[A-Z][\w-]*\s+)?", raw)
    rest = raw[m.end():]
    wm = re.match(r"((?:[a-z0-9][\w-]*\s+)*?[a-z0-9][\w-]*)(\s+of\s+\S.*)?$", rest)
    if not wm or wm.group(1).split()[-1] not in appositive_heads:
        return None
    return m.end(), m.end() + (wm.start(2) if wm.group(2) else len(rest))


def name_before_purpose(raw: str, words: PartyWords, ends: tuple = (), heads: Optional[re.Pattern] = None) -> int:
    """The end of a name followed by what the deal is about or a time ("Aluminium of Kazakhstan on
    a second anode plant", "University of Dar es Salaam, on joint PhD supervision", "the European
    Union in recent years"): a capitalised name (or one of ``ends``, where names the entities stage
    found end, or its first comma), then an ``after_name`` preposition of party_trims.tsv and a lowercase word;
    len(raw) when there is none. A ``name_tail`` to the phrase's end after a word that ``heads``
    matches (an institution head) is the name's own ("Australian Infrastructure Financing Facility
    for the Pacific")."""
    m = re.match(rf"(?:the\s+)?{NAME}", raw)
    comma = raw.find(",")
    for end in ([m.end()] if m else []) + list(ends) + ([comma] if comma > 0 else []):
        if 0 < end < len(raw) and words.after_name_re.match(raw, end):
            last = raw[:end].split()[-1]
            if heads is not None and heads.fullmatch(last) and words.name_tail_re.fullmatch(raw, end):
                continue
            return end
    return len(raw)


def nationality_person(raw: str, words: PartyWords, country_in) -> Optional[str]:
    """The country of a person written by nationality and role alone ("his Argentine
    counterpart", "the Qatari minister", "their Omani colleagues"): an optional lowercase
    determiner, a capitalised word ``country_in`` reads as a country, lowercase words, the last a
    ``person_cue`` of party_trims.tsv; its ISO2, else None."""
    m = re.fullmatch(r"(?:[a-z]+\s+)?([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)((?:\s+[a-z][\w-]*)+)", raw.strip())
    if not m:
        return None
    last = m.group(2).split()[-1].lower()
    if last not in words.person_cues and last.rstrip("s") not in words.person_cues:
        return None
    return country_in(m.group(1))


def introduced_as_person(text: str, starts: list[int], title_re: re.Pattern, cues: frozenset) -> bool:
    """Is a name written at ``starts`` in ``text`` introduced as a person anywhere: a title
    (person_titles.txt) or a ``person_cue`` word ("chief executive", "counterpart") among the
    five words before one of its mentions, in the same sentence?"""
    for start in starts:
        before = re.split(r"[.!?;:]\s", text[max(0, start - 60):start])[-1]
        words = re.findall(r"[\w'’-]+", before)[-5:]
        if title_re.search(" ".join(words)) or any(w.lower() in cues for w in words):
            return True
    return False


def settled_countries(text: str, rules: tuple) -> list[tuple[re.Pattern, str]]:
    """The shared country words (context_countries.tsv) the article ``text`` settles: (the word's
    pattern, its ISO2) for each rule whose cue occurs in the text and whose counter-cue does not
    ("Korea" is South Korea in an article naming Seoul and no DPRK)."""
    return [(word, iso) for word, iso, cue, against in rules if cue.search(text) and not against.search(text)]
