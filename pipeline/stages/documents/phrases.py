"""Pure text helpers over plain strings: document-type forms, list items, what follows a
document name (parties, subject), conjunct splitting, collective heads, counts."""

from __future__ import annotations

import functools
import re
from typing import Optional

from ...core.text import alternation, fold
from .grammar import run_start, strip_the, trim_span, DETERMINERS, INDEFINITE, PARTY_KINDS, DET_ALT
from .lexicon import Lexicon


@functools.lru_cache(maxsize=8)
def _folded(text: str) -> str:
    """``fold(text)``, remembered: find_types is called on the same article text once per
    list item and sentence, and folding it each time was quadratic on long lists."""
    return fold(text)


def find_types(text: str, lex: Lexicon, start: int = 0, end: Optional[int] = None) -> list[dict]:
    """Document-type forms in text[start:end]: dicts start, end, form, doc_type, plural, anaphoric."""
    end = len(text) if end is None else end
    out = []
    for m in lex.type_re.finditer(_folded(text), start, end):
        doc_type, plural, anaph = lex.doc_type(m.group(0))
        out.append({"start": m.start(), "end": m.end(), "form": text[m.start():m.end()],
                    "doc_type": doc_type, "plural": plural, "anaphoric": anaph})
    return out


def classify_type(text: str, lex: Lexicon) -> Optional[str]:
    """The doc_type of the first (singular) document form in ``text``, None if there is none."""
    for t in find_types(text, lex):
        return None if t["plural"] else t["doc_type"]
    return None


def list_marker(text: str, lex: Lexicon) -> Optional[re.Match]:
    """A list marker at the start of ``text`` (after spaces): bullet, number, ordinal with colon."""
    bullets = "|".join(re.escape(b) for b in sorted(lex.bullets, key=len, reverse=True)) or r"•"
    ordinals = "|".join(re.escape(o) for o in sorted(lex.ordinals, key=len, reverse=True)) or "first"
    pattern = (rf"^\s*(?:(?:{bullets})\s+|\(?(?:\d{{1,3}}|[a-zA-Z]|[ivxIVX]{{1,4}})[.)]\s+|(?i:{ordinals})\s*:\s*)")
    return re.match(pattern, text)


def split_items(block: str, lex: Lexicon, offset: int = 0) -> list[tuple[int, int]]:
    """Items of a run-together list: split at semicolons and inline markers ("; Second: ...",
    "; 2. ...", " • ..."); each item trimmed of its marker, a leading "and" and final
    punctuation. Returns (start, end) offsets (plus ``offset``)."""
    bullets = "|".join(re.escape(b) for b in sorted(lex.bullets, key=len, reverse=True)) or r"•"
    ordinals = "|".join(re.escape(o) for o in sorted(lex.ordinals, key=len, reverse=True)) or "first"
    # separators: ";" and newlines; inline markers after one of them or after ". "/": "
    sep = re.compile(run_start(r"\s*;\s*") + rf"|\n+|(?:(?<=[.:])|(?<=^))\s*(?=(?:(?i:{ordinals})\s*:|\(?\d{{1,3}}[.)]\s|(?:{bullets})\s))")
    out = []
    pos = 0
    pieces = []
    for m in sep.finditer(block):
        if m.start() == m.end() == pos and pos == 0:
            continue
        pieces.append((pos, m.start()))
        pos = m.end()
    pieces.append((pos, len(block)))
    pieces = [q for s, e in pieces for q in _split_at_documents(block, s, e, lex)]
    for s, e in pieces:
        seg = block[s:e]
        mk = list_marker(seg, lex)
        if mk:
            s += mk.end()
        lead = re.match(r"\s*(?:and|or)\s+", block[s:e])
        if lead:
            s += lead.end()
        cut = re.search(r"(?<![A-Z])\.\s+(?=[A-Z])", block[s:e])
        if cut:
            e = s + cut.start()
        s, e = trim_span(block, s, e)
        if e > s:
            out.append((s + offset, e + offset))
    return out


#: the start of a coordinated item of a run-together list that opens with a document name:
#: ", a memorandum on ...", ", and an agreement on ...", " and the protocol ..." (determiner, up to
#: three modifiers, then the name: find_types)
_ITEM_OPEN = re.compile(r"(?:\s*,\s*(?:and\s+|as\s+well\s+as\s+)?|\s+(?:and|as\s+well\s+as)\s+)"
                        r"(?P<det>\b(?:" + alternation(INDEFINITE | {"the"}) + r"))\s+(?:[\w’'-]+\s+){0,3}$", re.I)


#: characters before a document name searched for its item opening
_ITEM_WINDOW = 80


def _split_at_documents(block: str, s: int, e: int, lex: Lexicon) -> list[tuple[int, int]]:
    """block[s:e] cut before each coordinated item that opens with its own singular document name
    ("a memorandum on X, an agreement on Y, and a memorandum on Z": three items), never inside
    a name's description without a separator ("a supplementary agreement to the general contract")."""
    out, pos = [], s
    for t in find_types(block, lex, s, e):
        if t["plural"] or t["start"] <= pos:
            continue
        # a bounded window before the name (a run of spaces must not make the search quadratic)
        m = _ITEM_OPEN.search(block, max(pos, t["start"] - _ITEM_WINDOW), t["start"])
        if m and m.start() > pos:
            out.append((pos, m.start()))
            pos = m.start("det")
    out.append((pos, e))
    return out


