"""Speaker resolution (issue 12 part 1): invented phrasings, positive and negative, per rule.
Each case gives the rows' (speaker, speaker_text, speaker_label) in text order."""

import pytest

T = "Talks in the Gulf\n\n"  # a neutral headline line


def speakers(nlp, text):
    doc = nlp(text)
    assert not doc._.errors, doc._.errors
    for q in doc._.quotes:
        if q["speaker_text"] is not None:
            assert doc.text[q["speaker_start"]:q["speaker_end"]] == q["speaker_text"]
        else:
            assert q["speaker_start"] is None and q["speaker_end"] is None
    return [(q["speaker"], q["speaker_text"], q["speaker_label"]) for q in doc._.quotes]


# --------------------------------------------------------------------------- media and their own staff

MEDIA_CASES = [
    (T + "Saudi state media said the kingdom would host the next round of talks in March.",
     [("Saudi state media", "Saudi state media", "MEDIA")]),
    (T + "State television reported that the border crossing had reopened after two weeks.",
     [("State television", "State television", "MEDIA")]),
    (T + "Chinese state broadcaster CCTV said the two leaders had agreed to expand trade.",
     [("CCTV", "Chinese state broadcaster CCTV", "MEDIA")]),
    (T + "Egyptian state media reported that the ceasefire talks would resume on Sunday.",
     [("Egyptian state media", "Egyptian state media", "MEDIA")]),
    (T + "Turkish media said the pipeline would carry gas to southern Europe by 2027.",
     [("Turkish media", "Turkish media", "MEDIA")]),
]

OWN_STAFF_CASES = [  # the article sourcing itself: no quote
    T + "A Kazinform correspondent reports that the forum opened in Astana on Monday.",
    T + "Our correspondent reported that the delegation had arrived in Doha late at night.",
    T + "A Xinhua reporter said that the bridge had been completed ahead of schedule.",
    T + "Correspondents reported that the talks ran late into the night on Tuesday.",
    T + "A TASS correspondent reports that the ministers signed the protocol after the talks.",
]


@pytest.mark.parametrize("text,expected", MEDIA_CASES)
def test_media_speak_as_written(nlp, text, expected):
    assert speakers(nlp, text) == expected


@pytest.mark.parametrize("text", OWN_STAFF_CASES)
def test_own_staff_is_no_quote(nlp, text):
    assert speakers(nlp, text) == []


# --------------------------------------------------------------------------- pronouns: gender

GENDER_CASES = [  # the nearer or more salient person has the other gender
    (T + "Anna Berg met Tom Reyes in Vienna on Monday. “We made real progress today,” she said.",
     "Anna Berg"),
    (T + "Olga Petrova welcomed John Carter to the ministry. He said the visit marked a turning point.",
     "John Carter"),
    (T + "Tom Reyes thanked Maria Lopez for the invitation. She said the agreement would be signed in May.",
     "Maria Lopez"),
    (T + "Fatima Haddad received Robert Klein in Amman on Tuesday. “Our ports are ready,” he said.",
     "Robert Klein"),
    (T + "Mr Lindqvist hosted Ms Okafor in Oslo. “The door is open to everyone,” she said.",
     "Okafor"),
]

GENDER_NEGATIVE = [  # same gender: the subject, as before
    (T + "Anna Berg met Maria Lopez in Vienna on Monday. “We made real progress today,” she said.",
     "Anna Berg"),
    (T + "John Carter welcomed Pavel Orlov to the ministry. He said the visit marked a turning point.",
     "John Carter"),
]


@pytest.mark.parametrize("text,expected", GENDER_CASES + GENDER_NEGATIVE)
def test_pronoun_gender(nlp, text, expected):
    rows = speakers(nlp, text)
    assert [r[0] for r in rows] == [expected]
    assert rows[0][2] == "PERSON"


# --------------------------------------------------------------------------- pronouns: salience

