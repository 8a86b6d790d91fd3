"""Occasion: the date and place of a signing (mention, sentence, paragraph, lead, dateline,
publication date), the signing occasions found so far, and earlier/pluperfect signings."""

from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Span

from ...core.text import fold, words_regex
from .grammar import LEAD_WINDOW, OCCASION_WINDOW
from .findings import Mention


class OccasionMixin:
    """Occasion: the date and place of a signing (mention, sentence, paragraph, lead, dateline,
    publication date), the signing occasions found so far, and earlier/pluperfect signings."""

    def date_in(self, s: int, e: int, exclude: tuple[int, int] = (0, 0), near: Optional[int] = None,
                tok=None) -> Optional[str]:
        """The value of a date in text[s:e] that can date an event reported there: not a period,
        not inside a quotation or reported clause (unless the event ``tok`` is in it too), not
        the time of a statement ("..., the ministry said on Friday") nor of another event of
        the sentence ("after trade grew 10% last year")."""
        cands = [d for d in self.dates if d["start"] >= s and d["end"] <= e
                 and (not (exclude[0] <= d["start"] < exclude[1]) or self.dates_verb(d, tok))
                 and not self.period_date(d) and not self.after_publication(d) and self.date_ok(d, tok)]
        own = [d for d in cands if d["start"] >= self.dateline_end]
        if not own and self.dateline_end > s:
            # the dateline's date is the last resort: a day of the sentence past a listed document
            # ("signed six texts, including a protocol on trade, in Tripoli on Wednesday") first,
            # whatever the parser attached it to
            own = [d for d in self.dates if max(s, self.dateline_end) <= d["start"] and d["end"] <= e
                   and exclude[0] <= d["start"] < exclude[1] and len(str(d["value"])) == 10
                   and not self.after_publication(d) and not self.quoted_date(d, tok)]
            cands = own or cands
        if not cands:
            return None
        if own:
            cands = own  # "TASHKENT, May 14 (Xinhua) -- ... signed ... on Monday": the event's own day
        elif tok is not None and self.perfect(tok):
            return None  # "ACCRA, May 14, GNA – A and B have signed ...": the filing day dates no recent signing
        if near is not None:
            cands.sort(key=lambda d: abs(d["start"] - near))
        d = cands[0]
        if self.lex.today_re.fullmatch(d["text"].strip()):
            # "Today we signed ...", said on Thursday: the day the speaker spoke
            return self.speech_day(self.sents[self.sent_of(d["start"])], d) or str(d["value"])
        return str(d["value"])

    def after_publication(self, d: dict) -> bool:
        """Is date ``d`` a relative date resolved after the publication date ("next year's
        meeting")? It dates no signing (a date written with its year is taken as written)."""
        value, pub = str(d["value"]), self.published
        return bool(pub) and value[:4].isdigit() and value > pub[:len(value)] \
            and not re.search(r"\b\d{4}\b", d["text"])

    def governor(self, t):
        """The first verb governing token ``t`` (temporal prepositions like "following" skipped)."""
        v, steps = t.head, 0
        while steps < 12 and v is not v.head and not (v.pos_ in ("VERB", "AUX") and v.lower_ not in self.lex.event_links):
            v, steps = v.head, steps + 1
        return v

    def dates_verb(self, d: dict, tok) -> bool:
        """Does date ``d`` modify the signing verb ``tok`` itself, wherever it stands ("signed seven
        instruments, including a power trade agreement, in New Delhi on Tuesday")?"""
        t = self.tok_at(d["start"])
        if tok is None or t is None or tok.pos_ not in ("VERB", "AUX"):
            return False
        return t.head.i == tok.i or (t.head.dep_ == "prep" and t.head.head.i == tok.i)

    def quoted_date(self, d: dict, tok=None) -> bool:
        """Is date ``d`` inside a direct quote that does not also hold the event token ``tok``? An
        indirect quote ("X said A and B signed ... on Tuesday") is the narrative's own report."""
        return any(q["start"] <= d["start"] < q["end"] and q.get("kind") != "indirect"
                   and not (tok is not None and q["start"] <= tok.idx < q["end"]) for q in self.quotes)

    def date_ok(self, d: dict, tok=None) -> bool:
        if self.quoted_date(d, tok):
            return False
        t = self.tok_at(d["start"])
        if t is None:
            return True
        v = self.governor(t)
        if v.pos_ not in ("VERB", "AUX") or v.lower_ in self.lex.event_links:
            return True
        if v.lemma_.lower() in self.lex.statement_verbs and (tok is None or (v.i != tok.i and tok.pos_ in ("VERB", "AUX"))) \
                and not self.in_noun_phrase(t, v, d):
            # the time of a statement, not of the event it reports ("X and Y signed ..., X said on
            # Friday"); a nominal signing it governs keeps the date ("noted the signing of X on May 6"),
            # and so does a document it names ("recalled the 2019 treaty signed in Bishkek")
            return False
        if tok is None or v.i == tok.i:
            return True
        if any(a.i == v.i for a in tok.ancestors):
            return True   # "met on Monday and signed", "the signing of X took place on Monday"
        if any(a.i == tok.i for a in v.ancestors):
            # a clause under the signing: only a temporal clause placing it ("after they met on Monday")
            k = v
            while k.head.i != tok.i and k is not k.head:
                k = k.head
            marks = {c.lower_ for c in k.children if c.dep_ in ("mark", "advmod")}
            return k.dep_ == "advcl" and bool(marks & self.lex.event_links)
        return False  # another clause of the sentence

    @staticmethod
    def in_noun_phrase(t, v, d: dict) -> bool:
        """Is the date token ``t`` inside the object or subject of its governing verb ``v`` ("recalled
        the 2019 treaty") rather than an adverbial of ``v`` ("said on Friday", "said in a statement
        on Friday")?"""
        k = t
        while k.head.i != v.i and k is not k.head:
            k = k.head
        return k.dep_ in ("dobj", "nsubj", "nsubjpass", "attr") and k.pos_ in ("NOUN", "PROPN") \
            and not (d["start"] <= k.idx < d["end"])

    def period_date(self, d: dict) -> bool:
        """A date naming a period of validity or a target ("for 2024-2026", "until 2030")."""
        before = self.text[max(0, d["start"] - 30):d["start"]]
        after = self.text[d["end"]:d["end"] + 3]
        return any(p.search(before) for p in self.lex.period_cues) or bool(re.match(r"\s*[-–—]\s*\d{2,4}\b", after))

    def anaphor_cues(self, sent_i: int) -> list:
        return [m for p in self.lex.time_anaphora for m in p.finditer(self.sents[sent_i].text)]

    def signed_date(self, sent_i: int, exclude: tuple[int, int] = (0, 0), near: Optional[int] = None,
                    tok=None) -> Optional[str]:
        sent = self.sents[sent_i]
        value = self.date_in(sent.start_char, sent.end_char, exclude, near, tok)
        if value:
            return value
        if self.published and self.lex.today_re.search(self.sent_text(sent)):
            return self.speech_day(sent) or self.published
        if self.lex.same_day_re.search(self.sent_text(sent)):
            # "Earlier in the day, ...", "On the same day, ...": the day of the latest dated event
            return self.previous_day(sent_i)
        # "At the time, ..." / "Following the meeting, ...": the time of an earlier sentence
        j = sent_i
        cues, prev = [], []
        while j >= 0 and sent_i - j < 4:
            found = self.anaphor_cues(j)
            if not found:
                break
            cues += [m.group(0).lower() for m in found]
            j -= 1
            if j < 0:
                break
            prev.append(j)
        # the event the cue names ("the talks") where an earlier sentence reports and dates it
        # ("held talks in Astana on Wednesday"), the event verb's own date first
        forms = {f for cue in cues for noun, fs in self.lex.event_words.items() if re.search(rf"\b{noun}\b", cue)
                 for f in fs}
        if forms:
            pat = words_regex(forms)
            for k in range(sent_i - 1, -1, -1):
                st = self.sents[k]
                for m in pat.finditer(st.text):
                    if self.in_quote(st.start_char + m.start()):
                        continue  # the event as reported speech mentions it, not the narrative
                    ev = self.tok_at(st.start_char + m.start())
                    value = self.date_in(st.start_char, st.end_char, near=st.start_char + m.start(), tok=ev)
                    if value:
                        return value
        for k in prev:
            value = self.date_in(self.sents[k].start_char, self.sents[k].end_char)
            if value:
                return value
        return None

    def lead_date(self, i: int) -> Optional[str]:
        """The date a list after the lead-in of sentence ``i`` takes when the lead-in has none:
        the occasion the sentences just before it report ("Chile and Peru held talks in Lima on
        Tuesday. The package includes:"), else the article's lead sentence when the list opens
        the article (its first few body sentences), else the dateline's date."""
        release = self.dateline_date()
        for j in range(i - 1, max(-1, i - 1 - OCCASION_WINDOW), -1):
            if self.sents[j].start_char < self.title_end:
                break
            value = self.date_in(self.sents[j].start_char, self.sents[j].end_char)
            if value and value != release:
                return value
        body = [k for k, st in enumerate(self.sents) if st.start_char >= self.title_end]
        if body and i - body[0] <= LEAD_WINDOW:
            value = self.date_in(self.sents[body[0]].start_char, self.sents[body[0]].end_char)
            if value and value != release:
                return value
        return None

    def place_in(self, s: int, e: int) -> Optional[str]:
        for m in self.ents.overlapping(s, e):
            if m["label"] != "GPE" or m["start"] < s:
                continue
            before = self.text[max(s, m["start"] - 16):m["start"]].lower()
            if not self.lex.travel_re.search(before):
                continue
            if self.lex.is_country_name(m.get("canonical") or m["text"]) or self.lex.is_country_name(m["text"]):
                continue
            if self.lex.region_heads_re.match(self.text[m["end"]:m["end"] + 20]):
                continue  # "a project in the Mangystau region": the object's site
            if self.site_before(m["start"]):
                continue  # "a polyethylene plant in Atyrau": the object's site
            return m.get("canonical") or m["text"]
        return None

    def site_before(self, start: int) -> bool:
        """Is the place at ``start`` the site of an object named right before it ("a plant in
        Atyrau", "the wind farm in the Zhambyl region": site_nouns.txt + in/at/near), not a
        capital city?"""
        m = re.search(r"([\w’'-]+)\s+(?:in|at|near)\s+(?:the\s+)?$", self.text[max(0, start - 40):start])
        if not (m and m.group(1).lower() in self.lex.site_nouns):
            return False
        # a capital is where signings take place ("the reservoir in Bishkek on Monday")
        name = re.match(r"[\w’'.-]+(?:\s+[A-Z][\w’'.-]*)*", self.text[start:start + 40])
        return not (name and fold(name.group(0)).lower() in self.lex.capitals)

    def later_place(self, r: "Mention") -> Optional[str]:
        """A place for a record whose sentence names none: a following mention of the signing
        itself ("... attended the signing in Los Angeles"), else the dateline's city when the
        document was signed on the day the article is dated."""
        i = self.sent_of(r.start)
        for j in range(i, min(len(self.sents), i + 3)):
            st = self.sents[j]
            if any(p.search(st.text) for p in self.lex.ceremony_res):
                place = self.place_in(st.start_char, st.end_char)
                if place:
                    return place
        day = self.dateline_date() or self.published
        if r.signed_date and day and r.signed_date == day:
            return self.default_place()
        return None

    def sentence_place(self, sent: Span) -> Optional[str]:
        """The place a sentence names for its event ("in Astana"), else the dateline's city when
        the sentence opens the body under it ("TASHKENT, March 4 (Kazinform) - ...")."""
        place = self.place_in(sent.start_char, sent.end_char)
        if place is None and any(p.search(self.sent_text(sent)) for p in self.lex.time_anaphora):
            # "Following the talks, ...": the place of the event an earlier sentence reports
            i = self.sent_of(sent.start_char)
            for j in range(i - 1, max(-1, i - 4), -1):
                place = self.place_in(self.sents[j].start_char, self.sents[j].end_char)
                if place:
                    break
        if place is None and sent.start_char >= self.title_end and \
                not self.text[self.title_end:sent.start_char].strip():
            # (not for a signing the sentence dates to another day: "... signed X in January 2023")
            day = self.dateline_date() or self.published
            other = [d for d in self.dates if sent.start_char + 40 <= d["start"] < sent.end_char
                     and not self.period_date(d) and str(d["value"]) != day]
            if not other:
                place = self.dateline_place()
        return place

    def dateline_place(self) -> Optional[str]:
        """The city of a dateline: the body's opening ("TASHKENT, March 4 (Kazinform) - ",
        "BEIJING, Sept. 13 (Xinhua) -- ", "ASTANA. KAZINFORM – ") or a first line that is only a
        city and a date ("Rome, 28 January 2024", taken as the headline by the title heuristic)."""
        first = self.text[self.title_end:].lstrip()
        off = len(self.text) - len(first)
        m = re.match(r"([A-Z][\w .'-]{1,40}?)(?:,\s*[A-Z][\w.]*)?(?:,\s*[A-Z][a-z]{2,}\.?\s+\d{1,2}(?:,\s*\d{4})?)?"
                     r"\s*(?:\([^()]{1,30}\)\s*)?(?:[-–—]+\s|,\s*\d|\n)", first)
        if m:
            place = self.place_in_name(off + m.start(1), off + m.end(1))
            if place:
                return place
        if self.title_end:
            head = self.text[:self.title_end]
            lead = len(head) - len(head.lstrip())
            m = re.fullmatch(r"([A-Z][\w .'-]{1,40}?),\s*(?:\d{1,2}\s+[A-Z][a-z]+\.?|[A-Z][a-z]{2,}\.?\s+\d{1,2}),?"
                             r"(?:\s+\d{4})?\s*", head[lead:])
            if m:
                return self.place_in_name(lead + m.start(1), lead + m.end(1))
        return None

    def place_in_name(self, s: int, e: int) -> Optional[str]:
        for m in self.ents.overlapping(s, e):
            if m["label"] == "GPE" and not self.lex.is_country_name(m["text"]):
                return m.get("canonical") or m["text"]
        name = self.text[s:e].strip()
        if fold(name).lower() in self.lex.capitals:
            return name
        return None

    @staticmethod
    def perfect(tok) -> bool:
        """"have/has (just) signed": a recent signing, dated by the article's dateline when undated."""
        return tok.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ in ("has", "have", "'ve")
                                         for c in tok.children)

    def dateline_date(self) -> Optional[str]:
        """A full date standing alone on a line (with a city before it) near the body's start (a
        dateline; also when the title heuristic took that line for the headline: "Baku, 15 July 2026")."""
        text = self.text
        for d in self.dates:
            if d["start"] > self.title_end + 200:
                break
            if len(str(d["value"])) != 10:
                continue
            ls = text.rfind("\n", 0, d["start"]) + 1
            le = text.find("\n", d["end"])
            le = len(text) if le == -1 else le
            line = text[ls:le].strip()
            if re.fullmatch(r"(?:[A-Z][a-z]+,?\s+)?" + re.escape(d["text"]) + r"\W*", line):
                return str(d["value"])
        return None

    def note_event(self, i: int, date: Optional[str], place: Optional[str], parties: Optional[list] = None,
                   doc_parties: Optional[list] = None) -> None:
        """A signing occasion: ``parties`` the sides of a signing row (what a later document of the
        batch inherits), ``doc_parties`` those of a single document (the article's relationship)."""
        self.found.events.append({"sent": i, "date": date, "place": place, "parties": parties or [],
                            "doc_parties": doc_parties or []})

    def same_occasion(self, i: int, date: Optional[str], place: Optional[str],
                      linked: bool = False, earlier: bool = False) -> tuple[Optional[str], Optional[str]]:
        """A signing reported without a time of its own right after another signing ("Following
        the talks, the leaders signed a Joint Statement. The sides also exchanged a number of
        documents ...") belongs to the same occasion: it takes that signing's date, and its place
        when it names none. A signing with its own date takes only the place of an earlier
        signing of the same date. A sentence ``linked`` to an earlier signing by its opening
        ("Among the deals, ...", "Another agreement ...") continues the latest one at any distance.
        Further on, an undated signing continues the article's main event (its first dated
        signing: "In the agricultural sector, A and B concluded a contract" paragraphs after "...
        signed 14 agreements in Almaty on Thursday"), unless it is marked ``earlier``
        ("previously", "already", "had signed": earlier_cues.txt), which keeps it undated."""
        if date is not None and place is not None:
            return date, place
        if earlier and date is None:
            return date, place
        got = self.occasion_of(i, date, place, linked)
        if got[0] is None:
            return self.lead_day(i), got[1]
        return got

    def occasion_of(self, i: int, date: Optional[str], place: Optional[str],
                    linked: bool) -> tuple[Optional[str], Optional[str]]:
        """The date and place an undated or unplaced signing of sentence ``i`` takes from the
        signings before it (see same_occasion)."""
        prev = [ev for ev in self.found.events if ev["sent"] <= i and (linked or i - ev["sent"] <= OCCASION_WINDOW)]
        if not prev:
            main = self.main_event(i)
            if date is None and main is not None:
                return main["date"], place or main["place"]
            return date, place
        ev = max(prev, key=lambda x: x["sent"])
        if date is None and ev["date"] is not None:
            return ev["date"], place or ev["place"]
        if place is None and (date is None or date == ev["date"]):
            return date, ev["place"]
        return date, place

    def speech_day(self, sent: Span, cue: Optional[dict] = None) -> Optional[str]:
        """The day a "today"/"this morning" of sentence ``sent`` means: the day its speaker spoke
        ("Speaking after the session on Thursday, X said: 'Today we signed ...'"), a full date of
        the sentence outside quotes, else the date of a wire dateline ("DAKAR, March 19 —"); None
        leaves the publication date."""
        days = [d for d in self.dates if sent.start_char <= d["start"] < sent.end_char and not self.period_date(d)
                and not self.in_quote(d["start"]) and len(str(d["value"])) == 10 and d is not cue
                and not self.lex.today_re.fullmatch(d["text"].strip())]
        if days:
            return str(days[0]["value"])
        if self.dateline_end:
            line = [d for d in self.dates if self.title_end <= d["start"] < self.dateline_end and len(str(d["value"])) == 10]
            if line:
                return str(line[0]["value"])
        # a dateline line ("Baku, 15 July 2026"), else the day of the event the article is
        # reporting ("A and B on Wednesday signed ... 'Today we signed ...', X told a press
        # conference": the speaker spoke at that event, not on the publication day)
        return self.dateline_date() or self.previous_day(self.sent_of(sent.start_char))

    def previous_day(self, i: int) -> Optional[str]:
        """The day of the latest event before sentence ``i`` dated to a day: a signing noted
        so far, else a day-level date of the sentences before it (the lead's "on Wednesday")."""
        days = [ev for ev in self.found.events if ev["sent"] < i and ev["date"] and len(ev["date"]) == 10]
        if days:
            return max(days, key=lambda ev: ev["sent"])["date"]
        for j in range(i - 1, -1, -1):
            if self.sents[j].start_char < self.title_end:
                break
            value = self.date_in(self.sents[j].start_char, self.sents[j].end_char)
            if value and len(value) == 10:
                return value
        return None

    def lead_day(self, i: int) -> Optional[str]:
        """The date of the article's lead (its first body sentence), for an undated signing of a
        later sentence ``i`` that nothing marks as earlier: "Seoul hosted the business forum on
        June 16. ... Among them, A and B signed an agreement" (a date in the lead dates what the
        following paragraphs report of that event; the dateline's date alone dates nothing)."""
        body = next((k for k, st in enumerate(self.sents) if st.start_char >= self.title_end
                     and st.text.strip()), None)
        if body is None or i <= body:
            return None
        return self.date_in(max(self.sents[body].start_char, self.dateline_end), self.sents[body].end_char)

    def main_event(self, i: int) -> Optional[dict]:
        """The article's main reported signing before sentence ``i``: its first dated signing in
        the body (not the headline), else None."""
        body = [ev for ev in self.found.events if ev["sent"] < i and ev["date"]
                and self.sents[ev["sent"]].start_char >= self.title_end]
        return min(body, key=lambda x: x["sent"]) if body else None

    def other_time(self, i: int, date: Optional[str]) -> bool:
        """Is ``date`` another time than the article's main signing event before sentence ``i``
        ("the Partnership and Cooperation Agreement, which was signed in Florence in 1996")?"""
        main = self.main_event(i)
        return bool(date and main and not (date.startswith(main["date"]) or main["date"].startswith(date)))

    def earlier_marked(self, sent: Span, tok=None) -> bool:
        """Does ``sent`` mark its signing as earlier than the reported event ("Previously, ...",
        "already signed", "similar agreements earlier", a pluperfect "had signed")?"""
        if self.lex.same_day_re.search(self.sent_text(sent)):
            return False  # "Earlier in the day, ...": the day of the reported event
        toks = [tok] if tok is not None else [t for t, kind in self.signing_tokens(sent) if kind == "verb"]
        if any(c.dep_ == "aux" and c.lower_ in ("had", "'d", "’d") for t in toks for c in t.children):
            return True
        return any(p.search(self.sent_text(sent)) for p in self.lex.earlier_res)

    def item_place(self, date: Optional[str]) -> Optional[str]:
        """A list item's place: the headline's/dateline's, unless it was signed in another month."""
        if date and self.published and not self.published.startswith(date[:7]):
            return None
        return self.default_place()

    def default_place(self) -> Optional[str]:
        if self.title_end:
            m = re.search(r"\b(?:in|at)\s+(.+)$", self.text[:self.title_end])
            if m:
                s = m.start(1)
                p = self.place_in(m.start(), self.title_end)
                if p:
                    return p
                tail = self.text[s:self.title_end].split()
                if tail and fold(tail[0]).lower() in self.lex.capitals:
                    return tail[0]
        return self.dateline_place()