_TWO_WORDS = re.compile(r"\s*(\S+)(?:\s+(\S+))?")


def _marker_at(text: str, pos: int, lex: Lexicon, party_zone: bool) -> Optional[tuple[int, int]]:
    """A subject marker starting at ``pos``: (marker start, subject start) or None. Reads only
    the marker and the two words after it (linear over a scan of every position)."""
    if pos >= len(text) or text[pos].isspace():
        return None
    longest = len(lex.subject_markers[0]) if lex.subject_markers else 0
    low = text[pos:pos + longest + 1].lower()
    for mk in lex.subject_markers:
        if low.startswith(mk) and (pos + len(mk) == len(text) or not low[len(mk)].isalnum()):
            after = pos + len(mk)
            words = _TWO_WORDS.match(text, after)
            if not words:
                return None
            if mk in ("for", "to", "about") or (party_zone and mk != "on"):
                # a party name goes on: "Agency for Strategic Planning", "Centre for ..."
                first = words.group(2) if words.group(1).lower() == "the" and words.group(2) else words.group(1)
                if party_zone and first[:1].isupper() and mk in ("for", "to", "about"):
                    return None
            return pos, words.start(1)
    return None


def parse_after_type(text: str, type_end: int, end: int, lex: Lexicon,
                     protected: list[tuple[int, int]] = ()) -> dict:
    """What follows a document name within text[type_end:end]: the parties ("between A and
    B" / "with B") and the subject ("on X", "in the field of X", "to X"). Returns offsets:
    {"parties": (s, e) or None, "party_kind": "between"|"with"|None, "subject": (s, e) or None}."""
    out = {"parties": None, "party_kind": None, "subject": None}
    pos = type_end
    # skip spaces and a parenthesised short form "(MOU)"
    while True:
        m = re.match(r"\s*\([^()]{1,40}\)", text[pos:end])
        if m:
            pos += m.end()
            continue
        break
    ws = re.match(r"\s*", text[pos:end])
    pos += ws.end()
    low = text[pos:end].lower()
    kind = next((k for k in PARTY_KINDS if low.startswith(k + " ")), None)
    if kind:
        zone_start = pos + len(kind) + 1
        j = zone_start
        zone_end = end
        while j < end:
            if text[j - 1] == " " and (not any(s <= j < e for s, e in protected) or _after_country(text, j, lex)):
                mk = _marker_at(text, j, lex, party_zone=True)
                if mk and j > zone_start:
                    zone_end = j - 1
                    break
            j += 1
        ps, pe = trim_span(text, zone_start, zone_end)
        if pe > ps:
            out["parties"], out["party_kind"] = (ps, pe), kind
        pos = zone_end
        pos += len(re.match(r"\s*", text[pos:end]).group(0))
    mk = _marker_at(text, pos, lex, party_zone=False) if pos < end else None
    if not mk and not kind and pos < end:
        # "Programme of economic cooperation", "Treaty of Friendship": "of" + a bare noun phrase
        # (not "of the two leaders", "of Kazakhstan", "of the Government of X")
        om = re.match(r"of\s+(?=[\w’'-])", text[pos:end])
        if om:
            nxt = text[pos + om.end():end]
            head = re.split(r",|\s+(?:between|with)\s", nxt)[0]
            words = re.findall(r"[\w’'-]+", head)
            titled = bool(words) and words[0][:1].isupper() and all(
                w.lower() in lex.relationship_words or w.lower() in ("and", "of") for w in words)
            if not re.match(rf"(?:{DET_ALT})\b", nxt, re.I) \
                    and not lex.country_re.match(fold(nxt)) and not lex.institution_re.match(nxt) and not titled:
                # (a capitalised relationship name is no subject: "Treaty of Good-Neighbourliness")
                mk = (pos, pos + om.end())
            elif titled and re.match(r"\s+(?:between|with)\s", nxt[len(head):]):
                # "Programme of Cooperation between the Ministry of X and the Ministry of Y for 2025-2027":
                # the title is a name; the between-phrase after it names the parties
                rest = parse_after_type(text, pos + om.end() + len(head), end, lex, protected)
                if rest["parties"]:
                    return rest
    if mk:
        ss, se = trim_span(text, mk[1], end)
        if se > ss:
            out["subject"] = (ss, se)
    return out


def _after_country(text: str, j: int, lex: Lexicon) -> bool:
    """Does text[:j] end with "of (the) <country>" (an institution name complete with its
    country: "Ministry of Energy of Kyrgyzstan | on the Kambarata HPP")? A subject marker there
    opens the subject even when an entity span runs on over it."""
    m = re.search(r"\bof\s+(?:the\s+)?(\S+(?:\s+\S+){0,3}?)\s+$", fold(text[max(0, j - 60):j]))
    if not m:
        return False
    tail = m.group(1)
    cm = lex.country_re.search(tail)
    return bool(cm) and cm.end() == len(tail) and lex.is_country_name(tail[cm.start():]) is not None


