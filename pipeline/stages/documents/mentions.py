"""Document mentions: a document name's description, parties and subject; coordinated and
included names; the subject when none follows the name."""

from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Span

from ...core.extensions import records
from ...core.text import fold
from .grammar import DETERMINERS, DEFINITE, FINITE_TAGS, DET_ALT, run_start
from .phrases import trim_span, find_types, _marker_at, parse_after_type
from .findings import Mention


def _compound_start(pre: list, k: int) -> int:
    """The index of the first token of the hyphenated compound ending at ``pre[k]`` ("sister -
    city", "cross - border"), or ``k`` when ``pre[k]`` ends no such compound."""
    j = k
    while j >= 2 and pre[j - 1].text == "-" and not pre[j - 1].whitespace_ and not pre[j - 2].whitespace_ \
            and pre[j - 2].is_alpha:
        j -= 2
    return j


class MentionsMixin:
    """Document mentions: a document name's description, parties and subject; coordinated and
    included names; the subject when none follows the name."""

    def description_end(self, type_end: int, limit: int, next_start: Optional[int] = None) -> int:
        """Where an inline description ends: the first stop (relative clause, passive verb,
        circumstances, a date or a place of the signing), the next coordinated document, or
        the sentence end."""
        text = self.text
        end = limit if next_start is None else min(limit, next_start)
        # a document named inside a quotation ends with it ("... on climate," Boric said)
        end = min([end] + [q["end"] for q in self.quotes if q["start"] <= type_end < q["end"]])
        end = self.stop_cut(type_end, end)
        end = self.participle_cut(type_end, end)
        # a signing verb after the description ("the agreement signed by ...")
        for m in re.finditer(r"\w+", text[type_end:end]):
            if m.group(0).lower() in self.lex.sign_forms and m.group(0).lower().endswith("ed"):
                end = min(end, type_end + m.start())
                break
        # a date or a city named with "on/in/at" belongs to the signing, not the subject
        for d in records(self.doc, "dates"):
            if type_end < d["start"] < end:
                pre = text[max(type_end, d["start"] - 12):d["start"]]
                pm = re.search(r"\s+(?:on|in|at|of|last|this|from)?\s*$", pre)
                cut = d["start"] - (len(pre) - pm.start()) if pm else d["start"]
                if re.search(r"\b(?:on|in|at|last|this)\s*$", pre) or d["start"] == type_end + 1 \
                        or re.match(r"(?:last|this|next|earlier)\b", d["text"], re.I):
                    # (a time with its own determiner: "on visa-free travel this morning")
                    end = min(end, max(type_end, cut))
        for m in self.ents.overlapping(type_end, end):
            if m["label"] == "GPE" and m["start"] > type_end and not self.lex.is_country_name(m["text"]):
                pre = text[max(type_end, m["start"] - 8):m["start"]]
                pm = re.search(r"\s+in\s+(?:the\s+)?$", pre)
                if pm:
                    end = min(end, m["start"] - (len(pre) - pm.start()))
        s, e = trim_span(text, type_end, end, " \t\n;.,:")
        return e if e > s else type_end

    def stop_cut(self, start: int, end: int) -> int:
        """``end`` cut at the first description stop in text[start:end] (description_stops.txt)."""
        seg = self.text[start:end]
        for p in self.lex.stops:
            m = p.search(seg)
            if m:
                end = min(end, start + m.start())
        return end

    def participle_cut(self, start: int, end: int) -> int:
        """``end`` cut before a participle clause after a comma in text[start:end] ("An
        Agreement for Cooperation in X, renewing the 2016 agreement"); an inclusion cue
        ("including") is no such clause."""
        for m in re.finditer(r",\s+", self.text[start:end]):
            nxt = self.tok_from(start + m.end())
            if nxt is not None and nxt.tag_ == "VBG" and nxt.idx == start + m.end() and nxt.dep_ != "compound" \
                    and not self.lex.inclusion_re.match(self.text, nxt.idx):
                return start + m.start()
        return end

    def mention_from(self, type_m: dict, limit: int, next_start: Optional[int], sent_i: int,
                     desc_start: Optional[int] = None) -> Mention:
        text = self.text
        start = desc_start if desc_start is not None else self.np_start(type_m["start"], self.sents[sent_i].start_char)
        end = self.description_end(type_m["end"], limit, next_start)
        end = max(end, type_m["end"])
        fm = re.match(r"\s+(?:for|on behalf of)\s+", text[type_m["end"]:end], re.I)
        if fm and self.behalf_of(type_m["end"] + fm.end(), end):
            end = type_m["end"]
        parse = parse_after_type(text, type_m["end"], end, self.lex, self.protected(type_m["end"], end))
        parties, explicit, with_side, with_subject = [], False, False, None
        if parse["parties"]:
            parties = self.parties_from_zone(*parse["parties"], pos=start)
            explicit, with_side = True, parse["party_kind"] == "with"
        subject = None
        if parse["subject"] and not parse["parties"]:
            # "an agreement on double taxation between A and B": the parties close the subject
            ss, se = parse["subject"]
            tm = re.search(run_start(r"\s+between\s+(.+)$"), text[ss:se])
            cut = self.between_cut(ss, se, start)
            if cut:
                parties, explicit = cut[0], True
                parse["subject"] = (ss, cut[1])
            wm = None if tm else re.search(run_start(r"\s+with\s+(.+)$"), text[ss:se])
            if wm and self.named_sides(ss + wm.start(1), se, least=1):
                # "a contract on gas supplies with China's CNPC": the other side closes the subject
                sides = self.parties_from_zone(ss + wm.start(1), se, pos=start)
                if sides and all(p.get("party") for p in sides):
                    parties, explicit, with_side = sides, True, True
                    with_subject = text[ss:se]
                    parse["subject"] = (ss, ss + wm.start())
        if parse["subject"]:
            ss, se = parse["subject"]
            # "signed the Memorandum for the United States": a represented side, not a subject
            marker = text[type_m["end"]:ss].strip().lower()
            ents = [m for m in self.ents.overlapping(ss, se) if m["label"] in ("GPE", "ORG", "NORP", "PERSON")]
            if not (marker.endswith("for") and ents and ents[0]["start"] <= ss + 4 and ents[0]["end"] >= se - 1):
                subject = text[ss:se]
        if subject is None and not parse["parties"]:
            subject = self.subject_after_date(type_m["end"], limit, next_start)
        if subject is None:
            subject = self.subject_after_value(end, limit, next_start)
        det = re.match(r"\s*(\w+)", text[start:type_m["start"]])
        first = det.group(1).lower() if det else ""
        definite = first in DEFINITE or bool(re.search(r"['’]s?\s*$|['’]\s+\w", text[start:type_m["start"]]))
        title_s = start
        dm = re.match(rf"(?:(?:{DET_ALT})\s+)+", text[start:end], re.I)
        if dm:
            title_s += dm.end()
        title = text[title_s:end] or None
        # a capital letter in the headline is headline case, not a proper title
        proper = text[type_m["start"]:type_m["start"] + 1].isupper() and fold(type_m["form"].lower()) not in self.lex.acronyms \
            and type_m["start"] >= self.title_end
        return Mention(value_money_id=self.value_after(end, limit),
                       start=start, end=end, type_start=type_m["start"], type_end=type_m["end"],
                       doc_type=type_m["doc_type"], anaphoric=type_m["anaphoric"], definite=definite,
                       title=title, subject=subject, parties=parties, explicit_parties=explicit, with_side=with_side,
                       with_subject=with_subject,
                       signed_date=None, signed_place=None, proper=proper)

    def subject_after_date(self, type_end: int, limit: int, next_start: Optional[int]) -> Optional[str]:
        """"signed a deal on Tuesday on gas supplies": the subject after a time adjunct that
        follows the document's name (the adjunct ends the description, not the subject)."""
        text = self.text
        for d in records(self.doc, "dates"):
            if type_end < d["start"] <= type_end + 12 and d["end"] <= limit and \
                    re.fullmatch(r"\s+(?:on|in|at|last|this|earlier)?\s*", text[type_end:d["start"]]):
                end = self.description_end(d["end"], limit, next_start)
                parse = parse_after_type(text, d["end"], end, self.lex, self.protected(d["end"], end))
                if parse["subject"] and not parse["parties"]:
                    return text[parse["subject"][0]:parse["subject"][1]]
                break
        return None

    def value_after(self, end: int, limit: int) -> Optional[int]:
        """The index (in the money records) of an amount right after a description ending at
        ``end`` ("a contract worth $1.2 billion", "..., valued at €40 million"), else None."""
        m = re.match(r"\s*,?\s*(?:worth|valued at|totall?ing|amounting to|with a (?:total )?value of|of)?\s*",
                     self.text[end:limit], re.I)
        pos = end + m.end()
        return next((n for n, x in enumerate(self.money)
                     if x.get("start") is not None and pos <= x["start"] <= pos + 1 and x["end"] <= limit), None)

    def subject_after_value(self, end: int, limit: int, next_start: Optional[int]) -> Optional[str]:
        """"signed a contract worth $1.2 billion for the Line D gas pipeline": after the value, "for"
        + a project or object is the subject ("for <a side>" is on behalf of, not a subject)."""
        text = self.text
        idx = self.value_after(end, limit)
        if idx is None:
            return None
        money = self.money[idx]
        after = money["end"]
        fm = re.match(r"\s*(?:\([^()]{0,60}\)\s*)?,?\s*for\s+", text[after:limit])
        if not fm:
            return None
        ss = after + fm.end()
        if self.behalf_of(ss, limit):
            return None
        se = self.description_end(ss, limit, next_start)
        return text[ss:se] if se > ss else None

    def fallback_subject(self, r: Mention) -> Optional[str]:
        """A subject when none follows the name: a marker inside a participle clause
        ("a Memorandum affirming ... reached on X"), the name's own modifiers ("Strategic Arms
        Reduction Treaty", "a currency swap agreement"), a describing next sentence ("This
        document commits ... to X"), or an earlier mention of the same document ("its
        memorandum of understanding of assistance to X" before "signed this new MOU")."""
        text = self.text
        # (a) a participle clause carrying the subject: the first subject marker attached to a
        # participle of the clause ("a Memorandum reflecting their agreement reached on port fees")
        pm = re.match(r"\s+\w+(?:ing|ed)\b", text[r.type_end:r.end])
        for j in range(r.type_end + pm.end(), r.end) if pm else ():
            if text[j - 1] != " ":
                continue
            mk = _marker_at(text, j, self.lex, party_zone=False)
            mt = self.tok_at(j) if mk else None
            if mt is not None and mt.head.tag_ in ("VBG", "VBN") and r.type_end <= mt.head.idx < mt.idx:
                s0, e0 = trim_span(text, mk[1], r.end)
                if e0 > s0:
                    return text[s0:e0]
                break
        # (b) the name's modifiers
        mod = self.modifier_subject(r)
        if mod:
            return mod
        # (c) the next sentence describes the document ("This document commits ... to X")
        i = self.sent_of(r.start)
        if i + 1 < len(self.sents):
            nxt = self.sents[i + 1]
            om = self.lex.content_opener_re.match(nxt.text)
            if om and not self.describes(r, i, om.group(0)):
                om = None
            for verb, marker in self.lex.content_verbs if om else ():
                m = re.match(rf"{re.escape(verb)}\s+", nxt.text[om.end():], re.I)
                if not m:
                    continue
                rest_s = nxt.start_char + om.end() + m.end()
                if marker:
                    mk = re.search(rf"\b{re.escape(marker)}\s+", text[rest_s:nxt.end_char])
                    if not mk:
                        continue
                    rest_s += mk.end()
                s0, e0 = trim_span(text, rest_s, nxt.end_char)
                if e0 > s0:
                    return text[s0:e0]
        # (d) an earlier (unsigned) mention of the same document names its subject
        if r.definite:
            for k in range(i, max(-1, i - 3), -1):
                st = self.sents[k]
                for t in find_types(text, self.lex, st.start_char, min(st.end_char, r.start)):
                    if t["doc_type"] != r.doc_type or t["plural"]:
                        continue
                    if any(o is not r and o.type_start <= t["start"] < o.end for o in self.found.records):
                        continue  # another document's own description, not an earlier mention of this one
                    end = self.description_end(t["end"], st.end_char)
                    parse = parse_after_type(text, t["end"], end, self.lex)
                    if parse["subject"]:
                        return text[parse["subject"][0]:parse["subject"][1]]
        return None

    def modifier_subject(self, r: Mention) -> Optional[str]:
        """The subject given by a document name's own modifiers ("Strategic Arms Reduction
        Treaty", "a currency swap agreement", "a cross-border trade agreement"), else None."""
        text = self.text
        pre = [t for t in self.tokens_in(r.start, r.type_start) if not t.is_space]
        words = []
        k = len(pre) - 1
        while k >= 0:
            t = pre[k]
            measure = self.measure_start(pre, k)
            if measure is not None:
                k = measure - 1  # "a ten-year gas contract": a duration, not the subject
                continue
            j = _compound_start(pre, k)
            if j < k:
                # a hyphenated compound is one modifier ("a sister-city agreement", "cross-border trade")
                compound = text[pre[j].idx:t.idx + len(t.text)].lower()
                if compound in self.lex.generic_modifiers:
                    if not words:
                        break
                elif t.pos_ in ("NOUN", "PROPN") or words:
                    words[0:0] = pre[j:k + 1]
                else:
                    break
                k = j - 1
                continue
            if t.pos_ in ("NOUN", "PROPN") and t.tag_ != "POS" and t.lower_ not in self.lex.generic_modifiers \
                    and not t.like_num and t.lower_ not in DETERMINERS and not self.lex.country_in(t.text):
                words.insert(0, t)
            elif words and words[0].is_title and t.lower_ in ("and", "&") and t.i > 0 and self.doc[t.i - 1].is_title:
                words.insert(0, t)  # "Partnership and Cooperation Agreement"
            elif not (t.lower_ in self.lex.generic_modifiers and words):
                break
            k -= 1
        while words and words[0].lower_ in ("and", "&"):
            words.pop(0)
        titled = [t for t in pre if t.is_alpha and t.lower_ not in DETERMINERS and t.lower_ not in ("and", "&", "of")]
        if words and all(t.is_title or t.is_upper for t in titled) and all(
                t.lower_ in self.lex.relationship_words or t.lower_ in self.lex.generic_modifiers for t in titled):
            words = []  # "the Enhanced Partnership and Cooperation Agreement": a name, not a topic
        if words:
            return text[words[0].idx:words[-1].idx + len(words[-1].text)]
        return None

    def describes(self, r: Mention, i: int, opener: str) -> bool:
        """May a describing sentence opened by ``opener`` ("It", "The new agreement") refer to
        ``r``, a document of sentence ``i``? Only the last document the sentence names, of a type
        the opener's name fits (an anaphoric "accord" fits any agreement-like type), and not a
        document signed earlier when the opener calls it the current one ("The new agreement
        covers ..." after "It will replace the Partnership and Cooperation Agreement, signed in 1996")."""
        st = self.sents[i]
        if any(o is not r and r.start < o.start < st.end_char for o in self.found.records):
            return False
        words = re.findall(r"[\w’'-]+", opener.lower())
        if r.passing and any(w in self.lex.current_words for w in words):
            return False
        types = find_types(opener, self.lex)
        if types and not types[-1]["plural"]:
            t = types[-1]
            like = self.lex.agreement_like
            if t["doc_type"] != r.doc_type and not (t["anaphoric"] and t["doc_type"] in like and r.doc_type in like):
                return False
        return True

    def included(self, tok, after: int, sent: Span) -> list[dict]:
        """Documents named after a collective object and an inclusion cue ("signed a number of
        documents, including a treaty on X, an agreement on Y and a joint statement"): each
        singular document name opening a coordinated item is a record, with the signing's
        sides and date. Returns the document-name matches used."""
        text = self.text
        # "documents, including", "the package signed on Friday includes", "documents signed include"
        participle = r"(?:\s+" + self.lex.sign_past_re.pattern + r"(?:\s+(?:on|in|at|during|by|last|this|earlier)\s+[^,;:]{1,40}?)?)?"
        # the signing's circumstances may come first ("signed 10 documents on Friday, including")
        adjunct = r"(?:\s+(?:on|in|at|during|last|this|earlier|worth)\s+[^,;:]{1,40}?)?"
        cue = re.match(r"(?:\s+of\s+[\w’'-]+(?:\s+[\w’'-]+){0,3}?)?" + participle + adjunct + r"\s*[,(:–—-]?\s*(?:"
                       + self.lex.inclusion_re.pattern + r")\s*:?\s*", text[after:sent.end_char], re.I)
        if not cue:
            # "Among the documents signed were an agreement on X and ...": the opening names the signing
            m = self.back_reference(sent)
            if m is not None and sent.start_char + m.end() > after and re.match(r"(?i:among)\b", self.sent_text(sent).lstrip()):
                return self.named_documents(sent.start_char + m.end(), sent, tok)
            return []
        return self.named_documents(after + cue.end(), sent, tok)

    def named_documents(self, zone_s: int, sent: Span, tok, linked: bool = False,
                        need_content: bool = False, zone_e: Optional[int] = None) -> list[dict]:
        """The singular documents named from ``zone_s`` to the sentence end (or ``zone_e``), each
        opening a coordinated item ("an agreement on X, a memorandum on Y and a protocol on Z"):
        records with their own parties, else the signing's (``tok``) or the context's sides."""
        text = self.text
        types = find_types(text, self.lex, zone_s, zone_e if zone_e is not None else sent.end_char)
        starts = []
        for t in types:
            ns = self.np_start(t["start"], zone_s)
            before = text[zone_s:ns].rstrip()
            if ns == zone_s or not before.strip() or re.search(rf"(?:,|;|\b(?i:{self.lex.link_alt}))$", before) \
                    or (not starts and self._np_chars(zone_s, ns)):
                starts.append((ns, t))
        if not starts:
            return []
        if tok is None:
            # no signing verb: the document's description ends at the sentence's finite verb
            # ("Another agreement provides for ...")
            fin = next((x for x in self.tokens_in(starts[0][1]["end"], sent.end_char)
                        if x.tag_ in FINITE_TAGS and x.lemma_.lower() not in self.lex.statement_verbs), None)
            if fin is not None:
                starts = [(ns, t) for ns, t in starts if ns < fin.idx]
        fin_end = fin.idx if tok is None and fin is not None else sent.end_char
        if zone_e is not None:
            fin_end = min(fin_end, zone_e)
        i = self.sent_of(sent.start_char)
        out = []
        for n, (ns, t) in enumerate(starts):
            nxt = starts[n + 1][0] if n + 1 < len(starts) else None
            limit = nxt if nxt is not None else fin_end
            sep = re.search(run_start(r"\s*(?:,|;)?\s*(?:and|as well as)?\s*$"), text[ns:limit])
            limit = ns + sep.start() if sep and nxt is not None else limit
            if t["plural"]:
                # "Among them are agreements on X and on Y": one record per topic (unless the
                # coordinated-subjects pass read them already: "21 memoranda, including pacts on X and Y")
                done = any(r.type_start == t["start"] for r in self.found.records)
                ms = [] if done else self.listed_topics(t, limit, sent, tok, i)
            else:
                ms = [self.mention_from(t, limit, None, i, desc_start=ns)]
            out += [t for m in ms if self.named_record(m, i, sent, tok, zone_s, linked, need_content)]
        if out and tok is None:
            self.note_event(i, self.found.records[-1].signed_date, self.found.records[-1].signed_place)
        return out

    def named_record(self, m: Mention, i: int, sent: Span, tok, zone_s: int, linked: bool, need_content: bool) -> bool:
        """Add the record of a document ``m`` named in a list after ``zone_s``, with the signing's
        (``tok``) or the context's sides, date and place; False when it needs a content verb it lacks."""
        if tok is None and not self.described_after(m, sent.end_char) and need_content:
            return False
        if not m.parties:
            m.parties = self.sides_of(tok, sent, m.end) if tok is not None else self.event_sides(i, sent)
        m.signed_date = self.signed_date(i, exclude=(zone_s, sent.end_char), tok=tok)
        m.signed_place = self.sentence_place(sent)
        m.headline = sent.start_char < self.title_end
        if not m.headline:
            m.signed_date, m.signed_place = self.same_occasion(i, m.signed_date, m.signed_place, linked,
                                                               self.earlier_marked(sent, tok))
        self.add_mention(m)
        return True

    def described_after(self, m: "Mention", limit: int) -> bool:
        """", between A and B, provides for X" after a document named without a signing verb:
        the parties set off by commas, the subject after a content verb (content_verbs.tsv).
        True when a content verb follows."""
        text = self.text
        pos = m.end
        bm = re.match(r"\s*,\s*between\s+([^,;]+?(?:,\s*[^,;]+?){0,3})\s*,\s*", text[m.type_end:limit])
        if bm and not m.parties:
            zs, ze = m.type_end + bm.start(1), m.type_end + bm.end(1)
            if self.named_sides(zs, ze):
                m.parties, m.explicit_parties = self.parties_from_zone(zs, ze, pos=zs), True
                m.end = m.type_end  # the description is the name; the parties are set off by commas
                pos = m.type_end + bm.end()
        for verb, marker in self.lex.content_verbs:
            vm = re.match(rf"\s*,?\s*{re.escape(verb)}\s+", text[pos:limit], re.I)
            if not vm:
                continue
            rest = pos + vm.end()
            if marker:
                mk = re.search(rf"\b{re.escape(marker)}\s+", text[rest:limit])
                if not mk:
                    continue
                rest += mk.end()
            end = self.description_end(rest, limit)
            s0, e0 = trim_span(text, rest, end)
            if e0 > s0 and not m.subject:
                m.subject = text[s0:e0]
            return True
        return False
