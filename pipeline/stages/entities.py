"""Entities: the model's NER corrected by gazetteers, full institution names, and
per-article canonical names.

Three sources of mentions, in order of precedence when they overlap:

1. institution names: a run of capitalised words joined by of/for/and/on/the that
   contains a head noun from ``institution_heads.txt`` ("Agency for Strategic Planning and
   Reform of the Republic of Kazakhstan") is one ORG span; the country named inside it
   (or an adjective before it) gives the ORG's country;
2. gazetteer matches (``countries.tsv``: names, official names, abbreviations -> GPE,
   adjectives and demonyms -> NORP, capitals -> GPE; ``people.tsv`` -> PERSON;
   ``organisations.tsv`` -> their label), each with its canonical name and country;
3. the statistical NER (titles such as "President" trimmed from PERSON spans).

Canonicalisation is per article: gazetteer entries carry their canonical name; a person
mentioned by surname ("Hill") joins the fuller name mentioned in the article ("Hugh Hill");
an abbreviation introduced in brackets ("European Commission (EC)") joins its full form;
other names are canonical as written without a leading "the". Every mention gets the
``entity_id`` of its canonical entity, numbered in order of first mention.

Numeric entities (DATE, MONEY, CARDINAL, ...) stay in ``doc.ents`` for later stages but
are not entity records: they have tables of their own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..core.paths import other_stage_path, stage_data_dir
from ..core.text import fold, squash
from ..core.stage import Stage, read_country_table, read_lines, read_tsv, split_cell

NUMERIC_LABELS = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"}
CONNECTORS = {"of", "for", "and", "on", "the", "de", "du", "des", "'s", "’s", "&", "-", "in", "to",
              "regarding", "concerning", "under"}
ACRONYM = re.compile(r"^[A-Z][A-Z&.]{1,9}$")


def normalise_name(text: str) -> str:
    """Straight apostrophes, single spaces, no leading article."""
    text = squash(fold(text))
    return re.sub(r"^(?:the|The|THE)\s+", "", text)


@dataclass
class Entry:
    label: str
    canonical: str
    country: Optional[str] = None
    role: Optional[str] = None
    surname_first: bool = False


class Gazetteer:
    """The entity lists of models/entities, as phrase patterns with their entries."""

    def __init__(self, folder):
        self.entries: list[Entry] = []
        self.patterns: dict[str, list[int]] = {}     # surface form -> entry indices
        self.country_by_adjective: dict[str, str] = {}
        self.country_names: dict[str, str] = {}       # iso2 -> short name
        for row in read_country_table(folder / "countries.tsv"):
            iso = row["iso2"]
            name = row["name"]
            self.country_names[iso] = name
            gpe = self._add(Entry("GPE", name, iso))
            for form in [name] + row["aliases"]:
                self._pattern(form, gpe)
            adjectives = row["adjectives"]
            demonyms = row["demonyms"]
            if adjectives or demonyms:
                norp = self._add(Entry("NORP", (adjectives or demonyms)[0], iso))
                for form in adjectives + demonyms:
                    self._pattern(form, norp)
                    self.country_by_adjective.setdefault(form.lower(), iso)
            for capital in row["capitals"]:
                self._pattern(capital, self._add(Entry("GPE", capital.split(",")[0], iso)))
        for row in read_tsv(folder / "people.tsv"):
            entry = Entry("PERSON", row["canonical"].strip(), row.get("country") or None,
                          (split_cell(row.get("role")) or [None])[0],
                          (row.get("surname_first") or "").strip().lower() == "yes")
            index = self._add(entry)
            for form in [entry.canonical] + split_cell(row.get("aliases")):
                self._pattern(form, index)
        for row in read_tsv(folder / "organisations.tsv"):
            entry = Entry((row.get("label") or "ORG").strip(), row["canonical"].strip(),
                          row.get("country") or None)
            index = self._add(entry)
            for form in [entry.canonical] + split_cell(row.get("aliases")):
                self._pattern(form, index)
        self.heads = {w.lower() for w in read_lines(folder / "institution_heads.txt")}
        self.place_nouns = {w.lower() for w in read_lines(folder / "place_nouns.txt")}
        self.generic_names = {w.lower() for w in read_lines(folder / "generic_names.txt")}
        self.max_generic = max((len(g.split()) for g in self.generic_names), default=1)
        self.portfolio = {w.lower() for w in read_lines(folder / "portfolio_words.txt")}
        self.name_heads: dict[str, list[dict]] = {}
        for row in read_tsv(folder / "name_heads.tsv"):
            self.name_heads.setdefault(row["head"].lower(), []).append(row)
        self.titles = {tuple(w.rstrip(".") for w in t.lower().split()) for t in read_lines(folder / "titles.txt")}
        self.max_title = max((len(t) for t in self.titles), default=0)
        self.forget_doc()

    def title_at(self, doc: Doc, k: int) -> int:
        """Length in tokens of the title starting at token k ("Secretary of State"), or 0.
        The stage asks this many times per token: each doc's title words are computed once
        and every answer is kept until the next doc."""
        if k < 0:   # a slice from the end: as Python slices it
            for n in range(min(self.max_title, len(doc) - k), 0, -1):
                if tuple(t.lower_.rstrip(".") for t in doc[k:k + n] if t.text != ".") in self.titles:
                    return n
            return 0
        if doc is not self._title_doc:
            self._title_doc = doc
            self._title_words = [t.lower_.rstrip(".") if t.text != "." else None for t in doc]
            self._title_memo = {}
        found = self._title_memo.get(k)
        if found is None:
            found = self._title_memo[k] = self._longest_title(self._title_words, k, min(self.max_title, len(doc) - k))
        return found

    def _longest_title(self, words: list, k: int, longest: int) -> int:
        for n in range(longest, 0, -1):
            if tuple(w for w in words[k:k + n] if w is not None) in self.titles:
                return n
        return 0

    def forget_doc(self) -> None:
        """Drop the per-doc title cache (at the start of each doc)."""
        self._title_doc, self._title_words, self._title_memo = None, [], {}

    def _add(self, entry: Entry) -> int:
        self.entries.append(entry)
        return len(self.entries) - 1

    def _pattern(self, form: str, index: int) -> None:
        variants = {form, form.replace("'", "’")}
        if self.entries[index].label == "GPE" and len(form) > 3 and form.upper() != form:
            variants.add(form.upper())          # datelines: "TASHKENT."
        for variant in variants:
            self.patterns.setdefault(variant, [])
            if index not in self.patterns[variant]:
                self.patterns[variant].append(index)

    def entry_for(self, surface: str) -> Optional[Entry]:
        """The entry for a surface form; an ambiguous form (two entries) gives None."""
        found = self.patterns.get(surface) or self.patterns.get(fold(surface))
        if not found:
            return None
        entries = {(self.entries[i].label, self.entries[i].canonical) for i in found}
        if len(entries) == 1:
            return self.entries[found[0]]
        # "U.S." is both the country and its adjective: the country name wins
        countries = {self.entries[i].country for i in found}
        gpe = [self.entries[i] for i in found if self.entries[i].label == "GPE"]
        if len(countries) == 1 and len(gpe) == 1:
            return gpe[0]
        return None

    def is_head(self, word: str) -> bool:
        w = word.lower()
        return w in self.heads or (w.endswith("s") and w[:-1] in self.heads)


def currency_nouns(table: Optional[str]) -> frozenset:
    """Last words of currency names ("dollars", "yuan") from the money stage's table."""
    path = other_stage_path(table, "money", "currencies.tsv")
    words = set()
    for row in read_tsv(path):
        for cell in split_cell(row.get("words")) + split_cell(row.get("generic")):
            last = cell.split()[-1]
            if last.isalpha():
                words.add(last.lower())
    return frozenset(words)