SALIENCE_CASES = [  # the speaker of the previous attribution outranks a person merely mentioned nearer
    (T + "David Miller said the corridor would open next year. The plan was drafted by Peter Holm's team. "
         "“We have waited long enough,” he added.", "David Miller"),
    (T + "Karl Weber said the talks would continue. The proposal echoes an idea of Hans Vogel. "
         "He added that a deal was close.", "Karl Weber"),
    (T + "Lena Frost told reporters the mission was on track. A report on the mission quoted Anna Berg. "
         "“We are ahead of schedule,” she said.", "Lena Frost"),
    (T + "Tom Reyes said the bank would lend more. Its board is chaired by Adam Cole. "
         "He said lending would double by 2030.", "Tom Reyes"),
    (T + "Maria Lopez said the port would be expanded. The expansion was first proposed under Anna Berg. "
         "She said work would start in June.", "Maria Lopez"),
]

SALIENCE_NEGATIVE = [  # a new subject nearer is the antecedent
    (T + "David Miller said the corridor would open next year. Peter Holm disagreed with the timing. "
         "“We need two more years,” he said.", "Peter Holm"),
    (T + "Karl Weber said the talks would continue. Hans Vogel was less optimistic. "
         "He said a deal was far off.", "Hans Vogel"),
]


@pytest.mark.parametrize("text,expected", SALIENCE_CASES + SALIENCE_NEGATIVE)
def test_pronoun_salience(nlp, text, expected):
    rows = speakers(nlp, text)
    assert [r[0] for r in rows][-1] == expected


# --------------------------------------------------------------------------- "he" is never an organisation

ORG_PRONOUN_CASES = [
    T + "Gazprom signed the contract on Monday. He said the gas would flow by winter.",
    T + "The World Bank approved the loan. “This will change lives,” he said.",
    T + "Siemens won the tender for the line. She said the trains would arrive next year.",
    T + "The European Commission published the plan. He told reporters the plan was final.",
    T + "Rosatom will build the plant. “We are proud of this project,” she said.",
]


@pytest.mark.parametrize("text", ORG_PRONOUN_CASES)
def test_he_she_never_an_organisation(nlp, text):
    for speaker, words, label in speakers(nlp, text):
        assert label in (None, "PERSON") and speaker is None


# --------------------------------------------------------------------------- not quotes: negated, hypothetical, prompts

UNSAID_CASES = [
    T + "Anna Berg did not say that the plant would close next year.",
    T + "The minister never said that the border would stay shut.",
    T + "Tom Reyes has not said whether the deal will be signed in May.",
    T + "If the ministry says that the corridor is ready, trucks will start in June.",
    T + "When asked whether the talks had stalled, Tom Reyes smiled.",
    T + "Anna Berg was asked if the pipeline would be finished this year.",
    T + "Unless the bank announces that rates will fall, borrowing will stay weak.",
    # questions are no statements either (the annotators of three independent quote sets agree)
    T + "Tom Reyes asked whether the deal would be signed in May.",
    T + "Deputy Anna Berg asked who would pay for the new border posts.",
    T + "Nobody in the government has said that the plant will close.",
    T + "No one at the ministry said that the tariffs would rise.",
]

SAID_CONTROLS = [  # the same verbs, said: quotes
    (T + "Anna Berg said that the plant would close next year.", "the plant would close next year"),
    (T + "The minister stressed that the border would stay shut.", "the border would stay shut"),
    (T + "Tom Reyes asked the ministry to confirm that the deal would be signed in May.",
     "the deal would be signed in May"),
    (T + "When asked about the talks, Tom Reyes said the sides would meet again.", "the sides would meet again"),
    (T + "The ministry said that the corridor was ready for trucks.", "the corridor was ready for trucks"),
]


@pytest.mark.parametrize("text", UNSAID_CASES)
def test_negated_hypothetical_and_prompted_speech_is_no_quote(nlp, text):
    assert [q["text"] for q in nlp(text)._.quotes] == []


