"""Places and descriptions of organisations as speakers (issue 12 part 1), invented phrasings,
positive and negative: a dateline place is never the speaker (the person or organisation named
after it is); "the company" / "the federation" is the organisation the article described with
that word; "they" after "the ministers of A and B, X and Y" is the persons, not the places."""

import pytest

T = "Regional news\n\n"


def last_speaker(nlp, text):
    doc = nlp(text)
    quotes = doc._.quotes
    assert quotes, text
    return quotes[-1]["speaker"]


DATELINES = [
    (T + "Islamabad, March 3 (APP) Finance Minister Omar Latif on Monday said the budget deficit would narrow.",
     "Omar Latif"),
    (T + "NAIROBI, Kenya, May 2, 2026 /PRNewswire/ -- Savanna Telecom, a Kenyan mobile operator, "
         "today announced that it had bought a Ugandan rival.", "Savanna Telecom"),
    (T + "TASHKENT, 4 June - Uzbek Foreign Minister Bakhtiyor Saidov said the talks had been productive.",
     "Bakhtiyor Saidov"),
    (T + "Lagos, Jan 12 (NAN) Trade Minister Doris Uzoka on Friday said exports to Ghana had doubled.",
     "Doris Uzoka"),
    (T + "BAKU, Oct 8 (Trend) -- Azerbaijan's energy minister Parviz Shahbazov said gas exports would rise.",
     "Parviz Shahbazov"),
]


@pytest.mark.parametrize("text,speaker", DATELINES)
def test_dateline_place_is_no_speaker(nlp, text, speaker):
    assert last_speaker(nlp, text) == speaker


PLACES_THAT_SPEAK = [  # a country subject that is no dateline keeps speaking
    (T + "Russia, meanwhile, said it would send a delegation to the talks next week.", "Russia"),
    (T + "The talks continued. Turkey said the corridor would open by the end of the year.", "Turkey"),
    (T + "Kazakhstan, the largest economy in the region, said it would raise oil output in May.", "Kazakhstan"),
    (T + "China said on Tuesday that it would lift the ban on Australian wine.", "China"),
    (T + "Before the vote, Poland said it would support the package.", "Poland"),
]


@pytest.mark.parametrize("text,speaker", PLACES_THAT_SPEAK)
def test_places_outside_datelines_still_speak(nlp, text, speaker):
    assert last_speaker(nlp, text) == speaker


DESCRIBED_ORGS = [
    (T + "Kora Pay, a Ghanaian payments company backed by the IFC, raised $30 million. "
         "The money will pay for new licences in Togo, the company said.", "Kora Pay"),
    (T + "Baltic Freight, a Latvian logistics company, signed a deal with the port of Gdansk. "
         "The company said the deal would add two shipping lines.", "Baltic Freight"),
    (T + "Andes Mining, a Chilean company, sold a stake to Rio Tinto. "
         "According to the company, output will double by 2030.", "Andes Mining"),
    (T + "Nordic Grain, a Swedish trading company controlled by the Lind family, bought a mill. "
         "The company said prices of wheat had stabilised.", "Nordic Grain"),
    (T + "Cedar Health, a Lebanese hospital company, opened a clinic in Erbil with support from Qatar Charity. "
         "The company said the clinic would treat 200 patients a day.", "Cedar Health"),
]


@pytest.mark.parametrize("text,speaker", DESCRIBED_ORGS)
def test_the_company_is_the_one_described_so(nlp, text, speaker):
    assert last_speaker(nlp, text) == speaker


GROUPS_OF_PERSONS = [
    (T + "The trade ministers of Chile and Peru, Ana Rojas and Luis Vega, met in Lima on Monday. "
         "They said that tariffs on copper parts would be removed.", "Ana Rojas | Luis Vega"),
    (T + "The foreign ministers of Poland and Lithuania, Marek Nowak and Jonas Petraitis, met in Vilnius. "
         "They said that the rail link would open in 2030.", "Marek Nowak | Jonas Petraitis"),
    (T + "The leaders of Kenya and Uganda, William Ruto and Yoweri Museveni, met in Kampala. "
         "They said that the pipeline talks would resume.", "William Ruto | Yoweri Museveni"),
    (T + "The energy ministers of Egypt and Greece, Karim Badawi and Nikos Papas, met in Athens. "
         "They said that the cable would be laid by 2028.", "Karim Badawi | Nikos Papas"),
    (T + "The central bank heads of Brazil and Chile, Carlos Duarte and Rosa Soto, met in Santiago. "
         "They said that a payment link would be tested next year.", "Carlos Duarte | Rosa Soto"),
]


@pytest.mark.parametrize("text,speaker", GROUPS_OF_PERSONS)
def test_they_is_the_persons_not_the_places(nlp, text, speaker):
    assert last_speaker(nlp, text) == speaker


POSSESSOR_IN_APPOSITION = [  # "X, the company's chief executive,": X is no company; "according to the company" is a statement
    (T + "Kora Pay, a payments company founded by Ama Mensah, raised $30 million. “We are growing fast,” said "
         "Ama Mensah, the company's chief executive. The money will pay for licences, the company said.", "Kora Pay"),
    (T + "Baltic Freight, a logistics company run by Janis Ozols, bought two ships. Janis Ozols, the company's "
         "founder, was pleased. The ships will sail in May, the company said.", "Baltic Freight"),
    (T + "Andes Mining, a Chilean company, sold a stake. Rosa Soto, the company's chair, spoke to analysts. "
         "According to the company, Andes Mining produced 90,000 tonnes of copper last year.", "Andes Mining"),
    (T + "Cedar Health, a hospital company, opened a clinic. Karim Haddad, the company's owner, cut the ribbon. "
         "The clinic will treat 200 patients a day, the company said.", "Cedar Health"),
    (T + "Nordic Grain, a trading company, bought a mill. Lars Lind, the company's head of trading, was there. "
         "The company said prices of wheat had stabilised.", "Nordic Grain"),
]


@pytest.mark.parametrize("text,speaker", POSSESSOR_IN_APPOSITION)
def test_a_possessor_in_an_apposition_describes_nobody(nlp, text, speaker):
    assert last_speaker(nlp, text) == speaker
