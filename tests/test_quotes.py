"""The quotes stage: quotation marks (pure), then whole-pipeline cases (text -> rows)."""

import pytest

from pipeline.quotes import find_direct_quotes, load_rules, paragraphs


@pytest.fixture(scope="module")
def marks():
    return load_rules().marks


# --------------------------------------------------------------------------- marks only

MARK_CASES = [
    # every mark style
    ("She said “we are ready to sign it.”", ["we are ready to sign it."]),
    ('She said "we are ready to sign it."', ["we are ready to sign it."]),
    ("«Мы готовы подписать», he said.", ["Мы готовы подписать"]),
    ("He wrote ‘the talks went very well’ in a note.", ["the talks went very well"]),
    ("Er sagte „wir sind bereit“ gestern.", ["wir sind bereit"]),
    # a trailing comma inside the closing mark is dropped, the final stop kept
    ("«Trade is growing at a record pace,» the minister said.", ["Trade is growing at a record pace"]),
    ("“Trade is growing.” She left.", ["Trade is growing."]),
    # apostrophes are not marks
    ("Uzbekistan’s exports in the ‘90s didn’t grow, the countries’ data show.", []),
    ("It's the nation's 'best year' since the '90s.", ["best year"]),
    # a quote in single marks inside a double-marked quote is not a second quote
    ("“He told me ‘never again’ and left,” she said.", ["He told me ‘never again’ and left"]),
    # several sentences in one pair are one quote
    ("“One. Two is here. Three.” he said.", ["One. Two is here. Three."]),
    # an unbalanced mark is dropped locally: the other quotes survive
    ("He said “this never closes.\n\nShe said “this one closes.”", ["this one closes."]),
    ("A stray “ mark here, then “a proper quote.”", ["a proper quote."]),
    ("He said ”backwards mark. Later “fine words here.”", ["fine words here."]),
    # a quotation continued over paragraphs (each opens, only the last closes) is one quote
    ("“First paragraph of it.\n\n“Second paragraph of it.”", ["First paragraph of it.\n\n“Second paragraph of it."]),
]


@pytest.mark.parametrize("text,expected", MARK_CASES)
def test_find_direct_quotes(text, expected, marks):
    found = find_direct_quotes(text, marks)
    assert [q["text"] for q in found] == expected
    for q in found:
        assert text[q["start"]:q["end"]] == q["text"]


def test_paragraphs_join_wrapped_lines():
    text = "Title\n\nA sentence that wraps\nonto the next line.\nNew paragraph."
    assert [text[s:e] for s, e in paragraphs(text)] == [
        "Title", "A sentence that wraps\nonto the next line.", "New paragraph."]


# --------------------------------------------------------------------------- whole pipeline

def rows(nlp, text):
    doc = nlp(text)
    assert not doc._.errors, doc._.errors
    for q in doc._.quotes:
        assert doc.text[q["start"]:q["end"]] == q["text"]
    assert [q["start"] for q in doc._.quotes] == sorted(q["start"] for q in doc._.quotes)
    return [(q["kind"], q["text"], q["speaker"], q["cue"]) for q in doc._.quotes]


T = "Talks in Europe\n\n"  # a neutral title line: the first line of an article is its headline

