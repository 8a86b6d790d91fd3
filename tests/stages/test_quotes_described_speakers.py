"""Speakers named by a description, a title or a group (issue 12, round 6), invented phrasings:
a role written as the initials of a title ("the CS" after "Cabinet Secretary X"); honorifics as
subjects ("His Highness said"); "the county boss" and other descriptions (the person described,
else the most salient person); a capitalised role subject ("the Kazakh President") outranks a
person merely mentioned for the next he/she; "they" after "X and his counterpart Y"; a report
noun's owner ("a study by X warned"). Nothing here is keyed to a corpus sentence."""

import pytest


def last_row(nlp, text):
    rows = [(q["speaker"] or None, q["speaker_text"]) for q in nlp(text)._.quotes]
    assert rows, text
    return rows[-1]


INITIALLED = [
    ("Sugar\n\nEnergy Cabinet Secretary Opiyo Wandayi has announced new tariffs. Speaking in Nakuru on "
     "Monday, the CS said the government would cut fuel levies.", "Opiyo Wandayi"),
    ("Bank\n\nManaging Director Ruth Okafor opened the branch. Later the MD said that lending would grow "
     "by a fifth.", "Ruth Okafor"),
    ("Trade\n\nDirector General Paolo Conti met the press in Geneva. The DG told reporters that the "
     "dispute panel would meet in May.", "Paolo Conti"),
    ("Health\n\nPrincipal Secretary Mary Wanjiku visited the hospital. The PS said the county would hire "
     "300 nurses.", "Mary Wanjiku"),
    # an organisation's acronym is no title's initials
    ("Fund\n\nThe IMF welcomed the plan. Managing Director Kristalina Georgieva spoke in Washington. "
     "The IMF said the reforms were on track.", "IMF"),
]



HONORIFICS = [
    ("Visit\n\nPresident His Highness Sheikh Tamim Al Thani received Ali Rezaei at the palace today. "
     "For his part, His Highness said the two countries shared a vision of stability.", "Tamim Al Thani"),
    ("Visit\n\nHis Majesty King Abdullah II received the Japanese envoy Kenji Mori in Amman. His Majesty "
     "said that Jordan valued the partnership.", "Abdullah II"),
    ("Visit\n\nHis Excellency Tanko Ayuba, the Nigerian ambassador, met Ms Clara Voss in Berlin. His "
     "Excellency said trade had doubled.", "Tanko Ayuba"),
    ("Audience\n\nPope Leo met Mr Daniel Okoro at the Vatican on Monday. His Holiness said the talks had "
     "been warm.", "Leo"),
]



DESCRIPTIONS = [
    ("Mills\n\nNakuru Governor Susan Kihika, who hosted the meeting, welcomed the cap. The county boss "
     "said three mills had closed.", "Susan Kihika"),
    ("Bank\n\nRuth Okafor, the chief executive of Sahel Bank, met investors in Lagos. The bank boss said "
     "lending would grow.", "Ruth Okafor"),
    ("Club\n\nChairman Peter Mwangi opened the meeting. The club boss said the stadium would be finished "
     "by May.", "Peter Mwangi"),
    ("Mine\n\nGeologist Karl Brandt, who runs the mine, spoke to reporters. The mine boss said output "
     "would double.", "Karl Brandt"),
    ("Port\n\nPort director Anna Silva toured the terminal on Friday. The port boss told reporters that "
     "three cranes had arrived.", "Anna Silva"),
]



ROLE_SUBJECT_THEN_PRONOUN = [
    ("Talks\n\nPresident Ilham Aliyev received Emomali Rahmon in Baku. For his part, the Tajik President "
     "expressed his thanks to Mr Aliyev. He stressed that Tajik firms were among the largest investors.",
     "Emomali Rahmon"),
    ("Talks\n\nPrime Minister Narendra Modi met Mr Jonas Berg. During the talks, the Indian Prime Minister "
     "welcomed the investors and thanked President Droupadi Murmu. He noted that trade had doubled.",
     "Narendra Modi"),
    ("Talks\n\nPresident Emmanuel Macron received Mr Pedro Sanchez in Paris. The French President greeted "
     "Chancellor Friedrich Merz too. He said that Europe must act together.", "Emmanuel Macron"),
]



COUNTERPARTS = [
    ("Border\n\nFrench Interior Minister Laurent Nunez and his Spanish counterpart Fernando Grande-Marlaska "
     "met in Perpignan on Monday. After the meeting, they said the checks would be reduced.",
     "Laurent Nunez | Fernando Grande-Marlaska"),
    ("Trade\n\nKenyan Trade Minister Lee Kinyanjui and his Ugandan counterpart Gabriel Ajedra held talks "
     "in Nairobi. They said tariffs on sugar would be cut by half.", "Lee Kinyanjui | Gabriel Ajedra"),
    ("Rail\n\nPolish Infrastructure Minister Adam Nowak and his Lithuanian counterpart Tomas Balys signed "
     "the protocol on Tuesday. They said the railway would open in 2028.", "Adam Nowak | Tomas Balys"),
    ("Water\n\nEgyptian Irrigation Minister Hany Sewilam and his Sudanese counterpart Omer Mohamed met in "
     "Cairo. They stressed that the dam talks must resume.", "Hany Sewilam | Omer Mohamed"),
]



REPORT_OWNERS = [
    ("Rice\n\nA study by the International Rice Research Institute published in June warned that rising "
     "salinity could cut yields by 15%.", "International Rice Research Institute"),
    ("Gas\n\nA report from the International Energy Agency said that demand for gas would peak in 2030.",
     "International Energy Agency"),
    ("Ports\n\nAn analysis by the World Bank concluded that tariffs hurt growth. A survey by the Asian "
     "Development Bank warned that port costs would rise.", "Asian Development Bank"),
    # no owner: the report stays unresolved
    ("Jobs\n\nA study published in June warned that wages would stall.", None),
]

# phenomenon -> (cases, what the speaker_text of the last row starts or ends with, or None)
GROUPS = {"initials": (INITIALLED, None), "honorific": (HONORIFICS, "Hi"), "description": (DESCRIPTIONS, "boss"),
          "role_subject": (ROLE_SUBJECT_THEN_PRONOUN, None), "counterpart": (COUNTERPARTS, None),
          "report_owner": (REPORT_OWNERS, None)}


@pytest.mark.parametrize("group,text,speaker", [(g, t, s) for g, (cases, _) in GROUPS.items() for t, s in cases])
def test_the_described_speaker(nlp, group, text, speaker):
    got, written = last_row(nlp, text)
    assert got == speaker, (got, written)
    mark = GROUPS[group][1]
    if mark is not None:
        assert written.startswith(mark) or written.endswith(mark), written