def parse_subject(text: str, lex: Lexicon) -> Optional[str]:
    """The subject of a document description ("Agreement between A and B on X;" -> "X")."""
    for t in find_types(text, lex):
        r = parse_after_type(text, t["end"], len(text), lex)
        return text[r["subject"][0]:r["subject"][1]] if r["subject"] else None
    return None


def split_conjuncts(text: str, start: int, end: int, protected: list[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """Split a list of parties text[start:end] at ", " / " and " / " as well as " outside the
    protected spans (entity mentions). When the list joins parties with "and the", only that
    join splits, so that "Agency for Planning and Reform" stays whole. An "and" between two
    lowercase words ("Uzbekistan's state oil and gas company Uzbekneftegaz") joins the words of
    a descriptor, not two parties (a party is a name, or a determiner/number + a common noun)."""
    zone = text[start:end]
    strong = re.compile(run_start(r"(?:\s*,\s*(?:and\s+)?(?=the\s)|\s+(?:and|as well as|&)\s+(?=the\s))"), re.I)
    weak = re.compile(run_start(r"(?:\s*,\s*(?:and\s+)?|\s+(?:and|as well as|&)\s+)"), re.I)
    seps = list(strong.finditer(zone))
    if not seps or not re.match(r"the\s", zone, re.I):
        seps = list(weak.finditer(zone))
    cuts = []
    for m in seps:
        a = start + m.start()
        if any(s < a < e for s, e in protected):
            continue
        if "," not in m.group(0):
            left = re.search(r"([\w’'-]+)\s*$", zone[:m.start()])
            right = re.match(r"\s*([\w’'-]+)", zone[m.end():])
            if left and right and left.group(1).islower() and right.group(1).islower() \
                    and right.group(1).isalpha() and right.group(1).lower() not in DETERMINERS:
                continue  # "oil and gas company X": one descriptor
        cuts.append((start + m.start(), start + m.end()))
    out, pos = [], start
    for a, b in cuts:
        s, e = trim_span(text, pos, a)
        if e > s:
            out.append((s, e))
        pos = b
    s, e = trim_span(text, pos, end)
    if e > s:
        out.append((s, e))
    return out


def adjective_parties(text: str, lex: Lexicon) -> Optional[list[dict]]:
    """"the Kazakh and Russian Governments" -> Government of Kazakhstan, Government of Russia;
    "the Kazakh and Russian presidents" -> Kazakhstan, Russia. None if not that pattern."""
    t = fold(strip_the(text))
    # "<adjectives> <head>": the head ends the text after a whitespace run (found from the
    # head's side: no lazy prefix re-scanning a long run of spaces)
    m = re.search(rf"(?<=\S)\s+({lex.heads_alt})$", t, re.I) if lex.heads_alt else None
    if not m:
        return None
    adjs = [a for a in re.split(run_start(r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)"), t[:m.start()]) if a]
    isos = []
    for a in adjs:
        am = lex.adjective_re.fullmatch(a) or lex.country_re.fullmatch(a)
        if not am:
            return None
        isos.append(lex.country_of[am.group(0)])
    if len(isos) < 2:
        return None
    singular, kind = lex.heads[m.group(1).lower()]
    out = []
    for iso in isos:
        name = lex.country_name.get(iso, iso)
        out.append({"party": f"{singular} of {name}" if kind == "institution" else name,
                    "party_entity_id": None, "country": iso})
    return out


def collective_head(text: str, lex: Lexicon) -> Optional[tuple[str, str]]:
    """"the two sides" / "both Governments" / "the two countries' delegates" -> (singular, kind)."""
    t = fold(text).strip().lower()
    heads, quant = lex.heads_alt, alternation(lex.quantifiers)
    # an optional possessor that is itself a party head ("the two countries' delegates")
    # ... and an optional "of the two countries" naming the sides ("the ministries of energy of the two countries")
    m = re.match(rf"^(?:(?:{quant})\s+)+(?:(?:{heads})'\s+)?({heads})(?:\s+of\s+([a-z][a-z ,-]*?))?"
                 rf"(?:\s+of\s+(?:(?:{quant})\s+)+(?:{heads}))?$", t)
    if not m:
        return None
    singular, kind = lex.heads[m.group(1)]
    if m.group(2) and kind == "institution":
        # "the ministries of agriculture" -> each side's "Ministry of Agriculture"
        return f"{singular} of " + " ".join(w if w in ("and", "of", "the") else w.capitalize()
                                             for w in m.group(2).split()), kind
    if m.group(2):
        return None
    return singular, kind


def count_of(text: str, lex: Lexicon) -> Optional[int]:
    """The number stated in a collective object ("24 agreements", "two memoranda")."""
    for w in re.findall(r"[\w,]+", text):
        w2 = w.replace(",", "")
        if w2.isdigit() and len(w2) <= 4:
            return int(w2)
        if w.lower() in lex.numbers:
            return lex.numbers[w.lower()]
    return None