class EntityStage(Stage):
    def __init__(self, nlp, name: str, data_dir: Optional[str] = None, currency_table: Optional[str] = None):
        super().__init__(nlp, name)
        self.gaz = Gazetteer(stage_data_dir("entities", data_dir))
        self.currency_nouns = currency_nouns(currency_table)
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        for form in self.gaz.patterns:
            self.matcher.add(form, [nlp.make_doc(form)])
        self.vocab = nlp.vocab

    # -- mention sources --------------------------------------------------------------
    def gazetteer_spans(self, doc: Doc) -> list[tuple[Span, Entry]]:
        out = []
        for match_id, start, end in self.matcher(doc):
            surface = self.vocab.strings[match_id]
            entry = self.gaz.entry_for(surface)
            if entry is None:
                continue
            span = doc[start:end]
            if entry.label == "NORP" and span.text[:1].islower():
                continue
            if end < len(doc) and doc[end].lower_ in self.currency_nouns:
                continue            # "U.S. dollars", "Australian dollar": part of a currency name
            out.append((Span(doc, start, end, label=entry.label), entry))
        return out

    def capitalised_runs(self, doc: Doc) -> list[tuple[int, int]]:
        """Maximal runs of capitalised words joined by connectors (of, for, and, the ...),
        within one line, without connectors at either end."""
        runs = []
        i, n = 0, len(doc)
        while i < n:
            if not self._capitalised(doc[i]):
                i += 1
                continue
            j = i
            while j + 1 < n:
                if self._continues(doc, j + 1):
                    j += 1
                elif doc[j + 1].text == "," and self._enumerated_portfolio(doc, i, j + 1):
                    j += 1              # "Ministry of Investment, Industry and Trade"
                else:
                    break
            while j > i and doc[j].lower_ in CONNECTORS:
                j -= 1
            runs.append((i, j + 1))
            i = j + 1
        return runs

    def _enumerated_portfolio(self, doc: Doc, start: int, comma: int) -> bool:
        """A comma inside an institution name: the run so far is "<Head> of|for <Word>" and
        the comma opens capitalised words closed by "and <Word>" ("Ministry of Investment,
        Industry and Trade")."""
        has_head_of = any(self.gaz.is_head(doc[k].text) and k + 1 < comma and doc[k + 1].lower_ in ("of", "for")
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

    def institution_spans(self, doc: Doc, runs) -> list[Span]:
        """Runs that contain an institution head noun are ORG names."""
        spans = []
        for start, end in runs:
            spans.extend(self._split_run(doc, start, end))
        return spans

    def named_head_spans(self, doc: Doc, runs) -> list[Span]:
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
                    for r in self.gaz.name_heads.get(nxt.lower_, [])):
                end += 1                               # "Belt and Road summit"
            if end - start < 2 or fold(doc[start:end].text.lower()) in self.gaz.generic_names:
                continue
            first, last = doc[start].lower_, doc[end - 1].lower_
            label = None
            for k in range(start, end):
                for rule in self.gaz.name_heads.get(doc[k].lower_, []):
                    pos = rule["position"]
                    # "... Forum in May": a last-position head may end the name before a connector
                    ends_name = k == end - 1 or doc[k + 1].lower_ in CONNECTORS
                    if pos == "first" and not self._names_a_subject(doc, start, end):
                        continue
                    if (pos == "any" or (pos == "last" and ends_name)
                            or (pos == "first" and (k == start or (k == start + 1 and first == "joint")))):
                        label = rule["label"]
                        if pos == "last":
                            end = k + 1
                        break
                if label:
                    break
            if label and end - start < 2:
                continue
            if label and not (first in self.gaz.heads and label != "LAW"):
                spans.append(Span(doc, start, end, label=label))
        return spans

    def appositive_names(self, doc: Doc, entries: dict) -> list[Span]:
        """"Alibek Kuantyrov, Minister of National Economy, said", "Aliyev, the President of
        Azerbaijan, noted": capitalised words right before a comma and a title are a
        person's name (one word only when "the" and a title follow)."""
        out = []
        for k in range(1, len(doc) - 2):
            if doc[k].text != ",":
                continue
            after = k + 1
            with_the = doc[after].lower_ == "the"
            if with_the:
                after += 1
            if after >= len(doc) or not self.gaz.title_at(doc, after):
                continue
            e = k
            s = e
            while s > 0 and doc[s - 1].is_title and doc[s - 1].is_alpha and not self.gaz.title_at(doc, s - 1) \
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

    def dateline_places(self, doc: Doc, entries: dict) -> list[Span]:
        """"ALMATY, May 5 (Kazinform) –", "TASHKENT. KAZINFORM –": a capitalised word
        opening a line and followed by a comma, full stop, bracket or dash is the
        dateline's place (names known to the gazetteer are matched there already)."""
        out = []
        text = doc.text
        for tok in doc:
            if not (tok.is_upper and tok.is_alpha and len(tok) >= 3) or tok.i + 1 >= len(doc):
                continue
            line_start = text.rfind("\n", 0, tok.idx) + 1
            if text[line_start:tok.idx].strip():
                continue
            if doc[tok.i + 1].text not in (",", ".", "(", "-", "–", "—"):
                continue
            if any(s <= tok.i < e for s, e in entries) or self.gaz.is_head(tok.text):
                continue
            out.append(Span(doc, tok.i, tok.i + 1, label="GPE"))
        return out

    def _names_a_subject(self, doc: Doc, start: int, end: int) -> bool:
        """'Joint Statement on Counterterrorism Cooperation', 'Declaration on the Transition
        ...': past the generic document name the run goes on with a subject preposition."""
        for n in range(min(self.gaz.max_generic, end - start), 0, -1):
            if fold(doc[start:start + n].text.lower()) in self.gaz.generic_names:
                k = start + n
                return k < end and doc[k].lower_ in ("on", "regarding", "concerning", "in")
        return False

    def title_led_names(self, doc: Doc, runs) -> list[Span]:
        """A person named after a title: past the title and its portfolio ("Minister of
        Trade and Integration", "Minister of Transport of Kazakhstan"), the next capitalised
        words are the name ("... Nurlan Abenov", "Admiral Mullen")."""
        spans = []
        for start, end in runs:
            k = start
            while k < end:
                n = self.gaz.title_at(doc, k)
                if not n:
                    k += 1
                    continue
                after_title = k + n
                s = after_title
                while s < end and (doc[s].lower_ in CONNECTORS or doc[s].lower_ in self.gaz.portfolio
                                   or self.gaz.is_head(doc[s].text) or self.gaz.title_at(doc, s)
                                   or (self.gaz.entry_for(doc[s].text) is not None
                                       and self.gaz.entry_for(doc[s].text).label != "PERSON")):
                    s += max(1, self.gaz.title_at(doc, s))
                e = s
                while e < end and doc[e].lower_ not in CONNECTORS and (
                        doc[e].is_alpha or re.match(r"^[A-Z]\.$", doc[e].text)):
                    e += 1
                n_words = e - s
                if 1 <= n_words <= 4 and (n_words > 1 or s == after_title):
                    spans.append(Span(doc, s, e, label="PERSON"))
                k = max(e, k + 1)
        return spans

    def generic_phrase_tokens(self, doc: Doc) -> set[int]:
        """Tokens inside a generic document name ("Memorandum of Understanding")."""
        out = set()
        lowers = [t.lower_ for t in doc]
        for i in range(len(doc)):
            for n in range(min(self.gaz.max_generic, len(doc) - i), 1, -1):
                if fold(" ".join(lowers[i:i + n])) in self.gaz.generic_names:
                    out.update(range(i, i + n))
                    break
        return out

    def _capitalised(self, tok) -> bool:
        t = tok.text
        return bool(t) and (t[0].isupper() or ACRONYM.match(t) is not None) and tok.is_alpha | ("." in t or "-" in t)

    def _continues(self, doc: Doc, k: int) -> bool:
        tok = doc[k]
        prev = doc[k - 1]
        if "\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text):
            return False
        if self._capitalised(tok):
            return True
        if tok.lower_ in CONNECTORS:
            nxt = doc[k + 1] if k + 1 < len(doc) else None
            if nxt is None:
                return False
            if tok.lower_ == "and" and nxt.lower_ == "the":
                return False
            if tok.lower_ in ("in", "at", "to") and (nxt.ent_type_ in ("DATE", "TIME") or (
                    self.gaz.entry_for(nxt.text) is not None and self.gaz.entry_for(nxt.text).label == "GPE")):
                return False        # "... Forum in May", "... Initiative in Kazakhstan"
            return self._capitalised(nxt) or nxt.lower_ in CONNECTORS
        return False

    def _split_run(self, doc: Doc, start: int, end: int) -> list[Span]:
        """ORG spans inside one capitalised run: cut at titles and at 'and' between names."""
        pieces, cur = [], start
        coined: list[Span] = []
        for k in range(start, end):
            t = self.gaz.title_at(doc, k)
            if k > cur and t and k + t < end and doc[k + t].lower_ not in CONNECTORS and any(
                    self.gaz.is_head(doc[m].text) for m in range(cur, k)):
                pieces.append((cur, k))
                cur = None
                break
            if doc[k].lower_ == "and" and k > cur and k + 1 < end:
                left_head = any(self.gaz.is_head(doc[m].text) for m in range(cur, k))
                right_head = any(self.gaz.is_head(doc[m].text) for m in range(k + 1, min(end, k + 4)))
                # two names: "Ministry of Energy and Ministry of Finance", "China Energy
                # Engineering Corporation and Uzbekenergo" (the left name ends in its head),
                # "Uzbekneftegaz and Korea Gas Corporation" (a one-word name on the left)
                if (left_head and right_head) or (left_head and self.gaz.is_head(doc[k - 1].text)) \
                        or (k - cur == 1 and not left_head and right_head and doc[cur].pos_ == "PROPN"):
                    first = doc[cur]
                    if k - cur == 1 and not left_head and first.is_title and first.is_alpha:
                        coined.append(Span(doc, cur, k, label="ORG"))   # "Uzbekneftegaz and ..."
                    pieces.append((cur, k))
                    cur = k + 1
                    continue
            # "Ministry of Energy of Kyrgyzstan on the Kambarata HPP": the name ends with its country
            if doc[k].lower_ == "on" and k > cur and self.gaz.entry_for(doc[k - 1].text) is not None \
                    and self.gaz.entry_for(doc[k - 1].text).label == "GPE":
                pieces.append((cur, k))
                cur = None
                break
        if cur is not None:
            pieces.append((cur, end))
        out = []
        for s, e in pieces:
            while s < e:
                n = self.gaz.title_at(doc, s)
                if doc[s].lower_ in CONNECTORS:
                    s += 1
                elif n and not (s + n < e and self.gaz.is_head(doc[s + n].text)):
                    s += n      # "Dr Akinwumi ...", but "General Administration" stays
                else:
                    break
            heads = [k for k in range(s, e) if self.gaz.is_head(doc[k].text)]
            if heads:
                # "China's Ministry of Commerce": the country is a mention of its own
                poss = [k for k in range(s, heads[0]) if doc[k].lower_ in ("'s", "’s")]
                if poss:
                    s = poss[-1] + 1
                # "the Kazakh and Uzbek Governments": coordinated adjectives, no name
                if doc[heads[0]].text.endswith("s") and doc[heads[0]].lower_ not in self.gaz.heads \
                        and any(doc[k].lower_ == "and" for k in range(s, heads[0])):
                    continue
                # "Adesina of the African Development Bank": the name starts after "of"
                cut = [k for k in range(s, heads[0]) if doc[k].lower_ in ("of", "for", "in", "on", "to")]
                if cut:
                    s = cut[-1] + 1
                    while s < e and doc[s].lower_ in CONNECTORS:
                        s += 1
            while e > s and doc[e - 1].lower_ in CONNECTORS:
                e -= 1
            if e - s < 2:
                continue
            words = [t for t in doc[s:e] if t.lower_ not in CONNECTORS]
            if len(words) < 2 or not any(self.gaz.is_head(t.text) for t in words):
                continue
            out.append(Span(doc, s, e, label="ORG"))
        return out + coined

    def clean_model_span(self, ent: Span) -> Optional[Span]:
        """Trim what the statistical NER wrongly includes: leading determiners and
        prepositions ("a Memorandum", "Through Global Gateway"), quotation marks and
        punctuation at the edges, titles before a name; an ORG running into a title and a
        name ("Joint Chiefs of Staff Admiral Mullen") ends before the title. A span that is
        only a title ("Majesty") is dropped."""
        doc = ent.doc
        s, e = ent.start, ent.end
        while s < e and (doc[s].pos_ in ("DET", "ADP", "PRON", "CCONJ") or doc[s].is_punct or doc[s].is_space):
            s += 1
        while e > s and (doc[e - 1].is_punct or doc[e - 1].is_space) and doc[e - 1].text not in (".",):
            e -= 1
        if ent.label_ == "PERSON":
            while s < e and (self.gaz.title_at(doc, s) or (doc[s].pos_ == "NOUN" and e - s > 1)):
                s += self.gaz.title_at(doc, s) or 1     # "Historian Huw Lewis-Jones"
            if s < e and doc[s].text.lower() in ("his", "her"):
                return None
        else:
            for k in range(s + 1, e):
                if self.gaz.title_at(doc, k) and k + self.gaz.title_at(doc, k) < e:
                    e = k
                    break
        if s >= e or all(not t.is_alpha for t in doc[s:e]):
            return None
        if ent.label_ != "PERSON" and fold(doc[s:e].text.lower()) in self.gaz.generic_names:
            return None
        if ent.label_ in ("GPE", "NORP") and e < len(doc) and doc[e].lower_ in self.currency_nouns:
            return None         # "U.S. dollars" names a currency
        if ent.label_ != "PERSON" and s >= 2 and doc[s - 1].lower_ in ("of", "for") \
                and self.gaz.title_at(doc, s - 2) and all(t.lower_ in self.gaz.portfolio or t.lower_ in CONNECTORS
                                                           for t in doc[s:e]):
            return None         # "National Economy" of "Minister of National Economy"
        if ent.label_ != "PERSON" and e - s == 1 and doc[s].lower_ in self.gaz.portfolio:
            return None         # "Insular" of "Secretary of Insular and International Affairs"
        for k in range(max(0, s - 3), s + 1):   # the span is only (the end of) a title
            if k + self.gaz.title_at(doc, k) >= e:
                return None
        return Span(doc, s, e, label=ent.label_)

    def trim_title(self, span: Span) -> Span:
        """'President Xi' -> 'Xi'; 'Dr Akinwumi Adesina' -> 'Akinwumi Adesina'."""
        s = span.start
        while s < span.end - 1 and self.gaz.title_at(span.doc, s):
            s += self.gaz.title_at(span.doc, s)
        if s >= span.end:
            return span
        return Span(span.doc, s, span.end, label=span.label_) if s != span.start else span

    def yield_to_names(self, span: Span, entries: dict) -> Optional[Span]:
        """An institution run that starts inside a known name ("... von der Leyen and
        African Development Bank Group"), with a known name and "and" ("KazMunayGas and
        China National Petroleum Corporation") or with a nationality ("Uzbek Ministry of
        Energy") starts after that name."""
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
        if s == span.start and e == span.end:
            return span
        while s < e and doc[s].lower_ in CONNECTORS:
            s += 1
        while e > s and doc[e - 1].lower_ in CONNECTORS:
            e -= 1
        words = [t for t in doc[s:e] if t.lower_ not in CONNECTORS]
        if len(words) < 2 or not any(self.gaz.is_head(t.text) for t in words):
            return None
        return Span(doc, s, e, label="ORG")

    def person_or_place(self, span: Span, entries: dict) -> Span:
        """A one-word PERSON guess that is the object of a place preposition ('in', 'near')
        or of between/from/to after a route noun ('the railway between Tacheng and Ayagoz')
        is a place; so is a one-word ORG guess after a verb or noun of being somewhere
        ('met in Khiva', 'the plant in Kostanay')."""
        if span.label_ not in ("PERSON", "ORG") or len(span) != 1 or (span.start, span.end) in entries:
            return span
        tok = span[0]
        if span.label_ == "ORG" and (tok.is_upper or self.gaz.is_head(tok.text)):
            return span             # acronyms and institution words are organisations
        while tok.dep_ == "conj" and tok.head is not tok:
            tok = tok.head
        prep = tok.head
        if tok.dep_ != "pobj" or prep.pos_ != "ADP":
            return span
        near = prep.lower_ in ("in", "near", "at")
        route = prep.lower_ in ("between", "from", "to", "via")
        located = prep.head.lemma_.lower() in self.gaz.place_nouns
        # a person is never "in" somewhere's place; an organisation can be ("shares in
        # Gazprom"), so an ORG needs a located head ("met in Khiva", "a plant in Kostanay")
        if (span.label_ == "PERSON" and (near or (route and located))) or \
                (span.label_ == "ORG" and (near or route) and located):
            return Span(span.doc, span.start, span.end, label="GPE")
        return span

    # -- the stage --------------------------------------------------------------------
    def process(self, doc: Doc) -> None:
        self.gaz.forget_doc()
        entries: dict[tuple[int, int], Entry] = {}
        candidates: list[tuple[int, Span]] = []
        runs = self.capitalised_runs(doc)
        for span, entry in self.gazetteer_spans(doc):
            candidates.append((2, span))
            entries[(span.start, span.end)] = entry
        for span in self.institution_spans(doc, runs) + self.named_head_spans(doc, runs):
            if (span.start, span.end) in entries:   # "Russian Federation" is the country
                continue
            span = self.yield_to_names(span, entries)
            if span is not None and (span.start, span.end) not in entries:
                # a one-word name split off a run is only as sure as a model guess
                headless = not any(self.gaz.is_head(t.text) for t in span) and span.label_ == "ORG"
                candidates.append((1 if headless else 3, span))
        model_people = [e for e in doc.ents if e.label_ == "PERSON"]
        for span in self.dateline_places(doc, entries):
            candidates.append((2, span))
        for span in self.appositive_names(doc, entries):
            if not any(p.start < span.end and span.start < p.end for p in doc.ents if p.label_ == "PERSON"):
                candidates.append((2, span))
        for span in self.title_led_names(doc, runs):
            # the model's own reading of a name wins where it has one
            if not any(p.start < span.end and span.start < p.end for p in model_people):
                candidates.append((2, span))
        in_title = set()
        for k in range(len(doc)):
            n = self.gaz.title_at(doc, k)
            if n >= 2 and k + n < len(doc) and doc[k + n].text[:1].isupper():
                in_title.update(range(k, k + n))
        in_title |= self.generic_phrase_tokens(doc)
        numeric = []
        for ent in doc.ents:
            if ent.label_ in NUMERIC_LABELS:
                numeric.append(ent)
                continue
            span = self.clean_model_span(ent)
            if span is not None and not all(k in in_title for k in range(span.start, span.end)):
                candidates.append((self._model_priority(span, entries), span))
        candidates = self.drop_embedded_surnames(candidates, entries)

        chosen: list[Span] = []
        taken = set()
        for prio, span in sorted(candidates, key=lambda c: (-c[0], -(c[1].end - c[1].start), c[1].start)):
            if any(k in taken for k in range(span.start, span.end)):
                continue
            chosen.append(span)
            taken.update(range(span.start, span.end))
        chosen.sort(key=lambda s: s.start)
        chosen = [self.person_or_place(span, entries) for span in chosen]
        chosen = self.propagate_surnames(doc, chosen, taken)
        keep_numeric = [e for e in numeric if not any(k in taken for k in range(e.start, e.end))]
        doc.ents = filter_spans(chosen + keep_numeric)
        doc._.entities = self.canonicalise(doc, chosen, entries)

    def propagate_surnames(self, doc: Doc, chosen: list[Span], taken: set) -> list[Span]:
        """A person's surname elsewhere in the article is a mention of that person even where
        the statistical NER missed it ("Japarov said ..." after "Sadyr Japarov")."""
        surnames = {}
        for span in chosen:
            if span.label_ == "PERSON" and len(span) > 1 and span[-1].is_title:
                surnames.setdefault(span[-1].text, span)
        if not surnames:
            return chosen
        extra = []
        for tok in doc:
            if tok.text in surnames and tok.i not in taken:
                nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
                prev = doc[tok.i - 1] if tok.i > 0 else None
                if nxt is not None and nxt.is_title and nxt.text not in surnames:
                    continue            # part of another capitalised name
                if prev is not None and prev.is_title and not self.gaz.title_at(doc, prev.i) \
                        and not prev.is_sent_start:
                    continue            # "Akylbek Japarov" is another Japarov
                extra.append(Span(doc, tok.i, tok.i + 1, label="PERSON"))
                taken.add(tok.i)
        return sorted(chosen + extra, key=lambda s: s.start)

    @staticmethod
    def _model_priority(span: Span, entries: dict) -> int:
        """A model name of a place, body or event that starts with a country, city or
        nationality and goes on in capitals ("Prague Castle", "Spanish Hall") beats the
        gazetteer match of its first word."""
        if span.label_ in ("FAC", "ORG", "EVENT", "LAW", "PRODUCT"):
            for (s, e), entry in entries.items():
                if s == span.start and e < span.end and entry.label in ("GPE", "NORP") \
                        and all(t.is_title or t.is_upper for t in span.doc[e:span.end]):
                    return 3
        return 1

    @staticmethod
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

    def canonicalise(self, doc: Doc, spans: list[Span], entries: dict) -> list[dict]:
        places = sorted((doc[s].idx, doc[e - 1].idx + len(doc[e - 1]), entry.country)
                        for (s, e), entry in entries.items()
                        if entry.label in ("GPE", "NORP") and entry.country)
        mentions = []
        for span in spans:
            entry = entries.get((span.start, span.end))
            mentions.append({
                "start": span.start_char, "end": span.end_char, "text": span.text, "label": span.label_,
                "canonical": entry.canonical if entry else (
                    span.text.title() if span.label_ == "GPE" and span.text.isupper() and len(span.text) > 3
                    else normalise_name(span.text)),     # "ALMATY" -> "Almaty"
                "country": entry.country if entry else None,
                "role": entry.role if entry else None,
                "_gaz": entry is not None,
            })
        self._link_people(mentions)
        text = doc.text          # built from the tokens on every access: read it once
        self._link_acronyms(text, mentions)
        for m in mentions:
            if m["label"] == "ORG" and m["country"] is None:
                m["country"] = self._country_inside(m, places) or self._possessor_country(text, m, places)
        self._group_orgs(mentions, places)
        ids: dict[tuple[str, str], int] = {}
        out = []
        for m in mentions:
            group = "GPE" if m["label"] in ("GPE", "LOC") else m["label"]
            key = (group, m["canonical"].casefold())
            ids.setdefault(key, len(ids))
            m["entity_id"] = ids[key]
            m.pop("_gaz")
            out.append(m)
        return out

    def _link_people(self, mentions: list[dict]) -> None:
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
                if len(other) <= len(words):
                    break
                if other[-len(words):] == words or other[:len(words)] == words:
                    m["canonical"] = name
                    src = next((p for p in people if p["canonical"] == name and p["_gaz"]), None)
                    if src:
                        m["country"], m["role"] = src["country"], src["role"]
                    break

    def _link_acronyms(self, text: str, mentions: list[dict]) -> None:
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

    def _group_orgs(self, mentions: list[dict], places) -> None:
        """Mentions of one organisation get one canonical name: the fullest form written in
        the article ("African Development Bank" -> "African Development Bank Group";
        "China's Ministry of Commerce" -> "Ministry of Commerce of the People's Republic of
        China"). Forms join when a gazetteer entry, an acronym or the name itself (without
        "of <country>", compared word by word as a prefix) says they are one body of the
        same country."""
        orgs = [m for m in mentions if m["label"] == "ORG"]

        def base(m):
            words = normalise_name(m["text"]).split()
            # drop a trailing "of (the) <country>" named inside
            inside = [(s, e) for s, e, _ in places if s >= m["start"] and e <= m["end"]]
            if inside and m["end"] == max(e for _, e in inside):
                last_start = max(s for s, _ in inside)
                cut = min(len(words), len(normalise_name(m["text"][:last_start - m["start"]]).split()))
                while cut > 0 and words[cut - 1].lower() in ("of", "the"):
                    cut -= 1
                words = words[:cut] or words
            return [w.lower() for w in words]

        bases = [base(m) for m in orgs]
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

    @staticmethod
    def _possessor_country(text: str, m: dict, places) -> Optional[str]:
        """"China's Ministry of Commerce", "the Uzbek Ministry of Energy": the country or
        nationality right before the name."""
        before = text[max(0, m["start"] - 40):m["start"]]
        gap = 4 if re.search(r"['’]s\s*$", before) else 1
        cands = [iso for s, e, iso in places if e <= m["start"] and m["start"] - e <= gap]
        return cands[-1] if cands else None

    @staticmethod
    def _country_inside(m: dict, places: list[tuple[int, int, str]]) -> Optional[str]:
        """The country of an organisation: the last country/adjective named inside it."""
        inside = [iso for s, e, iso in places if s >= m["start"] and e <= m["end"]]
        return inside[-1] if inside else None


@Language.factory("newsie_entities", default_config={"data_dir": None, "currency_table": None},
                   assigns=["doc.ents", "doc._.entities"],
                   requires=["doc.ents", "token.dep"])
def make_entities(nlp: Language, name: str, data_dir: Optional[str], currency_table: Optional[str]):
    return EntityStage(nlp, name, data_dir, currency_table)