@pytest.mark.parametrize("text,expected", SAID_CONTROLS)
def test_said_controls_are_quotes(nlp, text, expected):
    assert [q["text"] for q in nlp(text)._.quotes] == [expected]


# --------------------------------------------------------------------------- nested reported speech

NESTED_CASES = [
    (T + "Tom Reyes said that Anna Berg had told him the deal was close.", "Tom Reyes"),
    (T + "The ministry said the ambassador had reported that the talks went well.", "ministry"),  # a body as written
    (T + "Anna Berg said Tom Reyes had assured her that the loan would be approved.", "Anna Berg"),
    (T + "The spokesman said that the minister had stressed that the border would reopen.", None),
    (T + "Karl Weber told reporters that Hans Vogel said the plan was final.", "Karl Weber"),
]


@pytest.mark.parametrize("text,speaker", NESTED_CASES)
def test_nested_reported_speech_is_one_row(nlp, text, speaker):
    rows = nlp(text)._.quotes
    assert len(rows) == 1 and rows[0]["speaker"] == speaker


# --------------------------------------------------------------------------- link and caption lines, titles, scare quotes

NOT_QUOTE_LINES = [
    T + "READ MORE: “We are ready for talks on the corridor,” says minister\n\nThe talks went on.",
    T + "Also read: “This is a historic day for both of our nations,” Tom Reyes says\n\nTrade grew.",
    T + "Photo: Anna Berg speaks to reporters, saying “we will not give up on the plan”\n\nTrade grew.",
    T + "Related | “The border will reopen within a month,” ministry says\n\nTrade grew.",
    T + "Watch – “Our ports are open to all partners in the region,” minister says\n\nTrade grew.",
    T + "The film “A Long Way Home” opened in Almaty on Friday.",
    T + "The book “Roads of the Steppe” was presented at the forum.",
    T + "Critics called the plan a “done deal” before the vote.",
    T + "The so-called “middle corridor” runs across the Caspian Sea.",
    T + "Officials described the talks as “constructive” and the mood as calm.",
]

QUOTE_LINES = [  # the same words in article text: quotes
    (T + "“We are ready for talks on the corridor,” the minister said on Monday.",
     ["We are ready for talks on the corridor"]),
    (T + "Photographers waited outside. “This is a historic day for both of our nations,” Tom Reyes said.",
     ["This is a historic day for both of our nations"]),
    (T + "“The border will reopen,” Anna Berg said, “and trade will follow.”",
     ["The border will reopen", "and trade will follow."]),
    (T + "“Our ports are open,” he said, “to every partner in the region.”",
     ["Our ports are open", "to every partner in the region."]),
    (T + "Tom Reyes said the agreement was fair and that Kazakhstan would sign it in May.",
     ["the agreement was fair and that Kazakhstan would sign it in May"]),
]


@pytest.mark.parametrize("text", NOT_QUOTE_LINES)
def test_links_captions_titles_and_scare_quotes_are_no_quotes(nlp, text):
    assert [q["text"] for q in nlp(text)._.quotes] == []


@pytest.mark.parametrize("text,expected", QUOTE_LINES)
def test_quote_bounds(nlp, text, expected):
    assert [q["text"] for q in nlp(text)._.quotes] == expected


# --------------------------------------------------------------------------- speech in the passive

PASSIVE_CASES = [
    (T + "It was stated that the corridor would open by 2027.", "the corridor would open by 2027"),
    (T + "It was announced that the summit would move to Baku.", "the summit would move to Baku"),
    (T + "It was reported that the tanker had left the port on Sunday.", "the tanker had left the port on Sunday"),
    (T + "It has been confirmed that the two ministers will meet in May.", "the two ministers will meet in May"),
    (T + "It was noted that exports of grain had doubled since 2020.", "exports of grain had doubled since 2020"),
]

