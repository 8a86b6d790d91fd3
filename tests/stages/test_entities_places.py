"""Sub-national places (models/entities/regions.tsv, region_forms.tsv): regions, provinces,
oblasts, krais, states, emirates and cities are GPE mentions with a canonical name and the
ISO code of their country, in every form news writes them."""

import pytest


def mention(doc, text):
    found = [m for m in doc._.entities if m["text"] == text]
    assert len(found) == 1, (text, [(m["text"], m["label"]) for m in doc._.entities])
    return found[0]


@pytest.mark.parametrize("text, surface, canonical, country", [
    # "X Province" / "X province"
    ("Officials from Heilongjiang Province arrived in the morning.", "Heilongjiang Province", "Heilongjiang", "CN"),
    ("Trade with Jilin province grew by a fifth.", "Jilin province", "Jilin", "CN"),
    ("A delegation from Gangwon Province toured the port.", "Gangwon Province", "Gangwon Province", "KR"),
    # "X Oblast" / "X oblast"
    ("Farmers in Amur Oblast expect a good harvest.", "Amur Oblast", "Amur Oblast", "RU"),
    ("The governor of Irkutsk oblast visited the plant.", "Irkutsk oblast", "Irkutsk Oblast", "RU"),
    # "X region" / "X Region"
    ("The akim of Kostanay region opened the fair.", "Kostanay region", "Kostanay Region", "KZ"),
    ("Investors looked at Sughd Region for textile plants.", "Sughd Region", "Sughd Region", "TJ"),
    ("Water projects in the Samarkand region were discussed.", "Samarkand region", "Samarkand Region", "UZ"),
    ("Issyk-Kul region hosts the games.", "Issyk-Kul region", "Issyk-Kul Region", "KG"),
    ("Cotton from Lebap region is exported.", "Lebap region", "Lebap Region", "TM"),
    # "X krai" / "X Krai" / "X Territory"
    ("A ferry links Primorsky Krai with the islands.", "Primorsky Krai", "Primorsky Krai", "RU"),
    ("Exports from Khabarovsk krai rose.", "Khabarovsk krai", "Khabarovsk Krai", "RU"),
    ("Timber from Krasnoyarsk Territory reached the border.", "Krasnoyarsk Territory", "Krasnoyarsk Krai", "RU"),
    # "X Autonomous Region", republics, aimags
    ("Cotton from the Xinjiang Uygur Autonomous Region was sold.", "Xinjiang Uygur Autonomous Region", "Xinjiang", "CN"),
    ("Ties with the Republic of Tatarstan deepened.", "Republic of Tatarstan", "Tatarstan", "RU"),
    ("Copper mines in Umnugovi Province employ thousands.", "Umnugovi Province", "Umnugovi Province", "MN"),
    # "X state", "X Governorate", "X Prefecture", emirates
    ("Odisha state attracted new investment.", "Odisha state", "Odisha", "IN"),
    ("The Alexandria Governorate approved the plan.", "Alexandria Governorate", "Alexandria", "EG"),
    ("The Hokkaido Prefecture government signed on.", "Hokkaido Prefecture", "Hokkaido", "JP"),
    ("A fund based in the Emirate of Sharjah invested.", "Emirate of Sharjah", "Sharjah", "AE"),
    # bare names
    ("Odisha signed agreements with several investors.", "Odisha", "Odisha", "IN"),
    ("The talks in Urumqi ended on Friday.", "Urumqi", "Urumqi", "CN"),
    ("Guangdong and Zhejiang lead the exports.", "Zhejiang", "Zhejiang", "CN"),
    ("Investors from Dubai came.", "Dubai", "Dubai", "AE"),
    ("A new terminal opened in Aktau.", "Aktau", "Aktau", "KZ"),
])
def test_regional_forms_are_gpe_with_country(nlp, text, surface, canonical, country):
    m = mention(nlp(text), surface)
    assert (m["label"], m["canonical"], m["country"]) == ("GPE", canonical, country)


@pytest.mark.parametrize("text, name, country", [
    ("Exporters in the city of Taraz shipped grain.", "Taraz", "KZ"),
    ("The City of Khujand hosted the forum.", "Khujand", "TJ"),
    ("A plant will be built in Shymkent city.", "Shymkent", "KZ"),
    ("The mayor of the city of Mary welcomed them.", "Mary", "TM"),
    ("Guests arrived in Astana city on Tuesday.", "Astana", "KZ"),
    ("Talks were held in the city of Harbin.", "Harbin", "CN"),
])
def test_a_city_form_is_the_city_name(nlp, text, name, country):
    m = mention(nlp(text), name)
    assert (m["label"], m["country"]) == ("GPE", country)


@pytest.mark.parametrize("text, region, city", [
    ("The Samarkand region and Samarkand itself welcomed tourists.", "Samarkand region", "Samarkand"),
    ("Karaganda Region officials met Karaganda business owners.", "Karaganda Region", "Karaganda"),
    ("Almaty region farms supply Almaty markets.", "Almaty region", "Almaty"),
])
def test_a_region_and_its_city_are_two_entities(nlp, text, region, city):
    doc = nlp(text)
    r, c = mention(doc, region), mention(doc, city)
    assert r["entity_id"] != c["entity_id"] and r["country"] == c["country"]


@pytest.mark.parametrize("text, surface", [
    ("Mary said the talks went well.", "Mary"),
    ("The Amur river froze early.", "Amur"),
])
def test_a_bare_name_that_is_no_place_stays_none(nlp, text, surface):
    doc = nlp(text)
    assert not any(m["text"] == surface and m["label"] == "GPE" and m["country"] for m in doc._.entities)


@pytest.mark.parametrize("text, name", [
    ("Water in the Fergana Valley is scarce.", "Fergana Valley"),
    ("The Korean Peninsula was discussed.", "Korean Peninsula"),
    ("Farms across the Chuy Valley need water.", "Chuy Valley"),
    ("Ships crossed the Amur River in May.", "Amur River"),
    ("The Samarkand Valley draws tourists.", "Samarkand Valley"),
])
def test_a_model_place_name_that_starts_with_a_known_place_is_one_mention(nlp, text, name):
    """The model's name of a valley, river or peninsula beats the gazetteer match of its first word."""
    found = [m["text"] for m in nlp(text)._.entities]
    assert name in found and name.split()[0] not in found, found
