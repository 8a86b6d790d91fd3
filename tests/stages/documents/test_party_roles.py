"""Party naming on unseen text (issue 11, fourth round): a wire dateline's city or agency is never
a party nor what "it" stands for; a person named by nationality and role stands for the country;
an institution's "for the X" tail is its name's own; "we signed X with our <people>" names the
other side; a portfolio split at "and" and a legal form after a comma are one name; "the energy
ministries of the two countries" are the countries. Five phrasings per mechanism, none from a
corpus text, with negatives; one parametrised test, its ids named by mechanism."""

from __future__ import annotations

import pytest

from tests.stages.documents_util import run


def parties(doc):
    return [[p["party"] for p in d["parties"]] for d in doc._.documents]


DATELINE_IS_NO_PARTY = [
    ("Doosan wins turbine order\nSEOUL, Nov. 3 (Yonhap) -- Doosan Enerbility Co. said Tuesday it has signed "
     "a turbine supply contract with Vietnam Electricity.", ["Doosan Enerbility Co.", "Vietnam Electricity"]),
    ("MOSCOW, April 8 (TASS) -- Rosatom said Wednesday it has signed a fuel supply contract with the "
     "Hungarian utility MVM.", ["Rosatom", "MVM"]),
    ("NAIROBI, Oct. 2 (KNA) -- Kenya Power said on Friday it had signed a power purchase agreement with "
     "Ethiopian Electric Power.", ["Kenya Power", "Ethiopian Electric Power"]),
    ("Kathmandu, June 17 (RSS): Nepal and India signed seven instruments, including a power trade "
     "agreement, on Tuesday.", ["Nepal", "India"]),
    ("Oslo, 25 November 2026: Equinor ASA has entered into a supply agreement with the Polish utility "
     "PGNiG on gas deliveries.", ["Equinor ASA", "PGNiG"]),
]


NATIONALITY_ROLE_IS_THE_COUNTRY = [
    ("Chilean Foreign Minister Alberto van Klaveren and his Argentine counterpart today signed an "
     "agreement on fisheries.", ["Chile", "Argentina"]),
    ("Kazakh Energy Minister Almasadam Satkaliyev and his Qatari counterpart signed a memorandum on gas "
     "processing on Monday.", ["Kazakhstan", "Qatar"]),
    ("The Indian ambassador and the Omani minister signed an agreement on maritime security on Monday.",
     ["India", "Oman"]),
    ("Uzbek Foreign Minister Bakhtiyor Saidov and his Turkmen colleague signed a programme of "
     "consultations for 2026-2027.", ["Uzbekistan", "Turkmenistan"]),
    ("Hungarian Foreign Minister Peter Szijjarto and his Serbian counterpart signed a memorandum on "
     "energy in Belgrade on Monday.", ["Hungary", "Serbia"]),
    ("The agreement was signed by the Ambassador Extraordinary and Plenipotentiary of Japan to the "
     "Philippines and the Secretary of Finance.", ["Philippines", "Japan"]),
]


INSTITUTION_NAME_TAIL = [
    ("The Australian Infrastructure Financing Facility for the Pacific and PNG Power Ltd concluded a loan "
     "agreement for a transmission line.", ["Australian Infrastructure Financing Facility for the Pacific", "PNG Power Ltd"]),
    ("Ghana signed an agreement with the Agency for Cooperation in Research for the Volta project.",
     ["Ghana", "Agency for Cooperation in Research for the Volta project"]),
    # negatives: a purpose after a company, a lowercase purpose after an institution
    ("Egypt signed a contract with Siemens for the Cairo Metro on Monday.", ["Egypt", "Siemens"]),
    ("Egypt signed an agreement with the World Bank for the Upper Egypt programme on Monday.", ["Egypt", "World Bank"]),
    ("Peru signed a loan agreement with the Development Bank for a new water plant on Monday.",
     ["Peru", "Development Bank"]),
]


WE_SIGNED_WITH_PEOPLE = [
    ('Turkish President Erdogan visited Baghdad on Monday.\n"Today we signed a framework agreement on water '
     'with our Iraqi brothers," Erdogan said.', ["Turkey", "Iraq"]),
    ('Kazakh President Tokayev received the Emir in Astana.\n"This morning we signed an agreement on '
     'investment protection with our Qatari friends," Tokayev said.', ["Kazakhstan", "Qatar"]),
    ('Indian Prime Minister Modi met the Sri Lankan president in Colombo.\n"We signed a memorandum on energy '
     'with our Sri Lankan partners today," Modi told reporters.', ["India", "Sri Lanka"]),
    ('Uzbek President Mirziyoyev hosted talks in Samarkand.\n"Today we have signed a programme on tourism '
     'with the Tajik side," Mirziyoyev said.', ["Uzbekistan", "Tajikistan"]),
    ('Russian President Putin arrived in Hanoi.\n"We signed an agreement on nuclear science with our '
     'Vietnamese colleagues," Putin said.', ["Russia", "Vietnam"]),
    # negatives: the with-phrase names a company or the country itself
    ('Egyptian President Sisi hosted talks in Cairo.\n"Today we signed a contract with Siemens on rail," Sisi said.',
     ["Egypt", "Siemens"]),
    ('Egyptian President Sisi met the Kenyan president in Cairo.\n"Today we signed an agreement on trade with '
     'Kenya," Sisi said.', ["Egypt", "Kenya"]),
]