# opinion or agreement in the passive: nobody's statement
PASSIVE_NEGATIVE = [T + sentence for sentence in (
    "It is expected that the corridor will open by 2027.", "It was agreed that the summit would move to Baku.",
    "It is believed that the tanker left the port on Sunday.", "It seems that the two ministers will meet in May.",
    "It was decided that exports of grain would be capped.")]


@pytest.mark.parametrize("text,expected", PASSIVE_CASES)
def test_speech_in_the_passive(nlp, text, expected):
    rows = nlp(text)._.quotes
    assert [(q["text"], q["speaker"], q["speaker_label"]) for q in rows] == [(expected, None, None)]


@pytest.mark.parametrize("text", PASSIVE_NEGATIVE)
def test_passive_opinion_is_no_quote(nlp, text):
    assert nlp(text)._.quotes == []


# --------------------------------------------------------------------------- transcript labels in capitals

CAPS_TRANSCRIPT = ("Morning Briefing\n\nHost Sipho Ndlovu spoke to trade analyst Lerato Dube about the summit.\n\n"
                   "NDLOVU: Good morning and welcome to the programme today.\n\n"
                   "DUBE: Thank you for having me on the programme.\n\n"
                   "NDLOVU: What did the summit actually achieve for exporters?\n\n"
                   "DUBE: It opened two new markets for our fruit growers.\n")


def test_capital_labels_name_the_persons_introduced(nlp):
    rows = [(q["speaker"], q["speaker_text"], q["cue"]) for q in nlp(CAPS_TRANSCRIPT)._.quotes]
    # the host's turns are prompts, not quotes (the article introduces him as "Host")
    assert rows == [("Lerato Dube", "DUBE", ":"), ("Lerato Dube", "DUBE", ":")]


@pytest.mark.parametrize("text", [
    T + "Host Sipho Ndlovu opened the show.\n\nNOTE: The talks were postponed until Friday.\n",
    T + "Reporter Anna Berg filed this story.\n\nUPDATE: The border reopened on Tuesday morning.\n",
    T + "Tom Reyes chaired the meeting.\n\nBREAKING: The ministers signed the protocol.\n",
    T + "Karl Weber hosted the forum.\n\nEDITOR'S NOTE: This story has been corrected.\n",
    T + "Maria Lopez spoke first.\n\nAGENDA: Trade, transport and energy were discussed.\n",
])
def test_capital_words_that_name_nobody_are_no_labels(nlp, text):
    assert nlp(text)._.quotes == []


# --------------------------------------------------------------------------- descriptions with a nationality

DESCRIPTIONS = {  # sentence -> the description a reader would write as speaker_text
    "A U.S. delegate said the draft was too weak to pass.": "U.S. delegate",
    "An Indian pharmaceutical exporter in Tashkent said demand had doubled.": "Indian pharmaceutical exporter in Tashkent",
    "A Kenyan farmer said the new road had halved his costs.": "Kenyan farmer",
    "One German engineer at the site said the turbines would arrive in May.": "German engineer at the site",
    "A Chinese trader told reporters that prices had fallen sharply.": "Chinese trader",
}
DESCRIPTION_CASES = [(T + sentence, words) for sentence, words in DESCRIPTIONS.items()]


@pytest.mark.parametrize("text,expected", DESCRIPTION_CASES)
def test_nationality_descriptions_are_unnamed_never_the_nationality(nlp, text, expected):
    assert speakers(nlp, text) == [(None, expected, "UNNAMED")]


@pytest.mark.parametrize("text,expected", [
    (T + "Kenya said the new road had halved costs for farmers.", ("Kenya", "Kenya", "GPE")),
    (T + "The Kazakh government said that trucks could cross again.", ("Kazakh", "Kazakh government", "NORP")),
])
def test_country_speakers_stay(nlp, text, expected):
    assert speakers(nlp, text) == [expected]
