"""Transcript labels in capitals with a courtesy title ("MR. KITAMURA:", "MS LEE:", "DR. OKAFOR:"):
the title (``label_titles.txt``) is no part of the label; the surname names the person the article
introduces, also when it writes the family name first in capitals ("TANAKA Hiroshi"). A title with
no one of that surname introduced, or a capitals word that is no label, still gives no speaker.
Invented phrasings; each case gives (speaker, speaker_text) of every row."""

import pytest

ATTRIBUTED = [
    ("Briefing by spokesperson OGAWA Kenji, Tuesday.\n\nMR. OGAWA: We welcome the agreement. "
     "It opens a new chapter for our two countries.\n",
     "OGAWA Kenji", "OGAWA"),
    ("Deputy spokeswoman Helen Marsh took questions in Ottawa.\n\nMS. MARSH: The tariff will be "
     "lifted next month. Talks on the remaining items continue.\n",
     "Helen Marsh", "MARSH"),
    ("The panel was chaired by economist Peter Okafor.\n\nDR OKAFOR: Inflation has peaked in "
     "most of the region, and rates should fall next year.\n",
     "Peter Okafor", "OKAFOR"),
    ("Remarks by Ambassador Clara Benning at the signing ceremony.\n\nMRS. BENNING: This port "
     "will serve farmers across three provinces for decades.\n",
     "Clara Benning", "BENNING"),
    ("Press briefing with Deputy Press Secretary SATO Yumi.\n\nMS. SATO: The minister will travel "
     "to Hanoi on Friday to discuss the rail project.\n",
     "SATO Yumi", "SATO"),
]

NOT_ATTRIBUTED = [
    "Officials met in Lagos on Monday.\n\nMR. PRESIDENT: the address is printed below.\n",
    "The talks ended on Friday.\n\nDR. NO: a film was shown after the dinner in the old hall.\n",
    "Delegates arrived in Rome.\n\nMS. WORD: the template is attached for the secretariat.\n",
    "The summit closed in Doha.\n\nPROF. NOBODY: the seminar programme follows below.\n",
    "Ministers signed the accord.\n\nMR. X: see the annex for the full list of signatories.\n",
]


@pytest.mark.parametrize("text,speaker,speaker_text", ATTRIBUTED)
def test_titled_capitals_label_names_the_person(nlp, text, speaker, speaker_text):
    rows = nlp(text)._.quotes
    assert rows
    for q in rows:
        assert (q["speaker"], q["speaker_text"]) == (speaker, speaker_text)
        assert text[q["speaker_start"]:q["speaker_end"]] == speaker_text


@pytest.mark.parametrize("text", NOT_ATTRIBUTED)
def test_titled_label_naming_nobody_gives_no_speaker(nlp, text):
    assert not [q for q in nlp(text)._.quotes if q["speaker"]]