PORTFOLIO_SHARES_ITS_HEAD = [
    ("On the same occasion, the Investment and Downstreaming Ministry signed cooperation agreements with "
     "Delta Marine for a floating LNG terminal and with Omega Chemicals for a methanol plant.",
     ["Investment and Downstreaming Ministry", "Delta Marine"]),
    ("The Industry and Trade Ministry signed supply agreements with Delta Marine for a floating terminal "
     "and with Omega Chemicals for a methanol plant.", ["Industry and Trade Ministry", "Delta Marine"]),
    ("The Energy and Mines Ministry signed an agreement with Rio Tinto on lithium on Monday.",
     ["Energy and Mines Ministry", "Rio Tinto"]),
    ("The Tourism and Culture Authority signed a memorandum with Emirates on Monday.",
     ["Tourism and Culture Authority", "Emirates"]),
    ("The Ministry of Industry and Trade signed supply agreements with Delta Marine for a floating terminal "
     "and with Omega Chemicals for a methanol plant.", ["Ministry of Industry and Trade", "Delta Marine"]),
    # negative: a country and a ministry are two sides
    ("Kazakhstan and Uzbek Ministry of Energy signed an agreement on power on Monday.",
     ["Kazakhstan", "Uzbek Ministry of Energy"]),
]


LEGAL_FORM_AFTER_COMMA = [
    ("Gamuda Engineering Sdn Bhd entered into a memorandum of understanding with Thai Airport Ground "
     "Services Co., Ltd. on Monday.", ["Gamuda Engineering Sdn Bhd", "Thai Airport Ground Services Co., Ltd"]),
    ("Hyundai Engineering signed a contract with Vietnam Steel Co., Ltd. for a new plant on Monday.",
     ["Hyundai Engineering", "Vietnam Steel Co., Ltd"]),
    ("Acme Widgets, Inc. and Kazatomprom signed a supply agreement on Monday.", ["Acme Widgets, Inc", "Kazatomprom"]),
    ("Kazatomprom signed a supply agreement with Orano, Cameco and Acme Holdings, Ltd. on Monday.",
     ["Kazatomprom", "Orano", "Cameco", "Acme Holdings, Ltd"]),
    ("Lotte Chemical and Pertamina signed a memorandum with Siam Polymer Co., Ltd. on Monday.",
     ["Lotte Chemical", "Pertamina", "Siam Polymer Co., Ltd"]),
]


MINISTRIES_OF_THE_TWO_COUNTRIES = [
    ("Kazakhstan and Azerbaijan held talks in Baku. A protocol on oil tariffs was signed by the energy "
     "ministries of the two countries.", ["Kazakhstan", "Azerbaijan"]),
    ("Uzbekistan and Tajikistan held talks in Dushanbe. A memorandum on payments was signed by the central "
     "banks of both countries.", ["Uzbekistan", "Tajikistan"]),
    ("Chile and Peru held talks in Lima. A plan on disaster relief was signed by the foreign ministries of "
     "the two nations.", ["Chile", "Peru"]),
    ("Ghana and Togo held talks in Accra. An agreement on customs was signed by the finance ministries of "
     "the two states.", ["Ghana", "Togo"]),
    ("Japan and Vietnam held talks in Hanoi. A memorandum on farming was signed by the agriculture "
     "ministries of the two countries.", ["Japan", "Vietnam"]),
    # the heads of two cities stay the cities
    ("Osh and Andijan held talks. The heads of the two cities signed a roadmap on trade on Monday.", ["Osh", "Andijan"]),
]


#: every mechanism's phrasings, named by mechanism in the test ids
GROUPS = {"dateline": DATELINE_IS_NO_PARTY, "nationality_role": NATIONALITY_ROLE_IS_THE_COUNTRY,
          "name_tail": INSTITUTION_NAME_TAIL, "we_signed_with": WE_SIGNED_WITH_PEOPLE,
          "portfolio": PORTFOLIO_SHARES_ITS_HEAD, "legal_form": LEGAL_FORM_AFTER_COMMA,
          "ministries_of_two": MINISTRIES_OF_THE_TWO_COUNTRIES}
CASES = [pytest.param(text, want, id=f"{group}-{n}")
         for group, cases in GROUPS.items() for n, (text, want) in enumerate(cases)]


@pytest.mark.parametrize("text, want", CASES)
def test_party_roles(nlp, text, want):
    assert parties(run(nlp, text))[0] == want