DOC_CASES = [
    # direct, attribution after the quote
    (T + "“We have agreed on a new energy partnership,” Emmanuel Macron said.",
     [("direct", "We have agreed on a new energy partnership", "Emmanuel Macron", "say")]),
    # direct, split by its attribution: two rows, same speaker
    (T + "“We will sign the deal today,” Olaf Scholz said, “and we will do it with pleasure.”",
     [("direct", "We will sign the deal today", "Olaf Scholz", "say"),
      ("direct", "and we will do it with pleasure.", "Olaf Scholz", "say")]),
    # colon-introduced marked quote
    (T + "Olaf Scholz said: “The agreement opens a new chapter for both countries.”",
     [("direct", "The agreement opens a new chapter for both countries.", "Olaf Scholz", "say")]),
    # transcript label at the start of a line, unmarked; one row per paragraph, taken whole
    (T + "Prime Minister of Japan Fumio Kishida: Thank you very much for coming,\n"
         "We discussed many important questions with our guests today.\n",
     [("direct", "Thank you very much for coming,", "Fumio Kishida", ":"),
      ("direct", "We discussed many important questions with our guests today.", "Fumio Kishida", ":")]),
    # "X said:" followed by unmarked paragraphs, ended by the next "Y said:"
    (T + "Emmanuel Macron said:\n\nWe are proud of this agreement and of our teams.\n\n"
         "Olaf Scholz said:\n\nOur countries will build the new plant together.\n",
     [("direct", "We are proud of this agreement and of our teams.", "Emmanuel Macron", "say"),
      ("direct", "Our countries will build the new plant together.", "Olaf Scholz", "say")]),
    # a quote paragraph without attribution continues the previous speaker
    (T + "“The first phase of the project is complete,” Emmanuel Macron said.\n\n"
         "“The second phase will start in the spring of next year.”",
     [("direct", "The first phase of the project is complete", "Emmanuel Macron", "say"),
      ("direct", "The second phase will start in the spring of next year.", "Emmanuel Macron", "say")]),
    # no speaker: still a row
    (T + "Markets were calm.\n\n“This is a long quote that nobody claims as their own words.”",
     [("direct", "This is a long quote that nobody claims as their own words.", None, None)]),
    # names, titles and scare quotes are not quotes
    (T + "The leaders signed the “Treaty on Open Skies” in Helsinki.", []),
    (T + "Both sides praised the “Belt and Road” initiative in Astana.", []),
    (T + "The plan, known as “a partnership for the next generation of Europeans”, was adopted.", []),
    # reported speech
    (T + "Angela Merkel said that the talks had been very productive.",
     [("indirect", "the talks had been very productive", "Angela Merkel", "say")]),
    (T + "The reforms will continue next year, Angela Merkel told reporters.",
     [("indirect", "The reforms will continue next year", "Angela Merkel", "tell")]),
    (T + "According to Angela Merkel, the reforms will continue next year.",
     [("indirect", "the reforms will continue next year", "Angela Merkel", "according to")]),
    (T + "Angela Merkel pointed out that the reforms would continue.",
     [("indirect", "the reforms would continue", "Angela Merkel", "point out")]),
    (T + "Angela Merkel emphasised that the reforms would continue.",
     [("indirect", "the reforms would continue", "Angela Merkel", "emphasise")]),
    (T + "Angela Merkel expressed hope that the reforms would continue.",
     [("indirect", "the reforms would continue", "Angela Merkel", "express")]),
    # no clause, no quote
    (T + "Angela Merkel discussed cooperation with the Italian prime minister.", []),
    (T + "Xi Jinping announced the Belt and Road Initiative in 2013.", []),
    # according to + a clause whose subject includes the source: an event, not a statement
    (T + "According to the press service of President Emmanuel Macron, he and Chancellor Olaf Scholz "
         "held talks in Paris.", []),
    # pronoun -> the main-clause PERSON subject of the previous sentence
    (T + "President Emmanuel Macron arrived in Berlin on Monday with Angela Merkel's successor. "
         "He stressed that Europe must stay united.",
     [("indirect", "Europe must stay united", "Emmanuel Macron", "stress")]),
    # a pronoun whose antecedent sentence has only a pronoun subject follows the chain back
    (T + "Angela Merkel visited the plant on Monday. She also toured the new port. "
         "“It is a model for the whole region,” she said.",
     [("direct", "It is a model for the whole region", "Angela Merkel", "say")]),
    # a named apposition of the subject is the speaker; an apposition's own PP is not
    (T + "Her adviser, Angela Merkel, said that the vote would be held in June.",
     [("indirect", "the vote would be held in June", "Angela Merkel", "say")]),
    # a verb after a full-stop quote that reports its own clause does not attribute the quote
    (T + "The court called the ruling “unjust.” The lawyer said he would appeal the decision.",
     [("indirect", "he would appeal the decision", None, "say")]),
    # a short cited phrase inside running text is not a quote, even with a verb
    (T + "The leaders apologised for “errors that were made” during the raid.", []),
    # a short quote is a quote when its attribution frames it as an utterance
    (T + "“Why not?” Angela Merkel asked.", [("direct", "Why not?", "Angela Merkel", "ask")]),
    # "was quoted as saying": the subject of the passive verb
    (T + "Angela Merkel was quoted as saying that the reforms would continue.",
     [("indirect", "the reforms would continue", "Angela Merkel", "say")]),
    # "they" -> the last plural (coordinated) subject
    (T + "Vladimir Putin and Emmanuel Macron met in Paris. They said that the talks had been useful.",
     [("indirect", "the talks had been useful", "Vladimir Putin and Emmanuel Macron", "say")]),
    # an organisation noun -> the most recent organisation it names
    (T + "The European Commission published its report on Monday. The commission said that growth would slow.",
     [("indirect", "growth would slow", "European Commission", "say")]),
    # a label with the title after the name
    (T + "Shavkat Mirziyoyev, President of Uzbekistan: Our borders are open to our neighbours.\n",
     [("direct", "Our borders are open to our neighbours.", "Shavkat Mirziyoyev", ":")]),
    # role noun with a nationality adjective -> the person of that country
    (T + "Chinese President Xi Jinping met President Emmanuel Macron in Paris. "
         "The Chinese leader noted that trade between the two countries was growing.",
     [("indirect", "trade between the two countries was growing", "Xi Jinping", "note")]),
]


@pytest.mark.parametrize("text,expected", DOC_CASES)
def test_quotes_in_docs(nlp, text, expected):
    assert rows(nlp, text) == expected


def test_headline_quote_takes_the_speaker_of_the_same_words(nlp):
    text = ("“France backs the energy union of Europe” Macron in Berlin\n\n"
            "According to Emmanuel Macron, France fully backs the energy union of Europe.")
    got = rows(nlp, text)
    assert got[0] == ("direct", "France backs the energy union of Europe", "Emmanuel Macron", None)
    assert got[1][0] == "indirect" and got[1][2] == "Emmanuel Macron"


def test_headline_quote_without_evidence_has_no_speaker(nlp):
    got = rows(nlp, "“Our doors are open to every partner” summit ends\n\nThe summit ended on Friday.")
    assert got == [("direct", "Our doors are open to every partner", None, None)]


def test_spans_group(nlp):
    doc = nlp(T + "Angela Merkel said that the talks had been very productive.")
    assert [s.text for s in doc.spans["quotes"]] == ["the talks had been very productive"]
    assert doc.spans["quotes"][0].label_ == "indirect"


def test_headline_label_quote(nlp):
    got = rows(nlp, "Macron: “Europe must defend its own interests”\n\nEmmanuel Macron spoke in Paris.")
    assert got == [("direct", "Europe must defend its own interests", "Emmanuel Macron", ":")]


def test_find_reported_and_statements_on_a_doc(nlp):
    from pipeline.quotes import find_reported, find_statements

    doc = nlp(T + "Olaf Scholz said:\n\nWe are ready to help our partners.\n\n"
                  "Angela Merkel said that the talks had been useful. “We say that we agree,” she added.")
    assert [r["text"] for r in find_statements(doc)] == ["We are ready to help our partners."]
    # the clause inside the marked quote is not reported speech of its own
    assert [r["text"] for r in find_reported(doc)] == ["the talks had been useful"]
